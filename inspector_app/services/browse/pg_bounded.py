"""A search sorted by a findings column on PostgreSQL, bounded by a value from a sample.

The slow case at a million findings (docs/performance.md, "The findings table on
PostgreSQL"): a common word whose matches cluster far down the order ('the', 313,000
matches, sorted by title descending: Chinese titles come first, the first match is 686,000
findings down). No walk of the order reaches it, and sorting the matches means re-checking
every one's text in the table (ILIKE folds each row's case: ~0.5 s).

The sample that estimates how common the search is (finding_search._pg_walk_budget: a
thousand findings spread over the ids) also shows where the matches lie in the order. From
the first sampled match's sort value V:

* the matches before V in this order (usually none: the sample saw none there) come from
  the plain query plus `column > V` (descending; `<` ascending), which the planner answers
  by intersecting the trigram indexes' bitmap with the column index's range (BitmapAnd),
  re-checking only the matches inside the range;
* the rest of the page from a walk of the order starting at V, testing each finding's text
  (as finding_search._walk_parts; the matches are dense there).

'the' by title descending: 580 ms -> 50-90 ms. If that walk runs out of budget (the matches
thin out after V), the range up to the sampled value from which about twice the page's
matches lie before it (`bound`) is re-checked the same way.

Exact whatever the sample: the findings before V (or inside the range) come before all
others in this order (ties broken by id), and the walk continues the order from V. When
the range does not fill the page the caller sorts every match as before.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, literal, select, text
from sqlalchemy.orm import Session

from inspector_app.db.models import Finding
from inspector_app.db.search import like_any
from inspector_app.services.browse.findings import SORTS, FindingFilter, _count_query

#: Sort keys that are findings columns with an index giving their order.
BOUNDED = {"title", "category", "severity"}
#: Findings in the sample (as finding_search.PG_SAMPLE).
SAMPLE = 1_000
#: The bound is at least this many sampled matches in, so that the matches before it are
#: very probably more than the page needs (3: misled in ~1 of 1,000 searches).
MIN_RANK = 3
#: The bound is placed where about this many times the page's findings match before it.
MARGIN = 2
#: Planner settings for the bounded query, undone after it (a savepoint): without them
#: PostgreSQL walks the column's index testing every finding's text (2.9 s for 'the'),
#: or re-checks all matches before filtering on the range.
_PLAN = (
    "SET LOCAL enable_seqscan = off",
    "SET LOCAL enable_indexscan = off",
    "SET LOCAL enable_indexonlyscan = off",
    "SET LOCAL max_parallel_workers_per_gather = 0",
)


def _hit(q: str):
    return like_any((Finding.title, Finding.description, Finding.observed), q, "postgresql")


@dataclass(frozen=True)
class Sample:
    """The sampled findings in the page's order: the sort column's value and whether each
    matches; each stands for `step` findings."""
    step: int
    values: list
    hits: list[bool]


def sample(s: Session, q: str, key: str, desc: bool, deleted: bool = False) -> Sample:
    """SAMPLE findings spread evenly over the ids (primary-key look-ups, a few ms), in the
    order of `key`; kept on the session for the rest of its page."""
    memo = s.info.setdefault("pg_bounded_samples", {})
    if (q, key, desc, deleted) in memo:
        return memo[(q, key, desc, deleted)]
    total = s.scalar(select(func.max(Finding.id))) or 0
    step = max(1, total // SAMPLE)
    col = SORTS[key]
    live = Finding.deleted_at.is_not(None) if deleted else Finding.deleted_at.is_(None)
    # The sampled rows first, then ordered: left to itself the planner walked the column's
    # index to the sampled ids (0.9 s).
    rows = (select(col.label("v"), _hit(q).label("hit"))
            .where(Finding.id.in_(range(step, total + 1, step)), live)
            .cte("sample").prefix_with("MATERIALIZED"))
    ordered = s.execute(select(rows.c.v, rows.c.hit).order_by(
        rows.c.v.desc() if desc else rows.c.v.asc())).all()
    memo[(q, key, desc, deleted)] = result = Sample(
        step, [r[0] for r in ordered], [bool(r[1]) for r in ordered])
    return result


def bound(smp: Sample, need: int) -> tuple[object, int] | None:
    """The sort column's value at the sampled match from which ~MARGIN * `need` matches
    lie before it in this order, and about how many findings lie before it; None when too
    few sampled findings match (then sorting the matches is cheap)."""
    rank = max(MIN_RANK, math.ceil(MARGIN * need / smp.step))
    seen = 0
    for i, hit in enumerate(smp.hits):
        seen += hit
        if seen == rank:
            return smp.values[i], (i + 1) * smp.step
    return None


def walk_may_answer(s: Session, flt: FindingFilter, key: str, desc: bool, budget: int) -> bool:
    """Whether a walk of `budget` findings along the order may find the page: not when the
    sample has no match within the first `budget` findings (the bounded query answers
    then, without the walk's cost: 20,000 findings tested, ~55 ms)."""
    if key not in BOUNDED:
        return True
    smp = sample(s, " ".join((flt.text or "").split()), key, desc, flt.deleted)
    first = next((i for i, hit in enumerate(smp.hits) if hit), None)
    return first is not None and first * smp.step <= budget


def bounded_page(
    s: Session, flt: FindingFilter, key: str, desc: bool, offset: int, limit: int
) -> list[int] | None:
    """The page's ids from the sample's bounds, or None when they cannot answer exactly.

    First from the first sampled match's value V: the matches before V in this order (a
    range, usually empty, from the indexes' intersection) and then a walk of the order from
    V testing each finding (the matches are dense there). If that walk runs out of budget,
    the range up to the bound of `bound()`, re-checking the matches inside it."""
    q = " ".join((flt.text or "").split())
    if key not in BOUNDED or flt != FindingFilter(text=flt.text, deleted=flt.deleted):
        return None
    from inspector_app.services.browse.finding_search import WALK, _deleted, _walk_parts

    need = offset + limit
    smp = sample(s, q, key, desc, flt.deleted)
    first = next((v for v, hit in zip(smp.values, smp.hits, strict=True) if hit), _NONE)
    if first is _NONE:
        return None
    col: Any = SORTS[key]
    deleted = _deleted(s)
    before = _ranged(s, flt, col, desc, first, need, deleted, inclusive=False)
    if len(before) < need:
        from_first = _count_query(FindingFilter(deleted=flt.deleted), "postgresql",
                                  deleted_purchases=deleted).where(
            col <= first if desc else col >= first).order_by(*_order(col, desc))
        rest = _walk_parts(s, [from_first], _hit(q), need - len(before), WALK)
        if rest is not None:
            return (before + rest)[offset:]
    else:
        return before[offset:]
    found = bound(smp, need)
    if found is None:
        return None
    ids = _ranged(s, flt, col, desc, found[0], need, deleted, inclusive=True)
    return ids[offset:] if len(ids) == need else None


_NONE = object()


def _order(col: Any, desc: bool) -> tuple:
    return (col.desc(), Finding.id.desc()) if desc else (col.asc(), Finding.id.asc())


def _ranged(s: Session, flt: FindingFilter, col: Any, desc: bool, x: object, need: int,
            deleted: list[int] | None, *, inclusive: bool) -> list[int]:
    """The first `need` matching ids, in order, among the findings up to `x` in this order
    (with `x`'s own when `inclusive`), from the trigram indexes' bitmap intersected with the
    column index's range (BitmapAnd): only the matches inside the range are re-checked."""
    # The range's far end is the column's first or last value (from its index); both ends
    # go in as sub-selects, whose values the planner does not look at: it then takes the
    # range for a narrow one (as it is, among the matches) and intersects the indexes.
    # Given the values, it judged the range wide (it is, among all findings) and re-checked
    # every match instead (0.5 s for 'the').
    far = s.scalar(select(func.max(col) if desc else func.min(col)))
    near = select(literal(x, col.type)).scalar_subquery()
    end = select(literal(far, col.type)).scalar_subquery()
    if desc:
        cond = (col >= near if inclusive else col > near, col <= end)
    else:
        cond = (col <= near if inclusive else col < near, col >= end)
    ids_q = (_count_query(flt, "postgresql", deleted_purchases=deleted).where(*cond)
             .order_by(*_order(col, desc)).limit(need))
    nested = s.begin_nested()
    try:
        for setting in _PLAN:
            s.execute(text(setting))
        return list(s.scalars(ids_q))
    finally:
        nested.rollback()
