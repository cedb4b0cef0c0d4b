"""The excepthook logs and shows one dialog per storm; show_error tells user errors from bugs."""

from __future__ import annotations

import logging
import sys

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from inspector_app.domain.errors import ConflictError
from inspector_app.ui import errors


@pytest.fixture
def reporter():
    saved = sys.excepthook
    rep = errors.install_excepthook("/data/logs/inspector.log")
    yield rep
    errors.uninstall_excepthook()
    sys.excepthook = saved


def _raise(exc):
    try:
        raise exc
    except Exception:
        return sys.exc_info()


def test_excepthook_logs_and_shows_one_dialog_with_details(reporter, message_boxes, caplog):
    caplog.set_level(logging.ERROR, logger="inspector_app.ui.errors")
    errors.excepthook(*_raise(RuntimeError("disk on fire")))
    assert len(message_boxes.shown) == 1
    box = message_boxes.shown[0]
    assert box["title"] == "Unexpected error"
    assert "RuntimeError: disk on fire" in box["informative"]
    assert "/data/logs/inspector.log" in box["informative"]
    assert "Traceback" in box["details"] and "disk on fire" in box["details"]
    assert any("disk on fire" in r.getMessage() and r.exc_info for r in caplog.records)


def test_an_exception_storm_shows_a_single_dialog(reporter, message_boxes, monkeypatch, caplog):
    caplog.set_level(logging.ERROR, logger="inspector_app.ui.errors")
    original_exec = QMessageBox.exec

    def exec_during_storm(self):
        # While the first dialog is open, ten more exceptions arrive (e.g. a paint loop).
        for i in range(10):
            errors.excepthook(*_raise(ValueError(f"again {i}")))
        return original_exec(self)

    monkeypatch.setattr(QMessageBox, "exec", exec_during_storm)
    before = reporter.shown
    errors.excepthook(*_raise(ValueError("first")))
    assert len(message_boxes.shown) == 1
    assert reporter.shown == before + 1
    assert len([r for r in caplog.records if r.exc_info]) == 11  # every one is logged
    # After the storm, the next error gets its own dialog again.
    monkeypatch.setattr(QMessageBox, "exec", original_exec)
    errors.excepthook(*_raise(ValueError("later")))
    assert len(message_boxes.shown) == 2


def test_copy_details_puts_them_on_the_clipboard_without_closing(monkeypatch, qtbot):
    boxes = []

    def fake_exec(self):
        boxes.append(self)
        copy = next(b for b in self.findChildren(QPushButton) if b.text() == "Copy details")
        copy.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    errors.show_unexpected(None, "KeyError: 'x'", "Traceback ... KeyError")
    assert QApplication.clipboard().text() == "KeyError: 'x'\n\nTraceback ... KeyError"
    assert boxes[0].clickedButton() is None  # did not act as a closing button


def test_show_error_shows_an_inspector_error_as_is(message_boxes, caplog):
    errors.show_error(None, ConflictError("There is already a user called 'Ann'"))
    assert message_boxes.shown[0]["text"] == "There is already a user called 'Ann'"
    assert message_boxes.shown[0]["details"] == ""
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


def test_show_error_treats_anything_else_as_unexpected(message_boxes, caplog):
    caplog.set_level(logging.ERROR, logger="inspector_app.ui.errors")
    try:
        {}["missing"]
    except KeyError as exc:
        errors.show_error(None, exc)
    box = message_boxes.shown[0]
    assert box["title"] == "Unexpected error"
    assert "KeyError" in box["details"]
    assert any(r.exc_info for r in caplog.records)


def test_exception_from_another_thread_is_shown_in_the_gui_thread(reporter, message_boxes, qtbot):
    import threading

    t = threading.Thread(target=lambda: errors.excepthook(*_raise(OSError("from a worker"))))
    t.start()
    t.join()
    qtbot.waitUntil(lambda: len(message_boxes.shown) == 1, timeout=3000)
    assert "from a worker" in message_boxes.shown[0]["informative"]
