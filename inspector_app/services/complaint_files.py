"""Reading a complaints file as rows: CSV streamed in UTF-8 or GB18030, or the first sheet of a
workbook. Only regular files are opened (see input_files); memory stays flat at any size."""

from __future__ import annotations

import codecs
import csv
import io
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from inspector_app.domain.limits import MAX_CELL_CHARS
from inspector_app.domain.messages import t

logger = logging.getLogger(__name__)

#: Bytes read at a time while streaming a CSV file.
READ_BYTES = 1 << 20


def decode(data: bytes) -> tuple[str, str]:
    """Text of a CSV file and the encoding it was in: UTF-8 (with or without BOM) or GB18030."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError as exc:
        raise ValueError(
            t("the file is neither UTF-8 nor GB18030 text ({problem})", problem=exc.reason)
        ) from None


def sniff_encoding(path: Path) -> str:
    """UTF-8 (with or without BOM) or GB18030, read through once in chunks (memory stays flat)."""
    from inspector_app.services.input_files import open_input

    with open_input(path) as fh:
        head = fh.read(3)
        if head == b"\xef\xbb\xbf":
            return "utf-8-sig"
        for encoding in ("utf-8", "gb18030"):
            fh.seek(0)
            decoder = codecs.getincrementaldecoder(encoding)()
            try:
                while chunk := fh.read(READ_BYTES):
                    decoder.decode(chunk)
                decoder.decode(b"", final=True)
            except UnicodeDecodeError as exc:
                problem = exc.reason
                continue
            return encoding
    raise ValueError(
        t("the file is neither UTF-8 nor GB18030 text ({problem})", problem=problem)
    )


def csv_rows(path: Path) -> tuple[str, Iterator[tuple[int, list[Any]]]]:
    encoding = sniff_encoding(path)
    return encoding, stream_csv(path, encoding)


def stream_csv(path: Path, encoding: str) -> Iterator[tuple[int, list[Any]]]:
    from inspector_app.services.input_files import open_input

    with open_input(path) as raw:
        text = io.TextIOWrapper(raw, encoding=encoding, newline="")
        first = text.readline(MAX_CELL_CHARS + 1)
        delimiter = "\t" if first.count("\t") > first.count(",") else ","
        text.seek(0)
        reader = csv.reader(text, delimiter=delimiter)
        previous = csv.field_size_limit(MAX_CELL_CHARS)
        n = 0
        try:
            while True:
                try:
                    row = next(reader)
                except StopIteration:
                    return
                except csv.Error as exc:
                    raise FileProblem(n + 1, _csv_problem(exc)) from None
                n += 1
                yield n, row
        finally:
            csv.field_size_limit(previous)


class FileProblem(Exception):
    """The file cannot be read past `row`: the whole import is refused."""

    def __init__(self, row: int, problem: str) -> None:
        super().__init__(problem)
        self.row = row


def _csv_problem(exc: csv.Error) -> str:
    if "field larger than field limit" in str(exc):
        return t(
            "a cell is longer than the limit of {limit} characters", limit=f"{MAX_CELL_CHARS:,}"
        )
    return t("the CSV cannot be read ({problem})", problem=exc)


def xlsx_rows(path: Path) -> Iterator[tuple[int, list[Any]]]:
    from inspector_app.reports.xlsx_read import open_workbook, unprotect_text
    from inspector_app.services.input_files import check_input_file

    check_input_file(path)
    with open_workbook(path) as wb:
        ws = wb.worksheets[0]
        for n, row in enumerate(ws.iter_rows(values_only=True), start=1):
            yield n, [unprotect_text(v) for v in row]
