"""One way to ask before a step that cannot be taken back (tests patch QMessageBox.question)."""

from __future__ import annotations

from PySide6.QtGui import QCloseEvent
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


class DiscardGuard:
    """For a QDialog (listed first among its bases): Esc, Cancel and the user's closing of
    the window ask "Discard changes?" while `has_unsaved()`; closing it from code does not."""

    _closing_from_code = False

    def has_unsaved(self) -> bool:
        return False

    def reject(self) -> None:
        if (not self._closing_from_code and self.isVisible()  # type: ignore[attr-defined]
                and self.has_unsaved() and not confirm_discard(self)):  # type: ignore[arg-type]
            return
        super().reject()  # type: ignore[misc]

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self._closing_from_code = not event.spontaneous()
        try:
            super().closeEvent(event)  # type: ignore[misc]
        finally:
            self._closing_from_code = False
