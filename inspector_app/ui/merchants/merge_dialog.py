"""Merge duplicates: choose the merchant (or product) to keep, see what moves, confirm.

The counts come from services/merging.py's plan, read again whenever the row to keep
changes; the merge itself is that plan, refused whole when a row changed meanwhile.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.errors import InspectorError
from inspector_app.services import merging
from inspector_app.services.context import Context
from inspector_app.ui.errors import show_error
from inspector_app.ui.i18n import tr
from inspector_app.ui.ops import run_op

logger = logging.getLogger(__name__)


class MergeDialog(QDialog):
    """`rows` are (id, label) of two or more merchants (kind "merchant") or products."""

    def __init__(self, ctx: Context, kind: str, rows: list[tuple[int, str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.kind, self.rows = ctx, kind, rows
        self.plan: merging.MergePlan | None = None
        self.merged: merging.MergePlan | None = None
        self.setObjectName("merge_dialog")
        self.setWindowTitle(tr("Merge merchants") if kind == merging.MERCHANT
                            else tr("Merge products"))
        intro = QLabel(tr(
            "Choose the one to keep. Everything recorded against the others moves to it in one "
            "step; the others go to Deleted items, from where they can be restored."), self)
        intro.setWordWrap(True)
        box = QGroupBox(tr("Keep"), self)
        self.group = QButtonGroup(self)
        column = QVBoxLayout(box)
        self.radios: list[QRadioButton] = []
        for i, (row_id, label) in enumerate(rows):
            radio = QRadioButton(label, box)
            radio.setObjectName(f"keep_{row_id}")
            self.group.addButton(radio, i)
            column.addWidget(radio)
            self.radios.append(radio)
        self.counts = QLabel("", self)
        self.counts.setObjectName("merge_counts")
        self.counts.setWordWrap(True)
        self.counts.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        # Merging cannot be undone in one click: an action button, never the default one
        # (Return cancels; Alt+M or Space on the button merges).
        self.merge_button = QPushButton(tr("&Merge"), self)
        self.merge_button.setObjectName("merge_button")
        self.merge_button.setAutoDefault(False)
        self.buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.merge_button.clicked.connect(self._merge)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(box)
        layout.addWidget(self.counts, 1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)
        self.group.idToggled.connect(self._toggled)
        if self.radios:
            self.radios[0].setChecked(True)
            self.radios[0].setFocus()

    def _toggled(self, _id: int, on: bool) -> None:
        if on:
            self._replan()

    def keep_id(self) -> int:
        return self.rows[max(0, self.group.checkedId())][0]

    def _replan(self) -> None:
        keep = self.keep_id()
        others = [i for i, _ in self.rows if i != keep]
        plan_fn = (merging.plan_merchant_merge if self.kind == merging.MERCHANT
                   else merging.plan_product_merge)
        try:
            self.plan = plan_fn(self.ctx, keep, others)
        except InspectorError as exc:
            self.plan = None
            self.counts.setText(str(exc))
            self.merge_button.setEnabled(False)
            return
        self.merge_button.setEnabled(True)
        lines = [tr("Moves to %1:").replace("%1", self.plan.keep_name)]
        lines += [f"  • {merging.record_label(k)}: {n}" for k, n in self.plan.moves if n]
        if len(lines) == 1:
            lines.append("  " + tr("nothing (no records point at the others)"))
        stays = [(k, n) for k, n in self.plan.stays if n]
        if stays:
            lines.append(tr("Stays with the merged ones (kept in Deleted items):"))
            lines += [f"  • {merging.record_label(k)}: {n}" for k, n in stays]
        self.counts.setText("\n".join(lines))

    def _merge(self) -> None:
        if self.plan is None:
            return
        merge_fn = (merging.merge_merchants if self.kind == merging.MERCHANT
                    else merging.merge_products)
        plan = self.plan

        def refused(exc: InspectorError) -> None:
            show_error(self, exc)
            self._replan()  # e.g. a stale plan: show what would move now

        def merged(result: merging.MergePlan) -> None:
            self.merged = result
            self.accept()

        run_op(self, self.ctx, lambda: merge_fn(self.ctx, plan), on_success=merged,
               on_failure=refused)
