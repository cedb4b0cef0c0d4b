"""The Findings screen on the big database, with the real widgets offscreen.

Three items: opening the screen until its first page is painted, a full-text search until
its results are painted, and sorting by each visible column until the new order is
painted. Each baseline is the page query the product sent in that run, replayed in plain
sqlite3 (tests/perf/sqlreplay.py). The goals are absolute times on this machine.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from tests.perf import qt
from tests.perf.bigdb import raw_connection
from tests.perf.harness import Result, diagnose, median, ms, profile_path, profiled, runs
from tests.perf.sqlreplay import capture, page_queries, replay

logger = logging.getLogger(__name__)

#: The screen the window starts on before each measurement (nothing to load).
BLANK = "bench_blank"
#: Full-text queries: a common English word, a Chinese phrase, a rarer Chinese phrase.
SEARCHES = ("the", "甲醛含量", "安全座椅卡扣")
#: A 1-2 character query is answered by LIKE on the table (trigram cannot); shown, no goal.
SHORT_SEARCH = "开胶"


class Bench:
    """A context on the cached database and main windows over it."""

    def __init__(self, folder: Path) -> None:
        from PySide6.QtWidgets import QWidget

        from inspector_app.services.context import open_context
        from inspector_app.ui.screens import register_screen

        qt.app()
        self.folder = folder
        self.ctx = open_context(data_folder=str(folder))
        self.raw = raw_connection(folder)
        register_screen(BLANK, lambda env: QWidget(), "Benchmark")
        self.settings_file = folder / "bench-settings.ini"

    def window(self, last: str = BLANK):
        from inspector_app.ui.app import create_main_window
        from inspector_app.ui.settings import LAST_SCREEN, AppSettings

        self.settings_file.unlink(missing_ok=True)
        settings = AppSettings.at(self.settings_file)
        settings.set(LAST_SCREEN, last)
        _state, window = create_main_window(self.ctx, settings)
        window.show()
        qt.wait_for_tasks()
        qt.pump(0.05)
        return window

    def close(self, window) -> None:
        qt.wait_for_tasks()
        window.close()
        window.deleteLater()
        qt.pump(0.02)

    def dispose(self) -> None:
        self.raw.close()
        self.ctx.db.dispose()


def _table(screen):
    return screen.view.table


def _shows(model, *, text: str | None = None, sort_key: str | None = None,
           sort_desc: bool | None = None) -> bool:
    """Whether the rows on show answer what was asked for (search text, sort); a search
    with no match counts too (its empty table is what the user sees).

    `model.applied` is the query of the rows on show: it changes when a background reload's
    rows replace the old ones, not when the reload is requested (as `filters`/`sort_key` do).
    """
    filters, key, desc = model.applied
    if model.busy:
        return False
    if text is not None and (filters.text or "") != text:
        return False
    return sort_key is None or (key, desc) == (sort_key, sort_desc)


def first_page(folder: Path, sz) -> Result:
    """Open the Findings screen in a fresh main window; time until the first page is painted."""
    from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer

    b = Bench(folder)
    ours: list[float] = []
    base: list[float] = []

    class ViewportPainted(QObject):
        """App-wide: the findings table's viewport painted with rows (the screen is new)."""

        def __init__(self) -> None:
            super().__init__()
            self.loop = QEventLoop()
            self.done = False

        def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
            if self.done or event.type() != QEvent.Type.Paint:
                return False
            parent = obj.parent()
            if parent is not None and parent.objectName() == "table_findings":
                model = parent.model()
                if model is not None and model.rowCount() > 0:
                    self.done = True
                    QTimer.singleShot(0, self.loop.quit)
            return False

    try:
        for run in range(runs() + 1):
            window = b.window()
            watch = ViewportPainted()
            qt.app().installEventFilter(watch)
            with capture(b.ctx.db.engine) as sql:
                start = time.perf_counter()
                window.navigate("findings")
                if not watch.done:
                    QTimer.singleShot(60_000, watch.loop.quit)
                    watch.loop.exec()
                took = time.perf_counter() - start
            qt.app().removeEventFilter(watch)
            if not watch.done:
                raise TimeoutError("the findings table was never painted")
            pages = page_queries(sql)
            if run:  # the first run warms caches
                ours.append(took)
                base.append(median([replay(b.raw, pages) for _ in range(3)]))
            b.close(window)
        o, bl = median(ours), median(base)
        notes = [
            "fresh main window each run, from a blank screen to the findings table painted "
            "(the exact count follows in a background task)",
            f"baseline: the page query the screen sent ({len(pages)} statement), raw sqlite3",
        ]
        return Result(
            "findings_first_page", "open the Findings screen, first page painted",
            ms(o), ms(bl), f"{o / bl:.1f}x", "< 100 ms", o < 0.100, notes,
            {"ours": ours, "baseline": base},
        )
    finally:
        b.dispose()


def _search_once(screen, text: str) -> float:
    view = screen.view
    watch = qt.PaintWatch(
        _table(screen).viewport(), ready=lambda: _shows(view.model, text=text)
    )
    try:
        start = time.perf_counter()
        view.filter_bar.search.setText(text)
        view.filter_bar.search.flush()  # as Enter does (no typing pause)
        end = watch.wait()
    finally:
        watch.close()
    return end - start


def search(folder: Path, sz) -> Result:
    """Type a query and press Enter on the open Findings screen; time until results paint."""
    b = Bench(folder)
    try:
        window = b.window()
        screen = window.navigate("findings")
        qt.wait_until(lambda: _table(screen).model().rowCount() > 0)
        per_query: dict[str, tuple[list[float], list[float]]] = {}
        for text in (*SEARCHES, SHORT_SEARCH):
            ours: list[float] = []
            base: list[float] = []
            for run in range(runs() + 1):
                _clear_search(screen)
                with capture(b.ctx.db.engine) as sql:
                    took = _search_once(screen, text)
                if run:
                    ours.append(took)
                    base.append(median([replay(b.raw, page_queries(sql)) for _ in range(3)]))
            per_query[text] = (ours, base)
        b.close(window)
        worst = max(SEARCHES, key=lambda t: median(per_query[t][0]))
        o, bl = median(per_query[worst][0]), median(per_query[worst][1])
        notes = ["Enter in the search box until the table shows the results; per query "
                 "(ours / raw page query): " + ", ".join(
                     f"'{t}' {ms(median(per_query[t][0]))} / {ms(median(per_query[t][1]))}"
                     for t in SEARCHES)]
        so, sb = per_query[SHORT_SEARCH]
        notes.append(f"2-character '{SHORT_SEARCH}' (LIKE, no goal): {ms(median(so))} / "
                     f"{ms(median(sb))}")
        notes.append(f"row shows the slowest query, '{worst}'")
        return Result(
            "findings_search", "full-text search in findings, results painted",
            ms(o), ms(bl), f"{o / bl:.1f}x", "< 100 ms", o < 0.100, notes,
            {k: v[0] for k, v in per_query.items()},
        )
    finally:
        b.dispose()


def _filtered_sorts(ctx, keys: list[str]) -> list[str]:
    """For a few filters, the slowest sort of the first page (median of 3 service calls)."""
    from inspector_app.services import browse

    out = []
    for label, flt in (
        ("category", browse.FindingFilter(category="product_quality")),
        ("not in a case", browse.FindingFilter(without_open_case=True)),
        ("search '甲醛含量'", browse.FindingFilter(text="甲醛含量")),
        ("search 'the'", browse.FindingFilter(text="the")),
        (f"search '{SHORT_SEARCH}' (LIKE)", browse.FindingFilter(text=SHORT_SEARCH)),
    ):
        times = {}
        for key in keys:
            for desc in (False, True):
                runs = []
                for _ in range(3):
                    start = time.perf_counter()
                    browse.fetch_findings(ctx, flt, sort=key, desc=desc, limit=200)
                    runs.append(time.perf_counter() - start)
                times[f"{key} {'desc' if desc else 'asc'}"] = median(runs)
        slowest = max(times, key=times.get)
        out.append(f"{label}: {slowest} {ms(times[slowest])}")
    return out


def _clear_search(screen) -> None:
    bar = screen.view.filter_bar
    if bar.search.text():
        watch = qt.PaintWatch(
            _table(screen).viewport(), ready=lambda: _shows(screen.view.model, text="")
        )
        bar.search.setText("")
        bar.search.flush()
        watch.wait()
        watch.close()
    qt.wait_for_tasks()


def sort(folder: Path, sz) -> Result:
    """Click each column header (ascending and descending); time until the new order paints."""
    from PySide6.QtCore import Qt

    b = Bench(folder)
    try:
        window = b.window()
        screen = window.navigate("findings")
        table = _table(screen)
        model = table.model()
        qt.wait_until(lambda: model.rowCount() > 0)
        qt.wait_for_tasks()
        results: dict[str, tuple[list[float], list[float]]] = {}
        for i, col in enumerate(model.columns):
            if col.sort_key is None:
                continue
            for desc in (False, True, False, True) + (False, True) * runs():
                order = Qt.SortOrder.DescendingOrder if desc else Qt.SortOrder.AscendingOrder
                if model.sort_key == col.sort_key and model.sort_desc == desc:
                    continue
                watch = qt.PaintWatch(
                    table.viewport(),
                    ready=lambda k=col.sort_key, d=desc: _shows(model, sort_key=k, sort_desc=d),
                )
                with capture(b.ctx.db.engine) as sql:
                    start = time.perf_counter()
                    table.sortByColumn(i, order)
                    end = watch.wait()
                watch.close()
                key = f"{col.key} {'desc' if desc else 'asc'}"
                ours, base = results.setdefault(key, ([], []))
                ours.append(end - start)
                base.append(median([replay(b.raw, page_queries(sql)) for _ in range(3)]))
                qt.wait_for_tasks()
        # The first two of each direction warmed up (page cache, statement cache).
        results = {k: (o[2:], bl[2:]) for k, (o, bl) in results.items()}
        worst = max(results, key=lambda k: median(results[k][0]))
        o, bl = median(results[worst][0]), median(results[worst][1])
        if diagnose(o < 0.200):
            with profiled("findings_sort"):
                col = worst.split()[0]
                table.sortByColumn(model.column_index(col), Qt.SortOrder.AscendingOrder)
                qt.pump(0.1)
        b.close(window)
        filtered = _filtered_sorts(b.ctx, [c.sort_key for c in model.columns if c.sort_key])
        notes = [
            f"slowest of {len(results)} column/direction pairs: {worst}; each: "
            + ", ".join(f"{k} {ms(median(v[0]))}" for k, v in results.items()),
            "baseline: that sort's page query as sent, raw sqlite3",
            "with a filter (the page query through the service, no goal; slowest sort): "
            + "; ".join(filtered),
        ]
        if diagnose(o < 0.200):
            notes.append(f"profile: {profile_path('findings_sort')}")
        return Result(
            "findings_sort", "sort the findings table by any visible column",
            ms(o), ms(bl), f"{o / bl:.1f}x", "< 200 ms", o < 0.200, notes,
            {k: v[0] for k, v in results.items()},
        )
    finally:
        b.dispose()
