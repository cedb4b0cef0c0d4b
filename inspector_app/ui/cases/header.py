"""The top of the case page: number, status and deadline badges, merchant, due date, assignee, summary."""

from __future__ import annotations

import logging
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QWidget

from inspector_app.domain import clock
from inspector_app.domain.deadlines import Deadline
from inspector_app.services.cases import CaseInfo
from inspector_app.ui.cases.marks import (
    BADGE,
    badge_style,
    badge_text,
    deadline_icon,
    deadline_tooltip,
)
from inspector_app.ui.contrast import muted_style
from inspector_app.ui.i18n import enum_label, tr

logger = logging.getLogger(__name__)

#: Due-line styles by deadline state (the icon and the words say it as well).
_DUE_STYLE = {
    Deadline.OVERDUE: "color: #b42318; font-weight: bold;",
    Deadline.DUE_SOON: "color: #93370d; font-weight: bold;",
}


def local_time(value) -> str:
    if value is None:
        return "—"
    return value.astimezone().strftime("%Y-%m-%d %H:%M")


def due_text(case: CaseInfo, warning_days: int, today: date | None = None) -> str:
    """ "2026-12-01 · 9 d left" / "· due in 2 d" / "· due today" / "· 2 d overdue"; no countdown
    once the case is finished."""
    if case.due_date is None:
        return tr("No due date")
    text = case.due_date.isoformat()
    if case.is_final:
        return text
    days = (case.due_date - (today or clock.today())).days
    state = case.deadline(warning_days, today)
    if state is Deadline.OVERDUE:
        return text + " · " + tr("%n d overdue", None, -days)
    if days == 0:
        return text + " · " + tr("due today")
    if state is Deadline.DUE_SOON:
        return text + " · " + tr("due in %n d", None, days)
    return text + " · " + tr("%n d left", None, days)


class CaseHeader(QWidget):
    """Read-only facts of the case, large enough to take in at a glance."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("case_header")
        self.number_label = QLabel(self)
        self.number_label.setObjectName("case_number_label")
        font = self.number_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.number_label.setFont(font)
        self.number_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("case_status_label")
        self.deadline_badge = QLabel(self)
        self.deadline_badge.setObjectName("case_deadline_badge")
        self.merchant_label = QLabel(self)
        self.merchant_label.setObjectName("case_merchant_label")
        self.merchant_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.due_icon = QLabel(self)
        self.due_label = QLabel(self)
        self.due_label.setObjectName("case_due_label")
        self.assignee_label = QLabel(self)
        self.assignee_label.setObjectName("case_assignee_label")
        self.dates_label = QLabel(self)
        self.dates_label.setObjectName("case_dates_label")
        self.dates_label.setStyleSheet(muted_style(self))
        self.dates_label.setWordWrap(True)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("case_summary_label")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reason_label = QLabel(self)
        self.reason_label.setObjectName("case_reason_label")
        self.reason_label.setWordWrap(True)

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.addWidget(self.number_label, 0, 0, 1, 2)
        badges = QHBoxLayout()
        badges.setSpacing(6)
        badges.addWidget(self.status_label)
        badges.addWidget(self.deadline_badge)
        badges.addStretch(1)
        grid.addLayout(badges, 0, 2, 1, 2)
        grid.setColumnStretch(3, 1)
        row = 1
        for caption, widget in (
            (tr("Merchant:"), self.merchant_label),
            (tr("Due:"), self.due_label),
            (tr("Assignee:"), self.assignee_label),
        ):
            label = QLabel(caption, self)
            label.setStyleSheet(muted_style(self))
            grid.addWidget(label, row, 0)
            if widget is self.due_label:
                due = QHBoxLayout()
                due.setSpacing(4)
                due.addWidget(self.due_icon)
                due.addWidget(widget, 1)
                grid.addLayout(due, row, 1, 1, 3)
            else:
                grid.addWidget(widget, row, 1, 1, 3)
            row += 1
        grid.addWidget(self.dates_label, row, 0, 1, 4)
        grid.addWidget(self.summary_label, row + 1, 0, 1, 4)
        grid.addWidget(self.reason_label, row + 2, 0, 1, 4)

    def show_case(self, case: CaseInfo, warning_days: int = 0) -> None:
        """Show `case`; `warning_days` is the team setting cases.warning_days (0: no warning)."""
        self.number_label.setText(case.case_number)
        state = case.deadline(warning_days)
        kind = "final" if case.is_final else (state if state in BADGE else "active")
        bg, fg = BADGE[kind]
        self.status_label.setText(enum_label(case.status))
        self.status_label.setStyleSheet(badge_style(bg, fg))
        # Words beside the status, so the colour is never the only sign.
        self.deadline_badge.setText(badge_text(state))
        self.deadline_badge.setStyleSheet(badge_style(bg, fg))
        self.deadline_badge.setToolTip(deadline_tooltip(case.due_date, state))
        self.deadline_badge.setVisible(bool(badge_text(state)))
        self.merchant_label.setText(f"{case.merchant_name} ({case.merchant_shop_id})")
        self.due_label.setText(due_text(case, warning_days))
        self.due_label.setToolTip(deadline_tooltip(case.due_date, state))
        self.due_label.setStyleSheet(_DUE_STYLE.get(state, ""))
        icon = deadline_icon(state)
        if icon is not None:
            self.due_icon.setPixmap(icon.pixmap(16, 16))
            # An image only: a screen reader says what it means.
            self.due_icon.setAccessibleName(badge_text(state) or deadline_tooltip(case.due_date, state))
        else:
            self.due_icon.clear()
        self.due_icon.setVisible(icon is not None)
        self.assignee_label.setText(case.assignee or tr("Nobody yet"))
        parts = [tr("Opened %1").replace("%1", local_time(case.created_at))]
        if case.notified_at:
            parts.append(tr("notified %1").replace("%1", local_time(case.notified_at)))
        if case.first_response_at:
            parts.append(tr("first response %1").replace("%1", local_time(case.first_response_at)))
        if case.closed_at:
            parts.append(tr("finished %1").replace("%1", local_time(case.closed_at)))
        self.dates_label.setText(" · ".join(parts))
        self.summary_label.setText(case.summary)
        self.summary_label.setVisible(bool(case.summary))
        self.reason_label.setText(tr("Reason: %1").replace("%1", case.status_reason))
        self.reason_label.setVisible(bool(case.status_reason))
