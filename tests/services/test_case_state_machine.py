"""Hypothesis stateful test: random moves by random roles on real cases, checking invariants."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from inspector_app.domain import clock
from inspector_app.domain.enums import CaseStatus as S
from inspector_app.domain.enums import Role as R
from inspector_app.domain.enums import VerificationResult as V
from inspector_app.domain.errors import PermissionDenied, ValidationError
from inspector_app.domain.workflow import is_final
from inspector_app.services import cases
from tests.services.builders import event_count, make_finding
from tests.unit.expected_workflow import EXPECTED, MANAGERS, MERCHANT_SIDE, expected_error

NOTES = st.sampled_from(["", "   ", "\n", "merchant asked for more time", "  复检不合格  "])
REASONS = st.sampled_from(["no reply", "  样品仍有缺陷 ", "duplicate case"])
ROLES = st.sampled_from([None, *R])
RESPONSES = st.sampled_from(["We re-sewed the batch", "换了供应商", "  We re-sewed the batch  "])

#: The happy path, one step at a time (drives walks deep enough to verify and close).
MAIN_FLOW = {
    S.OPEN: S.NOTIFIED, S.NOTIFIED: S.RESPONDED, S.RESPONDED: S.RECTIFYING,
    S.RECTIFYING: S.AWAITING_VERIFICATION, S.AWAITING_VERIFICATION: S.CLOSED,
    S.ESCALATED: S.NOTIFIED,  # a second notice must not move notified_at
}

MACHINE_SETTINGS = settings(
    max_examples=40,
    stateful_step_count=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def _now() -> datetime:
    return clock.now()


def test_random_walks_keep_the_case_consistent(ctx, users, admin, purchase):
    def as_(role):
        return ctx if role is None else ctx.as_actor(users[role])

    class CaseWorkflow(RuleBasedStateMachine):
        @initialize()
        def open_a_case(self):
            f = make_finding(admin, purchase.id)
            info = cases.open_case(as_(R.QUALITY_MANAGER), [f.id])
            self.number = info.case_number
            self.status = S.OPEN
            self.events = 1
            self.notified_at = self.first_response_at = self.closed_at = None
            self.verification = None
            self.verification_note = ""
            self.reason = ""
            self.response = ""

        # --- the model of a successful move -------------------------------------------

        def _moved(self, info, target: S, note: str, before: datetime) -> None:
            after = _now()
            source = self.status
            assert info.status is target
            if target is S.NOTIFIED and self.notified_at is None:
                assert info.notified_at is not None and before <= info.notified_at <= after
                self.notified_at = info.notified_at
            if target is S.RESPONDED and self.first_response_at is None:
                assert before <= info.first_response_at <= after
                self.first_response_at = info.first_response_at
            if is_final(target):
                assert before <= info.closed_at <= after
                self.closed_at = info.closed_at
            if source is S.AWAITING_VERIFICATION and target is S.CLOSED:
                self.verification = V.PASSED
            if source is S.AWAITING_VERIFICATION and target is S.RECTIFYING:
                self.verification = V.FAILED
            if target in (S.CANCELLED, S.WAIVED, S.ESCALATED):
                self.reason = note.strip()
            last = info.events[-1]
            assert (last.kind, last.from_status, last.to_status, last.note) == (
                "status", source.value, target.value, note.strip())
            self.status = target
            self.events += 1

        def _refused(self, err, call, *must_name: str) -> None:
            with pytest.raises(err) as caught:
                call()
            for part in must_name:
                assert part in str(caught.value)

        # --- rules ---------------------------------------------------------------------

        def _advance(self, target: S, role: R | None, note: str) -> None:
            err = expected_error(self.status, target, role, note)

            def call():
                return cases.advance(as_(role), self.number, target, note)

            if err is None:
                before = _now()
                self._moved(call(), target, note, before)
            elif role is None:
                self._refused(err, call)
            elif err is ValidationError:
                self._refused(err, call, self.number, self.status.value, target.value)
            else:
                self._refused(err, call, self.number, self.status.value, target.value, role.value)

        @rule(to=st.sampled_from(list(S)), role=ROLES, note=NOTES)
        def any_move(self, to, role, note):
            self._advance(to, role, note)

        @precondition(lambda self: not is_final(self.status))
        @rule(data=st.data())
        def a_legal_move(self, data):
            options = sorted((dst for (src, dst) in EXPECTED if src == self.status), key=list(S).index)
            target = data.draw(st.sampled_from(options), label="target")
            roles = sorted(EXPECTED[(self.status, target)][0], key=list(R).index)
            role = data.draw(st.sampled_from(roles), label="role")
            self._advance(target, role, data.draw(REASONS, label="note"))

        @precondition(lambda self: self.status in MAIN_FLOW)
        @rule(data=st.data())
        def the_next_step_of_the_main_flow(self, data):
            target = MAIN_FLOW[self.status]
            roles = sorted(EXPECTED[(self.status, target)][0], key=list(R).index)
            note = "resumed" if EXPECTED[(self.status, target)][1] else ""
            self._advance(target, data.draw(st.sampled_from(roles), label="role"), note)

        @rule(text=RESPONSES, role=ROLES)
        def respond(self, text, role):
            def call():
                return cases.record_response(as_(role), self.number, cases.ResponseInput(text))

            if role not in MERCHANT_SIDE:
                self._refused(PermissionDenied, call)
                return
            if is_final(self.status) or self.status is S.OPEN:
                # Final cases are read-only; an open case has not reached the merchant yet.
                self._refused(ValidationError, call, self.number)
                return
            before = _now()
            info, changed = call()
            assert changed is (text.strip() != self.response)
            if not changed:
                assert info.status is self.status
                return
            self.response = text.strip()
            if self.status is S.NOTIFIED:
                assert info.events[-2].kind == "response"
                self.events += 1
                self._moved(info, S.RESPONDED, "", before)
            else:
                assert info.events[-1].kind == "response"
                assert info.status is self.status
                self.events += 1

        @rule(passed=st.booleans(), role=ROLES, note=NOTES)
        def verify(self, passed, role, note):
            target = S.CLOSED if passed else S.RECTIFYING

            def call():
                return cases.record_verification(as_(role), self.number, passed, note)

            if role not in MANAGERS:
                self._refused(PermissionDenied, call)
                return
            err = expected_error(self.status, target, role, note)
            if err is not None:
                self._refused(err, call, self.number)
                return
            before = _now()
            info = call()
            self.verification_note = note.strip()
            assert info.verification_note == self.verification_note
            self._moved(info, target, note, before)

        # --- what must always hold -----------------------------------------------------

        @invariant()
        def the_database_agrees_with_the_model(self):
            info = cases.get_case(admin, self.number)
            assert info.status is self.status
            assert len(info.events) == self.events == event_count(admin, self.number)
            assert info.notified_at == self.notified_at
            assert info.first_response_at == self.first_response_at
            assert info.closed_at == self.closed_at
            assert (info.closed_at is not None) == is_final(info.status)
            assert info.verification_result == self.verification
            assert info.verification_note == self.verification_note
            assert info.status_reason == self.reason
            assert info.response_text == self.response
            if info.first_response_at is not None:
                assert info.notified_at is not None
                assert info.first_response_at >= info.notified_at
            times = [e.at for e in info.events]
            assert times == sorted(times)

    run_state_machine_as_test(CaseWorkflow, settings=MACHINE_SETTINGS)
