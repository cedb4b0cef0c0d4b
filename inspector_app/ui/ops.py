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
from typing import Any

from PySide6.QtWidgets import QWidget

from inspector_app.domain.errors import InspectorError
from inspector_app.services.changes import Changes, recording
from inspector_app.services.context import Context
from inspector_app.ui import tasks
from inspector_app.ui.changes import changes as change_hub
from inspector_app.ui.errors import show_error

logger = logging.getLogger(__name__)

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
    slow: bool = False,
    cancellable: bool = False,
    transaction: bool = True,
) -> Op:
    """Run `fn` (a change through the services), then report and broadcast what changed.

    `fn` takes no arguments; a generator function yields progress `(done, total, label)`
    and returns its result (cancellable when `slow` and `cancellable`). `transaction=False`
    for work that must commit as it goes or replaces the database (restore, sync): what it
    committed is still recorded and broadcast, even when it fails half way.
    """
    op = Op(label)
    hub = change_hub()

    def work() -> Generator[Any, None, tuple[Any, Changes]]:
        logs = []
        try:
            with recording() as log:
                logs.append(log)
                if transaction:
                    with ctx.db.batch():
                        result = yield from _drive(fn)
                else:
                    result = yield from _drive(fn)
        finally:
            op.changes = logs[0].changes  # what committed, also when failing or cancelled
        return result, op.changes | returned_changes(result)

    def succeeded(value: tuple[Any, Changes]) -> None:
        op.result, op.changes = value
        op.ok = op.done = True
        logger.debug("op %s changed %s", label or getattr(fn, "__name__", "?"), dict(op.changes.kinds))
        try:
            if on_success is not None:
                on_success(op.result)
        finally:
            hub.broadcast(op.changes)

    def failed(exc: BaseException) -> None:
        op.error, op.done = exc, True
        try:
            if isinstance(exc, InspectorError) and on_failure is not None:
                logger.info("Refused: %s", exc)
                on_failure(exc)
            else:
                show_error(parent, exc)
        finally:
            hub.broadcast(op.changes)

    def was_cancelled() -> None:
        op.cancelled = op.done = True
        try:
            if on_cancel is not None:
                on_cancel()
        finally:
            hub.broadcast(op.changes)

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
        work, succeeded, failed, progress=parent, label=label, on_cancel=was_cancelled,
        cancellable=cancellable, name=label or getattr(fn, "__name__", "op"),
    )
    return op


def _drive(fn: OpFn) -> Generator[Any, None, Any]:
    result = fn()
    if inspect.isgenerator(result):
        result = yield from result
    return result
