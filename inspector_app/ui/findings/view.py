"""The Findings screen's body: filter bar, count, the findings table and "Open rectification case…"."""

from __future__ import annotations

import logging
from functools import partial

import shiboken6
from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from inspector_app.domain.enums import Role
from inspector_app.domain.errors import InspectorError
from inspector_app.domain.messages import t
from inspector_app.services import browse, bulk, waste_basket
from inspector_app.services.browse import FindingFilter
from inspector_app.services.context import RECORDERS
from inspector_app.services.sync.binding import server_only_reason
from inspector_app.ui import changes
from inspector_app.ui.empty_state import EmptyState
from inspector_app.ui.errors import show_error
from inspector_app.ui.findings.columns import FindingsModel
from inspector_app.ui.findings.filter_bar import FindingsFilterBar
from inspector_app.ui.findings.open_case_dialog import OpenCaseDialog
from inspector_app.ui.i18n import tr
from inspector_app.ui.models import PagedTableView
from inspector_app.ui.ops import SLOW_SELECTION, run_op
from inspector_app.ui.tasks import run_task

logger = logging.getLogger(__name__)

#: Entities whose changes can alter the findings table.
_WATCHED = {
    changes.FINDING, changes.PURCHASE, changes.MERCHANT, changes.PRODUCT, changes.CASE,
    changes.DATABASE, changes.ACTOR,
}
#: Roles that may open rectification cases (the service checks again).
CASE_OPENERS = (Role.QUALITY_MANAGER, Role.ADMIN)


class FindingsView(QWidget):
    """Every finding across purchases, filtered and sorted in SQL; select some to open a case."""

    def __init__(self, env, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self._stale = False
        self._count: int | None = None
        self._count_generation = 0
        self.filter_bar = FindingsFilterBar(lambda: env.ctx, self)
        self.model = FindingsModel(lambda: env.ctx, self)
        self.model.set_filters(self.filter_bar.filters())
        # A sorted search over a million findings takes up to seconds: later re-queries run
        # in a task while the old rows stay on show (the first load above stays synchronous).
        self.model.set_background(True, on_error=self._reload_failed)
        self._busy_reason: str | None = None
        self._busy_text = ""
        self._text_before_busy = ""
        self.table = PagedTableView("findings", env.settings, self)
        self.table.setModel(self.model)
        self.table.setToolTip(tr("Enter or double-click opens the finding's purchase"))

        self.count_label = QLabel(self)
        self.count_label.setObjectName("count_label")
        self.open_case_button = QPushButton(tr("Open rectification case…"), self)
        self.open_case_button.setObjectName("open_case_button")
        self.open_case_button.setToolTip(
            tr("Open one rectification case for the selected findings (all of one merchant)")
        )
        self.open_case_button.clicked.connect(self.open_case)
        self.open_purchase_button = QPushButton(tr("Open purchase"), self)
        self.open_purchase_button.setObjectName("open_purchase_button")
        self.open_purchase_button.clicked.connect(self.open_current_purchase)
        self.open_case_action = QAction(tr("Open rectification case…"), self)
        self.open_case_action.setShortcut(QKeySequence("Ctrl+Shift+R"))
        self.open_case_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.open_case_action.triggered.connect(self.open_case)
        self.addAction(self.open_case_action)
        self.delete_action = QAction(tr("Delete findings…"), self)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.delete_action.triggered.connect(self.delete_selected)
        self.table.addAction(self.delete_action)
        self.undo_button = QPushButton(tr("Undo delete"), self)
        self.undo_button.setObjectName("undo_delete_button")
        self.undo_button.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_button.setToolTip(tr("Bring the deleted findings back (%1)").replace(
            "%1", QKeySequence(QKeySequence.StandardKey.Undo).toString(QKeySequence.SequenceFormat.NativeText)))
        self.undo_button.clicked.connect(self.undo_delete)
        self.undo_button.hide()
        self._deleted: list[int] = []

        self.filter_bar.top_row.addWidget(self.open_purchase_button)
        self.filter_bar.top_row.addWidget(self.open_case_button)
        self.filter_bar.filter_row.addWidget(self.undo_button)
        self.filter_bar.filter_row.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        self.empty = EmptyState("findings_empty", tr(
            "No findings yet. Findings are recorded while inspecting a purchase: open a "
            "purchase on the Purchases screen and add a finding. Cases are then opened "
            "from here."), self)
        self.empty.add_button("purchases", tr("Go to Purchases"), lambda: env.navigate("purchases"))
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        self.setTabOrder(self.filter_bar.without_case, self.table)

        self.filter_bar.filters_changed.connect(self.apply_filters)
        self.table.activated_id.connect(self._open_purchase_of)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.model.modelReset.connect(self._update_count)
        self.model.modelReset.connect(self._update_actions)
        self.model.busy_changed.connect(self._show_busy)
        self.env.changes.changed.connect(self._on_changed)
        self.env.state.actor_changed.connect(lambda _a: self._update_actions())
        self._update_count()
        self._update_actions()

    # -- filtering -----------------------------------------------------------------------

    def show_behind(self, since, until, label: str, *, category: str | None = None,
                    merchant: tuple[int, str] | None = None) -> None:
        """The findings behind a Dashboard chart's bar: those on purchases ordered in
        [since, until], of one category or merchant; the other filters are cleared."""
        bar = self.filter_bar
        widgets = (bar.search, bar.category, bar.severity, bar.merchant, bar.since, bar.until,
                   bar.without_case)
        for w in widgets:
            w.blockSignals(True)
        try:
            bar.search.clear()
            bar.category.setCurrentIndex(max(bar.category.findData(category), 0))
            bar.severity.setCurrentIndex(0)
            bar.merchant.set_merchant(*(merchant or (0, "")))
            bar.since.clear_value()
            bar.until.clear_value()
            bar.without_case.setChecked(False)
            bar.set_bought(since, until, label)
        finally:
            for w in widgets:
                w.blockSignals(False)
        self.apply_filters()

    @Slot()
    def apply_filters(self) -> None:
        self._busy_reason = tr("Searching…")
        try:
            self.model.set_filters(self.filter_bar.filters())
        except InspectorError as exc:
            show_error(self, exc)
        finally:
            self._busy_reason = None

    @Slot(bool)
    def _show_busy(self, busy: bool) -> None:
        if busy:
            # Header clicks sort; apply_filters says when it is a search instead.
            self._busy_text = self._busy_reason or tr("Sorting…")
            self._text_before_busy = self.count_label.text()
            self.count_label.setText(self._busy_text)
            self.table.viewport().setCursor(Qt.CursorShape.BusyCursor)
            return
        self.table.viewport().unsetCursor()
        # A new result restarts the count (the label says "Counting…"); a failure keeps the
        # old rows, so their count comes back.
        if self.count_label.text() == self._busy_text:
            self.count_label.setText(self._text_before_busy)

    def _reload_failed(self, exc: BaseException) -> None:
        if shiboken6.isValid(self):
            show_error(self, exc)

    def refresh(self) -> None:
        self.model.refresh()  # its reset starts a new count

    @property
    def count(self) -> int | None:
        """How many findings match the filters (None while it is being counted)."""
        return self._count

    def _update_count(self) -> None:
        # Counting a million rows takes seconds in SQLite: a task does it, the window stays
        # responsive, and a count that arrives after the filters changed again is dropped.
        self._count = None
        self._count_generation += 1
        generation = self._count_generation
        ctx, flt = self.env.ctx, self.model.filters
        self.count_label.setText(tr("Counting…"))
        run_task(
            partial(browse.count_findings, ctx, flt),
            lambda n, g=generation: self._show_count(g, n),
            lambda exc: logger.warning("Counting findings failed: %s", exc),
            name="count findings",
        )

    def _show_count(self, generation: int, n: int) -> None:
        if generation != self._count_generation or not shiboken6.isValid(self.count_label):
            return
        self._count = n
        self.count_label.setText(tr("%n finding(s)", None, n))
        # None at all (not merely none matching the filters): say where findings come from.
        self.empty.setVisible(n == 0 and self.model.filters == FindingFilter())

    def _on_changed(self, entity: str, _ids: list) -> None:
        if entity in _WATCHED and self.isVisible():
            self.env.changes.reload_once(self.refresh)
        elif entity in _WATCHED:
            self._stale = True

    def activate(self) -> None:
        if self._stale:
            self._stale = False
            self.refresh()

    # -- actions -------------------------------------------------------------------------

    def selected_rows(self) -> list:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.row_object(r) for r in rows]

    def _update_actions(self, *_args) -> None:
        may_open = self.env.state.has_role(*CASE_OPENERS)
        selected = bool(self.table.selectionModel().selectedRows())
        # On a laptop copy, cases are opened on the server (docs/sync.md): say so.
        offline = server_only_reason(self.env.ctx, t("Opening a case")) if may_open else None
        self.open_case_button.setVisible(may_open)
        self.open_case_button.setEnabled(may_open and selected and not offline)
        self.open_case_action.setEnabled(may_open and selected and not offline)
        if offline:
            self.open_case_button.setToolTip(offline)
        self.open_purchase_button.setEnabled(self.table.currentIndex().isValid())
        self.delete_action.setEnabled(selected and self.env.state.has_role(*RECORDERS))

    @Slot()
    def open_case(self) -> None:
        rows = self.selected_rows()
        if not rows or not self.env.state.has_role(*CASE_OPENERS):
            return
        try:
            dialog = OpenCaseDialog(self.env, rows, self)
        except InspectorError as exc:
            show_error(self, exc)
            return
        if dialog.exec() == OpenCaseDialog.DialogCode.Accepted and dialog.case is not None:
            self.env.show_status(tr("Opened case %1").replace("%1", dialog.case.case_number))
            self.env.navigate("cases", dialog.case.id)

    @Slot()
    def delete_selected(self) -> None:
        """Soft-delete the selected findings after asking; "Undo delete" brings them back."""
        ids = [r.id for r in self.selected_rows()]
        if not ids or not self.env.state.has_role(*RECORDERS):
            return
        answer = QMessageBox.question(
            self, tr("Delete findings"),
            tr("Delete %n finding(s)? You can undo this.", None, len(ids)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return

        def deleted(done: list[int]) -> None:
            self._deleted = done
            self.undo_button.show()
            self.env.show_status(tr("%n finding(s) deleted.", None, len(done)))

        run_op(
            self, self.env.ctx, partial(bulk.delete_steps, self.env.ctx, "finding", ids),
            label=tr("Deleting findings…"), on_success=deleted,
            slow=len(ids) > SLOW_SELECTION, cancellable=True,
        )

    @Slot()
    def undo_delete(self) -> None:
        items = [("finding", i) for i in self._deleted]

        def restored(result: waste_basket.RestoreResult) -> None:
            self._deleted = []
            self.undo_button.hide()
            n = len(result.ids("finding"))
            self.env.show_status(tr("%n finding(s) restored.", None, n))

        run_op(self, self.env.ctx, lambda: waste_basket.restore_items(self.env.ctx, items),
               on_success=restored)

    @Slot()
    def open_current_purchase(self) -> None:
        finding_id = self.table.current_id()
        if finding_id is not None:
            self._open_purchase_of(finding_id)

    @Slot(int)
    def _open_purchase_of(self, finding_id: int) -> None:
        row = self.model.row_of_id(finding_id)
        if row >= 0:
            self.env.navigate("purchases", self.model.row_object(row).purchase_id)
