"""The Review screen: the monthly merchant review, its evidence, and recording decisions in one step."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from functools import partial
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain import clock
from inspector_app.domain.enums import (
    MerchantStatus,
    ReviewDecision,
    ReviewReason,
    WorkOrderStage,
)
from inspector_app.services import review as review_service
from inspector_app.services import review_decisions
from inspector_app.ui import changes
from inspector_app.ui.i18n import QT_TR_NOOP, enum_label, tr
from inspector_app.ui.models.columns import RIGHT, Column, enum_formatter
from inspector_app.ui.models.paged import PagedTableModel
from inspector_app.ui.models.table_view import PagedTableView
from inspector_app.ui.ops import run_op
from inspector_app.ui.screens import ScreenEnv
from inspector_app.ui.screens.risk_tables import RowsSource
from inspector_app.ui.tasks import run_task

logger = logging.getLogger(__name__)

#: Entities whose change can move a merchant's review.
RELOAD_ON = {changes.MERCHANT, changes.PURCHASE, changes.FINDING, changes.CASE,
             changes.SETTINGS, changes.DATABASE}
#: Months offered in the month picker, the current one first.
MONTHS_SHOWN = 13


def _num(digits: int):
    return lambda v: "" if v is None else f"{v:.{digits}f}"


def _reasons(v: Any) -> str:
    return ", ".join(enum_label(ReviewReason(r)) for r in v or ())


def _decision(v: Any) -> str:
    return enum_label(ReviewDecision(v)) if v else ""


COLUMNS: Sequence[Column] = (
    Column("shop_id", QT_TR_NOOP("Shop ID"), sort_key="shop_id", width=90),
    Column("name", QT_TR_NOOP("Merchant"), sort_key="name", width=160),
    Column("status", QT_TR_NOOP("Status"), sort_key="status",
           formatter=enum_formatter(MerchantStatus), width=80),
    Column("candidate", QT_TR_NOOP("Candidate"), sort_key="candidate",
           formatter=lambda v: tr("Yes") if v else "", width=70),
    Column("reasons", QT_TR_NOOP("Why"), formatter=_reasons, width=220),
    Column("suggestion", QT_TR_NOOP("Suggested"), sort_key="suggestion", formatter=_decision,
           width=80),
    Column("score", QT_TR_NOOP("Risk"), sort_key="score", align=RIGHT, formatter=_num(1),
           width=55),
    Column("work_orders", QT_TR_NOOP("Work orders"), sort_key="work_orders", align=RIGHT,
           width=80),
    Column("over_72h", QT_TR_NOOP("Over 72 h"), sort_key="over_72h", align=RIGHT, width=70),
    Column("duration_median", QT_TR_NOOP("Median h"), sort_key="duration_median", align=RIGHT,
           formatter=_num(0), width=70),
    Column("complaints", QT_TR_NOOP("Complaints"), sort_key="complaints", align=RIGHT,
           width=80),
    Column("complaint_baseline", QT_TR_NOOP("Before /mo"), sort_key="complaint_baseline",
           align=RIGHT, formatter=_num(1), width=75),
    Column("findings", QT_TR_NOOP("Findings"), sort_key="findings", align=RIGHT, width=65),
    Column("overdue_cases", QT_TR_NOOP("Overdue"), sort_key="overdue_cases", align=RIGHT,
           width=65),
    Column("stage_breaches", QT_TR_NOOP("Stage breaches"), sort_key="stage_breaches",
           align=RIGHT, width=85),
    Column("decision", QT_TR_NOOP("Decided"), sort_key="decision", formatter=_decision,
           width=80),
)


def recent_months(n: int = MONTHS_SHOWN) -> list[str]:
    today = clock.today()
    out = []
    y, m = today.year, today.month
    for _ in range(n):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y - 1, 12) if m == 1 else (y, m - 1)
    return out


class ReviewScreen(QWidget):
    def __init__(self, env: ScreenEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.setObjectName("review_screen")
        self._stale = True
        self.result: review_service.MonthReview | None = None

        self.month_combo = QComboBox(self)
        self.month_combo.setObjectName("month_combo")
        self.month_combo.addItems(recent_months())
        self.month_combo.setCurrentIndex(1)  # last month: the one to review
        self.month_combo.currentIndexChanged.connect(self.reload)
        self.candidates_check = QCheckBox(tr("Only candidates"), self)
        self.candidates_check.setObjectName("candidates_check")
        self.candidates_check.toggled.connect(self._filter_changed)
        self.refresh_button = QPushButton(tr("Refresh"), self)
        self.refresh_button.setObjectName("refresh_button")
        self.refresh_button.clicked.connect(self.reload)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("summary_label")
        self.summary_label.setWordWrap(True)

        self.source = RowsSource("merchant_id")
        self.model = PagedTableModel(self.source, COLUMNS, parent=self)
        self.table = PagedTableView("review", env.settings, self)
        self.table.setModel(self.model)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.selectionModel().currentRowChanged.connect(self._show_evidence)
        self.apart_source = RowsSource("merchant_id")
        self.apart_model = PagedTableModel(self.apart_source, COLUMNS, parent=self)
        self.apart_table = PagedTableView("review_apart", env.settings, self)
        self.apart_table.setModel(self.apart_model)
        self.apart_label = QLabel(tr("Already suspended or eliminated (not reviewed):"), self)
        self.evidence_label = QLabel(self)
        self.evidence_label.setObjectName("evidence_label")
        self.evidence_label.setWordWrap(True)
        self.evidence_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.decision_combo = QComboBox(self)
        self.decision_combo.setObjectName("decision_combo")
        for d in ReviewDecision:
            self.decision_combo.addItem(enum_label(d), d.value)
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setObjectName("reason_edit")
        self.reason_edit.setPlaceholderText(tr("Reason (required)"))
        self.reason_edit.textChanged.connect(self._update_buttons)
        self.decide_button = QPushButton(tr("Record decision for the selected merchants"), self)
        self.decide_button.setObjectName("decide_button")
        self.decide_button.clicked.connect(self.decide)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(tr("Month:"), self))
        bar.addWidget(self.month_combo)
        bar.addWidget(self.candidates_check)
        bar.addStretch(1)
        bar.addWidget(self.refresh_button)
        decide_bar = QHBoxLayout()
        decide_bar.addWidget(self.decision_combo)
        decide_bar.addWidget(self.reason_edit, 1)
        decide_bar.addWidget(self.decide_button)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.evidence_label)
        lower_layout.addWidget(self.apart_label)
        lower_layout.addWidget(self.apart_table)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(lower)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.summary_label)
        layout.addWidget(split, 1)
        layout.addLayout(decide_bar)
        env.changes.changed.connect(self._on_changed)
        self._update_buttons()

    # -- loading -------------------------------------------------------------------------

    @property
    def month(self) -> str:
        return self.month_combo.currentText()

    def activate(self) -> None:
        self._update_buttons()
        if self._stale:
            self.reload()

    @Slot()
    def reload(self) -> None:
        self._stale = False
        self.summary_label.setText(tr("Reviewing %1…").replace("%1", self.month))
        run_task(partial(review_service.month_review, self.env.ctx, self.month), self._show,
                 name="monthly review")

    def _show(self, result: review_service.MonthReview) -> None:
        self.result = result
        self.source.rows = result.rows
        self.model.refresh()
        self.apart_source.rows = result.apart
        self.apart_model.refresh()
        self.summary_label.setText(
            tr("%1: %2 merchants reviewed, %3 candidates, %4 decisions recorded; %5 suspended "
               "or eliminated apart. Work orders applied for in the month; complaints against "
               "the merchant's own 6 months before.")
            .replace("%1", result.month)
            .replace("%2", str(len(result.rows)))
            .replace("%3", str(len(result.candidates)))
            .replace("%4", str(len(result.decisions)))
            .replace("%5", str(len(result.apart)))
        )
        self.evidence_label.clear()
        self._update_buttons()

    @Slot(str, list)
    def _on_changed(self, entity: str, _ids: list) -> None:
        if entity == changes.ACTOR:
            self._update_buttons()
        if entity not in RELOAD_ON:
            return
        self._stale = True
        if self.isVisible():
            self.reload()

    @Slot(bool)
    def _filter_changed(self, only: bool) -> None:
        self.model.set_filters((lambda r: r.candidate) if only else None)

    # -- evidence and decisions ----------------------------------------------------------

    def selected_rows(self) -> list[review_service.ReviewRow]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.row_object(r) for r in rows]

    @Slot()
    def _selection_changed(self, *_args) -> None:
        self._update_buttons()

    @Slot(QModelIndex, QModelIndex)
    def _show_evidence(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        r = self.model.row_object(current.row())
        hours = "" if r.duration_median is None else f"{r.duration_median:.0f}"
        p90 = "" if r.duration_p90 is None else f"{r.duration_p90:.0f}"
        text = (
            tr("%1: %2 work orders in the month, %3 over 72 h, %4 not handled yet; median %5 h, "
               "p90 %6 h. %7 complaints (before: %8 a month). %9 findings on the month's "
               "purchases, %10 failed purchases, %11 overdue rectifications.")
            .replace("%11", str(r.overdue_cases))
            .replace("%10", str(r.failed_purchases))
            .replace("%1", r.name).replace("%2", str(r.work_orders))
            .replace("%3", str(r.over_72h)).replace("%4", str(r.unhandled))
            .replace("%5", hours).replace("%6", p90).replace("%7", str(r.complaints))
            .replace("%8", f"{r.complaint_baseline:.1f}").replace("%9", str(r.findings))
        )
        if r.breaches_by_stage:
            stages = ", ".join(f"{enum_label(WorkOrderStage(st))} {n}"
                               for st, n in sorted(r.breaches_by_stage.items()))
            text += " " + tr("Stages past their limit: %1.").replace("%1", stages)
        if r.score_reason:
            text += " " + r.score_reason
        if r.decision:
            text += " " + tr("Decided: %1 (%2)").replace("%1", _decision(r.decision)).replace(
                "%2", r.decision_reason)
        self.evidence_label.setText(text)

    @Slot()
    def _update_buttons(self) -> None:
        allowed = review_decisions.may_decide(self.env.ctx)
        for w in (self.decision_combo, self.reason_edit):
            w.setEnabled(allowed)
        self.decide_button.setEnabled(
            allowed and bool(self.reason_edit.text().strip()) and bool(self.selected_rows())
        )

    @Slot()
    def decide(self) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        decision = self.decision_combo.currentData()
        run_op(
            self, self.env.ctx,
            partial(review_decisions.record_decisions, self.env.ctx, self.month,
                    [r.merchant_id for r in rows], decision, self.reason_edit.text()),
            on_success=self._decided, label=tr("Recording decisions…"), slow=True,
        )

    def _decided(self, done: list[review_decisions.DecisionInfo]) -> None:
        self.reason_edit.clear()
        self.env.show_status(
            tr("Recorded %1 for %2 merchants.")
            .replace("%1", _decision(done[0].decision) if done else "")
            .replace("%2", str(len(done)))
        )
