"""The rectification workflow: which case status may follow which, and who may move it.

open -> notified -> responded -> rectifying -> awaiting_verification -> closed;
responded / awaiting_verification -> rectifying when the response or the verification fails;
any active status -> escalated -> back into the flow or closed;
any active status -> cancelled or waived, with a reason.
"""

from __future__ import annotations

from dataclasses import dataclass

from inspector_app.domain.enums import CaseStatus as S
from inspector_app.domain.enums import Role as R
from inspector_app.domain.errors import IllegalTransition, PermissionDenied, ValidationError
from inspector_app.domain.labels import case_status_label, join_list, role_label
from inspector_app.domain.messages import t

#: Statuses in which a case is still being worked on.
ACTIVE_STATUSES: frozenset[S] = frozenset(
    {S.OPEN, S.NOTIFIED, S.RESPONDED, S.RECTIFYING, S.AWAITING_VERIFICATION, S.ESCALATED}
)
#: Statuses that end a case; a case in one of them is read-only.
FINAL_STATUSES: frozenset[S] = frozenset({S.CLOSED, S.CANCELLED, S.WAIVED})

_MANAGERS = frozenset({R.QUALITY_MANAGER, R.ADMIN})
_MERCHANT_SIDE = frozenset({R.MERCHANT_MANAGER, R.QUALITY_MANAGER, R.ADMIN})


@dataclass(frozen=True)
class Transition:
    source: S
    target: S
    roles: frozenset[R]
    #: A note (the reason) is required: cancelling, waiving, failing a response or a check.
    needs_note: bool = False
    label: str = ""


def _build() -> dict[tuple[S, S], Transition]:
    t: list[Transition] = [
        Transition(S.OPEN, S.NOTIFIED, _MANAGERS, label="Notify merchant"),
        Transition(S.NOTIFIED, S.RESPONDED, _MERCHANT_SIDE, label="Record response"),
        Transition(S.RESPONDED, S.RECTIFYING, _MANAGERS, label="Accept response"),
        Transition(S.RECTIFYING, S.AWAITING_VERIFICATION, _MERCHANT_SIDE, label="Rectified"),
        Transition(S.AWAITING_VERIFICATION, S.CLOSED, _MANAGERS, label="Verify and close"),
        Transition(
            S.AWAITING_VERIFICATION, S.RECTIFYING, _MANAGERS, needs_note=True,
            label="Verification failed",
        ),
    ]
    # A rejected response sends the merchant back to rectify; a reason is required.
    # (responded -> rectifying already exists as "accept"; rejection is the same move with
    # a note, so it is not a separate edge.)
    for src in ACTIVE_STATUSES - {S.ESCALATED}:
        t.append(Transition(src, S.ESCALATED, _MANAGERS, needs_note=True, label="Escalate"))
    for dst in (S.NOTIFIED, S.RECTIFYING, S.AWAITING_VERIFICATION, S.CLOSED):
        t.append(Transition(S.ESCALATED, dst, _MANAGERS, needs_note=True, label="De-escalate"))
    for src in ACTIVE_STATUSES:
        t.append(Transition(src, S.CANCELLED, _MANAGERS, needs_note=True, label="Cancel"))
        t.append(Transition(src, S.WAIVED, _MANAGERS, needs_note=True, label="Waive"))
    return {(x.source, x.target): x for x in t}


#: Every allowed move, keyed by (from, to).
TRANSITIONS: dict[tuple[S, S], Transition] = _build()


def targets(source: S, role: R | None = None) -> list[S]:
    """The statuses a case in `source` may move to (by `role`, when given), in flow order."""
    order = list(S)
    out = [
        t.target
        for (src, _), t in TRANSITIONS.items()
        if src == source and (role is None or role in t.roles)
    ]
    return sorted(out, key=order.index)


def transition_for(source: S, target: S) -> Transition | None:
    return TRANSITIONS.get((S(source), S(target)))


def check_transition(
    case_number: str, source: S, target: S, role: R, note: str | None = None
) -> Transition:
    """Return the transition, or raise an error that names the case, the statuses and the role."""
    source, target, role = S(source), S(target), R(role)
    step = TRANSITIONS.get((source, target))
    names = {
        "case": case_number,
        "source": case_status_label(source),
        "target": case_status_label(target),
        "role": role_label(role),
    }
    if step is None:
        if source in FINAL_STATUSES:
            raise IllegalTransition(t(
                "Case {case} is {source} and can no longer change "
                "(asked: {source} -> {target} as {role})", **names,
            ))
        allowed = join_list(case_status_label(s) for s in targets(source)) or t("nothing")
        raise IllegalTransition(t(
            "Case {case}: {source} -> {target} is not a step of the workflow (as {role}); "
            "from {source} it may go to {allowed}", allowed=allowed, **names,
        ))
    if role not in step.roles:
        who = join_list(role_label(r) for r in sorted(step.roles, key=lambda r: r.value))
        raise PermissionDenied(t(
            "Case {case}: a {role} may not move it {source} -> {target}; that is for {who}",
            who=who, **names,
        ))
    if step.needs_note and not (note and note.strip()):
        raise ValidationError(
            t("Case {case}: {source} -> {target} needs a reason", **names), field="note"
        )
    return step


def is_final(status: S) -> bool:
    return S(status) in FINAL_STATUSES
