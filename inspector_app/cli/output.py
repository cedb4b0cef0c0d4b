"""Plain-text tables aligned for CJK wide characters, and JSON arrays, for the command line."""

from __future__ import annotations

import dataclasses
import itertools
import json
import logging
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any, TextIO

from inspector_app.domain.messages import current_language, t

logger = logging.getLogger(__name__)


def _translated() -> bool:
    """Whether cells and headers are shown in another language than the source's."""
    return current_language() != "en"

#: Widest a table column may grow (in terminal cells) before its text is cut with an ellipsis.
MAX_COLUMN_WIDTH = 48
#: Rows a table's column widths are measured on before it starts printing.
SIZING_ROWS = 500
#: Gap between table columns.
COLUMN_GAP = "  "


def char_width(ch: str) -> int:
    """Terminal cells one character takes: 2 for East-Asian wide/full-width, 0 for combining."""
    if unicodedata.combining(ch):
        return 0
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return 2
    return 1


def display_width(text: str) -> int:
    """Terminal cells `text` takes (CJK characters count double)."""
    if text.isascii():
        return len(text)
    return sum(char_width(ch) for ch in text)


def truncate(text: str, width: int) -> str:
    """`text` cut to at most `width` cells, ending in '…' when something was cut."""
    if display_width(text) <= width:
        return text
    out: list[str] = []
    used = 0
    for ch in text:
        w = char_width(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


def pad(text: str, width: int, *, right: bool = False) -> str:
    """`text` padded with spaces to `width` cells (on the left when `right`)."""
    gap = " " * max(0, width - display_width(text))
    return gap + text if right else text + gap


def cell_text(value: Any) -> str:
    """How one value reads in a table cell: one line, no 'None', dates without microseconds."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return (t("yes") if value else t("no")) if _translated() else ("yes" if value else "no")
    if isinstance(value, Enum):
        if _translated():
            from inspector_app.domain.labels import value_label

            return value_label(value)
        return str(value.value)
    if isinstance(value, datetime):
        return (
            value.astimezone().strftime("%Y-%m-%d %H:%M")
            if value.tzinfo
            else value.strftime("%Y-%m-%d %H:%M")
        )
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple, set, frozenset)):
        return ", ".join(cell_text(v) for v in value)
    return " ".join(str(value).split())


def render_table(
    rows: Sequence[Mapping[str, Any]],
    columns: Sequence[tuple[str, str]],
    *,
    max_width: int = MAX_COLUMN_WIDTH,
) -> str:
    """A plain-text table: `columns` are (key, header) pairs; numbers are right-aligned."""
    return "\n".join(table_lines(rows, columns, max_width=max_width))


def table_lines(
    rows: Iterable[Mapping[str, Any]],
    columns: Sequence[tuple[str, str]],
    *,
    max_width: int = MAX_COLUMN_WIDTH,
    sample: int = SIZING_ROWS,
) -> Iterator[str]:
    """Header, rule and one line per row; no lines at all when there are no rows.

    Column widths come from the first `sample` rows, so a long listing starts at once and
    needs no memory; a later, wider cell is cut to its column with an ellipsis. Columns
    whose key the first row lacks are left out.
    """
    it = iter(rows)
    head = list(itertools.islice(it, sample))
    if not head:
        return
    from inspector_app.cli.translated import header_label

    columns = [(k, header_label(h)) for k, h in columns if k in head[0]]
    cells = [[truncate(cell_text(row.get(k)), max_width) for k, _ in columns] for row in head]
    numeric = [
        all(_is_number(row.get(k)) for row in head if row.get(k) is not None)
        and any(row.get(k) is not None for row in head)
        for k, _ in columns
    ]
    widths = [
        max([display_width(h)] + [display_width(r[i]) for r in cells])
        for i, (_, h) in enumerate(columns)
    ]

    def line(values: Sequence[str]) -> str:
        return COLUMN_GAP.join(
            pad(truncate(v, w), w, right=n) for v, w, n in zip(values, widths, numeric, strict=True)
        ).rstrip()

    yield line([h for _, h in columns])
    yield COLUMN_GAP.join("-" * w for w in widths)
    for r in cells:
        yield line(r)
    for row in it:
        yield line([cell_text(row.get(k)) for k, _ in columns])


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)


def json_default(value: Any) -> Any:
    """JSON for what `json` does not know: ISO 8601 dates, enum values, decimals as strings."""
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return as_record(value)
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def as_record(row: Any) -> dict[str, Any]:
    """A row (dataclass, mapping or object with attributes) as a plain dict of its fields."""
    if isinstance(row, Mapping):
        return dict(row)
    if dataclasses.is_dataclass(row) and not isinstance(row, type):
        return {f.name: getattr(row, f.name) for f in dataclasses.fields(row)}
    if hasattr(row, "_asdict"):
        return dict(row._asdict())
    return {k: v for k, v in vars(row).items() if not k.startswith("_")}


def write_json(records: Iterable[Mapping[str, Any]], out: TextIO) -> int:
    """A JSON array of objects on `out`, one object at a time, non-ASCII text kept as is."""
    count = 0
    out.write("[")
    for record in records:
        out.write(",\n  " if count else "\n  ")
        out.write(json.dumps(record, ensure_ascii=False, default=json_default))
        count += 1
    out.write("\n]\n" if count else "]\n")
    return count
