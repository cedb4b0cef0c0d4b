"""Findings table across all purchases: full-text search, filters, sort, pages.

Query shapes matter at a million findings (tests/perf, docs/performance.md):

* counting joins nothing it does not filter on: live purchases are checked with
  `purchase_id NOT IN (deleted purchases)` over a covering index, not a join per row;
* every sortable column has an index that gives its order (migration 0003), so a page
  is an index walk that stops after `limit` rows;
* a finding's product and open case are NULL for some rows: sorting by them pages the
  rows that have one (from the index on the value) and the rest (by id) one after the
  other (`page_of_two`);
* a full-text search sorted by time walks the FTS index by rowid. Finding ids grow with
  time, so "Recorded" order is id order there; ordering every match by created_at
  instead would sort all of them (300,000 for a common word) for each page;
* a full-text search sorted by another column: see finding_search.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, String, null, select, type_coerce

from inspector_app.db.models import (
    CaseFinding,
    Finding,
    Merchant,
    Product,
    Purchase,
    RectificationCase,
)
from inspector_app.db.search import (
    FINDINGS_FTS,
    finding_text_clause,
    fts_match,
    fts_phrase,
    trigram_searchable,
)
from inspector_app.domain.enums import FindingCategory, PurchaseStatus, Severity
from inspector_app.domain.errors import ValidationError
from inspector_app.domain.messages import t
from inspector_app.domain.workflow import ACTIVE_STATUSES
from inspector_app.services.browse.common import (
    count,
    end_of,
    nulls_first,
    order,
    page,
    page_of_two,
    start_of,
)
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
    #: Only findings on purchases ordered in [bought_since, bought_until] (local dates,
    #: inclusive) that count in the figures: a period's findings as the Dashboard counts
    #: them (docs/domain.md, "The figures"; services/stats.live_purchases).
    bought_since: date | None = None
    bought_until: date | None = None
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
    category: FindingCategory
    severity: Severity
    title: str
    case_number: str  # the active case covering it, if any


_ACTIVE = [s.value for s in ACTIVE_STATUSES]

_open_case = (
    select(RectificationCase.case_number)
    .join(CaseFinding, CaseFinding.case_id == RectificationCase.id)
    .where(CaseFinding.finding_id == Finding.id)
    .where(RectificationCase.status.in_(_ACTIVE))
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


def _finding_conditions(flt: FindingFilter, *, for_sort: str = "") -> list[ColumnElement[bool]]:
    """Conditions on the findings table itself (no join needed).

    With `for_sort` (a page sorted by another column), category and severity are compared
    as `column || ''`, which no index can answer: they match an eighth or a third of all
    findings, yet SQLite would drive a "category = x ORDER BY merchant" page from the
    category index and sort 240,000 rows (0.2 s) instead of walking the merchant order and
    stopping after the page (2 ms).
    """
    cond: list[ColumnElement[bool]] = [
        Finding.deleted_at.is_not(None) if flt.deleted else Finding.deleted_at.is_(None)
    ]
    if flt.category:
        value = FindingCategory(flt.category)
        cond.append(
            type_coerce(Finding.category, String).concat("") == value.value
            if for_sort and for_sort != "category" else Finding.category == value
        )
    if flt.severity:
        level = Severity(flt.severity)
        cond.append(
            type_coerce(Finding.severity, String).concat("") == level.value
            if for_sort and for_sort != "severity" else Finding.severity == level
        )
    if flt.purchase_id:
        cond.append(Finding.purchase_id == flt.purchase_id)
    if flt.since:
        cond.append(Finding.created_at >= start_of(flt.since))
    if flt.until:
        cond.append(Finding.created_at < end_of(flt.until))
    if flt.bought_since or flt.bought_until:
        bought = select(Purchase.id).where(
            Purchase.status.not_in([PurchaseStatus.PLANNED.value, PurchaseStatus.CANCELLED.value]))
        if flt.bought_since:
            bought = bought.where(Purchase.ordered_at >= start_of(flt.bought_since))
        if flt.bought_until:
            bought = bought.where(Purchase.ordered_at < end_of(flt.bought_until))
        cond.append(Finding.purchase_id.in_(bought))
    return cond


def _on_live_purchase() -> ColumnElement[bool]:
    """The finding's purchase is not soft-deleted (deleted purchases are few)."""
    return Finding.purchase_id.not_in(
        select(Purchase.id).where(Purchase.deleted_at.is_not(None)).scalar_subquery()
    )


def _base(flt: FindingFilter, dialect: str, *, product: str = "outer", case: str = "column",
          fts: bool = False, sort: str = "") -> Select:
    """The page query before ORDER BY.

    `product`: "outer" joins products as usual, "inner" keeps only findings whose purchase
    has a product, "none" only those without one. `case`: "column" computes the open case
    per row, "inner" keeps only findings in an active case (joined), "none" only the others.
    `fts`: drive the query from the FTS index (the caller orders by its rowid). `sort`: the
    page's sort key, so filters do not steer the planner away from its index.
    """
    product_name: Any = null() if product == "none" else Product.name
    case_number: Any
    if case == "inner":
        case_number = RectificationCase.case_number
    elif case == "none":
        case_number = null()
    else:
        case_number = _open_case
    cols = (
        Finding.id, Finding.uid, Finding.created_at, Purchase.id, Purchase.order_number,
        Merchant.id, Merchant.shop_id, Merchant.name, product_name, Finding.category,
        Finding.severity, Finding.title, case_number,
    )
    phrase = fts_phrase(dialect, flt.text or "") if fts else None
    if phrase is not None:
        q = (
            select(*cols).select_from(FINDINGS_FTS)
            .join(Finding, Finding.id == FINDINGS_FTS.c.rowid)
            .where(fts_match(phrase))
        )
    else:
        q = select(*cols).select_from(Finding)
    q = (
        q.join(Purchase, Purchase.id == Finding.purchase_id)
        .join(Merchant, Merchant.id == Purchase.merchant_id)
    )
    if product == "outer":
        q = q.outerjoin(Product, Product.id == Purchase.product_id)
    elif product == "inner":
        q = q.join(Product, Product.id == Purchase.product_id)
    else:
        q = q.where(Purchase.product_id.is_(None))
    if case == "inner":
        q = (
            q.join(CaseFinding, CaseFinding.finding_id == Finding.id)
            .join(RectificationCase, RectificationCase.id == CaseFinding.case_id)
            .where(RectificationCase.status.in_(_ACTIVE))
        )
    elif case == "none" and not flt.without_open_case:
        q = q.where(_open_case.is_(None))
    # Live purchases as "not among the (few) deleted ones", not as a condition on the joined
    # row: with the latter SQLite first builds a Bloom filter over all 100,000 purchases,
    # 18 ms of a page that otherwise takes 0.3 ms.
    q = q.where(*_finding_conditions(flt, for_sort=sort), _on_live_purchase())
    if phrase is None:
        clause = finding_text_clause(dialect, flt.text or "")
        if clause is not None:
            q = q.where(clause)
    if flt.merchant_id:
        q = q.where(Purchase.merchant_id == flt.merchant_id)
    if flt.merchant_shop_id:
        q = q.where(Merchant.shop_id == flt.merchant_shop_id)
    if flt.inspector_id:
        q = q.where(Purchase.inspector_id == flt.inspector_id)
    if flt.without_open_case:
        q = q.where(_open_case.is_(None))
    return q


def _count_query(
    flt: FindingFilter, dialect: str, *, fts: bool = False,
    deleted_purchases: list[int] | None = None,
) -> Select:
    """The matching findings' ids, joining only what the filters need; with `fts`, a
    full-text search is driven from the FTS index (for a query that sorts every match).
    `deleted_purchases`: the ids of the soft-deleted purchases when the caller has read
    them (a constant list, or nothing when empty, instead of the subquery per row)."""
    phrase = fts_phrase(dialect, flt.text or "") if fts else None
    if phrase is not None:
        q = (
            select(Finding.id).select_from(FINDINGS_FTS)
            .join(Finding, Finding.id == FINDINGS_FTS.c.rowid)
            .where(fts_match(phrase), *_finding_conditions(flt))
        )
    else:
        q = select(Finding.id).where(*_finding_conditions(flt))
        clause = finding_text_clause(dialect, flt.text or "")
        if clause is not None:
            q = q.where(clause)
    if flt.merchant_id or flt.merchant_shop_id or flt.inspector_id:
        purchases = select(Purchase.id).where(Purchase.deleted_at.is_(None))
        if flt.merchant_id:
            purchases = purchases.where(Purchase.merchant_id == flt.merchant_id)
        if flt.merchant_shop_id:
            purchases = purchases.where(
                Purchase.merchant_id.in_(
                    select(Merchant.id).where(Merchant.shop_id == flt.merchant_shop_id)
                )
            )
        if flt.inspector_id:
            purchases = purchases.where(Purchase.inspector_id == flt.inspector_id)
        q = q.where(Finding.purchase_id.in_(purchases))
    else:
        # Deleted purchases are few: exclude them as a list instead of joining every row.
        if deleted_purchases is None:
            q = q.where(_on_live_purchase())
        elif deleted_purchases:
            q = q.where(Finding.purchase_id.not_in(deleted_purchases))
    if flt.without_open_case:
        in_active_case = (
            select(CaseFinding.finding_id)
            .join(RectificationCase, RectificationCase.id == CaseFinding.case_id)
            .where(RectificationCase.status.in_(_ACTIVE))
        )
        q = q.where(Finding.id.not_in(in_active_case))
    return q


def search_pages_by_id(ctx: Context, flt: FindingFilter, sort: str | None) -> bool:
    """True when this is a full-text search sorted by a column other than time: its pages
    come from the sorted ids of the matches (finding_search.py), whose whole list a caller
    may keep and page from."""
    dialect = ctx.db.engine.dialect.name
    return (sort or "created_at") not in ("created_at", "id") and trigram_searchable(
        dialect, flt.text or "")


def count_findings(ctx: Context, flt: FindingFilter, cap: int | None = None) -> int:
    """How many findings match; with `cap`, min(count, cap) and quick whatever the total."""
    with ctx.db.read() as s:
        return count(s, _count_query(flt, ctx.db.engine.dialect.name), cap)


def _split_by_null(
    flt: FindingFilter, dialect: str, key: str, desc: bool
) -> tuple[Select, Select]:
    """(first, second) ordered queries whose concatenation is the ORDER BY `key` order."""
    if key == "product":
        valued = _base(flt, dialect, product="inner", sort=key)
        empty = _base(flt, dialect, product="none", sort=key)
        col = Product.name
    else:
        valued = _base(flt, dialect, case="inner", sort=key)
        empty = _base(flt, dialect, case="none", sort=key)
        col = RectificationCase.case_number
    if desc:
        valued = valued.order_by(col.desc(), Finding.id.desc())
        empty = empty.order_by(Finding.id.desc())
    else:
        valued = valued.order_by(col.asc(), Finding.id.asc())
        empty = empty.order_by(Finding.id.asc())
    return (empty, valued) if nulls_first(dialect, desc) else (valued, empty)


def fetch_findings(
    ctx: Context, flt: FindingFilter, *, sort: str | None = None, desc: bool = True,
    offset: int = 0, limit: int = 200,
) -> list[FindingRow]:
    dialect = ctx.db.engine.dialect.name
    key = sort or "created_at"
    if key not in SORTS:
        raise ValidationError(t("Cannot sort by '{key}'", key=key), field="sort")
    with ctx.db.read() as s:
        if search_pages_by_id(ctx, flt, key):
            from inspector_app.services.browse.finding_search import sorted_search_page

            return sorted_search_page(s, flt, dialect, key, desc, offset, limit)
        if key in ("product", "case_number"):
            first, second = _split_by_null(flt, dialect, key, desc)
            rows = page_of_two(s, first, second, offset, limit)
        elif key in ("created_at", "id") and fts_phrase(dialect, flt.text or "") is not None:
            q = _base(flt, dialect, fts=True, sort=key)
            rowid = FINDINGS_FTS.c.rowid
            q = q.order_by(rowid.desc() if desc else rowid.asc())
            rows = s.execute(page(q, offset, limit)).all()
        else:
            q = page(order(_base(flt, dialect, sort=key), SORTS, key, desc, Finding.id,
                           "created_at"), offset, limit)
            rows = s.execute(q).all()
    return _finding_rows(rows)


def _finding_rows(rows) -> list[FindingRow]:
    return [
        FindingRow(
            id=r[0], uid=r[1], created_at=r[2], purchase_id=r[3], order_number=r[4] or "",
            merchant_id=r[5], merchant_shop_id=r[6], merchant=r[7], product=r[8] or "",
            category=FindingCategory(r[9]), severity=Severity(r[10]), title=r[11], case_number=r[12] or "",
        )
        for r in rows
    ]
