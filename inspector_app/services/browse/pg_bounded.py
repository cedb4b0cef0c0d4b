"""A search sorted by a findings column on PostgreSQL, bounded by a value from a sample.

The slow case at a million findings (docs/performance.md, "The findings table on
PostgreSQL"): a common word whose matches cluster far down the order ('the', 313,000
matches, sorted by title descending: Chinese titles come first, the first match is 686,000
findings down). No walk of the order reaches it, and sorting the matches means re-checking
every one's text in the table (ILIKE folds each row's case: ~0.5 s).

The sample that estimates how common the search is (finding_search._pg_walk_budget: a
thousand findings spread over the ids) also shows where the matches lie in the order: the
value of the sort column at its `r`-th match (in the page's direction) is a bound `X` such
that, if the matches are spread like the sample, a few thousand matches lie before it. The
page is then the plain query plus `column >= X` (descending; `<=` ascending), which the
planner answers by intersecting the trigram indexes' bitmap with the column index's range
(BitmapAnd) and re-checks only the matches inside the range: 60-80 ms.

Exact whatever the sample: every finding outside the range comes after every finding inside
it in this order (ties broken by id), so when the bounded query fills the page, those are
the plain query's first rows. When it does not (the sample misled), the caller sorts every
match as before.
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
    """The page's ids from the bounded query, or None when it cannot answer exactly."""
    q = " ".join((flt.text or "").split())
    if key not in BOUNDED or flt != FindingFilter(text=flt.text, deleted=flt.deleted):
        return None
    need = offset + limit
    found = bound(sample(s, q, key, desc, flt.deleted), need)
    if found is None:
        return None
    x = found[0]
    from inspector_app.services.browse.finding_search import _deleted

    col: Any = SORTS[key]
    # The range's far end is the column's first or last value (from its index); both ends
    # go in as sub-selects, whose values the planner does not look at: it then takes the
    # range for a narrow one (as it is, among the matches) and intersects the indexes.
    # Given the values, it judged the range wide (it is, among all findings) and re-checked
    # every match instead (0.5 s for 'the').
    far = s.scalar(select(func.max(col) if desc else func.min(col)))
    lo, hi = (x, far) if desc else (far, x)
    ids_q = _count_query(flt, "postgresql", deleted_purchases=_deleted(s)).where(
        col >= select(literal(lo, col.type)).scalar_subquery(),
        col <= select(literal(hi, col.type)).scalar_subquery())
    ids_q = ids_q.order_by(*((col.desc(), Finding.id.desc()) if desc
                             else (col.asc(), Finding.id.asc()))).limit(need)
    nested = s.begin_nested()
    try:
        for setting in _PLAN:
            s.execute(text(setting))
        ids = list(s.scalars(ids_q))
    finally:
        nested.rollback()
    return ids[offset:] if len(ids) == need else None
