"""The deadline rule: overdue, due soon and on track on both sides of each boundary."""

from __future__ import annotations

from datetime import date

import pytest

from inspector_app.domain.deadlines import (
    Deadline,
    days_left,
    deadline_state,
    due_soon_window,
    is_due_soon,
    is_overdue,
)
from inspector_app.domain.enums import CaseStatus
from inspector_app.domain.workflow import ACTIVE_STATUSES, FINAL_STATUSES

TODAY = date(2026, 3, 10)
D = Deadline


@pytest.mark.parametrize(
    ("due", "warning", "expected"),
    [
        (date(2026, 3, 9), 2, D.OVERDUE),  # yesterday
        (date(2026, 3, 10), 2, D.DUE_SOON),  # today: still in time, due soon
        (date(2026, 3, 12), 2, D.DUE_SOON),  # exactly warning_days ahead
        (date(2026, 3, 13), 2, D.ON_TRACK),  # one day more
        (date(2026, 3, 10), 0, D.ON_TRACK),  # 0 = no warning, even on the due day
        (date(2026, 3, 9), 0, D.OVERDUE),  # overdue does not depend on the warning
        (date(2026, 4, 9), 30, D.DUE_SOON),
        (date(2026, 4, 10), 30, D.ON_TRACK),
        (None, 2, D.NONE),
    ],
)
def test_active_case(due, warning, expected):
    for status in ACTIVE_STATUSES:
        assert deadline_state(status, due, TODAY, warning) is expected, status
        assert is_due_soon(status, due, TODAY, warning) == (expected is D.DUE_SOON)
        assert is_overdue(status.value, due, TODAY) == (expected is D.OVERDUE)


@pytest.mark.parametrize("due", [date(2026, 3, 9), date(2026, 3, 10), date(2026, 3, 11)])
def test_finished_case_is_neither(due):
    for status in FINAL_STATUSES:
        assert deadline_state(status, due, TODAY, 2) is D.NONE
        assert not is_overdue(status, due, TODAY)
        assert not is_due_soon(status, due, TODAY, 30)


def test_window_matches_the_rule():
    assert due_soon_window(TODAY, 0) is None
    first, last = due_soon_window(TODAY, 2)
    assert (first, last) == (TODAY, date(2026, 3, 12))
    for offset in range(-3, 6):
        due = date.fromordinal(TODAY.toordinal() + offset)
        inside = first <= due <= last
        assert inside == is_due_soon(CaseStatus.NOTIFIED, due, TODAY, 2), due


def test_days_left():
    assert days_left(None, TODAY) is None
    assert days_left(date(2026, 3, 12), TODAY) == 2
    assert days_left(date(2026, 3, 7), TODAY) == -3
