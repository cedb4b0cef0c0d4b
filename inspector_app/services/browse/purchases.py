"""Purchases table: search, filters (status, merchant, inspector, dates, verdict), sort, pages."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, func, null, or_, select
from sqlalchemy.orm import aliased

from inspector_app.db.models import Brand, Finding, Merchant, Product, Purchase, User
from inspector_app.db.search import like_any
from inspector_app.domain.enums import PurchaseStatus, Verdict
from inspector_app.services.browse.common import (
    count,
    end_of,
    nulls_first,
    order,
    page,
    page_of_two,
    start_of,
)
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
    status: PurchaseStatus
    verdict: Verdict | None
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


def _conditions(flt: PurchaseFilter, dialect: str | None) -> list:
    """The filters; the text search refers to merchants, products and brands (joined)."""
    cond: list[ColumnElement[bool]] = [
        Purchase.deleted_at.is_not(None) if flt.deleted else Purchase.deleted_at.is_(None)
    ]
    if flt.text.strip():
        t = flt.text.strip()
        cond.append(or_(
            like_any((Purchase.order_number, Merchant.name, Merchant.shop_id, Product.name,
                      Brand.name), t, dialect),
        ))
    if flt.status:
        cond.append(Purchase.status == PurchaseStatus(flt.status))
    if flt.verdict:
        cond.append(Purchase.verdict == Verdict(flt.verdict))
    if flt.merchant_id:
        cond.append(Purchase.merchant_id == flt.merchant_id)
    if flt.merchant_shop_id:
        cond.append(Merchant.shop_id == flt.merchant_shop_id)
    if flt.inspector_id:
        cond.append(Purchase.inspector_id == flt.inspector_id)
    if flt.since:
        cond.append(Purchase.ordered_at >= start_of(flt.since))
    if flt.until:
        cond.append(Purchase.ordered_at < end_of(flt.until))
    return cond


def _base(flt: PurchaseFilter, dialect: str | None = None, *, split: str = "",
          valued: bool = True) -> Select:
    """The page query before ORDER BY.

    `split` names a sort column that is NULL for some rows ("product", "brand",
    "inspector"): with `valued` only the rows that have one (inner joins), else only the
    others; see `page_of_two`.
    """
    product_name: Any = Product.name
    brand_name: Any = Brand.name
    inspector_name: Any = _Inspector.display_name
    if split and not valued:
        if split in ("product", "brand"):
            brand_name = null()
            if split == "product":
                product_name = null()
        else:
            inspector_name = null()
    q = select(
        Purchase.id, Purchase.uid, Purchase.order_number, Purchase.ordered_at,
        Purchase.received_at, Merchant.id, Merchant.shop_id, Merchant.name, product_name,
        brand_name, inspector_name, Purchase.status, Purchase.verdict,
        Purchase.price_paid_cents, _findings, Purchase.buyer_alias, Purchase.delivery_address,
    ).join(Merchant, Merchant.id == Purchase.merchant_id)
    if split in ("product", "brand") and valued:
        q = q.join(Product, Product.id == Purchase.product_id)
    else:
        q = q.outerjoin(Product, Product.id == Purchase.product_id)
    if split == "brand" and valued:
        q = q.join(Brand, Brand.id == Product.brand_id)
    else:
        q = q.outerjoin(Brand, Brand.id == Product.brand_id)
    if split == "inspector" and valued:
        q = q.join(_Inspector, _Inspector.id == Purchase.inspector_id)
    else:
        q = q.outerjoin(_Inspector, _Inspector.id == Purchase.inspector_id)
    if split and not valued:
        q = q.where({
            "product": Purchase.product_id.is_(None),
            "brand": Product.brand_id.is_(None),  # also true without a product (outer join)
            "inspector": Purchase.inspector_id.is_(None),
        }[split])
    return q.where(*_conditions(flt, dialect))


def _count_query(flt: PurchaseFilter, dialect: str) -> Select:
    """The matching purchases, joining only what the filters refer to."""
    q = select(Purchase.id)
    if flt.text.strip() or flt.merchant_shop_id:
        q = q.join(Merchant, Merchant.id == Purchase.merchant_id)
    if flt.text.strip():
        q = (q.outerjoin(Product, Product.id == Purchase.product_id)
             .outerjoin(Brand, Brand.id == Product.brand_id))
    return q.where(*_conditions(flt, dialect))


def count_purchases(ctx: Context, flt: PurchaseFilter, cap: int | None = None) -> int:
    """How many purchases match; with `cap`, at most that many."""
    if not (ctx.actor is not None and ctx.actor.role in SEES_PRIVATE):
        flt = replace(flt, inspector_id=None)  # as fetch_purchases: no filter by who inspected
    with ctx.db.read() as s:
        return count(s, _count_query(flt, ctx.db.engine.dialect.name), cap)


#: Sort keys whose column is NULL for some rows and comes from a joined table.
_SPLIT = {"product": Product.name, "brand": Brand.name, "inspector": _Inspector.display_name}


def fetch_purchases(
    ctx: Context, flt: PurchaseFilter, *, sort: str | None = None, desc: bool = True,
    offset: int = 0, limit: int = 200,
) -> list[PurchaseRow]:
    private = ctx.actor is not None and ctx.actor.role in SEES_PRIVATE
    dialect = ctx.db.engine.dialect.name
    key = sort or "ordered_at"
    if not private:
        # Who inspected is private too: neither shown, nor filtered or sorted by (a filter
        # or an order would reveal it as well).
        flt = replace(flt, inspector_id=None)
        key = "ordered_at" if key == "inspector" else key
    with ctx.db.read() as s:
        if key in _SPLIT:
            # An outer-joined sort column cannot drive the query from its index: page the
            # rows that have a value (inner join, index order) and those without one apart.
            col = _SPLIT[key]
            valued = _base(flt, dialect, split=key).order_by(
                col.desc() if desc else col.asc(), Purchase.id.desc() if desc else Purchase.id.asc()
            )
            empty = _base(flt, dialect, split=key, valued=False).order_by(
                Purchase.id.desc() if desc else Purchase.id.asc()
            )
            first, second = (empty, valued) if nulls_first(dialect, desc) else (valued, empty)
            rows = page_of_two(s, first, second, offset, limit)
        elif key == "finding_count":
            # No index gives this order: sort just (id, count) of every match, then read the
            # page's rows; sorting whole rows (addresses and all) took 0.45 s at 100,000.
            n = _findings.label("n")  # ORDER BY the label: the count is computed once
            narrow = page(
                _count_query(flt, dialect).add_columns(n).order_by(
                    n.desc() if desc else n.asc(),
                    Purchase.id.desc() if desc else Purchase.id.asc(),
                ),
                offset, limit,
            )
            q = order(_base(flt, dialect).where(Purchase.id.in_(select(narrow.subquery().c.id))),
                      SORTS, key, desc, Purchase.id, "ordered_at")
            rows = s.execute(q).all()
        else:
            q = page(order(_base(flt, dialect), SORTS, key, desc, Purchase.id, "ordered_at"),
                     offset, limit)
            rows = s.execute(q).all()
    out = []
    for r in rows:
        out.append(PurchaseRow(
            id=r[0], uid=r[1], order_number=r[2] or "", ordered_at=r[3], received_at=r[4],
            merchant_id=r[5], merchant_shop_id=r[6], merchant=r[7], product=r[8] or "",
            brand=r[9] or "", inspector=(r[10] or "") if private else "",
            status=PurchaseStatus(r[11]),
            verdict=None if r[12] is None else Verdict(r[12]), price_paid_cents=r[13],
            finding_count=r[14] or 0,
            buyer_alias=r[15] if private else "", delivery_address=r[16] if private else "",
        ))
    return out
