"""A full-text search sorted by a column other than time, at a million findings.

Such a page must order every match, and ordering them is where the time goes: for a common
word (300,000 matches of 1,000,000) reading the matches from the FTS index alone takes
~80 ms, joining each to its row and sort column ~50 ms more, and selecting every column of
every match for the sort (the open case is a subquery per row) took 0.2-1 s. So:

* the page's rows are read by id after sorting only the matches' ids with the one column
  the sort needs (`_ids_query`, the open case as one grouped join);
* when a search matches many findings (`DENSE` or more), the page is first looked for by
  walking the sort order in its indexes (for product and open case: the findings with a
  value, then the others, as findings._split_by_null pages them) over at most `WALK`
  findings, testing each one's text (`_walked_page`): a common word fills a page within a
  few hundred rows, in milliseconds. If the walk does not fill the page (matches clustered
  elsewhere in the order) the ids are sorted as above. The walk tests with LIKE, which is
  the trigram index's match exactly when the query has no letter with a case outside ASCII
  (LIKE folds ASCII only; Chinese has no case);
* a screen keeps the whole sorted id list of its search (`sorted_finding_ids`, made once
  in the background) and reads later pages by id (`fetch_findings_by_id`).
"""

from __future__ import annotations

from sqlalchemy import Select, func, literal_column, select
from sqlalchemy.orm import Session

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
    fts_match,
    fts_phrase,
    like_any,
    trigram_searchable,
)
from inspector_app.domain.errors import ValidationError
from inspector_app.domain.messages import t
from inspector_app.services.browse.common import MAX_PAGE, order, page, page_of_two
from inspector_app.services.browse.findings import (
    _ACTIVE,
    SORTS,
    FindingFilter,
    FindingRow,
    _base,
    _count_query,
    _finding_rows,
    _split_by_null,
)
from inspector_app.services.context import Context

#: Matches from which a search counts as common enough to walk the sort order for a page.
DENSE = 50_000
#: Most findings a walk looks at before giving up (~20-60 ms of LIKE tests).
WALK = 20_000
#: A walk looks at up to this many times the findings that evenly spread matches need.
BUDGET_FACTOR = 4
#: On PostgreSQL the newest this many findings estimate how common a search is.
PG_SAMPLE = 1_000
#: Sorts whose order one index walk gives (product and open case are mostly NULL: their
#: order is two walks one after the other, see findings._split_by_null).
_WALKABLE = {"order_number", "merchant", "category", "severity", "title"}
#: Sorts whose matches are paged in two parts (see _WALKABLE) rather than sorted: few
#: findings are in an open case. (Most purchases have a product: sorting the matches'
#: ids is quicker there; measured in docs/performance.md.)
_SPLIT = {"case_number"}


#: What a sort key joins to reach its column, for the id-only sorted query.
_SORT_JOINS = {"order_number": "purchase", "merchant": "merchant", "product": "product"}


#: Up to this many soft-deleted purchases are excluded as a constant list (see _deleted).
_FEW_DELETED = 200


def _deleted(s: Session) -> list[int] | None:
    """The soft-deleted purchases' ids when they are few (from their partial index), else
    None. Sorting a common word's 300,000 matches tested each against the subquery of
    deleted purchases: ~15 ms of a ~90 ms query, for a list that is usually empty."""
    ids = list(s.scalars(select(Purchase.id).where(Purchase.deleted_at.is_not(None))
                         .limit(_FEW_DELETED + 1)))
    return ids if len(ids) <= _FEW_DELETED else None


def _ids_query(
    flt: FindingFilter, dialect: str, key: str, desc: bool,
    deleted_purchases: list[int] | None = None,
) -> Select:
    """The matching findings' ids in ORDER BY `key` order, ties by id, joining only what the
    filters and the sort column need. A NULL product or open case sorts where the database
    puts NULLs, as `page_of_two` pages them. `deleted_purchases`: see _deleted."""
    if dialect == "postgresql" and trigram_searchable(dialect, flt.text or ""):
        return _pg_ids_query(flt, key, desc, deleted_purchases)
    q = _count_query(flt, dialect, fts=True, deleted_purchases=deleted_purchases)
    join = _SORT_JOINS.get(key)
    if join:
        q = q.join(Purchase, Purchase.id == Finding.purchase_id)
    if join == "merchant":
        q = q.join(Merchant, Merchant.id == Purchase.merchant_id)
    elif join == "product":
        q = q.outerjoin(Product, Product.id == Purchase.product_id)
    sorts = SORTS
    if key == "case_number":
        # The few findings in an active case, joined once, instead of a subquery per match.
        active = _active_cases()
        q = q.outerjoin(active, active.c.finding_id == Finding.id)
        sorts = {"case_number": active.c.n}
    return order(q, sorts, key, desc, Finding.id, "created_at")


def _active_cases():
    """Each finding in an active case, with the (first) case's number: few rows."""
    return (
        select(CaseFinding.finding_id, func.min(RectificationCase.case_number).label("n"))
        .join(RectificationCase, RectificationCase.id == CaseFinding.case_id)
        .where(RectificationCase.status.in_(_ACTIVE))
        .group_by(CaseFinding.finding_id)
        .subquery()
    )


def _pg_ids_query(
    flt: FindingFilter, key: str, desc: bool, deleted_purchases: list[int] | None
) -> Select:
    """_ids_query on PostgreSQL: the matches first, with the columns the sort needs, from
    the trigram indexes (a bitmap scan) in a MATERIALIZED CTE, then sorted. Left to itself
    the planner walked a sort index testing each row's text (a Chinese phrase sorted by
    title: 2.6 s), or merge-joined the matches with every finding (0.9 s)."""
    inner = _count_query(flt, "postgresql", deleted_purchases=deleted_purchases).add_columns(
        Finding.purchase_id.label("purchase_id"), Finding.category.label("category"),
        Finding.severity.label("severity"), Finding.title.label("title"))
    m = inner.cte("matches").prefix_with("MATERIALIZED")
    q = select(m.c.id).select_from(m)
    join = _SORT_JOINS.get(key)
    if join:
        q = q.join(Purchase, Purchase.id == m.c.purchase_id)
    if join == "merchant":
        q = q.join(Merchant, Merchant.id == Purchase.merchant_id)
    elif join == "product":
        q = q.outerjoin(Product, Product.id == Purchase.product_id)
    sorts = {"order_number": Purchase.order_number, "merchant": Merchant.name,
             "product": Product.name, "category": m.c.category, "severity": m.c.severity,
             "title": m.c.title}
    if key == "case_number":
        active = _active_cases()
        q = q.outerjoin(active, active.c.finding_id == m.c.id)
        sorts["case_number"] = active.c.n
    return order(q, sorts, key, desc, m.c.id, key)


def sorted_finding_ids(
    ctx: Context, flt: FindingFilter, *, sort: str | None = None, desc: bool = True,
    offset: int = 0, limit: int | None = None,
) -> list[int]:
    """The ids of the matching findings in the table's order (all of them without `limit`)."""
    key = sort or "created_at"
    if key not in SORTS:
        raise ValidationError(t("Cannot sort by '{key}'", key=key), field="sort")
    with ctx.db.read() as s:
        q = _ids_query(flt, ctx.db.engine.dialect.name, key, desc, _deleted(s))
        if limit is not None:
            q = page(q, offset, limit)
        elif offset:
            q = q.offset(offset)
        return list(s.scalars(q))


def fetch_findings_by_id(
    ctx: Context, ids: list[int], *, deleted: bool = False
) -> list[FindingRow]:
    """The rows of these findings in this order (those deleted or gone since are left out)."""
    if not ids:
        return []
    if len(ids) > MAX_PAGE:
        raise ValidationError(t("Page size must be 0..{most}", most=MAX_PAGE))
    dialect = ctx.db.engine.dialect.name
    with ctx.db.read() as s:
        return _rows_in_order(s, FindingFilter(deleted=deleted), dialect, ids)


def _rows_in_order(s: Session, flt: FindingFilter, dialect: str, ids: list[int]) -> list[FindingRow]:
    q = _base(FindingFilter(deleted=flt.deleted), dialect).where(Finding.id.in_(ids))
    by_id = {r[0]: r for r in s.execute(q).all()}
    return _finding_rows(by_id[i] for i in ids if i in by_id)


def _like_is_exact(text: str) -> bool:
    """LIKE matches as the trigram index does: no letter whose case LIKE would not fold."""
    return all(c.isascii() or c.lower() == c.upper() for c in text)


def _walk_budget(s: Session, phrase: str, need: int) -> int | None:
    """How many findings a walk may look at for the first `need` matches, or None when the
    search is not common enough for a walk to pay (fewer than DENSE matches, or a page so
    deep that the walk would outgrow WALK).

    Matches spread evenly over the order fill `need` rows within need * total / matches
    findings; the walk gets BUDGET_FACTOR times that (never more than WALK). An order in
    which the matches cluster elsewhere (a common English word sorted by title descending,
    where Chinese titles come first: the first match 686,000 findings down) gives up after
    those few thousand findings instead of WALK, and its ids are sorted."""
    first = (
        select(literal_column("rowid")).select_from(FINDINGS_FTS).where(fts_match(phrase))
        .limit(DENSE).subquery()
    )
    matches = s.scalar(select(func.count()).select_from(first)) or 0
    if matches < DENSE:
        return None
    total = s.scalar(select(func.max(Finding.id))) or 0  # the rowid b-tree's last key: instant
    expected = need * max(total, matches) // matches
    if expected > WALK:
        return None
    return min(WALK, max(BUDGET_FACTOR * expected, 2 * need))


def _pg_walk_budget(s: Session, text: str, need: int, sample_of=None) -> int | None:
    """_walk_budget on PostgreSQL, where no index counts matches quickly: the share of
    matches among PG_SAMPLE findings spread evenly over the ids (as many primary-key
    look-ups, a few ms) stands for the share among all. (The newest findings are no fair
    sample: 'the' is in 5% of the newest thousand and in 31% of all.) `sample_of`: a
    pg_bounded.Sample already taken for this page (the same findings), else one is read."""
    if sample_of is not None:
        seen, hits = len(sample_of.hits), sum(sample_of.hits)
    else:
        total = s.scalar(select(func.max(Finding.id))) or 0
        step = max(1, total // PG_SAMPLE)
        hit = like_any((Finding.title, Finding.description, Finding.observed), text,
                       "postgresql")
        sample = (
            select(hit.label("hit"))
            .where(Finding.id.in_(range(step, total + 1, step)), Finding.deleted_at.is_(None))
            .subquery()
        )
        seen, hits = s.execute(
            select(func.count(), func.count().filter(sample.c.hit)).select_from(sample)).one()
    if not hits:
        return None
    # No DENSE threshold here: sorting the matches means re-checking each one's text in
    # the table (a Chinese phrase's 27,000: 150-300 ms), walking ~7,000 findings for a
    # page of them costs less.
    expected = need * seen // hits
    if expected > WALK:
        return None
    return min(WALK, max(BUDGET_FACTOR * expected, 2 * need))


def _walk_parts(
    s: Session, parts: list[Select], hit, need: int, budget: int = WALK
) -> list[int] | None:
    """The first `need` matching ids along `parts` (ordered id queries, one after the
    other), looking at `budget` findings at most; None when that budget runs out first."""
    found: list[int] = []
    for part in parts:
        walk = part.add_columns(hit.label("hit")).limit(budget).subquery()
        found += s.scalars(select(walk.c.id).where(walk.c.hit).limit(need - len(found)))
        if len(found) >= need:
            return found
        # How far the walk went, counted on the sort order alone (no text tests again).
        walked = s.scalar(select(func.count()).select_from(part.limit(budget).subquery())) or 0
        if walked >= budget:
            return None
        budget -= walked
    return found  # every part walked: these are all the matches


def _walked_page(
    s: Session, flt: FindingFilter, dialect: str, key: str, desc: bool, offset: int, limit: int
) -> list[int] | None:
    """The page's ids from walking the sort order over at most WALK findings, testing
    each one's text; None when the walk cannot answer (then the ids are sorted)."""
    text = " ".join((flt.text or "").split())
    plain = FindingFilter(deleted=flt.deleted)
    if flt != FindingFilter(text=flt.text, deleted=flt.deleted) or offset + limit > WALK:
        return None
    if dialect == "postgresql":
        from inspector_app.services.browse import pg_bounded

        # The orders pg_bounded answers read one sample for both (the same findings).
        smp = (pg_bounded.sample(s, text, key, desc, flt.deleted)
               if key in pg_bounded.BOUNDED else None)
        budget = _pg_walk_budget(s, text, offset + limit, smp)
        if budget is not None and not pg_bounded.walk_may_answer(s, flt, key, desc, budget):
            return None
    else:
        phrase = fts_phrase(dialect, text) if _like_is_exact(text) else None
        budget = None if phrase is None else _walk_budget(s, phrase, offset + limit)
    if budget is None:
        return None
    if key in _WALKABLE:
        parts = [_ids_query(plain, dialect, key, desc)]
    else:  # mostly NULL: the rows with a value and the others, each in an index's order
        parts = [
            q.with_only_columns(Finding.id, maintain_column_froms=True)
            for q in _split_by_null(plain, dialect, key, desc)
        ]
    hit = like_any((Finding.title, Finding.description, Finding.observed), text, dialect)
    ids = _walk_parts(s, parts, hit, offset + limit, budget)
    return None if ids is None else ids[offset:offset + limit]


def sorted_search_page(
    s: Session, flt: FindingFilter, dialect: str, key: str, desc: bool, offset: int, limit: int
) -> list[FindingRow]:
    """A page of a full-text search sorted by `key` (see the module's docstring)."""
    ids = _walked_page(s, flt, dialect, key, desc, offset, limit)
    if ids is None and dialect == "postgresql":
        from inspector_app.services.browse.pg_bounded import bounded_page

        ids = bounded_page(s, flt, key, desc, offset, limit)
    if ids is None and key in _SPLIT and dialect == "sqlite" and not flt.without_open_case:
        # Few findings have an open case: those among the matches, sorted, then the other
        # matches by id, each part stopping after the page (findings._split_by_null);
        # sorting every match for this took 0.1-0.5 s, the two parts 8-160 ms.
        first, second = (q.with_only_columns(Finding.id, maintain_column_froms=True)
                         for q in _split_by_null(flt, dialect, key, desc))
        ids = [r[0] for r in page_of_two(s, first, second, offset, limit)]
    if ids is None:
        q = _ids_query(flt, dialect, key, desc, _deleted(s))
        ids = list(s.scalars(page(q, offset, limit)))
    return _rows_in_order(s, flt, dialect, ids)
