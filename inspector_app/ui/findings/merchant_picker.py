"""A merchant type-ahead: a line edit whose completer lists matching merchants from SQL."""

from __future__ import annotations

import logging

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from inspector_app.domain.errors import InspectorError
from inspector_app.services import merchants as merchant_service
from inspector_app.ui.i18n import tr

logger = logging.getLogger(__name__)

#: Milliseconds of typing pause before the merchants are looked up.
LOOKUP_DELAY_MS = 150
#: Merchants offered at most.
MAX_SUGGESTIONS = 20


def merchant_label(name: str, shop_id: str) -> str:
    return f"{name} ({shop_id})"


class MerchantPicker(QLineEdit):
    """Type part of a merchant's name or shop id, pick one; `merchant_changed(id or 0)`.

    Clearing the text clears the choice. `get_ctx` is called for every look-up so the
    current user's context is used.
    """

    merchant_changed = Signal(int)

    def __init__(self, get_ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._get_ctx = get_ctx
        self._ids: dict[str, int] = {}
        self._merchant_id = 0
        self.setObjectName("merchant_picker")
        self.setPlaceholderText(tr("Any merchant"))
        self.setClearButtonEnabled(True)
        self.setToolTip(tr("Type part of a merchant's name or shop id and choose it from the list"))
        self._suggestions = QStringListModel(self)
        completer = QCompleter(self._suggestions, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.activated.connect(self._on_chosen)
        self.setCompleter(completer)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(LOOKUP_DELAY_MS)
        self._timer.timeout.connect(self.look_up)
        self.textEdited.connect(self._on_edited)
        self.textChanged.connect(self._on_text_changed)
        self.editingFinished.connect(self._on_editing_finished)

    @property
    def merchant_id(self) -> int:
        """The chosen merchant's id (0: none)."""
        return self._merchant_id

    def set_merchant(self, merchant_id: int, label: str = "") -> None:
        """Choose a merchant from code (e.g. a saved filter)."""
        if merchant_id and label:
            self._ids[label] = merchant_id
        self.setText(label if merchant_id else "")
        self._set_id(merchant_id)

    def clear_choice(self) -> None:
        self.set_merchant(0)

    @Slot()
    def look_up(self) -> None:
        """Fill the suggestions for the current text (runs after a pause in typing)."""
        text = self.text().strip()
        if not text:
            return
        try:
            found = merchant_service.search_merchants(self._get_ctx(), text, MAX_SUGGESTIONS)
        except InspectorError as exc:
            logger.info("Merchant look-up failed: %s", exc)
            return
        self._ids = {merchant_label(m.name, m.shop_id): m.id for m in found}
        self._suggestions.setStringList(list(self._ids))
        if self.hasFocus() and self._ids:
            self.completer().complete()

    def _on_edited(self, text: str) -> None:
        if text.strip():
            self._timer.start()
        else:
            self._timer.stop()

    def _on_text_changed(self, text: str) -> None:
        # Clearing (also by the clear button) or typing over the chosen name drops the choice.
        if self._merchant_id and self._ids.get(text.strip()) != self._merchant_id:
            self._set_id(0)

    @Slot(str)
    def _on_chosen(self, text: str) -> None:
        self._set_id(self._ids.get(text, 0))

    def _on_editing_finished(self) -> None:
        # Typed text that names one suggestion exactly counts as choosing it.
        text = self.text().strip()
        if not text:
            self._set_id(0)
        elif text in self._ids:
            self._set_id(self._ids[text])

    def _set_id(self, merchant_id: int) -> None:
        if merchant_id != self._merchant_id:
            self._merchant_id = merchant_id
            self.merchant_changed.emit(merchant_id)
