"""The reports the Reports screen offers: what each needs, its file name and its export job."""

from __future__ import annotations

import logging
from collections.abc import Callable, Generator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from inspector_app.domain import clock
from inspector_app.domain.enums import CaseStatus
from inspector_app.reports.progress import Progress
from inspector_app.ui.i18n import QT_TR_NOOP

logger = logging.getLogger(__name__)

#: Report kinds (keys of KINDS).
NOTICE_CASE = "notice_case"
NOTICE_MERCHANT = "notice_merchant"
MONTHLY = "monthly"
ANNUAL = "annual"
FINDINGS = "findings"
MERCHANT_WORKBOOK = "merchant_workbook"
MERCHANT_FINDINGS = "merchant_findings"
TEMPLATE = "template"

#: Parameter pages (which widgets a kind needs).
CASE_PAGE = "case"
MERCHANT_PAGE = "merchant"
MONTH_PAGE = "month"
YEAR_PAGE = "year"
FINDINGS_PAGE = "findings"
NO_PAGE = "none"

PDF = "pdf"
XLSX = "xlsx"


@dataclass(frozen=True)
class ReportKind:
    """One entry of the report list; `title` and `description` are untranslated."""

    key: str
    title: str
    description: str
    file_format: str
    page: str

    @property
    def is_pdf(self) -> bool:
        return self.file_format == PDF


KINDS: dict[str, ReportKind] = {
    k.key: k
    for k in (
        ReportKind(
            NOTICE_CASE,
            QT_TR_NOOP("Rectification notice for a case"),
            QT_TR_NOOP(
                "The notice a merchant receives for one case: its findings with photos, "
                "what to do by when, a receipt slip and signatures (PDF)."
            ),
            PDF,
            CASE_PAGE,
        ),
        ReportKind(
            NOTICE_MERCHANT,
            QT_TR_NOOP("Rectification notice for a merchant's open cases"),
            QT_TR_NOOP("One notice covering every case still open for the chosen merchant (PDF)."),
            PDF,
            MERCHANT_PAGE,
        ),
        ReportKind(
            MONTHLY,
            QT_TR_NOOP("Monthly quality report"),
            QT_TR_NOOP(
                "The month's figures, defect categories, trend, merchants with most findings "
                "and overdue cases (PDF). Each report is archived with the figures it stated."
            ),
            PDF,
            MONTH_PAGE,
        ),
        ReportKind(
            ANNUAL,
            QT_TR_NOOP("Annual quality report"),
            QT_TR_NOOP("The year's figures with a trend by month (PDF), archived like the monthly report."),
            PDF,
            YEAR_PAGE,
        ),
        ReportKind(
            FINDINGS,
            QT_TR_NOOP("Findings workbook (internal 内部)"),
            QT_TR_NOOP(
                "Summary, findings, cases and merchants as an Excel workbook, filtered by "
                "period, merchant and case status. Internal: it holds order numbers, prices and "
                "who bought; never send it to a merchant."
            ),
            XLSX,
            FINDINGS_PAGE,
        ),
        ReportKind(
            MERCHANT_WORKBOOK,
            QT_TR_NOOP("Merchant response workbook"),
            QT_TR_NOOP(
                "The chosen merchant's open cases as an Excel workbook for the merchant to fill "
                "in; import it back below when it returns."
            ),
            XLSX,
            MERCHANT_PAGE,
        ),
        ReportKind(
            MERCHANT_FINDINGS,
            QT_TR_NOOP("Findings workbook for a merchant"),
            QT_TR_NOOP(
                "The findings already notified to the chosen merchant, by case and finding "
                "number, safe to send: no order number, price, buyer or inspector (Excel)."
            ),
            XLSX,
            MERCHANT_PAGE,
        ),
        ReportKind(
            TEMPLATE,
            QT_TR_NOOP("Records import template"),
            QT_TR_NOOP(
                "An empty workbook (merchants, products, purchases, findings) for moving "
                "existing records from spreadsheets into Inspector."
            ),
            XLSX,
            NO_PAGE,
        ),
    )
}


@dataclass(frozen=True)
class ReportRequest:
    """A report kind with the parameters the user chose (equal requests give equal documents)."""

    kind: str
    case_number: str = ""
    shop_id: str = ""
    #: "2026-10" (monthly) or "2026" (annual).
    period: str = ""
    since: date | None = None
    until: date | None = None
    status: CaseStatus | None = None

    @property
    def spec(self) -> ReportKind:
        return KINDS[self.kind]


def default_file_name(req: ReportRequest, today: date | None = None) -> str:
    """A file name that says what the document is (e.g. RC-2026-0042-notice.pdf)."""
    today = today or clock.today()
    if req.kind == NOTICE_CASE:
        return f"{req.case_number}-notice.pdf"
    if req.kind == NOTICE_MERCHANT:
        return f"{req.shop_id}-open-cases-notice-{today:%Y-%m-%d}.pdf"
    if req.kind == MONTHLY:
        return f"{req.period}-quality-report.pdf"
    if req.kind == ANNUAL:
        return f"{req.period}-annual-quality-report.pdf"
    if req.kind == FINDINGS:
        parts = ["findings"]
        if req.shop_id:
            parts.append(req.shop_id)
        if req.since or req.until:
            parts.append(f"{req.since or 'start'}-to-{req.until or today}")
        else:
            parts.append(f"{today:%Y-%m-%d}")
        if req.status is not None:
            parts.append(req.status.value)
        parts.append("内部")  # the internal workbook says so in its name (reports/findings_xlsx)
        return "-".join(str(p) for p in parts) + ".xlsx"
    if req.kind == MERCHANT_WORKBOOK:
        return f"{req.shop_id}-responses-{today:%Y-%m-%d}.xlsx"
    if req.kind == MERCHANT_FINDINGS:
        return f"{req.shop_id}-findings-{today:%Y-%m-%d}.xlsx"
    if req.kind == TEMPLATE:
        return "inspector-records-template.xlsx"
    raise KeyError(req.kind)


def _plain(fn: Callable[[], Path]) -> Generator[Progress, None, Path]:
    """A one-step job around a service call that does not report progress."""
    yield Progress(0, 1, "")
    path = fn()
    yield Progress(1, 1, "")
    return path


def export_job(
    ctx: Any, req: ReportRequest, out: Path, *, record: bool = True
) -> Generator[Progress, None, Path]:
    """The service job that writes `req` to `out` (a generator of Progress returning the path).

    `record=False` (previews): PDFs are not archived and use up no notice number. An
    existing `out` is replaced: the save dialog has asked (see files.ask_save_path).
    """
    if req.kind in (NOTICE_CASE, NOTICE_MERCHANT):
        from inspector_app.services import reporting

        if req.kind == NOTICE_CASE:
            return reporting.export_notice(
                ctx, out, case_number=req.case_number, record=record, force=True
            )
        return reporting.export_notice(
            ctx, out, shop_id=req.shop_id, record=record, force=True
        )
    if req.kind in (MONTHLY, ANNUAL):
        from inspector_app.services import quality_reports

        return quality_reports.export_quality_report(
            ctx, req.period, out, record=record, force=True
        )
    if req.kind == FINDINGS:
        from inspector_app.services import workbooks

        filt = workbooks.ExportFilter(
            shop_id=req.shop_id or None, since=req.since, until=req.until, status=req.status
        )
        return workbooks.export_findings(ctx, out, filt, force=True, mark_name=False)
    if req.kind == MERCHANT_WORKBOOK:
        from inspector_app.services import responses

        return _plain(lambda: responses.export_merchant_workbook(ctx, req.shop_id, out, force=True))
    if req.kind == MERCHANT_FINDINGS:
        from inspector_app.services.workbook_data import export_merchant_findings

        return _plain(lambda: export_merchant_findings(ctx, req.shop_id, out, force=True))
    if req.kind == TEMPLATE:
        from inspector_app.services import records_import

        return _plain(lambda: records_import.write_template(ctx, out, force=True))
    raise KeyError(req.kind)


def reproduce_job(ctx: Any, archive_id: int, out: Path) -> Generator[Progress, None, Path]:
    """Write an archived quality report again, from the figures it stated then."""
    from inspector_app.services import quality_reports

    return quality_reports.reproduce_report(ctx, archive_id, out, force=True)
