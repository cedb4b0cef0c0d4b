"""Help > About: version from the package metadata, database and data folder, licences."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from inspector_app.about import LIBRARIES, library_version
from inspector_app.ui.about_dialog import AboutDialog
from inspector_app.version import app_version


def test_help_about_shows_version_database_folder_and_licences(qtbot, window, ctx):
    shown = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        shown.append(dialog)
        dialog.reject()

    QTimer.singleShot(0, look)
    help_menu = next(a.menu() for a in window.menuBar().actions() if "Help" in a.text())
    about = next(a for a in help_menu.actions() if "About" in a.text())
    about.trigger()
    (dialog,) = shown
    assert isinstance(dialog, AboutDialog)
    summary = dialog.summary.text()
    assert f"Inspector {app_version()}" in summary
    assert str(ctx.paths.root) in summary and ctx.db.describe() in summary
    libraries = dialog.libraries.toPlainText()
    for name, _purpose, licence in LIBRARIES:
        assert name in libraries and licence in libraries
    assert library_version("SQLAlchemy") in libraries
    assert "Droid Sans Fallback" in libraries and "Apache-2.0" in libraries
    assert "Apache License" in dialog.font_license.toPlainText()
