"""The status filter of the cases table: tabs (Active, Due soon, Overdue, each status, All) with counts."""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabBar, QWidget

from inspector_app.domain.enums import CaseStatus
from inspector_app.domain.errors import InspectorError
from inspector_app.services import browse
from inspector_app.services.browse import CaseFilter
from inspector_app.services.browse.cases import count_due_soon
from inspector_app.ui.i18n import enum_label, tr

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class StatusTab:
    key: str
    status: CaseStatus | None = None
    active_only: bool = False
    overdue_only: bool = False
    due_soon_only: bool = False

    def title(self) -> str:
        if self.status is not None:
            return enum_label(self.status)
        # Disambiguated: "Active" is also a merchant status, "All" a filter elsewhere.
        return {
            "active": tr("Active", "case filter"),
            "due_soon": tr("Due soon", "case filter"),
            "overdue": tr("Overdue", "case filter"),
            "all": tr("All", "case filter"),
        }[self.key]

    def apply(self, flt: CaseFilter) -> CaseFilter:
        return replace(flt, status=self.status, active_only=self.active_only,
                       overdue_only=self.overdue_only, due_soon_only=self.due_soon_only)


#: The tabs, in order; "active" is the default.
TABS: tuple[StatusTab, ...] = (
    StatusTab("active", active_only=True),
    StatusTab("due_soon", due_soon_only=True),
    StatusTab("overdue", overdue_only=True),
    *(StatusTab(s.value, status=s) for s in CaseStatus),
    StatusTab("all"),
)


def due_soon_tip(warning_days: int) -> str:
    if warning_days <= 0:
        return tr("Warnings before the deadline are off (Settings, team settings)")
    return tr("Active cases due within %n day(s), today included (Settings, team settings)", None,
              warning_days)


class StatusTabs(QTabBar):
    """One tab per entry of TABS, each showing how many cases match it (with the other filters)."""

    tab_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("status_tabs")
        self.setExpanding(False)
        self.setUsesScrollButtons(True)
        self.setDrawBase(False)
        self.setDocumentMode(True)
        for tab in TABS:
            i = self.addTab(tab.title())
            self.setTabData(i, tab.key)
        self.counts: dict[str, int] = {}
        #: The team's warning days as last counted (0: due-soon warnings are off).
        self.warning_days = 0
        self.currentChanged.connect(lambda i: self.tab_changed.emit(self.current_key()))

    def current_tab(self) -> StatusTab:
        return TABS[max(0, self.currentIndex())]

    def current_key(self) -> str:
        return self.current_tab().key

    def select(self, key: str) -> None:
        for i, tab in enumerate(TABS):
            if tab.key == key:
                self.setCurrentIndex(i)
                return

    def update_counts(self, get_ctx, base: CaseFilter) -> None:
        """Count each tab's cases under the other filters (search, merchant): one query a tab."""
        ctx = get_ctx()
        for i, tab in enumerate(TABS):
            try:
                if tab.due_soon_only:
                    soon = count_due_soon(ctx, tab.apply(base))
                    n, self.warning_days = soon.cases, soon.warning_days
                    self.setTabToolTip(i, due_soon_tip(self.warning_days))
                else:
                    n = browse.count_cases(ctx, tab.apply(base))
            except InspectorError as exc:
                logger.info("Counting %s cases failed: %s", tab.key, exc)
                continue
            self.counts[tab.key] = n
            self.setTabText(i, f"{tab.title()} ({n})")
