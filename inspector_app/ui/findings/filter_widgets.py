"""Small filter controls shared by the Findings and Cases screens: debounced search, optional date."""

from __future__ import annotations

import logging
from datetime import date

from PySide6.QtCore import QDate, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDateEdit, QLineEdit, QWidget

from inspector_app.ui.dates import from_qdate, to_qdate
from inspector_app.ui.i18n import tr

logger = logging.getLogger(__name__)

#: Milliseconds of typing pause before a search runs (a query per keystroke is wasted work).
SEARCH_DELAY_MS = 250
#: The earliest date offered; choosing it means "no bound".
NO_DATE = QDate(2000, 1, 1)


class SearchField(QLineEdit):
    """A search box: `search_changed(text)` after a pause in typing, at once on Enter or clear."""

    search_changed = Signal(str)

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("search_field")
        self.setPlaceholderText(placeholder)
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(260)
        self._last = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        self.textChanged.connect(self._on_text)
        self.returnPressed.connect(self.flush)

    @property
    def pending(self) -> bool:
        """A search is waiting for the typing pause."""
        return self._timer.isActive()

    @Slot()
    def flush(self) -> None:
        """Run the waiting search now (Enter, tests)."""
        self._timer.stop()
        text = " ".join(self.text().split())
        if text != self._last:
            self._last = text
            self.search_changed.emit(text)

    def _on_text(self, text: str) -> None:
        if not text:
            self.flush()
        else:
            self._timer.start()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            return
        super().keyPressEvent(event)


class OptionalDateEdit(QDateEdit):
    """A date with a calendar whose lowest value reads "Any" and means no bound."""

    def __init__(self, tooltip: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText(tr("Any"))
        self.setDate(NO_DATE)
        self.setToolTip(tooltip)
        self.setMinimumWidth(110)

    def value(self) -> date | None:
        d = self.date()
        return None if d == NO_DATE else from_qdate(d)

    def set_value(self, value: date | None) -> None:
        self.setDate(to_qdate(value) if value else NO_DATE)

    def clear_value(self) -> None:
        self.setDate(NO_DATE)
