"""The merchants table: one row per merchant with its scorecard, filtered and sorted in SQL."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from inspector_app.domain.enums import MerchantStatus
from inspector_app.services import browse, stats
from inspector_app.ui.i18n import QT_TR_NOOP
from inspector_app.ui.models import CENTER, RIGHT, Column, enum_formatter

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ScoreRow:
    """A merchant row with the timing figures of its cases (computed per page)."""

    row: browse.MerchantRow
    timing: stats.Timing

    def __getattr__(self, name: str):
        # Columns read fields by name: the merchant's, else the timing's.
        if name in ("row", "timing"):
            raise AttributeError(name)
        try:
            return getattr(self.row, name)
        except AttributeError:
            return getattr(self.timing, name)

    @property
    def id(self) -> int:
        return self.row.id


class MerchantSource:
    """PageSource over browse.fetch_merchants, adding each page's timing figures."""

    def __init__(self, get_ctx) -> None:
        self._get_ctx = get_ctx

    def count(self, filters: browse.MerchantFilter) -> int:
        return browse.count_merchants(self._get_ctx(), filters)

    def fetch(self, filters, sort_key, sort_desc, offset, limit):
        ctx = self._get_ctx()
        rows = browse.fetch_merchants(ctx, filters, sort=sort_key, desc=sort_desc,
                                      offset=offset, limit=limit)
        timing = stats.timing_by_merchant(ctx, [r.id for r in rows])
        return [ScoreRow(r, timing.get(r.id, stats.Timing())) for r in rows]

    def row_id(self, row: ScoreRow) -> int:
        return row.id


def _pct(value: float | None) -> str:
    return "" if value is None else f"{value:.0%}"


def _hours(value: float | None) -> str:
    return "" if value is None else f"{value:.0f}"


def _flag(value: bool) -> str:
    return "★" if value else ""


COLUMNS = [
    Column("shop_id", QT_TR_NOOP("Shop ID"), sort_key="shop_id", width=90),
    Column("name", QT_TR_NOOP("Merchant"), sort_key="name", width=200),
    Column("key_merchant", QT_TR_NOOP("Key"), sort_key="key_merchant", align=CENTER,
           formatter=_flag, width=44),
    Column("status", QT_TR_NOOP("Status"), sort_key="status",
           formatter=enum_formatter(MerchantStatus), width=90),
    Column("category", QT_TR_NOOP("Category"), sort_key="category", width=80),
    Column("purchases", QT_TR_NOOP("Purchases"), sort_key="purchases", align=RIGHT, width=80),
    Column("defect_rate", QT_TR_NOOP("Defect rate"), sort_key="defect_rate", align=RIGHT,
           formatter=_pct, width=80),
    Column("findings", QT_TR_NOOP("Findings"), sort_key="findings", align=RIGHT, width=70),
    Column("critical", QT_TR_NOOP("Critical"), sort_key="critical", align=RIGHT, width=64),
    Column("major", QT_TR_NOOP("Major"), sort_key="major", align=RIGHT, width=60),
    Column("minor", QT_TR_NOOP("Minor"), sort_key="minor", align=RIGHT, width=60),
    Column("open_cases", QT_TR_NOOP("Active cases"), sort_key="open_cases", align=RIGHT, width=80),
    Column("overdue_cases", QT_TR_NOOP("Overdue"), sort_key="overdue_cases", align=RIGHT, width=70),
    Column("response_median", QT_TR_NOOP("Response h (median)"), align=RIGHT, formatter=_hours,
           width=120),
    Column("response_p90", QT_TR_NOOP("Response h (P90)"), align=RIGHT, formatter=_hours, width=110),
    Column("closure_median", QT_TR_NOOP("Closure h (median)"), align=RIGHT, formatter=_hours,
           width=120),
    Column("closure_p90", QT_TR_NOOP("Closure h (P90)"), align=RIGHT, formatter=_hours, width=110),
]
