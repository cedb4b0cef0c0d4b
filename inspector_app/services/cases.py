"""Rectification cases: open for a merchant's findings, move through the workflow, respond, verify."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from inspector_app.db.models import (
    CaseEvent,
    CaseFinding,
    Finding,
    Merchant,
    Purchase,
    RectificationCase,
    User,
)
from inspector_app.domain import clock
from inspector_app.domain.deadlines import Deadline, deadline_state, is_overdue
from inspector_app.domain.enums import CaseStatus, Role, Severity, VerificationResult
from inspector_app.domain.errors import NotFound, ValidationError
from inspector_app.domain.labels import case_status_label, join_list
from inspector_app.domain.messages import t
from inspector_app.domain.workflow import ACTIVE_STATUSES, check_transition, is_final, targets
from inspector_app.services import team_settings
from inspector_app.services.common import as_date, clean_text, get_live, now
from inspector_app.services.context import MANAGERS, Context
from inspector_app.services.sync.binding import require_server, server_only_reason

logger = logging.getLogger(__name__)

_SEVERITY_ORDER = [Severity.CRITICAL, Severity.MAJOR, Severity.MINOR]


@dataclass(frozen=True)
class EventInfo:
    at: datetime
    actor: str
    kind: str
    from_status: str | None
    to_status: str | None
    note: str


@dataclass(frozen=True)
class CaseInfo:
    id: int
    uid: str
    case_number: str
    merchant_id: int
    merchant_name: str
    merchant_shop_id: str
    status: CaseStatus
    due_date: date | None
    assignee_id: int | None
    assignee: str
    summary: str
    response_text: str
    root_cause: str
    corrective_action: str
    preventive_action: str
    response_date: date | None
    verification_result: VerificationResult | None
    verification_note: str
    verification_purchase_id: int | None
    status_reason: str
    created_at: datetime
    notified_at: datetime | None
    first_response_at: datetime | None
    closed_at: datetime | None
    finding_ids: tuple[int, ...]
    events: tuple[EventInfo, ...]
    version: int = 1

    @property
    def is_final(self) -> bool:
        return is_final(self.status)

    def is_overdue(self, today: date | None = None) -> bool:
        return is_overdue(self.status, self.due_date, today or clock.today())

    def deadline(self, warning_days: int, today: date | None = None) -> Deadline:
        """Overdue, due soon (within `warning_days`, the team setting), on track, or none."""
        return deadline_state(self.status, self.due_date, today or clock.today(), warning_days)


@dataclass
class ResponseInput:
    response_text: str = ""
    root_cause: str = ""
    corrective_action: str = ""
    preventive_action: str = ""
    response_date: date | None = None
    #: The case's version the response was written against (None: no check).
    version: int | None = None


def _info(c: RectificationCase) -> CaseInfo:
    return CaseInfo(
        id=c.id, uid=c.uid, case_number=c.case_number, merchant_id=c.merchant_id,
        merchant_name=c.merchant.name, merchant_shop_id=c.merchant.shop_id,
        status=CaseStatus(c.status), due_date=c.due_date, assignee_id=c.assignee_id,
        assignee=c.assignee.display_name if c.assignee else "", summary=c.summary,
        response_text=c.response_text, root_cause=c.root_cause,
        corrective_action=c.corrective_action, preventive_action=c.preventive_action,
        response_date=c.response_date,
        verification_result=c.verification_result and VerificationResult(c.verification_result),
        verification_note=c.verification_note, verification_purchase_id=c.verification_purchase_id,
        status_reason=c.status_reason, created_at=c.created_at, notified_at=c.notified_at,
        first_response_at=c.first_response_at, closed_at=c.closed_at,
        finding_ids=tuple(cf.finding_id for cf in c.case_findings),
        events=tuple(
            EventInfo(e.at, e.actor.display_name if e.actor else "system", e.kind,
                      e.from_status, e.to_status, e.note)
            for e in c.events
        ),
        version=c.version,
    )


def _load(s: Session, case_number: str, *, lock: bool = False) -> RectificationCase:
    c = s.scalar(select(RectificationCase).where(RectificationCase.case_number == case_number.strip()))
    if c is None:
        raise NotFound(t("No case {case}", case=case_number))
    return c


def _guard(ctx: Context, case_number: str):
    """services.versions for a case: yields check(s, case, version); a concurrent change
    refuses the save (StaleEdit), naming who and when."""
    from contextlib import contextmanager

    from inspector_app.services import versions

    what = t("Case {case}", case=case_number)

    @contextmanager
    def guard():
        def row_id():
            with ctx.db.read() as s:
                return _load(s, case_number).id

        with versions.refused_when_stale(ctx, RectificationCase, row_id, what):
            yield lambda s, c, version: versions.check(s, c, version, what)

    return guard()


def _read_only(c: RectificationCase) -> ValidationError:
    return ValidationError(t(
        "Case {case} is {status}; it is read-only",
        case=c.case_number, status=case_status_label(c.status),
    ))


def _event(s: Session, c: RectificationCase, ctx: Context, kind: str, note: str = "",
           from_status: str | None = None, to_status: str | None = None) -> None:
    s.add(CaseEvent(
        case_id=c.id, actor_id=ctx.actor_id, at=now(), kind=kind, from_status=from_status,
        to_status=to_status, note=note, created_by_id=ctx.actor_id,
    ))


def merchant_open_cases(s: Session, shop_id: str) -> tuple[Merchant, list[RectificationCase]]:
    """A merchant (by shop id) and its active cases by due date, for notices and workbooks."""
    merchant = s.scalar(select(Merchant).where(Merchant.shop_id == shop_id.strip()))
    if merchant is None or merchant.deleted_at is not None:
        raise NotFound(t("No merchant with shop id '{shop_id}'", shop_id=shop_id))
    cases = list(
        s.scalars(
            select(RectificationCase)
            .where(
                RectificationCase.merchant_id == merchant.id,
                RectificationCase.status.in_([st.value for st in ACTIVE_STATUSES]),
            )
            .order_by(RectificationCase.due_date, RectificationCase.id)
        )
    )
    if not cases:
        raise ValidationError(t("{name} has no open rectification cases", name=merchant.name))
    return merchant, cases


def _next_number(s: Session, year: int) -> tuple[int, str]:
    # Runs inside a write transaction (BEGIN IMMEDIATE on SQLite), so no two writers race;
    # on PostgreSQL the (year, sequence) unique constraint turns a race into a retryable error.
    last = s.scalar(select(func.max(RectificationCase.sequence)).where(RectificationCase.year == year))
    seq = (last or 0) + 1
    return seq, f"RC-{year}-{seq:04d}"


def open_case(
    ctx: Context,
    finding_ids: list[int],
    *,
    due_date: date | None = None,
    assignee_id: int | None = None,
    summary: str = "",
) -> CaseInfo:
    """Open one case for findings of ONE merchant; the deadline defaults by the worst severity."""
    ctx.require(*MANAGERS, action=t("open rectification cases"))
    require_server(ctx, t("Opening a case"))  # numbers come from the server (docs/sync.md)
    ids = sorted(set(finding_ids))
    if not ids:
        raise ValidationError(t("Choose at least one finding for the case"), field="findings")
    with ctx.db.write() as s:
        findings = list(s.scalars(select(Finding).where(Finding.id.in_(ids))))
        found = {f.id for f in findings}
        missing = [i for i in ids if i not in found] + [
            f.id for f in findings if f.deleted_at or f.purchase.deleted_at
        ]
        if missing:
            raise NotFound(t("No finding with id {id}", id=join_list(missing)))
        merchants = {f.purchase.merchant_id for f in findings}
        if len(merchants) != 1:
            raise ValidationError(t(
                "A case covers the findings of one merchant; the selection spans {count} merchants",
                count=len(merchants),
            ), field="findings")
        busy = s.execute(
            select(CaseFinding.finding_id, RectificationCase.case_number)
            .join(RectificationCase, RectificationCase.id == CaseFinding.case_id)
            .where(CaseFinding.finding_id.in_(ids))
            .where(RectificationCase.status.in_([st.value for st in ACTIVE_STATUSES]))
        ).all()
        if busy:
            desc = join_list(t("{finding} ({case})", finding=fid, case=num) for fid, num in busy)
            raise ValidationError(
                t("Findings already in an open case: {findings}", findings=desc), field="findings"
            )
        if assignee_id is not None and s.get(User, assignee_id) is None:
            raise ValidationError(t("No user with id {id}", id=assignee_id), field="assignee")
        today = clock.today()
        if due_date is None:
            worst = min((Severity(f.severity) for f in findings), key=_SEVERITY_ORDER.index)
            due_date = today + timedelta(days=team_settings.deadline_days(ctx, worst))
        seq, number = _next_number(s, today.year)
        c = RectificationCase(
            case_number=number, year=today.year, sequence=seq, merchant_id=merchants.pop(),
            status=CaseStatus.OPEN, due_date=as_date(due_date), assignee_id=assignee_id,
            summary=clean_text(summary, "summary"), created_by_id=ctx.actor_id,
        )
        s.add(c)
        s.flush()
        for f in findings:
            s.add(CaseFinding(case_id=c.id, finding_id=f.id, created_by_id=ctx.actor_id))
        _event(s, c, ctx, "opened", "1 finding" if len(findings) == 1 else f"{len(findings)} findings", None, CaseStatus.OPEN.value)
        s.flush()
        s.refresh(c)
        return _info(c)


def _move(s: Session, ctx: Context, c: RectificationCase, to: CaseStatus, note: str,
          *, role_checked: bool = False) -> None:
    """`role_checked`: the caller has already decided that this user makes this move (a
    printed notice notifies its open cases, whoever may print it: case_moves)."""
    role = ctx.require(action=t("change cases")).role
    require_server(ctx, t("Moving a case"))
    source = CaseStatus(c.status)
    if not role_checked:
        check_transition(c.case_number, source, to, role, note)
    when = now()
    if to == CaseStatus.NOTIFIED and c.notified_at is None:
        c.notified_at = when
    if to == CaseStatus.RESPONDED and c.first_response_at is None:
        c.first_response_at = when
    if source == CaseStatus.AWAITING_VERIFICATION and to == CaseStatus.CLOSED:
        c.verification_result = VerificationResult.PASSED
    if source == CaseStatus.AWAITING_VERIFICATION and to == CaseStatus.RECTIFYING:
        c.verification_result = VerificationResult.FAILED
    if is_final(to):
        c.closed_at = when
    if to in (CaseStatus.CANCELLED, CaseStatus.WAIVED, CaseStatus.ESCALATED):
        c.status_reason = note.strip()
    c.status = to
    _event(s, c, ctx, "status", note.strip(), source.value, to.value)


def advance(ctx: Context, case_number: str, to: CaseStatus | str, note: str = "") -> CaseInfo:
    """Move a case to `to`, if the workflow and the acting user's role allow it."""
    try:
        to = CaseStatus(to)
    except ValueError:
        raise ValidationError(t("Unknown case status '{status}'", status=to), field="status") from None
    with _guard(ctx, case_number), ctx.db.write() as s:
        c = _load(s, case_number)
        _move(s, ctx, c, to, note or "")
        s.flush()
        return _info(c)


def record_response(ctx: Context, case_number: str, response: ResponseInput) -> tuple[CaseInfo, bool]:
    """Record the merchant's response; a notified case moves to responded.

    Returns (case, changed). Recording the same response again changes nothing, so
    re-importing a merchant workbook is harmless.
    """
    ctx.require(Role.MERCHANT_MANAGER, *MANAGERS, action=t("record merchant responses"))
    fields = {
        "response_text": clean_text(response.response_text, "response_text"),
        "root_cause": clean_text(response.root_cause, "root_cause"),
        "corrective_action": clean_text(response.corrective_action, "corrective_action"),
        "preventive_action": clean_text(response.preventive_action, "preventive_action"),
    }
    if not any(fields.values()):
        raise ValidationError(t("The response is empty"), field="response_text")
    with _guard(ctx, case_number) as check, ctx.db.write() as s:
        c = _load(s, case_number)
        check(s, c, response.version)
        if is_final(c.status):
            raise _read_only(c)
        if c.status == CaseStatus.OPEN:
            raise ValidationError(t(
                "Case {case} has not been sent to the merchant yet; notify it first",
                case=c.case_number,
            ))
        same = all(getattr(c, k) == v for k, v in fields.items()) and (
            response.response_date is None or c.response_date == response.response_date)
        if same:
            return _info(c), False
        for k, v in fields.items():
            setattr(c, k, v)
        c.response_date = response.response_date or clock.today()
        _event(s, c, ctx, "response", fields["response_text"][:500])
        if c.status == CaseStatus.NOTIFIED:
            _move(s, ctx, c, CaseStatus.RESPONDED, "")
        s.flush()
        return _info(c), True


def record_verification(
    ctx: Context, case_number: str, passed: bool, note: str = "", purchase_id: int | None = None
) -> CaseInfo:
    """The re-check of a rectified case: passed closes it, failed sends it back to rectifying."""
    ctx.require(*MANAGERS, action=t("verify rectifications"))
    with ctx.db.write() as s:
        c = _load(s, case_number)
        if purchase_id is not None:
            p = get_live(s, Purchase, purchase_id, "purchase")
            if p.merchant_id != c.merchant_id:
                raise ValidationError(
                    t("The re-purchase must be from the same merchant"), field="purchase"
                )
            c.verification_purchase_id = p.id
        c.verification_note = clean_text(note, "note")
        _move(s, ctx, c, CaseStatus.CLOSED if passed else CaseStatus.RECTIFYING, note or "")
        s.flush()
        return _info(c)


def update_case(
    ctx: Context, case_number: str, *, due_date: date | None = None,
    assignee_id: int | None = None, summary: str | None = None, clear_assignee: bool = False,
    version: int | None = None,
) -> CaseInfo:
    """`version`: the case's version the edit was made on (None: no check)."""
    ctx.require(*MANAGERS, action=t("edit cases"))
    with _guard(ctx, case_number) as check, ctx.db.write() as s:
        c = _load(s, case_number)
        check(s, c, version)
        if is_final(c.status):
            raise _read_only(c)
        changes = []
        if due_date is not None and due_date != c.due_date:
            changes.append(f"due date {c.due_date} -> {due_date}")
            c.due_date = due_date
        if assignee_id is not None and assignee_id != c.assignee_id:
            if s.get(User, assignee_id) is None:
                raise ValidationError(t("No user with id {id}", id=assignee_id), field="assignee")
            changes.append("assignee changed")
            c.assignee_id = assignee_id
        if clear_assignee and c.assignee_id is not None:
            changes.append("assignee removed")
            c.assignee_id = None
        if summary is not None and clean_text(summary, "summary") != c.summary:
            c.summary = clean_text(summary, "summary")
            changes.append("summary edited")
        if changes:
            _event(s, c, ctx, "edit", "; ".join(changes))
        s.flush()
        return _info(c)


def get_case(ctx: Context, case_number: str) -> CaseInfo:
    with ctx.db.read() as s:
        return _info(_load(s, case_number))


def get_case_by_id(ctx: Context, case_id: int) -> CaseInfo:
    with ctx.db.read() as s:
        c = s.get(RectificationCase, case_id)
        if c is None:
            raise NotFound(t("No case with id {id}", id=case_id))
        return _info(c)


def allowed_targets(ctx: Context, case: CaseInfo) -> list[CaseStatus]:
    """The statuses the acting user may move this case to (for showing only valid buttons)."""
    if ctx.actor is None or offline_reason(ctx):
        return []
    return targets(case.status, ctx.actor.role)


def offline_reason(ctx: Context) -> str | None:
    """Why cases cannot be opened or moved here (a laptop copy of a team server), or None."""
    return server_only_reason(ctx, t("Moving a case"))
