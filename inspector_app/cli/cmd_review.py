"""`inspector review --month M`: the monthly merchant review, and recording its decisions."""

from __future__ import annotations

import argparse
import logging

from inspector_app.cli.invocation import Invocation
from inspector_app.cli.options import add_acting_user, add_command, choice_of, month_arg
from inspector_app.domain.enums import ReviewDecision
from inspector_app.domain.labels import review_decision_label, review_reason_label
from inspector_app.domain.messages import t

logger = logging.getLogger(__name__)

REVIEW_COLUMNS = (
    ("shop_id", "SHOP"),
    ("name", "MERCHANT"),
    ("status", "STATUS"),
    ("candidate", "CANDIDATE"),
    ("suggestion", "SUGGEST"),
    ("reasons", "WHY"),
    ("score", "RISK"),
    ("work_orders", "WORK ORDERS"),
    ("over_72h", ">72H"),
    ("duration_median_h", "MEDIAN H"),
    ("complaints", "COMPLAINTS"),
    ("complaint_baseline", "BEFORE/MO"),
    ("findings", "FINDINGS"),
    ("overdue_cases", "OVERDUE"),
    ("stage_breaches", "STAGES LATE"),
    ("decision", "DECIDED"),
)


def register(subparsers: argparse._SubParsersAction) -> None:
    p = add_command(
        subparsers,
        "review",
        run_review,
        help="the monthly merchant review: who to act on, with the evidence",
        description="The month's review of the merchants still selling (active or on watch; "
        "suspended and eliminated ones are listed apart, with --all). A merchant is a "
        "candidate when most of its after-sales work orders applied for in the month took "
        "over 72 h, when its complaints surge against its own history (at least 10 and 3 "
        "times its average month of the 6 before), or when the risk score suggests more than "
        "its status. With --decide, records one decision with --reason for the merchants "
        "named, in one step (quality managers).",
    )
    p.add_argument("--month", required=True, type=month_arg, metavar="YYYY-MM",
                   help="the reviewed month")
    p.add_argument("--candidates", action="store_true", help="only the candidates")
    p.add_argument("--all", action="store_true",
                   help="also the suspended and eliminated merchants (listed apart)")
    p.add_argument("--decide", type=choice_of([d.value for d in ReviewDecision], "decision"),
                   metavar="DECISION",
                   help="record a decision: watch, suspend, eliminate or no_action")
    p.add_argument("--reason", default="", help="why (required with --decide)")
    p.add_argument("shops", nargs="*", metavar="SHOP",
                   help="with --decide: the merchants' shop ids")
    p.add_argument("--json", action="store_true", help="print a JSON array of objects")
    add_acting_user(p)


def run_review(inv: Invocation) -> int:
    from inspector_app.domain.errors import ValidationError
    from inspector_app.services import review, review_decisions
    from inspector_app.services.merchants import find_by_shop_id

    args = inv.args
    if args.decide:
        if not args.shops:
            raise ValidationError(t("Name the merchants to decide on (their shop ids)"))
        ctx = inv.acting_context()
        ids = [find_by_shop_id(ctx, shop).id for shop in args.shops]
        done = review_decisions.record_decisions(ctx, args.month, ids, args.decide, args.reason)
        if args.json:
            inv.emit_rows([d.to_json() for d in done], (), as_json=True)
        else:
            inv.note(t("Recorded '{decision}' for {count} merchant(s) in {month}",
                       decision=review_decision_label(args.decide), count=len(done),
                       month=args.month))
        return 0
    if args.shops:
        raise ValidationError(t("Shop ids are only taken with --decide"))
    result = review.month_review(inv.reading_context(), args.month)
    rows = result.rows + (result.apart if args.all else [])
    if args.candidates:
        rows = [r for r in rows if r.candidate]
    records = [r.to_json() for r in rows]
    if not args.json:
        records = [_readable(rec) for rec in records]
    inv.emit_rows(records, REVIEW_COLUMNS, as_json=args.json)
    return 0


def _readable(rec: dict) -> dict:
    out = dict(rec)
    out["reasons"] = ", ".join(review_reason_label(r) for r in rec["reasons"])
    out["candidate"] = t("yes") if rec["candidate"] else ""
    for key in ("suggestion", "decision"):
        out[key] = review_decision_label(rec[key]) if rec[key] else ""
    if out.get("duration_median_h") is not None:
        out["duration_median_h"] = round(out["duration_median_h"], 1)
    return out
