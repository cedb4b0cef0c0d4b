"""Merchants table with a scorecard per merchant, all aggregated in SQL."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import ColumnElement, Select, case, func, select

from inspector_app.db.models import Finding, Merchant, Purchase, RectificationCase
from inspector_app.db.search import like_any
from inspector_app.domain import clock
from inspector_app.domain.enums import MerchantStatus, PurchaseStatus, Severity, Verdict
from inspector_app.domain.workflow import ACTIVE_STATUSES
from inspector_app.services.browse.common import count, order, page
from inspector_app.services.context import Context


@dataclass
class MerchantFilter:
    text: str = ""
    status: MerchantStatus | str | None = None
    key_only: bool = False
    with_findings_only: bool = False
    ids: list[int] | None = None
    deleted: bool = False


@dataclass(frozen=True)
class MerchantRow:
    id: int
    uid: str
    shop_id: str
    name: str
    category: str
    key_merchant: bool
    status: MerchantStatus
    status_changed_at: datetime | None
    purchases: int
    inspected: int
    failed: int
    findings: int
    critical: int
    major: int
    minor: int
    open_cases: int
    overdue_cases: int

    @property
    def defect_rate(self) -> float | None:
        """Share of inspected purchases that failed."""
        return self.failed / self.inspected if self.inspected else None


def _aggregates(today: date):
    # Findings are counted per purchase first, from the covering index (purchase_id,
    # deleted_at, severity) without reading a finding row; then one pass over the live
    # purchases (covering index (merchant_id, deleted_at, status, verdict)) adds them up
    # per merchant with the purchase counts: 0.13 s at 100,000 purchases and a million
    # findings, where joining every finding to its purchase took 0.6 s.
    per_purchase = (
        select(
            Finding.purchase_id.label("pid"),
            func.count().label("n"),
            *(
                func.sum(case((Finding.severity == sev.value, 1), else_=0)).label(sev.value)
                for sev in Severity
            ),
        )
        .where(Finding.deleted_at.is_(None))
        .group_by(Finding.purchase_id)
        .subquery()
    )
    pf = (
        select(
            Purchase.merchant_id.label("mid"),
            func.count(Purchase.id).label("purchases"),
            func.sum(case((Purchase.status == PurchaseStatus.INSPECTED.value, 1), else_=0)).label("inspected"),
            func.sum(case((Purchase.verdict == Verdict.FAIL.value, 1), else_=0)).label("failed"),
            func.sum(per_purchase.c.n).label("findings"),
            *(func.sum(per_purchase.c[sev.value]).label(sev.value) for sev in Severity),
        )
        .select_from(Purchase)
        .outerjoin(per_purchase, per_purchase.c.pid == Purchase.id)
        .where(Purchase.deleted_at.is_(None))
        .group_by(Purchase.merchant_id)
        .subquery()
    )
    active = [s.value for s in ACTIVE_STATUSES]
    c = (
        select(
            RectificationCase.merchant_id.label("mid"),
            func.sum(case((RectificationCase.status.in_(active), 1), else_=0)).label("open_cases"),
            func.sum(case(
                ((RectificationCase.status.in_(active)) & (RectificationCase.due_date < today), 1),
                else_=0,
            )).label("overdue_cases"),
        )
        .group_by(RectificationCase.merchant_id)
        .subquery()
    )
    return pf, c


def _merchant_conditions(flt: MerchantFilter) -> list:
    """The filters on the merchants table itself."""
    cond: list[ColumnElement[bool]] = [
        Merchant.deleted_at.is_not(None) if flt.deleted else Merchant.deleted_at.is_(None)
    ]
    if flt.text.strip():
        cond.append(
            like_any((Merchant.name, Merchant.shop_id, Merchant.category), flt.text.strip())
        )
    if flt.status:
        cond.append(Merchant.status == MerchantStatus(flt.status))
    if flt.ids is not None:
        cond.append(Merchant.id.in_(flt.ids))
    if flt.key_only:
        cond.append(Merchant.key_merchant.is_(True))
    return cond


def _base(flt: MerchantFilter, today: date) -> tuple[Select, dict]:
    pf, c = _aggregates(today)
    p = f = pf  # purchase and finding figures come from one aggregate
    z = func.coalesce
    cols = {
        "shop_id": Merchant.shop_id,
        "name": Merchant.name,
        "category": Merchant.category,
        "key_merchant": Merchant.key_merchant,
        "status": Merchant.status,
        "status_changed_at": Merchant.status_changed_at,
        "purchases": z(p.c.purchases, 0),
        "inspected": z(p.c.inspected, 0),
        "failed": z(p.c.failed, 0),
        "findings": z(f.c.findings, 0),
        "critical": z(f.c.critical, 0),
        "major": z(f.c.major, 0),
        "minor": z(f.c.minor, 0),
        "open_cases": z(c.c.open_cases, 0),
        "overdue_cases": z(c.c.overdue_cases, 0),
        "id": Merchant.id,
    }
    cols["defect_rate"] = case(
        (z(p.c.inspected, 0) > 0, 1.0 * z(p.c.failed, 0) / z(p.c.inspected, 1)), else_=-1.0
    )
    q = (
        select(Merchant.id, Merchant.uid, *(cols[k] for k in list(cols)[:15]))
        .outerjoin(pf, pf.c.mid == Merchant.id)
        .outerjoin(c, c.c.mid == Merchant.id)
    )
    q = q.where(*_merchant_conditions(flt))
    if flt.with_findings_only:
        q = q.where(z(f.c.findings, 0) > 0)
    return q, cols


def _count_query(flt: MerchantFilter) -> Select:
    """The matching merchants, without the scorecard aggregates unless a filter needs them."""
    if flt.with_findings_only:
        return _base(flt, clock.today())[0]
    return select(Merchant.id).where(*_merchant_conditions(flt))


def count_merchants(ctx: Context, flt: MerchantFilter, cap: int | None = None) -> int:
    """How many merchants match; with `cap`, at most that many."""
    with ctx.db.read() as s:
        return count(s, _count_query(flt), cap)


def fetch_merchants(
    ctx: Context, flt: MerchantFilter, *, sort: str | None = None, desc: bool = False,
    offset: int = 0, limit: int = 200,
) -> list[MerchantRow]:
    q, cols = _base(flt, clock.today())
    q = page(order(q, cols, sort, desc, Merchant.id, "name"), offset, limit)
    with ctx.db.read() as s:
        rows = s.execute(q).all()
    return [
        MerchantRow(
            id=r[0], uid=r[1], shop_id=r[2], name=r[3], category=r[4] or "",
            key_merchant=bool(r[5]), status=MerchantStatus(r[6]),
            status_changed_at=r[7], purchases=int(r[8]), inspected=int(r[9]), failed=int(r[10]),
            findings=int(r[11]), critical=int(r[12]), major=int(r[13]), minor=int(r[14]),
            open_cases=int(r[15]), overdue_cases=int(r[16]),
        )
        for r in rows
    ]
