"""A search sorted by a column on PostgreSQL gives the rows of the plain single query.

The fast shapes there (services/browse/finding_search.py: a walk of the sort order for a
common word, a query bounded by a sampled value of the sort column (pg_bounded.py), else
the matches from the trigram indexes in a MATERIALIZED CTE, sorted) are checked
against `ORDER BY column, id` over the same filter, for many search/sort/direction
combinations, pages and filters, with the walk both answering and giving up.
"""

from __future__ import annotations

import pytest

from inspector_app.db.models import Finding
from inspector_app.services import browse
from inspector_app.services.browse import finding_search, pg_bounded
from inspector_app.services.browse import findings as bf
from inspector_app.services.browse.common import order
from inspector_app.services.context import SYSTEM, open_context
from inspector_app.services.demo import load_demo


@pytest.fixture(scope="module")
def pg_world(empty_database, tmp_path_factory):
    _name, url = empty_database
    ctx = open_context(url, data_folder=str(tmp_path_factory.mktemp("pgsort") / "d"))
    ctx = ctx.as_actor(SYSTEM)
    load_demo(ctx, seed=5, purchases=200, photos=0)
    yield ctx
    ctx.db.dispose()


def _reference(ctx, flt, sort, desc) -> list[int]:
    q = order(bf._base(flt, "postgresql"), bf.SORTS, sort, desc, Finding.id, "created_at")
    with ctx.db.read() as s:
        return [r[0] for r in s.execute(q)]


def _texts(ctx) -> list[str]:
    """A common word of the demo, a Chinese phrase it holds, and a rarer one."""
    rows = browse.fetch_findings(ctx, browse.FindingFilter(), limit=200)
    chinese = next(r.title for r in rows if not r.title.isascii())
    return ["the", chinese[:3], chinese[:4] if len(chinese) >= 4 else chinese]


def _first_value(smp, need):
    """A bound at the first sampled match: its range holds too few matches for most pages."""
    first = next((i for i, hit in enumerate(smp.hits) if hit), None)
    return None if first is None else (smp.values[first], 0)


BOUNDED_MODES = ["from-first", "from-first-coarse", "range", "range-short"]


@pytest.mark.parametrize("walk", [None, 4_000, 1, *BOUNDED_MODES])
def test_sorted_search_pages_match_the_plain_query_on_postgresql(pg_world, monkeypatch, walk):
    """walk: None lets the sample decide; a number: every search walks that many findings
    (all of the demo's, or too few: then the matches are sorted). The others skip that walk
    for pg_bounded.py's shapes of the title, category and severity orders: "from-first",
    the matches before the first sampled match's value (none: every finding is sampled),
    then a walk from it; "from-first-coarse": a sample of 10 findings, so that matches
    often come before that value; "range": that walk gives up at once, the range up to the
    sampled bound answers; "range-short": its bound lets too few matches through, so the
    matches are sorted."""
    before: list[int] = []
    if isinstance(walk, int):
        monkeypatch.setattr(finding_search, "_pg_walk_budget", lambda _s, _text, _need, _smp=None: walk)
    elif walk is not None:
        monkeypatch.setattr(pg_bounded, "walk_may_answer", lambda *_a: False)
        monkeypatch.setattr(pg_bounded, "SAMPLE", 10 if walk.endswith("coarse") else 1_000_000)
        monkeypatch.setattr(pg_bounded, "MIN_RANK", 1)
        monkeypatch.setattr(pg_bounded, "MARGIN", 1)
        if walk.startswith("range"):
            monkeypatch.setattr(finding_search, "WALK", 1)
        if walk == "range-short":
            monkeypatch.setattr(pg_bounded, "bound", _first_value)
        ranged = pg_bounded._ranged

        def spy_range(*args, inclusive):
            ids = ranged(*args, inclusive=inclusive)
            if not inclusive:
                before.append(len(ids))
            return ids

        monkeypatch.setattr(pg_bounded, "_ranged", spy_range)
    answered: list[bool] = []
    real = pg_bounded.bounded_page

    def spy(*args):
        ids = real(*args)
        answered.append(ids is not None)
        return ids

    monkeypatch.setattr(pg_bounded, "bounded_page", spy)
    first = browse.fetch_findings(pg_world, browse.FindingFilter(text="the"), limit=1)[0]
    checked = 0
    for text in _texts(pg_world):
        filters = [browse.FindingFilter(text=text),
                   browse.FindingFilter(text=text, category=first.category),
                   browse.FindingFilter(text=text, merchant_id=first.merchant_id),
                   browse.FindingFilter(text=text, without_open_case=True)]
        for flt in filters:
            assert browse.search_pages_by_id(pg_world, flt, "title")
            for sort in sorted(k for k in bf.SORTS if k not in ("created_at", "id")):
                for desc in (True, False):
                    expected = _reference(pg_world, flt, sort, desc)
                    for offset, size in ((0, 7), (5, 11), (0, 200)):
                        got = browse.fetch_findings(pg_world, flt, sort=sort, desc=desc,
                                                    offset=offset, limit=size)
                        assert [r.id for r in got] == expected[offset:offset + size], (
                            text, flt, sort, desc, offset)
                    assert browse.sorted_finding_ids(pg_world, flt, sort=sort,
                                                     desc=desc) == expected
                    checked += bool(expected)
    assert checked > 50
    if walk in ("from-first", "from-first-coarse", "range"):
        assert answered.count(True) >= 6
    if walk == "from-first":
        assert before and not any(before)  # the first match's value: nothing before it
    elif walk == "from-first-coarse":
        assert any(before)  # matches before the sampled value, found by the range
    elif walk == "range-short":
        assert answered and not any(answered)  # each page sorted after the bounded query
