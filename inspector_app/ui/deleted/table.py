"""The table of deleted items: its columns, texts per kind, and the paged model over the service."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from inspector_app.services.browse.deleted import DeletedRow, count_deleted, fetch_deleted
from inspector_app.services.waste_basket import KINDS
from inspector_app.ui.i18n import QT_TR_NOOP, tr
from inspector_app.ui.models import Column, PagedTableModel, ServiceSource

logger = logging.getLogger(__name__)

#: Text colour of rows the current user may look at but not restore.
LOCKED_COLOUR = QColor("#8a9199")

#: One kind of deleted row, as the table's Kind column names it.
_KIND = {
    "purchase": QT_TR_NOOP("Purchase"),
    "finding": QT_TR_NOOP("Finding"),
    "photo": QT_TR_NOOP("Photo"),
    "merchant": QT_TR_NOOP("Merchant"),
    "product": QT_TR_NOOP("Product"),
}
#: The tabs: every kind, then one per kind.
TAB_TITLES = {
    None: QT_TR_NOOP("All"),
    "purchase": QT_TR_NOOP("Purchases"),
    "finding": QT_TR_NOOP("Findings"),
    "photo": QT_TR_NOOP("Photos"),
    "merchant": QT_TR_NOOP("Merchants"),
    "product": QT_TR_NOOP("Products"),
}
#: What a row belongs to, by the parent's kind ("%1" is its order number, title...).
_PARENT = {
    "purchase": QT_TR_NOOP("Purchase %1"),
    "finding": QT_TR_NOOP("Finding: %1"),
    "case": QT_TR_NOOP("Case %1"),
    "brand": QT_TR_NOOP("Brand %1"),
    # A duplicate merged into another (services/merging.py); restoring it brings it back empty.
    "merged": QT_TR_NOOP("Merged into %1"),
}


def kind_text(kind: str) -> str:
    return tr(_KIND.get(kind, kind))


def parent_label(kind: str, name: str, deleted: bool = False) -> str:
    """ "Purchase JD2026… (deleted)": a parent by its kind and name, marked when it is gone too."""
    text = tr(_PARENT.get(kind, "%1")).replace("%1", name)
    return tr("%1 (deleted)").replace("%1", text) if deleted else text


def parent_text(row: DeletedRow) -> str:
    """What the row belongs to (empty for rows that belong to nothing)."""
    if not row.parent_kind:
        return ""
    name = row.parent or (f"#{row.parent_id}" if row.parent_id is not None else "")
    return parent_label(row.parent_kind, name, row.parent_deleted)


def parent_tooltip(row: DeletedRow) -> str:
    if row.parent_deleted:
        return tr("This is deleted too: restoring the item brings it back as well.")
    return ""


def deleted_by_text(name: str) -> str:
    # Rows deleted before migration 0004 do not know who deleted them.
    return name or "—"


@dataclass(frozen=True)
class WholeRowColumn(Column):
    """A column whose text needs several fields: its formatter gets the whole row."""

    def value(self, row: Any) -> Any:
        return row


#: The columns; sort keys are services.browse.deleted.SORTS names.
COLUMNS = (
    Column("kind", QT_TR_NOOP("Kind"), sort_key="kind", formatter=kind_text, width=90),
    Column("what", QT_TR_NOOP("Item"), sort_key="what", width=280, tooltip=str),
    WholeRowColumn("parent", QT_TR_NOOP("Belongs to"), sort_key="parent", formatter=parent_text,
                   tooltip=parent_tooltip, width=290),
    Column("merchant", QT_TR_NOOP("Merchant"), sort_key="merchant", width=180),
    Column("deleted_at", QT_TR_NOOP("Deleted"), sort_key="deleted_at", width=135),
    Column("deleted_by", QT_TR_NOOP("Deleted by"), sort_key="deleted_by", formatter=deleted_by_text,
           width=140),
)


class DeletedSource(ServiceSource):
    """browse.deleted as a page source; a row's id packs its kind (ids repeat across tables)."""

    def __init__(self, get_ctx) -> None:
        super().__init__(get_ctx, count_deleted, fetch_deleted)

    def fetch(self, filters, sort_key, sort_desc, offset, limit):
        # An empty result asks for a page of 0 rows, which the browse queries refuse.
        return super().fetch(filters, sort_key, sort_desc, offset, limit) if limit > 0 else []

    def row_id(self, row: DeletedRow) -> int:
        return row_key(row.kind, row.id)


def row_key(kind: str, row_id: int) -> int:
    """The table's id of a deleted row: unique across kinds."""
    return row_id * len(KINDS) + KINDS.index(kind)


class DeletedModel(PagedTableModel):
    """The paged model, with the rows the current user may not restore greyed out."""

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ForegroundRole:
            if index.isValid() and index.row() < self.rowCount() and not self.row_object(index.row()).restorable:
                return QBrush(LOCKED_COLOUR)
            return None
        return super().data(index, role)

    def selected_rows(self, rows: list[int]) -> list[DeletedRow]:
        return [self.row_object(r) for r in rows if 0 <= r < self.rowCount()]
