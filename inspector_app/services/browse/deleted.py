"""Deleted items (the waste basket): soft-deleted purchases, findings, photos, merchants, products.

One paged query over all five kinds (UNION ALL of one SELECT per kind, each on that
table's deleted rows: few, and on purchases and findings read through the partial indexes
over `deleted_at IS NOT NULL`), filtered and sorted in SQL like the other tables.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    String,
    case,
    cast,
    func,
    literal,
    null,
    or_,
    select,
    union_all,
)
from sqlalchemy.orm import aliased

from inspector_app.db.models import (
    Brand,
    Finding,
    Merchant,
    Photo,
    Product,
    Purchase,
    RectificationCase,
    User,
)
from inspector_app.db.ordering import codepoint
from inspector_app.db.search import like_any
from inspector_app.domain.errors import ValidationError
from inspector_app.domain.messages import t
from inspector_app.services.browse.common import count, page
from inspector_app.services.context import Context
from inspector_app.services.waste_basket import (
    FINDING,
    KINDS,
    MERCHANT,
    MODELS,
    PHOTO,
    PRODUCT,
    PURCHASE,
    may_restore,
)

logger = logging.getLogger(__name__)


@dataclass
class DeletedFilter:
    #: One of waste_basket.KINDS, or None for every kind.
    kind: str | None = None
    text: str = ""


@dataclass(frozen=True)
class DeletedRow:
    kind: str
    id: int
    #: Order number, finding title, photo file name, merchant name (shop id), product name.
    what: str
    #: What the row belongs to: "purchase", "finding", "case", "brand" or "" (nothing).
    parent_kind: str
    parent_id: int | None
    parent: str
    #: The row's purchase or finding is deleted too: restoring the row brings it back.
    parent_deleted: bool
    merchant: str
    deleted_at: datetime
    #: Who deleted it (display name); "" for rows deleted before migration 0004.
    deleted_by: str
    #: The acting user may restore this row (waste_basket.may_restore).
    restorable: bool

    @property
    def key(self) -> tuple[str, int]:
        return (self.kind, self.id)


#: Sortable columns by name; ties are broken by kind and id so pages are stable.
SORTS = ("kind", "what", "parent", "merchant", "deleted_at", "deleted_by")


def _text(value) -> ColumnElement[str]:
    return func.coalesce(value, "")


def _no_parent() -> list:
    return [literal("", String).label("parent_kind"), cast(null(), Integer).label("parent_id"),
            literal("", String).label("parent"), literal(0, Integer).label("parent_deleted")]


def _purchases() -> Select:
    deleter = aliased(User)
    return (
        select(
            literal(PURCHASE, String).label("kind"), Purchase.id.label("id"),
            _text(func.coalesce(func.nullif(Purchase.order_number, ""), Product.name)).label("what"),
            *_no_parent(),
            Merchant.name.label("merchant"), Purchase.deleted_at.label("deleted_at"),
            _text(deleter.display_name).label("deleted_by"),
            cast(null(), String).label("photo_role"),
        )
        .join(Merchant, Merchant.id == Purchase.merchant_id)
        .outerjoin(Product, Product.id == Purchase.product_id)
        .outerjoin(deleter, deleter.id == Purchase.deleted_by_id)
        .where(Purchase.deleted_at.is_not(None))
    )


def _findings() -> Select:
    deleter = aliased(User)
    return (
        select(
            literal(FINDING, String).label("kind"), Finding.id.label("id"),
            Finding.title.label("what"),
            literal(PURCHASE, String).label("parent_kind"), Purchase.id.label("parent_id"),
            _text(Purchase.order_number).label("parent"),
            case((Purchase.deleted_at.is_not(None), 1), else_=0).label("parent_deleted"),
            Merchant.name.label("merchant"), Finding.deleted_at.label("deleted_at"),
            _text(deleter.display_name).label("deleted_by"),
            cast(null(), String).label("photo_role"),
        )
        .join(Purchase, Purchase.id == Finding.purchase_id)
        .join(Merchant, Merchant.id == Purchase.merchant_id)
        .outerjoin(deleter, deleter.id == Finding.deleted_by_id)
        .where(Finding.deleted_at.is_not(None))
    )


def _photos() -> Select:
    deleter = aliased(User)
    own_purchase, finding, finding_purchase = aliased(Purchase), aliased(Finding), aliased(Purchase)
    merchant_id = func.coalesce(own_purchase.merchant_id, finding_purchase.merchant_id,
                                RectificationCase.merchant_id)
    return (
        select(
            literal(PHOTO, String).label("kind"), Photo.id.label("id"),
            Photo.original_name.label("what"),
            case((Photo.purchase_id.is_not(None), PURCHASE), (Photo.finding_id.is_not(None), FINDING),
                 else_="case").label("parent_kind"),
            func.coalesce(Photo.purchase_id, Photo.finding_id, Photo.case_id).label("parent_id"),
            _text(func.coalesce(own_purchase.order_number, finding.title,
                                RectificationCase.case_number)).label("parent"),
            case((or_(own_purchase.deleted_at.is_not(None), finding.deleted_at.is_not(None),
                      finding_purchase.deleted_at.is_not(None)), 1), else_=0).label("parent_deleted"),
            _text(Merchant.name).label("merchant"), Photo.deleted_at.label("deleted_at"),
            _text(deleter.display_name).label("deleted_by"),
            cast(Photo.role, String).label("photo_role"),
        )
        .outerjoin(own_purchase, own_purchase.id == Photo.purchase_id)
        .outerjoin(finding, finding.id == Photo.finding_id)
        .outerjoin(finding_purchase, finding_purchase.id == finding.purchase_id)
        .outerjoin(RectificationCase, RectificationCase.id == Photo.case_id)
        .outerjoin(Merchant, Merchant.id == merchant_id)
        .outerjoin(deleter, deleter.id == Photo.deleted_by_id)
        .where(Photo.deleted_at.is_not(None))
    )


def _merchants() -> Select:
    deleter = aliased(User)
    kept = aliased(Merchant)  # a duplicate merged into another "belongs" to it (merging.py)
    return (
        select(
            literal(MERCHANT, String).label("kind"), Merchant.id.label("id"),
            (Merchant.name + " (" + Merchant.shop_id + ")").label("what"),
            case((kept.id.is_not(None), "merged"), else_="").label("parent_kind"),
            kept.id.label("parent_id"),
            _text(kept.name + " (" + kept.shop_id + ")").label("parent"),
            literal(0, Integer).label("parent_deleted"),
            Merchant.name.label("merchant"), Merchant.deleted_at.label("deleted_at"),
            _text(deleter.display_name).label("deleted_by"),
            cast(null(), String).label("photo_role"),
        )
        .outerjoin(deleter, deleter.id == Merchant.deleted_by_id)
        .outerjoin(kept, kept.uid == Merchant.merged_into_uid)
        .where(Merchant.deleted_at.is_not(None))
    )


def _products() -> Select:
    deleter = aliased(User)
    kept = aliased(Product)
    return (
        select(
            literal(PRODUCT, String).label("kind"), Product.id.label("id"),
            Product.name.label("what"),
            case((kept.id.is_not(None), "merged"), (Brand.id.is_not(None), "brand"),
                 else_="").label("parent_kind"),
            func.coalesce(kept.id, Brand.id).label("parent_id"),
            _text(func.coalesce(kept.name, Brand.name)).label("parent"),
            literal(0, Integer).label("parent_deleted"),
            literal("", String).label("merchant"), Product.deleted_at.label("deleted_at"),
            _text(deleter.display_name).label("deleted_by"),
            cast(null(), String).label("photo_role"),
        )
        .outerjoin(Brand, Brand.id == Product.brand_id)
        .outerjoin(deleter, deleter.id == Product.deleted_by_id)
        .outerjoin(kept, kept.uid == Product.merged_into_uid)
        .where(Product.deleted_at.is_not(None))
    )


_BRANCHES = {PURCHASE: _purchases, FINDING: _findings, PHOTO: _photos, MERCHANT: _merchants,
             PRODUCT: _products}


def _kinds(flt: DeletedFilter) -> list[str]:
    if flt.kind and flt.kind not in KINDS:
        raise ValidationError(t("Unknown kind of deleted item: {kind}", kind=flt.kind), field="kind")
    return [flt.kind] if flt.kind else list(KINDS)


def _matching(kind: str, text: str, dialect: str | None) -> Select:
    """One kind's deleted rows that match the search text, as a SELECT of named columns."""
    rows = _BRANCHES[kind]().subquery(kind)
    q = select(rows)
    if text.strip():
        q = q.where(like_any((rows.c.what, rows.c.parent, rows.c.merchant, rows.c.deleted_by),
                             text.strip(), dialect))
    return q


def _ordered(q: Select, key: str, desc: bool) -> Select:
    """ORDER BY the key, then kind and id; text by code point on every database (the
    server's collation may differ from SQLite's: docs/team-server.md, "Text order"). These
    are computed columns of few rows: no index order is lost."""
    c = q.selected_columns
    cols = [c[key] if key == "deleted_at" else codepoint(c[key]), codepoint(c.kind), c.id]
    return q.order_by(*(col.desc() if desc else col.asc() for col in cols))


def count_deleted(ctx: Context, flt: DeletedFilter) -> int:
    dialect = ctx.db.engine.dialect.name
    if flt.text.strip():
        q = union_all(*(_matching(k, flt.text, dialect) for k in _kinds(flt)))
    else:
        # Without a search nothing needs the joins: count the tables' deleted rows alone
        # (on findings through the partial index; its joins cost 0.1 s at 9,000 rows).
        q = union_all(*(select(MODELS[k].id).where(MODELS[k].deleted_at.is_not(None))
                        for k in _kinds(flt)))
    with ctx.db.read() as s:
        return count(s, select(q.subquery()))


def count_by_kind(ctx: Context) -> dict[str, int]:
    """How many deleted rows of each kind there are (for the screen's tabs), in one query."""
    q = union_all(*(
        select(literal(k, String).label("kind"), func.count().label("n"))
        .select_from(MODELS[k]).where(MODELS[k].deleted_at.is_not(None))
        for k in KINDS
    ))
    with ctx.db.read() as s:
        found = {kind: n for kind, n in s.execute(q)}
    return {k: int(found.get(k) or 0) for k in KINDS}


def fetch_deleted(
    ctx: Context, flt: DeletedFilter, *, sort: str | None = None, desc: bool = True,
    offset: int = 0, limit: int = 200,
) -> list[DeletedRow]:
    """A page of deleted rows, newest deletion first unless `sort` says otherwise."""
    key = sort or "deleted_at"
    if key not in SORTS:
        raise ValidationError(t("Cannot sort by '{key}'", key=key), field="sort")
    dialect = ctx.db.engine.dialect.name
    kinds = _kinds(flt)
    if len(kinds) == 1:
        q = page(_ordered(_matching(kinds[0], flt.text, dialect), key, desc), offset, limit)
    else:
        # Each kind's first offset+limit rows in page order, then the page of their union:
        # a page of the newest deletions reads a few rows per table (through the partial
        # indexes) instead of joining every deleted row before sorting.
        first = max(0, offset) + limit
        tops = [select(_ordered(_matching(k, flt.text, dialect), key, desc).limit(first).subquery())
                for k in kinds]
        q = page(_ordered(select(union_all(*tops).subquery("deleted")), key, desc), offset, limit)
    role = ctx.actor.role if ctx.actor else None
    with ctx.db.read() as s:
        found = s.execute(q).all()
    return [
        DeletedRow(
            kind=r.kind, id=r.id, what=r.what or "", parent_kind=r.parent_kind or "",
            parent_id=r.parent_id, parent=r.parent or "", parent_deleted=bool(r.parent_deleted),
            merchant=r.merchant or "", deleted_at=r.deleted_at, deleted_by=r.deleted_by or "",
            restorable=may_restore(role, r.kind, r.photo_role),
        )
        for r in found
    ]
