"""One way to ask before a step that cannot be taken back (tests patch QMessageBox.question)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from inspector_app.ui.i18n import tr


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    """Ask `text` with Yes / No, No being the default; True when the user answered Yes."""
    answer = QMessageBox.question(
        parent, title, text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def confirm_discard(parent: QWidget | None) -> bool:
    """"Discard changes?" when leaving a form with unsaved input; True: leave it."""
    answer = QMessageBox.question(
        parent, tr("Discard changes?"),
        tr("What you typed in this form has not been saved. Discard it?"),
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Discard
