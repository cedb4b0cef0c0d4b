"""Small charts painted with QPainter: a Pareto chart, monthly columns and ranked bars."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

logger = logging.getLogger(__name__)

#: Bar colour (a calm blue that prints well in grey too).
BAR = QColor("#3b6ea5")
#: Second series / highlight colour.
ACCENT = QColor("#d9822b")
GRID = QColor("#d8dde3")
TEXT = QColor("#333a40")
MUTED = QColor("#6b737b")


class _Chart(QWidget):
    """Common frame: a title, an empty-state message, margins that fit the labels."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.empty_text = ""
        self.setMinimumSize(QSize(280, 220))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

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

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.items: list[tuple[str, int]] = []

    def set_items(self, items: Sequence[tuple[str, int]]) -> None:
        self.items = sorted(((label, int(n)) for label, n in items if n), key=lambda kv: -kv[1])
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
        for i, (label, n) in enumerate(self.items):
            h = plot.height() * n / top
            bar = QRectF(plot.left() + i * slot + slot * 0.15, plot.bottom() - h, slot * 0.7, h)
            p.fillRect(bar, BAR)
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
        p.end()


class ColumnChart(_Chart):
    """One column per period (e.g. findings per month), labelled underneath."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.items: list[tuple[str, int]] = []

    def set_items(self, items: Sequence[tuple[str, int]]) -> None:
        self.items = [(label, int(n)) for label, n in items]
        self.update()

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt API
        p, area = self._begin()
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
            p.setPen(TEXT)
            if slot > fm.horizontalAdvance(str(n)):
                p.drawText(QRectF(bar.left() - 12, bar.top() - fm.height() - 1, bar.width() + 24,
                                  fm.height()), Qt.AlignmentFlag.AlignCenter, str(n))
            p.setPen(MUTED)
            short = label[5:] if len(label) == 7 and label[4] == "-" else label  # 2026-10 -> 10
            p.drawText(QRectF(plot.left() + i * slot, plot.bottom() + 3, slot, fm.height()),
                       Qt.AlignmentFlag.AlignHCenter, short)
        p.end()


class RankedBars(_Chart):
    """Horizontal bars, largest first, label on the left (e.g. merchants with most findings)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.items: list[tuple[str, int]] = []

    def set_items(self, items: Sequence[tuple[str, int]]) -> None:
        self.items = [(label, int(n)) for label, n in items][:10]
        self.update()

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt API
        p, area = self._begin()
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
