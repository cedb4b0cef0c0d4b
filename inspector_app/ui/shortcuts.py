"""Help > Keyboard shortcuts: every shortcut of the application, where it works, in one list."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector_app.ui.i18n import QT_TR_NOOP, tr

#: (keys, what it does, where it works); keys in portable text, shown in the user's notation.
#: Kept next to the code that binds them: main_window (menus), purchases, findings, reports,
#: photos, cases' reason dialog.
SHORTCUTS: tuple[tuple[str, str, str], ...] = (
    ("Ctrl+N", QT_TR_NOOP("New purchase"), QT_TR_NOOP("Everywhere")),
    ("Ctrl+F", QT_TR_NOOP("Find (the search box of the screen)"), QT_TR_NOOP("Everywhere")),
    ("Alt+1 … Alt+8", QT_TR_NOOP("Go to a screen (see the Go menu)"), QT_TR_NOOP("Everywhere")),
    ("Ctrl+Q", QT_TR_NOOP("Quit"), QT_TR_NOOP("Everywhere")),
    ("Tab / Shift+Tab", QT_TR_NOOP("Next / previous field (also out of a table)"), QT_TR_NOOP("Everywhere")),
    ("Return", QT_TR_NOOP("Open the selected row"), QT_TR_NOOP("Tables")),
    ("Alt+Left", QT_TR_NOOP("Back to the purchases table"), QT_TR_NOOP("A purchase")),
    ("Ctrl+S", QT_TR_NOOP("Save the finding being edited"), QT_TR_NOOP("A purchase")),
    ("Delete", QT_TR_NOOP("Delete the selected rows or photos (asks first)"), QT_TR_NOOP("Tables, photos")),
    ("Ctrl+Shift+R", QT_TR_NOOP("Open a rectification case on the selected findings"), QT_TR_NOOP("Findings")),
    ("Ctrl+Z", QT_TR_NOOP("Undo the last delete"), QT_TR_NOOP("Findings, photos")),
    # The Case menu (ui/cases/case_menu.py): the shown case's moves, disabled with a reason.
    ("Ctrl+Shift+N", QT_TR_NOOP("Notify the merchant of the case"), QT_TR_NOOP("Cases")),
    ("Ctrl+Shift+E", QT_TR_NOOP("Record the merchant's response"), QT_TR_NOOP("Cases")),
    ("Ctrl+Shift+A", QT_TR_NOOP("Accept the merchant's response"), QT_TR_NOOP("Cases")),
    ("Ctrl+Shift+T", QT_TR_NOOP("Mark the case as rectified"), QT_TR_NOOP("Cases")),
    ("Ctrl+Shift+V", QT_TR_NOOP("Verify and close the case"), QT_TR_NOOP("Cases")),
    ("Ctrl+Shift+F", QT_TR_NOOP("Verification failed: back to rectifying"), QT_TR_NOOP("Cases")),
    ("Ctrl+Shift+L", QT_TR_NOOP("Escalate the case"), QT_TR_NOOP("Cases")),
    ("Ctrl+E", QT_TR_NOOP("Edit the case"), QT_TR_NOOP("Cases")),
    ("Ctrl+Shift+P", QT_TR_NOOP("Print the case's notice"), QT_TR_NOOP("Cases")),
    ("Ctrl+Shift+S", QT_TR_NOOP("Save the case's notice as PDF"), QT_TR_NOOP("Cases")),
    ("Ctrl+Return", QT_TR_NOOP("Confirm a dialog with a text box (reason, text on a photo)"), QT_TR_NOOP("Dialogs")),
    ("Esc", QT_TR_NOOP("Close a dialog (asks before discarding typed input)"), QT_TR_NOOP("Dialogs")),
    ("Ctrl+S", QT_TR_NOOP("Save the report as…"), QT_TR_NOOP("Reports")),
    ("Ctrl+P", QT_TR_NOOP("Print the report"), QT_TR_NOOP("Reports")),
    ("Ctrl+Return", QT_TR_NOOP("Preview the report"), QT_TR_NOOP("Reports")),
    ("Ctrl+O", QT_TR_NOOP("Add photos"), QT_TR_NOOP("Photos")),
    ("Ctrl+V", QT_TR_NOOP("Paste a photo"), QT_TR_NOOP("Photos")),
    ("F2", QT_TR_NOOP("Edit the caption"), QT_TR_NOOP("Photos")),
    # ui/merchants/actions.py: the Merchants screen and its Products dialog.
    ("F2", QT_TR_NOOP("Edit the selected merchant or product"), QT_TR_NOOP("Merchants, products")),
    ("Ctrl+M", QT_TR_NOOP("Merge the selected duplicates into one"), QT_TR_NOOP("Merchants, products")),
    ("Delete", QT_TR_NOOP("Delete the selected merchant or product (when nothing points at it)"), QT_TR_NOOP("Merchants, products")),
)


def native(keys: str) -> str:
    """`keys` in the platform's notation ("Ctrl+S" stays as it is where that is the notation)."""
    parts = [p.strip() for p in keys.split("/")]
    shown = []
    for part in parts:
        seq = QKeySequence(part) if "…" not in part else QKeySequence()
        text = seq.toString(QKeySequence.SequenceFormat.NativeText) if not seq.isEmpty() else ""
        shown.append(text or part)
    return " / ".join(shown)


class ShortcutsDialog(QDialog):
    """A read-only table of SHORTCUTS: keys, action, where."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcuts_dialog")
        self.setWindowTitle(tr("Keyboard shortcuts"))
        self.table = QTableWidget(len(SHORTCUTS), 3, self)
        self.table.setObjectName("shortcuts_table")
        self.table.setHorizontalHeaderLabels([tr("Keys"), tr("Action"), tr("Where")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        for row, (keys, what, where) in enumerate(SHORTCUTS):
            for col, text in enumerate((native(keys), tr(what), tr(where))):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(row, col, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(720, 520)
