"""Per-user UI state kept across sessions: file dialog folders (one per purpose), photo viewer geometry."""

from __future__ import annotations

import configparser

from PySide6.QtCore import QByteArray, Qt

from inspector_app.ui.reports import kinds
from inspector_app.ui.reports.files import FolderMemory, ask_save_path, ask_workbook
from inspector_app.ui.screens.reports import ReportsScreen
from inspector_app.ui.screens.risk_screen import RiskScreen
from inspector_app.ui.settings import (
    EXPORT_SAVE_DIR,
    IMPORT_OPEN_DIR,
    KEYS,
    PHOTO_ADD_DIR,
    PHOTO_VIEWER_GEOMETRY,
    AppSettings,
)
from tests.ui.state_helpers import env_with, fake_dialogs, reopened

LEFT = Qt.MouseButton.LeftButton
FOLDER_KEYS = (PHOTO_ADD_DIR, EXPORT_SAVE_DIR, IMPORT_OPEN_DIR)


def on_disk(settings: AppSettings) -> configparser.ConfigParser:
    settings.sync()
    ini = configparser.ConfigParser()
    ini.read(settings.file_name, encoding="utf-8")
    return ini


# -- the wrapper ---------------------------------------------------------------------------


def test_new_keys_are_declared_with_defaults_and_folders_fall_back(settings, tmp_path):
    for key in (*FOLDER_KEYS, PHOTO_VIEWER_GEOMETRY):
        assert key in KEYS
    assert settings.get(PHOTO_ADD_DIR) == ""
    assert settings.get(PHOTO_VIEWER_GEOMETRY).isEmpty()
    start = settings.folder(EXPORT_SAVE_DIR)
    assert start.is_dir()  # Documents or home, never ""
    gone = tmp_path / "usb-stick"
    gone.mkdir()
    settings.remember_folder(EXPORT_SAVE_DIR, gone / "report.pdf")  # a file not written yet
    assert settings.folder(EXPORT_SAVE_DIR) == gone
    gone.rmdir()
    assert settings.folder(EXPORT_SAVE_DIR) == start  # the stored folder vanished


def test_each_purpose_keeps_its_own_folder_across_sessions(settings, tmp_path):
    folders = {}
    for key in FOLDER_KEYS:
        folders[key] = tmp_path / key.name.replace("/", "-")
        folders[key].mkdir()
        settings.remember_folder(key, folders[key])  # a folder itself is kept as is
    settings.set(PHOTO_VIEWER_GEOMETRY, QByteArray(b"\x01\xd9\xd0\xcb geometry"))
    again = reopened(settings)
    for key in FOLDER_KEYS:
        assert again.folder(key) == folders[key]
    assert bytes(again.get(PHOTO_VIEWER_GEOMETRY)) == b"\x01\xd9\xd0\xcb geometry"
    # An independent reader sees one entry per purpose in the file.
    ini = on_disk(settings)
    assert ini["dialogs"]["photo_add_dir"] == str(folders[PHOTO_ADD_DIR])
    assert ini["dialogs"]["export_save_dir"] == str(folders[EXPORT_SAVE_DIR])
    assert ini["dialogs"]["import_open_dir"] == str(folders[IMPORT_OPEN_DIR])


# -- the dialogs ---------------------------------------------------------------------------


def test_report_save_and_import_folders_are_kept_apart_and_persist(
    qtbot, env, settings, tmp_path, monkeypatch, inline_tasks
):
    dialogs = fake_dialogs(monkeypatch)
    out, inbox = tmp_path / "out", tmp_path / "inbox"
    out.mkdir()
    inbox.mkdir()
    screen = ReportsScreen(env)
    qtbot.addWidget(screen)
    dialogs.answer = [str(out / "template")]  # the suffix is added
    task = screen.report_actions.save_request(kinds.ReportRequest(kinds.TEMPLATE))
    assert task is not None and task.is_done
    assert (out / "template.xlsx").is_file()
    dialogs.answer = [str(inbox / "responses.xlsx")]
    assert ask_workbook(screen, screen.memory, "Import") == inbox / "responses.xlsx"

    memory = FolderMemory(reopened(settings))
    dialogs.answer = []
    assert ask_save_path(screen, memory, "Save", "notice.pdf") is None
    assert dialogs.last_start() == out / "notice.pdf"
    assert ask_workbook(screen, memory, "Import") is None
    assert dialogs.last_start() == inbox


def test_risk_screen_dialogs_share_the_export_and_import_folders(
    qtbot, env, settings, tmp_path, monkeypatch
):
    dialogs = fake_dialogs(monkeypatch)
    out, inbox = tmp_path / "exports", tmp_path / "orders"
    out.mkdir()
    inbox.mkdir()
    settings.remember_folder(EXPORT_SAVE_DIR, out)
    settings.remember_folder(IMPORT_OPEN_DIR, inbox)
    screen = RiskScreen(env_with(env, reopened(settings)))
    qtbot.addWidget(screen)
    dialogs.answer = []
    screen.export()
    assert dialogs.last_start().parent == out and dialogs.last_start().suffix == ".xlsx"
    screen.import_file()
    assert dialogs.last_start() == inbox
