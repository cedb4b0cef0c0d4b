"""The "Deleted items" screen: the waste basket, by kind, with multi-select Restore."""

from __future__ import annotations

import logging

from PySide6.QtCore import QLocale, Qt, QTimer, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from inspector_app.services import waste_basket
from inspector_app.services.browse.deleted import DeletedFilter, count_by_kind
from inspector_app.services.waste_basket import KINDS, RestoreResult
from inspector_app.ui import changes
from inspector_app.ui.deleted.table import (
    COLUMNS,
    TAB_TITLES,
    DeletedModel,
    DeletedSource,
    parent_label,
)
from inspector_app.ui.errors import show_error
from inspector_app.ui.i18n import QT_TR_NOOP, enum_label, tr
from inspector_app.ui.models import PagedTableView
from inspector_app.ui.ops import run_op
from inspector_app.ui.purchases.widgets import title_label
from inspector_app.ui.screens import ScreenEnv

logger = logging.getLogger(__name__)

#: The change-hub entity of each kind (notified after a restore, watched for deletes).
ENTITY = {
    "purchase": changes.PURCHASE,
    "finding": changes.FINDING,
    "photo": changes.PHOTO,
    "merchant": changes.MERCHANT,
    "product": changes.PRODUCT,
}
#: Changes after which the list is read again.
_WATCHED = {*ENTITY.values(), changes.CASE, changes.DATABASE, changes.ACTOR, changes.USER}
#: Milliseconds of quiet typing before the search runs.
SEARCH_DELAY_MS = 250
#: How many rows of each kind, for messages: (one, several with %1).
_COUNTS = {
    "purchase": (QT_TR_NOOP("1 purchase"), QT_TR_NOOP("%1 purchases")),
    "finding": (QT_TR_NOOP("1 finding"), QT_TR_NOOP("%1 findings")),
    "photo": (QT_TR_NOOP("1 photo"), QT_TR_NOOP("%1 photos")),
    "merchant": (QT_TR_NOOP("1 merchant"), QT_TR_NOOP("%1 merchants")),
    "product": (QT_TR_NOOP("1 product"), QT_TR_NOOP("%1 products")),
    "": (QT_TR_NOOP("1 deleted item"), QT_TR_NOOP("%1 deleted items")),
}


def count_text(kind: str, n: int) -> str:
    one, several = _COUNTS[kind]
    return tr(one) if n == 1 else tr(several).replace("%1", QLocale().toString(n))


def restored_message(result: RestoreResult) -> str:
    """ "Restored 2 findings. Also restored what they belong to: Purchase ORD-1." """
    parts = [count_text(k, n) for k in KINDS if (n := sum(i.kind == k for i in result.requested))]
    along = [parent_label(i.kind, i.label) for i in result.along]
    if not parts and not along:
        return tr("Nothing to restore: the items were restored already.")
    sentences = [tr("Restored %1.").replace("%1", tr(", ", "list separator").join(parts))] if parts else []
    if along:
        also = (tr("Also restored what it belongs to: %1.") if len(result.requested) == 1
                else tr("Also restored what they belong to: %1."))
        sentences.append(also.replace("%1", tr(", ", "list separator").join(along)))
    return " ".join(sentences)


class DeletedItemsScreen(QWidget):
    """Tabs by kind over one paged table of deleted rows; Restore for the roles allowed to."""

    def __init__(self, env: ScreenEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.setObjectName("deleted_screen")
        self._stale = False
        self._restoring = False

        heading = title_label(tr("Deleted items"), self)
        intro = QLabel(tr("The waste basket: what anyone deleted, newest first. Restore puts the "
                          "selected items back where they were; nothing here is erased for good."), self)
        intro.setObjectName("deleted_intro")
        intro.setWordWrap(True)
        intro.setStyleSheet("color: #52606d;")

        self.tabs = QTabBar(self)
        self.tabs.setObjectName("kind_tabs")
        self.tabs.setDrawBase(False)
        self.tabs.setExpanding(False)
        self._tab_kinds: list[str | None] = [None, *KINDS]
        for kind in self._tab_kinds:
            self.tabs.addTab(tr(TAB_TITLES[kind]))
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("search_edit")
        self.search_edit.setPlaceholderText(tr("Search item, what it belongs to, merchant or who deleted it (Ctrl+F)"))
        self.search_edit.setClearButtonEnabled(True)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("count_label")
        self.restore_button = QPushButton(tr("Restore"), self)
        self.restore_button.setObjectName("restore_button")
        self.restore_button.setToolTip(tr("Bring the selected items back where they were"))

        self.model = DeletedModel(DeletedSource(lambda: self.env.ctx), COLUMNS,
                                  filters=DeletedFilter(), sort_key="deleted_at", sort_desc=True,
                                  parent=self)
        self.view = PagedTableView("deleted_items", env.settings, self)
        self.view.setModel(self.model)
        self.view.setAccessibleName(tr("Deleted items"))
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.restore_action = QAction(tr("Restore"), self.view)
        self.restore_action.triggered.connect(self.restore_selected)
        self.view.addAction(self.restore_action)

        self.note_label = QLabel(self)
        self.note_label.setObjectName("role_note")
        self.note_label.setWordWrap(True)
        self.note_label.setStyleSheet("color: #8a5a00;")
        self.message_label = QLabel(self)
        self.message_label.setObjectName("restore_message")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.hide()

        bar = QHBoxLayout()
        bar.addWidget(self.search_edit, 1)
        bar.addSpacing(12)
        bar.addWidget(self.count_label)
        bar.addSpacing(12)
        bar.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 10)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addSpacing(4)
        layout.addWidget(self.tabs)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message_label)
        layout.addWidget(self.note_label)
        QWidget.setTabOrder(self.search_edit, self.view)
        QWidget.setTabOrder(self.view, self.restore_button)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.apply_filters)
        self.search_edit.textChanged.connect(lambda _t: self._debounce.start())
        self.search_edit.returnPressed.connect(self.apply_filters)
        self.tabs.currentChanged.connect(lambda _i: self.apply_filters())
        self.restore_button.clicked.connect(self.restore_selected)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_count)
        self.model.rowsInserted.connect(self._update_count)
        # Re-queries run in SQL on this thread: show that we are busy.
        self.model.modelAboutToBeReset.connect(
            lambda: QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor))
        self.model.modelReset.connect(QApplication.restoreOverrideCursor)
        env.changes.changed.connect(self._on_changed)
        self._update_tabs()
        self._apply_role()
        self._update_count()

    # -- hooks the main window calls -----------------------------------------------------

    def activate(self) -> None:
        if self._stale:
            self.refresh()

    def focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def save_state(self) -> None:
        self.view.save_layout()

    # -- data ----------------------------------------------------------------------------

    def current_kind(self) -> str | None:
        return self._tab_kinds[max(0, self.tabs.currentIndex())]

    def filters(self) -> DeletedFilter:
        return DeletedFilter(kind=self.current_kind(), text=self.search_edit.text())

    @Slot()
    def apply_filters(self) -> None:
        self._debounce.stop()
        self.model.set_filters(self.filters())
        self._apply_role()

    def refresh(self) -> None:
        self._stale = False
        self.model.refresh()
        self._update_tabs()
        self._apply_role()

    def _update_tabs(self) -> None:
        counts = count_by_kind(self.env.ctx)
        total = sum(counts.values())
        for i, kind in enumerate(self._tab_kinds):
            n = total if kind is None else counts[kind]
            title = tr(TAB_TITLES[kind])
            self.tabs.setTabText(i, f"{title} ({QLocale().toString(n)})" if n else title)

    @Slot()
    def _update_count(self) -> None:
        n = self.model.total
        text = count_text(self.current_kind() or "", n) if n else tr("Nothing deleted")
        if self.search_edit.text().strip():
            text = tr("%1 (filtered)").replace("%1", text)
        self.count_label.setText(text)

    def _apply_role(self) -> None:
        """Restore only for roles that may restore rows of the tab's kinds (services decide)."""
        actor = self.env.actor
        role = actor.role if actor else None
        shown = [self.current_kind()] if self.current_kind() else list(KINDS)
        may = [k for k in waste_basket.restorable_kinds(role) if k in shown]
        self.restore_button.setVisible(bool(may))
        self.restore_action.setVisible(bool(may))
        if role is None:
            note = tr("Choose a user to restore deleted items.")
        elif not may:
            note = tr("Your role (%1) may look at these deleted items but not restore them.")
            note = note.replace("%1", enum_label(role))
        elif any(not self.model.row_object(r).restorable for r in range(self.model.rowCount())):
            note = tr("Items your role (%1) may not restore are shown in grey.")
            note = note.replace("%1", enum_label(role))
        else:
            note = ""
        self.note_label.setText(note)
        self.note_label.setVisible(bool(note))
        self._update_buttons()

    @Slot()
    def _update_buttons(self) -> None:
        rows = self.model.selected_rows(sorted({i.row() for i in self.view.selectionModel().selectedRows()}))
        allowed = bool(rows) and all(r.restorable for r in rows)
        self.restore_button.setEnabled(allowed)
        self.restore_action.setEnabled(allowed)
        if rows and not allowed:
            self.restore_button.setToolTip(tr("Your role may not restore some of the selected items "
                                              "(shown in grey)."))
        else:
            self.restore_button.setToolTip(tr("Bring the selected items back where they were"))

    # -- restoring -----------------------------------------------------------------------

    @Slot()
    def restore_selected(self) -> None:
        """Restore the selection in one service call (one transaction), then tell every screen."""
        rows = self.model.selected_rows(sorted({i.row() for i in self.view.selectionModel().selectedRows()}))
        if not rows:
            return
        keys = [r.key for r in rows]

        def restored(result: waste_basket.RestoreResult) -> None:
            self.refresh()
            message = restored_message(result)
            self.message_label.setText(message)
            self.message_label.show()
            self.env.show_status(message)

        def refused(exc: Exception) -> None:
            show_error(self, exc)
            self.refresh()  # someone may have changed the basket meanwhile

        def settled() -> None:
            self._restoring = False

        # While the runner tells the other screens, this one has refreshed already.
        self._restoring = True
        run_op(self, self.env.ctx, lambda: waste_basket.restore_items(self.env.ctx, keys),
               on_success=restored, on_failure=refused, on_finished=settled)

    @Slot(str, list)
    def _on_changed(self, entity: str, _ids: list) -> None:
        if entity not in _WATCHED or self._restoring:
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True
