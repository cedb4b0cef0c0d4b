"""Printing a PDF the application wrote (a rectification notice, a report) on a QPrinter.

PySide6-Essentials has no QtPdf, so the pages are drawn with PDFium (pypdfium2, a wheel
with the library inside: nothing to install on the user's machine) at the printer's
resolution, at most PRINT_DPI, each scaled to fit the printed page (docs/architecture.md,
"Printing"). `print_pdf_task` draws them on a worker thread, with progress and Cancel: the
worker hands each page over as bytes, and the GUI thread makes the QImage and paints it on
the printer; at most AHEAD pages wait, so a long document does not fill the memory.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Generator
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, QRect, Qt, Signal, Slot
from PySide6.QtGui import QImage, QPageSize, QPainter
from PySide6.QtWidgets import QDialog, QWidget

from inspector_app.ui.i18n import tr
from inspector_app.ui.tasks import Task, run_task

logger = logging.getLogger(__name__)

try:  # QtPrintSupport is an optional part of some PySide6 builds.
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
except ImportError:  # pragma: no cover - depends on the installation
    QPrintDialog = QPrinter = None  # type: ignore[assignment,misc]

#: Highest resolution a page is drawn at for printing (dots per inch).
PRINT_DPI = 300
#: PDF points per inch.
_POINTS = 72.0
#: Pages drawn ahead of the printer (each up to ~26 MB at 300 dpi on A4).
AHEAD = 2
#: How often a worker waiting for the printer checks that printing goes on (seconds).
_WAIT_S = 0.2


def printing_available() -> bool:
    """Qt's printing support and PDFium are both there."""
    if QPrinter is None:
        return False
    try:
        import pypdfium2  # noqa: F401
    except ImportError:  # pragma: no cover - a dependency; missing only in a broken install
        return False
    return True


def page_count(pdf: Path) -> int:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        return len(doc)
    finally:
        doc.close()


def _page_pixels(doc, index: int, dpi: float) -> tuple[int, int, bytes]:
    """(width, height, RGB rows) of page `index`: plain bytes, safe to hand between threads."""
    bitmap = doc[index].render(scale=dpi / _POINTS, rev_byteorder=True)
    pil = bitmap.to_pil().convert("RGB")
    return pil.width, pil.height, pil.tobytes("raw", "RGB")


def _image(width: int, height: int, data: bytes) -> QImage:
    image = QImage(data, width, height, 3 * width, QImage.Format.Format_RGB888)
    return image.copy()  # own the pixels: `data` may go once this returns


def render_page(pdf: Path, index: int, dpi: float) -> QImage:
    """Page `index` (from 0) of `pdf` as an image at `dpi`, on white."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        return _image(*_page_pixels(doc, index, dpi))
    finally:
        doc.close()


def new_printer(title: str):
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    return printer


def _page_range(printer, total: int) -> tuple[int, int]:
    """The printer's chosen pages (from 1, inclusive), all of them when none was chosen."""
    first, last = printer.fromPage(), printer.toPage()
    if first <= 0 or last <= 0:
        first, last = 1, total
    return first, min(last, total)


def _draw(painter: QPainter, image: QImage) -> None:
    """The page scaled to fit the printable area, centred."""
    area = painter.viewport()
    size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
    target = QRect(area.x() + (area.width() - size.width()) // 2,
                   area.y() + (area.height() - size.height()) // 2,
                   size.width(), size.height())
    painter.drawImage(target, image)


class _PrinterSink(QObject):
    """Lives on the GUI thread: paints the pages a worker sends (`page_ready`), frees a
    place for the next one, and ends or abandons the print run."""

    page_ready = Signal(int, int, bytes)

    def __init__(self, printer, name: str) -> None:
        super().__init__()
        self.printer = printer
        self.room = threading.Semaphore(AHEAD)
        self.closed = threading.Event()
        self.printed = 0
        self.task: Task | None = None  # a cancelled task's pages still on their way are dropped
        self.painter = QPainter()
        if not self.painter.begin(printer):
            raise OSError(tr("The printer could not be started for %1").replace("%1", name))
        self.page_ready.connect(self.paint)

    @Slot(int, int, bytes)
    def paint(self, width: int, height: int, data: bytes) -> None:
        try:
            if not self.closed.is_set() and not (self.task is not None and self.task.is_cancelled):
                if self.printed:
                    self.printer.newPage()
                _draw(self.painter, _image(width, height, data))
                self.printed += 1
        finally:
            self.room.release()

    def finish(self) -> int:
        if not self.closed.is_set():
            self.closed.set()
            self.painter.end()
        return self.printed

    def abandon(self) -> None:
        """Cancelled or failed: the print run is aborted (nothing reaches the printer)."""
        if not self.closed.is_set():
            self.closed.set()
            self.printer.abort()
            self.painter.end()
        self.room.release()  # a worker waiting for room goes on to its end


def _render_job(pdf: Path, first: int, last: int, dpi: float,
                sink: _PrinterSink) -> Generator[tuple[int, int, str], None, int]:
    """On the worker: each page drawn into bytes and handed to `sink` (at most AHEAD waiting)."""
    import pypdfium2 as pdfium

    total = last - first + 1
    doc = pdfium.PdfDocument(str(pdf))
    try:
        for done, number in enumerate(range(first, last + 1)):
            yield done, total, f"page {number}"  # where Cancel takes effect
            while not sink.room.acquire(timeout=_WAIT_S):
                if sink.closed.is_set():
                    return done
            if sink.closed.is_set():
                return done
            sink.page_ready.emit(*_page_pixels(doc, number - 1, dpi))
        yield total, total, ""
    finally:
        doc.close()
    return total


def print_pdf_task(printer, pdf: Path, parent: QWidget | None,
                   on_done: Callable[[int], None] | None = None) -> Task:
    """Print the pages of `pdf` (the printer's chosen range) off the GUI thread, with
    progress and Cancel over `parent`; `on_done(pages printed)` when the run has ended.
    Cancelling or an error aborts the print run."""
    first, last = _page_range(printer, page_count(pdf))
    sink = _PrinterSink(printer, pdf.name)
    dpi = min(printer.resolution(), PRINT_DPI)

    def finished(_result) -> None:
        printed = sink.finish()
        logger.info("Printed %d page(s) of %s", printed, pdf)
        if on_done is not None:
            on_done(printed)

    def failed(exc: BaseException) -> None:
        sink.abandon()
        from inspector_app.ui.errors import show_error

        show_error(parent, exc)

    def cancelled() -> None:
        sink.abandon()
        logger.info("Printing %s cancelled", pdf)

    task = run_task(
        partial(_render_job, pdf, first, last, dpi, sink),
        finished, failed, on_cancel=cancelled, progress=parent,
        label=tr("Printing %1…").replace("%1", pdf.name), step_labels=False,
        name=f"print {pdf.name}",
    )
    sink.task = task
    return task


def ask_printer(parent: QWidget | None, title: str, pages: int = 0):
    """Qt's print dialog; the chosen printer, or None when cancelled (tests patch this)."""
    printer = new_printer(title)
    dialog = QPrintDialog(printer, parent)
    dialog.setObjectName("print_dialog")
    if pages:
        dialog.setMinMax(1, pages)
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
    try:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted.value
    finally:
        dialog.deleteLater()
    return printer if accepted else None
