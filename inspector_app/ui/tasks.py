"""Long work off the GUI thread: `run_task` on a QThreadPool, progress dialogs and cancel.

A task is a plain callable, or a generator function that yields progress as
`(done, total, label)` (or an object with those attributes) and returns its result (`return value` in the generator). Workers
never touch widgets: they emit signals to a `Task` object living in the GUI thread, which
updates the progress dialog and calls `on_done` / `on_error` there. Cancelling a generator
task closes the generator at its next yield (its `finally` blocks run) and calls
`on_cancel`; plain callables cannot be interrupted.
"""

from __future__ import annotations

import inspect
import logging
import time
from collections.abc import Callable, Generator
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from inspector_app.ui.i18n import tr

logger = logging.getLogger(__name__)

#: A task may report progress this often at most (the dialog cannot show more anyway).
PROGRESS_INTERVAL_S = 0.05
#: Milliseconds before a progress dialog appears (quick tasks show none).
DIALOG_DELAY_MS = 400

TaskFn = Callable[[], Any] | Callable[[], Generator[Any, None, Any]]

_inline = False
_pool: QThreadPool | None = None
_running: set[Task] = set()


def set_inline(inline: bool) -> None:
    """Run tasks synchronously in the calling thread (tests); signals arrive at once."""
    global _inline
    _inline = inline


def is_inline() -> bool:
    return _inline


def thread_pool() -> QThreadPool:
    """The pool the tasks run on (separate from the global one, so it can be waited for)."""
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(max(2, min(4, QThreadPool.globalInstance().maxThreadCount())))
    return _pool


def wait_for_tasks(msecs: int = 10_000) -> bool:
    """Cancel what can be cancelled and wait for the workers (at shutdown)."""
    for task in list(_running):
        task.cancel()
    return thread_pool().waitForDone(msecs) if _pool is not None else True


def running_tasks() -> list[Task]:
    return list(_running)


class Task(QObject):
    """The GUI-thread side of one piece of background work."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    #: Emitted last, whatever the outcome.
    finished = Signal()

    # Emitted by the worker thread; queued to the slots below because `self` lives here.
    _w_progress = Signal(int, int, str)
    _w_done = Signal(object)
    _w_error = Signal(object)
    _w_cancelled = Signal()

    def __init__(self, fn: TaskFn, name: str = "") -> None:
        super().__init__()
        self.fn = fn
        self.name = name or getattr(fn, "__name__", "task")
        self.dialog: QProgressDialog | None = None
        self.result: Any = None
        self.error: BaseException | None = None
        self.step_labels = True
        self._cancel_requested = False
        self._done = False
        self._w_progress.connect(self._on_progress, Qt.ConnectionType.AutoConnection)
        self._w_done.connect(self._on_done)
        self._w_error.connect(self._on_error)
        self._w_cancelled.connect(self._on_cancelled)

    @property
    def is_cancelled(self) -> bool:
        return self._cancel_requested

    @property
    def is_done(self) -> bool:
        return self._done

    def cancel(self) -> None:
        """Ask the task to stop at its next progress step."""
        if not self._done and not self._cancel_requested:
            logger.info("Cancelling task %s", self.name)
            self._cancel_requested = True
            if self.dialog is not None:
                self.dialog.setLabelText(tr("Cancelling…"))

    # -- worker thread -------------------------------------------------------------------

    def run_in_worker(self) -> None:
        try:
            result = self.fn()
            if inspect.isgenerator(result):
                finished, result = self._drive(result)
                if not finished:
                    self._w_cancelled.emit()
                    return
            self._w_done.emit(result)
        except Exception as exc:  # handed to the GUI thread, which logs and shows it
            self._w_error.emit(exc)

    def _drive(self, gen: Generator[Any, None, Any]) -> tuple[bool, Any]:
        last = 0.0
        try:
            while True:
                if self._cancel_requested:
                    gen.close()
                    return False, None
                progress = _as_progress(next(gen))
                if progress is not None:
                    now = time.monotonic()
                    if now - last >= PROGRESS_INTERVAL_S or progress[0] >= progress[1]:
                        last = now
                        self._w_progress.emit(*progress)
        except StopIteration as stop:
            return True, stop.value

    # -- GUI thread ----------------------------------------------------------------------

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, label: str) -> None:
        dialog = self.dialog
        if dialog is not None and not self._cancel_requested:
            # setValue may spin the event loop of a visible dialog, and the task can finish
            # inside it (which clears self.dialog): label first, value last, local reference.
            if label and self.step_labels:
                dialog.setLabelText(label)
            dialog.setMaximum(max(total, 0))
            dialog.setValue(min(done, total) if total > 0 else 0)
        self.progressed.emit(done, total, label)

    @Slot(object)
    def _on_done(self, result: Any) -> None:
        self.result = result
        self._finish()
        self.succeeded.emit(result)
        self.finished.emit()

    @Slot(object)
    def _on_error(self, exc: BaseException) -> None:
        self.error = exc
        self._finish()
        self.failed.emit(exc)
        self.finished.emit()

    @Slot()
    def _on_cancelled(self) -> None:
        logger.info("Task %s cancelled", self.name)
        self._finish()
        self.cancelled.emit()
        self.finished.emit()

    def _finish(self) -> None:
        self._done = True
        _running.discard(self)
        if self.dialog is not None:
            dialog, self.dialog = self.dialog, None
            dialog.canceled.disconnect(self.cancel)
            dialog.reset()
            dialog.hide()
            dialog.deleteLater()


def _as_progress(step: Any) -> tuple[int, int, str] | None:
    """(done, total, label) from a yielded tuple or an object with done/total/label."""
    if isinstance(step, tuple) and len(step) >= 2:
        return int(step[0]), int(step[1]), str(step[2]) if len(step) > 2 else ""
    if hasattr(step, "done") and hasattr(step, "total"):
        return int(step.done), int(step.total), str(getattr(step, "label", "") or "")
    return None


class _Runner(QRunnable):
    def __init__(self, task: Task) -> None:
        super().__init__()
        self.task = task

    def run(self) -> None:
        self.task.run_in_worker()


def run_task(
    fn: TaskFn,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    *,
    progress: QWidget | None = None,
    label: str = "",
    on_cancel: Callable[[], None] | None = None,
    on_progress: Callable[[int, int, str], None] | None = None,
    cancellable: bool = True,
    step_labels: bool = True,
    name: str = "",
) -> Task:
    """Run `fn` on the task pool; callbacks run in the GUI thread.

    `progress`: a parent widget to show a window-modal progress dialog over (with a Cancel
    button for generator tasks when `cancellable`). `on_error` defaults to showing the error
    (`errors.show_error`) over `progress`. `step_labels=False` keeps the dialog's own
    (translated) label instead of the labels the task yields (e.g. English service text).
    """
    task = Task(fn, name)
    task.step_labels = step_labels
    if on_done is not None:
        task.succeeded.connect(on_done)
    if on_error is None:

        def on_error(exc: BaseException, parent: QWidget | None = progress) -> None:
            from inspector_app.ui.errors import show_error

            show_error(parent, exc)

    task.failed.connect(on_error)
    if on_cancel is not None:
        task.cancelled.connect(on_cancel)
    if on_progress is not None:
        task.progressed.connect(on_progress)
    if progress is not None:
        task.dialog = _progress_dialog(progress, label, cancellable and inspect.isgeneratorfunction(_unwrap(fn)))
        task.dialog.canceled.connect(task.cancel)
    _running.add(task)
    logger.debug("Starting task %s (inline=%s)", task.name, _inline)
    if _inline:
        task.run_in_worker()
    else:
        thread_pool().start(_Runner(task))
    return task


def _unwrap(fn: Callable[..., Any]) -> Callable[..., Any]:
    # functools.partial(gen_fn, ...) is still a generator task.
    while hasattr(fn, "func"):
        fn = fn.func
    return fn


def _progress_dialog(parent: QWidget, label: str, cancellable: bool) -> QProgressDialog:
    dialog = QProgressDialog(label or tr("Working…"), tr("Cancel"), 0, 0, parent)
    dialog.setWindowTitle(tr("Inspector"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(DIALOG_DELAY_MS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumWidth(360)
    if not cancellable:
        dialog.setCancelButton(None)
    dialog.setValue(0)
    return dialog
