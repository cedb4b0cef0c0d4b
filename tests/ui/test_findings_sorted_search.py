"""A sorted full-text search keeps its sorted id list: later pages are rows read by id.

The findings model sorts every match once on a worker after a sorted search's first page;
scrolling then reads rows by id (no search query on the GUI thread), and a refresh after a
change sorts the matches again.
"""

from __future__ import annotations

from contextlib import contextmanager

from PySide6.QtCore import Qt
from sqlalchemy import event

from inspector_app.domain.enums import Role
from inspector_app.services import browse, findings
from inspector_app.services.findings import FindingInput
from inspector_app.ui import tasks
from inspector_app.ui.findings.columns import FindingsModel
from tests.ui.findings_world import make_world

STITCHES = ["stitch loose at hem", "Broken stitch", "zigzag stitch skipped", "stitch colour off",
            "a stitch missing", "Stitch line crooked", "mended stitch frays"]


@contextmanager
def statements(ctx):
    seen: list[str] = []

    def before(_conn, _cursor, statement, *_args) -> None:
        seen.append(statement)

    event.listen(ctx.db.engine, "before_cursor_execute", before)
    try:
        yield seen
    finally:
        event.remove(ctx.db.engine, "before_cursor_execute", before)


def test_pages_of_a_sorted_search_come_from_its_kept_id_list(qtbot, ctx, users):
    world = make_world(ctx, users)
    insp = ctx.as_actor(users[Role.INSPECTOR])
    for title in STITCHES:
        findings.add_finding(insp, world.acme_purchase, FindingInput(
            category="product_quality", severity="minor", title=title))
    manager = ctx.as_actor(users[Role.QUALITY_MANAGER])
    model = FindingsModel(lambda: manager, page_size=3)
    model.set_background(True)
    source = model.findings_source
    flt = browse.FindingFilter(text="stitch")
    model.set_filters(flt)  # the first load is synchronous
    qtbot.waitUntil(lambda: not tasks.running_tasks(), timeout=5000)
    assert model.rowCount() == 3
    assert not source.has_ids(source.query_key(flt, "created_at", True))  # rowid order pages

    model.sort(model.column_index("title"))
    qtbot.waitUntil(lambda: not model.busy, timeout=5000)
    key = source.query_key(flt, "title", False)
    qtbot.waitUntil(lambda: source.has_ids(key) and not tasks.running_tasks(), timeout=5000)
    expected = sorted(STITCHES)  # titles differ in case: SQLite orders by code point
    assert [model.row_object(r).title for r in range(3)] == expected[:3]
    with statements(ctx) as sql:
        while model.canFetchMore():
            model.fetchMore()
    assert [model.row_object(r).title for r in range(model.rowCount())] == expected
    assert sql and not any("MATCH" in s for s in sql)  # rows by id, no search query

    # A change: the refresh sorts the matches again, the new finding in its place.
    findings.add_finding(insp, world.beta_purchase, FindingInput(
        category="product_quality", severity="minor", title="Another stitch"))
    model.refresh()
    assert model.row_object(0).title == "Another stitch"
    qtbot.waitUntil(lambda: source.has_ids(key) and not tasks.running_tasks(), timeout=5000)
    while model.canFetchMore():
        model.fetchMore()
    assert [model.row_object(r).title for r in range(model.rowCount())] == sorted(
        [*STITCHES, "Another stitch"])

    # Another sort keeps its own list; the first one's pages are not used for it.
    model.sort(model.column_index("title"), Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: not model.busy, timeout=5000)
    assert model.row_object(0).title == max([*STITCHES, "Another stitch"])
    qtbot.waitUntil(lambda: source.has_ids(source.query_key(flt, "title", True)), timeout=5000)
    qtbot.waitUntil(lambda: not tasks.running_tasks(), timeout=5000)
