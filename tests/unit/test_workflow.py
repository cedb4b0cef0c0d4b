"""The rectification state machine checked triple by triple against the hand-written table."""

from __future__ import annotations

import itertools

import pytest

from inspector_app.domain import workflow
from inspector_app.domain.enums import CaseStatus as S
from inspector_app.domain.enums import Role as R
from inspector_app.domain.errors import (
    IllegalTransition,
    InspectorError,
    PermissionDenied,
    ValidationError,
)
from tests.unit.expected_workflow import ACTIVE, EXPECTED, FINAL, PATH_TO, expected_error

CASE = "RC-2026-0042"
TRIPLES = list(itertools.product(S, S, R))


def _id(triple) -> str:
    src, dst, role = triple
    return f"{src.value}->{dst.value}-as-{role.value}"


def test_status_sets_partition_every_status():
    assert set(workflow.ACTIVE_STATUSES) == set(ACTIVE)
    assert set(workflow.FINAL_STATUSES) == set(FINAL)
    assert set(ACTIVE) | set(FINAL) == set(S)
    assert not set(ACTIVE) & set(FINAL)


def test_the_machine_has_exactly_the_expected_edges():
    assert set(workflow.TRANSITIONS) == set(EXPECTED)


@pytest.mark.parametrize("pair", sorted(EXPECTED, key=str), ids=lambda p: f"{p[0]}->{p[1]}")
def test_each_edge_has_the_expected_roles_and_note_rule(pair):
    roles, needs_note = EXPECTED[pair]
    t = workflow.TRANSITIONS[pair]
    assert (t.source, t.target) == pair
    assert t.roles == roles
    assert t.needs_note is needs_note
    assert t.label, "every edge has a label for its button"


@pytest.mark.parametrize("triple", TRIPLES, ids=_id)
def test_every_triple_with_a_reason(triple):
    src, dst, role = triple
    err = expected_error(src, dst, role, "a reason")
    if err is None:
        t = workflow.check_transition(CASE, src, dst, role, "a reason")
        assert (t.source, t.target) == (src, dst)
        return
    with pytest.raises(err) as info:
        workflow.check_transition(CASE, src, dst, role, "a reason")
    msg = str(info.value)
    # The error names the case, both statuses and the role.
    for part in (CASE, src.value, dst.value, role.value):
        assert part in msg, f"{part!r} missing from {msg!r}"


@pytest.mark.parametrize("triple", TRIPLES, ids=_id)
@pytest.mark.parametrize("note", [None, "", "   \n\t"], ids=["none", "empty", "blank"])
def test_every_triple_without_a_reason(triple, note):
    src, dst, role = triple
    err = expected_error(src, dst, role, note)
    if err is None:
        assert workflow.check_transition(CASE, src, dst, role, note).target == dst
        return
    with pytest.raises(err) as info:
        workflow.check_transition(CASE, src, dst, role, note)
    msg = str(info.value)
    for part in (CASE, src.value, dst.value):
        assert part in msg
    if err is ValidationError:
        assert info.value.field == "note"
    else:
        assert role.value in msg


def test_error_kinds_are_user_errors():
    for cls in (IllegalTransition, PermissionDenied, ValidationError):
        assert issubclass(cls, InspectorError)


@pytest.mark.parametrize("final", FINAL)
def test_final_states_are_terminal(final):
    assert workflow.is_final(final)
    assert workflow.targets(final) == []
    for dst, role in itertools.product(S, R):
        with pytest.raises(IllegalTransition, match="can no longer change"):
            workflow.check_transition(CASE, final, dst, role, "reason")


@pytest.mark.parametrize("status", ACTIVE)
def test_active_states_are_not_final(status):
    assert not workflow.is_final(status)


@pytest.mark.parametrize("status", list(S))
@pytest.mark.parametrize("role", [None, *R])
def test_targets_lists_the_expected_statuses_in_flow_order(status, role):
    want = [
        dst for dst in S
        if (status, dst) in EXPECTED and (role is None or role in EXPECTED[(status, dst)][0])
    ]
    assert workflow.targets(status, role) == want


def test_inspectors_never_move_a_case():
    assert all(workflow.targets(src, R.INSPECTOR) == [] for src in S)


def test_illegal_step_message_lists_where_the_case_may_go():
    with pytest.raises(IllegalTransition) as info:
        workflow.check_transition(CASE, S.OPEN, S.CLOSED, R.ADMIN, "x")
    assert "notified, escalated, cancelled, waived" in str(info.value)


def test_permission_message_names_who_may():
    with pytest.raises(PermissionDenied) as info:
        workflow.check_transition(CASE, S.OPEN, S.NOTIFIED, R.MERCHANT_MANAGER)
    assert "admin, quality_manager" in str(info.value)


def test_string_values_are_accepted():
    t = workflow.check_transition(CASE, "notified", "responded", "merchant_manager")
    assert t.target is S.RESPONDED
    assert workflow.transition_for("open", "notified") is workflow.TRANSITIONS[(S.OPEN, S.NOTIFIED)]
    assert workflow.transition_for(S.OPEN, S.CLOSED) is None


def test_self_moves_are_illegal():
    for status in S:
        assert (status, status) not in workflow.TRANSITIONS


def _reachable(start: S) -> set[S]:
    seen, todo = {start}, [start]
    while todo:
        cur = todo.pop()
        for (src, dst) in EXPECTED:
            if src == cur and dst not in seen:
                seen.add(dst)
                todo.append(dst)
    return seen


def test_every_status_is_reachable_from_open():
    assert _reachable(S.OPEN) == set(S)


@pytest.mark.parametrize("status", ACTIVE)
def test_every_active_status_can_still_be_closed(status):
    assert S.CLOSED in _reachable(status)


@pytest.mark.parametrize("status", list(S))
def test_the_test_paths_are_legal_for_an_admin(status):
    cur = S.OPEN
    for dst, note in PATH_TO[status]:
        workflow.check_transition(CASE, cur, dst, R.ADMIN, note)
        cur = dst
    assert cur == status
