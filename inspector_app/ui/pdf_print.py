"""Printing a PDF the application wrote (a rectification notice, a report) on a QPrinter.

PySide6-Essentials has no QtPdf, so the pages are drawn with PDFium (pypdfium2, a wheel
with the library inside: nothing to install on the user's machine) at the printer's
resolution, at most PRINT_DPI, each scaled to fit the printed page (docs/architecture.md,
"Printing").
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPageSize, QPainter
from PySide6.QtWidgets import QDialog, QWidget

logger = logging.getLogger(__name__)

try:  # QtPrintSupport is an optional part of some PySide6 builds.
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
except ImportError:  # pragma: no cover - depends on the installation
    QPrintDialog = QPrinter = None  # type: ignore[assignment,misc]

#: Highest resolution a page is drawn at for printing (dots per inch).
PRINT_DPI = 300
#: PDF points per inch.
_POINTS = 72.0


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


def render_page(pdf: Path, index: int, dpi: float) -> QImage:
    """Page `index` (from 0) of `pdf` as an image at `dpi`, on white."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        page = doc[index]
        bitmap = page.render(scale=dpi / _POINTS, rev_byteorder=True)
        pil = bitmap.to_pil().convert("RGB")
        data = pil.tobytes("raw", "RGB")
        image = QImage(data, pil.width, pil.height, 3 * pil.width, QImage.Format.Format_RGB888)
        return image.copy()  # own the pixels: `data` goes away with this function
    finally:
        doc.close()


def new_printer(title: str):
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    return printer


def print_pdf(printer, pdf: Path) -> int:
    """Draw the pages of `pdf` (the printer's chosen range) on `printer`; returns pages printed."""
    total = page_count(pdf)
    first, last = printer.fromPage(), printer.toPage()
    if first <= 0 or last <= 0:
        first, last = 1, total
    last = min(last, total)
    dpi = min(printer.resolution(), PRINT_DPI)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(f"The printer could not be started for {pdf.name}")
    printed = 0
    try:
        for number in range(first, last + 1):
            if printed:
                printer.newPage()
            image = render_page(pdf, number - 1, dpi)
            area = painter.viewport()
            size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(area.x() + (area.width() - size.width()) // 2,
                           area.y() + (area.height() - size.height()) // 2,
                           size.width(), size.height())
            painter.drawImage(target, image)
            printed += 1
    finally:
        painter.end()
    logger.info("Printed %d page(s) of %s", printed, pdf)
    return printed


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
