"""`inspector import complaints F`, `inspector risk`, `inspector plan`: complaints, risk, sampling.

The `import` command is a group that several areas add subcommands to. Add yours with
`import_group(subparsers)`, which returns the group's subparsers action whether or not
another module created the group first (so COMMAND_MODULES may list them in any order):

    actions = import_group(subparsers)
    p = add_command(actions, "responses", run_responses, help="...")
"""

from __future__ import annotations

import argparse
import json
import logging
import re
from datetime import UTC, timedelta, timezone, tzinfo

from inspector_app.cli.invocation import Invocation
from inspector_app.cli.options import (
    add_acting_user,
    add_command,
    add_force,
    any_int,
    input_file,
    month_arg,
    non_negative_int,
    output_path,
    positive_int,
)
from inspector_app.cli.output import json_default
from inspector_app.domain.labels import plan_status_label
from inspector_app.domain.messages import t

logger = logging.getLogger(__name__)

#: Exit status when a command worked but some input was rejected (rows of an import).
EXIT_PROBLEMS = 1
#: How many rejected rows an import prints (all are in --json).
SHOWN_ERRORS = 50

RISK_COLUMNS = (
    ("rank", "#"),
    ("shop_id", "SHOP"),
    ("name", "MERCHANT"),
    ("score", "RISK"),
    ("candidate", "CANDIDATE"),
    ("complaint_rate", "COMPL/MO"),
    ("after_sales_rate", "AS/MO"),
    ("duration_median", "MEDIAN H"),
    ("duration_p90", "P90 H"),
    ("share_over_24h", ">24H %"),
    ("defect_rate", "DEFECT %"),
    ("overdue_cases", "OVERDUE"),
    ("reason", "WHY"),
)
PICK_COLUMNS = (
    ("n", "#"),
    ("shop_id", "SHOP"),
    ("merchant_name", "MERCHANT"),
    ("product_name", "PRODUCT"),
    ("stratum", "STRATUM"),
    ("price", "PRICE"),
    ("reason", "REASON"),
    ("purchase_id", "PURCHASE"),
)


def import_group(subparsers: argparse._SubParsersAction) -> argparse._SubParsersAction:
    """The subparsers of the `import` command, creating the command when it does not exist."""
    parser = subparsers.choices.get("import")
    if parser is None:
        parser = add_command(
            subparsers,
            "import",
            _run_import_help,
            help="import data from files (complaints, ...)",
            description="Import data from files. Run 'inspector import WHAT --help'.",
        )
        parser.add_subparsers(title="what", metavar="WHAT")
        parser.set_defaults(import_parser=parser)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    return parser.add_subparsers(title="what", metavar="WHAT")


def _run_import_help(inv: Invocation) -> int:
    """`inspector import` without saying what: one line, as for any incomplete command."""
    from inspector_app.domain.errors import ValidationError

    raise ValidationError(t("say what to import (see 'inspector import --help')"))


def _offset(text: str) -> tzinfo:
    """--tz: +08:00, -05:00 or UTC."""
    from inspector_app.cli.options import shown
    from inspector_app.domain.limits import MAX_OFFSET_MINUTES, MIN_OFFSET_MINUTES

    offset = text.strip().upper()
    if offset in ("UTC", "Z"):
        return UTC
    m = re.fullmatch(r"([+-])(\d{2}):?(\d{2})?", offset)
    minutes = 0
    if m:
        minutes = int(m.group(2)) * 60 + int(m.group(3) or 0)
        minutes = -minutes if m.group(1) == "-" else minutes
    if not m or int(m.group(3) or 0) >= 60 or not (
        MIN_OFFSET_MINUTES <= minutes <= MAX_OFFSET_MINUTES
    ):
        raise argparse.ArgumentTypeError(t(
            "'{value}' is not a UTC offset between -12:00 and +14:00 (e.g. +08:00)",
            value=shown(text),
        ))
    return timezone(timedelta(minutes=minutes))


def register(subparsers: argparse._SubParsersAction) -> None:
    p = add_command(
        import_group(subparsers),
        "complaints",
        run_import_complaints,
        help="import complaints and after-sales work orders (CSV or .xlsx)",
        description="Import complaints and after-sales work orders from CSV (UTF-8 or GB18030) "
        "or Excel, with the columns shop_id, order_id, kind, type, applied_at, first_handled_at, "
        "closed_at, outcome (or 店铺ID, 订单号, 类别, 类型, 申请时间, 首次处理时间, 完结时间, 结果) "
        "and, when present, the stages first_reviewed_at, pickup_at, return_info_at, "
        "arrived_at, signed_at, stocked_at (首次审核时间, 上门取件时间, 逆向物流信息时间, 到仓时间, "
        "签收时间, 入库时间) and result (服务单结果: completed, cancelled, rejected, "
        "lightning_refund; else read from the outcome). The service duration follows the "
        "platform: first review for cancelled/rejected, first handling otherwise. All or "
        "nothing: every refused row is listed with its row number and then nothing is "
        "imported; so is a file that cannot be read to the end (a cell over 32,767 characters, "
        "more than 1,048,575 rows, a full disk). Dates must be in 2000-2100; control characters "
        "are refused. Importing the same file again adds nothing; a work order imported before "
        "gets the times it lacked. Exit status 1 when rows were refused.",
    )
    p.add_argument("file", type=input_file, metavar="FILE", help="a .csv or .xlsx file")
    p.add_argument(
        "--tz",
        type=_offset,
        metavar="OFFSET",
        help="UTC offset of times without one (default: this computer's time zone)",
    )
    p.add_argument("--json", action="store_true", help="print the result as a JSON object")
    add_acting_user(p)

    r = add_command(
        subparsers,
        "risk",
        run_risk,
        help="merchant risk ranking; 'risk slowest SHOP' lists slow work orders",
        description="Rank merchants by risk score (0-100) from complaints, after-sales work "
        "orders and their handling time, our purchases' defect rate and overdue rectifications "
        "(work orders applied in the last 180 days; durations of those finished in the last 30 "
        "days or still open). Candidates follow the team's watch/eliminate thresholds.",
    )
    r.add_argument(
        "--top",
        type=non_negative_int,
        default=0,
        metavar="N",
        help="only the N riskiest merchants (default: all)",
    )
    r.add_argument(
        "--candidates", action="store_true", help="only new watch/elimination candidates"
    )
    r.add_argument(
        "--xlsx", type=output_path, metavar="FILE", help="also write the ranking to an Excel file"
    )
    add_force(r)
    r.add_argument("--json", action="store_true", help="print a JSON array of objects")
    actions = r.add_subparsers(title="actions", metavar="ACTION")
    slow = add_command(
        actions,
        "slowest",
        run_slowest,
        help="a merchant's slowest work orders (hours to first handling)",
    )
    slow.add_argument("shop_id", metavar="SHOP", help="the merchant's platform shop id")
    slow.add_argument(
        "--limit",
        type=positive_int,
        default=100,
        metavar="N",
        help="at most N work orders (default 100)",
    )
    slow.add_argument("--json", action="store_true", help="print a JSON array of objects")

    plan = add_command(
        subparsers,
        "plan",
        run_plan,
        help="draw a month's sampling plan (risk-weighted, stratified, reproducible)",
        description="Draw which purchases to make in a month: every key merchant once, the rest "
        "by stratified random sampling (category/brand) weighted by risk; never a product already "
        "bought or planned in the month. The same --seed on the same data gives the same plan. "
        "The plan is a draft until accepted (--accept or 'plan accept ID'), which creates planned "
        "purchases for inspectors to claim.",
    )
    plan.add_argument(
        "--month", type=month_arg, metavar="YYYY-MM", help="the month to plan (e.g. 2026-12)"
    )
    plan.add_argument("--purchases", type=positive_int, metavar="N", help="how many purchases")
    plan.add_argument("--budget", metavar="AMOUNT", help="spend at most AMOUNT at list prices")
    plan.add_argument("--seed", type=any_int, metavar="N", help="random seed (default: a new one)")
    plan.add_argument(
        "--allow-repeat",
        action="store_true",
        help="allow products already bought or planned this month",
    )
    plan.add_argument("--accept", action="store_true", help="accept the plan at once")
    plan.add_argument("--json", action="store_true", help="print the plan as a JSON object")
    add_acting_user(plan)
    plan_actions = plan.add_subparsers(title="actions", metavar="ACTION")
    for name, fn, text in (
        ("show", run_plan_show, t("show a plan")),
        ("accept", run_plan_accept, t("accept a draft plan")),
    ):
        a = add_command(plan_actions, name, fn, help=text)
        a.add_argument("plan_id", type=positive_int, metavar="ID", help="the plan's id")
        a.add_argument("--json", action="store_true", help="print the plan as a JSON object")
        add_acting_user(a)


def run_import_complaints(inv: Invocation) -> int:
    from inspector_app.services.complaints import import_work_orders

    ctx = inv.acting_context()
    result = import_work_orders(ctx, inv.args.file, tz=inv.args.tz)
    if inv.args.json:
        json.dump(result, inv.out, ensure_ascii=False, indent=2, default=json_default)
        inv.out.write("\n")
    else:
        inv.print(t(
            "{file} ({format}): {rows} rows, {added} added, {duplicates} already imported, "
            "{rejected} rejected",
            file=result.file, format=result.source_format or "?", rows=result.rows,
            added=result.added, duplicates=result.duplicates, rejected=result.error_count,
        ))
        for e in result.errors[:SHOWN_ERRORS]:
            inv.note(t("row {row}: {reason}", row=e.row, reason=e.reason))
        if result.error_count > SHOWN_ERRORS:
            inv.note(t(
                "... {count} more (use --json for all)", count=result.error_count - SHOWN_ERRORS
            ))
        if result.refused:
            inv.note(t("nothing was imported (fix the rows listed and import the file again)"))
        elif result.updated:
            inv.print(t("{count} already imported work orders brought up to date",
                        count=result.updated))
    return EXIT_PROBLEMS if result.error_count else 0


def run_risk(inv: Invocation) -> int:
    from inspector_app.services.risk import ranking

    rows = ranking(inv.system_context())
    if inv.args.candidates:
        rows = [r for r in rows if r.is_new_candidate]
    if inv.args.top:
        rows = rows[: inv.args.top]
    if inv.args.xlsx:
        from inspector_app.reports.progress import run_job
        from inspector_app.services.risk_export import export_ranking

        path = run_job(export_ranking(rows, inv.args.xlsx, force=inv.args.force))
        inv.note(t("Wrote {path}", path=path))
    from inspector_app.cli.output import as_record

    records = [{"rank": i, **as_record(r)} for i, r in enumerate(rows, 1)]
    if not inv.args.json:
        records = [_readable(rec) for rec in records]
    inv.emit_rows(records, RISK_COLUMNS, as_json=inv.args.json)
    return 0


def _readable(rec: dict) -> dict:
    """Table cells rounded for reading: rates to 0.01, hours to 0.1, shares in percent."""
    out = dict(rec)
    for key, digits, scale in (
        ("complaint_rate", 2, 1),
        ("after_sales_rate", 2, 1),
        ("duration_median", 1, 1),
        ("duration_p90", 1, 1),
        ("share_over_24h", 1, 100),
        ("defect_rate", 1, 100),
    ):
        if out.get(key) is not None:
            out[key] = round(out[key] * scale, digits)
    return out


def run_slowest(inv: Invocation) -> int:
    from inspector_app.services.merchants import find_by_shop_id
    from inspector_app.services.risk import slowest_work_orders

    ctx = inv.system_context()
    merchant = find_by_shop_id(ctx, inv.args.shop_id)
    rows = slowest_work_orders(ctx, merchant.id, limit=inv.args.limit)
    inv.emit_rows(
        rows,
        [
            ("order_ref", "ORDER"),
            ("type", "TYPE"),
            ("applied_at", "APPLIED"),
            ("first_handled_at", "FIRST HANDLED"),
            ("hours", "HOURS"),
            ("open", "OPEN"),
            ("outcome", "OUTCOME"),
        ],
        as_json=inv.args.json,
    )
    return 0


def run_plan(inv: Invocation) -> int:
    from inspector_app.domain.errors import ValidationError
    from inspector_app.services import sampling_plans

    args = inv.args
    if not args.month:
        raise ValidationError(t("Say which month to plan: --month YYYY-MM"))
    ctx = inv.acting_context()
    if args.accept:  # refuse before drawing a draft that could not be accepted
        sampling_plans.check_month_can_accept(ctx, args.month)
    plan = sampling_plans.make_plan(
        ctx,
        args.month,
        purchases=args.purchases,
        budget=args.budget,
        seed=args.seed,
        allow_repeat=args.allow_repeat,
    )
    if args.accept:
        plan = sampling_plans.accept_plan(ctx, plan.id)
    _emit_plan(inv, plan)
    return 0


def run_plan_show(inv: Invocation) -> int:
    from inspector_app.services import sampling_plans

    # Who reads: a merchant manager may not see the next purchases (--as, or the login).
    _emit_plan(inv, sampling_plans.get_plan(inv.reading_context(), inv.args.plan_id))
    return 0


def run_plan_accept(inv: Invocation) -> int:
    from inspector_app.services import sampling_plans

    _emit_plan(inv, sampling_plans.accept_plan(inv.acting_context(), inv.args.plan_id))
    return 0


def _emit_plan(inv: Invocation, plan) -> None:
    from inspector_app.cli.output import as_record
    from inspector_app.domain.money import format_cents

    if inv.args.json:
        json.dump(as_record(plan), inv.out, ensure_ascii=False, indent=2, default=json_default)
        inv.out.write("\n")
        return
    summary = t(
        "Plan {id} for {period} ({status}), seed {seed}: {count} purchases, "
        "about {cost} at list prices",
        id=plan.id, period=plan.period, status=plan_status_label(plan.status), seed=plan.seed,
        count=len(plan.picks), cost=format_cents(plan.cost_cents),
    )
    if plan.budget_cents is not None:
        summary += t(", budget {budget}", budget=format_cents(plan.budget_cents))
    inv.print(summary)
    picks = [
        {
            **as_record(p),
            "n": i,
            "price": format_cents(p.list_price_cents),
            "product_name": p.product_name or t("(any product)"),
        }
        for i, p in enumerate(plan.picks, 1)
    ]
    inv.emit_rows(picks, PICK_COLUMNS, as_json=False)
    for w in plan.warnings:
        inv.note(t("warning: {warning}", warning=w))
    if plan.status == "draft":
        inv.note(t("Accept it with: inspector plan accept {id} --as USER", id=plan.id))
