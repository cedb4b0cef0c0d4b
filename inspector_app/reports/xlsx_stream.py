"""Streaming a big sheet: opening a workbook without sizing its sheets, and its rows' values
read with lxml's C parser (reports/xlsx_read.py's read_sheet uses both)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from openpyxl import Workbook

logger = logging.getLogger(__name__)


def load_streaming(path: Path) -> Workbook:
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


def sheet_rows(ws) -> Iterator[tuple[int, dict[int, Any]]]:
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
