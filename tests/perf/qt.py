"""Qt pieces of the GUI benchmarks: the application offscreen, paint detection, a stall meter.

"Painted" means: a paint event reached the watched widget (with rows in its model, when a
model is given) and the event loop iteration that delivered it has returned, so the
pixels are in the backing store.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer, qInstallMessageHandler  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

#: Messages the offscreen platform prints by itself (as tests/ui/conftest.py ignores them).
_QUIET = ("This plugin does not support propagateSizeHints", "This plugin does not support raise")


def _message(_mode, _context, message: str) -> None:
    if not message.startswith(_QUIET):
        sys.stderr.write(message + "\n")


def app() -> QApplication:
    existing = QApplication.instance()
    if existing is not None:
        return existing
    qInstallMessageHandler(_message)
    return QApplication(["inspector-bench"])


def pump(seconds: float = 0.0) -> None:
    """Run the event loop for `seconds` (at least one pass)."""
    app().processEvents(QEventLoop.ProcessEventsFlag.AllEvents)
    if seconds > 0:
        loop = QEventLoop()
        QTimer.singleShot(int(seconds * 1000), loop.quit)
        loop.exec()


def wait_until(condition: Callable[[], bool], timeout: float = 120.0) -> None:
    """Run the event loop until `condition()` (checked every 2 ms) holds."""
    if condition():
        return
    loop = QEventLoop()
    end = time.perf_counter() + timeout
    failed = []

    def check() -> None:
        if condition():
            loop.quit()
        elif time.perf_counter() > end:
            failed.append(True)
            loop.quit()

    timer = QTimer()
    timer.setInterval(2)
    timer.timeout.connect(check)
    timer.start()
    loop.exec()
    timer.stop()
    if failed:
        raise TimeoutError("gave up waiting")


def wait_for_tasks(timeout: float = 600.0) -> None:
    """Until every background task of inspector_app.ui.tasks has finished."""
    from inspector_app.ui import tasks

    wait_until(lambda: not tasks.running_tasks(), timeout)
    pump(0.02)


class PaintWatch(QObject):
    """Notices paint events of a widget (only while its model has rows, when `rows` is given;
    only once `ready()` holds, when that is given)."""

    def __init__(self, widget: QWidget, rows: Callable[[], int] | None = None, *,
                 ready: Callable[[], bool] | None = None) -> None:
        super().__init__()
        self.widget = widget
        self.rows = rows
        self.ready = ready
        self.painted = False
        self._loop: QEventLoop | None = None
        widget.installEventFilter(self)

    def arm(self) -> None:
        self.painted = False

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
        if (
            event.type() == QEvent.Type.Paint
            and (self.rows is None or self.rows() > 0)
            and (self.ready is None or self.ready())
        ):
            if not self.painted and self._loop is not None:
                # Runs after this painting pass (the whole window) has returned.
                QTimer.singleShot(0, self._loop.quit)
            self.painted = True
        return False

    def wait(self, timeout: float = 60.0) -> float:
        """Run the event loop until painted; the perf_counter when the painting pass ended."""
        if not self.painted:
            self._loop = QEventLoop()
            QTimer.singleShot(int(timeout * 1000), self._loop.quit)
            self._loop.exec()
            self._loop = None
        if not self.painted:
            raise TimeoutError(f"{self.widget.objectName()} was not painted")
        return time.perf_counter()

    def close(self) -> None:
        self.widget.removeEventFilter(self)


class StallMeter(QObject):
    """A timer on the GUI thread: the longest gap between its ticks is the longest stall."""

    def __init__(self, interval_ms: int = 5) -> None:
        super().__init__()
        self.interval = interval_ms / 1000
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._tick)
        self.longest = 0.0
        self._last = 0.0

    def start(self) -> None:
        self.longest = 0.0
        self._last = time.perf_counter()
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self._last)
        self._last = now

    def stop(self) -> float:
        self._tick()
        self.timer.stop()
        return self.longest
