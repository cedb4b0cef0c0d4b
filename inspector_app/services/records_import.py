"""Importing existing records from the template workbook: all or nothing, idempotent.

The whole file is one transaction (Database.batch): every row is checked and written, and
if any row is refused, or the file cannot be read to the end, nothing of the file is kept;
the report lists every refused row (sheet, row, reason). Sheets are streamed.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError

from inspector_app.db.models import Brand, Finding, Merchant, Product, Purchase, User
from inspector_app.domain.enums import FindingCategory, PurchaseStatus, Severity, Verdict
from inspector_app.domain.errors import InspectorError
from inspector_app.domain.limits import FIRST_YEAR, LAST_YEAR, MAX_IMPORT_ROWS
from inspector_app.domain.messages import t, tc
from inspector_app.services.context import RECORDERS, Context
from inspector_app.services.workbooks import RowError

if TYPE_CHECKING:
    from inspector_app.reports.xlsx_read import SheetRow

logger = logging.getLogger(__name__)


#: At most this many refused rows are listed (all are counted in `error_count`).
MAX_ERRORS = 1_000


class _Refused(Exception):
    """Raised inside the batch to roll the whole file back when rows were refused."""


@dataclass
class RecordsReport:
    created: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)
    errors: list[RowError] = field(default_factory=list)
    error_count: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        if self.error_count:
            count = self.error_count
            return tc("clause separator", "; ").join([
                t("1 row with problems")
                if count == 1
                else t("{count} rows with problems", count=f"{count:,}"),
                t("nothing was imported (fix the rows listed and import the file again)"),
            ])
        parts = [
            t(
                "{sheet}: {new} new, {unchanged} already there",
                sheet=sheet, new=self.created[sheet], unchanged=self.unchanged[sheet],
            )
            for sheet in ("Merchants", "Products", "Purchases", "Findings")
        ]
        count = len(self.errors)
        parts.append(
            t("1 row with problems")
            if count == 1
            else t("{count} rows with problems", count=f"{count:,}")
        )
        return tc("clause separator", "; ").join(parts)


def _local(value: datetime | None) -> datetime | None:
    """A spreadsheet's naive date-time, read as local time."""
    return value.astimezone() if value is not None else None


class _Importer:
    def __init__(self, ctx: Context, report: RecordsReport) -> None:
        self.ctx = ctx
        self.report = report
        #: Verdicts to record once the findings are in: (row number, purchase id, verdict).
        self.verdicts: list[tuple[int, int, Verdict]] = []

        #: Where the import is, for the message when it stops half-way.
        self.at: tuple[str, int] = ("", 0)

    def error(self, sheet: str, row: SheetRow | int, reason: str) -> None:
        self.report.error_count += 1
        if len(self.report.errors) < MAX_ERRORS:
            number = row if isinstance(row, int) else row.number
            self.report.errors.append(RowError(sheet, number, reason))

    def each(self, sheet: str, rows, handle) -> None:
        from inspector_app.domain.errors import InspectorError as _Err
        from inspector_app.services.input_files import cell_problem

        for count, row in enumerate(rows, 1):
            self.at = (sheet, row.number)
            if count > MAX_IMPORT_ROWS:
                raise InspectorError(t(
                    "Sheet '{sheet}' has more than {limit} rows; split the file",
                    sheet=sheet, limit=f"{MAX_IMPORT_ROWS:,}",
                ))
            problem = next(
                (
                    t("{column} {problem}", column=col, problem=p)
                    for col, v in row.values.items()
                    if (p := cell_problem(v))
                ),
                None,
            )
            if problem:
                self.error(sheet, row, problem)
                continue
            try:
                created = handle(row)
            except ValueError as exc:
                self.error(sheet, row, str(exc))
            except _Err as exc:
                self.error(sheet, row, str(exc))
            else:
                (self.report.created if created else self.report.unchanged)[sheet] += 1

    def _one(self, query) -> Any:
        with self.ctx.db.read() as s:
            return s.scalar(query)

    # -- sheets ------------------------------------------------------------------------------

    def merchant(self, row: SheetRow) -> bool:
        from inspector_app.reports.xlsx_read import as_text
        from inspector_app.services import merchants

        shop = _field(row, "Shop id", as_text, required=True, max_len=64)
        if self._one(select(Merchant.id).where(Merchant.shop_id == shop)):
            return False
        key = _field(row, "Key merchant", as_text).casefold()
        if key not in ("", "yes", "no", "y", "n", "true", "false", "1", "0"):
            raise ValueError(t("Key merchant: '{value}' is not yes or no", value=key))
        merchants.create_merchant(
            self.ctx,
            shop,
            _field(row, "Name", as_text, required=True),
            category=_field(row, "Category", as_text),
            contact=_field(row, "Contact", as_text),
            key_merchant=key in ("yes", "y", "true", "1"),
        )
        return True

    def product(self, row: SheetRow) -> bool:
        from inspector_app.reports.xlsx_read import as_decimal, as_text
        from inspector_app.services import catalog

        listing = _field(row, "Listing id", as_text, max_len=64)
        name = _field(row, "Name", as_text, required=True)
        brand = _field(row, "Brand", as_text)
        if self._find_product(listing, name, brand) is not None:
            return False
        price = _field(row, "List price", as_decimal)
        catalog.create_product(
            self.ctx,
            name,
            brand=brand,
            category=_field(row, "Category", as_text),
            listing_id=listing or None,
            list_price=str(price) if price is not None else None,
        )
        return True

    def _find_product(self, listing: str, name: str, brand: str = "") -> int | None:
        if listing:
            return self._one(select(Product.id).where(Product.listing_id == listing))
        q = (
            select(Product.id)
            .outerjoin(Brand, Brand.id == Product.brand_id)
            .where(Product.name == name, Product.deleted_at.is_(None))
        )
        q = q.where(Brand.name == brand) if brand else q
        return self._one(q.order_by(Product.id).limit(1))

    def purchase(self, row: SheetRow) -> bool:
        from inspector_app.reports.xlsx_read import as_decimal, as_text
        from inspector_app.services import catalog, purchases
        from inspector_app.services.purchases import PurchaseInput

        order = _field(row, "Order number", as_text, required=True, max_len=64)
        verdict_text = _field(row, "Verdict", as_text).casefold()
        try:
            verdict = Verdict(verdict_text) if verdict_text else None
        except ValueError:
            raise ValueError(
                t("Verdict: '{value}' is not pass or fail", value=verdict_text)
            ) from None
        with self.ctx.db.read() as s:
            existing = s.execute(
                select(Purchase.id, Purchase.verdict).where(Purchase.order_number == order)
            ).first()
        if existing is not None:
            if verdict is not None and existing[1] is None:
                self.verdicts.append((row.number, existing[0], verdict))  # its findings came later
            return False
        shop = _field(row, "Shop id", as_text, required=True)
        merchant_id = self._one(
            select(Merchant.id).where(Merchant.shop_id == shop, Merchant.deleted_at.is_(None))
        )
        if merchant_id is None:
            raise ValueError(t("no merchant with shop id '{shop_id}'", shop_id=shop))
        listing = _field(row, "Product listing id", as_text)
        pname = _field(row, "Product name", as_text)
        product_id = None
        if listing or pname:
            product_id = self._find_product(listing, pname)
            if product_id is None and listing:
                raise ValueError(t("no product with listing id '{listing_id}'", listing_id=listing))
            if product_id is None:
                product_id = catalog.create_product(self.ctx, pname).id
        inspector = _field(row, "Inspector", as_text)
        inspector_id = None
        if inspector:
            inspector_id = self._one(select(User.id).where(User.display_name == inspector))
            if inspector_id is None:
                raise ValueError(t("Inspector: no user called '{name}'", name=inspector))
        ordered = _local(_field(row, "Ordered at", _in_range, required=True))
        received = _local(_field(row, "Received at", _in_range))
        if verdict is not None and received is None:
            received = ordered
        price = _field(row, "Price paid", as_decimal)
        info = purchases.create_purchase(
            self.ctx,
            PurchaseInput(
                merchant_id=merchant_id,
                product_id=product_id,
                order_number=order,
                ordered_at=ordered,
                price_paid=str(price) if price is not None else None,
                buyer_alias=_field(row, "Buyer alias", as_text),
                delivery_address=_field(row, "Delivery address", as_text),
                received_at=received,
                inspector_id=inspector_id,
                status=PurchaseStatus.RECEIVED if received else PurchaseStatus.ORDERED,
                notes=_field(row, "Notes", as_text),
            ),
        )
        if verdict is not None:
            self.verdicts.append((row.number, info.id, verdict))
        return True

    def finding(self, row: SheetRow) -> bool:
        from inspector_app.reports.xlsx_read import as_text
        from inspector_app.services import findings
        from inspector_app.services.findings import FindingInput

        order = _field(row, "Order number", as_text, required=True)
        purchase_id = self._one(
            select(Purchase.id).where(Purchase.order_number == order, Purchase.deleted_at.is_(None))
        )
        if purchase_id is None:
            raise ValueError(t("no purchase with order number '{order}'", order=order))
        category = _field(row, "Category", as_text, required=True).casefold()
        severity = _field(row, "Severity", as_text, required=True).casefold()
        if category not in {c.value for c in FindingCategory}:
            raise ValueError(
                t("Category: '{value}' is not one of the listed categories", value=category)
            )
        if severity not in {v.value for v in Severity}:
            raise ValueError(
                t("Severity: '{value}' is not critical, major or minor", value=severity)
            )
        data = FindingInput(
            category=category,
            severity=severity,
            title=_field(row, "Title", as_text, required=True),
            description=_field(row, "Description", as_text),
            expected=_field(row, "Expected", as_text),
            observed=_field(row, "Observed", as_text),
            rule_ref=_field(row, "Rule broken", as_text),
        )
        same = self._one(
            select(Finding.id).where(
                Finding.purchase_id == purchase_id,
                Finding.deleted_at.is_(None),
                Finding.category == data.category,
                Finding.title == " ".join(data.title.split()),
            )
        )
        if same:
            return False
        findings.add_finding(self.ctx, purchase_id, data)
        return True

    def apply_verdicts(self) -> None:
        from inspector_app.services import purchases

        for row, purchase_id, verdict in self.verdicts:
            self.at = ("Purchases", row)
            try:
                purchases.set_verdict(self.ctx, purchase_id, verdict)
            except InspectorError as exc:
                self.error("Purchases", row, t("verdict not recorded: {problem}", problem=exc))


def _in_range(value: Any, *, required: bool = False) -> datetime | None:
    """as_datetime, refusing dates outside FIRST_YEAR-LAST_YEAR (a typo, not a purchase)."""
    from inspector_app.reports.xlsx_read import as_datetime

    when = as_datetime(value, required=required)
    if when is not None and not FIRST_YEAR <= when.year <= LAST_YEAR:
        raise ValueError(t(
            "'{value}' is outside the years {first}-{last}",
            value=when.date().isoformat(), first=FIRST_YEAR, last=LAST_YEAR,
        ))
    return when


def _field(row: SheetRow, column: str, convert, **kw) -> Any:
    """A converted cell; a conversion error names the column."""
    try:
        return convert(row.get(column), **kw)
    except ValueError as exc:
        from inspector_app.reports.xlsx_read import column_problem

        raise ValueError(column_problem(column, exc)) from None


def import_records(ctx: Context, path: Path | str) -> RecordsReport:
    """Import the template's sheets in order, all or nothing (see the module docstring)."""
    from inspector_app.reports.records_xlsx import SHEET_ORDER, iter_records
    from inspector_app.services.input_files import check_input_file

    ctx.require(*RECORDERS, action=t("import records"))
    path = check_input_file(path)
    report = RecordsReport()
    imp = _Importer(ctx, report)
    handlers = {
        "Merchants": imp.merchant,
        "Products": imp.product,
        "Purchases": imp.purchase,
        "Findings": imp.finding,
    }
    try:
        with ctx.db.batch():
            for sheet, rows in iter_records(path):
                imp.each(sheet, rows, handlers[sheet])
            imp.apply_verdicts()
            if report.error_count:
                raise _Refused
    except _Refused:
        report.created.clear()  # rolled back: nothing of the file was kept
        report.unchanged.clear()
    except (OSError, DBAPIError) as exc:
        sheet, row = imp.at
        problem = getattr(exc, "strerror", None) or getattr(exc, "orig", None) or exc
        raise InspectorError(t(
            "{file}: stopped at {sheet} row {row}: {problem}; nothing was imported",
            file=path.name, sheet=sheet or "-", row=row, problem=problem,
        )) from exc
    order = list(SHEET_ORDER)
    report.errors.sort(key=lambda e: (order.index(e.sheet) if e.sheet in order else 9, e.row))
    logger.info("Imported records from %s: %s", path.name, report.summary())
    return report


def write_template(ctx: Context, out: Path | str, *, force: bool = False) -> Path:
    """The empty records template (anyone may ask for it)."""
    from inspector_app.reports.records_xlsx import write_template as write

    return write(out, force=force)
