"""Workbook use cases: the findings export, merchant response workbooks and their import."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Generator, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, func, select

from inspector_app.db.models import (
    Brand,
    CaseFinding,
    Finding,
    Merchant,
    Product,
    Purchase,
    RectificationCase,
)
from inspector_app.domain import clock
from inspector_app.domain.enums import CaseStatus, Severity
from inspector_app.domain.errors import NotFound
from inspector_app.domain.messages import t
from inspector_app.domain.metrics import hours_between, response_instant
from inspector_app.domain.workflow import ACTIVE_STATUSES
from inspector_app.services import team_settings
from inspector_app.services.context import Context

if TYPE_CHECKING:
    from inspector_app.reports.findings_xlsx import FindingsSummary
    from inspector_app.reports.progress import Progress

logger = logging.getLogger(__name__)

#: Rows read from the database per query while streaming an export.
CHUNK = 5_000
_ACTIVE = frozenset(s.value for s in ACTIVE_STATUSES)
_CLOSED = CaseStatus.CLOSED.value
_CRITICAL = Severity.CRITICAL.value


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
    """Conditions on findings alone (plus the latest case when filtering by its status)."""
    a, b = _bounds(f)
    # Live purchases as NOT IN the few deleted ones: no join needed to count, and SQLite
    # builds no Bloom filter over every purchase for each chunk of rows.
    live = select(Purchase.id).where(Purchase.deleted_at.is_not(None)).scalar_subquery()
    cond: list[ColumnElement[bool]] = [Finding.deleted_at.is_(None), Finding.purchase_id.not_in(live)]
    if merchant_id is not None:
        mine = select(Purchase.id).where(Purchase.merchant_id == merchant_id).scalar_subquery()
        cond.append(Finding.purchase_id.in_(mine))
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
            Purchase.merchant_id,  # tallied for the Merchants sheet, not written
        )
        .join(Purchase, Purchase.id == Finding.purchase_id)
        .join(Merchant, Merchant.id == Purchase.merchant_id)
        .outerjoin(Product, Product.id == Purchase.product_id)
        .outerjoin(Brand, Brand.id == Product.brand_id)
        .outerjoin(RectificationCase, RectificationCase.id == _latest_case_id())
    )


def _count_findings(f: ExportFilter, merchant_id: int | None):
    """How many findings the export holds and the smallest id (where the stream starts).

    Over the covering index of findings alone; count() keeps SQLite from answering min(id)
    by walking the primary key from the first finding ever.
    """
    q = select(func.count(Finding.id), func.min(Finding.id)).select_from(Finding)
    if f.status is not None:
        q = q.outerjoin(RectificationCase, RectificationCase.id == _latest_case_id())
    return q.where(*_finding_conditions(f, merchant_id))


def _stream(ctx: Context, query, key_column, convert, start: int = 0) -> Iterator[list[Any]]:
    """Rows of `query` in chunks of CHUNK by ascending key above `start` (keyset paging,
    short sessions)."""
    last = start
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
        rc.merchant_id,  # tallied for the Merchants sheet, not written
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
        # To the merchant's own response date, as the figures count (docs/domain.md).
        hours_between(r[8], response_instant(r[8], r[15], r[9], clock.now()) if r[9] else None),
        hours_between(r[8], closed),
        r[11],
        r[12],
        r[13],
        r[14],
        r[15],
        r[16],
        r[17],
    ]


class _Tally:
    """The Summary's and the Merchants sheet's figures, counted from the rows as they pass.

    The sheets and their totals then agree by construction, and the export runs no
    aggregate queries of its own (they cost as much as reading the rows).
    """

    def __init__(self, today: date) -> None:
        self.today = today
        self.findings = 0
        self.cases = 0
        self.by_category: Counter[str] = Counter()
        self.by_status: Counter[str] = Counter()
        #: merchant id -> [findings, critical findings, open cases, overdue cases, closed cases]
        self.merchants: dict[int, list[int]] = {}

    def _merchant(self, merchant_id: int) -> list[int]:
        m = self.merchants.get(merchant_id)
        if m is None:
            m = self.merchants[merchant_id] = [0, 0, 0, 0, 0]
        return m

    def finding_row(self, r) -> list[Any]:
        self.findings += 1
        self.by_category[getattr(r[9], "value", r[9])] += 1
        m = self._merchant(r[19])
        m[0] += 1
        if getattr(r[10], "value", r[10]) == _CRITICAL:
            m[1] += 1
        return _finding_row(r)

    def case_row(self, r) -> list[Any]:
        row = _case_row(r, self.today)
        status = row[3]
        self.cases += 1
        self.by_status[status] += 1
        m = self._merchant(r[18])
        if status in _ACTIVE:
            m[2] += 1
            if r[6] is not None and r[6] < self.today:
                m[3] += 1
        elif status == _CLOSED:
            m[4] += 1
        return row

    def merchant_rows(self, ctx: Context) -> Iterator[list[Any]]:
        """The Merchants sheet, most findings first; runs once the findings and cases have
        streamed (it is a generator: nothing happens before the sheet asks for rows). The
        orders of the last 12 months and the after-sales rate per order come from the
        imported order volumes (services/order_volumes.py); blank without them."""
        from inspector_app.services.order_volumes import after_sales_per_order, last_months

        ids = list(self.merchants)
        merchants: dict[int, Any] = {}
        with ctx.db.read() as s:
            for i in range(0, len(ids), 500):  # well under any bound-parameter limit
                q = select(
                    Merchant.id,
                    Merchant.shop_id,
                    Merchant.name,
                    Merchant.category,
                    Merchant.key_merchant,
                    Merchant.status,
                ).where(Merchant.id.in_(ids[i : i + 500]))
                merchants.update((r[0], r[1:]) for r in s.execute(q))
            per_order = after_sales_per_order(s, ids, last_months(self.today))
        for mid in sorted(ids, key=lambda i: (-self.merchants[i][0], merchants[i][1])):
            shop, name, category, key, status = merchants[mid]
            status = getattr(status, "value", status)
            orders, after_sales = per_order.get(mid, (None, 0))
            yield [shop, name, category, "yes" if key else "", status, *self.merchants[mid],
                   orders, after_sales / orders if orders else None]

    def summary(self) -> FindingsSummary:
        from inspector_app.reports.findings_xlsx import FindingsSummary

        def ranked(counts: Counter[str]) -> list[tuple[str, int]]:
            return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))

        return FindingsSummary(
            figures=[("Findings", self.findings), ("Cases", self.cases)],
            breakdowns=[
                ("Findings by category", ranked(self.by_category)),
                ("Cases by status", sorted(self.by_status.items())),
            ],
        )


def export_findings(
    ctx: Context,
    out: Path | str,
    filt: ExportFilter | None = None,
    *,
    today: date | None = None,
    force: bool = False,
    mark_name: bool = True,
) -> Generator[Progress, None, Path]:
    """The internal findings workbook (Summary, Findings, Cases, Merchants), streamed from SQL.

    Every sheet is marked 内部; with `mark_name` the file name gets "-内部" too unless it has
    it or `force` replaces that existing file (the desktop's save dialog proposes such a name
    and the user confirmed the one chosen: it passes mark_name=False).
    """
    from inspector_app.reports.findings_xlsx import (
        FindingsExport,
        internal_name,
        write_findings_workbook,
    )
    from inspector_app.reports.output_file import claim_output

    ctx.require(action=t("export findings"))
    claim_output(out, force=force)  # a device, a folder, an existing file: refused as named
    # The internal workbook says so in its file name, unless the user forces the replacement
    # of the very file named (then that file is what they asked for).
    if mark_name and not (force and Path(out).expanduser().exists()):
        out = internal_name(out)
        claim_output(out, force=force)
    filt = filt or ExportFilter()
    today = today or clock.today()
    merchant_id = merchant_id_for(ctx, filt.shop_id) if filt.shop_id else None
    fq = _findings_query().where(*_finding_conditions(filt, merchant_id))
    cq = _case_query().where(*_case_conditions(filt, merchant_id))
    with ctx.db.read() as s:
        # The counts drive the progress bar; the Summary's figures are tallied from the rows.
        n_findings, first_id = s.execute(_count_findings(filt, merchant_id)).one()
        n_cases = s.scalar(select(func.count()).select_from(cq.subquery())) or 0
    tally = _Tally(today)
    export = FindingsExport(
        title=f"Findings export — {team_settings.get(ctx, 'organisation_name')}",
        filters=[
            ("Generated", clock.local_now()),
            ("Merchant (shop id)", filt.shop_id or "all"),
            ("Recorded from", filt.since or "any date"),
            ("Recorded until", filt.until or "any date"),
            ("Case status", filt.status.value if filt.status else "any"),
        ],
        finding_count=n_findings or 0,
        finding_rows=_stream(ctx, fq, Finding.id, tally.finding_row, (first_id or 1) - 1),
        case_count=n_cases,
        case_rows=_stream(ctx, cq, RectificationCase.id, tally.case_row),
        merchant_rows=tally.merchant_rows(ctx),
        summary=tally.summary,
    )
    return (yield from write_findings_workbook(export, out, force=force))


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
