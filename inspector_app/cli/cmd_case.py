"""`inspector case advance|show`: move a rectification case through the workflow, or show it."""

from __future__ import annotations

import argparse
import json
import logging

from inspector_app.cli.invocation import Invocation
from inspector_app.cli.options import add_acting_user, add_command, choice_of
from inspector_app.cli.output import as_record, cell_text, json_default, pad
from inspector_app.domain.enums import CaseStatus
from inspector_app.domain.labels import case_status_label
from inspector_app.domain.messages import t

logger = logging.getLogger(__name__)

STATUSES = [s.value for s in CaseStatus]


def register(subparsers: argparse._SubParsersAction) -> None:
    case = add_command(
        subparsers,
        "case",
        None,
        help="work on one rectification case (advance, show)",
        description="Work on one rectification case. The workflow: open -> notified -> "
        "responded -> rectifying -> awaiting_verification -> closed; escalated, cancelled "
        "and waived with a reason (--note). Which role may make which step is part of it.",
    )
    actions = case.add_subparsers(title="actions", metavar="ACTION", required=True)
    adv = add_command(
        actions,
        "advance",
        run_advance,
        help="move a case to another status",
        description="Move a case to another status, as --as USER (or INSPECTOR_USER). "
        "A step the workflow or the user's role does not allow is refused with a message "
        "naming the case, the statuses and the role (exit status 2).",
    )
    adv.add_argument("case_number", metavar="CASE_NUMBER", help="e.g. RC-2026-0042")
    adv.add_argument(
        "--to",
        required=True,
        type=choice_of(STATUSES, "case status"),
        metavar="STATUS",
        help=t("the new status: {values}", values=", ".join(STATUSES)),
    )
    adv.add_argument(
        "--note",
        default="",
        metavar="TEXT",
        help="why (required to escalate, cancel, waive or fail a verification)",
    )
    add_acting_user(adv)
    show = add_command(actions, "show", run_show, help="show a case with its history")
    show.add_argument("case_number", metavar="CASE_NUMBER", help="e.g. RC-2026-0042")
    show.add_argument("--json", action="store_true", help="print the case as a JSON object")


def run_advance(inv: Invocation) -> int:
    from inspector_app.services.cases import advance

    ctx = inv.acting_context()
    before = _status(ctx, inv.args.case_number)
    case = advance(ctx, inv.args.case_number, inv.args.to, inv.args.note)
    inv.print(t(
        "{case}: {source} -> {target} (as {name})",
        case=case.case_number, source=case_status_label(before),
        target=case_status_label(case.status), name=ctx.actor.display_name,
    ))
    return 0


def _status(ctx, case_number: str) -> str:
    from inspector_app.services.cases import get_case

    return get_case(ctx, case_number).status.value


def run_show(inv: Invocation) -> int:
    from inspector_app.services.cases import get_case

    case = get_case(inv.system_context(), inv.args.case_number)
    record = as_record(case)
    record["events"] = [as_record(e) for e in case.events]
    if inv.args.json:
        inv.print(json.dumps(record, ensure_ascii=False, indent=2, default=json_default))
        return 0
    for key in (
        "case_number",
        "merchant_name",
        "merchant_shop_id",
        "status",
        "due_date",
        "assignee",
        "summary",
        "notified_at",
        "first_response_at",
        "closed_at",
        "verification_result",
        "status_reason",
    ):
        value = cell_text(record[key])
        if value:
            inv.print(f"{key.replace('_', ' ').capitalize() + ':':<20} {value}")
    inv.print(f"{'Findings:':<20} {', '.join(map(str, case.finding_ids))}")
    inv.print("History:")
    for e in case.events:
        move = f"{e.from_status or ''} -> {e.to_status}" if e.to_status else ""
        line = f"  {cell_text(e.at)}  {pad(e.actor, 16)} {e.kind:<8} {move}  {e.note}"
        inv.print(line.rstrip())
    return 0
