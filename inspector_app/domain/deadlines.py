"""When a rectification case is overdue or due soon: the one deadline rule, on local dates."""

from __future__ import annotations

import logging
from datetime import date, timedelta
from enum import StrEnum

from inspector_app.domain.enums import CaseStatus
from inspector_app.domain.workflow import ACTIVE_STATUSES

logger = logging.getLogger(__name__)


class Deadline(StrEnum):
    """Where an active case stands against its due date."""

    NONE = "none"  # finished, or no due date: nothing to warn about
    ON_TRACK = "on_track"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"


def days_left(due_date: date | None, today: date) -> int | None:
    """Whole days from `today` to the due date: 0 on the day, negative once it has passed."""
    return None if due_date is None else (due_date - today).days


def deadline_state(
    status: CaseStatus | str, due_date: date | None, today: date, warning_days: int
) -> Deadline:
    """The case's standing on `today` (the user's local date).

    Overdue once the due date has passed (the due day itself is still in time); due soon
    from `warning_days` days before the due date up to the due day, both included; a
    `warning_days` of 0 turns the warning off. Finished cases are neither.
    """
    if due_date is None or CaseStatus(status) not in ACTIVE_STATUSES:
        return Deadline.NONE
    left = (due_date - today).days
    if left < 0:
        return Deadline.OVERDUE
    if warning_days > 0 and left <= warning_days:
        return Deadline.DUE_SOON
    return Deadline.ON_TRACK


def is_overdue(status: CaseStatus | str, due_date: date | None, today: date) -> bool:
    # The warning window does not matter for overdue; 0 keeps it out of the way.
    return deadline_state(status, due_date, today, 0) is Deadline.OVERDUE


def is_due_soon(
    status: CaseStatus | str, due_date: date | None, today: date, warning_days: int
) -> bool:
    return deadline_state(status, due_date, today, warning_days) is Deadline.DUE_SOON


def due_soon_window(today: date, warning_days: int) -> tuple[date, date] | None:
    """First and last due date (both included) of an active case that is due soon on `today`;
    None when warnings are off. SQL filters use this so they agree with `deadline_state`."""
    if warning_days <= 0:
        return None
    return today, today + timedelta(days=int(warning_days))
