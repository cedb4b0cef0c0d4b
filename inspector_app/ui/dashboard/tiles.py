"""A figure tile: one big number with its caption and a short note underneath."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

logger = logging.getLogger(__name__)


class FigureTile(QFrame):
    """Shows `value` large, `caption` above it and `note` (comparison, unit) below.

    `make_link(tip)` turns it into a link: a click, Return or Space emits `opened` (the
    dashboard then shows the rows behind the figure); it takes keyboard focus.
    """

    opened = Signal(str)

    def __init__(self, key: str, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"tile_{key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            f"QFrame#tile_{key} {{ background: palette(base); border: 1px solid #d8dde3;"
            " border-radius: 6px; }"
        )
        self.caption = QLabel(caption, self)
        self.caption.setObjectName("caption")
        self.caption.setWordWrap(True)
        self.caption.setStyleSheet("color: #5a636b;")
        self.value = QLabel("–", self)
        self.value.setObjectName("value")
        font = self.value.font()
        font.setPointSizeF(max(font.pointSizeF(), 9.0) * 2.0)
        font.setBold(True)
        self.value.setFont(font)
        self.note = QLabel("", self)
        self.note.setObjectName("note")
        self.note.setStyleSheet("color: #6b737b;")
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(2)
        for w in (self.caption, self.value, self.note):
            w.setAlignment(Qt.AlignmentFlag.AlignLeft)
            layout.addWidget(w)

    def make_link(self, tip: str) -> None:
        self.key = self.objectName().removeprefix("tile_")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setToolTip(tip)
        self.setAccessibleName(self.caption.text())
        self.setAccessibleDescription(tip)
        self.setStyleSheet(self.styleSheet() + (
            f" QFrame#{self.objectName()}:hover, QFrame#{self.objectName()}:focus"
            " { border: 2px solid #1d4ed8; }"))

    def is_link(self) -> bool:
        return hasattr(self, "key")

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if self.is_link() and event.button() == Qt.MouseButton.LeftButton:
            self.opened.emit(self.key)
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if self.is_link() and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.opened.emit(self.key)
            return
        super().keyPressEvent(event)

    def set(self, value: str, note: str = "", alert: bool = False) -> None:
        self.value.setText(value)
        self.value.setStyleSheet("color: #b3261e;" if alert else "")
        self.note.setText(note)
