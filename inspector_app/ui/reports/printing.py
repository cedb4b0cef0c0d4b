"""Printing a previewed report: its page images, each scaled to fit a printed page."""

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


def printing_available() -> bool:
    return QPrinter is not None


def new_printer(title: str):
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    return printer


def paint_pages(printer, pages: list[Path]) -> int:
    """Paint the page images (the printer's chosen range) onto `printer`; returns pages printed."""
    first, last = printer.fromPage(), printer.toPage()
    if first <= 0 or last <= 0:
        first, last = 1, len(pages)
    chosen = pages[first - 1 : last]
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("The printer could not be started")
    printed = 0
    try:
        for i, path in enumerate(chosen):
            if i:
                printer.newPage()
            image = QImage(str(path))
            if image.isNull():
                logger.warning("Skipping unreadable page image %s", path)
                continue
            area = painter.viewport()
            size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(
                area.x() + (area.width() - size.width()) // 2,
                area.y() + (area.height() - size.height()) // 2,
                size.width(),
                size.height(),
            )
            painter.drawImage(target, image)
            printed += 1
    finally:
        painter.end()
    logger.info("Printed %d page(s) of %s", printed, printer.docName())
    return printed


def print_pages(parent: QWidget | None, title: str, pages: list[Path]) -> int:
    """Ask for a printer (Qt's print dialog) and print; returns pages printed (0: cancelled)."""
    printer = new_printer(title)
    dialog = QPrintDialog(printer, parent)
    dialog.setObjectName("print_dialog")
    dialog.setMinMax(1, max(1, len(pages)))
    dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
    if dialog.exec() != QDialog.DialogCode.Accepted.value:
        return 0
    return paint_pages(printer, pages)
