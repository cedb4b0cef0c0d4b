"""The facts of a purchase at the top of its inspection page, in a compact grid."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from inspector_app.domain.money import format_cents
from inspector_app.services.purchases import PurchaseInfo
from inspector_app.ui.i18n import QT_TR_NOOP, enum_label, tr
from inspector_app.ui.models import format_value
from inspector_app.ui.purchases.widgets import PRIVATE_STYLE

logger = logging.getLogger(__name__)

#: (key, label) of the facts, in reading order; laid out in FACT_COLUMNS pairs per row.
FACTS = (
    ("merchant", QT_TR_NOOP("Merchant")),
    ("order_number", QT_TR_NOOP("Order number")),
    ("status", QT_TR_NOOP("Status")),
    ("product", QT_TR_NOOP("Product")),
    ("ordered_at", QT_TR_NOOP("Ordered")),
    ("inspector", QT_TR_NOOP("Assigned inspector")),
    ("price", QT_TR_NOOP("Price paid")),
    ("received_at", QT_TR_NOOP("Received")),
    ("inspected_at", QT_TR_NOOP("Inspected")),
    ("notes", QT_TR_NOOP("Notes")),
)
#: The private facts, shown only to roles that may see them, and marked as private.
PRIVATE_FACTS = (
    ("buyer_alias", QT_TR_NOOP("Buyer alias (private)")),
    ("delivery_address", QT_TR_NOOP("Delivery address (private)")),
)
#: Facts shown as usual but only to roles that may see private fields (who inspected, notes).
WITHHELD_FACTS = ("inspector", "notes")
#: Label/value pairs per row.
FACT_COLUMNS = 3


def _short(text: str, limit: int = 120) -> str:
    """The first line of a long text, shortened (the full text is in the tooltip)."""
    first = text.strip().splitlines()[0] if text.strip() else ""
    return first if len(first) <= limit and first == text.strip() else first[:limit].rstrip() + "…"


def fact_values(p: PurchaseInfo) -> dict[str, str]:
    product = p.product_name or tr("(no product recorded)")
    if p.brand:
        product = f"{product} — {p.brand}"
    return {
        "merchant": f"{p.merchant_name} ({p.merchant_shop_id})",
        "product": product,
        "order_number": p.order_number or "—",
        "price": format_cents(p.price_paid_cents) or "—",
        "ordered_at": format_value(p.ordered_at) or "—",
        "received_at": format_value(p.received_at) or "—",
        "inspected_at": format_value(p.inspected_at) or "—",
        "status": enum_label(p.status),
        "inspector": p.inspector or "—",
        "notes": _short(p.notes) or "—",
        "buyer_alias": p.buyer_alias or "—",
        "delivery_address": p.delivery_address or "—",
    }


class PurchaseFacts(QWidget):
    """Label/value pairs; private ones hidden from roles that may not see them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("purchase_facts")
        self.values: dict[str, QLabel] = {}
        self._names: dict[str, QLabel] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        for i, (key, label) in enumerate(FACTS + PRIVATE_FACTS):
            row, col = divmod(i, FACT_COLUMNS)
            name = QLabel(tr(label) + ":", self)
            name.setStyleSheet(PRIVATE_STYLE if (key, label) in PRIVATE_FACTS else "color: #4b5563;")
            name.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            name.setWordWrap(True)  # a long name takes two lines rather than widening the page
            value = QLabel(self)
            value.setObjectName(f"fact_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            value.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            grid.addWidget(name, row, col * 2)
            grid.addWidget(value, row, col * 2 + 1)
            self.values[key] = value
            self._names[key] = name
        for col in range(FACT_COLUMNS):
            grid.setColumnStretch(col * 2 + 1, 1)

    def set_purchase(self, p: PurchaseInfo | None, show_private: bool) -> None:
        texts = fact_values(p) if p else {}
        for key, label in self.values.items():
            label.setText(texts.get(key, ""))
            label.setToolTip(p.notes if p is not None and key == "notes" else "")
        for key in (*WITHHELD_FACTS, *(k for k, _label in PRIVATE_FACTS)):
            self.values[key].setVisible(show_private)
            self._names[key].setVisible(show_private)

    def text(self, key: str) -> str:
        return self.values[key].text()
