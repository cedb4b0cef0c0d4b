"""`inspector-app` on a missing, empty or damaged database: it asks, or says what is wrong."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QMessageBox

from inspector_app.ui import app as app_module
from tests.ui.test_app import clean_start  # noqa: F401 - the fixture


def test_no_database_asks_and_no_creates_nothing(qtbot, clean_start, message_boxes, tmp_path):  # noqa: F811
    folder = tmp_path / "fresh"
    message_boxes.answer = QMessageBox.StandardButton.No
    assert app_module.main(["inspector-app", "--data-dir", str(folder)]) == 0
    [asked] = message_boxes.shown
    assert asked["kind"] == "question" and str(folder / "inspector.sqlite3") in asked["text"]
    assert not (folder / "inspector.sqlite3").exists()
    assert clean_start() == []


def test_no_database_asks_and_yes_creates_it_then_the_first_start(
    qtbot, clean_start, message_boxes, monkeypatch, tmp_path  # noqa: F811
):
    from inspector_app.ui import first_start

    folder = tmp_path / "fresh"
    shown = []
    monkeypatch.setattr(
        first_start.FirstStartDialog, "exec",
        lambda self: shown.append(self) or QDialog.DialogCode.Rejected,
    )  # fmt: skip
    assert app_module.main(["inspector-app", "--data-dir", str(folder)]) == 0
    assert message_boxes.shown[0]["kind"] == "question"
    assert len(shown) == 1  # then the first-start dialog, on the new database
    assert (folder / "inspector.sqlite3").stat().st_size > 0


def test_a_damaged_database_is_refused_with_the_sentence_of_the_command_line(
    qtbot, ctx, clean_start, message_boxes, capsys  # noqa: F811
):
    from inspector_app.cli.main import main as cli_main

    db = ctx.paths.database
    ctx.db.dispose()
    with db.open("r+b") as f:
        f.seek(100)
        f.write(b"\xff" * 3000)
    before = db.read_bytes()
    assert app_module.main(["inspector-app", "--data-dir", str(ctx.paths.root)]) == 2
    [refused] = message_boxes.shown
    assert "is damaged" in refused["text"] and str(db) in refused["text"]
    assert db.read_bytes() == before
    capsys.readouterr()
    assert cli_main(["--data-dir", str(ctx.paths.root), "users"]) == 2
    assert capsys.readouterr().err.strip() == f"inspector: error: {refused['text']}"
