"""Workbook use cases: the findings export, merchant response workbooks and their import."""

from __future__ import annotations

import logging
from collections.abc import Generator, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from inspector_app.db.models import (
    Brand,
    CaseFinding,
    Finding,
    Merchant,
    Product,
    Purchase,
    RectificationCase,
)
from inspector_app.domain.enums import CaseStatus, Severity
from inspector_app.domain.errors import NotFound
from inspector_app.domain.messages import t
from inspector_app.domain.metrics import hours_between
from inspector_app.domain.workflow import ACTIVE_STATUSES
from inspector_app.services import team_settings
from inspector_app.services.context import Context

if TYPE_CHECKING:
    from inspector_app.reports.progress import Progress

logger = logging.getLogger(__name__)

#: Rows read from the database per query while streaming an export.
CHUNK = 5_000
_ACTIVE = [s.value for s in ACTIVE_STATUSES]


@dataclass(frozen=True)
class ExportFilter:
    """Which findings and cases an export holds; dates are local and inclusive."""

    shop_id: str | None = None
    since: date | None = None
    until: date | None = None
    status: CaseStatus | None = None


@dataclass(frozen=True)
class RowError:
    sheet: str
    row: int
    reason: str

    def __str__(self) -> str:
        return t("{sheet} row {row}: {reason}", sheet=self.sheet, row=self.row, reason=self.reason)


@dataclass
class ImportReport:
    applied: int = 0
    unchanged: int = 0
    skipped: int = 0  # rows left blank
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def _bounds(f: ExportFilter) -> tuple[datetime | None, datetime | None]:
    a = datetime.combine(f.since, time.min).astimezone().astimezone(UTC) if f.since else None
    b = (
        datetime.combine(f.until + timedelta(days=1), time.min).astimezone().astimezone(UTC)
        if f.until
        else None
    )
    return a, b


def _latest_case_id():
    return (
        select(func.max(CaseFinding.case_id))
        .where(CaseFinding.finding_id == Finding.id)
        .correlate(Finding)
        .scalar_subquery()
    )


def _finding_conditions(f: ExportFilter, merchant_id: int | None) -> list:
    a, b = _bounds(f)
    cond = [Finding.deleted_at.is_(None), Purchase.deleted_at.is_(None)]
    if merchant_id is not None:
        cond.append(Purchase.merchant_id == merchant_id)
    if a is not None:
        cond.append(Finding.created_at >= a)
    if b is not None:
        cond.append(Finding.created_at < b)
    if f.status is not None:
        cond.append(RectificationCase.status == f.status.value)
    return cond


def _case_conditions(f: ExportFilter, merchant_id: int | None) -> list:
    a, b = _bounds(f)
    rc = RectificationCase
    cond = []
    if merchant_id is not None:
        cond.append(rc.merchant_id == merchant_id)
    if a is not None:
        cond.append(rc.created_at >= a)
    if b is not None:
        cond.append(rc.created_at < b)
    if f.status is not None:
        cond.append(rc.status == f.status.value)
    return cond


def _findings_query():
    return (
        select(
            Finding.id,
            Finding.created_at,
            Merchant.shop_id,
            Merchant.name,
            Purchase.order_number,
            Purchase.ordered_at,
            Product.name,
            Brand.name,
            Product.category,
            Finding.category,
            Finding.severity,
            Finding.title,
            Finding.description,
            Finding.expected,
            Finding.observed,
            Finding.rule_ref,
            RectificationCase.case_number,
            RectificationCase.status,
            Purchase.price_paid_cents,
        )
        .join(Purchase, Purchase.id == Finding.purchase_id)
        .join(Merchant, Merchant.id == Purchase.merchant_id)
        .outerjoin(Product, Product.id == Purchase.product_id)
        .outerjoin(Brand, Brand.id == Product.brand_id)
        .outerjoin(RectificationCase, RectificationCase.id == _latest_case_id())
    )


def _stream(ctx: Context, query, key_column, convert) -> Iterator[list[Any]]:
    """Rows of `query` in chunks of CHUNK by ascending key (keyset paging, short sessions)."""
    last = 0
    while True:
        with ctx.db.read() as s:
            rows = s.execute(query.where(key_column > last).order_by(key_column).limit(CHUNK)).all()
        if not rows:
            return
        for row in rows:
            yield convert(row)
        last = rows[-1][0]


def _finding_row(r) -> list[Any]:
    cents = r[18]
    return [
        r[0],
        r[1],
        r[2],
        r[3],
        r[4],
        r[5].astimezone().date() if r[5] else None,
        r[6],
        r[7],
        r[8],
        r[9],
        r[10],
        r[11],
        r[12],
        r[13],
        r[14],
        r[15],
        r[16],
        r[17],
        Decimal(cents) / 100 if cents is not None else None,
    ]


def _case_query():
    rc = RectificationCase
    n = (
        select(func.count())
        .select_from(CaseFinding)
        .where(CaseFinding.case_id == rc.id)
        .correlate(rc)
        .scalar_subquery()
    )
    return select(
        rc.id,
        rc.case_number,
        Merchant.shop_id,
        Merchant.name,
        rc.status,
        rc.created_at,
        rc.due_date,
        n,
        rc.notified_at,
        rc.first_response_at,
        rc.closed_at,
        rc.response_text,
        rc.root_cause,
        rc.corrective_action,
        rc.preventive_action,
        rc.response_date,
        rc.verification_result,
        rc.summary,
    ).join(Merchant, Merchant.id == rc.merchant_id)


def _case_row(r, today: date) -> list[Any]:
    status = getattr(r[4], "value", r[4])
    overdue = status in _ACTIVE and r[6] is not None and r[6] < today
    closed = r[10] if status == CaseStatus.CLOSED.value else None
    return [
        r[1],
        r[2],
        r[3],
        status,
        r[5],
        r[6],
        "yes" if overdue else "",
        r[7],
        r[8],
        r[9],
        r[10],
        hours_between(r[8], r[9]),
        hours_between(r[8], closed),
        r[11],
        r[12],
        r[13],
        r[14],
        r[15],
        r[16],
        r[17],
    ]


def _merchant_rows(
    ctx: Context, f: ExportFilter, merchant_id: int | None, today: date
) -> list[list[Any]]:
    rc = RectificationCase
    with ctx.db.read() as s:
        per = dict(
            (mid, (n, crit))
            for mid, n, crit in s.execute(
                select(
                    Purchase.merchant_id,
                    func.count(Finding.id),
                    func.count(Finding.id).filter(Finding.severity == Severity.CRITICAL.value),
                )
                .select_from(Finding)
                .join(Purchase, Purchase.id == Finding.purchase_id)
                .outerjoin(RectificationCase, RectificationCase.id == _latest_case_id())
                .where(*_finding_conditions(f, merchant_id))
                .group_by(Purchase.merchant_id)
            )
        )
        cases = {
            mid: (o, d, c)
            for mid, o, d, c in s.execute(
                select(
                    rc.merchant_id,
                    func.count().filter(rc.status.in_(_ACTIVE)),
                    func.count().filter(rc.status.in_(_ACTIVE), rc.due_date < today),
                    func.count().filter(rc.status == CaseStatus.CLOSED.value),
                )
                .where(*_case_conditions(f, merchant_id))
                .group_by(rc.merchant_id)
            )
        }
        ids = sorted(set(per) | set(cases))
        merchants = {
            m.id: (
                m.shop_id,
                m.name,
                m.category,
                m.key_merchant,
                getattr(m.status, "value", m.status),
            )
            for m in s.scalars(select(Merchant).where(Merchant.id.in_(ids)))
        }
    out = []
    for mid in sorted(ids, key=lambda i: (-per.get(i, (0, 0))[0], merchants[i][1])):
        shop, name, category, key, status = merchants[mid]
        n, crit = per.get(mid, (0, 0))
        o, d, c = cases.get(mid, (0, 0, 0))
        out.append([shop, name, category, "yes" if key else "", status, n, crit, o, d, c])
    return out


def export_findings(
    ctx: Context, out: Path | str, filt: ExportFilter | None = None, *, today: date | None = None
) -> Generator[Progress, None, Path]:
    """The findings workbook (Summary, Findings, Cases, Merchants), streamed from SQL."""
    from inspector_app.reports.findings_xlsx import FindingsExport, write_findings_workbook

    ctx.require(action=t("export findings"))
    filt = filt or ExportFilter()
    today = today or date.today()
    merchant_id = merchant_id_for(ctx, filt.shop_id) if filt.shop_id else None
    fq = _findings_query().where(*_finding_conditions(filt, merchant_id))
    cq = _case_query().where(*_case_conditions(filt, merchant_id))
    with ctx.db.read() as s:
        n_findings = s.scalar(select(func.count()).select_from(fq.subquery())) or 0
        n_cases = s.scalar(select(func.count()).select_from(cq.subquery())) or 0
        by_cat = s.execute(
            select(Finding.category, func.count())
            .select_from(Finding)
            .join(Purchase, Purchase.id == Finding.purchase_id)
            .outerjoin(RectificationCase, RectificationCase.id == _latest_case_id())
            .where(*_finding_conditions(filt, merchant_id))
            .group_by(Finding.category)
            .order_by(func.count().desc())
        ).all()
        by_status = s.execute(
            select(RectificationCase.status, func.count())
            .where(*_case_conditions(filt, merchant_id))
            .group_by(RectificationCase.status)
        ).all()
    export = FindingsExport(
        title=f"Findings export — {team_settings.get(ctx, 'organisation_name')}",
        filters=[
            ("Generated", datetime.now().astimezone()),
            ("Merchant (shop id)", filt.shop_id or "all"),
            ("Recorded from", filt.since or "any date"),
            ("Recorded until", filt.until or "any date"),
            ("Case status", filt.status.value if filt.status else "any"),
        ],
        summary=[("Findings", n_findings), ("Cases", n_cases)],
        breakdowns=[
            ("Findings by category", [(getattr(k, "value", k), n) for k, n in by_cat]),
            ("Cases by status", [(getattr(k, "value", k), n) for k, n in by_status]),
        ],
        finding_count=n_findings,
        finding_rows=_stream(ctx, fq, Finding.id, _finding_row),
        case_count=n_cases,
        case_rows=_stream(ctx, cq, RectificationCase.id, lambda r: _case_row(r, today)),
        merchant_rows=_merchant_rows(ctx, filt, merchant_id, today),
    )
    return (yield from write_findings_workbook(export, out))


def merchant_id_for(ctx: Context, shop_id: str) -> int:
    """The id of the live merchant with this shop id, else NotFound."""
    with ctx.db.read() as s:
        mid = s.scalar(
            select(Merchant.id).where(
                Merchant.shop_id == shop_id.strip(), Merchant.deleted_at.is_(None)
            )
        )
    if mid is None:
        raise NotFound(t("No merchant with shop id '{shop_id}'", shop_id=shop_id))
    return mid
