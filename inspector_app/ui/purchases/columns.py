"""The columns of the purchases table and how their cells are shown."""

from __future__ import annotations

import logging
from typing import Any

from inspector_app.domain.enums import PurchaseStatus, Verdict
from inspector_app.domain.money import format_cents
from inspector_app.ui.i18n import QT_TR_NOOP
from inspector_app.ui.models import CENTER, RIGHT, Column, enum_formatter
from inspector_app.ui.purchases.verdict_marks import verdict_color, verdict_icon

logger = logging.getLogger(__name__)

#: Keys of the columns only roles that may see private purchase fields are shown (who
#: inspected is private too: merchant managers never see it, services.browse blanks it).
PRIVATE_COLUMNS = ("buyer_alias", "inspector")


def money(value: Any) -> str:
    return format_cents(value) if value is not None else ""


def count_or_blank(value: Any) -> str:
    return str(value) if value else ""


#: The purchases table, left to right; sort keys are services.browse.purchases.SORTS names.
PURCHASE_COLUMNS = (
    Column("order_number", QT_TR_NOOP("Order number"), sort_key="order_number", width=165),
    Column("ordered_at", QT_TR_NOOP("Ordered"), sort_key="ordered_at", width=125),
    Column("merchant", QT_TR_NOOP("Merchant"), sort_key="merchant", width=145),
    Column("product", QT_TR_NOOP("Product"), sort_key="product", width=185),
    Column("brand", QT_TR_NOOP("Brand"), sort_key="brand", width=90),
    Column("inspector", QT_TR_NOOP("Assigned inspector"), sort_key="inspector", width=125),
    Column("status", QT_TR_NOOP("Status"), sort_key="status", formatter=enum_formatter(PurchaseStatus), width=85),
    Column(
        "verdict", QT_TR_NOOP("Verdict"), sort_key="verdict", formatter=enum_formatter(Verdict), align=CENTER,
        width=75, foreground=verdict_color, decoration=verdict_icon,
    ),
    Column("price_paid_cents", QT_TR_NOOP("Price"), sort_key="price_paid_cents", formatter=money, align=RIGHT, width=85),
    Column("finding_count", QT_TR_NOOP("Findings"), sort_key="finding_count", formatter=count_or_blank, align=RIGHT, width=65),
    Column("buyer_alias", QT_TR_NOOP("Buyer alias"), width=110),
)
