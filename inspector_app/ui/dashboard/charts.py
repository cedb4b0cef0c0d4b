"""Small charts painted with QPainter: a Pareto chart, monthly columns and ranked bars."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

logger = logging.getLogger(__name__)

#: Bar colour (a calm blue that prints well in grey too).
BAR = QColor("#3b6ea5")
#: Second series / highlight colour.
ACCENT = QColor("#d9822b")
GRID = QColor("#d8dde3")
TEXT = QColor("#333a40")
MUTED = QColor("#6b737b")
#: The outline of the bar the keyboard is on (the tiles' focus colour).
FOCUS = QColor("#1d4ed8")
#: Keys that move along the bars, by how far.
_MOVES = {Qt.Key.Key_Left: -1, Qt.Key.Key_Up: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Down: 1}


class _Chart(QWidget):
    """Common frame: a title, an empty-state message, margins that fit the labels.

    `make_link(tip)` makes its bars open the rows behind them, as the dashboard's tiles do:
    a click on a bar, or Tab to the chart, the arrow keys to a bar and Return (or Space),
    emits `bar_opened` with the bar's key (`set_items(..., keys)`).
    """

    bar_opened = Signal(object)

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.empty_text = ""
        self.items: list[tuple[str, int]] = []
        self.keys: list[Any] = []
        self.current = 0  # the bar the keyboard is on
        self._hits: list[QRectF] = []  # where each bar was drawn (and answers a click)
        self._tip = ""
        self.setMinimumSize(QSize(280, 220))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def make_link(self, tip: str) -> None:
        self._tip = tip
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setAccessibleName(self.title)
        self.setAccessibleDescription(tip)

    def is_link(self) -> bool:
        return bool(self._tip)

    def _set_keys(self, keys: Sequence[Any] | None) -> None:
        self.keys = list(keys) if keys is not None else [label for label, _ in self.items]
        self.current = min(self.current, max(len(self.items) - 1, 0))
        self._hits = []

    def bar_at(self, pos: QPointF) -> int:
        """The index of the bar under `pos`, or -1."""
        for i, rect in enumerate(self._hits):
            if rect.contains(pos):
                return i
        return -1

    def open_bar(self, index: int) -> None:
        if self.is_link() and 0 <= index < min(len(self.items), len(self.keys)):
            self.current = index
            self.bar_opened.emit(self.keys[index])

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        index = self.bar_at(event.position())
        if event.button() == Qt.MouseButton.LeftButton and index >= 0 and self.is_link():
            self.open_bar(index)
            return
        super().mouseReleaseEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if self.is_link():
            on_bar = self.bar_at(event.position()) >= 0
            self.setCursor(Qt.CursorShape.PointingHandCursor if on_bar else Qt.CursorShape.ArrowCursor)
        super().mouseMoveEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if self.is_link() and self.items:
            key = Qt.Key(event.key())
            if key in _MOVES:
                self.current = max(0, min(len(self.items) - 1, self.current + _MOVES[key]))
                self.update()
                return
            if key in (Qt.Key.Key_Home, Qt.Key.Key_End):
                self.current = 0 if key == Qt.Key.Key_Home else len(self.items) - 1
                self.update()
                return
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
                self.open_bar(self.current)
                return
        super().keyPressEvent(event)

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ToolTip and self.is_link() and isinstance(e, QHelpEvent):
            index = self.bar_at(QPointF(e.pos()))
            if index >= 0:
                label, n = self.items[index]
                QToolTip.showText(e.globalPos(), f"{label}: {n}\n{self._tip}", self)
            else:
                QToolTip.hideText()
            return True
        return super().event(e)

    def _hit(self, index: int, rect: QRectF) -> None:
        """Remember where bar `index` is; outline it when the keyboard is on it."""
        self._hits.append(rect)

    def _outline_current(self, p: QPainter) -> None:
        if self.is_link() and self.hasFocus() and 0 <= self.current < len(self._hits):
            p.setPen(QPen(FOCUS, 2))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(self._hits[self.current].adjusted(-2, -2, 2, 2))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(420, 260)

    def _begin(self) -> tuple[QPainter, QRectF]:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), self.palette().base())
        fm = QFontMetrics(self.font())
        title_font = self.font()
        title_font.setBold(True)
        p.setFont(title_font)
        p.setPen(TEXT)
        p.drawText(QRectF(8, 4, self.width() - 16, fm.height() + 4),
                   Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.title)
        p.setFont(self.font())
        return p, QRectF(8, fm.height() + 14, self.width() - 16, self.height() - fm.height() - 22)

    def _empty(self, p: QPainter, area: QRectF) -> None:
        p.setPen(MUTED)
        p.drawText(area, Qt.AlignmentFlag.AlignCenter, self.empty_text)


def _nice_max(value: float) -> float:
    """A round axis maximum at or above `value` (1, 2, 5 x 10^n)."""
    if value <= 0:
        return 1.0
    exp = 1.0
    while exp * 10 <= value:
        exp *= 10
    for m in (1, 2, 5, 10):
        if m * exp >= value:
            return m * exp
    return 10 * exp


class ParetoChart(_Chart):
    """Categories as bars in descending order, with the cumulative share as a line (0-100%)."""

    def set_items(self, items: Sequence[tuple[str, int]], keys: Sequence[Any] | None = None) -> None:
        keyed = [(label, int(n), k) for (label, n), k in zip(
            items, keys if keys is not None else [label for label, _ in items], strict=True) if n]
        keyed.sort(key=lambda row: -row[1])
        self.items = [(label, n) for label, n, _ in keyed]
        self._set_keys([k for _, _, k in keyed])
        self.update()

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt API
        p, area = self._begin()
        if not self.items:
            self._empty(p, area)
            return
        fm = QFontMetrics(self.font())
        total = sum(n for _, n in self.items)
        top = _nice_max(self.items[0][1])
        left, right = fm.horizontalAdvance(str(int(top))) + 8, fm.horizontalAdvance("100%") + 8
        plot = QRectF(area.left() + left, area.top() + 4, area.width() - left - right,
                      area.height() - fm.height() * 2 - 12)
        _grid(p, plot, fm, top)
        p.setPen(MUTED)
        p.drawText(QRectF(plot.right() + 4, plot.top() - fm.height() / 2, right, fm.height()),
                   Qt.AlignmentFlag.AlignLeft, "100%")
        slot = plot.width() / len(self.items)
        path, cum = QPainterPath(), 0
        self._hits = []
        for i, (label, n) in enumerate(self.items):
            h = plot.height() * n / top
            bar = QRectF(plot.left() + i * slot + slot * 0.15, plot.bottom() - h, slot * 0.7, h)
            p.fillRect(bar, BAR)
            self._hit(i, QRectF(bar.left(), plot.top(), bar.width(), plot.height()))
            p.setPen(TEXT)
            p.drawText(QRectF(bar.left() - 10, bar.top() - fm.height() - 2, bar.width() + 20, fm.height()),
                       Qt.AlignmentFlag.AlignCenter, str(n))
            cum += n
            pt = QPointF(plot.left() + i * slot + slot / 2, plot.bottom() - plot.height() * cum / total)
            path.moveTo(pt) if i == 0 else path.lineTo(pt)
            p.setPen(MUTED)
            p.drawText(QRectF(plot.left() + i * slot + 1, plot.bottom() + 4, slot - 2, fm.height() * 2 + 4),
                       Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
                       label)
        p.setPen(QPen(ACCENT, 2))
        p.drawPath(path)
        p.setBrush(ACCENT)
        for i in range(len(self.items)):
            cum_i = sum(n for _, n in self.items[: i + 1])
            p.drawEllipse(QPointF(plot.left() + i * slot + slot / 2,
                                  plot.bottom() - plot.height() * cum_i / total), 3, 3)
        self._outline_current(p)
        p.end()


class ColumnChart(_Chart):
    """One column per period (e.g. findings per month), labelled underneath."""

    def set_items(self, items: Sequence[tuple[str, int]], keys: Sequence[Any] | None = None) -> None:
        self.items = [(label, int(n)) for label, n in items]
        self._set_keys(keys)
        if self.items:  # the keyboard starts on the latest period
            self.current = len(self.items) - 1
        self.update()

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt API
        p, area = self._begin()
        self._hits = []
        if not self.items or not any(n for _, n in self.items):
            self._empty(p, area)
            return
        fm = QFontMetrics(self.font())
        top = _nice_max(max(n for _, n in self.items))
        left = fm.horizontalAdvance(str(int(top))) + 8
        plot = QRectF(area.left() + left, area.top() + fm.height(), area.width() - left - 4,
                      area.height() - fm.height() * 2 - 8)
        _grid(p, plot, fm, top)
        slot = plot.width() / len(self.items)
        for i, (label, n) in enumerate(self.items):
            h = plot.height() * n / top
            bar = QRectF(plot.left() + i * slot + slot * 0.2, plot.bottom() - h, slot * 0.6, h)
            p.fillRect(bar, ACCENT if i == len(self.items) - 1 else BAR)
            self._hit(i, QRectF(bar.left(), plot.top(), bar.width(), plot.height()))
            p.setPen(TEXT)
            if slot > fm.horizontalAdvance(str(n)):
                p.drawText(QRectF(bar.left() - 12, bar.top() - fm.height() - 1, bar.width() + 24,
                                  fm.height()), Qt.AlignmentFlag.AlignCenter, str(n))
            p.setPen(MUTED)
            short = label[5:] if len(label) == 7 and label[4] == "-" else label  # 2026-10 -> 10
            p.drawText(QRectF(plot.left() + i * slot, plot.bottom() + 3, slot, fm.height()),
                       Qt.AlignmentFlag.AlignHCenter, short)
        self._outline_current(p)
        p.end()


class RankedBars(_Chart):
    """Horizontal bars, largest first, label on the left (e.g. merchants with most findings)."""

    def set_items(self, items: Sequence[tuple[str, int]], keys: Sequence[Any] | None = None) -> None:
        self.items = [(label, int(n)) for label, n in items][:10]
        self._set_keys(list(keys)[:10] if keys is not None else None)
        self.update()

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt API
        p, area = self._begin()
        self._hits = []
        if not self.items:
            self._empty(p, area)
            return
        fm = QFontMetrics(self.font())
        top = max(n for _, n in self.items) or 1
        label_w = min(area.width() * 0.45, max(fm.horizontalAdvance(lb) for lb, _ in self.items) + 8)
        row = min(area.height() / len(self.items), fm.height() * 2.0)
        num_w = fm.horizontalAdvance(str(top)) + 8
        for i, (label, n) in enumerate(self.items):
            y = area.top() + i * row
            p.setPen(TEXT)
            text = fm.elidedText(label, Qt.TextElideMode.ElideMiddle, int(label_w) - 8)
            p.drawText(QRectF(area.left(), y, label_w - 8, row),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)
            w = (area.width() - label_w - num_w) * n / top
            p.fillRect(QRectF(area.left() + label_w, y + row * 0.2, w, row * 0.6), BAR)
            p.drawText(QRectF(area.left() + label_w + w + 4, y, num_w, row),
                       Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, str(n))
            self._hit(i, QRectF(area.left(), y, area.width(), row))
        self._outline_current(p)
        p.end()


def _steps(top: float) -> int:
    """How many grid intervals make whole-number ticks for counts (top is 1, 2 or 5 x 10^n)."""
    t = int(top)
    for n in (5, 4, 2):
        if t % n == 0:
            return n
    return 1


def _grid(p: QPainter, plot: QRectF, fm: QFontMetrics, top: float) -> None:
    steps = _steps(top)
    for k in range(steps + 1):
        y = plot.bottom() - plot.height() * k / steps
        p.setPen(QPen(GRID, 1))
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        p.setPen(MUTED)
        value = top * k / steps
        text = f"{value:.0f}" if value == int(value) else f"{value:.1f}"
        p.drawText(QRectF(plot.left() - fm.horizontalAdvance(text) - 6, y - fm.height() / 2,
                          fm.horizontalAdvance(text) + 2, fm.height()),
                   Qt.AlignmentFlag.AlignRight, text)
