"""Correcting merchants and products: merge duplicates, delete what nothing points at.

docs/domain.md, "Correcting merchants and products". A merge moves every record that points
at the duplicates (purchases with their findings and photos, cases with their events and
notices to come, work orders, order volumes, sampling picks) to the row kept, in one
transaction, and puts the duplicates in the waste basket with `merged_into_uid` naming the
row they went into. Append-only history (a merchant's status changes, review decisions)
stays with the duplicate it describes: the database refuses to rewrite it
(db/team.py APPEND_ONLY), and the duplicate stays restorable with it. An order volume of a
month the kept merchant already has stays too (adding it would count orders twice).

Deleting goes to the waste basket; it is refused, with what still points at the row, while
records do (merge it into another one instead). Quality managers and administrators do
both, as they edit merchants; on a laptop copy of a team server only the server may
(services/sync/binding.py), since a merge touches rows other people are editing.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from inspector_app.db.models import (
    Finding,
    Merchant,
    MerchantStatusChange,
    OrderVolume,
    Product,
    Purchase,
    RectificationCase,
    ReviewDecisionRecord,
    SamplingPick,
    WorkOrder,
)
from inspector_app.domain.errors import ConflictError, ValidationError
from inspector_app.domain.labels import join_list
from inspector_app.domain.messages import t
from inspector_app.services.common import get_live, now
from inspector_app.services.context import MANAGERS, Context
from inspector_app.services.sync.binding import require_server
from inspector_app.services.versions import check

logger = logging.getLogger(__name__)

MERCHANT, PRODUCT = "merchant", "product"


def record_label(key: str) -> str:
    """How a preview or a refusal names a kind of record."""
    return {
        "purchases": t("Purchases"),
        "findings": t("Findings (with their purchases)"),
        "cases": t("Rectification cases"),
        "work_orders": t("Work orders"),
        "order_volumes": t("Monthly order volumes"),
        "sampling_picks": t("Sampling plan picks"),
        "status_changes": t("Status history entries"),
        "review_decisions": t("Review decisions"),
        "order_volumes_kept": t("Order volumes of months the kept merchant has"),
    }[key]


def describe_counts(counts: Iterable[tuple[str, int]]) -> str:
    """ "Purchases: 3, Rectification cases: 1" (only the non-zero ones)."""
    return join_list(f"{record_label(k)}: {n}" for k, n in counts if n)


@dataclass(frozen=True)
class MergePlan:
    """What merging `others` into `keep` moves, and what stays with the duplicates."""

    kind: str
    keep_id: int
    keep_name: str
    others: tuple[tuple[int, str], ...]
    moves: tuple[tuple[str, int], ...]
    stays: tuple[tuple[str, int], ...]
    #: Every row's version as read: merge() refuses when one changed meanwhile.
    versions: tuple[tuple[int, int], ...]

    @property
    def other_ids(self) -> list[int]:
        return [i for i, _ in self.others]


def edit_reason(ctx: Context, kind: str = MERCHANT) -> str | None:
    """Why the acting user may not edit, merge or delete merchants (or products); None
    when they may. Menus, buttons and shortcuts are disabled with this as their tooltip."""
    from inspector_app.domain.errors import PermissionDenied

    try:
        ctx.require(*MANAGERS, action=t("edit merchants") if kind == MERCHANT
                    else t("edit products"))
    except PermissionDenied as exc:
        return str(exc)
    return None


def merge_reason(ctx: Context, kind: str = MERCHANT) -> str | None:
    """As edit_reason, and a laptop copy of a team server may not merge (module docstring)."""
    from inspector_app.services.sync.binding import server_only_reason

    return edit_reason(ctx, kind) or server_only_reason(
        ctx, t("Merging merchants") if kind == MERCHANT else t("Merging products"))


# -- merchants ---------------------------------------------------------------------------

def _merchant_refs(s: Session, ids: Sequence[int]) -> dict[str, int]:
    def n(model, column=None) -> int:
        col = column if column is not None else model.merchant_id
        return s.scalar(select(func.count()).select_from(model).where(col.in_(ids))) or 0

    findings = s.scalar(
        select(func.count()).select_from(Finding).join(Purchase, Finding.purchase_id == Purchase.id)
        .where(Purchase.merchant_id.in_(ids))) or 0
    return {
        "purchases": n(Purchase), "findings": findings, "cases": n(RectificationCase),
        "work_orders": n(WorkOrder), "order_volumes": n(OrderVolume),
        "sampling_picks": n(SamplingPick), "status_changes": n(MerchantStatusChange),
        "review_decisions": n(ReviewDecisionRecord),
    }


def _volumes_to_move(s: Session, keep_id: int, other_ids: Sequence[int]) -> tuple[list[int], int]:
    """Ids of the duplicates' order volumes that move, and how many stay (months taken)."""
    rows = s.execute(select(OrderVolume.id, OrderVolume.merchant_id, OrderVolume.month).where(
        OrderVolume.merchant_id.in_([keep_id, *other_ids])).order_by(OrderVolume.id)).all()
    taken = {r.month for r in rows if r.merchant_id == keep_id}
    moving, staying = [], 0
    for r in rows:
        if r.merchant_id == keep_id:
            continue
        if r.month in taken:
            staying += 1
        else:
            taken.add(r.month)
            moving.append(r.id)
    return moving, staying


def _live_rows(s: Session, model, keep_id: int, other_ids: Sequence[int], what: str) -> list:
    ids = list(dict.fromkeys(int(i) for i in other_ids))
    if not ids:
        raise ValidationError(t("Choose at least one duplicate to merge into the one kept"))
    if keep_id in ids:
        raise ValidationError(t("The row kept cannot also be merged away"))
    return [get_live(s, model, keep_id, what)] + [get_live(s, model, i, what) for i in ids]


def plan_merchant_merge(ctx: Context, keep_id: int, other_ids: Sequence[int]) -> MergePlan:
    """The counts shown before confirming a merge (nothing is written)."""
    ctx.require(*MANAGERS, action=t("merge merchants"))
    with ctx.db.read() as s:
        rows = _live_rows(s, Merchant, keep_id, other_ids, MERCHANT)
        keep, others = rows[0], rows[1:]
        ids = [m.id for m in others]
        refs = _merchant_refs(s, ids)
        moving, staying = _volumes_to_move(s, keep.id, ids)
        moves = [(k, refs[k]) for k in ("purchases", "findings", "cases", "work_orders")]
        moves += [("order_volumes", len(moving)), ("sampling_picks", refs["sampling_picks"])]
        stays = [("status_changes", refs["status_changes"]),
                 ("review_decisions", refs["review_decisions"]), ("order_volumes_kept", staying)]
        return MergePlan(MERCHANT, keep.id, f"{keep.name} ({keep.shop_id})",
                         tuple((m.id, f"{m.name} ({m.shop_id})") for m in others),
                         tuple(moves), tuple(stays), tuple((m.id, m.version) for m in rows))


def _moved(model, column, keep: int, where, actor_id: int | None):
    """UPDATE model SET column = keep WHERE where (a new version, so a laptop copy's older
    edit of the row conflicts instead of moving it back; docs/sync.md)."""
    values: dict = {column.key: keep, "updated_at": now()}
    if hasattr(model, "version"):
        values.update(version=model.version + 1, updated_by_id=actor_id)
    return (update(model).where(where).values(**values)
            .execution_options(synchronize_session=False))


def merge_merchants(ctx: Context, plan: MergePlan) -> MergePlan:
    """Carry out `plan` in one transaction; the plan of what was actually moved is returned.

    Refused (nothing written) when any of the merchants changed since the plan was made.
    """
    ctx.require(*MANAGERS, action=t("merge merchants"))
    require_server(ctx, t("Merging merchants"))
    versions = dict(plan.versions)
    with ctx.db.write() as s:
        rows = _live_rows(s, Merchant, plan.keep_id, plan.other_ids, MERCHANT)
        for m in rows:
            check(s, m, versions.get(m.id), t("The merchant {name}", name=m.name))
        keep, others = rows[0], rows[1:]
        ids = [m.id for m in others]
        refs = _merchant_refs(s, ids)
        moving, staying = _volumes_to_move(s, keep.id, ids)
        actor = ctx.actor_id
        for model in (Purchase, RectificationCase, WorkOrder, SamplingPick):
            s.execute(_moved(model, model.merchant_id, keep.id,
                             model.merchant_id.in_(ids), actor))
        if moving:
            s.execute(_moved(OrderVolume, OrderVolume.merchant_id, keep.id,
                             OrderVolume.id.in_(moving), actor))
        _retire(ctx, others, keep.uid)
        s.flush()
        moves = [(k, refs[k]) for k in ("purchases", "findings", "cases", "work_orders")]
        moves += [("order_volumes", len(moving)), ("sampling_picks", refs["sampling_picks"])]
        stays = [("status_changes", refs["status_changes"]),
                 ("review_decisions", refs["review_decisions"]), ("order_volumes_kept", staying)]
        done = MergePlan(MERCHANT, keep.id, f"{keep.name} ({keep.shop_id})",
                         tuple((m.id, f"{m.name} ({m.shop_id})") for m in others),
                         tuple(moves), tuple(stays), ())
    logger.info("merged merchants %s into %s: %s", ids, keep.id, done.moves)
    return done


def _retire(ctx: Context, rows: Iterable, into_uid: str) -> None:
    when = now()
    for row in rows:
        row.deleted_at, row.deleted_by_id, row.merged_into_uid = when, ctx.actor_id, into_uid


def delete_merchant_unused(ctx: Context, merchant_id: int) -> None:
    """Put a merchant in the waste basket, unless records still point at it (then the
    refusal says which, and suggests merging)."""
    ctx.require(*MANAGERS, action=t("delete merchants"))
    with ctx.db.write() as s:
        m = get_live(s, Merchant, merchant_id, MERCHANT)
        refs = _merchant_refs(s, [m.id])
        blocking = [(k, refs[k]) for k in ("purchases", "cases", "work_orders", "order_volumes",
                                           "sampling_picks")]
        if any(n for _, n in blocking):
            raise ConflictError(t(
                "{name} cannot be deleted while records point at it ({records}); merge it into "
                "the right merchant instead", name=m.name, records=describe_counts(blocking)))
        m.deleted_at, m.deleted_by_id = now(), ctx.actor_id


# -- products ----------------------------------------------------------------------------

def _product_refs(s: Session, ids: Sequence[int]) -> dict[str, int]:
    def n(model) -> int:
        return s.scalar(select(func.count()).select_from(model)
                        .where(model.product_id.in_(ids))) or 0

    return {"purchases": n(Purchase), "sampling_picks": n(SamplingPick)}


def _product_name(p: Product) -> str:
    brand = p.brand.name if p.brand is not None else ""
    return f"{p.name} ({brand})" if brand else p.name


def plan_product_merge(ctx: Context, keep_id: int, other_ids: Sequence[int]) -> MergePlan:
    ctx.require(*MANAGERS, action=t("merge products"))
    with ctx.db.read() as s:
        rows = _live_rows(s, Product, keep_id, other_ids, PRODUCT)
        refs = _product_refs(s, [p.id for p in rows[1:]])
        return MergePlan(PRODUCT, rows[0].id, _product_name(rows[0]),
                         tuple((p.id, _product_name(p)) for p in rows[1:]),
                         tuple(refs.items()), (), tuple((p.id, p.version) for p in rows))


def merge_products(ctx: Context, plan: MergePlan) -> MergePlan:
    """Purchases and sampling picks of the duplicates move to the product kept (one
    transaction); the duplicates go to the waste basket."""
    ctx.require(*MANAGERS, action=t("merge products"))
    require_server(ctx, t("Merging products"))
    versions = dict(plan.versions)
    with ctx.db.write() as s:
        rows = _live_rows(s, Product, plan.keep_id, plan.other_ids, PRODUCT)
        for p in rows:
            check(s, p, versions.get(p.id), t("The product {name}", name=p.name))
        keep, others = rows[0], rows[1:]
        ids = [p.id for p in others]
        refs = _product_refs(s, ids)
        for model in (Purchase, SamplingPick):
            s.execute(_moved(model, model.product_id, keep.id, model.product_id.in_(ids),
                             ctx.actor_id))
        _retire(ctx, others, keep.uid)
        s.flush()
        done = MergePlan(PRODUCT, keep.id, _product_name(keep),
                         tuple((p.id, _product_name(p)) for p in others),
                         tuple(refs.items()), (), ())
    logger.info("merged products %s into %s: %s", ids, keep.id, done.moves)
    return done


def delete_product_unused(ctx: Context, product_id: int) -> None:
    ctx.require(*MANAGERS, action=t("delete products"))
    with ctx.db.write() as s:
        p = get_live(s, Product, product_id, PRODUCT)
        refs = _product_refs(s, [p.id])
        if any(refs.values()):
            raise ConflictError(t(
                "{name} cannot be deleted while records point at it ({records}); merge it into "
                "the right product instead", name=p.name, records=describe_counts(refs.items())))
        p.deleted_at, p.deleted_by_id = now(), ctx.actor_id


def merged_into(ctx: Context, kind: str, uids: Iterable[str]) -> dict[str, str]:
    """uid -> name of the rows these were merged into (for the waste basket)."""
    model = Merchant if kind == MERCHANT else Product
    wanted = [u for u in set(uids) if u]
    if not wanted:
        return {}
    with ctx.db.read() as s:
        return dict(s.execute(select(model.uid, model.name).where(model.uid.in_(wanted))).all())
