"""One merchant: its facts, scorecard, status history, cases, and the status-change buttons."""

from __future__ import annotations

import logging

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.enums import CaseStatus, MerchantStatus
from inspector_app.domain.errors import InspectorError
from inspector_app.domain.messages import t
from inspector_app.services import browse, merchants, stats
from inspector_app.services.context import MANAGERS
from inspector_app.services.sync.binding import server_only_reason
from inspector_app.ui.cases.model import CasesModel
from inspector_app.ui.errors import show_error
from inspector_app.ui.i18n import QT_TR_NOOP, enum_label, tr
from inspector_app.ui.merchants.status_dialog import StatusChangeDialog
from inspector_app.ui.models import RIGHT, Column, PagedTableView
from inspector_app.ui.models import enum_formatter as _enum_fmt
from inspector_app.ui.ops import run_op
from inspector_app.ui.screens import ScreenEnv

logger = logging.getLogger(__name__)

#: The status buttons, in the order a merchant usually moves through them.
STATUS_ACTIONS = (
    (MerchantStatus.WATCH, QT_TR_NOOP("Put on watch…")),
    (MerchantStatus.SUSPENDED, QT_TR_NOOP("Suspend…")),
    (MerchantStatus.ELIMINATED, QT_TR_NOOP("Eliminate…")),
    (MerchantStatus.ACTIVE, QT_TR_NOOP("Reinstate…")),
)

CASE_COLUMNS = [
    Column("case_number", QT_TR_NOOP("Case"), sort_key="case_number", width=130),  # with an icon
    Column("status", QT_TR_NOOP("Status"), sort_key="status",
           formatter=_enum_fmt(CaseStatus), width=130),
    Column("due_date", QT_TR_NOOP("Due"), sort_key="due_date", width=90),
    Column("finding_count", QT_TR_NOOP("Findings"), sort_key="finding_count", align=RIGHT, width=70),
    # Overdue and due-soon cases are marked as on the Cases screen (ui/cases/model.py).
    Column("days_left", QT_TR_NOOP("Days left"), field="due_date", sort_key="due_date", width=105),
]


def _h(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f} h"


class MerchantPage(QWidget):
    """Shows one merchant; managers may change its status and key-merchant flag."""

    open_case = Signal(int)

    def __init__(self, env: ScreenEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.setObjectName("merchant_page")
        self.info: merchants.MerchantInfo | None = None

        self.title = QLabel(tr("Choose a merchant"), self)
        self.title.setObjectName("merchant_title")
        font = self.title.font()
        font.setPointSizeF(max(font.pointSizeF(), 9.0) * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.facts = QLabel("", self)
        self.facts.setObjectName("merchant_facts")
        self.facts.setWordWrap(True)
        self.key_check = QCheckBox(tr("Key merchant (bought from at least once per plan)"), self)
        self.key_check.setObjectName("key_check")
        self.key_check.toggled.connect(self._set_key)

        self.status_buttons: dict[MerchantStatus, QPushButton] = {}
        buttons = QHBoxLayout()
        for status, label in STATUS_ACTIONS:
            b = QPushButton(tr(label), self)
            b.setObjectName(f"status_{status.value}")
            b.clicked.connect(lambda _=False, st=status: self._change_status(st))
            self.status_buttons[status] = b
            buttons.addWidget(b)
        buttons.addStretch(1)

        score = QGroupBox(tr("Scorecard"), self)
        self.score_form = QFormLayout(score)
        self.score_labels: dict[str, QLabel] = {}
        for key, caption in (
            ("purchases", QT_TR_NOOP("Purchases (inspected / failed)")),
            ("defect_rate", QT_TR_NOOP("Defect rate")),
            ("findings", QT_TR_NOOP("Findings (critical / major / minor)")),
            ("cases", QT_TR_NOOP("Active cases (overdue)")),
            ("response", QT_TR_NOOP("Hours to first response (median / P90)")),
            ("closure", QT_TR_NOOP("Hours to closure (median / P90)")),
        ):
            lab = QLabel("–", score)
            lab.setObjectName(f"score_{key}")
            self.score_labels[key] = lab
            self.score_form.addRow(tr(caption), lab)

        history = QGroupBox(tr("Status history"), self)
        self.history = QTreeWidget(history)
        self.history.setObjectName("status_history")
        self.history.setRootIsDecorated(False)
        # Statuses here (原状态/新状态), not the dates of the purchases filter's From/To.
        self.history.setHeaderLabels(
            [tr("When"), tr("From", "status change"), tr("To", "status change"), tr("Reason")]
        )
        self.history.setColumnWidth(0, 130)
        QVBoxLayout(history).addWidget(self.history)

        cases_box = QGroupBox(tr("Rectification cases"), self)
        self.cases_model = CasesModel(
            lambda: self.env.ctx, self, columns=CASE_COLUMNS,
            filters=browse.CaseFilter(merchant_id=-1), sort_key="created_at", sort_desc=True)
        self.cases_view = PagedTableView("merchant_cases", env.settings, cases_box)
        self.cases_view.setModel(self.cases_model)
        self.cases_view.activated_id.connect(self.open_case)
        QVBoxLayout(cases_box).addWidget(self.cases_view)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.facts)
        layout.addWidget(self.key_check)
        layout.addLayout(buttons)
        layout.addWidget(score)
        layout.addWidget(history, 1)
        layout.addWidget(cases_box, 2)
        self._update_controls()

    # -- showing -------------------------------------------------------------------------

    def show_merchant(self, merchant_id: int | None) -> None:
        if merchant_id is None:
            self.info = None
            self.title.setText(tr("Choose a merchant"))
            self.facts.setText("")
            self.history.clear()
            self.cases_model.set_filters(browse.CaseFilter(merchant_id=-1))
            self._update_controls()
            return
        ctx = self.env.ctx
        try:
            self.info = merchants.get_merchant(ctx, merchant_id)
        except InspectorError as exc:
            show_error(self, exc)
            return
        m = self.info
        self.title.setText(f"{m.name}  ·  {m.shop_id}")
        since = m.status_changed_at.astimezone().strftime("%Y-%m-%d") if m.status_changed_at else ""
        facts = [tr("Status: %1").replace("%1", enum_label(m.status))]
        if since:
            facts.append(tr("since %1").replace("%1", since))
        if m.status_reason:
            facts.append(f"— {m.status_reason}")
        if m.category:
            facts.append(tr("Category: %1").replace("%1", m.category))
        if m.contact:
            facts.append(tr("Contact: %1").replace("%1", m.contact))
        self.facts.setText("  ".join(facts))
        self.key_check.blockSignals(True)
        self.key_check.setChecked(m.key_merchant)
        self.key_check.blockSignals(False)
        self._show_scorecard(merchant_id)
        self.history.clear()
        for ch in reversed(merchants.status_history(ctx, merchant_id)):
            QTreeWidgetItem(self.history, [
                ch.at.astimezone().strftime("%Y-%m-%d %H:%M"),
                enum_label(ch.from_status) if ch.from_status else "",
                enum_label(ch.to_status), ch.reason,
            ])
        self.cases_model.set_filters(browse.CaseFilter(merchant_id=merchant_id))
        self._update_controls()

    def _show_scorecard(self, merchant_id: int) -> None:
        ctx = self.env.ctx
        rows = browse.fetch_merchants(ctx, browse.MerchantFilter(ids=[merchant_id]))
        timing = stats.timing_by_merchant(ctx, [merchant_id]).get(merchant_id, stats.Timing())
        sl = self.score_labels
        if rows:
            r = rows[0]
            sl["purchases"].setText(f"{r.purchases} ({r.inspected} / {r.failed})")
            sl["defect_rate"].setText("–" if r.defect_rate is None else f"{r.defect_rate:.0%}")
            sl["findings"].setText(f"{r.findings} ({r.critical} / {r.major} / {r.minor})")
            sl["cases"].setText(f"{r.open_cases} ({r.overdue_cases})")
        sl["response"].setText(f"{_h(timing.response_median)} / {_h(timing.response_p90)}")
        sl["closure"].setText(f"{_h(timing.closure_median)} / {_h(timing.closure_p90)}")

    def _update_controls(self) -> None:
        manager = self.env.state.has_role(*MANAGERS)
        self.key_check.setEnabled(manager and self.info is not None)
        offline = server_only_reason(self.env.ctx, t("Changing a merchant's status"))
        for status, button in self.status_buttons.items():
            button.setVisible(manager)
            button.setEnabled(self.info is not None and self.info.status != status
                              and not offline)
            if offline:  # a laptop copy of a team server (docs/sync.md)
                button.setToolTip(offline)

    # -- actions -------------------------------------------------------------------------

    def _change_status(self, target: MerchantStatus) -> None:
        if self.info is None:
            return
        dialog = StatusChangeDialog(self.env.ctx, self.info, target, self)
        if dialog.exec() and dialog.result_info is not None:
            self.env.show_status(tr("%1 is now %2").replace("%1", self.info.name)
                                 .replace("%2", enum_label(target)))

    def _set_key(self, checked: bool) -> None:
        if self.info is None:
            return
        merchant_id = self.info.id
        run_op(self, self.env.ctx,
               lambda: merchants.update_merchant(self.env.ctx, merchant_id, key_merchant=checked))
