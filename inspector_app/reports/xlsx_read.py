"""Reading workbooks people send back: defused XML, values not formulas, clear errors."""

from __future__ import annotations

import logging
import re
import zipfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any

from inspector_app.domain.errors import InspectorError
from inspector_app.domain.labels import join_list
from inspector_app.domain.messages import t

if TYPE_CHECKING:
    from openpyxl import Workbook

logger = logging.getLogger(__name__)

#: Refuse a workbook whose parts would unpack to more than this (a zip bomb).
MAX_UNCOMPRESSED_BYTES = 1_500_000_000
#: Refuse a part bigger than MAX_RATIO_MIN_BYTES that unpacks more than this many times its size.
MAX_COMPRESSION_RATIO = 200
MAX_RATIO_MIN_BYTES = 16_000_000
#: The first bytes of an old binary .xls (also of a password-protected .xlsx).
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: How our writer protects text that would otherwise read as an OOXML escape.
_PROTECTED_ESCAPE = re.compile("_x005F_(?=x[0-9A-Fa-f]{4}_)")


@dataclass(frozen=True)
class SheetRow:
    """One data row: its row number in the sheet (as the user sees it) and values by column."""

    number: int
    values: dict[str, Any]

    def get(self, column: str, default: Any = None) -> Any:
        return self.values.get(column, default)


def _require_defusedxml() -> None:
    import openpyxl

    if not openpyxl.DEFUSEDXML:
        raise InspectorError(t(
            "Importing workbooks needs the 'defusedxml' package (and OPENPYXL_DEFUSEDXML not "
            "set to False); refusing to read untrusted XML without it"
        ))


def _check_container(path: Path) -> None:
    name = path.name
    if not path.is_file():
        raise InspectorError(t("{path} does not exist or is not a file", path=path))
    with path.open("rb") as fh:
        head = fh.read(8)
    if head == _OLE2_MAGIC:
        raise InspectorError(t(
            "{file} is an old .xls file or a password-protected workbook; "
            "open it in Excel or LibreOffice, remove any password and save it as .xlsx", file=name,
        ))
    if not zipfile.is_zipfile(path):
        raise InspectorError(t("{file} is not an Excel workbook (.xlsx)", file=name))
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            names = {i.filename for i in infos}
            if "xl/workbook.xml" not in names and "[Content_Types].xml" not in names:
                raise InspectorError(
                    t("{file} is a zip archive but not an Excel workbook", file=name)
                )
            total = sum(i.file_size for i in infos)
            if total > MAX_UNCOMPRESSED_BYTES:
                raise InspectorError(t(
                    "{file} would unpack to {size} bytes; refused", file=name, size=f"{total:,}"
                ))
            for i in infos:
                ratio = i.file_size / max(i.compress_size, 1)
                if i.file_size > MAX_RATIO_MIN_BYTES and ratio > MAX_COMPRESSION_RATIO:
                    raise InspectorError(t(
                        "{file} looks like a zip bomb ({part} unpacks {ratio}x); refused",
                        file=name, part=i.filename, ratio=f"{ratio:.0f}",
                    ))
    except zipfile.BadZipFile as exc:
        raise InspectorError(
            t("{file} is damaged and cannot be read ({problem})", file=name, problem=exc)
        ) from exc


def _explain(path: Path, exc: Exception) -> InspectorError:
    """A user-facing message for an error raised while parsing a workbook."""
    kind = type(exc).__name__
    if kind in ("EntitiesForbidden", "DTDForbidden", "ExternalReferenceForbidden"):
        return InspectorError(
            t("{file} contains XML entity declarations; refused as unsafe", file=path.name)
        )
    if isinstance(exc, zipfile.BadZipFile | EOFError):
        return InspectorError(
            t("{file} is damaged and cannot be read ({problem})", file=path.name, problem=exc)
        )
    return InspectorError(t(
        "{file} cannot be read as a workbook ({problem})", file=path.name, problem=f"{kind}: {exc}"
    ))


def _load_streaming(path: Path) -> Workbook:
    """load_workbook(read_only, data_only) without reading each sheet at open to size it.

    openpyxl sizes a read-only sheet when the workbook opens; a sheet without a leading
    <dimension> (openpyxl's own write-only files) is parsed whole for it, doubling a big
    import's reading time. Here the size stays unknown: read_sheet needs none.
    """
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    class UnsizedSheet(ReadOnlyWorksheet):
        def _get_size(self) -> None:
            self._min_row = self._min_column = 1
            self._max_row = self._max_column = None

    class StreamingReader(ExcelReader):
        def read_worksheets(self) -> None:
            for sheet, rel in self.parser.find_sheets():
                if rel.target in self.valid_files and "chartsheet" not in rel.Type:
                    ws = UnsizedSheet(self.wb, sheet.name, rel.target, self.shared_strings)
                    ws.sheet_state = sheet.state
                    self.wb._sheets.append(ws)

    reader = StreamingReader(path, read_only=True, data_only=True, keep_links=False)
    reader.read()
    return reader.wb


@contextmanager
def open_workbook(
    path: Path | str, *, formulas: bool = False, streaming: bool = False
) -> Iterator[Workbook]:
    """Open an untrusted .xlsx read-only with values only (formulas are never evaluated).

    `formulas=True` reads formula cells as their formula text (data type "f") instead of
    the value last saved with them, to find them. `streaming=True` (for read_sheet only)
    leaves the sheets' sizes unknown instead of reading every sheet once at open.
    """
    from openpyxl import load_workbook

    path = Path(path)
    _require_defusedxml()
    _check_container(path)
    try:
        if streaming and not formulas:
            wb = _load_streaming(path)
        else:
            wb = load_workbook(path, read_only=True, data_only=not formulas, keep_links=False)
    except InspectorError:
        raise
    except Exception as exc:  # openpyxl raises many kinds for broken files
        raise _explain(path, exc) from exc
    try:
        yield wb
    except InspectorError:
        raise
    except (KeyError, ValueError, TypeError, OSError, EOFError, zipfile.BadZipFile) as exc:
        raise _explain(path, exc) from exc
    except Exception as exc:
        if type(exc).__module__.startswith(("defusedxml", "xml", "lxml")):
            raise _explain(path, exc) from exc
        raise
    finally:
        wb.close()


def _norm(header: Any) -> str:
    return re.sub(r"\s+", " ", str(header or "")).strip().casefold()


def unprotect_text(value: Any) -> Any:
    """Undo the writer's OOXML-escape protection on text read from an inline string."""
    if isinstance(value, str) and "_x005F_" in value:
        return _PROTECTED_ESCAPE.sub("_", value)
    return value


def _sheet_rows(ws) -> Iterator[tuple[int, dict[int, Any]]]:
    """(row number, {column number: value}) of a read-only sheet, values as openpyxl reads
    them with data_only (cached formula results, dates by the cell's style).

    openpyxl parses through defusedxml's pure-Python expat handlers and builds objects per
    inline string: ~75 s of CPU for a 1,048,575-row sheet. lxml's C parser with entities,
    DTDs and the network switched off (as defusedxml would refuse them, nothing is
    expanded or fetched) reads the same rows several times faster (docs/performance.md).
    """
    from lxml import etree
    from openpyxl.utils.cell import column_index_from_string
    from openpyxl.utils.datetime import from_excel, from_ISO8601

    wb = ws.parent
    strings = ws._shared_strings
    dates, spans, epoch = wb._date_formats, wb._timedelta_formats, wb.epoch
    columns: dict[str, int] = {}
    digits = "0123456789"
    ns = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    row_tag, v_tag, is_tag, t_tag, r_tag = (ns + x for x in ("row", "v", "is", "t", "r"))

    def inline(child) -> str:
        return "".join(
            (part.text or "") if part.tag == t_tag else (part.findtext(t_tag) or "")
            for part in child if part.tag in (t_tag, r_tag)
        )

    counter = 0
    with ws._get_source() as src:
        parse = etree.iterparse(
            src, events=("end",), tag=row_tag, resolve_entities=False, load_dtd=False,
            no_network=True, dtd_validation=False, huge_tree=False, remove_comments=True,
        )
        for _, row in parse:
            if counter == 0 and row.getroottree().docinfo.internalDTD is not None:
                raise ValueError("XML with a document type declaration (DTDForbidden)")
            r = row.get("r")
            counter = int(float(r)) if r else counter + 1
            values: dict[int, Any] = {}
            col = 0
            for el in row:
                coordinate = el.get("r")
                if coordinate:
                    letters = coordinate.rstrip(digits)
                    col = columns.get(letters) or columns.setdefault(
                        letters, column_index_from_string(letters))
                else:
                    col += 1
                kind = el.get("t", "n")
                if kind == "inlineStr":
                    child = el.find(is_tag)
                    if child is not None:
                        values[col] = inline(child)
                    continue
                value = el.findtext(v_tag) or None
                if value is None:
                    continue
                if kind == "n":
                    value = float(value) if "." in value or "E" in value or "e" in value \
                        else int(value)
                    style = el.get("s")
                    if style and int(style) in dates:
                        try:
                            value = from_excel(value, epoch, timedelta=int(style) in spans)
                        except (OverflowError, ValueError):
                            value = "#VALUE!"
                elif kind == "s":
                    value = strings[int(value)]
                elif kind == "b":
                    value = bool(int(value))
                elif kind == "d":
                    value = from_ISO8601(value)
                values[col] = value
            row.clear()
            while row.getprevious() is not None:  # keep the tree as small as one row
                del row.getparent()[0]
            yield counter, values


def read_sheet(
    wb: Workbook,
    sheet: str,
    required: Sequence[str],
    optional: Sequence[str] = (),
    *,
    header_row: int = 1,
) -> Iterator[SheetRow]:
    """Rows of `sheet` as SheetRows keyed by the declared column names (matched loosely).

    Raises InspectorError when the sheet or a required column is missing; blank rows are
    skipped. Unknown columns are ignored.
    """
    names = {_norm(n): n for n in wb.sheetnames}
    real = names.get(_norm(sheet))
    if real is None:
        raise InspectorError(t(
            "The workbook has no sheet '{sheet}' (it has: {sheets})",
            sheet=sheet, sheets=join_list(wb.sheetnames) or t("none"),
        ))
    ws = wb[real]
    rows: Iterator[tuple[int, dict[int, Any]]]
    if getattr(ws, "_get_source", None) is not None and wb.data_only:
        rows = ((n, v) for n, v in _sheet_rows(ws) if n >= header_row)
    else:  # a workbook opened for its formulas: openpyxl's own rows
        rows = (
            (n, dict(enumerate(r, 1)))
            for n, r in enumerate(ws.iter_rows(min_row=header_row, values_only=True), header_row)
        )
    number, first = next(rows, (0, None))
    header = (
        [first.get(c) for c in range(1, max(first, default=0) + 1)]
        if first is not None and number == header_row else None
    )
    if header is None:
        raise InspectorError(t("Sheet '{sheet}' is empty: it needs a header row", sheet=real))
    positions: dict[str, int] = {}
    wanted = {_norm(c): c for c in [*required, *optional]}
    for idx, h in enumerate(header):
        key = _norm(h)
        if key in wanted and wanted[key] not in positions:
            positions[wanted[key]] = idx
    missing = [c for c in required if c not in positions]
    if missing:
        columns = join_list(missing)
        raise InspectorError(
            t("Sheet '{sheet}' lacks the column: {columns}", sheet=real, columns=columns)
            if len(missing) == 1
            else t("Sheet '{sheet}' lacks the columns: {columns}", sheet=real, columns=columns)
        )
    for number, row in rows:
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in row.values()):
            continue
        values = {col: unprotect_text(row.get(idx + 1)) for col, idx in positions.items()}
        yield SheetRow(number, values)


# Converters for row validation: each raises ValueError with a message fit for a report,
# worded to follow the column's name (see column_problem).


def column_problem(column: str, problem: object) -> str:
    """A converter's complaint about a cell, led by its column: "Order number is empty"."""
    return t("{column} {problem}", column=column, problem=problem)


def as_text(value: Any, *, required: bool = False, max_len: int | None = None) -> str:
    if value is None:
        text = ""
    elif isinstance(value, float) and value.is_integer():
        text = str(int(value))  # an order number typed as a number
    else:
        text = str(value).strip()
    if required and not text:
        raise ValueError(t("is empty"))
    if max_len is not None and len(text) > max_len:
        raise ValueError(t("is longer than {limit} characters", limit=max_len))
    return text


def as_date(value: Any, *, required: bool = False) -> date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ValueError(t("is empty"))
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        s = value.strip().replace("/", "-").replace(".", "-")
        try:
            return date.fromisoformat(s[:10])
        except ValueError:
            pass
    raise ValueError(t("'{value}' is not a date (use YYYY-MM-DD)", value=value))


def as_datetime(value: Any, *, required: bool = False) -> datetime | None:
    if isinstance(value, datetime):
        return value
    if isinstance(value, str) and len(value.strip()) > 10:
        try:
            return datetime.fromisoformat(value.strip().replace("/", "-"))
        except ValueError:
            raise ValueError(
                t("'{value}' is not a date and time (YYYY-MM-DD HH:MM)", value=value)
            ) from None
    d = as_date(value, required=required)
    return None if d is None else datetime(d.year, d.month, d.day)


def as_int(value: Any, *, required: bool = False) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ValueError(t("is empty"))
        return None
    if isinstance(value, bool):
        raise ValueError(t("'{value}' is not a whole number", value=value))
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and re.fullmatch(r"\s*-?\d+\s*", value):
        return int(value)
    raise ValueError(t("'{value}' is not a whole number", value=value))


def as_decimal(value: Any, *, required: bool = False) -> Decimal | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ValueError(t("is empty"))
        return None
    try:
        if isinstance(value, float):
            return Decimal(str(value))
        return Decimal(str(value).strip().replace(",", ""))
    except InvalidOperation:
        raise ValueError(t("'{value}' is not a number", value=value)) from None
