"""The Plan screen: draw a month's sampling plan, review its picks and reasons, accept, claim."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date
from functools import partial

from PySide6.QtCore import QModelIndex, Qt, Slot
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain import clock
from inspector_app.domain.enums import PlanStatus
from inspector_app.domain.money import format_cents
from inspector_app.services import sampling_plans
from inspector_app.services.context import MANAGERS, RECORDERS
from inspector_app.services.sampling_plans import PickInfo, PlanInfo
from inspector_app.ui import changes
from inspector_app.ui.i18n import QT_TR_NOOP, tr
from inspector_app.ui.models.columns import RIGHT, Column
from inspector_app.ui.models.paged import PagedTableModel
from inspector_app.ui.models.table_view import PagedTableView
from inspector_app.ui.ops import run_op
from inspector_app.ui.screens import ScreenEnv
from inspector_app.ui.screens.risk_tables import RowsSource
from inspector_app.ui.tasks import run_task

logger = logging.getLogger(__name__)

STATUSES = {
    PlanStatus.DRAFT.value: QT_TR_NOOP("Draft"),
    PlanStatus.ACCEPTED.value: QT_TR_NOOP("Accepted"),
}

PLAN_COLUMNS: Sequence[Column] = (
    Column("id", QT_TR_NOOP("Plan"), sort_key="id", align=RIGHT, width=50),
    Column("period", QT_TR_NOOP("Month"), sort_key="period", width=70),
    Column(
        "status",
        QT_TR_NOOP("Status"),
        sort_key="status",
        formatter=lambda v: tr(STATUSES.get(v, v)),
        width=75,
    ),
    Column("pick_count", QT_TR_NOOP("Purchases"), sort_key="pick_count", align=RIGHT, width=75),
    Column(
        "cost_cents",
        QT_TR_NOOP("List price"),
        sort_key="cost_cents",
        align=RIGHT,
        formatter=format_cents,
        width=90,
    ),
    Column("seed", QT_TR_NOOP("Seed"), sort_key="seed", align=RIGHT, width=90),
    Column("created_at", QT_TR_NOOP("Made"), sort_key="created_at", width=130),
)

PICK_COLUMNS: Sequence[Column] = (
    Column("shop_id", QT_TR_NOOP("Shop ID"), sort_key="shop_id", width=80),
    Column("merchant_name", QT_TR_NOOP("Merchant"), sort_key="merchant_name", width=150),
    Column(
        "product_name",
        QT_TR_NOOP("Product"),
        sort_key="product_name",
        width=170,
        formatter=lambda v: v or tr("(any product of the shop)"),
    ),
    Column("stratum", QT_TR_NOOP("Stratum"), sort_key="stratum", width=140),
    Column(
        "list_price_cents",
        QT_TR_NOOP("List price"),
        sort_key="list_price_cents",
        align=RIGHT,
        formatter=format_cents,
        width=80,
    ),
    Column("reason", QT_TR_NOOP("Why chosen"), sort_key="reason", width=280),
    Column("purchase_id", QT_TR_NOOP("Purchase"), sort_key="purchase_id", align=RIGHT, width=70),
    Column("inspector", QT_TR_NOOP("Claimed by"), sort_key="inspector", width=110),
)


def next_month(today: date | None = None) -> str:
    d = today or clock.today()
    return f"{d.year + (d.month == 12):04d}-{d.month % 12 + 1:02d}"


class PlanScreen(QWidget):
    def __init__(self, env: ScreenEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.setObjectName("plan_screen")
        self._stale = True
        self.plan: PlanInfo | None = None

        self.month_edit = QLineEdit(next_month(), self)
        self.month_edit.setObjectName("month_edit")
        self.month_edit.setPlaceholderText("2026-12")
        self.purchases_spin = QSpinBox(self)
        self.purchases_spin.setObjectName("purchases_spin")
        self.purchases_spin.setRange(0, sampling_plans.MAX_PURCHASES)
        self.purchases_spin.setValue(200)
        self.purchases_spin.setSpecialValueText(tr("no limit (budget only)"))
        self.budget_edit = QLineEdit(self)
        self.budget_edit.setObjectName("budget_edit")
        self.budget_edit.setPlaceholderText(tr("optional, e.g. 20000"))
        self.seed_edit = QLineEdit(self)
        self.seed_edit.setObjectName("seed_edit")
        self.seed_edit.setValidator(QIntValidator(0, 2**31 - 1, self))
        self.seed_edit.setPlaceholderText(tr("random"))
        self.repeat_check = QCheckBox(tr("Allow products already bought this month"), self)
        self.repeat_check.setObjectName("repeat_check")
        self.make_button = QPushButton(tr("Make plan"), self)
        self.make_button.setObjectName("make_button")
        self.make_button.clicked.connect(self.make_plan)
        form = QFormLayout()
        form.addRow(tr("Month:"), self.month_edit)
        form.addRow(tr("Purchases:"), self.purchases_spin)
        form.addRow(tr("Budget:"), self.budget_edit)
        form.addRow(tr("Seed:"), self.seed_edit)
        form.addRow("", self.repeat_check)
        form.addRow("", self.make_button)

        self.plans_source = RowsSource("id")
        self.plans_model = PagedTableModel(
            self.plans_source, PLAN_COLUMNS, sort_key="id", sort_desc=True, parent=self
        )
        self.plans_table = PagedTableView("plans", env.settings, self)
        self.plans_table.setModel(self.plans_model)
        self.plans_table.selectionModel().currentRowChanged.connect(self._plan_chosen)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(form)
        left_layout.addWidget(QLabel(tr("Plans:"), left))
        left_layout.addWidget(self.plans_table, 1)

        self.picks_source = RowsSource("id")
        self.picks_model = PagedTableModel(self.picks_source, PICK_COLUMNS, parent=self)
        self.picks_table = PagedTableView("plan_picks", env.settings, self)
        self.picks_table.setModel(self.picks_model)
        self.plan_label = QLabel(tr("Make a plan or choose one."), self)
        self.plan_label.setObjectName("plan_label")
        self.plan_label.setWordWrap(True)
        self.accept_button = QPushButton(tr("Accept plan"), self)
        self.accept_button.setObjectName("accept_button")
        self.accept_button.clicked.connect(self.accept_plan)
        self.discard_button = QPushButton(tr("Discard draft"), self)
        self.discard_button.setObjectName("discard_button")
        self.discard_button.clicked.connect(self.discard_plan)
        self.claim_button = QPushButton(tr("Claim selected purchases"), self)
        self.claim_button.setObjectName("claim_button")
        self.claim_button.clicked.connect(self.claim_selected)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.claim_button, self.discard_button, self.accept_button):
            buttons.addWidget(b)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.plan_label)
        right_layout.addWidget(self.picks_table, 1)
        right_layout.addLayout(buttons)

        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        env.changes.changed.connect(self._on_changed)
        self._update_buttons()

    # -- loading -------------------------------------------------------------------------

    def activate(self) -> None:
        self._update_buttons()
        if self._stale:
            self.reload()

    @Slot()
    def reload(self) -> None:
        self._stale = False
        if not self.env.state.has_role(*sampling_plans.PLAN_READERS):
            # A merchant manager may not see the next purchases (services/sampling_plans.py).
            self.plan = None
            self.plans_source.rows = []
            self.plans_model.refresh()
            self.picks_source.rows = []
            self.picks_model.refresh()
            self.plan_label.setText(tr("Sampling plans are for inspectors and quality managers."))
            self._update_buttons()
            return
        run_task(
            partial(sampling_plans.list_plans, self.env.ctx), self._show_plans, name="list plans"
        )

    def _show_plans(self, plans: list[PlanInfo]) -> None:
        self.plans_source.rows = plans
        self.plans_model.refresh()
        if self.plan is not None:
            self.open_plan(self.plan.id)

    @Slot(QModelIndex, QModelIndex)
    def _plan_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.open_plan(self.plans_model.row_id(current.row()))

    def open_plan(self, plan_id: int) -> None:
        run_task(
            partial(sampling_plans.get_plan, self.env.ctx, plan_id),
            self._show_plan,
            name="open plan",
        )

    def _show_plan(self, plan: PlanInfo) -> None:
        self.plan = plan
        self.picks_source.rows = plan.picks
        self.picks_model.refresh()
        text = (
            tr("Plan %1 for %2 (%3): %4 purchases, about %5 at list prices; seed %6.")
            .replace("%1", str(plan.id))
            .replace("%2", plan.period)
            .replace("%3", tr(STATUSES.get(plan.status, plan.status)))
            .replace("%4", str(len(plan.picks)))
            .replace("%5", format_cents(plan.cost_cents))
            .replace("%6", str(plan.seed))
        )
        if plan.warnings:
            text += "\n" + "\n".join(tr("Warning: %1").replace("%1", w) for w in plan.warnings)
        self.plan_label.setText(text)
        self._update_buttons()

    @Slot(str, list)
    def _on_changed(self, entity: str, _ids: list) -> None:
        if entity in (changes.PURCHASE, changes.MERCHANT, changes.PLAN, changes.DATABASE, changes.ACTOR):
            self._stale = True
            self._update_buttons()
            if self.isVisible():
                self.reload()

    def _update_buttons(self) -> None:
        manager = self.env.state.has_role(*MANAGERS)
        draft = self.plan is not None and self.plan.status == PlanStatus.DRAFT.value
        self.make_button.setEnabled(manager)
        self.accept_button.setEnabled(manager and draft)
        self.discard_button.setEnabled(manager and draft)
        accepted = self.plan is not None and self.plan.status == PlanStatus.ACCEPTED.value
        self.claim_button.setEnabled(accepted and self.env.state.has_role(*RECORDERS))

    # -- actions -------------------------------------------------------------------------

    @Slot()
    def make_plan(self) -> None:
        ctx = self.env.ctx
        seed = int(self.seed_edit.text()) if self.seed_edit.text().strip() else None
        job = partial(
            sampling_plans.make_plan,
            ctx,
            self.month_edit.text().strip(),
            purchases=self.purchases_spin.value() or None,
            budget=self.budget_edit.text().strip() or None,
            seed=seed,
            allow_repeat=self.repeat_check.isChecked(),
        )
        run_op(self, ctx, job, on_success=self._made, label=tr("Drawing the plan…"), slow=True)

    def _made(self, plan: PlanInfo) -> None:
        self.plan = plan
        self.env.show_status(tr("Plan %1 drawn (draft).").replace("%1", str(plan.id)))
        self.reload()

    @Slot()
    def accept_plan(self) -> None:
        if self.plan is None:
            return
        answer = QMessageBox.question(
            self,
            tr("Accept plan"),
            tr("Create %1 planned purchases for inspectors to claim?").replace(
                "%1", str(len(self.plan.picks))
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        run_op(self, self.env.ctx, partial(sampling_plans.accept_plan, self.env.ctx, self.plan.id),
               on_success=self._accepted, label=tr("Creating planned purchases…"), slow=True)

    def _accepted(self, plan: PlanInfo) -> None:
        self.plan = plan
        self.env.show_status(tr("Plan %1 accepted.").replace("%1", str(plan.id)))

    @Slot()
    def discard_plan(self) -> None:
        if self.plan is None:
            return
        plan_id = self.plan.id
        self.plan = None
        run_op(self, self.env.ctx, partial(sampling_plans.discard_plan, self.env.ctx, plan_id),
               on_success=lambda _r: self._discarded(), slow=True)

    def _discarded(self) -> None:
        self.picks_source.rows = []
        self.picks_model.refresh()
        self.plan_label.setText(tr("Make a plan or choose one."))
        self._update_buttons()
        self.reload()

    def selected_picks(self) -> list[PickInfo]:
        rows = sorted({i.row() for i in self.picks_table.selectionModel().selectedRows()})
        return [self.picks_model.row_object(r) for r in rows]

    @Slot()
    def claim_selected(self) -> None:
        ids = [p.purchase_id for p in self.selected_picks() if p.purchase_id]
        if ids:
            run_op(self, self.env.ctx, partial(_claim_all, self.env.ctx, ids), on_success=self._claimed,
                   slow=True)

    def _claimed(self, ids: list[int]) -> None:
        self.env.show_status(tr("%1 purchases claimed.").replace("%1", str(len(ids))))


def _claim_all(ctx, purchase_ids: list[int]) -> list[int]:
    """Claim each purchase, in the runner's one transaction: one that is not free any more
    refuses the whole selection (its error is shown)."""
    for pid in purchase_ids:
        sampling_plans.claim(ctx, pid)
    return purchase_ids
