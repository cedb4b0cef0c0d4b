"""A figure tile: one big number with its caption and a short note underneath."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

logger = logging.getLogger(__name__)


class FigureTile(QFrame):
    """Shows `value` large, `caption` above it and `note` (comparison, unit) below."""

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

    def set(self, value: str, note: str = "", alert: bool = False) -> None:
        self.value.setText(value)
        self.value.setStyleSheet("color: #b3261e;" if alert else "")
        self.note.setText(note)
