"""Tables of the Risk and Plan screens: an in-memory page source, the ranking's columns and "why"."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from inspector_app.domain.enums import MerchantStatus
from inspector_app.services.risk import RiskRow
from inspector_app.ui.i18n import QT_TR_NOOP, tr
from inspector_app.ui.models.columns import CENTER, RIGHT, Column, enum_formatter
from inspector_app.ui.models.paged import PagedTableModel

logger = logging.getLogger(__name__)


class RowsSource:
    """A PageSource over rows already in memory (a ranking or a plan): filters are a
    predicate, sorting is by attribute with empty values last."""

    def __init__(self, id_field: str = "id") -> None:
        self.rows: list[Any] = []
        self.id_field = id_field

    def _matching(self, filters: Callable[[Any], bool] | None) -> list[Any]:
        return [r for r in self.rows if filters(r)] if filters else list(self.rows)

    def count(self, filters: Callable[[Any], bool] | None) -> int:
        return len(self._matching(filters))

    def fetch(self, filters, sort_key: str | None, sort_desc: bool, offset: int, limit: int):
        rows = self._matching(filters)
        if sort_key:
            present = [r for r in rows if getattr(r, sort_key) is not None]
            empty = [r for r in rows if getattr(r, sort_key) is None]
            present.sort(key=lambda r: getattr(r, sort_key), reverse=sort_desc)
            rows = present + empty
        return rows[offset : offset + limit]

    def row_id(self, row: Any) -> int:
        return int(getattr(row, self.id_field))

    def ordered(self, filters, sort_key: str | None, sort_desc: bool) -> list[Any]:
        return self.fetch(filters, sort_key, sort_desc, 0, len(self.rows))


def _num(digits: int) -> Callable[[Any], str]:
    return lambda v: "" if v is None else f"{v:.{digits}f}"


def _percent(v: Any) -> str:
    return "" if v is None else f"{v:.0%}"


CANDIDATES = {"watch": QT_TR_NOOP("Watch"), "eliminate": QT_TR_NOOP("Eliminate")}


def _candidate(v: Any) -> str:
    return tr(CANDIDATES[v]) if v in CANDIDATES else ""


#: How each factor reads in the "Why" column: (text with %1, row attribute, formatter).
WHY = {
    "defect_rate": (QT_TR_NOOP("defect rate %1"), "defect_rate", _percent),
    "complaint_rate": (QT_TR_NOOP("complaints %1/mo"), "complaint_rate", _num(1)),
    "after_sales_rate": (QT_TR_NOOP("after-sales %1/mo"), "after_sales_rate", _num(1)),
    "overdue_cases": (QT_TR_NOOP("%1 overdue rectifications"), "overdue_cases", str),
    "duration_median": (QT_TR_NOOP("median handling %1 h"), "duration_median", _num(0)),
    "duration_p90": (QT_TR_NOOP("p90 handling %1 h"), "duration_p90", _num(0)),
    "late_share": (QT_TR_NOOP("%1 over 24 h"), "share_over_24h", _percent),
}


def why(row: RiskRow) -> str:
    """The main factors of a row's score, translated."""
    parts = []
    for f in row.main_factors:
        text, attr, fmt = WHY[f]
        value = getattr(row, attr)
        if value is not None:
            parts.append(tr(text).replace("%1", fmt(value)))
    return ", ".join(parts)


RISK_COLUMNS: Sequence[Column] = (
    Column("shop_id", QT_TR_NOOP("Shop ID"), sort_key="shop_id", width=90),
    Column("name", QT_TR_NOOP("Merchant"), sort_key="name", width=170),
    Column("category", QT_TR_NOOP("Category"), sort_key="category", width=80),
    Column(
        "key_merchant",
        QT_TR_NOOP("Key"),
        sort_key="key_merchant",
        align=CENTER,
        formatter=lambda v: tr("Yes") if v else "",
        width=45,
    ),
    Column(
        "status",
        QT_TR_NOOP("Status"),
        sort_key="status",
        formatter=enum_formatter(MerchantStatus),
        width=80,
    ),
    Column("score", QT_TR_NOOP("Risk"), sort_key="score", align=RIGHT, formatter=_num(1), width=55),
    Column(
        "candidate", QT_TR_NOOP("Candidate"), sort_key="candidate", formatter=_candidate, width=80
    ),
    Column(
        "complaint_rate",
        QT_TR_NOOP("Complaints/mo"),
        sort_key="complaint_rate",
        align=RIGHT,
        formatter=_num(2),
        width=95,
    ),
    Column(
        "after_sales_rate",
        QT_TR_NOOP("After-sales/mo"),
        sort_key="after_sales_rate",
        align=RIGHT,
        formatter=_num(2),
        width=95,
    ),
    Column(
        "duration_median",
        QT_TR_NOOP("Median h"),
        sort_key="duration_median",
        align=RIGHT,
        formatter=_num(1),
        width=70,
    ),
    Column(
        "duration_p90",
        QT_TR_NOOP("P90 h"),
        sort_key="duration_p90",
        align=RIGHT,
        formatter=_num(1),
        width=60,
    ),
    Column(
        "share_over_24h",
        QT_TR_NOOP(">24 h"),
        sort_key="share_over_24h",
        align=RIGHT,
        formatter=_percent,
        width=55,
    ),
    Column(
        "share_over_48h",
        QT_TR_NOOP(">48 h"),
        sort_key="share_over_48h",
        align=RIGHT,
        formatter=_percent,
        width=55,
    ),
    Column(
        "share_over_72h",
        QT_TR_NOOP(">72 h"),
        sort_key="share_over_72h",
        align=RIGHT,
        formatter=_percent,
        width=55,
    ),
    Column(
        "defect_rate",
        QT_TR_NOOP("Defect rate"),
        sort_key="defect_rate",
        align=RIGHT,
        formatter=_percent,
        width=75,
    ),
    Column("overdue_cases", QT_TR_NOOP("Overdue"), sort_key="overdue_cases", align=RIGHT, width=60),
    Column(
        "why",
        QT_TR_NOOP("Why"),
        field="main_factors",
        width=260,
        formatter=lambda _v: "",
        tooltip=None,
    ),
)

SLOW_COLUMNS: Sequence[Column] = (
    Column("order_ref", QT_TR_NOOP("Order"), sort_key="order_ref", width=140),
    Column("type", QT_TR_NOOP("Type"), sort_key="type", width=100),
    Column("applied_at", QT_TR_NOOP("Applied"), sort_key="applied_at", width=130),
    Column("first_handled_at", QT_TR_NOOP("First handled"), sort_key="first_handled_at", width=130),
    Column(
        "hours", QT_TR_NOOP("Hours"), sort_key="hours", align=RIGHT, formatter=_num(1), width=70
    ),
    Column(
        "open",
        QT_TR_NOOP("Still open"),
        sort_key="open",
        align=CENTER,
        formatter=lambda v: tr("Yes") if v else "",
        width=70,
    ),
    Column("outcome", QT_TR_NOOP("Outcome"), sort_key="outcome", width=160),
)


class RiskModel(PagedTableModel):
    """The ranking model; the "Why" column is composed from the row's main factors."""

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            index.isValid()
            and self.columns[index.column()].key == "why"
            and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
        ):
            return why(self.row_object(index.row()))
        return super().data(index, role)
