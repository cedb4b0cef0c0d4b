"""Due-soon and overdue cases in SQL against a real SQLite file: boundaries, setting, every role."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from inspector_app.domain import clock
from inspector_app.domain.deadlines import Deadline
from inspector_app.domain.enums import CaseStatus, Role
from inspector_app.domain.errors import ValidationError
from inspector_app.services import cases as case_service
from inspector_app.services import team_settings
from inspector_app.services.browse import CaseFilter, count_cases, fetch_cases
from inspector_app.services.browse.cases import DueSoonCount, count_due_soon
from tests.backends import plain_sql
from tests.services.builders import make_finding

S = CaseStatus


@pytest.fixture
def deadlines(qm, admin, purchase):
    """Cases named by their due date relative to today; 'done_today' is waived, 'closed' is closed."""
    today = clock.today()
    made = {}
    for name, offset in [
        ("yesterday", -1), ("today", 0), ("in_1", 1), ("in_2", 2), ("in_3", 3), ("in_30", 30),
        ("in_31", 31), ("done_today", 0), ("escalated_in_1", 1),
    ]:
        f = make_finding(qm, purchase.id, title=f"Defect {name}")
        made[name] = case_service.open_case(qm, [f.id], due_date=today + timedelta(days=offset))
    case_service.advance(admin, made["done_today"].case_number, S.WAIVED, "delisted")
    case_service.advance(admin, made["escalated_in_1"].case_number, S.ESCALATED, "no answer")
    return {name: c.id for name, c in made.items()}


def _ids(ctx, flt: CaseFilter) -> set[int]:
    return {r.id for r in fetch_cases(ctx, flt, limit=500)}


def _names(deadlines: dict[str, int], ids: set[int]) -> set[str]:
    return {name for name, i in deadlines.items() if i in ids}


def test_due_soon_is_today_up_to_warning_days_and_not_overdue_or_finished(qm, deadlines):
    assert team_settings.warning_days(qm) == 2  # the default
    flt = CaseFilter(due_soon_only=True)
    assert _names(deadlines, _ids(qm, flt)) == {"today", "in_1", "in_2", "escalated_in_1"}
    assert count_cases(qm, flt) == 4
    assert _names(deadlines, _ids(qm, CaseFilter(overdue_only=True))) == {"yesterday"}
    assert count_due_soon(qm) == DueSoonCount(4, 2)


def test_the_row_flags_agree_with_the_filters_and_the_case_page(qm, deadlines):
    rows = fetch_cases(qm, CaseFilter(), limit=500)
    soon, late = _ids(qm, CaseFilter(due_soon_only=True)), _ids(qm, CaseFilter(overdue_only=True))
    for r in rows:
        assert r.due_soon == (r.id in soon) and r.overdue == (r.id in late), r.case_number
        assert not (r.due_soon and r.overdue)
        info = case_service.get_case_by_id(qm, r.id)
        state = info.deadline(2)
        assert (state is Deadline.DUE_SOON, state is Deadline.OVERDUE) == (r.due_soon, r.overdue)
        assert info.is_overdue() == r.overdue


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        (0, set()),
        (1, {"today", "in_1", "escalated_in_1"}),
        (3, {"today", "in_1", "in_2", "in_3", "escalated_in_1"}),
        (30, {"today", "in_1", "in_2", "in_3", "in_30", "escalated_in_1"}),
    ],
)
def test_the_team_setting_moves_the_boundary(qm, deadlines, days, expected):
    team_settings.put(qm, "cases.warning_days", days)
    flt = CaseFilter(due_soon_only=True)
    assert _names(deadlines, _ids(qm, flt)) == expected
    assert count_cases(qm, flt) == len(expected)
    flagged = {r.id for r in fetch_cases(qm, CaseFilter(), limit=500) if r.due_soon}
    assert _names(deadlines, flagged) == expected
    assert count_due_soon(qm) == DueSoonCount(len(expected), days)
    # An explicit number overrides the team setting (the caller's own window).
    assert count_cases(qm, CaseFilter(due_soon_only=True, warning_days=1)) == 3


def test_the_setting_is_stored_in_the_database(qm, ctx):
    team_settings.put(qm, "cases.warning_days", 5)
    with plain_sql(ctx) as db:
        raw = db.one("SELECT value_json FROM app_settings WHERE key = 'cases.warning_days'")
    assert json.loads(raw[0]) == 5


@pytest.mark.parametrize("value", [-1, 31, "x"])
def test_the_setting_has_a_range(qm, value):
    with pytest.raises(ValidationError) as err:
        team_settings.put(qm, "cases.warning_days", value)
    assert err.value.field == "cases.warning_days"
    assert team_settings.warning_days(qm) == 2


def test_every_role_reads_the_same_cases(as_role, ctx, qm, deadlines):
    team_settings.put(qm, "cases.warning_days", 3)
    expected = _ids(qm, CaseFilter(due_soon_only=True))
    assert len(expected) == 5
    for reader in (ctx, *(as_role(role) for role in Role)):
        assert team_settings.warning_days(reader) == 3
        assert _ids(reader, CaseFilter(due_soon_only=True)) == expected
        assert count_due_soon(reader) == DueSoonCount(5, 3)


def test_other_filters_still_apply(qm, deadlines, purchase):
    # A status narrows the due-soon list instead of being ignored.
    flt = CaseFilter(due_soon_only=True, status=S.ESCALATED)
    assert _names(deadlines, _ids(qm, flt)) == {"escalated_in_1"}
    assert _names(deadlines, _ids(qm, CaseFilter(due_soon_only=True, status=S.WAIVED))) == set()
    assert _names(deadlines, _ids(qm, CaseFilter(overdue_only=True, status=S.OPEN))) == {"yesterday"}
    assert _names(deadlines, _ids(qm, CaseFilter(overdue_only=True, status=S.ESCALATED))) == set()
    assert count_cases(qm, CaseFilter(due_soon_only=True, text="no such thing")) == 0
    assert count_due_soon(qm, CaseFilter(merchant_id=purchase.merchant_id + 999)).cases == 0


def test_a_case_due_today_turns_overdue_at_local_midnight(qm, deadlines, clock):
    # Move the clock on purpose: the last minute of the due day, then the first of the next.
    today = case_service.get_case_by_id(qm, deadlines["today"]).due_date
    clock.set_local(today.year, today.month, today.day, 23, 59)
    assert "today" not in _names(deadlines, _ids(qm, CaseFilter(overdue_only=True)))
    assert "today" in _names(deadlines, _ids(qm, CaseFilter(due_soon_only=True)))
    clock.advance(minutes=2)
    assert clock.today() == today + timedelta(days=1)
    assert _names(deadlines, _ids(qm, CaseFilter(overdue_only=True))) == {"yesterday", "today"}
    assert "today" not in _names(deadlines, _ids(qm, CaseFilter(due_soon_only=True)))
    assert case_service.get_case_by_id(qm, deadlines["today"]).is_overdue()


def test_overdue_follows_the_local_date_not_utc(qm, deadlines, clock):
    # 07:30 in Shanghai is still the previous day in UTC: the local day counts.
    clock.zone("Asia/Shanghai")
    today = case_service.get_case_by_id(qm, deadlines["today"]).due_date
    clock.set_local(today.year, today.month, today.day, 7, 30)
    tomorrow = clock.now() + timedelta(days=1)
    clock.set(tomorrow)
    assert clock.now().date() == today  # UTC has not reached the next day yet
    assert _names(deadlines, _ids(qm, CaseFilter(overdue_only=True))) == {"yesterday", "today"}
