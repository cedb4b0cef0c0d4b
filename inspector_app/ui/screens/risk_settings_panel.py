"""The risk and sampling part of the team settings: thresholds, statistics window, weight floor,
and the work-order stage limits (docs/domain.md, "Work-order warnings")."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSizePolicy,
    QSpinBox,
    QWidget,
)

from inspector_app.domain.workorders import STAGES, STOCK_IN_AVERAGE_KEY
from inspector_app.services.team_settings import RANGES
from inspector_app.ui.i18n import enum_label, tr

logger = logging.getLogger(__name__)


class RiskSettingsPanel(QGroupBox):
    """Spin boxes for the risk and sampling team settings; the service validates and saves."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("Risk and sampling"), parent)
        self.setObjectName("risk_settings_panel")
        form = QFormLayout(self)
        hint = QLabel(
            tr("Merchants whose risk score reaches a threshold are proposed for watch or "
               "elimination on the Risk screen; the sampling plan buys more often from "
               "riskier merchants."),
            self,
        )
        hint.setWordWrap(True)
        form.addRow(hint)
        self.spins: dict[str, QSpinBox | QDoubleSpinBox] = {}
        self._add(form, "watch_threshold", tr("Watch at a risk score of:"), decimals=1)
        self._add(form, "eliminate_threshold", tr("Eliminate at a risk score of:"), decimals=1)
        self._add(form, "risk.window_days", tr("Count complaints and purchases of the last:"),
                  suffix=tr(" days"))
        self._add(form, "risk.finished_days",
                  tr("Time work orders finished in the last:"), suffix=tr(" days"))
        self._add(form, "sampling.weight_floor", tr("Sampling weight of a spotless merchant:"),
                  decimals=2, step=0.05,
                  tip=tr("Beside 1.0 added at risk 100: with 0.20 a merchant at risk 80 is "
                         "drawn five times as often as a spotless one."))
        stages = QLabel(tr("Work-order stages are late past these limits (Work orders screen):"),
                        self)
        stages.setWordWrap(True)
        form.addRow(stages)
        for rule in STAGES:
            self._add(form, rule.limit_key, enum_label(rule.stage) + ":", decimals=1,
                      suffix=tr(" h"))
        self._add(form, STOCK_IN_AVERAGE_KEY, tr("Signed to stocked in, average aim:"),
                  decimals=1, suffix=tr(" h"))

    def _add(self, form: QFormLayout, key: str, label: str, *, decimals: int = 0,
             step: float = 1, suffix: str = "", tip: str = "") -> None:
        low, high = RANGES[key]
        spin: QSpinBox | QDoubleSpinBox
        if decimals:
            spin = QDoubleSpinBox(self)
            spin.setDecimals(decimals)
            spin.setSingleStep(step)
            spin.setRange(low, high)
        else:
            spin = QSpinBox(self)
            spin.setRange(int(low), int(high))
        spin.setSuffix(suffix)
        spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        spin.setMinimumWidth(110)
        spin.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        spin.setObjectName(key.replace(".", "_"))
        if tip:
            spin.setToolTip(tip)
        self.spins[key] = spin
        form.addRow(label, spin)

    def load(self, values: dict[str, Any]) -> None:
        for key, spin in self.spins.items():
            spin.setValue(values[key])

    def values(self) -> dict[str, Any]:
        return {key: spin.value() for key, spin in self.spins.items()}

    def set_editable(self, editable: bool) -> None:
        for spin in self.spins.values():
            spin.setEnabled(editable)
