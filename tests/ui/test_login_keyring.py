"""The login dialog's "Remember the password" box and the system keyring (inspector_app/
keychain.py): off with the reason when there is no keyring that encrypts, a remembered
password filled in. Real keyring package, backends registered with keyring.set_keyring; the
login itself against a real server is in tests/team/test_login_ui.py."""

from __future__ import annotations

import sys

import pytest

keyring = pytest.importorskip("keyring")
pytest.importorskip("pytestqt")

from keyring.backend import KeyringBackend  # noqa: E402
from keyring.backends import null  # noqa: E402

from inspector_app import keychain  # noqa: E402

SERVER = "postgresql+psycopg://db.example/inspector_team"


class MemoryKeyring(KeyringBackend):
    """A keyring backend that keeps its entries in this process (what an OS keyring does
    across processes)."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.entries.get((service, username))

    def set_password(self, service, username, password):
        self.entries[(service, username)] = password

    def delete_password(self, service, username):
        del self.entries[(service, username)]


@pytest.fixture
def use_keyring():
    """use_keyring(backend): make it the keyring for the test; the previous one after."""
    previous = keyring.get_keyring()
    yield keyring.set_keyring
    keyring.set_keyring(previous)


def _dialog(qtbot, login="ivy"):
    from inspector_app.ui.login import LoginDialog

    def never(url):  # these tests do not log in
        raise AssertionError(url)

    dialog = LoginDialog(SERVER, login, never)
    qtbot.addWidget(dialog)
    return dialog


def test_without_the_keyring_package_the_box_is_off_and_says_why(qtbot, monkeypatch):
    monkeypatch.setitem(sys.modules, "keyring", None)  # import keyring -> ImportError
    dialog = _dialog(qtbot)
    assert not dialog.remember_box.isEnabled() and not dialog.remember_box.isChecked()
    assert "Install the keyring package" in dialog.remember_note.text()
    assert not dialog.remember_note.isHidden()
    assert keychain.remember(SERVER, "ivy", "pw") is False and keychain.get(SERVER, "ivy") is None


def test_a_keyring_that_keeps_nothing_is_no_keyring(qtbot, use_keyring):
    use_keyring(null.Keyring())
    dialog = _dialog(qtbot)
    assert not dialog.remember_box.isEnabled()
    assert "No system keyring" in dialog.remember_box.toolTip()


def test_a_remembered_password_is_filled_in(qtbot, use_keyring):
    store = MemoryKeyring()
    use_keyring(store)
    assert keychain.unavailable() is None
    assert keychain.remember(SERVER, "ivy", "ivy-secret")
    # Keyed by server, port and database, then login: another database keeps its own.
    assert store.entries == {("Inspector team server db.example:5432/inspector_team", "ivy"):
                             "ivy-secret"}
    dialog = _dialog(qtbot)
    assert dialog.remember_box.isEnabled() and dialog.remember_box.isChecked()
    assert dialog.password_edit.text() == "ivy-secret"
    other = _dialog(qtbot, login="ian")
    assert other.password_edit.text() == "" and not other.remember_box.isChecked()
    keychain.forget(SERVER, "ivy")
    assert store.entries == {}
