"""The per-merchant response workbook: protected case rows, editable response cells, checksums."""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from inspector_app.domain.errors import InspectorError
from inspector_app.domain.messages import t
from inspector_app.reports import labels
from inspector_app.reports.privacy_gate import PrivacyGate
from inspector_app.reports.xlsx_read import (
    as_date,
    as_int,
    as_text,
    column_problem,
    open_workbook,
    read_sheet,
    unprotect_text,
)
from inspector_app.reports.xlsx_safe import assign, clean_text, row_height, save_workbook

logger = logging.getLogger(__name__)

#: Identifies the workbook layout in its hidden sheet; bump when the columns change.
FORMAT = "inspector-merchant-responses/1"
RESPONSES = "Responses"
FINDINGS = "Findings"
META = "_meta"
#: Column headers of the Responses sheet (the first two are hidden).
CASE_ID, CHECK = "Case id", "Check"
CASE_NUMBER, STATUS, DUE, FINDING_LIST = "Case number", "Status", "Rectify by", "Findings"
RESPONSE, ROOT_CAUSE = "Response 回复", "Root cause 原因"
ACTION, PREVENTION, RESPONSE_DATE = (
    "Action taken 整改措施",
    "Preventive action 预防措施",
    "Response date 回复日期",
)
PROTECTED = [CASE_NUMBER, STATUS, DUE, FINDING_LIST]
EDITABLE = [RESPONSE, ROOT_CAUSE, ACTION, PREVENTION, RESPONSE_DATE]
HEADERS = [CASE_ID, CHECK, *PROTECTED, *EDITABLE]
WIDTHS = [8, 12, 15, 18, 13, 48, 40, 30, 30, 30, 16]
#: Longest text accepted in a response cell (the cases service accepts 20,000).
MAX_RESPONSE = 20_000


@dataclass(frozen=True)
class MerchantCaseRow:
    case_id: int
    case_number: str
    status: str
    due_date: date | None
    findings: str  # one line per finding: "1. Title (category, severity)"
    response_text: str = ""
    root_cause: str = ""
    corrective_action: str = ""
    preventive_action: str = ""
    response_date: date | None = None


@dataclass(frozen=True)
class MerchantFindingRow:
    case_number: str
    number: str
    title: str
    category: str
    severity: str
    description: str
    expected: str
    observed: str
    rule_ref: str
    product: str


@dataclass(frozen=True)
class MerchantWorkbookData:
    organisation: str
    shop_id: str
    merchant_name: str
    generated_on: date
    cases: list[MerchantCaseRow]
    findings: list[MerchantFindingRow]


@dataclass
class ResponseRow:
    """One filled-in row read back; `error` is set when the row cannot be used as it is."""

    row: int
    case_id: int | None
    check: str
    protected: dict[str, str]
    response_text: str = ""
    root_cause: str = ""
    corrective_action: str = ""
    preventive_action: str = ""
    response_date: date | None = None
    error: str = ""

    @property
    def empty(self) -> bool:
        return not any(
            (
                self.response_text,
                self.root_cause,
                self.corrective_action,
                self.preventive_action,
                self.response_date,
            )
        )


@dataclass
class MerchantWorkbookReading:
    shop_id: str
    meta_check: str
    rows: list[ResponseRow] = field(default_factory=list)


def _printed(value: Any) -> str:
    """A protected cell's value as the checksum sees it, the same written or read back."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.isoformat()
    # As the cell will hold it: cleaned of XML-forbidden characters, cut to Excel's limit.
    return unprotect_text(clean_text(as_text(value).replace("\r\n", "\n")))


def row_check(key: bytes, shop_id: str, case_id: int, protected: dict[str, Any]) -> str:
    """A keyed checksum over the hidden id and the protected cells of one row."""
    msg = "\x1f".join(
        [FORMAT, shop_id, str(case_id)] + [_printed(protected.get(h)) for h in PROTECTED]
    )
    return hmac.new(key, msg.encode(), hashlib.sha256).hexdigest()[:24]


def meta_check(key: bytes, shop_id: str) -> str:
    return hmac.new(key, f"{FORMAT}\x1f{shop_id}".encode(), hashlib.sha256).hexdigest()[:24]


def _protected_values(c: MerchantCaseRow) -> dict[str, Any]:
    return {
        CASE_NUMBER: c.case_number,
        STATUS: labels.case_status(c.status),
        DUE: c.due_date,
        FINDING_LIST: c.findings,
    }


def write_merchant_workbook(
    data: MerchantWorkbookData,
    key: bytes,
    out: Path | str,
    gate: PrivacyGate,
    *,
    force: bool = False,
) -> Path:
    """Only this merchant's cases awaiting a reply; response cells unlocked and validated,
    the rest locked. Published through `gate` (the data's texts have passed it already)."""
    if not isinstance(gate, PrivacyGate):
        raise TypeError("a merchant-facing workbook needs the merchant's PrivacyGate")
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    ws = wb.active
    ws.title = RESPONSES
    head_font, head_fill = Font(bold=True, color="FFFFFF"), PatternFill("solid", fgColor="2F4B6E")
    edit_fill = PatternFill("solid", fgColor="FFF8DC")
    wrap = Alignment(wrap_text=True, vertical="top")
    for col, (header, width) in enumerate(zip(HEADERS, WIDTHS, strict=True), 1):
        cell = assign(ws.cell(1, col), header)
        cell.font, cell.fill, cell.alignment = head_font, head_fill, wrap
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.row_dimensions[1].height = row_height(HEADERS, WIDTHS)
    ws.column_dimensions["A"].hidden = True
    ws.column_dimensions["B"].hidden = True
    for r, case in enumerate(data.cases, 2):
        protected = _protected_values(case)
        values = [
            case.case_id,
            row_check(key, data.shop_id, case.case_id, protected),
            *[protected[h] for h in PROTECTED],
            case.response_text,
            case.root_cause,
            case.corrective_action,
            case.preventive_action,
            case.response_date,
        ]
        for col, value in enumerate(values, 1):
            is_date = HEADERS[col - 1] in (DUE, RESPONSE_DATE)
            cell = assign(ws.cell(r, col), value, "yyyy-mm-dd" if is_date else None)
            cell.alignment = wrap
            if HEADERS[col - 1] in EDITABLE:
                cell.protection = Protection(locked=False)
                cell.fill = edit_fill
        ws.row_dimensions[r].height = row_height(values, WIDTHS)
    last = max(2, len(data.cases) + 1)
    first_edit = get_column_letter(HEADERS.index(RESPONSE) + 1)
    last_text = get_column_letter(HEADERS.index(PREVENTION) + 1)
    date_col = get_column_letter(HEADERS.index(RESPONSE_DATE) + 1)
    text_dv = DataValidation(
        type="textLength",
        operator="lessThanOrEqual",
        formula1=str(MAX_RESPONSE),
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Too long",
        error=f"At most {MAX_RESPONSE:,} characters.",
    )
    date_dv = DataValidation(
        type="date",
        operator="between",
        formula1="DATE(2000,1,1)",
        formula2="DATE(2100,12,31)",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Not a date",
        error="Enter a date, e.g. 2026-10-31.",
        showInputMessage=True,
        promptTitle="Response date",
        prompt="YYYY-MM-DD",
    )
    text_dv.add(f"{first_edit}2:{last_text}{last}")
    date_dv.add(f"{date_col}2:{date_col}{last}")
    ws.add_data_validation(text_dv)
    ws.add_data_validation(date_dv)
    ws.freeze_panes = "C2"
    _print_setup(ws)
    _protect(ws)
    _findings_sheet(wb, data, head_font, head_fill, wrap)
    _meta_sheet(wb, data, key)
    wb.properties.creator = gate.meta(data.organisation)
    wb.properties.lastModifiedBy = gate.meta(data.organisation)
    wb.properties.title = gate.meta(f"Responses of {data.merchant_name}")
    return gate.publish(
        out, "xlsx", lambda tmp: save_workbook(wb, tmp, force=True), force=force
    )


def _print_setup(ws: Any) -> None:
    """Landscape, all columns on one page width, header row repeated: printable as handed out."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_title_rows = "1:1"


def _protect(ws: Any) -> None:
    # A random password nobody keeps: the sheet is locked for everyone; the checksum, not the
    # password, is what detects an edited protected cell on import.
    ws.protection.password = secrets.token_urlsafe(12)
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False


def _findings_sheet(wb: Any, data: MerchantWorkbookData, font: Any, fill: Any, wrap: Any) -> None:
    ws = wb.create_sheet(FINDINGS)
    headers = [
        "Case number",
        "No.",
        "Title",
        "Category",
        "Severity",
        "Description",
        "Expected",
        "Observed",
        "Rule broken",
        "Product",
    ]
    widths = [15, 6, 30, 22, 12, 44, 28, 28, 20, 28]
    from openpyxl.utils import get_column_letter

    for col, (h, w) in enumerate(zip(headers, widths, strict=True), 1):
        c = assign(ws.cell(1, col), h)
        c.font, c.fill = font, fill
        ws.column_dimensions[get_column_letter(col)].width = w
    for r, f in enumerate(data.findings, 2):
        values = [
            f.case_number,
            f.number,
            f.title,
            labels.category(f.category),
            labels.severity(f.severity),
            f.description,
            f.expected,
            f.observed,
            f.rule_ref,
            f.product,
        ]
        for col, v in enumerate(values, 1):
            assign(ws.cell(r, col), v).alignment = wrap
        ws.row_dimensions[r].height = row_height(values, widths)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:J{max(2, len(data.findings) + 1)}"
    _print_setup(ws)
    _protect(ws)


def _meta_sheet(wb: Any, data: MerchantWorkbookData, key: bytes) -> None:
    ws = wb.create_sheet(META)
    for r, (k, v) in enumerate(
        [
            ("format", FORMAT),
            ("shop_id", data.shop_id),
            ("merchant", data.merchant_name),
            ("issued_by", data.organisation),
            ("generated_on", data.generated_on.isoformat()),
            ("check", meta_check(key, data.shop_id)),
        ],
        1,
    ):
        assign(ws.cell(r, 1), k)
        assign(ws.cell(r, 2), v)
    ws.sheet_state = "hidden"
    _protect(ws)


def _read_meta(wb: Any) -> dict[str, str]:
    if META not in wb.sheetnames:
        raise InspectorError(t(
            "This is not a merchant response workbook exported by Inspector "
            "(its hidden sheet is missing)"
        ))
    meta = {}
    for row in wb[META].iter_rows(min_row=1, max_col=2, values_only=True):
        if row and row[0]:
            meta[str(row[0])] = as_text(row[1] if len(row) > 1 else "")
    if meta.get("format") != FORMAT:
        raise InspectorError(t(
            "Unknown response workbook format '{format}' (expected {expected})",
            format=meta.get("format", ""), expected=FORMAT,
        ))
    return meta


def formula_cells(path: Path | str) -> dict[int, str]:
    """Row number -> the first column of the Responses sheet holding a formula.

    Values are read without formulas (never evaluated); a formula saved without its value
    would read as a blank cell and its row be skipped silently, so such rows are refused.
    """
    found: dict[int, str] = {}
    with open_workbook(path, formulas=True) as wb:
        names = {n.strip().casefold(): n for n in wb.sheetnames}
        real = names.get(RESPONSES.strip().casefold())
        if real is None:
            return found
        rows = wb[real].iter_rows()
        header = [c.value for c in next(rows, ())]
        for row in rows:
            for i, cell in enumerate(row):
                if getattr(cell, "data_type", None) == "f":
                    number = getattr(cell, "row", None)
                    if number is not None and number not in found:
                        found[number] = str(header[i]) if i < len(header) else "?"
                    break
    return found


def read_merchant_workbook(path: Path | str) -> MerchantWorkbookReading:
    """The filled-in rows of a returned workbook; a row's `error` says what is wrong with it."""
    with open_merchant_workbook(path) as (reading, rows):
        reading.rows.extend(rows)
    return reading


@contextmanager
def open_merchant_workbook(
    path: Path | str,
) -> Iterator[tuple[MerchantWorkbookReading, Iterator[ResponseRow]]]:
    """The workbook's hidden header (shop id, check; `rows` left empty) and its filled-in
    rows streamed, for imports of any size."""
    formulas = formula_cells(path)
    with open_workbook(path) as wb:
        meta = _read_meta(wb)
        reading = MerchantWorkbookReading(meta.get("shop_id", ""), meta.get("check", ""))
        yield reading, (_response_row(sr, formulas) for sr in read_sheet(wb, RESPONSES, HEADERS))


def _response_row(sr: Any, formulas: dict[int, str]) -> ResponseRow:
    v = sr.values
    row = ResponseRow(sr.number, None, as_text(v[CHECK]), {h: v[h] for h in PROTECTED})
    try:
        row.case_id = case_id = as_int(v[CASE_ID], required=True)
        if case_id is None or not 1 <= case_id < 2**63:
            row.case_id = None
            raise ValueError(t("is out of range"))
    except ValueError as exc:
        row.error = t("the hidden case id {problem}", problem=exc)
    if sr.number in formulas:
        row.error = t(
            "{column} holds a formula; type the value itself (formulas are not read)",
            column=formulas[sr.number],
        )
    for attr, header in (
        ("response_text", RESPONSE),
        ("root_cause", ROOT_CAUSE),
        ("corrective_action", ACTION),
        ("preventive_action", PREVENTION),
    ):
        try:
            setattr(row, attr, as_text(v[header], max_len=MAX_RESPONSE))
        except ValueError as exc:
            row.error = row.error or column_problem(header, exc)
    try:
        row.response_date = as_date(v[RESPONSE_DATE])
    except ValueError as exc:
        row.error = row.error or t("{column}: {problem}", column=RESPONSE_DATE, problem=exc)
    return row


def check_row(key: bytes, shop_id: str, row: ResponseRow) -> bool:
    """True when the row's protected cells and hidden id are as they were exported."""
    if row.case_id is None:
        return False
    expected = row_check(key, shop_id, row.case_id, row.protected)
    return hmac.compare_digest(expected, row.check)
