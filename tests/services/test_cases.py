"""Cases service: opening, numbering, deadlines, responses, verification, edits and lookups."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

import pytest

from inspector_app.domain import clock
from inspector_app.domain.enums import CaseStatus, Role, Severity, VerificationResult
from inspector_app.domain.errors import (
    IllegalTransition,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from inspector_app.services import cases as svc
from inspector_app.services import findings, purchases, team_settings
from tests.services.builders import (
    case_at,
    event_count,
    make_finding,
    make_merchant,
    make_purchase,
)

S = CaseStatus
RI = svc.ResponseInput


@pytest.fixture
def finding(insp, purchase):
    return make_finding(insp, purchase.id)


# --- opening ------------------------------------------------------------------------------


def test_open_case(qm, users, shop, finding):
    c = svc.open_case(qm, [finding.id, finding.id], summary="  Seams split on wash ")
    assert re.fullmatch(r"RC-\d{4}-\d{4}", c.case_number)
    assert c.case_number == f"RC-{clock.today().year}-0001"
    assert c.status is S.OPEN
    assert (c.merchant_id, c.merchant_name, c.merchant_shop_id) == (shop.id, "Acme Store",
                                                                     "shop-acme")
    assert c.finding_ids == (finding.id,)
    assert c.summary == "Seams split on wash"
    assert (c.notified_at, c.first_response_at, c.closed_at) == (None, None, None)
    assert c.verification_result is None
    assert not c.is_final
    assert [(e.kind, e.actor, e.from_status, e.to_status) for e in c.events] == [
        ("opened", users[Role.QUALITY_MANAGER].display_name, None, "open")
    ]
    assert svc.get_case(qm, c.case_number) == c
    assert svc.get_case_by_id(qm, c.id) == c


def test_case_numbers_are_sequential(admin, purchase):
    numbers = [case_at(admin, purchase.id, S.OPEN).case_number for _ in range(3)]
    year = clock.today().year
    assert numbers == [f"RC-{year}-0001", f"RC-{year}-0002", f"RC-{year}-0003"]


def test_case_numbers_restart_each_year(admin, purchase, clock):
    year = clock.today().year
    first = case_at(admin, purchase.id, S.OPEN)
    clock.set_local(year + 1, 1, 2, 9)
    second = case_at(admin, purchase.id, S.OPEN)
    third = case_at(admin, purchase.id, S.OPEN)
    assert first.case_number == f"RC-{year}-0001"
    assert second.case_number == f"RC-{year + 1}-0001"
    assert third.case_number == f"RC-{year + 1}-0002"


@pytest.mark.parametrize(("severities", "days"), [
    ([Severity.CRITICAL], 3), ([Severity.MAJOR], 7), ([Severity.MINOR], 15),
    ([Severity.MINOR, Severity.CRITICAL, Severity.MAJOR], 3), ([Severity.MINOR, Severity.MAJOR], 7),
])
def test_deadline_defaults_from_the_worst_severity(insp, qm, purchase, severities, days):
    ids = [make_finding(insp, purchase.id, severity=s, title=f"f{i}").id
           for i, s in enumerate(severities)]
    assert svc.open_case(qm, ids).due_date == clock.today() + timedelta(days=days)


def test_deadline_follows_team_settings(insp, qm, purchase):
    team_settings.put(qm, "deadline_days.major", 20)
    f = make_finding(insp, purchase.id, severity=Severity.MAJOR)
    assert svc.open_case(qm, [f.id]).due_date == clock.today() + timedelta(days=20)


def test_explicit_deadline_and_assignee(qm, users, finding):
    c = svc.open_case(qm, [finding.id], due_date=datetime(2030, 5, 6, 12, 0),
                      assignee_id=users[Role.QUALITY_MANAGER].id)
    assert c.due_date == date(2030, 5, 6)
    assert c.assignee == users[Role.QUALITY_MANAGER].display_name


@pytest.mark.parametrize("role", [Role.INSPECTOR, Role.MERCHANT_MANAGER])
def test_only_managers_open_cases(as_role, users, finding, role):
    with pytest.raises(PermissionDenied) as info:
        svc.open_case(as_role(role), [finding.id])
    assert users[role].display_name in str(info.value)
    assert role.value in str(info.value)


def test_open_case_needs_findings(qm):
    with pytest.raises(ValidationError) as info:
        svc.open_case(qm, [])
    assert info.value.field == "findings"


def test_unknown_or_deleted_findings(insp, qm, purchase, finding):
    with pytest.raises(NotFound, match="9999"):
        svc.open_case(qm, [finding.id, 9999])
    gone = make_finding(insp, purchase.id, title="gone")
    findings.delete_finding(insp, gone.id)
    with pytest.raises(NotFound, match=str(gone.id)):
        svc.open_case(qm, [finding.id, gone.id])


def test_one_merchant_per_case(insp, qm, finding):
    other = make_merchant(insp, "shop-other", "Other Shop")
    g = make_finding(insp, make_purchase(insp, other.id).id)
    with pytest.raises(ValidationError, match="2 merchants") as info:
        svc.open_case(qm, [finding.id, g.id])
    assert info.value.field == "findings"


def test_a_finding_is_in_one_active_case_at_a_time(insp, qm, admin, purchase, finding):
    first = svc.open_case(qm, [finding.id])
    fresh = make_finding(insp, purchase.id, title="fresh")
    with pytest.raises(ValidationError, match=first.case_number) as info:
        svc.open_case(qm, [fresh.id, finding.id])
    assert info.value.field == "findings"
    svc.advance(admin, first.case_number, S.CANCELLED, "duplicate")
    second = svc.open_case(qm, [fresh.id, finding.id])
    assert second.finding_ids == (finding.id, fresh.id)


def test_unknown_assignee(qm, finding):
    with pytest.raises(ValidationError) as info:
        svc.open_case(qm, [finding.id], assignee_id=9999)
    assert info.value.field == "assignee"


# --- moving -------------------------------------------------------------------------------


def test_advance_records_who_when_and_why(qm, users, finding):
    c = svc.open_case(qm, [finding.id])
    c = svc.advance(qm, c.case_number, "notified")
    assert c.status is S.NOTIFIED and c.notified_at is not None
    c = svc.advance(qm, c.case_number, S.ESCALATED, "  no answer after 7 days ")
    last = c.events[-1]
    assert (last.kind, last.from_status, last.to_status, last.note) == (
        "status", "notified", "escalated", "no answer after 7 days")
    assert last.actor == users[Role.QUALITY_MANAGER].display_name
    assert last.at.tzinfo is not None
    assert c.status_reason == "no answer after 7 days"


def test_advance_refusals(ctx, qm, mm, finding):
    c = svc.open_case(qm, [finding.id])
    with pytest.raises(ValidationError) as info:
        svc.advance(qm, c.case_number, "archived")
    assert info.value.field == "status"
    with pytest.raises(NotFound, match="RC-1999-0001"):
        svc.advance(qm, "RC-1999-0001", S.NOTIFIED)
    with pytest.raises(PermissionDenied, match="Choose a user"):
        svc.advance(ctx, c.case_number, S.NOTIFIED)
    with pytest.raises(PermissionDenied, match="merchant_manager"):
        svc.advance(mm, c.case_number, S.NOTIFIED)
    with pytest.raises(IllegalTransition, match=c.case_number):
        svc.advance(qm, c.case_number, S.CLOSED)
    with pytest.raises(ValidationError) as info:
        svc.advance(qm, c.case_number, S.WAIVED, "   ")
    assert info.value.field == "note"
    assert svc.get_case(qm, c.case_number).status is S.OPEN
    assert event_count(qm, c.case_number) == 1


def test_notice_and_first_response_times_are_set_once(admin, mm, purchase):
    c = case_at(admin, purchase.id, S.RESPONDED)
    notified, responded = c.notified_at, c.first_response_at
    assert notified is not None and responded >= notified
    c = svc.advance(admin, c.case_number, S.ESCALATED, "answer was evasive")
    c = svc.advance(admin, c.case_number, S.NOTIFIED, "second notice")
    c = svc.advance(mm, c.case_number, S.RESPONDED)
    assert (c.notified_at, c.first_response_at) == (notified, responded)
    assert c.closed_at is None


def test_closing_from_escalation_sets_closed_at(admin, purchase):
    c = case_at(admin, purchase.id, S.ESCALATED)
    c = svc.advance(admin, c.case_number, S.CLOSED, "settled by the account manager")
    assert c.closed_at is not None and c.is_final
    assert c.verification_result is None


@pytest.mark.parametrize("final", [S.CANCELLED, S.WAIVED])
def test_cancel_and_waive_keep_the_reason_and_close(admin, purchase, final):
    c = case_at(admin, purchase.id, final)
    assert c.status_reason
    assert c.closed_at is not None
    assert c.is_final
    assert c.verification_result is None


# --- responses ----------------------------------------------------------------------------


def _notified(qm, finding):
    c = svc.open_case(qm, [finding.id])
    return svc.advance(qm, c.case_number, S.NOTIFIED)


def _response_events(c):
    return [e for e in c.events if e.kind == "response"]


def test_record_response_moves_notified_to_responded(qm, mm, finding):
    c = _notified(qm, finding)
    resp = RI(response_text="We re-sewed the batch", root_cause=" weak thread ",
              corrective_action="new thread", preventive_action="incoming inspection")
    got, changed = svc.record_response(mm, c.case_number, resp)
    assert changed is True
    assert got.status is S.RESPONDED
    assert got.first_response_at is not None and got.first_response_at >= got.notified_at
    assert got.root_cause == "weak thread"
    assert got.response_date == clock.today()
    assert [e.kind for e in got.events[-2:]] == ["response", "status"]
    assert got.events[-1].to_status == "responded"


def test_record_response_is_idempotent(qm, mm, finding):
    c = _notified(qm, finding)
    resp = RI(response_text="Fixed", corrective_action="replaced supplier")
    first, changed1 = svc.record_response(mm, c.case_number, resp)
    again, changed2 = svc.record_response(mm, c.case_number, resp)
    assert (changed1, changed2) == (True, False)
    assert again == first
    assert len(_response_events(again)) == 1
    # An explicit date equal to the stored one is still "the same response".
    _, changed3 = svc.record_response(mm, c.case_number, RI(
        response_text=" Fixed ", corrective_action="replaced supplier",
        response_date=first.response_date))
    assert changed3 is False
    assert event_count(mm, c.case_number) == len(first.events)


def test_a_changed_response_is_recorded_without_moving_again(qm, mm, finding):
    c = _notified(qm, finding)
    first, _ = svc.record_response(mm, c.case_number, RI(response_text="Fixed"))
    second, changed = svc.record_response(mm, c.case_number, RI(
        response_text="Fixed, with photos", response_date=date(2026, 1, 5)))
    assert changed is True
    assert second.status is S.RESPONDED
    assert second.response_date == date(2026, 1, 5)
    assert second.first_response_at == first.first_response_at
    assert len(_response_events(second)) == 2
    assert len(second.events) == len(first.events) + 1


def test_empty_response_is_refused(qm, mm, finding):
    c = _notified(qm, finding)
    with pytest.raises(ValidationError) as info:
        svc.record_response(mm, c.case_number, RI(response_text="  ", root_cause="\n"))
    assert info.value.field == "response_text"


def test_inspector_may_not_record_responses(qm, insp, users, finding):
    c = _notified(qm, finding)
    with pytest.raises(PermissionDenied, match=users[Role.INSPECTOR].display_name):
        svc.record_response(insp, c.case_number, RI(response_text="x"))


@pytest.mark.parametrize("final", [S.CLOSED, S.CANCELLED, S.WAIVED])
def test_no_response_on_a_finished_case(admin, mm, purchase, final):
    c = case_at(admin, purchase.id, final)
    with pytest.raises(ValidationError, match="read-only"):
        svc.record_response(mm, c.case_number, RI(response_text="late"))
    assert event_count(mm, c.case_number) == len(c.events)


# --- verification -------------------------------------------------------------------------


def test_passed_verification_closes(admin, qm, insp, shop, purchase):
    c = case_at(admin, purchase.id, S.AWAITING_VERIFICATION)
    recheck = make_purchase(insp, shop.id)
    got = svc.record_verification(qm, c.case_number, True, "re-bought, seams fine",
                                  purchase_id=recheck.id)
    assert got.status is S.CLOSED
    assert got.verification_result is VerificationResult.PASSED
    assert got.verification_note == "re-bought, seams fine"
    assert got.verification_purchase_id == recheck.id
    assert got.closed_at is not None
    assert got.is_final


def test_failed_verification_returns_to_rectifying(admin, qm, purchase):
    c = case_at(admin, purchase.id, S.AWAITING_VERIFICATION)
    with pytest.raises(ValidationError) as info:
        svc.record_verification(qm, c.case_number, False)
    assert info.value.field == "note"
    got = svc.record_verification(qm, c.case_number, False, "still splits")
    assert got.status is S.RECTIFYING
    assert got.verification_result is VerificationResult.FAILED
    assert got.verification_note == "still splits"
    assert got.closed_at is None
    assert got.events[-1].note == "still splits"


def test_verification_purchase_must_be_the_same_merchants(admin, insp, purchase):
    c = case_at(admin, purchase.id, S.AWAITING_VERIFICATION)
    other = make_merchant(insp, "shop-other", "Other")
    foreign = make_purchase(insp, other.id)
    with pytest.raises(ValidationError) as info:
        svc.record_verification(admin, c.case_number, True, purchase_id=foreign.id)
    assert info.value.field == "purchase"
    with pytest.raises(NotFound):
        svc.record_verification(admin, c.case_number, True, purchase_id=9999)
    assert svc.get_case(admin, c.case_number).status is S.AWAITING_VERIFICATION


@pytest.mark.parametrize("role", [Role.INSPECTOR, Role.MERCHANT_MANAGER])
def test_only_managers_verify(admin, as_role, users, purchase, role):
    c = case_at(admin, purchase.id, S.AWAITING_VERIFICATION)
    with pytest.raises(PermissionDenied, match=users[role].display_name):
        svc.record_verification(as_role(role), c.case_number, True)


def test_verification_out_of_turn_is_illegal(admin, purchase):
    c = case_at(admin, purchase.id, S.RESPONDED)
    with pytest.raises(IllegalTransition, match="responded -> closed"):
        svc.record_verification(admin, c.case_number, True)


# --- edits --------------------------------------------------------------------------------


def test_update_case(qm, users, finding):
    c = svc.open_case(qm, [finding.id])
    n = len(c.events)
    mia = users[Role.MERCHANT_MANAGER]
    got = svc.update_case(qm, c.case_number, due_date=date(2031, 1, 1), assignee_id=mia.id,
                          summary=" new summary ")
    assert (got.due_date, got.assignee_id, got.assignee, got.summary) == (
        date(2031, 1, 1), mia.id, mia.display_name, "new summary")
    assert len(got.events) == n + 1
    assert got.events[-1].kind == "edit"
    assert "due date" in got.events[-1].note and "2031-01-01" in got.events[-1].note
    # The same values again change nothing and add no event.
    same = svc.update_case(qm, c.case_number, due_date=date(2031, 1, 1), assignee_id=mia.id,
                           summary="new summary")
    assert len(same.events) == n + 1
    with pytest.raises(ValidationError) as info:
        svc.update_case(qm, c.case_number, assignee_id=9999)
    assert info.value.field == "assignee"


@pytest.mark.parametrize("final", [S.CLOSED, S.CANCELLED, S.WAIVED])
def test_update_on_a_finished_case_is_refused(admin, purchase, final):
    c = case_at(admin, purchase.id, final)
    with pytest.raises(ValidationError, match="read-only"):
        svc.update_case(admin, c.case_number, summary="rewrite")
    assert svc.get_case(admin, c.case_number).summary == ""


@pytest.mark.parametrize("role", [Role.INSPECTOR, Role.MERCHANT_MANAGER])
def test_only_managers_edit_cases(qm, as_role, users, finding, role):
    c = svc.open_case(qm, [finding.id])
    with pytest.raises(PermissionDenied, match=role.value):
        svc.update_case(as_role(role), c.case_number, summary="x")


# --- lookups ------------------------------------------------------------------------------


def test_unknown_cases(qm):
    with pytest.raises(NotFound):
        svc.get_case(qm, "RC-2020-0001")
    with pytest.raises(NotFound):
        svc.get_case_by_id(qm, 12345)


def test_allowed_targets_follow_the_role(ctx, qm, mm, insp, finding):
    c = svc.open_case(qm, [finding.id])
    assert svc.allowed_targets(qm, c) == [S.NOTIFIED, S.ESCALATED, S.CANCELLED, S.WAIVED]
    assert svc.allowed_targets(mm, c) == []
    assert svc.allowed_targets(insp, c) == []
    assert svc.allowed_targets(ctx, c) == []
    c = svc.advance(qm, c.case_number, S.NOTIFIED)
    assert svc.allowed_targets(mm, c) == [S.RESPONDED]


def test_is_overdue(qm, admin, finding):
    c = svc.open_case(qm, [finding.id], due_date=date(2026, 3, 10))
    assert not c.is_overdue(date(2026, 3, 10))
    assert c.is_overdue(date(2026, 3, 11))
    c = svc.advance(admin, c.case_number, S.WAIVED, "delisted")
    assert not c.is_overdue(date(2026, 3, 11))


def test_findings_of_a_deleted_purchase_cannot_open_a_case(insp, qm, purchase, finding):
    purchases.delete_purchase(insp, purchase.id)
    with pytest.raises((NotFound, ValidationError)):
        svc.open_case(qm, [finding.id])
