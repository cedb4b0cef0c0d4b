"""`inspector workorders`: late, longest and filtered after-sales work orders (JSON, table or
xlsx); `inspector import volumes F`: monthly order volumes per merchant."""

from __future__ import annotations

import argparse
import json
import logging

from inspector_app.cli.cmd_risk import EXIT_PROBLEMS, SHOWN_ERRORS, import_group
from inspector_app.cli.invocation import Invocation
from inspector_app.cli.options import (
    add_acting_user,
    add_command,
    add_force,
    input_file,
    output_path,
    positive_int,
)
from inspector_app.cli.output import json_default
from inspector_app.domain.enums import WorkOrderKind, WorkOrderStage
from inspector_app.domain.labels import (
    work_order_kind_label,
    work_order_result_label,
    work_order_stage_label,
)
from inspector_app.domain.messages import t

logger = logging.getLogger(__name__)

#: Rows listed when --limit is not given.
DEFAULT_LIMIT = 200
#: (field, header) of the table; --json prints every field.
COLUMNS = (
    ("shop_id", "SHOP"),
    ("order_id", "ORDER"),
    ("kind", "KIND"),
    ("type", "TYPE"),
    ("applied_at", "APPLIED"),
    ("duration_hours", "HOURS"),
    ("result", "RESULT"),
    ("late_stages", "LATE STAGES"),
)


def register(subparsers: argparse._SubParsersAction) -> None:
    stages = ", ".join(s.value for s in WorkOrderStage)
    p = add_command(
        subparsers,
        "workorders",
        run_workorders,
        help="after-sales work orders: running late per stage, the longest, by merchant/type",
        description=t(
            "List work orders, newest application first. --late: open work orders running "
            "late at some stage (or at --stage). --slowest N: the N after-sales work orders of "
            "the statistics window (closed in the last 30 days, applied in the last 180) with "
            "the longest service duration (hours from application to the merchant's first "
            "handling; first review for cancelled or rejected ones), platform-wide or for "
            "--merchant. Stages: {stages}; their limits are team settings.", stages=stages,
        ),
    )
    p.add_argument("--late", action="store_true",
                   help="only open work orders running late (at --stage, else at any stage)")
    p.add_argument("--slowest", type=positive_int, metavar="N",
                   help="the N longest of the statistics window (the platform lists 100)")
    p.add_argument("--merchant", metavar="SHOP", help="only this merchant (its shop id)")
    p.add_argument("--type", metavar="T", help="only work orders of this type (e.g. 质量问题)")
    p.add_argument("--kind", choices=[k.value for k in WorkOrderKind],
                   help="only complaints or only after-sales work orders")
    p.add_argument("--stage", choices=[s.value for s in WorkOrderStage], metavar="S",
                   help=t("only work orders late at this stage ({stages})", stages=stages))
    p.add_argument("--limit", type=positive_int, metavar="N",
                   help=t("at most N rows (default {limit}; not with --slowest)",
                          limit=DEFAULT_LIMIT))
    p.add_argument("--xlsx", type=output_path, metavar="FILE",
                   help="also write the rows to an Excel file")
    add_force(p)
    p.add_argument("--json", action="store_true", help="print a JSON array of objects")

    v = add_command(
        import_group(subparsers),
        "volumes",
        run_import_volumes,
        help="import monthly order volumes per merchant (CSV or .xlsx)",
        description="Import each merchant's orders per month, with the columns shop_id, month, "
        "orders (or 店铺ID, 月份, 订单量); months as 2026-10. The after-sales and complaint "
        "rates per order in the reports use them. All or nothing: a refused row is listed and "
        "nothing is stored. A month imported again takes the new figure. Exit status 1 when "
        "rows were refused.",
    )
    v.add_argument("file", type=input_file, metavar="FILE", help="a .csv or .xlsx file")
    v.add_argument("--json", action="store_true", help="print the result as a JSON object")
    add_acting_user(v)


def run_workorders(inv: Invocation) -> int:
    from inspector_app.domain.errors import ValidationError
    from inspector_app.services import workorders as service

    args = inv.args
    if args.slowest and (args.late or args.limit or args.stage):
        raise ValidationError(t("--slowest cannot be combined with --late, --stage or --limit"))
    ctx = inv.system_context()
    if args.slowest:
        rows = service.longest(ctx, args.slowest, merchant=args.merchant, type=args.type)
    else:
        flt = service.WorkOrderFilter(merchant=args.merchant, type=args.type, kind=args.kind,
                                      stage=args.stage, late=args.late)
        limit = args.limit or DEFAULT_LIMIT
        rows = service.fetch_work_orders(ctx, flt, limit=limit)
        if len(rows) == limit:
            total = service.count_work_orders(ctx, flt)
            if total > limit:
                inv.note(t("showing {shown} of {total}; use --limit for more",
                           shown=limit, total=f"{total:,}"))
    if args.xlsx:
        from inspector_app.reports.progress import run_job
        from inspector_app.reports.workorders_xlsx import export_work_orders

        path = run_job(export_work_orders(rows, args.xlsx, force=args.force))
        inv.note(t("Wrote {path}", path=path))
    if args.json:
        inv.emit_rows(rows, COLUMNS, as_json=True)
    else:
        inv.emit_rows([_readable(r) for r in rows], COLUMNS, as_json=False)
    return 0


def _readable(row) -> dict:
    return {
        "shop_id": row.shop_id, "order_id": row.order_id,
        "kind": work_order_kind_label(row.kind), "type": row.type,
        "applied_at": row.applied_at.astimezone().strftime("%Y-%m-%d %H:%M"),
        "duration_hours": "" if row.duration_hours is None else (
            f"{row.duration_hours:.1f}" + ("+" if row.running else "")),
        "result": "" if row.result is None else work_order_result_label(row.result),
        "late_stages": ", ".join(work_order_stage_label(s) for s in row.late_stages),
    }


def run_import_volumes(inv: Invocation) -> int:
    from inspector_app.services.order_volumes import import_volumes

    result = import_volumes(inv.acting_context(), inv.args.file)
    if inv.args.json:
        json.dump(result, inv.out, ensure_ascii=False, indent=2, default=json_default)
        inv.out.write("\n")
    else:
        inv.print(t("{file}: {rows} rows, {added} added, {updated} updated, {refused} refused",
                    file=result.file, rows=result.rows, added=result.added,
                    updated=result.updated, refused=len(result.errors)))
        for e in result.errors[:SHOWN_ERRORS]:
            inv.note(t("row {row}: {reason}", row=e.row, reason=e.reason))
        if result.refused:
            inv.note(t("nothing was imported (fix the rows listed and import the file again)"))
    return EXIT_PROBLEMS if result.errors else 0
