"""The rectification workflow as the tests expect it, written out by hand from docs/domain.md."""

from __future__ import annotations

from inspector_app.domain.enums import CaseStatus as S
from inspector_app.domain.enums import Role as R
from inspector_app.domain.errors import IllegalTransition, PermissionDenied, ValidationError

#: Quality managers open, notify, accept, verify, close and escalate (docs/domain.md); admin may
#: do anything a quality manager may.
MANAGERS = frozenset({R.QUALITY_MANAGER, R.ADMIN})
#: Merchant managers collect the merchants' responses and report the fix done.
MERCHANT_SIDE = frozenset({R.MERCHANT_MANAGER, R.QUALITY_MANAGER, R.ADMIN})

ACTIVE = (S.OPEN, S.NOTIFIED, S.RESPONDED, S.RECTIFYING, S.AWAITING_VERIFICATION, S.ESCALATED)
FINAL = (S.CLOSED, S.CANCELLED, S.WAIVED)

#: (from, to) -> (roles allowed, a reason is required). Anything not listed is illegal.
EXPECTED: dict[tuple[S, S], tuple[frozenset[R], bool]] = {
    # The main flow.
    (S.OPEN, S.NOTIFIED): (MANAGERS, False),
    (S.NOTIFIED, S.RESPONDED): (MERCHANT_SIDE, False),
    # Accepting a response and rejecting it are the same edge; the reason is optional.
    (S.RESPONDED, S.RECTIFYING): (MANAGERS, False),
    (S.RECTIFYING, S.AWAITING_VERIFICATION): (MERCHANT_SIDE, False),
    (S.AWAITING_VERIFICATION, S.CLOSED): (MANAGERS, False),
    # A failed verification goes back to rectifying and must say why.
    (S.AWAITING_VERIFICATION, S.RECTIFYING): (MANAGERS, True),
    # Escalation from any other active status, with a reason.
    **{(src, S.ESCALATED): (MANAGERS, True) for src in ACTIVE if src != S.ESCALATED},
    # Back into the flow, or closed, from escalation, with a reason.
    **{
        (S.ESCALATED, dst): (MANAGERS, True)
        for dst in (S.NOTIFIED, S.RECTIFYING, S.AWAITING_VERIFICATION, S.CLOSED)
    },
    # Any active case may be cancelled or waived, with a reason.
    **{(src, S.CANCELLED): (MANAGERS, True) for src in ACTIVE},
    **{(src, S.WAIVED): (MANAGERS, True) for src in ACTIVE},
}

#: A way to reach each status from open, as (target, note) steps an admin may take.
PATH_TO: dict[S, list[tuple[S, str]]] = {
    S.OPEN: [],
    S.NOTIFIED: [(S.NOTIFIED, "")],
    S.RESPONDED: [(S.NOTIFIED, ""), (S.RESPONDED, "")],
    S.RECTIFYING: [(S.NOTIFIED, ""), (S.RESPONDED, ""), (S.RECTIFYING, "")],
    S.AWAITING_VERIFICATION: [
        (S.NOTIFIED, ""), (S.RESPONDED, ""), (S.RECTIFYING, ""), (S.AWAITING_VERIFICATION, ""),
    ],
    S.CLOSED: [
        (S.NOTIFIED, ""), (S.RESPONDED, ""), (S.RECTIFYING, ""), (S.AWAITING_VERIFICATION, ""),
        (S.CLOSED, ""),
    ],
    S.ESCALATED: [(S.ESCALATED, "merchant unreachable")],
    S.CANCELLED: [(S.CANCELLED, "opened by mistake")],
    S.WAIVED: [(S.WAIVED, "product delisted")],
}


def expected_error(
    source: S, target: S, role: R | None, note: str | None
) -> type[Exception] | None:
    """The error a move must raise, or None when it must succeed."""
    if role is None:
        return PermissionDenied
    rule = EXPECTED.get((source, target))
    if rule is None:
        return IllegalTransition
    roles, needs_note = rule
    if role not in roles:
        return PermissionDenied
    if needs_note and not (note and note.strip()):
        return ValidationError
    return None
