"""Keyboard helpers: Ctrl+Return confirms multi-line dialogs; data tables let Tab move on."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QInputDialog, QPlainTextEdit, QWidget

from inspector_app.ui.i18n import tr

_RETURN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class _CtrlReturn(QObject):
    """Event filter: Ctrl+Return (or Ctrl+Enter) in a text box runs `confirm`."""

    def __init__(self, edit: QWidget, confirm: Callable[[], object]) -> None:
        super().__init__(edit)
        self._confirm = confirm

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            key_event: QKeyEvent = event  # type: ignore[assignment]
            if key_event.key() in _RETURN_KEYS and key_event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                if event.type() == QEvent.Type.KeyPress:
                    self._confirm()
                event.accept()
                return True
        return False


def confirm_on_ctrl_return(edit: QWidget, confirm: Callable[[], object]) -> None:
    """Return types a new line in `edit`; Ctrl+Return runs `confirm` (the dialog's OK)."""
    edit.installEventFilter(_CtrlReturn(edit, confirm))
    edit.setToolTip(tr("Ctrl+Return confirms"))


def multiline_text(parent: QWidget | None, title: str, label: str, text: str = "") -> tuple[str, bool]:
    """Like QInputDialog.getMultiLineText, with Ctrl+Return for OK (tests patch this function)."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput, True)
    dialog.setTextValue(text)
    edit = dialog.findChild(QPlainTextEdit)
    if edit is not None:
        confirm_on_ctrl_return(edit, dialog.accept)
    try:
        ok = dialog.exec() == QInputDialog.DialogCode.Accepted
        return dialog.textValue(), ok
    finally:
        dialog.deleteLater()


def let_tab_leave(*views: QAbstractItemView) -> None:
    """Tab moves focus to the next widget instead of the next cell (arrows still move in the table)."""
    for view in views:
        view.setTabKeyNavigation(False)
