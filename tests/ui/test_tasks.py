"""run_task: results back in the GUI thread, progress, a working cancel, errors, inline mode."""

from __future__ import annotations

import threading
import time
from functools import partial

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton, QWidget

from inspector_app.domain.errors import ValidationError
from inspector_app.ui import tasks
from inspector_app.ui.tasks import run_task


def _gui_thread() -> bool:
    return QThread.currentThread() is QApplication.instance().thread()


def test_plain_task_runs_in_a_worker_and_returns_in_the_gui_thread(qtbot):
    seen = {}

    def work():
        seen["worker"] = threading.current_thread() is not threading.main_thread()
        return 41 + 1

    def done(result):
        seen["result"] = result
        seen["gui"] = _gui_thread()

    task = run_task(work, on_done=done)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert seen == {"worker": True, "result": 42, "gui": True}
    assert task.is_done and task.result == 42


def counting(n: int, log: list, delay: float = 0.0):
    """A generator task: yields progress for each step, returns how many it did."""
    try:
        for i in range(n):
            if delay:
                time.sleep(delay)
            log.append(i)
            yield i + 1, n, f"step {i + 1}"
        return len(log)
    finally:
        log.append("closed")


def test_generator_task_reports_progress_and_returns_its_value(qtbot):
    log, progress, results = [], [], []
    task = run_task(partial(counting, 5, log), on_done=results.append, on_progress=lambda *p: progress.append(p))
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert results == [5]
    assert progress[-1] == (5, 5, "step 5")
    assert log[-1] == "closed"


def test_cancel_midway_closes_the_generator(qtbot):
    log, outcome = [], []
    task = run_task(
        partial(counting, 1000, log, 0.005),
        on_done=lambda r: outcome.append(("done", r)),
        on_cancel=lambda: outcome.append("cancelled"),
    )
    qtbot.waitUntil(lambda: len(log) >= 5, timeout=5000)
    with qtbot.waitSignal(task.cancelled, timeout=5000):
        task.cancel()
    assert outcome == ["cancelled"]
    assert log[-1] == "closed"  # the generator's finally ran
    assert len(log) < 1000  # it stopped early


def test_cancel_button_of_the_progress_dialog_stops_the_task(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    log = []
    task = run_task(partial(counting, 1000, log, 0.005), progress=parent, label="Counting")
    dialog = task.dialog
    assert isinstance(dialog, QProgressDialog)
    qtbot.waitUntil(lambda: len(log) >= 5, timeout=5000)
    button = dialog.findChild(QPushButton)
    assert button is not None and button.text() == "Cancel"
    with qtbot.waitSignal(task.cancelled, timeout=5000):
        button.click()
    assert task.is_cancelled and log[-1] == "closed"
    assert task.dialog is None  # closed and released


def test_plain_task_has_no_cancel_button(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    release = threading.Event()
    task = run_task(lambda: release.wait(5), progress=parent)
    assert task.dialog.findChild(QPushButton) is None
    release.set()
    qtbot.waitUntil(lambda: task.is_done, timeout=5000)


def test_errors_reach_on_error_in_the_gui_thread(qtbot):
    errors = []

    def boom():
        raise ValidationError("Order number is required", field="order_number")

    task = run_task(boom, on_done=lambda r: errors.append("done?"), on_error=lambda e: errors.append((e, _gui_thread())))
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    [(exc, in_gui)] = errors
    assert isinstance(exc, ValidationError) and in_gui
    assert exc.__traceback__ is not None


def test_errors_default_to_show_error(qtbot, message_boxes):
    def boom():
        raise ValidationError("Price must be a number")

    task = run_task(boom)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert message_boxes.texts() == ["Price must be a number"]


def test_inline_mode_runs_synchronously(inline_tasks):
    log, results, progress = [], [], []
    task = run_task(partial(counting, 3, log), on_done=results.append, on_progress=lambda *p: progress.append(p))
    assert task.is_done and results == [3]
    assert progress[-1] == (3, 3, "step 3")


def test_inline_cancel_is_checked_at_the_next_yield(inline_tasks):
    log, outcome = [], []

    def gen():
        # Inline, the only running task is this one; cancel it as a user would, midway.
        [task] = tasks.running_tasks()
        for step in counting(10, log):
            if step[0] == 3:
                task.cancel()
            yield step

    run_task(gen, on_done=lambda r: outcome.append("done"), on_cancel=lambda: outcome.append("cancelled"))
    assert outcome == ["cancelled"]
    assert log == [0, 1, 2, "closed"]


@pytest.mark.parametrize("inline", [False, True])
def test_running_tasks_are_forgotten_when_finished(qtbot, inline):
    tasks.set_inline(inline)
    task = run_task(lambda: 1)
    qtbot.waitUntil(lambda: task.is_done, timeout=5000)
    assert task not in tasks.running_tasks()


def test_progress_objects_with_done_total_label(inline_tasks):
    from dataclasses import dataclass

    @dataclass
    class Step:
        done: int
        total: int
        label: str

    def gen():
        yield Step(1, 2, "half")
        yield Step(2, 2, "all")
        return "ok"

    progress, results = [], []
    run_task(gen, on_done=results.append, on_progress=lambda *p: progress.append(p))
    assert results == ["ok"] and progress[-1] == (2, 2, "all")
