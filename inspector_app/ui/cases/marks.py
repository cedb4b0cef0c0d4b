"""How a case's deadline is marked in the table and on the case page: colours, icons and words."""

from __future__ import annotations

import logging
from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QApplication, QStyle

from inspector_app.domain import clock
from inspector_app.domain.deadlines import Deadline, days_left
from inspector_app.ui.i18n import tr

logger = logging.getLogger(__name__)

#: Text colour of an overdue row's due-date cells (the icon and the words say it too).
OVERDUE_COLOUR = QColor("#b42318")
#: Background tint of an overdue row.
OVERDUE_TINT = QColor(253, 236, 234)
#: Text colour of a due-soon row's due-date cells: dark amber, readable on its tint.
DUE_SOON_COLOUR = QColor("#93370d")
#: Background tint of a due-soon row (amber, unlike the red of overdue ones).
DUE_SOON_TINT = QColor(255, 243, 205)
#: Badge colours (background, text) on the case page, by deadline state or "final".
BADGE = {
    "active": ("#d3e3fd", "#0b3d91"),
    Deadline.DUE_SOON: ("#fef0c7", "#93370d"),
    Deadline.OVERDUE: ("#fdecea", "#b42318"),
    "final": ("#e4e7eb", "#3e4c59"),
}
#: Fill of the due-soon clock icon.
_CLOCK_FILL = QColor("#f79009")

_icons: dict[Deadline, QIcon] = {}


def _clock_icon() -> QIcon:
    """An amber clock: "time is running out", unlike the warning triangle of overdue rows."""
    icon = QIcon()
    for size in (16, 24, 32):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        p = QPainter(pixmap)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        ring = max(1.0, size / 12)
        p.setPen(QPen(QColor("#93370d"), ring))
        p.setBrush(_CLOCK_FILL)
        p.drawEllipse(QRectF(ring / 2, ring / 2, size - ring, size - ring))
        centre = QPointF(size / 2, size / 2)
        hands = QPen(Qt.GlobalColor.white, max(1.5, size / 9))
        hands.setCapStyle(Qt.PenCapStyle.RoundCap)
        p.setPen(hands)
        p.drawLine(centre, QPointF(size / 2, size * 0.22))
        p.drawLine(centre, QPointF(size * 0.72, size / 2))
        p.end()
        icon.addPixmap(pixmap)
    return icon


def deadline_icon(state: Deadline) -> QIcon | None:
    if state not in (Deadline.OVERDUE, Deadline.DUE_SOON):
        return None
    if state not in _icons:
        if state is Deadline.OVERDUE:
            _icons[state] = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        else:
            _icons[state] = _clock_icon()
    return _icons[state]


def days_left_text(due: date | None, state: Deadline, today: date | None = None) -> str:
    """ "5 d left", "Due in 2 d", "Due today", "3 d overdue"; "" for finished cases or no due date."""
    days = days_left(due, today or clock.today())
    if days is None or state is Deadline.NONE:
        return ""
    if state is Deadline.OVERDUE:
        return tr("%n d overdue", None, -days)
    if days == 0:
        return tr("Due today")
    if state is Deadline.DUE_SOON:
        return tr("Due in %n d", None, days)
    return tr("%n d left", None, days)


def deadline_tooltip(due: date | None, state: Deadline, today: date | None = None) -> str:
    if state is Deadline.OVERDUE:
        return tr("Overdue: the due date has passed and the case is still open")
    if state is Deadline.DUE_SOON:
        days = days_left(due, today or clock.today()) or 0
        if days == 0:
            return tr("Due soon: the case is due today and still open")
        return tr("Due soon: the case is due in %n day(s) and still open", None, days)
    return ""


def badge_text(state: Deadline) -> str:
    """The words of the deadline badge beside the status ("" when there is nothing to warn of)."""
    if state is Deadline.OVERDUE:
        return tr("Overdue", "deadline badge")
    if state is Deadline.DUE_SOON:
        return tr("Due soon", "deadline badge")
    return ""


def badge_style(background: str, text: str) -> str:
    return f"background: {background}; color: {text}; border-radius: 4px; padding: 2px 8px; font-weight: bold;"
