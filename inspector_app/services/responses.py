"""Merchant response workbooks: export one merchant's open cases, import the answers."""

from __future__ import annotations

import logging
import secrets
from datetime import date
from itertools import islice
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError

from inspector_app.db import team as team_db
from inspector_app.db.models import AppSetting, Merchant, RectificationCase
from inspector_app.domain.enums import Role
from inspector_app.domain.errors import InspectorError, NotFound, ValidationError
from inspector_app.domain.messages import t
from inspector_app.services.context import MANAGERS, Context
from inspector_app.services.workbooks import ImportReport, RowError, merchant_id_for

logger = logging.getLogger(__name__)

#: AppSetting key of the secret that signs merchant workbooks (checksums of protected cells);
#: a team server creates it with its grants (db/team.py).
WORKBOOK_KEY = team_db.WORKBOOK_KEY
#: Rows whose cases are looked up in one query (SQLite allows 32,766 variables; be modest).
LOOKUP_CHUNK = 500


def workbook_key(ctx: Context) -> bytes:
    """The team's secret for workbook checksums, created on first use (shared by the DB)."""
    with ctx.db.read() as s:
        found = s.scalar(select(AppSetting.value_json).where(AppSetting.key == WORKBOOK_KEY))
    if found is None:
        with ctx.db.write() as s:
            found = s.scalar(select(AppSetting.value_json).where(AppSetting.key == WORKBOOK_KEY))
            if found is None:
                found = f'"{secrets.token_hex(32)}"'
                s.add(AppSetting(key=WORKBOOK_KEY, value_json=found, created_by_id=ctx.actor_id))
    return bytes.fromhex(found.strip('"'))


def export_merchant_workbook(
    ctx: Context, shop_id: str, out: Path | str, *, today: date | None = None, force: bool = False
) -> Path:
    """The workbook a merchant fills in: its cases awaiting a reply (notified, not yet
    responded), response cells editable; written through the merchant's privacy gate."""
    from inspector_app.reports.merchant_xlsx import write_merchant_workbook
    from inspector_app.reports.output_file import claim_output
    from inspector_app.services.workbook_data import merchant_workbook_data

    ctx.require(Role.MERCHANT_MANAGER, *MANAGERS, action=t("export merchant workbooks"))
    claim_output(out, force=force)
    data, gate = merchant_workbook_data(ctx, shop_id, today=today)
    return write_merchant_workbook(data, workbook_key(ctx), out, gate, force=force)


def import_responses(ctx: Context, path: Path | str) -> ImportReport:
    """Attach each filled-in row's response to its case; bad rows are reported, not applied.

    One transaction for the file: a refused row changes nothing, and a file that cannot be
    read or written to the end changes nothing at all (not even the team's workbook key).
    """
    from inspector_app.reports.merchant_xlsx import meta_check, open_merchant_workbook
    from inspector_app.services.input_files import check_input_file

    ctx.require(Role.MERCHANT_MANAGER, *MANAGERS, action=t("import merchant responses"))
    path = check_input_file(path)
    with ctx.db.read() as s:
        found = s.scalar(select(AppSetting.value_json).where(AppSetting.key == WORKBOOK_KEY))
    key = bytes.fromhex(found.strip('"')) if found else None
    report = ImportReport()
    with open_merchant_workbook(path) as (reading, rows):
        if key is None or not secrets.compare_digest(
            meta_check(key, reading.shop_id), reading.meta_check
        ):
            raise InspectorError(t(
                "{file} was not exported by this team's Inspector, "
                "or its hidden sheet was edited; nothing was imported", file=path.name,
            ))
        merchant_id = merchant_id_for(ctx, reading.shop_id)
        try:
            with ctx.db.batch():
                while chunk := list(islice(rows, LOOKUP_CHUNK)):
                    _import_chunk(ctx, key, reading.shop_id, merchant_id, chunk, report)
        except (OSError, DBAPIError) as exc:
            problem = getattr(exc, "strerror", None) or getattr(exc, "orig", None) or exc
            raise InspectorError(t(
                "{file}: {problem}; nothing was imported", file=path.name, problem=problem
            )) from exc
    logger.info(
        "Imported responses from %s: %s applied, %s unchanged, %s errors",
        path.name,
        report.applied,
        report.unchanged,
        len(report.errors),
    )
    return report


def _import_chunk(ctx, key: bytes, shop_id: str, merchant_id: int, rows, report) -> None:
    """Check and apply up to LOOKUP_CHUNK rows (their cases looked up in one query)."""
    from inspector_app.reports.merchant_xlsx import CASE_NUMBER, RESPONSES, check_row
    from inspector_app.services import cases as case_service

    ids = {r.case_id for r in rows if r.case_id is not None}
    with ctx.db.read() as s:
        known = {
            cid: (num, mid)
            for cid, num, mid in s.execute(
                select(
                    RectificationCase.id,
                    RectificationCase.case_number,
                    RectificationCase.merchant_id,
                ).where(RectificationCase.id.in_(ids))
            )
        } if ids else {}
        others = {m for _, m in known.values() if m != merchant_id}
        shops = dict(
            s.execute(select(Merchant.id, Merchant.shop_id).where(Merchant.id.in_(others))).all()
        ) if others else {}
    for row in rows:

        def fail(reason: str, row=row) -> None:
            report.errors.append(RowError(RESPONSES, row.row, reason))

        if row.error:
            fail(row.error)
        elif row.empty:
            report.skipped += 1
        elif row.case_id not in known:
            fail(t("unknown case (hidden id {id})", id=row.case_id))
        elif known[row.case_id][1] != merchant_id:
            fail(t(
                "case {case} belongs to another merchant ({shop_id})",
                case=known[row.case_id][0], shop_id=shops.get(known[row.case_id][1], "?"),
            ))
        elif not check_row(key, shop_id, row):
            typed = str(row.protected.get(CASE_NUMBER) or "").strip()
            fail(
                t("the case number was changed; the row was not imported")
                if typed != known[row.case_id][0]
                else t(
                    "a protected column (status, deadline or findings) was edited; "
                    "the row was not imported"
                )
            )
        else:
            _apply_response(ctx, case_service, known[row.case_id][0], row, report, fail)


def _apply_response(ctx, case_service, case_number: str, row, report: ImportReport, fail) -> None:
    from inspector_app.services.cases import ResponseInput

    try:
        _, changed = case_service.record_response(
            ctx,
            case_number,
            ResponseInput(
                response_text=row.response_text,
                root_cause=row.root_cause,
                corrective_action=row.corrective_action,
                preventive_action=row.preventive_action,
                response_date=row.response_date,
            ),
        )
    except (ValidationError, NotFound) as exc:
        fail(t("case {case}: {problem}", case=case_number, problem=exc))
        return
    if changed:
        report.applied += 1
    else:
        report.unchanged += 1
