"""The purchase form's "What happened to the goods" group: returned (refund, lightning
refund), kept as a sample (where) or disposed of (docs/domain.md, "What the team spent")."""

from __future__ import annotations

import logging

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QGroupBox, QLineEdit, QWidget

from inspector_app.domain.enums import GoodsDisposition
from inspector_app.domain.money import format_cents
from inspector_app.ui.i18n import enum_label, tr

logger = logging.getLogger(__name__)


class GoodsEndGroup(QGroupBox):
    """The disposition fields; `edited(field)` when the user changes one."""

    edited = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("What happened to the goods"), parent)
        self.setObjectName("goods_group")
        self.disposition = QComboBox(self)
        self.disposition.setObjectName("disposition_combo")
        self.disposition.addItem(tr("(not recorded yet)"), None)
        for d in GoodsDisposition:
            self.disposition.addItem(enum_label(d), d.value)
        self.refund = QLineEdit(self)
        self.refund.setObjectName("refund_edit")
        self.refund.setPlaceholderText(tr("e.g. 129.90"))
        self.refund.setMaximumWidth(180)
        self.lightning = QCheckBox(tr("Lightning refund (refunded before the return arrived)"),
                                   self)
        self.lightning.setObjectName("lightning_check")
        self.location = QLineEdit(self)
        self.location.setObjectName("sample_location_edit")
        self.location.setPlaceholderText(tr("e.g. sample cabinet A-3"))
        self.form = QFormLayout(self)
        self.disposition.currentIndexChanged.connect(self._kind_changed)
        self.refund.textEdited.connect(lambda _t: self.edited.emit("refund"))
        self.lightning.toggled.connect(lambda _b: self.edited.emit("refund"))
        self.location.textEdited.connect(lambda _t: self.edited.emit("sample_location"))
        self._kind_changed()

    @Slot()
    def _kind_changed(self) -> None:
        kind = self.disposition.currentData()
        # Only what applies to the chosen end can be typed; the service checks the rest.
        self.refund.setEnabled(kind == GoodsDisposition.RETURNED.value)
        self.lightning.setEnabled(kind == GoodsDisposition.RETURNED.value)
        self.location.setEnabled(kind == GoodsDisposition.SAMPLE.value)
        self.edited.emit("disposition")

    def values(self) -> dict:
        """The PurchaseInput fields; fields that do not apply to the chosen end are blank."""
        kind = self.disposition.currentData()
        returned = kind == GoodsDisposition.RETURNED.value
        return {
            "disposition": kind,
            "refund": self.refund.text() if returned else None,
            "lightning_refund": returned and self.lightning.isChecked(),
            "sample_location": self.location.text() if kind == GoodsDisposition.SAMPLE.value
            else "",
        }

    def load(self, disposition: str | None, refund_cents: int | None, lightning: bool,
             location: str) -> None:
        self.disposition.setCurrentIndex(max(0, self.disposition.findData(disposition)))
        self.refund.setText(format_cents(refund_cents).replace(",", ""))
        self.lightning.setChecked(bool(lightning))
        self.location.setText(location)
