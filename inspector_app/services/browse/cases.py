"""Cases table: by status, merchant, overdue or due soon; due dates and hours since notice."""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlalchemy import Select, false, func, select
from sqlalchemy.orm import aliased

from inspector_app.db.models import CaseFinding, Merchant, RectificationCase, User
from inspector_app.db.search import like_any
from inspector_app.domain import clock
from inspector_app.domain.deadlines import Deadline, deadline_state, due_soon_window
from inspector_app.domain.enums import CaseStatus
from inspector_app.domain.metrics import hours_between
from inspector_app.domain.workflow import ACTIVE_STATUSES
from inspector_app.services import team_settings
from inspector_app.services.browse.common import count, end_of, order, page, start_of
from inspector_app.services.context import Context

logger = logging.getLogger(__name__)


@dataclass
class CaseFilter:
    text: str = ""
    #: Ignored under `active_only`; with `overdue_only` / `due_soon_only` both must hold.
    status: CaseStatus | str | None = None
    #: "active" = every status still being worked on.
    active_only: bool = False
    overdue_only: bool = False
    #: Active cases due within the warning days (domain/deadlines.py); none when they are 0.
    due_soon_only: bool = False
    #: Warning days for `due_soon` (None: the team setting cases.warning_days).
    warning_days: int | None = None
    merchant_id: int | None = None
    merchant_shop_id: str | None = None
    assignee_id: int | None = None
    since: date | None = None
    until: date | None = None


@dataclass(frozen=True)
class CaseRow:
    id: int
    uid: str
    case_number: str
    merchant_id: int
    merchant_shop_id: str
    merchant: str
    status: CaseStatus
    due_date: date | None
    created_at: datetime
    notified_at: datetime | None
    closed_at: datetime | None
    assignee: str
    finding_count: int
    overdue: bool
    #: Active, not overdue, due within the team's warning days.
    due_soon: bool
    hours_since_notice: float | None


_Assignee = aliased(User)
_nfind = (
    select(func.count(CaseFinding.id)).where(CaseFinding.case_id == RectificationCase.id)
    .correlate(RectificationCase).scalar_subquery()
)
_ACTIVE = [s.value for s in ACTIVE_STATUSES]

SORTS = {
    "case_number": RectificationCase.case_number,
    "merchant": Merchant.name,
    "status": RectificationCase.status,
    "due_date": RectificationCase.due_date,
    "created_at": RectificationCase.created_at,
    "notified_at": RectificationCase.notified_at,
    "closed_at": RectificationCase.closed_at,
    "assignee": _Assignee.display_name,
    "finding_count": _nfind,
    "id": RectificationCase.id,
}


def _base(flt: CaseFilter, today: date, warning_days: int) -> Select:
    q = (
        select(
            RectificationCase.id, RectificationCase.uid, RectificationCase.case_number,
            Merchant.id, Merchant.shop_id, Merchant.name, RectificationCase.status,
            RectificationCase.due_date, RectificationCase.created_at,
            RectificationCase.notified_at, RectificationCase.closed_at,
            _Assignee.display_name, _nfind,
        )
        .join(Merchant, Merchant.id == RectificationCase.merchant_id)
        .outerjoin(_Assignee, _Assignee.id == RectificationCase.assignee_id)
    )
    if flt.text.strip():
        q = q.where(like_any((RectificationCase.case_number, Merchant.name, Merchant.shop_id,
                              RectificationCase.summary), flt.text.strip()))
    if flt.active_only or flt.overdue_only or flt.due_soon_only:
        q = q.where(RectificationCase.status.in_(_ACTIVE))
    if flt.status and not flt.active_only:
        q = q.where(RectificationCase.status == CaseStatus(flt.status))
    # Both bounds as in domain/deadlines.py, so the tabs count what the rows show.
    if flt.overdue_only:
        q = q.where(RectificationCase.due_date < today)
    if flt.due_soon_only:
        window = due_soon_window(today, warning_days)
        if window is None:
            q = q.where(false())
        else:
            q = q.where(RectificationCase.due_date.between(*window))
    if flt.merchant_id:
        q = q.where(RectificationCase.merchant_id == flt.merchant_id)
    if flt.merchant_shop_id:
        q = q.where(Merchant.shop_id == flt.merchant_shop_id)
    if flt.assignee_id:
        q = q.where(RectificationCase.assignee_id == flt.assignee_id)
    if flt.since:
        q = q.where(RectificationCase.created_at >= start_of(flt.since))
    if flt.until:
        q = q.where(RectificationCase.created_at < end_of(flt.until))
    return q


def _warning_days(ctx: Context, flt: CaseFilter) -> int:
    return team_settings.warning_days(ctx) if flt.warning_days is None else int(flt.warning_days)


def count_cases(ctx: Context, flt: CaseFilter) -> int:
    warning = _warning_days(ctx, flt) if flt.due_soon_only else 0
    with ctx.db.read() as s:
        return count(s, _base(flt, clock.today(), warning))


@dataclass(frozen=True)
class DueSoonCount:
    cases: int
    #: The warning days the count used (0: warnings are off and `cases` is 0).
    warning_days: int


def count_due_soon(ctx: Context, flt: CaseFilter | None = None) -> DueSoonCount:
    """How many active cases are due soon (under the other filters of `flt`), and within how
    many days: for a status-bar line or a dashboard tile."""
    flt = replace(flt or CaseFilter(), due_soon_only=True, active_only=False, overdue_only=False)
    warning = _warning_days(ctx, flt)
    n = count_cases(ctx, replace(flt, warning_days=warning)) if warning > 0 else 0
    return DueSoonCount(n, warning)


def fetch_cases(
    ctx: Context, flt: CaseFilter, *, sort: str | None = None, desc: bool = True,
    offset: int = 0, limit: int = 200,
) -> list[CaseRow]:
    today = clock.today()
    warning = _warning_days(ctx, flt)
    q = page(order(_base(flt, today, warning), SORTS, sort, desc, RectificationCase.id, "created_at"),
             offset, limit)
    with ctx.db.read() as s:
        rows = s.execute(q).all()
    now = clock.now()
    out = []
    for r in rows:
        status = CaseStatus(r[6])
        active = status in _ACTIVE
        state = deadline_state(status, r[7], today, warning)
        out.append(CaseRow(
            id=r[0], uid=r[1], case_number=r[2], merchant_id=r[3], merchant_shop_id=r[4],
            merchant=r[5], status=status, due_date=r[7], created_at=r[8], notified_at=r[9],
            closed_at=r[10], assignee=r[11] or "", finding_count=r[12] or 0,
            overdue=state is Deadline.OVERDUE, due_soon=state is Deadline.DUE_SOON,
            hours_since_notice=hours_between(r[9], now if active else r[10]),
        ))
    return out
