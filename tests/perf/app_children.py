"""Processes the start-up and memory items launch: `python -m tests.perf.app_children MODE ...`.

Modes (each prints one JSON line and exits at once):

* `app DIR T0`   - start the real application on DIR; seconds from T0 (time.monotonic()
  taken by the parent before launching us) until the main window's first paint, and which
  heavy libraries were imported by then;
* `bare T0`      - the baseline: import sqlalchemy.orm, a bare QApplication and QMainWindow
  shown, until its first paint;
* `visit DIR`    - open the main window on DIR, visit every screen (waiting for each one's
  background work), then the resident memory;
* `load_all DIR` - the baseline: a view over a model holding every live finding's row.
"""

from __future__ import annotations

import json
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

#: Libraries that must not be imported before they are needed (docs/performance.md).
LAZY = ("openpyxl", "reportlab", "PIL")
#: Other heavy imports worth knowing about at start-up.
WATCHED = (*LAZY, "alembic", "sqlalchemy.orm", "lxml", "numpy", "pillow_heif")


def _emit(payload: dict) -> None:
    sys.stdout.write(json.dumps(payload) + "\n")
    sys.stdout.flush()


def _first_paint_then(report) -> None:
    """Call `report()` once the first main window shown has gone through its first paint.

    The event filter sits on that window alone, installed as it is shown. An application-wide
    Python filter (as before) receives every event of every object, and converting some of
    those objects to Python made PySide6 create the classes and enums of most of QtWidgets
    (~140 enum types the application never uses at start: QWizard's, QFileDialog's,
    QGraphicsItem's...): ~27 ms CPU more for the application's start, ~5 ms for the bare
    window, a cost no user pays. A window's own paint event opens its painting pass (a parent
    paints before its children), and `report()` still runs after that whole pass.
    """
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QMainWindow

    class FirstPaint(QObject):
        fired = False

        def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
            if not self.fired and event.type() == QEvent.Type.Paint:
                self.fired = True
                QTimer.singleShot(0, report)  # after this painting pass
            return False

    watcher = FirstPaint()
    real_show = QMainWindow.show

    def show(window: QMainWindow) -> None:
        QMainWindow.show = real_show
        window.installEventFilter(watcher)
        real_show(window)

    QMainWindow.show = show
    _first_paint_then.keep = watcher  # type: ignore[attr-defined]


def _quiet(_mode, _context, message: str) -> None:
    if "does not support" not in message:
        sys.stderr.write(message + "\n")


def app_start(folder: str, t0: float, profile: bool) -> None:
    # The application's module first, as `inspector-app` and `python -m inspector_app` do:
    # it imports its Qt-free layers before PySide6 (whose import hook slows every later import).
    from inspector_app.ui.app import main

    # isort: split
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    qInstallMessageHandler(_quiet)
    qapp = QApplication(["inspector-app"])

    def report() -> None:
        took = time.monotonic() - t0
        _emit({"seconds": took, "imported": [m for m in WATCHED if m in sys.modules]})
        if profile:
            qapp.quit()  # let main() return so the profiler can write its report
        else:
            os._exit(0)

    _first_paint_then(report)
    main(["inspector-app", "--data-dir", folder])


def timeline(folder: str, t0: float) -> None:
    """Like `app`, with the time each start-up step took (the why of the start-up row)."""
    marks: list[tuple[str, float]] = [("interpreter start to this script", time.monotonic())]

    def mark(label: str) -> None:
        marks.append((label, time.monotonic()))

    import sqlalchemy.orm  # noqa: F401 - as much as the baseline imports

    mark("import sqlalchemy.orm (as the baseline)")
    import inspector_app.ui.app as app_module

    mark("import inspector_app.ui.app (the rest: services, PySide6, UI base)")
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    qInstallMessageHandler(_quiet)
    qapp = QApplication(["inspector-app"])
    mark("QApplication")

    def wrap(owner, name: str, label: str) -> None:
        real = getattr(owner, name)

        def timed_call(*args, **kwargs):
            mark(f"before {label}")
            try:
                return real(*args, **kwargs)
            finally:
                mark(label)

        setattr(owner, name, timed_call)

    wrap(app_module, "open_context", "open the database")
    wrap(app_module, "count_users", "count users")
    wrap(app_module, "create_main_window",
         "restore the user, build the main window and its first screen")

    def report() -> None:
        mark("show and first paint")
        steps = []
        last = t0
        for label, at in marks:
            if label.startswith("before "):
                label = "main(): logging, fonts, translator, settings before " + label[7:]
            steps.append((label, round((at - last) * 1000)))
            last = at
        _emit({"seconds": time.monotonic() - t0, "steps": steps})
        os._exit(0)

    _first_paint_then(report)
    app_module.main(["inspector-app", "--data-dir", folder])
    qapp.quit()


def bare_start(t0: float) -> None:
    import sqlalchemy.orm  # noqa: F401 - part of the baseline's cost
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication, QMainWindow

    qInstallMessageHandler(_quiet)
    qapp = QApplication(["inspector-app"])

    def report() -> None:
        _emit({"seconds": time.monotonic() - t0, "imported": []})
        os._exit(0)

    _first_paint_then(report)
    window = QMainWindow()
    window.resize(1280, 800)
    window.show()
    qapp.exec()


def _rss() -> dict:
    out = {}
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(("VmRSS:", "VmHWM:")):
                out[line.split(":")[0]] = int(line.split()[1]) * 1024
    return out


def visit(folder: str) -> None:
    from inspector_app.services.context import open_context
    from inspector_app.ui.app import create_main_window, install_cjk_font
    from inspector_app.ui.screens import SCREENS
    from inspector_app.ui.settings import LAST_SCREEN, AppSettings
    from tests.perf import qt

    qapp = qt.app()
    install_cjk_font(qapp)
    ctx = open_context(data_folder=folder)
    settings_file = os.path.join(folder, "bench-visit-settings.ini")
    if os.path.exists(settings_file):
        os.remove(settings_file)
    settings = AppSettings.at(__import__("pathlib").Path(settings_file))
    settings.set(LAST_SCREEN, "dashboard")
    _state, window = create_main_window(ctx, settings)
    window.show()
    timings = {}
    for name in SCREENS:
        start = time.perf_counter()
        window.navigate(name)
        qt.pump(0.2)
        qt.wait_for_tasks()
        qt.pump(0.1)
        timings[name] = round(time.perf_counter() - start, 2)
    _emit({**_rss(), "screens": timings})
    os._exit(0)


def load_all(folder: str) -> None:
    """Every live finding's page row in memory, in a model, in a shown table view."""
    import sqlite3

    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
    from PySide6.QtWidgets import QTableView

    from tests.perf import qt

    qapp = qt.app()
    conn = sqlite3.connect(os.path.join(folder, "inspector.sqlite3"))
    rows = conn.execute(
        "SELECT f.id, f.uid, f.created_at, p.id, p.order_number, m.id, m.shop_id, m.name,"
        " pr.name, f.category, f.severity, f.title FROM findings f"
        " JOIN purchases p ON p.id = f.purchase_id JOIN merchants m ON m.id = p.merchant_id"
        " LEFT JOIN products pr ON pr.id = p.product_id"
        " WHERE f.deleted_at IS NULL AND p.deleted_at IS NULL ORDER BY f.created_at DESC"
    ).fetchall()

    class AllRows(QAbstractTableModel):
        def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
            return 0 if parent.isValid() else len(rows)

        def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
            return 0 if parent.isValid() else 12

        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            if role == Qt.ItemDataRole.DisplayRole:
                return str(rows[index.row()][index.column()])
            return None

    view = QTableView()
    view.setModel(AllRows())
    view.resize(1280, 800)
    view.show()
    qt.pump(0.3)
    _emit({**_rss(), "rows": len(rows)})
    qapp.processEvents()
    os._exit(0)


def main(argv: list[str]) -> None:
    mode = argv[0]
    if mode == "app":
        app_start(argv[1], float(argv[2]), profile=len(argv) > 3 and argv[3] == "profile")
    elif mode == "timeline":
        timeline(argv[1], float(argv[2]))
    elif mode == "bare":
        bare_start(float(argv[1]))
    elif mode == "visit":
        visit(argv[1])
    elif mode == "load_all":
        load_all(argv[1])
    else:
        raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main(sys.argv[1:])
