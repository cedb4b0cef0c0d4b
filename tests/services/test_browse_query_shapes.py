"""The fast query shapes of services.browse give the same rows as the plain single query.

Counting without joins, capped counts, sorting by a mostly-NULL column in two ordered
parts, and full-text pages walked by rowid are there for speed at a million findings
(tests/perf); here each is checked against the straightforward query on a small demo with
purchases without a product, deleted purchases and findings, and findings in open cases.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from inspector_app.db.models import Finding
from inspector_app.domain.enums import PurchaseStatus, Severity
from inspector_app.domain.errors import ValidationError
from inspector_app.services import browse, purchases
from inspector_app.services import findings as finding_service
from inspector_app.services.browse import findings as bf
from inspector_app.services.browse.common import order
from inspector_app.services.context import SYSTEM, open_context
from inspector_app.services.demo import load_demo


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    ctx = open_context(data_folder=str(tmp_path_factory.mktemp("browse") / "d")).as_actor(SYSTEM)
    load_demo(ctx, seed=5, purchases=300, photos=0)
    some = browse.fetch_purchases(ctx, browse.PurchaseFilter(status=PurchaseStatus.INSPECTED),
                                  limit=40)
    # Purchases without a product (quick entries), with findings, so "product" has NULLs.
    for p in some[:3]:
        data = purchases.PurchaseInput(
            merchant_id=p.merchant_id, order_number=f"NOPROD-{p.id}",
            status=PurchaseStatus.RECEIVED, ordered_at=p.ordered_at, received_at=p.received_at,
        )
        created = purchases.create_purchase(ctx, data)
        for title in ("开线 seam", "色差 colour"):
            finding_service.add_finding(ctx, created.id, finding_service.FindingInput(
                category="product_quality", severity=Severity.MINOR, title=title))
    # A deleted purchase (its findings leave the table) and a few deleted findings.
    # The demo is laid out relative to now, so which purchase is free of open cases varies
    # with the time of day: delete the last one the service allows.
    with_findings = [p for p in some if p.finding_count and p.verdict != "pass"]
    for candidate in reversed(with_findings):
        try:
            purchases.delete_purchase(ctx, candidate.id)
            break
        except ValidationError:
            continue
    else:
        pytest.fail("no purchase with findings outside an open case to delete")
    live = browse.fetch_findings(ctx, browse.FindingFilter(without_open_case=True), limit=5)
    for f in live[:2]:
        finding_service.delete_finding(ctx, f.id)
    yield ctx
    ctx.db.dispose()


def _reference_ids(ctx, flt, sort, desc) -> list[int]:
    """Every matching id in the order of the one plain query (outer joins, ORDER BY)."""
    dialect = ctx.db.engine.dialect.name
    q = bf._base(flt, dialect)
    if sort == "created_at" and bf.fts_phrase(dialect, flt.text) is not None:
        sort = "id"  # a text search in "Recorded" order is id order (see browse.findings)
    q = order(q, bf.SORTS, sort, desc, Finding.id, "created_at")
    with ctx.db.read() as s:
        return [r[0] for r in s.execute(q)]


FILTERS = [
    browse.FindingFilter(),
    browse.FindingFilter(without_open_case=True),
    browse.FindingFilter(deleted=True),
    browse.FindingFilter(category="product_quality"),
    browse.FindingFilter(severity="critical"),
    browse.FindingFilter(text="色差"),  # two characters: LIKE
    browse.FindingFilter(text="colour"),  # full-text
    browse.FindingFilter(text="甲醛含量"),
]


@pytest.mark.parametrize("flt", FILTERS, ids=repr)
def test_counts_match_the_plain_query(world, flt):
    n = len(_reference_ids(world, flt, "id", False))
    assert browse.count_findings(world, flt) == n
    assert browse.count_findings(world, flt, cap=5) == min(n, 5)
    assert browse.count_findings(world, flt, cap=n + 10) == n


def test_counts_by_merchant_inspector_and_shop(world):
    rows = browse.fetch_findings(world, browse.FindingFilter(), limit=1)
    first = rows[0]
    purchase = purchases.get_purchase(world, first.purchase_id)
    for flt in (
        browse.FindingFilter(merchant_id=first.merchant_id),
        browse.FindingFilter(merchant_shop_id=first.merchant_shop_id),
        browse.FindingFilter(inspector_id=purchase.inspector_id),
        browse.FindingFilter(purchase_id=first.purchase_id),
        browse.FindingFilter(merchant_id=first.merchant_id, without_open_case=True),
    ):
        assert browse.count_findings(world, flt) == len(_reference_ids(world, flt, "id", False))


@pytest.mark.parametrize("sort", sorted(bf.SORTS))
@pytest.mark.parametrize("desc", [True, False])
def test_pages_follow_the_plain_order(world, sort, desc):
    for flt in (FILTERS[0], FILTERS[1], FILTERS[6], FILTERS[5], FILTERS[3], FILTERS[4]):
        expected = _reference_ids(world, flt, sort, desc)
        assert expected, flt
        # Pages of several sizes, including ones that straddle the valued/NULL boundary.
        for size in (7, 50, len(expected) + 3):
            got: list[int] = []
            offset = 0
            while offset < len(expected) + size:
                page = browse.fetch_findings(world, flt, sort=sort, desc=desc, offset=offset,
                                             limit=size)
                got.extend(r.id for r in page)
                offset += size
            assert got == expected, (sort, desc, size, flt)


def test_sorting_by_product_puts_findings_without_a_product_at_the_null_end(world):
    asc = browse.fetch_findings(world, browse.FindingFilter(), sort="product", desc=False,
                                limit=3)
    desc = browse.fetch_findings(world, browse.FindingFilter(), sort="product", desc=True,
                                 offset=browse.count_findings(world, browse.FindingFilter()) - 3,
                                 limit=3)
    assert [r.product for r in asc] == ["", "", ""]  # SQLite: NULLs first when ascending
    assert [r.product for r in desc] == ["", "", ""]


def test_full_text_pages_come_newest_first(world):
    rows = browse.fetch_findings(world, browse.FindingFilter(text="colour"), limit=500)
    assert rows and [r.id for r in rows] == sorted((r.id for r in rows), reverse=True)
    with world.db.read() as s:
        every = set(s.scalars(select(Finding.id).where(
            Finding.deleted_at.is_(None),
            Finding.title.contains("colour") | Finding.description.contains("colour")
            | Finding.observed.contains("colour"))))
    assert {r.id for r in rows} <= every


def _reference_purchase_ids(ctx, flt, sort, desc) -> list[int]:
    from inspector_app.db.models import Purchase
    from inspector_app.services.browse import purchases as bp

    q = order(bp._base(flt, ctx.db.engine.dialect.name), bp.SORTS, sort, desc, Purchase.id,
              "ordered_at")
    with ctx.db.read() as s:
        return [r[0] for r in s.execute(q)]


@pytest.mark.parametrize(
    "sort", ["product", "brand", "inspector", "ordered_at", "merchant", "finding_count"]
)
@pytest.mark.parametrize("desc", [True, False])
def test_purchase_pages_follow_the_plain_order(world, sort, desc):
    for flt in (browse.PurchaseFilter(), browse.PurchaseFilter(text="NOPROD"),
                browse.PurchaseFilter(deleted=True), browse.PurchaseFilter(status="received")):
        expected = _reference_purchase_ids(world, flt, sort, desc)
        assert browse.count_purchases(world, flt) == len(expected)
        assert browse.count_purchases(world, flt, cap=2) == min(2, len(expected))
        for size in (5, 64, len(expected) + 1):
            got: list[int] = []
            for offset in range(0, len(expected) + size, size):
                got.extend(r.id for r in browse.fetch_purchases(
                    world, flt, sort=sort, desc=desc, offset=offset, limit=size))
            assert got == expected, (sort, desc, size, flt)


def _text_filters(ctx) -> list:
    first = browse.fetch_findings(ctx, browse.FindingFilter(text="colour"), limit=1)[0]
    return [
        browse.FindingFilter(text="colour"),
        browse.FindingFilter(text="甲醛含量"),
        browse.FindingFilter(text="colour", category="product_quality"),
        browse.FindingFilter(text="colour", without_open_case=True),
        browse.FindingFilter(text="colour", merchant_id=first.merchant_id),
        browse.FindingFilter(text="colour", deleted=True),
    ]


@pytest.mark.parametrize("sort", sorted(bf.SORTS))
@pytest.mark.parametrize("desc", [True, False])
def test_sorted_search_ids_follow_the_plain_order(world, sort, desc):
    """The id list a screen keeps for a sorted search, and pages read from it by id."""
    for flt in _text_filters(world):
        expected = _reference_ids(world, flt, sort, desc)
        assert browse.sorted_finding_ids(world, flt, sort=sort, desc=desc) == expected, flt
        assert browse.sorted_finding_ids(
            world, flt, sort=sort, desc=desc, offset=3, limit=4) == expected[3:7]
        if not flt.deleted:
            rows = browse.fetch_findings_by_id(world, expected[:60])
            assert [r.id for r in rows] == expected[:60]
            assert rows == browse.fetch_findings(world, flt, sort=sort, desc=desc, limit=60)
    assert browse.search_pages_by_id(world, browse.FindingFilter(text="colour"), sort) == (
        sort not in ("created_at", "id"))
    assert not browse.search_pages_by_id(world, browse.FindingFilter(text="色差"), sort)
    assert not browse.search_pages_by_id(world, browse.FindingFilter(), sort)


def test_rows_by_id_leave_out_deleted_findings_and_keep_the_order(world):
    deleted = browse.fetch_findings(world, browse.FindingFilter(deleted=True), limit=1)[0]
    live = browse.fetch_findings(world, browse.FindingFilter(), limit=3)
    ids = [live[2].id, deleted.id, live[0].id, 10**9]
    assert [r.id for r in browse.fetch_findings_by_id(world, ids)] == [live[2].id, live[0].id]
    assert [r.id for r in browse.fetch_findings_by_id(world, ids, deleted=True)] == [deleted.id]
    assert browse.fetch_findings_by_id(world, []) == []


@pytest.mark.parametrize("walk", [10_000, 40])
def test_a_common_words_pages_walked_in_sort_order_match_the_plain_order(world, monkeypatch, walk):
    """At a million findings a common word's page is looked for by walking the sort order
    (finding_search._walked_page); here every search counts as common, and the walk either
    covers the table or gives up early (then the matches are sorted)."""
    from inspector_app.services.browse import finding_search

    monkeypatch.setattr(finding_search, "_walk_budget", lambda _s, _phrase, need: walk)
    answered = []
    real = finding_search._walked_page

    def spy(*args):
        ids = real(*args)
        answered.append(ids is not None)
        return ids

    monkeypatch.setattr(finding_search, "_walked_page", spy)
    for text in ("colour", "seam", "甲醛含量"):
        flt = browse.FindingFilter(text=text)
        for sort in sorted(bf.SORTS):
            for desc in (True, False):
                expected = _reference_ids(world, flt, sort, desc)
                for offset, size in ((0, 5), (5, 7), (0, 200)):
                    page = browse.fetch_findings(world, flt, sort=sort, desc=desc,
                                                 offset=offset, limit=size)
                    assert [r.id for r in page] == expected[offset:offset + size], (
                        text, sort, desc, offset, size)
    assert True in answered  # the walk answered some pages
    if walk == 40:
        assert False in answered  # and gave up on others


def test_the_walk_is_only_for_queries_like_matches_exactly():
    from inspector_app.services.browse.finding_search import _like_is_exact

    assert _like_is_exact("colour") and _like_is_exact("甲醛含量") and _like_is_exact("A-1 ok")
    assert not _like_is_exact("Éclair") and not _like_is_exact("Ωmega")


def test_a_walk_gets_a_budget_only_for_common_words_and_shallow_pages(world, monkeypatch):
    """A walk may look at BUDGET_FACTOR times the findings that evenly spread matches need
    (at most WALK); a rarer search or a page too deep for that is sorted instead."""
    from inspector_app.services.browse import finding_search as fs

    with world.db.read() as s:
        total = s.scalar(select(Finding.id).order_by(Finding.id.desc()).limit(1))
        matches = len(browse.sorted_finding_ids(world, browse.FindingFilter(text="colour")))
        assert matches > 3
        monkeypatch.setattr(fs, "DENSE", 10**6)
        assert fs._walk_budget(s, '"colour"', 10) is None  # not common enough
        monkeypatch.setattr(fs, "DENSE", 3)  # counting stops at DENSE: 3 matches seen
        monkeypatch.setattr(fs, "WALK", 10**9)
        expected = 5 * total // 3  # findings that 5 evenly spread matches need
        assert fs._walk_budget(s, '"colour"', 5) == fs.BUDGET_FACTOR * expected
        monkeypatch.setattr(fs, "WALK", expected + 1)
        assert fs._walk_budget(s, '"colour"', 5) == expected + 1  # capped at WALK
        monkeypatch.setattr(fs, "WALK", expected - 1)
        assert fs._walk_budget(s, '"colour"', 5) is None  # even spread would outrun WALK
