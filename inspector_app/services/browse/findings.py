"""Findings table across all purchases: full-text search, filters, sort, pages."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Select, select

from inspector_app.db.models import (
    CaseFinding,
    Finding,
    Merchant,
    Product,
    Purchase,
    RectificationCase,
)
from inspector_app.db.search import finding_text_clause
from inspector_app.domain.enums import FindingCategory, Severity
from inspector_app.domain.workflow import ACTIVE_STATUSES
from inspector_app.services.browse.common import count, end_of, order, page, start_of
from inspector_app.services.context import Context


@dataclass
class FindingFilter:
    text: str = ""
    category: FindingCategory | str | None = None
    severity: Severity | str | None = None
    merchant_id: int | None = None
    merchant_shop_id: str | None = None
    purchase_id: int | None = None
    inspector_id: int | None = None
    since: date | None = None
    until: date | None = None
    #: True: only findings in no active case (candidates for a new case).
    without_open_case: bool = False
    deleted: bool = False


@dataclass(frozen=True)
class FindingRow:
    id: int
    uid: str
    created_at: datetime
    purchase_id: int
    order_number: str
    merchant_id: int
    merchant_shop_id: str
    merchant: str
    product: str
    category: str
    severity: str
    title: str
    case_number: str  # the active case covering it, if any


_open_case = (
    select(RectificationCase.case_number)
    .join(CaseFinding, CaseFinding.case_id == RectificationCase.id)
    .where(CaseFinding.finding_id == Finding.id)
    .where(RectificationCase.status.in_([s.value for s in ACTIVE_STATUSES]))
    .correlate(Finding)
    .limit(1)
    .scalar_subquery()
)

SORTS = {
    "created_at": Finding.created_at,
    "order_number": Purchase.order_number,
    "merchant": Merchant.name,
    "product": Product.name,
    "category": Finding.category,
    "severity": Finding.severity,
    "title": Finding.title,
    "case_number": _open_case,
    "id": Finding.id,
}


def _base(flt: FindingFilter, dialect: str) -> Select:
    q = (
        select(
            Finding.id, Finding.uid, Finding.created_at, Purchase.id, Purchase.order_number,
            Merchant.id, Merchant.shop_id, Merchant.name, Product.name, Finding.category,
            Finding.severity, Finding.title, _open_case,
        )
        .join(Purchase, Purchase.id == Finding.purchase_id)
        .join(Merchant, Merchant.id == Purchase.merchant_id)
        .outerjoin(Product, Product.id == Purchase.product_id)
    )
    q = q.where(Finding.deleted_at.is_not(None) if flt.deleted else Finding.deleted_at.is_(None))
    q = q.where(Purchase.deleted_at.is_(None))
    clause = finding_text_clause(dialect, flt.text or "")
    if clause is not None:
        q = q.where(clause)
    if flt.category:
        q = q.where(Finding.category == FindingCategory(flt.category))
    if flt.severity:
        q = q.where(Finding.severity == Severity(flt.severity))
    if flt.merchant_id:
        q = q.where(Purchase.merchant_id == flt.merchant_id)
    if flt.merchant_shop_id:
        q = q.where(Merchant.shop_id == flt.merchant_shop_id)
    if flt.purchase_id:
        q = q.where(Finding.purchase_id == flt.purchase_id)
    if flt.inspector_id:
        q = q.where(Purchase.inspector_id == flt.inspector_id)
    if flt.since:
        q = q.where(Finding.created_at >= start_of(flt.since))
    if flt.until:
        q = q.where(Finding.created_at < end_of(flt.until))
    if flt.without_open_case:
        q = q.where(_open_case.is_(None))
    return q


def count_findings(ctx: Context, flt: FindingFilter) -> int:
    with ctx.db.read() as s:
        return count(s, _base(flt, ctx.db.engine.dialect.name))


def _v(x):
    return x.value if hasattr(x, "value") else x


def fetch_findings(
    ctx: Context, flt: FindingFilter, *, sort: str | None = None, desc: bool = True,
    offset: int = 0, limit: int = 200,
) -> list[FindingRow]:
    q = _base(flt, ctx.db.engine.dialect.name)
    q = page(order(q, SORTS, sort, desc, Finding.id, "created_at"), offset, limit)
    with ctx.db.read() as s:
        rows = s.execute(q).all()
    return [
        FindingRow(
            id=r[0], uid=r[1], created_at=r[2], purchase_id=r[3], order_number=r[4] or "",
            merchant_id=r[5], merchant_shop_id=r[6], merchant=r[7], product=r[8] or "",
            category=_v(r[9]), severity=_v(r[10]), title=r[11], case_number=r[12] or "",
        )
        for r in rows
    ]
