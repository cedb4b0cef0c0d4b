"""What a paged table shows: its columns, their formatting, the roles it answers, the sources."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from typing import Any, Protocol, runtime_checkable

from PySide6.QtCore import QLocale, QModelIndex, QPersistentModelIndex, Qt

from inspector_app.ui.i18n import enum_label, tr

logger = logging.getLogger(__name__)

#: Rows fetched per page (the first page fills a screen several times over).
PAGE_SIZE = 200
#: data(index, ID_ROLE): the row's id (primary key).
ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: data(index, SORT_ROLE): the raw, unformatted value of the cell.
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
#: data(index, ROW_ROLE): the whole row object as the source returned it.
ROW_ROLE = Qt.ItemDataRole.UserRole + 3

_Index = QModelIndex | QPersistentModelIndex
Filters = Any


@runtime_checkable
class PageSource(Protocol):
    """What a paged model reads from: typically a thin adapter over a services/browse query."""

    def count(self, filters: Filters) -> int:
        """How many rows match `filters`."""
        ...

    def fetch(
        self, filters: Filters, sort_key: str | None, sort_desc: bool, offset: int, limit: int
    ) -> Sequence[Any]:
        """Rows `offset`..`offset+limit` of the matching rows in that order."""
        ...

    def row_id(self, row: Any) -> int:
        """The primary key of a row."""
        ...


@dataclass
class CallableSource:
    """A PageSource made of functions (e.g. `functools.partial(browse.purchases, ctx)`)."""

    count_fn: Callable[[Filters], int]
    fetch_fn: Callable[[Filters, str | None, bool, int, int], Sequence[Any]]
    id_fn: Callable[[Any], int] = field(default=lambda row: _get(row, "id"))

    def count(self, filters: Filters) -> int:
        return self.count_fn(filters)

    def fetch(self, filters, sort_key, sort_desc, offset, limit):
        return self.fetch_fn(filters, sort_key, sort_desc, offset, limit)

    def row_id(self, row: Any) -> int:
        return self.id_fn(row)


@dataclass
class ServiceSource:
    """A PageSource over a services/browse pair: `count_X(ctx, flt)` and `fetch_X(ctx, flt, ...)`.

    `get_ctx` is called on every query, so the rows follow the current user's context.
    """

    get_ctx: Callable[[], Any]
    count_fn: Callable[..., int]
    fetch_fn: Callable[..., Sequence[Any]]

    def count(self, filters: Filters) -> int:
        return self.count_fn(self.get_ctx(), filters)

    def fetch(self, filters, sort_key, sort_desc, offset, limit):
        return self.fetch_fn(
            self.get_ctx(), filters, sort=sort_key, desc=sort_desc, offset=offset, limit=limit
        )

    def row_id(self, row: Any) -> int:
        return _get(row, "id")


def _get(row: Any, key: str | int) -> Any:
    """A field of a row: tuple index, mapping key, or attribute (dataclass, Row, namedtuple)."""
    if isinstance(key, int):
        return row[key]
    if isinstance(row, Mapping):
        return row.get(key)
    return getattr(row, key)


def format_value(value: Any) -> str:
    """The default display text of a value: enums by label, times in local time, numbers localised."""
    if value is None:
        return ""
    if isinstance(value, Enum):
        return enum_label(value)
    if isinstance(value, bool):
        return tr("Yes") if value else tr("No")
    if isinstance(value, datetime):
        local = value.astimezone() if value.tzinfo else value
        return local.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int):
        return QLocale().toString(value)
    if isinstance(value, float):
        return QLocale().toString(value, "f", 1)
    return str(value)


def enum_formatter(enum_type: type[Enum]) -> Callable[[Any], str]:
    """A formatter for columns holding enum values as stored strings ("inspected" -> label)."""

    def fmt(value: Any) -> str:
        if value is None or value == "":
            return ""
        try:
            return enum_label(enum_type(value))
        except ValueError:
            return str(value)

    return fmt


@dataclass(frozen=True)
class Column:
    """One column: where its value comes from, how it is shown, and how SQL sorts it.

    `header` is the untranslated English text (mark it with QT_TR_NOOP); `sort_key` is
    handed to the source's fetch (None: the column cannot be sorted).
    """

    key: str
    header: str
    field: str | int | None = None
    sort_key: str | None = None
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    formatter: Callable[[Any], str] = format_value
    width: int = 120
    tooltip: Callable[[Any], str] | None = None
    #: Text colour (QColor or None) of a value, e.g. red for Fail; never the only sign.
    foreground: Callable[[Any], Any] | None = None
    #: Icon (QIcon or None) shown before a value, e.g. a cross for Fail.
    decoration: Callable[[Any], Any] | None = None

    def value(self, row: Any) -> Any:
        return _get(row, self.key if self.field is None else self.field)


#: Alignment for numbers and amounts.
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
#: Alignment for short codes and flags.
CENTER = Qt.AlignmentFlag.AlignCenter
