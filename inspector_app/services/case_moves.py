"""Which moves a case offers the acting user, each with why not when it is refused; and the
move a printed notice makes (an open case becomes notified).

The Case menu, the case page's buttons and their shortcuts all ask here, so they agree
(docs/architecture.md, "Case moves"). A refusal says what kind it is and carries the roles or
statuses it needs, so a screen words it in its own language; `message` is the same refusal as
one line for the command line.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector_app.db.models import RectificationCase
from inspector_app.domain.enums import CaseStatus, Role
from inspector_app.domain.errors import InspectorError
from inspector_app.domain.labels import case_status_label, join_list, role_label
from inspector_app.domain.messages import t
from inspector_app.domain.workflow import TRANSITIONS, check_transition, is_final
from inspector_app.services.cases import CaseInfo, _move
from inspector_app.services.context import MANAGERS, NOTICE_SENDERS, Context

logger = logging.getLogger(__name__)

#: Refusal kinds.
NO_CASE, NO_USER, FINAL, NOT_FROM, ROLE = "no_case", "no_user", "final", "not_from", "role"
#: Moves out of the flow, listed after the flow's own in the Case menu.
_APART = ("Escalate", "De-escalate", "Cancel", "Waive")


@dataclass(frozen=True)
class Refusal:
    """Why something cannot be done now."""

    #: NO_CASE, NO_USER, FINAL (the case is finished), NOT_FROM (not a step from the case's
    #: status: `sources` are the statuses it is a step from) or ROLE (`roles` may do it).
    kind: str
    #: The refusal as one translated line (the command line's words).
    message: str
    roles: tuple[Role, ...] = ()
    sources: tuple[CaseStatus, ...] = ()


@dataclass(frozen=True)
class CaseMove:
    """One step of the workflow as a menu shows it."""

    source: CaseStatus
    target: CaseStatus
    #: The workflow's name of the move ("Notify merchant"; "De-escalate" for leaving escalated).
    label: str
    needs_note: bool
    refusal: Refusal | None = None

    @property
    def allowed(self) -> bool:
        return self.refusal is None

    @property
    def reason(self) -> str:
        return self.refusal.message if self.refusal else ""


def _no_case(case: CaseInfo | None) -> Refusal | None:
    if case is None:
        return Refusal(NO_CASE, t("Choose a case first"))
    if is_final(case.status):
        return Refusal(FINAL, t("Case {case} is {status} and can no longer change",
                                case=case.case_number, status=case_status_label(case.status)))
    return None


def _no_user(ctx: Context) -> Refusal | None:
    if ctx.actor is None:
        return Refusal(NO_USER, t("Choose a user first (User menu)"))
    return None


def moves(ctx: Context, case: CaseInfo | None) -> list[CaseMove]:
    """The moves from this case's status, each allowed or refused for the acting user.

    None (no case chosen) and a finished case give no moves; `menu_moves` says why.
    """
    if _no_case(case) is not None:
        return []
    assert case is not None
    out: list[CaseMove] = []
    for (source, target), step in TRANSITIONS.items():
        if source != case.status:
            continue
        refusal = _no_user(ctx)
        if refusal is None and ctx.actor is not None and ctx.actor.role not in step.roles:
            roles = tuple(sorted(step.roles, key=lambda r: list(Role).index(r)))
            try:
                # The workflow's own check words it (a stand-in note: the reason is asked later).
                check_transition(case.case_number, source, target, ctx.actor.role, note="-")
                message = ""
            except InspectorError as exc:
                message = str(exc)
            refusal = Refusal(ROLE, message, roles=roles)
        out.append(CaseMove(source, target, step.label, step.needs_note, refusal))
    order = list(CaseStatus)
    return sorted(out, key=lambda m: order.index(m.target))


def menu_entries() -> list[tuple[str, CaseStatus]]:
    """Every move of the workflow once, by name and target: the flow's steps in order, then
    escalating, each way back from escalated, cancelling and waiving."""
    first_seen: dict[tuple[str, CaseStatus], int] = {}
    for i, ((_source, target), step) in enumerate(TRANSITIONS.items()):
        first_seen.setdefault((step.label, target), i)
    return sorted(first_seen, key=lambda e: (e[0] in _APART, first_seen[e]))


def menu_moves(ctx: Context, case: CaseInfo | None) -> list[CaseMove]:
    """Every entry of `menu_entries()` for this case: allowed or not for the acting user,
    and why not (no case, a finished case, not a step from its status, not for this role)."""
    out: list[CaseMove] = []
    offered = {(m.label, m.target): m for m in moves(ctx, case)}
    for label, target in menu_entries():
        move = offered.get((label, target))
        if move is not None:
            out.append(move)
            continue
        sources = tuple(src for (src, tgt), step in TRANSITIONS.items()
                        if tgt == target and step.label == label)
        needs_note = TRANSITIONS[(sources[0], target)].needs_note
        refusal = _no_case(case)
        if refusal is None:
            assert case is not None
            refusal = Refusal(NOT_FROM, t(
                "Only for a case that is {statuses}; case {case} is {status}",
                statuses=join_list(case_status_label(s) for s in sources),
                case=case.case_number, status=case_status_label(case.status),
            ), sources=sources)
        source = case.status if case is not None else sources[0]
        out.append(CaseMove(source, target, label, needs_note, refusal))
    return out


def why_not_manage(ctx: Context, case: CaseInfo | None, action: str) -> Refusal | None:
    """Why the acting user cannot edit the case (`action="edit"`) or print and save its
    notice ("notice"); None when they can. Managers do both; merchant managers, who send the
    notices out, print them too (services.cases.update_case and reporting.export_notice
    check the same)."""
    refusal = _no_case(case) if action == "edit" else (
        Refusal(NO_CASE, t("Choose a case first")) if case is None else None)
    refusal = refusal or _no_user(ctx)
    roles = MANAGERS if action == "edit" else NOTICE_SENDERS
    if refusal is None and ctx.actor is not None and ctx.actor.role not in roles:
        message = t("{role} may not {action}; that is for: {allowed}",
                    role=role_label(ctx.actor.role),
                    action=t("edit cases") if action == "edit" else t("print rectification notices"),
                    allowed=join_list(role_label(r) for r in roles))
        refusal = Refusal(ROLE, message, roles=tuple(roles))
    return refusal


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
            # Whoever may print the notice sends it (merchant managers too: NOTICE_SENDERS).
            _move(s, ctx, c, CaseStatus.NOTIFIED, t("Rectification notice printed"),
                  role_checked=True)
            moved.append(c.case_number)
    return sorted(moved)
