"""Every (from, to, role) triple driven through services.cases.advance on a real database."""

from __future__ import annotations

import itertools

import pytest

from inspector_app.domain.enums import CaseStatus as S
from inspector_app.domain.enums import Role as R
from inspector_app.domain.errors import ValidationError
from inspector_app.services import cases
from tests.services.builders import case_at, event_count
from tests.unit.expected_workflow import EXPECTED, expected_error

NOTE = "reason given"


@pytest.mark.parametrize("source", list(S), ids=lambda s: s.value)
def test_every_move_from(source, admin, as_role, purchase):
    shared = case_at(admin, purchase.id, source)
    n_events = len(shared.events)
    for target, role in itertools.product(S, R):
        actor = as_role(role)
        err = expected_error(source, target, role, NOTE)
        if err is not None:
            # A refused move changes nothing, whatever it was.
            with pytest.raises(err) as info:
                cases.advance(actor, shared.case_number, target, NOTE)
            msg = str(info.value)
            for part in (shared.case_number, source.value, target.value, role.value):
                assert part in msg
            after = cases.get_case(admin, shared.case_number)
            assert after.status is source
            assert len(after.events) == n_events
            continue
        fresh = case_at(admin, purchase.id, source)
        if EXPECTED[(source, target)][1]:
            with pytest.raises(ValidationError):
                cases.advance(actor, fresh.case_number, target, "")
            assert event_count(admin, fresh.case_number) == len(fresh.events)
        moved = cases.advance(actor, fresh.case_number, target, NOTE)
        assert moved.status is target
        assert len(moved.events) == len(fresh.events) + 1
        last = moved.events[-1]
        assert (last.kind, last.from_status, last.to_status, last.note) == (
            "status", source.value, target.value, NOTE)
        assert last.actor == actor.actor.display_name
        assert (moved.closed_at is not None) == moved.is_final
