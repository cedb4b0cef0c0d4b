"""The one write path of the user interface: `run_op` runs a change and says what changed.

A widget hands `run_op` a function that calls the services. The runner:

- runs it in ONE transaction (`Database.batch()`: every service write inside joins it, so
  a bulk action is all or nothing);
- records what the transaction committed (services/changes.py) and merges any `Changes`
  the function returns (or `result.changes`);
- shows a refusal as one sentence (errors.show_error), or hands it to `on_failure`
  (a form that puts the message next to its field, the stale-edit reload offer);
- runs `slow` work on the task runner with the progress dialog (ui/tasks.py), with a
  working Cancel when `cancellable` (a generator function: cancelling at a yield rolls the
  whole transaction back);
- calls `on_success(result)` and then broadcasts the changes (ChangeHub.broadcast), so
  every screen that shows those kinds refreshes itself. Nobody calls `notify` by hand.

Quick work (`slow=False`) runs at once in the GUI thread, as a button's slot did before:
the caller sees the outcome on return (`Op.ok`). See docs/architecture.md.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Callable, Generator
from contextvars import ContextVar
from typing import Any

from PySide6.QtWidgets import QWidget

from inspector_app.domain.errors import InspectorError
from inspector_app.services.changes import Changes, recording
from inspector_app.services.context import Context
from inspector_app.ui import tasks
from inspector_app.ui.changes import changes as change_hub
from inspector_app.ui.errors import show_error

logger = logging.getLogger(__name__)

#: A multi-select action on more rows than this runs as slow work (progress dialog, Cancel).
SLOW_SELECTION = 50

#: True while an op's work runs (in this thread): tests/ui fail a write that begins outside.
_IN_OP: ContextVar[bool] = ContextVar("in_op", default=False)

OpFn = Callable[[], Any] | Callable[[], Generator[Any, None, Any]]


class Op:
    """One run of `run_op`: its outcome once `done` (quick ops are done on return)."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.done = False
        self.ok = False
        self.cancelled = False
        self.result: Any = None
        self.error: BaseException | None = None
        self.changes = Changes()
        #: The background task of a slow op (None for a quick one).
        self.task: tasks.Task | None = None

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()


def in_op() -> bool:
    """Whether the calling code runs inside an op's work (the write guard of tests/ui)."""
    return _IN_OP.get()


def returned_changes(result: Any) -> Changes:
    """The `Changes` a function returned, itself or as `.changes` (else none)."""
    if isinstance(result, Changes):
        return result
    found = getattr(result, "changes", None)
    return found if isinstance(found, Changes) else Changes()


def run_op(
    parent: QWidget | None,
    ctx: Context,
    fn: OpFn,
    *,
    label: str = "",
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[InspectorError], None] | None = None,
    on_cancel: Callable[[], None] | None = None,
    on_finished: Callable[[], None] | None = None,
    on_progress: Callable[[int, int, str], None] | None = None,
    dialog: bool = True,
    also_changed: Changes | None = None,
    slow: bool = False,
    cancellable: bool = False,
    transaction: bool = True,
    step_labels: bool = True,
) -> Op:
    """Run `fn` (a change through the services), then report and broadcast what changed.

    `fn` takes no arguments; a generator function yields progress `(done, total, label)`
    and returns its result (cancellable when `slow` and `cancellable`). `transaction=False`
    for work that must commit as it goes or replaces the database (restore, sync): what it
    committed is still recorded and broadcast, even when it fails half way.
    `also_changed`: what the work changes beyond what this thread's sessions commit (another
    thread's or program's writes: `Changes.everything()`). `on_finished` runs last, whatever
    the outcome (an unexpected error is shown by the runner, never given to `on_failure`).
    `dialog=False` for a caller that shows progress its own way (`on_progress`).
    `step_labels=False` keeps `label` in the progress dialog instead of the labels the work
    yields (English service text).
    """
    op = Op(label)
    hub = change_hub()
    extra = also_changed or Changes()

    def work() -> Generator[Any, None, tuple[Any, Changes]]:
        logs = []
        token = _IN_OP.set(True)
        try:
            with recording() as log:
                logs.append(log)
                if transaction:
                    with ctx.db.batch():
                        result = yield from _drive(fn)
                else:
                    result = yield from _drive(fn)
        finally:
            _IN_OP.reset(token)
            op.changes = logs[0].changes  # what committed, also when failing or cancelled
        return result, op.changes | returned_changes(result) | extra

    def succeeded(value: tuple[Any, Changes]) -> None:
        op.result, op.changes = value
        op.ok = op.done = True
        logger.debug("op %s changed %s", label or getattr(fn, "__name__", "?"), dict(op.changes.kinds))
        try:
            if on_success is not None:
                on_success(op.result)
        finally:
            _finish(op.changes)

    def failed(exc: BaseException) -> None:
        op.error, op.done = exc, True
        if not transaction:
            op.changes = op.changes | extra  # part of it may have been done
        try:
            if isinstance(exc, InspectorError) and on_failure is not None:
                logger.info("Refused: %s", exc)
                on_failure(exc)
            else:
                show_error(parent, exc)
        finally:
            _finish(op.changes)

    def was_cancelled() -> None:
        op.cancelled = op.done = True
        if not transaction:
            op.changes = op.changes | extra
        try:
            if on_cancel is not None:
                on_cancel()
        finally:
            _finish(op.changes)

    def _finish(what: Changes) -> None:
        try:
            hub.broadcast(what)
        finally:
            if on_finished is not None:
                on_finished()

    if not slow:
        gen = work()
        try:
            while True:
                next(gen)  # progress of quick work is not shown
        except StopIteration as stop:
            succeeded(stop.value)
        except Exception as exc:  # shown, or handed to on_failure, like a refusal
            failed(exc)
        return op

    op.task = tasks.run_task(
        work, succeeded, failed, progress=parent if dialog else None, label=label,
        on_cancel=was_cancelled, on_progress=on_progress,
        cancellable=cancellable, step_labels=step_labels, name=label or getattr(fn, "__name__", "op"),
    )
    return op


def _drive(fn: OpFn) -> Generator[Any, None, Any]:
    result = fn()
    if inspect.isgenerator(result):
        result = yield from result
    return result
