"""`inspector export|report|import`: notices and quality reports as PDF, workbooks in and out."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import Any

from inspector_app.cli.invocation import Invocation
from inspector_app.cli.options import (
    add_acting_user,
    add_command,
    add_force,
    add_output,
    choice_of,
    input_file,
    iso_date,
    month_arg,
    output_path,
    year_arg,
)
from inspector_app.domain.enums import CaseStatus
from inspector_app.domain.errors import ValidationError
from inspector_app.domain.labels import join_list
from inspector_app.domain.messages import t

logger = logging.getLogger(__name__)

#: Exit status when an import applied its good rows but listed bad ones.
EXIT_ROWS_REFUSED = 1


def import_help() -> dict[str, str]:
    """How each import treats a file with problems (also in README, "Imports")."""
    return {
        "responses": t(
            "Attach merchants' responses to their cases. Per row: a refused row (listed "
            "with its row number and reason) changes nothing, the other rows are recorded, all in one "
            "transaction; a file that cannot be read to the end (damaged, too large, a full disk) "
            "changes nothing at all. Exit status 1 when rows were refused."
        ),
        "records": t(
            "Import merchants, products, purchases and findings from the template. All or "
            "nothing: the file is checked and written in one transaction, and if any row is refused "
            "nothing at all is imported (every refused row is listed: sheet, row, reason; fix them and "
            "import the file again). Importing the same file twice adds nothing. Exit status 1 when "
            "rows were refused."
        ),
        "template": t(
            "Write the empty records template to FILE (an existing file is refused unless "
            "--force; written to a temporary file and renamed when complete)."
        ),
    }


STATUSES = [s.value for s in CaseStatus]


def register(subparsers: argparse._SubParsersAction) -> None:
    export = add_command(
        subparsers,
        "export",
        None,
        help="write a rectification notice (PDF) or a workbook",
        description="Write documents for people outside the application: 'export pdf' a "
        "rectification notice for one case or for all open cases of a merchant; 'export xlsx' "
        "the findings workbook; 'export responses' the workbook a merchant fills in.",
    )
    actions = export.add_subparsers(title="actions", metavar="ACTION")
    pdf = add_command(actions, "pdf", run_export_pdf, help="rectification notice as PDF")
    which = pdf.add_mutually_exclusive_group(required=True)
    which.add_argument("--case", metavar="CASE_NUMBER", help="one case, e.g. RC-2026-0042")
    which.add_argument("--merchant", metavar="SHOP_ID", help="all open cases of this merchant")
    add_output(pdf, t("the PDF to write"))
    add_acting_user(pdf)

    xlsx = add_command(
        actions,
        "xlsx",
        run_export_xlsx,
        help="findings workbook: internal (内部), or the one a merchant may receive",
        description="Without --merchant: the internal workbook (Summary, Findings, Cases, "
        "Merchants; its file name and every sheet marked 内部). With --merchant: the findings "
        "already notified to that merchant, safe to forward (no order numbers, prices, buyer "
        "or inspector); add --internal for that merchant's part of the internal workbook.",
    )
    xlsx.add_argument("--merchant", metavar="SHOP_ID", help="only this merchant")
    xlsx.add_argument(
        "--internal",
        action="store_true",
        help="with --merchant: the internal workbook for that merchant, not the merchant's",
    )
    xlsx.add_argument("--since", type=iso_date, metavar="DATE", help="recorded on or after DATE")
    xlsx.add_argument("--until", type=iso_date, metavar="DATE", help="recorded on or before DATE")
    xlsx.add_argument(
        "--status",
        type=choice_of(STATUSES, "case status"),
        metavar="STATUS",
        help=t("only findings/cases whose case is: {values}", values=", ".join(STATUSES)),
    )
    add_output(xlsx, t("the .xlsx to write"))
    add_acting_user(xlsx)

    resp = add_command(
        actions,
        "responses",
        run_export_responses,
        help="the response workbook for one merchant's cases awaiting its reply",
    )
    resp.add_argument("--merchant", required=True, metavar="SHOP_ID")
    add_output(resp, t("the .xlsx to write"))
    add_acting_user(resp)

    report = add_command(
        subparsers,
        "report",
        run_report,
        help="monthly or annual quality report as PDF",
        description="Write the quality report of a month or a year and archive the figures "
        "it states; a report regenerated for the same period shows what changed since.",
    )
    period = report.add_mutually_exclusive_group(required=True)
    period.add_argument("--month", type=month_arg, metavar="YYYY-MM")
    period.add_argument("--year", type=year_arg, metavar="YYYY")
    add_output(report, t("the PDF to write"))
    add_acting_user(report)

    imp = add_command(
        subparsers,
        "import",
        None,
        help="read workbooks back in",
        description="'import responses' reads a returned merchant workbook; "
        "'import records' reads merchants, products, purchases and findings from "
        "the template; 'import template' writes that template. Rows with problems "
        "are listed (sheet, row, reason). 'import records' is all or nothing (one refused "
        "row and nothing of the file is kept); 'import responses' is per row (a refused row "
        "changes nothing, the rest are applied). Importing the same file again changes "
        "nothing. Exit status 1 when rows were refused.",
    )
    iacts = imp.add_subparsers(title="actions", metavar="ACTION")
    for name, handler, text in (
        ("responses", run_import_responses, t("attach merchants' responses to their cases")),
        ("records", run_import_records, t("import records from the template workbook")),
        ("template", run_import_template, t("write the empty records template to FILE")),
    ):
        p = add_command(iacts, name, handler, help=text, description=import_help().get(name))
        if name == "template":
            p.add_argument("file", type=output_path, metavar="FILE")
            add_force(p)
        else:
            p.add_argument("file", type=input_file, metavar="FILE")
            add_acting_user(p)


def _run(inv: Invocation, job: Any) -> Any:
    """Drive a report job, showing progress on a terminal."""
    from inspector_app.reports.progress import run_job

    tty = sys.stderr.isatty()

    def show(step) -> None:
        if tty:
            print(f"\r{step.label} ({step.done}/{step.total})\033[K", end="", file=inv.err)

    result = run_job(job, show)
    if tty:
        print("\r\033[K", end="", file=inv.err)
    return result


def _wrote(inv: Invocation, path: Path) -> None:
    """'Wrote F', and for a merchant-facing file what the privacy gate did."""
    inv.print(t("Wrote {path}", path=path))
    redacted = getattr(path, "redacted", None)
    if redacted is not None:
        inv.print(t("Private values redacted: {count}", count=redacted))
    notified = getattr(path, "notified", ())
    if notified:
        inv.print(t("Now notified (the notice was sent): {cases}", cases=join_list(notified)))
    missing = getattr(path, "undrawable", "")
    if missing:
        inv.print(t(
            "Characters no bundled font can draw (printed as empty boxes): {chars}",
            chars=" ".join(f"{c} (U+{ord(c):04X})" for c in missing),
        ))


def run_export_pdf(inv: Invocation) -> int:
    from inspector_app.services import reporting

    ctx = inv.acting_context()
    a = inv.args
    path = _run(inv, reporting.export_notice(
        ctx, a.out, case_number=a.case, shop_id=a.merchant, force=a.force
    ))
    _wrote(inv, path)
    return 0


def run_export_xlsx(inv: Invocation) -> int:
    from inspector_app.services import workbooks

    ctx = inv.acting_context()
    a = inv.args
    if a.merchant and not a.internal:
        if a.since or a.until or a.status:
            raise ValidationError(t(
                "--since, --until and --status select rows of the internal workbook; "
                "add --internal, or leave them out for the merchant's workbook"
            ))
        from inspector_app.services.workbook_data import export_merchant_findings

        _wrote(inv, export_merchant_findings(ctx, a.merchant, a.out, force=a.force))
        return 0
    if a.internal and not a.merchant:
        raise ValidationError(t("--internal goes with --merchant"))
    filt = workbooks.ExportFilter(
        shop_id=a.merchant,
        since=a.since,
        until=a.until,
        status=CaseStatus(a.status) if a.status else None,
    )
    path = _run(inv, workbooks.export_findings(ctx, a.out, filt, force=a.force))
    inv.print(t("Wrote {path}", path=path))
    return 0


def run_export_responses(inv: Invocation) -> int:
    from inspector_app.services import responses

    a = inv.args
    path = responses.export_merchant_workbook(
        inv.acting_context(), a.merchant, a.out, force=a.force
    )
    _wrote(inv, path)
    return 0


def run_report(inv: Invocation) -> int:
    from inspector_app.services import quality_reports

    ctx = inv.acting_context()
    period = inv.args.month or inv.args.year
    path = _run(inv, quality_reports.export_quality_report(
        ctx, period, inv.args.out, force=inv.args.force
    ))
    inv.print(t("Wrote {path}", path=path))
    return 0


def _print_errors(inv: Invocation, errors: list) -> int:
    for e in errors:
        inv.note(f"  {e}")
    return EXIT_ROWS_REFUSED if errors else 0


def run_import_responses(inv: Invocation) -> int:
    from inspector_app.services import responses

    report = responses.import_responses(inv.acting_context(), inv.args.file)
    # Four counts in one line: labels before the numbers read right for any count.
    inv.print(t(
        "Responses recorded: {applied}; already recorded: {unchanged}; "
        "rows left blank: {skipped}; rows refused: {refused}",
        applied=report.applied, unchanged=report.unchanged, skipped=report.skipped,
        refused=len(report.errors),
    ))
    return _print_errors(inv, report.errors)


def run_import_records(inv: Invocation) -> int:
    from inspector_app.services import records_import

    report = records_import.import_records(inv.acting_context(), inv.args.file)
    inv.print(report.summary())
    return _print_errors(inv, report.errors)


def run_import_template(inv: Invocation) -> int:
    from inspector_app.reports.records_xlsx import write_template

    inv.print(t("Wrote {path}", path=write_template(inv.args.file, force=inv.args.force)))
    return 0
