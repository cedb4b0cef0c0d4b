"""`inspector merchants edit|merge|delete`: correct the merchants (services/merging.py).

The actions hang under the `merchants` listing (cli/cmd_list.py registers it first), as
`users add` hangs under `users`.
"""

from __future__ import annotations

import argparse
import logging

from inspector_app.cli.invocation import Invocation
from inspector_app.cli.options import add_acting_user, add_command
from inspector_app.domain.messages import t

logger = logging.getLogger(__name__)


def register(subparsers: argparse._SubParsersAction) -> None:
    listing = subparsers.choices.get("merchants")
    if listing is None:  # cmd_list not registered: nothing to hang the actions under
        return
    actions = listing.add_subparsers(title="actions", metavar="ACTION")
    edit = add_command(actions, "edit", run_edit, help="change a merchant's name, shop id, "
                       "category or contact (printed notices show the new name next time)")
    edit.add_argument("shop_id", metavar="SHOP_ID", help="the merchant's platform shop id")
    edit.add_argument("--name", help="new name")
    edit.add_argument("--shop-id", dest="new_shop_id", metavar="NEW_SHOP_ID", help="new shop id")
    edit.add_argument("--category", help="new category")
    edit.add_argument("--contact", help="new contact")
    add_acting_user(edit)
    merge = add_command(
        actions, "merge", run_merge, help="merge duplicate merchants into one",
        description="Move every purchase, case, work order, order volume and sampling pick of "
        "the duplicates to the merchant kept, in one transaction, and put the duplicates in "
        "the waste basket. Without --yes, only says what would move.")
    merge.add_argument("keep", metavar="KEEP", help="shop id of the merchant kept")
    merge.add_argument("duplicates", metavar="DUPLICATE", nargs="+",
                       help="shop ids of the duplicates")
    merge.add_argument("--yes", action="store_true", help="merge (without it, only show)")
    add_acting_user(merge)
    delete = add_command(actions, "delete", run_delete,
                         help="put a merchant nothing points at in the waste basket")
    delete.add_argument("shop_id", metavar="SHOP_ID", help="the merchant's platform shop id")
    add_acting_user(delete)


def run_edit(inv: Invocation) -> int:
    from inspector_app.domain.errors import ValidationError
    from inspector_app.services import merchants

    a = inv.args
    if all(v is None for v in (a.name, a.new_shop_id, a.category, a.contact)):
        raise ValidationError(t("Say what changes: --name, --shop-id, --category or --contact"))
    ctx = inv.acting_context()
    m = merchants.find_by_shop_id(ctx, a.shop_id)
    got = merchants.update_merchant(ctx, m.id, name=a.name, shop_id=a.new_shop_id,
                                    category=a.category, contact=a.contact,
                                    expected_version=m.version)
    inv.print(t("Merchant {shop_id}: {name}", shop_id=got.shop_id, name=got.name))
    return 0


def run_merge(inv: Invocation) -> int:
    from inspector_app.services import merchants, merging

    a = inv.args
    ctx = inv.acting_context()
    keep = merchants.find_by_shop_id(ctx, a.keep)
    others = [merchants.find_by_shop_id(ctx, s).id for s in a.duplicates]
    plan = merging.plan_merchant_merge(ctx, keep.id, others)
    if not a.yes:
        _print_plan(inv, plan)
        inv.print(t("Nothing changed; add --yes to merge."))
        return 0
    done = merging.merge_merchants(ctx, plan)
    _print_plan(inv, done, done=True)
    return 0


def _print_plan(inv: Invocation, plan, *, done: bool = False) -> None:
    from inspector_app.domain.labels import join_list
    from inspector_app.services.merging import describe_counts

    names = join_list(name for _, name in plan.others)
    line = (t("Merged {others} into {keep}.", others=names, keep=plan.keep_name) if done else
            t("Merging {others} into {keep} moves:", others=names, keep=plan.keep_name))
    inv.print(line)
    inv.print("  " + (describe_counts(plan.moves) or t("nothing")))
    if any(n for _, n in plan.stays):
        inv.print(t("Stays with the merged merchants (in the waste basket): {records}",
                    records=describe_counts(plan.stays)))


def run_delete(inv: Invocation) -> int:
    from inspector_app.services import merchants, merging

    ctx = inv.acting_context()
    m = merchants.find_by_shop_id(ctx, inv.args.shop_id)
    merging.delete_merchant_unused(ctx, m.id)
    inv.print(t("{name} is in the waste basket (restore it from Deleted items).", name=m.name))
    return 0
