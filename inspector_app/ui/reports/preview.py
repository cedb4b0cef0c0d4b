"""The preview of a PDF report: its page images, fitted to the width, in a scroll area."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QImageReader, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from inspector_app.ui.contrast import muted_style
from inspector_app.ui.i18n import tr

logger = logging.getLogger(__name__)

#: Widest a page is shown (px); wider windows leave margins instead of blowing pages up.
MAX_PAGE_WIDTH = 1000
#: Narrowest a page is shown (px).
MIN_PAGE_WIDTH = 320
#: A width change smaller than this (px) keeps the pages as they are.
RESCALE_STEP = 40
#: Milliseconds of resizing quiet before the pages are scaled again.
RESCALE_DELAY_MS = 150


class PreviewPane(QWidget):
    """Either a message (nothing to show yet, no pdftoppm, …) or the pages of one document."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("report_preview")
        self._pages: list[Path] = []
        self._labels: list[QLabel] = []
        self._width = 0

        self.title = QLabel(self)
        self.title.setObjectName("preview_title")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.title.setContentsMargins(8, 6, 8, 6)
        self.banner = QLabel(self)
        self.banner.setObjectName("preview_banner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "QLabel { background: #fff4d6; border: 1px solid #e0c060; padding: 4px 8px; }"
        )
        self.banner.hide()

        self.message = QLabel(self)
        self.message.setObjectName("preview_message")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setContentsMargins(40, 40, 40, 40)
        self.message.setStyleSheet(f"QLabel {{ {muted_style(self)} font-size: 12pt; }}")

        self.sheet = QWidget()
        self.sheet.setObjectName("preview_sheet")
        self.sheet_layout = QVBoxLayout(self.sheet)
        self.sheet_layout.setContentsMargins(16, 16, 16, 16)
        self.sheet_layout.setSpacing(16)
        self.sheet_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setObjectName("preview_scroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setStyleSheet("QScrollArea, #preview_sheet { background: #8a8f96; }")
        self.scroll_area.setWidget(self.sheet)

        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.message)
        self.stack.addWidget(self.scroll_area)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.banner)
        layout.addWidget(self.stack, 1)

        self._rescale = QTimer(self)
        self._rescale.setSingleShot(True)
        self._rescale.setInterval(RESCALE_DELAY_MS)
        self._rescale.timeout.connect(self._fit)
        self.show_message(tr("Choose a report on the left and press Preview to see it here."))

    # -- what is shown ---------------------------------------------------------------------

    @property
    def page_count(self) -> int:
        return len(self._pages)

    def page_labels(self) -> list[QLabel]:
        return list(self._labels)

    def show_message(self, text: str, title: str = "") -> None:
        """Show `text` instead of pages (and forget the pages)."""
        self._clear_pages()
        self.title.setText(title)
        self.title.setVisible(bool(title))
        self.banner.hide()
        self.message.setText(text)
        self.stack.setCurrentWidget(self.message)

    def show_pages(self, title: str, pages: list[Path]) -> None:
        """Show the page images of one document, fitted to the current width."""
        self._clear_pages()
        self.title.setText(title)
        self.title.show()
        self.banner.hide()
        self._pages = list(pages)
        for i, _path in enumerate(self._pages, 1):
            label = QLabel(self.sheet)
            label.setObjectName(f"preview_page_{i}")
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            label.setStyleSheet("QLabel { background: white; }")
            label.setToolTip(tr("Page %1 of %2").replace("%1", str(i)).replace("%2", str(len(pages))))
            self.sheet_layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
            self._labels.append(label)
        self.stack.setCurrentWidget(self.scroll_area)
        self._width = 0
        self._fit()
        self.scroll_area.verticalScrollBar().setValue(0)

    def set_banner(self, text: str) -> None:
        """A note above the pages (e.g. that the data changed since); "" hides it."""
        self.banner.setText(text)
        self.banner.setVisible(bool(text))

    def _clear_pages(self) -> None:
        for label in self._labels:
            self.sheet_layout.removeWidget(label)
            label.deleteLater()
        self._labels.clear()
        self._pages = []

    # -- scaling ---------------------------------------------------------------------------

    def _target_width(self) -> int:
        margins = self.sheet_layout.contentsMargins()
        scrollbar = self.scroll_area.verticalScrollBar().sizeHint().width()
        avail = self.scroll_area.viewport().width() - margins.left() - margins.right() - scrollbar
        return max(MIN_PAGE_WIDTH, min(MAX_PAGE_WIDTH, avail))

    def _fit(self) -> None:
        width = self._target_width()
        if not self._labels or abs(width - self._width) < RESCALE_STEP and self._width:
            return
        self._width = width
        for label, path in zip(self._labels, self._pages, strict=True):
            reader = QImageReader(str(path))
            size = reader.size()
            if size.isValid() and size.width() > 0:
                reader.setScaledSize(QSize(width, round(size.height() * width / size.width())))
            image = reader.read()
            if image.isNull():
                label.setText(tr("This page could not be shown."))
                label.setFixedSize(width, round(width * 1.414))
                continue
            label.setPixmap(QPixmap.fromImage(image))
            label.setFixedSize(image.size())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self._labels:
            self._rescale.start()
