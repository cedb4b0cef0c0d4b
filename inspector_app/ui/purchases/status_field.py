"""The purchase form's status: a combo box that follows the dates, and "Set by hand"."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QWidget

from inspector_app.domain.enums import PurchaseStatus
from inspector_app.domain.purchase_status import status_from_dates
from inspector_app.ui.i18n import enum_label, tr

logger = logging.getLogger(__name__)


class StatusField(QObject):
    """Unticked, the combo shows the status the dates give (domain/purchase_status.py) and
    moves with them; choosing another status ticks "Set by hand", and the choice is kept
    (and saved as set by hand) when the dates change later. `facts()` gives the form's
    (ordered at, received at, verdict)."""

    def __init__(self, parent: QWidget, facts: Callable[[], tuple]) -> None:
        super().__init__(parent)
        self._facts = facts
        self.combo = QComboBox(parent)
        self.combo.setObjectName("status_combo")
        for st in PurchaseStatus:
            self.combo.addItem(enum_label(st), st.value)
        self.by_hand = QCheckBox(tr("Set by &hand"), parent)
        self.by_hand.setObjectName("status_by_hand_check")
        self.by_hand.setToolTip(tr(
            "Unticked, the status follows the dates: an order date means Ordered, a received "
            "date Received, a verdict Inspected. Ticked, the status you choose is kept."))
        self.row = QHBoxLayout()
        self.row.addWidget(self.combo, 1)
        self.row.addWidget(self.by_hand)
        self._deriving = False  # the form, not the user, is setting the combo
        self.combo.currentIndexChanged.connect(self._chosen)
        self.by_hand.toggled.connect(self.follow_dates)

    def derived(self) -> PurchaseStatus:
        """What the dates (and the purchase's verdict) say the status is."""
        return status_from_dates(*self._facts())

    def status(self) -> PurchaseStatus:
        return PurchaseStatus(self.combo.currentData())

    def load(self, status: PurchaseStatus, by_hand: bool) -> None:
        self._deriving = True
        try:
            self.by_hand.setChecked(by_hand)
            self.combo.setCurrentIndex(self.combo.findData(PurchaseStatus(status).value))
        finally:
            self._deriving = False

    @Slot()
    def follow_dates(self) -> None:
        """Unless set by hand, show the status the dates give."""
        if self.by_hand.isChecked():
            return
        self._deriving = True
        try:
            self.combo.setCurrentIndex(self.combo.findData(self.derived().value))
        finally:
            self._deriving = False

    @Slot(int)
    def _chosen(self, _index: int) -> None:
        if self._deriving or self.by_hand.isChecked():
            return
        if self.combo.currentData() != self.derived().value:
            self.by_hand.setChecked(True)
