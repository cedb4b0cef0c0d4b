"""The mark of a record that waits for a person to settle a sync conflict, in the lists
where people work (docs/sync.md, "Conflicts"): an icon and a word, not colour alone, and a
tooltip that says what to do. The conflicted ids are asked in SQL for each page fetched
(services/sync/conflicts.py, conflicted_ids), never for the whole table."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

from inspector_app.ui.i18n import tr
from inspector_app.ui.models import PagedTableModel, ServiceSource

logger = logging.getLogger(__name__)


def conflict_tooltip() -> str:
    return tr("Edited here and on the server; choose which to keep")


def conflict_word() -> str:
    return tr("Conflict")


def conflict_icon() -> QIcon:
    style = QApplication.style()
    return style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)


class ConflictMarks:
    """The conflicted ids among the rows a paged list has fetched (thread-safe: pages are
    fetched on workers too)."""

    def __init__(self, table: str) -> None:
        self.table = table
        self._ids: set[int] = set()
        self._lock = threading.Lock()

    def note_page(self, ctx, rows: Iterable[Any], row_id: Callable[[Any], int]) -> None:
        from inspector_app.services.sync.conflicts import conflicted_ids

        page = [row_id(r) for r in rows]
        if not page:
            return
        try:
            found = conflicted_ids(ctx, self.table, page)
        except Exception:  # noqa: BLE001 - a mark is a help, the list must still show
            logger.warning("conflict marks of %s not read", self.table, exc_info=True)
            return
        with self._lock:
            self._ids.difference_update(page)
            self._ids.update(found)

    def has(self, row_id: int) -> bool:
        return row_id in self._ids

    def data(self, row_id: int, role: int, text: Any) -> Any:
        """What the marked column shows for `role` when the row is marked, else None."""
        return mark_for(role, text) if row_id in self._ids else None


def mark_for(role: int, text: Any) -> Any:
    """What a marked cell shows for `role` (None: as usual)."""
    if role == Qt.ItemDataRole.DisplayRole:
        return f"{conflict_word()} · {text}"
    if role == Qt.ItemDataRole.DecorationRole:
        return conflict_icon()
    if role == Qt.ItemDataRole.ToolTipRole:
        return f"{conflict_tooltip()}\n{text}"
    return None


def conflicted_of(env, finding_ids: list[int]) -> frozenset[int]:
    """The conflicted ones of a few findings shown at once (a purchase's), on a copy only."""
    from inspector_app.services.sync.conflicts import conflicted_ids

    state = getattr(env, "state", None)
    if not finding_ids or getattr(state, "replica", None) is None:
        return frozenset()
    try:
        return frozenset(conflicted_ids(env.ctx, "findings", finding_ids))
    except Exception:  # noqa: BLE001 - a help only; the findings must still show
        logger.warning("conflict marks of a purchase's findings not read", exc_info=True)
        return frozenset()



class MarkingServiceSource(ServiceSource):
    """A services/browse page source that notes, for each page it fetches, which rows wait
    for a conflict (`conflicts`)."""

    def __init__(self, get_ctx, count_fn, fetch_fn, *, table: str) -> None:
        super().__init__(get_ctx, count_fn, fetch_fn)
        self.conflicts = ConflictMarks(table)

    def fetch(self, filters, sort_key, sort_desc, offset, limit):
        rows = list(super().fetch(filters, sort_key, sort_desc, offset, limit))
        self.conflicts.note_page(self.get_ctx(), rows, self.row_id)
        return rows

def marked_data(model, marks: ConflictMarks, column: int, index, role: int) -> Any:
    """The conflict mark of `index` for `role` when it is the marked column of a marked
    row, else None (the model answers as usual)."""
    if not index.isValid() or index.column() != column or index.row() >= len(model._rows):
        return None
    row_id = model.row_id(index.row())
    if not marks.has(row_id):
        return None
    col = model.columns[column]
    return marks.data(row_id, role, col.formatter(col.value(model._rows[index.row()])))


class ConflictMarkedModel(PagedTableModel):
    """A paged table over a MarkingServiceSource whose `mark_column` carries the mark."""

    def __init__(self, source: MarkingServiceSource, columns, *, mark_column: str,
                 **kwargs) -> None:
        self.conflicts = source.conflicts
        super().__init__(source, columns, **kwargs)
        self._mark_col = self.column_index(mark_column)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        marked = marked_data(self, self.conflicts, self._mark_col, index, role)
        return marked if marked is not None else super().data(index, role)
