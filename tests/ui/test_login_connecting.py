"""The login dialog connects off the GUI thread: against a server that accepts the connection
and never answers (a real socket, real psycopg), the window keeps working and says it is
connecting, the attempt ends with the "cannot reach" sentence and Retry, and Quit while
connecting closes the dialog at once and closes a connection that arrives later."""

from __future__ import annotations

import socket
import threading
import time

import pytest

pytest.importorskip("pytestqt")


@pytest.fixture
def silent_server():
    """A TCP port that accepts connections (the kernel's backlog) and never says a word."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    try:
        yield sock.getsockname()[1]
    finally:
        sock.close()


def _dialog(qtbot, url, opener):
    from inspector_app.ui.login import LoginDialog

    dialog = LoginDialog(url, "ivy", opener)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.password_edit.setText("secret")
    return dialog


def test_a_silent_server_does_not_freeze_the_window(qtbot, silent_server, tmp_path):
    from inspector_app.services.context import open_context

    url = (f"postgresql+psycopg://127.0.0.1:{silent_server}/inspector_team"
           "?connect_timeout=2")
    dialog = _dialog(qtbot, url, lambda u: open_context(u, data_folder=str(tmp_path)))
    started = time.monotonic()
    dialog.attempt()
    assert dialog.busy
    qtbot.wait(300)  # the event loop runs while the connection waits
    assert dialog.busy and not dialog.log_in_button.isEnabled()
    assert not dialog.password_edit.isEnabled()
    assert "Connecting" in dialog.error_label.text()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)
    assert time.monotonic() - started >= 1.5  # it did wait for the server
    assert dialog.log_in_button.text() == "Retry" and dialog.log_in_button.isEnabled()
    assert dialog.password_edit.text() == "secret"  # not the password's fault
    assert dialog.ctx is None and dialog.isVisible()


def test_quit_while_connecting_closes_at_once_and_drops_the_late_connection(qtbot):
    release = threading.Event()
    disposed: list[bool] = []

    class _Db:
        def dispose(self):
            disposed.append(True)

    class _Ctx:
        db = _Db()

    def slow_opener(_url):
        release.wait(10)
        return _Ctx()

    dialog = _dialog(qtbot, "postgresql+psycopg://db.example/inspector_team", slow_opener)
    dialog.attempt()
    qtbot.wait(50)
    dialog.reject()
    assert not dialog.isVisible() and dialog.result() == dialog.DialogCode.Rejected
    release.set()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)
    assert disposed == [True] and dialog.ctx is None


def test_an_empty_login_is_asked_for_without_connecting(qtbot):
    from inspector_app.ui.login import LoginDialog

    tried: list[str] = []
    dialog = LoginDialog("postgresql+psycopg://db.example/inspector_team", "", tried.append)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.password_edit.setText("secret")
    dialog.attempt()
    assert not dialog.busy and tried == []
    assert dialog.error_label.text() == "Enter your login."
    assert dialog.focusWidget() is dialog.login_edit

