"""`inspector goods ORDER`: record how a purchase's goods ended (returned, sample, disposed)."""

from __future__ import annotations

import argparse
import logging

from inspector_app.cli.invocation import Invocation
from inspector_app.cli.options import add_acting_user, add_command
from inspector_app.domain.labels import disposition_label
from inspector_app.domain.messages import t

logger = logging.getLogger(__name__)


def register(subparsers: argparse._SubParsersAction) -> None:
    p = add_command(
        subparsers,
        "goods",
        run_goods,
        help="record what happened to a purchase's goods (returned, sample, disposed)",
        description="Record how a received purchase's goods ended: returned to the merchant "
        "with the refund received (--returned AMOUNT, --lightning for a lightning refund), "
        "kept as a sample (--sample WHERE) or disposed of (--disposed); --clear forgets it. "
        "The month's spend, refunds and net cost are in the dashboard and the reports.",
    )
    p.add_argument("order_number", metavar="ORDER", help="the purchase's platform order number")
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--returned", metavar="AMOUNT", help="returned, with this refund (129.90)")
    what.add_argument("--sample", metavar="WHERE", help="kept as a sample, stored here")
    what.add_argument("--disposed", action="store_true", help="disposed of")
    what.add_argument("--clear", action="store_true", help="not recorded any more")
    p.add_argument("--lightning", action="store_true", help="with --returned: a lightning refund")
    p.add_argument("--json", action="store_true", help="print the purchase as a JSON object")
    add_acting_user(p)


def run_goods(inv: Invocation) -> int:
    from inspector_app.services import purchases

    a = inv.args
    ctx = inv.acting_context()
    p = purchases.find_by_order_number(ctx, a.order_number)
    if a.returned is not None:
        kind, extra = "returned", {"refund": a.returned, "lightning_refund": a.lightning}
    elif a.sample is not None:
        kind, extra = "sample", {"sample_location": a.sample}
    elif a.disposed:
        kind, extra = "disposed", {}
    else:
        kind, extra = None, {}
    if a.lightning and kind != "returned":
        from inspector_app.domain.errors import ValidationError

        raise ValidationError(t("--lightning goes with --returned"))
    got = purchases.set_disposition(ctx, p.id, kind, **extra)
    if a.json:
        inv.emit_rows([{
            "order_number": got.order_number, "disposition": got.disposition,
            "refund_cents": got.refund_cents, "lightning_refund": got.lightning_refund,
            "sample_location": got.sample_location,
        }], (), as_json=True)
    else:
        inv.note(t("{order}: {what}", order=got.order_number,
                   what=disposition_label(got.disposition) if got.disposition else "—"))
    return 0
