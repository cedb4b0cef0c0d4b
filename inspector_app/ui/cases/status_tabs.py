"""The status filter of the cases table: tabs (Active, Due soon, Overdue, each status, All) with counts."""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QToolButton, QWidget

from inspector_app.domain.enums import CaseStatus
from inspector_app.domain.errors import InspectorError
from inspector_app.services import browse
from inspector_app.services.browse import CaseFilter
from inspector_app.services.browse.cases import count_due_soon
from inspector_app.ui.fit import FlowLayout
from inspector_app.ui.i18n import enum_label, tr

logger = logging.getLogger(__name__)

# The chosen status stands out by more than colour: a border and bold text.
_CHIP_STYLE = """
QToolButton { padding: 2px 6px; border: 1px solid transparent; border-radius: 4px; }
QToolButton:hover { border-color: #9aa5b1; }
QToolButton:checked { border-color: #1d4ed8; background: #dbeafe; color: #0b3d91; font-weight: bold; }
"""


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


class StatusTabs(QWidget):
    """One toggle per entry of TABS, each showing how many cases match it (with the other filters).

    They wrap onto further lines in a narrow list instead of scrolling out of sight as a tab
    bar did (docs/architecture.md, "Small screens"); the tab-bar calls the screen uses
    (tabText, tabToolTip, currentIndex, setCurrentIndex) are kept. Arrow keys move between
    them, Tab leaves them.
    """

    tab_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("status_tabs")
        self.setAccessibleName(tr("Case status"))
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._buttons: list[QToolButton] = []
        flow = FlowLayout(self, spacing=4)
        flow.setContentsMargins(0, 0, 0, 0)
        for i, tab in enumerate(TABS):
            button = QToolButton(self)
            button.setObjectName(f"status_tab_{tab.key}")
            button.setText(tab.title())
            button.setCheckable(True)
            button.setAutoRaise(True)
            button.setStyleSheet(_CHIP_STYLE)
            self._group.addButton(button, i)
            self._buttons.append(button)
            flow.addWidget(button)
        self._buttons[0].setChecked(True)
        self.counts: dict[str, int] = {}
        #: The team's warning days as last counted (0: due-soon warnings are off).
        self.warning_days = 0
        self._group.idToggled.connect(self._on_toggled)

    def _on_toggled(self, index: int, checked: bool) -> None:
        if checked:
            self.tab_changed.emit(TABS[index].key)

    def count(self) -> int:
        return len(self._buttons)

    def currentIndex(self) -> int:  # noqa: N802 - the QTabBar name the screen used
        return max(0, self._group.checkedId())

    def setCurrentIndex(self, index: int) -> None:  # noqa: N802 - the QTabBar name
        if 0 <= index < len(self._buttons):
            self._buttons[index].setChecked(True)

    def tabText(self, index: int) -> str:  # noqa: N802 - the QTabBar name
        return self._buttons[index].text()

    def setTabText(self, index: int, text: str) -> None:  # noqa: N802 - the QTabBar name
        self._buttons[index].setText(text)

    def tabToolTip(self, index: int) -> str:  # noqa: N802 - the QTabBar name
        return self._buttons[index].toolTip()

    def setTabToolTip(self, index: int, tip: str) -> None:  # noqa: N802 - the QTabBar name
        self._buttons[index].setToolTip(tip)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        step = {Qt.Key.Key_Left: -1, Qt.Key.Key_Up: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Down: 1}
        delta = step.get(Qt.Key(event.key()))
        if delta is None:
            super().keyPressEvent(event)
            return
        index = (self.currentIndex() + delta) % len(self._buttons)
        self.setCurrentIndex(index)
        self._buttons[index].setFocus()

    def current_tab(self) -> StatusTab:
        return TABS[self.currentIndex()]

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
