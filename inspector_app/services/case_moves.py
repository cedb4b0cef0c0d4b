"""Which moves a case offers the acting user, each with why not when it is refused; and the
move a printed notice makes (an open case becomes notified).

The Case menu, the case page's buttons and their shortcuts all ask `moves()`, so they agree
(docs/architecture.md, "Case moves"); the answer comes from the workflow's own check, the
same that refuses the move when it is made.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector_app.db.models import RectificationCase
from inspector_app.domain.enums import CaseStatus
from inspector_app.domain.errors import InspectorError
from inspector_app.domain.labels import case_status_label
from inspector_app.domain.messages import t
from inspector_app.domain.workflow import TRANSITIONS, check_transition, is_final
from inspector_app.services.cases import CaseInfo, _move
from inspector_app.services.context import Context

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class CaseMove:
    """One step of the workflow as a menu shows it."""

    source: CaseStatus
    target: CaseStatus
    #: The workflow's name of the move ("Notify merchant"; "De-escalate" for leaving escalated).
    label: str
    needs_note: bool
    allowed: bool
    #: Why the acting user cannot make it now ("" when allowed); one translated line.
    reason: str = ""


def every_move() -> list[tuple[CaseStatus, CaseStatus]]:
    """Every (source, target) pair of the workflow, in flow order of the target."""
    order = list(CaseStatus)
    return sorted(TRANSITIONS, key=lambda pair: (order.index(pair[1]), order.index(pair[0])))


def moves(ctx: Context, case: CaseInfo | None) -> list[CaseMove]:
    """The moves from this case's status, allowed or not for the acting user, with the reason.

    None (no case chosen) and a finished case give no moves; `why_no_moves` says why.
    """
    if case is None or is_final(case.status):
        return []
    out: list[CaseMove] = []
    for (source, target), step in TRANSITIONS.items():
        if source != case.status:
            continue
        reason = ""
        if ctx.actor is None:
            reason = t("Choose a user first (User menu)")
        else:
            try:
                # A stand-in note: whether a reason is given is asked when the move is made.
                check_transition(case.case_number, source, target, ctx.actor.role, note="-")
            except InspectorError as exc:
                reason = str(exc)
        out.append(CaseMove(source, target, step.label, step.needs_note, not reason, reason))
    order = list(CaseStatus)
    return sorted(out, key=lambda m: order.index(m.target))


def why_no_moves(case: CaseInfo | None) -> str:
    """Why a case offers no move at all: none chosen, or it is finished."""
    if case is None:
        return t("Choose a case first")
    return t("Case {case} is {status} and can no longer change",
             case=case.case_number, status=case_status_label(case.status))


def notify_open_cases(s: Session, ctx: Context, case_numbers: Iterable[str]) -> list[str]:
    """In the caller's transaction: the open cases among these become notified (their notice
    was just printed for the merchant); returns the numbers of those that moved."""
    moved: list[str] = []
    numbers = list(case_numbers)
    if not numbers:
        return moved
    rows = s.scalars(select(RectificationCase).where(RectificationCase.case_number.in_(numbers)))
    for c in rows:
        if CaseStatus(c.status) == CaseStatus.OPEN:
            _move(s, ctx, c, CaseStatus.NOTIFIED, t("Rectification notice printed"))
            moved.append(c.case_number)
    return sorted(moved)
