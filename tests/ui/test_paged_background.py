"""The paged model's background reload: old rows stay, the GUI keeps running, the latest request wins."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import Qt, QTimer

from inspector_app.domain.errors import InspectorError
from inspector_app.ui import tasks
from inspector_app.ui.models import ID_ROLE, PagedTableModel
from tests.ui.test_paged_model import COLUMNS, FakeSource

DESC = Qt.SortOrder.DescendingOrder


class GatedSource(FakeSource):
    """A FakeSource whose first-page fetches wait for a gate per sort key (a slow SQL sort)."""

    def __init__(self, total: int = 10_000) -> None:
        super().__init__(total)
        self.gates: dict[str | None, threading.Event] = {}
        self.threads: set[str] = set()
        self.waiting: list[str | None] = []

    def fetch(self, filters, sort_key, sort_desc, offset, limit):
        self.threads.add(threading.current_thread().name)
        gate = self.gates.get(sort_key)
        if gate is not None and offset == 0:
            self.waiting.append(sort_key)
            assert gate.wait(10), "the test never opened the gate"
        if sort_key == "boom":
            raise InspectorError("The database is locked")
        return super().fetch(filters, sort_key, sort_desc, offset, limit)


def busy_log(model: PagedTableModel) -> list[bool]:
    seen: list[bool] = []
    model.busy_changed.connect(seen.append)
    return seen


def test_inline_tasks_behave_as_before(inline_tasks, qtmodeltester):
    source = FakeSource()
    model = PagedTableModel(source, COLUMNS, background=True)
    qtmodeltester.check(model)
    seen = busy_log(model)
    model.sort(1, DESC)
    assert model.index(0, 0).data(ID_ROLE) == 100_000  # applied before sort() returned
    model.set_filters({"multiple_of": 7})
    assert model.total == 100_000 // 7 and model.rowCount() == 200
    model.fetchMore()
    assert model.rowCount() == 400
    assert seen == [True, False, True, False]


def test_the_first_load_stays_synchronous():
    model = PagedTableModel(FakeSource(), COLUMNS, background=True)
    model.set_filters({"multiple_of": 1000})  # nothing loaded yet: queried here, no task
    assert not model.busy and model.total == 100


def test_gui_keeps_running_and_old_rows_stay_during_a_slow_sort(qtbot, qtmodeltester):
    source = GatedSource()
    model = PagedTableModel(source, COLUMNS, background=True)
    qtmodeltester.check(model)
    seen = busy_log(model)
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    source.gates["name"] = gate = threading.Event()
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(model.index(0, 0).data(ID_ROLE)))

    source.threads.clear()
    model.sort(1, DESC)
    assert model.busy and seen == [True]
    assert model.index(0, 0).data(ID_ROLE) == 1  # the old rows are still shown
    assert not model.canFetchMore()  # no page of the new order over the old rows
    qtbot.waitUntil(lambda: len(ticks) >= 5, timeout=3000)  # the event loop runs meanwhile
    assert model.busy and resets == []
    gate.set()
    qtbot.waitUntil(lambda: not model.busy, timeout=5000)
    assert seen == [True, False] and resets == [10_000]
    assert model.sort_key == "name" and model.canFetchMore()
    assert threading.current_thread().name not in source.threads  # the query ran on a worker
    timer.stop()


def test_a_second_sort_wins_over_a_slower_first(qtbot, qtmodeltester):
    source = GatedSource()
    model = PagedTableModel(source, COLUMNS, background=True)
    qtmodeltester.check(model)
    seen = busy_log(model)
    resets: list[tuple] = []
    model.modelReset.connect(lambda: resets.append((model.sort_key, model.index(0, 0).data(ID_ROLE))))
    source.gates["name"] = slow = threading.Event()

    model.sort(1, DESC)  # by name, descending: held at the gate
    qtbot.waitUntil(lambda: source.waiting == ["name"], timeout=3000)
    model.sort(0, Qt.SortOrder.AscendingOrder)  # by id: answers at once
    qtbot.waitUntil(lambda: resets == [("id", 1)], timeout=5000)
    assert not model.busy and seen == [True, False]
    slow.set()  # the first result arrives late...
    qtbot.waitUntil(lambda: not tasks.running_tasks(), timeout=5000)
    qtbot.wait(50)
    assert resets == [("id", 1)]  # ...and is dropped
    assert model.sort_key == "id" and model.index(0, 0).data(ID_ROLE) == 1
    assert seen == [True, False]


def test_a_failed_reload_keeps_the_old_rows_and_reports(qtbot):
    source = GatedSource()
    model = PagedTableModel(source, COLUMNS, background=True)
    errors: list[BaseException] = []
    model.set_background(True, on_error=errors.append)
    model.rowCount()
    model.set_sort("boom", True)
    qtbot.waitUntil(lambda: not model.busy, timeout=5000)
    assert [str(e) for e in errors] == ["The database is locked"]
    assert model.sort_key is None and not model.sort_desc  # back to the rows' own query
    assert model.index(0, 0).data(ID_ROLE) == 1 and model.canFetchMore()


def test_a_synchronous_refresh_supersedes_a_running_reload(qtbot):
    source = GatedSource()
    model = PagedTableModel(source, COLUMNS, background=True)
    model.rowCount()
    source.gates["name"] = gate = threading.Event()
    seen = busy_log(model)
    model.sort(1, DESC)
    source.gates.pop("name")
    model.refresh()  # e.g. after an edit: queries the latest order at once
    assert not model.busy and seen == [True, False]
    assert model.index(0, 0).data(ID_ROLE) == 10_000
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    gate.set()
    qtbot.waitUntil(lambda: not tasks.running_tasks(), timeout=5000)
    qtbot.wait(50)
    assert resets == [] and seen == [True, False]
