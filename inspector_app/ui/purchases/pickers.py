"""Type-ahead pickers for merchants and products: a line edit whose completer queries SQL as you type."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QHBoxLayout, QLineEdit, QWidget

from inspector_app.domain.errors import InspectorError
from inspector_app.services import catalog, merchants
from inspector_app.ui.errors import show_error
from inspector_app.ui.i18n import tr

logger = logging.getLogger(__name__)

#: Milliseconds of typing pause before the picker queries.
TYPE_AHEAD_MS = 150
#: Choices shown in a picker's popup.
MAX_CHOICES = 20
#: Item data: the id of the entity (None on the "create new" item).
CHOICE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: Item data: True on the "create new …" item.
CREATE_ROLE = Qt.ItemDataRole.UserRole + 2
#: Item data: the whole Choice.
CHOICE_ROLE = Qt.ItemDataRole.UserRole + 3


@dataclass(frozen=True)
class Choice:
    """One entry of a picker: the entity's id, the text shown, and a tooltip."""

    id: int
    label: str
    detail: str = ""
    #: Texts that name this choice exactly (typing one in full and leaving the field picks it).
    names: tuple[str, ...] = ()


SearchFn = Callable[[str], list[Choice]]
#: Given the typed text, create the entity (e.g. via a small dialog); None when cancelled.
CreateFn = Callable[[str], Choice | None]


class _PickerEdit(QLineEdit):
    """A line edit that asks for the full list on the Down key."""

    browse = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Down:
            self.browse.emit()
            return
        super().keyPressEvent(event)


class EntityPicker(QWidget):
    """Type to search; pick a choice with the mouse or the keyboard; optionally create a new one.

    `selected_id` is None until a choice is picked; typing again clears it. Emits
    `selection_changed(id or None)` and `picked(id)` when the user picks or creates.
    """

    selection_changed = Signal(object)
    picked = Signal(int)

    def __init__(
        self,
        name: str,
        search: SearchFn,
        *,
        create: CreateFn | None = None,
        create_text: str = "",
        placeholder: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._search = search
        self._create = create
        self._create_text = create_text  # "%1" is the typed text
        self._selected: Choice | None = None
        self.edit = _PickerEdit(self)
        self.edit.setObjectName(f"{name}_edit")
        self.edit.setPlaceholderText(placeholder)
        self.edit.setClearButtonEnabled(True)
        self.choices = QStandardItemModel(self)
        self.completer = QCompleter(self.choices, self)
        self.completer.setObjectName(f"{name}_completer")
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setMaxVisibleItems(12)
        self.completer.setWidget(self.edit)
        self.completer.activated[QModelIndex].connect(self._on_activated)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPE_AHEAD_MS)
        self._timer.timeout.connect(self.search_now)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        self.setFocusProxy(self.edit)
        self.edit.textEdited.connect(self._on_edited)
        self.edit.browse.connect(self.search_now)
        self.edit.editingFinished.connect(self._on_editing_finished)

    # -- state -----------------------------------------------------------------------------

    @property
    def selected_id(self) -> int | None:
        return self._selected.id if self._selected else None

    @property
    def selected(self) -> Choice | None:
        return self._selected

    def text(self) -> str:
        return self.edit.text()

    def set_choice(self, choice: Choice | None) -> None:
        """Show `choice` as picked (None: empty) without a query."""
        self._selected = choice
        self.edit.setText(choice.label if choice else "")
        self.edit.setToolTip(choice.detail if choice else "")
        self.selection_changed.emit(self.selected_id)

    def popup_visible(self) -> bool:
        popup = self.completer.popup()
        return popup is not None and popup.isVisible()

    def _hide_popup(self) -> None:
        popup = self.completer.popup()
        if popup is not None:
            popup.hide()

    # -- searching -------------------------------------------------------------------------

    @Slot(str)
    def _on_edited(self, text: str) -> None:
        if self._selected is not None:
            self._selected = None
            self.edit.setToolTip("")
            self.selection_changed.emit(None)
        if text.strip():
            self._timer.start()
        else:
            self._timer.stop()
            self._hide_popup()

    @Slot()
    def search_now(self) -> None:
        """Query for the typed text and show the choices (plus "create new …")."""
        self._timer.stop()
        text = self.edit.text().strip()
        try:
            found = self._search(text)
        except InspectorError as exc:
            show_error(self, exc)
            return
        self.choices.clear()
        for choice in found[:MAX_CHOICES]:
            item = QStandardItem(choice.label)
            item.setData(choice.id, CHOICE_ID_ROLE)
            item.setData(choice, CHOICE_ROLE)
            if choice.detail:
                item.setToolTip(choice.detail)
            item.setEditable(False)
            self.choices.appendRow(item)
        if self._create is not None and text:
            item = QStandardItem(self._create_text.replace("%1", text))
            item.setData(True, CREATE_ROLE)
            item.setEditable(False)
            font = item.font()
            font.setItalic(True)
            item.setFont(font)
            self.choices.appendRow(item)
        if self.choices.rowCount():
            self.completer.complete()
        else:
            self._hide_popup()

    def choice_labels(self) -> list[str]:
        return [self.choices.item(r).text() for r in range(self.choices.rowCount())]

    # -- picking ---------------------------------------------------------------------------

    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex) -> None:
        if index.data(CREATE_ROLE):
            self.create_new()
            return
        choice = index.data(CHOICE_ROLE)
        if isinstance(choice, Choice):
            self._pick(choice)

    def create_new(self) -> None:
        """Create a new entity from the typed text (the caller's dialog) and pick it."""
        if self._create is None:
            return
        typed = self.edit.text().strip()
        choice = self._create(typed)
        if choice is None:
            self.edit.setText(typed)
            return
        self._pick(choice)

    def _pick(self, choice: Choice) -> None:
        self._hide_popup()
        self.set_choice(choice)
        self.picked.emit(choice.id)

    @Slot()
    def _on_editing_finished(self) -> None:
        # Typing exactly one choice's name (or label) in full and leaving the field picks it.
        if self._selected is not None or self.popup_visible():
            return
        text = self.edit.text().strip().casefold()
        if not text:
            return
        if self._timer.isActive() or not self.choices.rowCount():
            self.search_now()
            self._hide_popup()
        exact = []
        for r in range(self.choices.rowCount()):
            choice = self.choices.item(r).data(CHOICE_ROLE)
            if isinstance(choice, Choice) and text in {n.casefold() for n in (choice.label, *choice.names) if n}:
                exact.append(choice)
        if len(exact) == 1:
            self._pick(exact[0])


# -- the two pickers the purchase screens use -----------------------------------------------


def merchant_choice(info) -> Choice:
    """A MerchantInfo (or anything with id, name, shop_id) as a picker choice."""
    return Choice(
        info.id, f"{info.name} ({info.shop_id})", tr("Shop id: %1").replace("%1", info.shop_id),
        names=(info.name, info.shop_id),
    )


def product_choice(info) -> Choice:
    """A ProductInfo as a picker choice: name and brand."""
    label = f"{info.name} — {info.brand}" if info.brand else info.name
    detail = tr("Listing id: %1").replace("%1", info.listing_id) if info.listing_id else ""
    return Choice(info.id, label, detail, names=(info.name, info.listing_id or ""))


def merchant_picker(env, parent: QWidget, *, create: CreateFn | None = None, name: str = "merchant_picker") -> EntityPicker:
    def search(text: str) -> list[Choice]:
        return [merchant_choice(m) for m in merchants.search_merchants(env.ctx, text, MAX_CHOICES)]

    return EntityPicker(
        name, search, create=create, create_text=tr("Create new merchant “%1”…"),
        placeholder=tr("Type a shop name or id"), parent=parent,
    )


def product_picker(env, parent: QWidget, *, create: CreateFn | None = None, name: str = "product_picker") -> EntityPicker:
    def search(text: str) -> list[Choice]:
        return [product_choice(p) for p in catalog.search_products(env.ctx, text, MAX_CHOICES)]

    return EntityPicker(
        name, search, create=create, create_text=tr("Create new product “%1”…"),
        placeholder=tr("Type a product, brand or listing id"), parent=parent,
    )
