"""The paged table model: qtmodeltester, pages on demand, sorting and filtering in the source."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, insert, select

from inspector_app.db.models import User
from inspector_app.domain import clock
from inspector_app.domain.enums import Role
from inspector_app.services import browse
from inspector_app.ui.i18n import QT_TR_NOOP
from inspector_app.ui.models import (
    ID_ROLE,
    RIGHT,
    ROW_ROLE,
    SORT_ROLE,
    Column,
    PagedTableModel,
    PagedTableView,
    ServiceSource,
    enum_formatter,
)


class FakeSource:
    """100,000 generated rows; filters are "only multiples of n"; counts every query."""

    def __init__(self, total: int = 100_000) -> None:
        self.total = total
        self.fetches: list[tuple] = []
        self.counts = 0

    def _ids(self, filters, sort_key, desc):
        n = (filters or {}).get("multiple_of", 1)
        ids = range(n, self.total + 1, n) if n > 1 else range(1, self.total + 1)
        if sort_key == "name" and desc or sort_key == "id" and desc:
            ids = ids[::-1]
        return ids

    def count(self, filters):
        self.counts += 1
        return len(self._ids(filters, None, False))

    def fetch(self, filters, sort_key, sort_desc, offset, limit):
        self.fetches.append((sort_key, sort_desc, offset, limit))
        ids = self._ids(filters, sort_key, sort_desc)[offset : offset + limit]
        return [(i, f"row {i:06d}", i * 10, datetime(2026, 1, 1, tzinfo=UTC)) for i in ids]

    def row_id(self, row):
        return row[0]


COLUMNS = [
    Column("id", QT_TR_NOOP("Id"), field=0, sort_key="id", align=RIGHT, width=60),
    Column("name", QT_TR_NOOP("Name"), field=1, sort_key="name"),
    Column("amount", QT_TR_NOOP("Amount"), field=2, align=RIGHT),
    Column("when", QT_TR_NOOP("When"), field=3),
]


def test_qtmodeltester_on_100k_rows(qtmodeltester):
    source = FakeSource()
    model = PagedTableModel(source, COLUMNS)
    qtmodeltester.check(model)
    assert model.total == 100_000
    assert model.rowCount() <= 1000  # a few pages, never everything
    # Re-queries are resets the tester watches too.
    model.sort(1, Qt.SortOrder.DescendingOrder)
    model.set_filters({"multiple_of": 7})
    model.fetchMore()
    model.refresh()
    assert model.total == 100_000 // 7


def test_first_page_then_more_on_demand():
    source = FakeSource()
    model = PagedTableModel(source, COLUMNS, page_size=200)
    assert model.rowCount() == 200
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 400
    assert source.fetches[-1] == (None, False, 200, 200)
    assert model.index(399, 1).data() == "row 000400"


def test_roles_and_headers():
    model = PagedTableModel(FakeSource(), COLUMNS)
    index = model.index(4, 2)
    assert index.data() == "50"
    assert index.data(SORT_ROLE) == 50
    assert index.data(ID_ROLE) == 5
    assert index.data(ROW_ROLE)[1] == "row 000005"
    assert index.data(Qt.ItemDataRole.TextAlignmentRole) == int(RIGHT.value)
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Name"
    assert model.headerData(1, Qt.Orientation.Vertical) is None


def test_sort_requeries_the_source_and_ignores_unsortable_columns():
    source = FakeSource()
    model = PagedTableModel(source, COLUMNS)
    model.rowCount()
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert source.fetches[-1][:3] == ("name", True, 0)
    assert model.index(0, 0).data(ID_ROLE) == 100_000
    fetches = len(source.fetches)
    model.sort(2, Qt.SortOrder.AscendingOrder)  # amount has no sort key
    assert len(source.fetches) == fetches


def test_filters_and_refresh_keep_the_fetched_rows():
    source = FakeSource()
    model = PagedTableModel(source, COLUMNS)
    model.set_filters({"multiple_of": 1000})
    assert model.total == 100 and model.rowCount() == 100 and not model.canFetchMore()
    model.set_filters(None)
    model.fetchMore()
    model.fetchMore()
    assert model.rowCount() == 600
    model.refresh()
    assert model.rowCount() == 600  # the scroll position survives a refresh
    assert model.row_of_id(600) == 599


def test_view_fetches_pages_as_it_scrolls(qtbot):
    source = FakeSource()
    model = PagedTableModel(source, COLUMNS)
    view = PagedTableView("fake")
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(600, 400)
    view.show()
    qtbot.waitExposed(view)
    first = model.rowCount()
    view.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() > first, timeout=2000)
    assert model.rowCount() < 100_000


def test_view_header_click_sorts_in_the_source_and_layout_is_saved(qtbot, settings):
    source = FakeSource()
    model = PagedTableModel(source, COLUMNS)
    view = PagedTableView("fake", settings)
    qtbot.addWidget(view)
    view.setModel(model)
    view.show()
    view.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert (model.sort_key, model.sort_desc) == ("name", True)
    view.setColumnWidth(1, 333)
    view.hide()  # saves the header layout
    assert not settings.column_layout("fake").isEmpty()

    again = PagedTableView("fake", settings)
    qtbot.addWidget(again)
    model2 = PagedTableModel(FakeSource(), COLUMNS)
    again.setModel(model2)
    assert again.columnWidth(1) == 333
    assert (model2.sort_key, model2.sort_desc) == ("name", True)


def test_view_selected_ids(qtbot):
    view = PagedTableView("fake")
    qtbot.addWidget(view)
    view.setModel(PagedTableModel(FakeSource(), COLUMNS))
    view.selectRow(2)
    assert view.selected_ids() == [3]
    assert view.current_id() == 3


# -- a real SQLite table ---------------------------------------------------------------


class UserSource:
    """A page source over the users table (what services/browse modules do for real tables)."""

    SORTS = {"name": User.display_name, "id": User.id}

    def __init__(self, ctx):
        self.ctx = ctx

    def count(self, filters):
        with self.ctx.db.read() as s:
            return s.scalar(select(func.count()).select_from(User))

    def fetch(self, filters, sort_key, sort_desc, offset, limit):
        col = self.SORTS.get(sort_key or "id")
        order = (col.desc(), User.id.desc()) if sort_desc else (col.asc(), User.id.asc())
        with self.ctx.db.read() as s:
            return s.execute(
                select(User.id, User.display_name, User.role).order_by(*order).offset(offset).limit(limit)
            ).all()

    def row_id(self, row):
        return row.id


@pytest.fixture
def many_users(ctx):
    now = clock.now()
    with ctx.db.write() as s:
        s.execute(
            insert(User),
            [
                {"display_name": f"用户 {i:04d}", "role": Role.INSPECTOR, "active": True, "created_at": now, "updated_at": now}
                for i in range(450)
            ],
        )
    return ctx


def test_qtmodeltester_on_a_real_sqlite_table(qtmodeltester, many_users):
    columns = [
        Column("id", QT_TR_NOOP("Id"), sort_key="id", align=RIGHT),
        Column("display_name", QT_TR_NOOP("Name"), sort_key="name"),
        Column("role", QT_TR_NOOP("Role")),
    ]
    model = PagedTableModel(UserSource(many_users), columns, page_size=200)
    qtmodeltester.check(model)
    assert model.total == 450
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 450
    model.sort(1, Qt.SortOrder.DescendingOrder)  # a reset, watched by the tester
    assert model.index(0, 1).data() == "用户 0449"
    assert model.index(0, 2).data() == "Inspector"  # enum shown by its label


def test_qtmodeltester_on_a_sorted_sqlite_table(qtmodeltester, many_users):
    columns = [Column("display_name", QT_TR_NOOP("Name"), sort_key="name")]
    model = PagedTableModel(UserSource(many_users), columns, sort_key="name", sort_desc=True)
    qtmodeltester.check(model)
    assert model.index(0, 0).data() == "用户 0449"


def test_service_source_over_browse_purchases(qtmodeltester, ctx, users):
    from PySide6.QtCore import QLocale

    from inspector_app.domain.enums import PurchaseStatus
    from tests.services.builders import make_merchant, make_purchase

    insp = ctx.as_actor(users[Role.INSPECTOR])
    shop = make_merchant(insp, "shop-1", "Acme")
    for _ in range(3):
        make_purchase(insp, shop.id)
    source = ServiceSource(lambda: insp, browse.count_purchases, browse.fetch_purchases)
    columns = [
        Column("order_number", QT_TR_NOOP("Order"), sort_key="order_number"),
        Column("merchant", QT_TR_NOOP("Merchant"), sort_key="merchant"),
        Column("status", QT_TR_NOOP("Status"), sort_key="status", formatter=enum_formatter(PurchaseStatus)),
        Column("finding_count", QT_TR_NOOP("Findings"), sort_key="finding_count", align=RIGHT),
    ]
    model = PagedTableModel(source, columns, filters=browse.PurchaseFilter())
    qtmodeltester.check(model)
    assert model.rowCount() == 3
    assert model.index(0, 1).data() == "Acme"
    assert model.index(0, 3).data() == QLocale().toString(0)
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert model.sort_key == "order_number"
