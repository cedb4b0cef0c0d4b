"""Purchases table: search, filters (status, merchant, inspector, dates, verdict), sort, pages."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import aliased

from inspector_app.db.models import Brand, Finding, Merchant, Product, Purchase, User
from inspector_app.db.search import like_any
from inspector_app.domain.enums import PurchaseStatus, Verdict
from inspector_app.services.browse.common import count, end_of, order, page, start_of
from inspector_app.services.context import SEES_PRIVATE, Context


@dataclass
class PurchaseFilter:
    text: str = ""
    status: PurchaseStatus | str | None = None
    merchant_id: int | None = None
    merchant_shop_id: str | None = None
    inspector_id: int | None = None
    verdict: Verdict | str | None = None
    since: date | None = None
    until: date | None = None
    deleted: bool = False  # True: the waste basket (soft-deleted rows) instead


@dataclass(frozen=True)
class PurchaseRow:
    id: int
    uid: str
    order_number: str
    ordered_at: datetime | None
    received_at: datetime | None
    merchant_id: int
    merchant_shop_id: str
    merchant: str
    product: str
    brand: str
    inspector: str
    status: str
    verdict: str | None
    price_paid_cents: int | None
    finding_count: int
    buyer_alias: str
    delivery_address: str


_Inspector = aliased(User)
_findings = (
    select(func.count(Finding.id))
    .where(Finding.purchase_id == Purchase.id, Finding.deleted_at.is_(None))
    .correlate(Purchase)
    .scalar_subquery()
)

#: Sortable columns by name (the names the table model and the CLI use).
SORTS = {
    "order_number": Purchase.order_number,
    "ordered_at": Purchase.ordered_at,
    "received_at": Purchase.received_at,
    "merchant": Merchant.name,
    "product": Product.name,
    "brand": Brand.name,
    "inspector": _Inspector.display_name,
    "status": Purchase.status,
    "verdict": Purchase.verdict,
    "price_paid_cents": Purchase.price_paid_cents,
    "finding_count": _findings,
    "id": Purchase.id,
}


def _base(flt: PurchaseFilter) -> Select:
    q = (
        select(
            Purchase.id, Purchase.uid, Purchase.order_number, Purchase.ordered_at,
            Purchase.received_at, Merchant.id, Merchant.shop_id, Merchant.name, Product.name,
            Brand.name, _Inspector.display_name, Purchase.status, Purchase.verdict,
            Purchase.price_paid_cents, _findings, Purchase.buyer_alias, Purchase.delivery_address,
        )
        .join(Merchant, Merchant.id == Purchase.merchant_id)
        .outerjoin(Product, Product.id == Purchase.product_id)
        .outerjoin(Brand, Brand.id == Product.brand_id)
        .outerjoin(_Inspector, _Inspector.id == Purchase.inspector_id)
    )
    q = q.where(Purchase.deleted_at.is_not(None) if flt.deleted else Purchase.deleted_at.is_(None))
    if flt.text.strip():
        t = flt.text.strip()
        q = q.where(or_(
            like_any((Purchase.order_number, Merchant.name, Merchant.shop_id, Product.name, Brand.name), t),
        ))
    if flt.status:
        q = q.where(Purchase.status == PurchaseStatus(flt.status))
    if flt.verdict:
        q = q.where(Purchase.verdict == Verdict(flt.verdict))
    if flt.merchant_id:
        q = q.where(Purchase.merchant_id == flt.merchant_id)
    if flt.merchant_shop_id:
        q = q.where(Merchant.shop_id == flt.merchant_shop_id)
    if flt.inspector_id:
        q = q.where(Purchase.inspector_id == flt.inspector_id)
    if flt.since:
        q = q.where(Purchase.ordered_at >= start_of(flt.since))
    if flt.until:
        q = q.where(Purchase.ordered_at < end_of(flt.until))
    return q


def count_purchases(ctx: Context, flt: PurchaseFilter) -> int:
    with ctx.db.read() as s:
        return count(s, _base(flt))


def fetch_purchases(
    ctx: Context, flt: PurchaseFilter, *, sort: str | None = None, desc: bool = True,
    offset: int = 0, limit: int = 200,
) -> list[PurchaseRow]:
    private = ctx.actor is not None and ctx.actor.role in SEES_PRIVATE
    q = page(order(_base(flt), SORTS, sort, desc, Purchase.id, "ordered_at"), offset, limit)
    with ctx.db.read() as s:
        rows = s.execute(q).all()
    out = []
    for r in rows:
        out.append(PurchaseRow(
            id=r[0], uid=r[1], order_number=r[2] or "", ordered_at=r[3], received_at=r[4],
            merchant_id=r[5], merchant_shop_id=r[6], merchant=r[7], product=r[8] or "",
            brand=r[9] or "", inspector=r[10] or "", status=str(r[11].value if hasattr(r[11], "value") else r[11]),
            verdict=(r[12].value if hasattr(r[12], "value") else r[12]), price_paid_cents=r[13],
            finding_count=r[14] or 0,
            buyer_alias=r[15] if private else "", delivery_address=r[16] if private else "",
        ))
    return out
