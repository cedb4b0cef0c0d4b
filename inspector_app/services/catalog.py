"""Brands and products (styles): create inline, look up for type-ahead pickers."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector_app.db.models import Brand, Product
from inspector_app.db.ordering import codepoint
from inspector_app.db.search import like_any
from inspector_app.domain.errors import ConflictError, NotFound
from inspector_app.domain.messages import t
from inspector_app.domain.money import to_cents
from inspector_app.services.common import clean_line, get_live, now
from inspector_app.services.context import MANAGERS, RECORDERS, Context

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ProductInfo:
    id: int
    uid: str
    name: str
    brand: str
    category: str
    listing_id: str | None
    list_price_cents: int | None
    #: The row's version: pass it back to update_product to refuse a stale edit.
    version: int = 0


def _info(p: Product) -> ProductInfo:
    return ProductInfo(
        id=p.id, uid=p.uid, name=p.name, brand=p.brand.name if p.brand else "",
        category=p.category, listing_id=p.listing_id, list_price_cents=p.list_price_cents,
        version=p.version or 0,
    )


def brand_id_for(s: Session, name: str, actor_id: int | None) -> int | None:
    """The id of the brand with this name, created when new (inside the caller's transaction)."""
    name = clean_line(name, "brand", limit=200)
    if not name:
        return None
    found = s.scalar(select(Brand.id).where(Brand.name == name))
    if found:
        return found
    b = Brand(name=name, created_by_id=actor_id)
    s.add(b)
    s.flush()
    return b.id


def create_product(
    ctx: Context,
    name: str,
    *,
    brand: str = "",
    category: str = "",
    listing_id: str | None = None,
    list_price: str | int | None = None,
) -> ProductInfo:
    ctx.require(*RECORDERS, action=t("add products"))
    name = clean_line(name, "name", required=True)
    listing_id = clean_line(listing_id, "listing_id", limit=64) or None
    cents = to_cents(list_price, "list_price")
    with ctx.db.write() as s:
        if listing_id and s.scalar(select(Product.id).where(Product.listing_id == listing_id)):
            raise ConflictError(
                t("A product with listing id '{listing_id}' already exists", listing_id=listing_id),
                field="listing_id",
            )
        p = Product(
            name=name, brand_id=brand_id_for(s, brand, ctx.actor_id),
            category=clean_line(category, "category", limit=100), listing_id=listing_id,
            list_price_cents=cents, created_by_id=ctx.actor_id,
        )
        s.add(p)
        s.flush()
        return _info(p)


_KEEP = object()


def update_product(
    ctx: Context,
    product_id: int,
    *,
    name: str | None = None,
    brand: str | None = None,
    category: str | None = None,
    listing_id: str | None | object = _KEEP,
    list_price: str | int | None | object = _KEEP,
    expected_version: int | None = None,
) -> ProductInfo:
    """Change a product's facts (None leaves a field; listing_id/list_price "" clear it);
    a stale `expected_version` refuses the save, naming who changed it and when."""
    from inspector_app.services.versions import check, refused_when_stale

    ctx.require(*MANAGERS, action=t("edit products"))
    what = t("The product")
    with refused_when_stale(ctx, Product, lambda: product_id, what), ctx.db.write() as s:
        p = get_live(s, Product, product_id, "product")
        check(s, p, expected_version, what)
        if name is not None:
            p.name = clean_line(name, "name", required=True)
        if brand is not None:
            p.brand_id = brand_id_for(s, brand, ctx.actor_id)
        if category is not None:
            p.category = clean_line(category, "category", limit=100)
        if listing_id is not _KEEP:
            new_listing = clean_line(listing_id, "listing_id", limit=64) or None  # type: ignore[arg-type]
            if new_listing and new_listing != p.listing_id and s.scalar(
                    select(Product.id).where(Product.listing_id == new_listing)):
                raise ConflictError(t(
                    "A product with listing id '{listing_id}' already exists",
                    listing_id=new_listing), field="listing_id")
            p.listing_id = new_listing
        if list_price is not _KEEP:
            p.list_price_cents = to_cents(list_price, "list_price")  # type: ignore[arg-type]
        s.flush()
        return _info(p)


def get_product(ctx: Context, product_id: int) -> ProductInfo:
    with ctx.db.read() as s:
        return _info(get_live(s, Product, product_id, "product"))


def search_products(ctx: Context, text: str, limit: int = 20) -> list[ProductInfo]:
    """Type-ahead: products whose name, brand or listing id contains `text`."""
    with ctx.db.read() as s:
        q = (
            select(Product)
            .outerjoin(Brand, Product.brand_id == Brand.id)
            .where(Product.deleted_at.is_(None))
            .where(like_any((Product.name, Brand.name, Product.listing_id), text.strip()))
            .order_by(codepoint(Product.name), Product.id)
            .limit(limit)
        )
        return [_info(p) for p in s.scalars(q)]


def list_brands(ctx: Context) -> list[str]:
    with ctx.db.read() as s:
        return list(s.scalars(select(Brand.name).where(Brand.deleted_at.is_(None))
                                      .order_by(codepoint(Brand.name), Brand.id)))


def delete_product(ctx: Context, product_id: int) -> None:
    ctx.require(*MANAGERS, action=t("delete products"))
    with ctx.db.write() as s:
        p = get_live(s, Product, product_id, "product")
        p.deleted_at, p.deleted_by_id = now(), ctx.actor_id


def restore_product(ctx: Context, product_id: int) -> None:
    ctx.require(*MANAGERS, action=t("restore products"))
    with ctx.db.write() as s:
        p = s.get(Product, product_id)
        if p is None:
            raise NotFound(t("No product with id {id}", id=product_id))
        p.deleted_at = p.deleted_by_id = p.merged_into_uid = None
