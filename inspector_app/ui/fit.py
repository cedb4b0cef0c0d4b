"""Widgets that fit small screens: a layout that wraps its widgets, a label that elides its text.

The window never grows to fit a long text or a row of buttons (docs/architecture.md,
"Small screens"): rows of buttons wrap onto a second line, one-line labels elide with the
full text in their tooltip.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QLabel,
    QLayout,
    QLayoutItem,
    QScrollArea,
    QSizePolicy,
    QWidget,
)

logger = logging.getLogger(__name__)

#: Narrowest an ElidedLabel asks to be (px): room for a few characters and the ellipsis.
ELIDED_MIN_WIDTH = 48


class FlowLayout(QLayout):
    """Lays its items out left to right and wraps onto the next line when the width runs out.

    Its minimum width is that of its widest item, so a row of buttons never widens a window.
    `add_stretch_break()` is not needed: items that do not fit simply move down.
    """

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt override
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt override
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt override
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt override
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return self._do_layout(QRect(0, 0, width, 0), test_only=True)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt override
        super().setGeometry(rect)
        self._do_layout(rect, test_only=False)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        # One line: as wide as all items side by side.
        width = height = 0
        for item in self._visible():
            hint = item.sizeHint()
            width += hint.width() + (self._spacing if width else 0)
            height = max(height, hint.height())
        m = self.contentsMargins()
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt override
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _visible(self) -> list[QLayoutItem]:
        return [i for i in self._items if (w := i.widget()) is None or not w.isHidden()]

    def _do_layout(self, rect: QRect, test_only: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        x, y, line_height = area.x(), area.y(), 0
        for item in self._visible():
            hint = item.sizeHint()
            width = min(hint.width(), area.width()) if area.width() > 0 else hint.width()
            if x > area.x() and x + width > area.right() + 1:
                x, y = area.x(), y + line_height + self._spacing
                line_height = 0
            if not test_only:
                item.setGeometry(QRect(QPoint(x, y), QSize(width, hint.height())))
            x += width + self._spacing
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y() + m.bottom()


class ElidedLabel(QLabel):
    """A one-line label that shrinks by eliding its text ("Merchant’s rectifi…"), the whole
    text in its tooltip while it is cut."""

    def __init__(self, text: str = "", parent: QWidget | None = None,
                 mode: Qt.TextElideMode = Qt.TextElideMode.ElideRight) -> None:
        super().__init__(text, parent)
        self._mode = mode
        self._own_tip = ""
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), ELIDED_MIN_WIDTH), hint.height())

    def is_elided(self) -> bool:
        return self.fontMetrics().horizontalAdvance(self.text()) > self.contentsRect().width()

    def setToolTip(self, tip: str) -> None:  # noqa: N802 - Qt override
        self._own_tip = tip
        self._sync_tip()

    def setText(self, text: str) -> None:  # noqa: N802 - Qt override
        super().setText(text)
        self._sync_tip()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._sync_tip()

    def _sync_tip(self) -> None:
        super().setToolTip(self._own_tip or (self.text() if self.is_elided() else ""))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        if not self.is_elided():
            super().paintEvent(event)
            return
        painter = QPainter(self)
        rect = self.contentsRect()
        text = self.fontMetrics().elidedText(self.text(), self._mode, rect.width())
        self.style().drawItemText(
            painter, rect, int(self.alignment()), self.palette(), self.isEnabled(), text,
            self.foregroundRole(),
        )
        painter.end()


#: Characters a shrinkable combo box asks room for; longer entries show in full in its list.
COMBO_MIN_CHARS = 10


def shrinkable_combo(combo: QComboBox, chars: int = COMBO_MIN_CHARS) -> QComboBox:
    """A combo box no wider than `chars` characters at least, not as wide as its longest entry."""
    combo.setMinimumContentsLength(chars)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    return combo


#: Pixels a column header needs besides its text: margins and the sort indicator.
HEADER_PADDING = 26


def fit_column(view, column: int, width: int) -> None:
    """Give a table column `width`, or the width of its header's text in this language when
    that is wider (at most twice `width`; a longer header elides)."""
    text = str(view.model().headerData(column, Qt.Orientation.Horizontal) or "")
    needed = view.horizontalHeader().fontMetrics().horizontalAdvance(text) + HEADER_PADDING
    view.setColumnWidth(column, max(width, min(needed, 2 * width)))


def scrolling(widget: QWidget) -> QScrollArea:
    """`widget` in a frameless scroll area: it keeps its minimum size, the area can shrink."""
    area = QScrollArea(widget.parentWidget())
    area.setObjectName(f"{widget.objectName() or 'page'}_scroll")
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setWidget(widget)
    return area


def fits(widget: QWidget, size: QSize) -> bool:
    """Whether the widget's minimum size fits in `size` (the small-screen check of the tests)."""
    hint = widget.minimumSizeHint().expandedTo(widget.minimumSize())
    return hint.width() <= size.width() and hint.height() <= size.height()
