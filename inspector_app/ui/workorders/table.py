"""The work-orders table: columns and a page source over services/workorders.py (filters and
sorting in SQL; the longest work orders of the statistics window as a second mode)."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QLocale
from PySide6.QtGui import QColor

from inspector_app.domain.enums import WorkOrderKind, WorkOrderResult, WorkOrderStage
from inspector_app.domain.errors import NotFound
from inspector_app.services import workorders
from inspector_app.ui.i18n import QT_TR_NOOP, enum_label
from inspector_app.ui.models import RIGHT, Column, enum_formatter

logger = logging.getLogger(__name__)

#: The longest work orders listed in that mode (the platform lists 100).
LONGEST = 100


@dataclass(frozen=True)
class WorkOrderQuery:
    """What the table shows: the filters, and whether it is the longest-work-orders list."""

    filters: workorders.WorkOrderFilter = field(default_factory=workorders.WorkOrderFilter)
    longest: bool = False


class WorkOrderSource:
    """PageSource over workorders.count/fetch_work_orders, or over workorders.longest."""

    def __init__(self, get_ctx) -> None:
        self._get_ctx = get_ctx

    def _longest(self, q: WorkOrderQuery) -> list[workorders.WorkOrderRow]:
        f = q.filters
        return workorders.longest(self._get_ctx(), LONGEST, merchant=f.merchant, type=f.type)

    def count(self, q: WorkOrderQuery) -> int:
        try:
            if q.longest:
                return len(self._longest(q))
            return workorders.count_work_orders(self._get_ctx(), q.filters)
        except NotFound:  # a shop id that matches no merchant: nothing to list
            return 0

    def fetch(self, q: WorkOrderQuery, sort_key, sort_desc, offset, limit) -> list[Any]:
        try:
            if q.longest:  # in the platform's order, longest first
                return self._longest(q)[offset:offset + limit]
            return workorders.fetch_work_orders(self._get_ctx(), q.filters, sort=sort_key,
                                                desc=sort_desc, offset=offset, limit=limit)
        except NotFound:
            return []

    def row_id(self, row: workorders.WorkOrderRow) -> int:
        return row.id


def hours_text(value: tuple[float | None, bool]) -> str:
    """'52.3', or '52.3+' while the merchant has not acted (still counting)."""
    hours, running = value
    if hours is None:
        return ""
    text = QLocale().toString(hours, "f", 1)
    return text + "+" if running else text


def stages_text(stages: tuple[WorkOrderStage, ...]) -> str:
    return ", ".join(enum_label(s) for s in stages)


def _late_colour(stages: tuple[WorkOrderStage, ...]) -> QColor | None:
    return QColor("#b00020") if stages else None


#: The service duration (the screen's figure) follows the time it counts from, so it is on
#: screen at 1280 px in every language; the widths fit the columns up to it in ~900 px.
COLUMNS = (
    Column("shop_id", QT_TR_NOOP("Shop ID"), width=70),
    Column("merchant", QT_TR_NOOP("Merchant"), width=150),
    Column("order_id", QT_TR_NOOP("Order"), width=110),
    Column("kind", QT_TR_NOOP("Kind"), formatter=enum_formatter(WorkOrderKind), width=130),
    Column("type", QT_TR_NOOP("Type"), sort_key="type", width=90),
    Column("result", QT_TR_NOOP("Result"), formatter=enum_formatter(WorkOrderResult), width=100),
    Column("applied_at", QT_TR_NOOP("Applied"), sort_key="applied_at", width=120),
    Column("duration", QT_TR_NOOP("Service duration (h)"), field="hours_so_far",
           sort_key="duration_hours",
           align=RIGHT, formatter=hours_text, width=100),
    Column("closed_at", QT_TR_NOOP("Closed"), sort_key="closed_at", width=120),
    Column("late_stages", QT_TR_NOOP("Late stages"), formatter=stages_text,
           foreground=_late_colour, width=220),
)
