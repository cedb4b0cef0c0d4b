"""Correcting merchants and products: edit with version checks, merge duplicates in one
transaction (every kind of row moved, checked with plain SQL), delete only what nothing
points at (services/merging.py)."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from inspector_app.db.models import (
    OrderVolume,
    ReviewDecisionRecord,
    SamplingPick,
    SamplingPlan,
    WorkOrder,
)
from inspector_app.domain.enums import CaseStatus, Role, WorkOrderKind
from inspector_app.domain.errors import (
    ConflictError,
    NotFound,
    PermissionDenied,
    StaleEdit,
    ValidationError,
)
from inspector_app.services import catalog, merchants, merging, waste_basket
from tests.services.builders import case_at, make_finding, make_merchant, make_purchase, now


def _sql(ctx, query: str, **params):
    with ctx.db.read() as s:
        return s.execute(text(query), params).all()


def _extras(ctx, merchant_id: int, month: str, *, product_id: int | None = None) -> None:
    """A work order, an order volume, a sampling pick and a review decision of the merchant."""
    with ctx.db.write() as s:
        plan = SamplingPlan(period=month, seed=1)
        s.add(plan)
        s.flush()
        s.add_all([
            WorkOrder(merchant_id=merchant_id, kind=WorkOrderKind.COMPLAINT,
                      order_ref=f"WO-{merchant_id}-{month}", applied_at=now(),
                      source_key=f"{merchant_id}|{month}"),
            OrderVolume(merchant_id=merchant_id, month=month, orders=100),
            SamplingPick(plan_id=plan.id, merchant_id=merchant_id, product_id=product_id),
            ReviewDecisionRecord(month=month, merchant_id=merchant_id, decision="no_action",
                                 from_status="active", decided_at=now()),
        ])


@pytest.fixture
def world(admin, qm, insp):
    keep = make_merchant(insp, "shop-keep", "Acme Store")
    dup = make_merchant(insp, "shop-dup", "Acme Stroe")
    dup2 = make_merchant(insp, "shop-dup2", "ACME store")
    bystander = make_merchant(insp, "shop-other", "Other Shop")
    p_keep = make_purchase(insp, keep.id)
    p_dup = make_purchase(insp, dup.id)
    p_dup2 = make_purchase(insp, dup2.id)
    p_other = make_purchase(insp, bystander.id)
    f_dup = make_finding(insp, p_dup.id)
    case = case_at(admin, p_dup.id, CaseStatus.NOTIFIED)
    merchants.set_status(qm, dup.id, "watch", "many defects")
    _extras(admin, keep.id, "2026-05")
    _extras(admin, dup.id, "2026-05")  # the same month as the kept one: stays
    _extras(admin, dup2.id, "2026-04")
    return dict(keep=keep, dup=dup, dup2=dup2, bystander=bystander, p_keep=p_keep, p_dup=p_dup,
                p_dup2=p_dup2, p_other=p_other, f_dup=f_dup, case=case)


def test_merge_moves_every_kind_of_row_in_one_go(qm, world):
    keep, dup, dup2 = world["keep"], world["dup"], world["dup2"]
    plan = merging.plan_merchant_merge(qm, keep.id, [dup.id, dup2.id])
    moves, stays = dict(plan.moves), dict(plan.stays)
    assert moves == {"purchases": 2, "findings": 2, "cases": 1, "work_orders": 2,
                     "order_volumes": 1, "sampling_picks": 2}
    assert stays == {"status_changes": 1, "review_decisions": 2, "order_volumes_kept": 1}
    assert "Purchases: 2" in merging.describe_counts(plan.moves)

    done = merging.merge_merchants(qm, plan)
    assert dict(done.moves) == moves
    ids = {"k": keep.id, "d": dup.id, "d2": dup2.id}
    rows = _sql(qm, "SELECT merchant_id, count(*) FROM purchases WHERE merchant_id IN (:k, :d, :d2)"
                " GROUP BY merchant_id", **ids)
    assert rows == [(keep.id, 3)]
    for table in ("rectification_cases", "work_orders", "sampling_picks"):
        got = _sql(qm, f"SELECT DISTINCT merchant_id FROM {table} WHERE merchant_id IN (:k, :d, :d2)",
                   **ids)
        assert got == [(keep.id,)], table
    volumes = _sql(qm, "SELECT merchant_id, month FROM order_volumes ORDER BY month, merchant_id")
    assert volumes == [(keep.id, "2026-04"), (keep.id, "2026-05"), (dup.id, "2026-05")]
    # Append-only history stays with the duplicate it describes.
    assert _sql(qm, "SELECT count(*) FROM merchant_status_changes WHERE merchant_id = :d",
                d=dup.id) == [(1,)]
    assert _sql(qm, "SELECT count(*) FROM review_decisions WHERE merchant_id IN (:d, :d2)",
                d=dup.id, d2=dup2.id) == [(2,)]
    # The duplicates are in the waste basket, saying where they went; the case's findings
    # and the bystander are untouched.
    gone = _sql(qm, "SELECT id, merged_into_uid, deleted_by_id FROM merchants WHERE deleted_at"
                " IS NOT NULL ORDER BY id")
    assert gone == [(dup.id, keep.uid, qm.actor.id), (dup2.id, keep.uid, qm.actor.id)]
    assert _sql(qm, "SELECT merchant_id FROM purchases WHERE id = :p", p=world["p_other"].id) == [
        (world["bystander"].id,)]
    assert merging.merged_into(qm, "merchant", [keep.uid]) == {keep.uid: "Acme Store"}
    # Moved rows have a new version (a laptop copy's older edit conflicts, docs/sync.md).
    assert _sql(qm, "SELECT version FROM purchases WHERE id = :p", p=world["p_dup"].id) == [(2,)]


def test_restoring_a_merged_merchant_brings_back_an_empty_one(qm, world):
    from inspector_app.services.browse import deleted as browse_deleted

    keep, dup = world["keep"], world["dup"]
    merging.merge_merchants(qm, merging.plan_merchant_merge(qm, keep.id, [dup.id]))
    shown = {r.id: r for r in browse_deleted.fetch_deleted(qm, browse_deleted.DeletedFilter())}
    assert (shown[dup.id].parent_kind, shown[dup.id].parent) == ("merged",
                                                                "Acme Store (shop-keep)")
    waste_basket.restore_items(qm, [("merchant", dup.id)])
    assert _sql(qm, "SELECT deleted_at, merged_into_uid FROM merchants WHERE id = :d",
                d=dup.id) == [(None, None)]
    assert _sql(qm, "SELECT count(*) FROM purchases WHERE merchant_id = :d", d=dup.id) == [(0,)]


def test_a_merge_planned_before_an_edit_is_refused_whole(qm, admin, world):
    keep, dup = world["keep"], world["dup"]
    plan = merging.plan_merchant_merge(qm, keep.id, [dup.id])
    merchants.update_merchant(admin, dup.id, name="Acme (renamed)")
    with pytest.raises(StaleEdit, match="Admin"):
        merging.merge_merchants(qm, plan)
    assert _sql(qm, "SELECT count(*) FROM purchases WHERE merchant_id = :d", d=dup.id) == [(1,)]
    assert _sql(qm, "SELECT deleted_at FROM merchants WHERE id = :d", d=dup.id) == [(None,)]


def test_merge_refusals(qm, insp, mm, world):
    keep, dup = world["keep"], world["dup"]
    for who in (insp, mm):
        with pytest.raises(PermissionDenied):
            merging.plan_merchant_merge(who, keep.id, [dup.id])
    with pytest.raises(ValidationError, match="at least one"):
        merging.plan_merchant_merge(qm, keep.id, [])
    with pytest.raises(ValidationError, match="cannot also be merged"):
        merging.plan_merchant_merge(qm, keep.id, [keep.id, dup.id])
    with pytest.raises(NotFound):
        merging.plan_merchant_merge(qm, keep.id, [9999])


def test_delete_is_refused_while_records_point_at_the_merchant(qm, insp, world):
    with pytest.raises(ConflictError, match="Purchases: 1.*merge it") as info:
        merging.delete_merchant_unused(qm, world["dup2"].id)
    assert "Work orders: 1" in str(info.value)
    empty = make_merchant(insp, "shop-empty", "Typo Shop")
    with pytest.raises(PermissionDenied):
        merging.delete_merchant_unused(insp, empty.id)
    merging.delete_merchant_unused(qm, empty.id)
    assert _sql(qm, "SELECT deleted_by_id FROM merchants WHERE id = :m", m=empty.id) == [
        (qm.actor.id,)]


def test_edit_merchant_with_version_check(qm, admin, world):
    m = world["keep"]
    edited = merchants.update_merchant(qm, m.id, name="Acme Flagship", shop_id="shop-keep-2",
                                       expected_version=m.version)
    assert (edited.name, edited.shop_id) == ("Acme Flagship", "shop-keep-2")
    assert edited.version == m.version + 1
    with pytest.raises(StaleEdit, match="Quinn Manager") as info:
        merchants.update_merchant(admin, m.id, name="Old view", expected_version=m.version)
    assert "nothing was saved" in str(info.value)
    with pytest.raises(ConflictError, match="shop-dup"):
        merchants.update_merchant(qm, m.id, shop_id="shop-dup")
    assert merchants.get_merchant(qm, m.id).name == "Acme Flagship"


def test_products_edit_merge_delete(qm, insp, admin, world):
    a = catalog.create_product(insp, "Linen shirt", brand="Brandy", listing_id="L-1")
    b = catalog.create_product(insp, "Linen shrit", brand="Brandy")
    c = catalog.create_product(insp, "Unused", brand="Brandy")
    make_purchase(insp, world["keep"].id, product_id=b.id)
    _extras(admin, world["bystander"].id, "2026-03", product_id=b.id)
    edited = catalog.update_product(qm, a.id, name="Linen shirt (white)", list_price="99.00",
                                    expected_version=a.version)
    assert (edited.name, edited.list_price_cents, edited.listing_id) == (
        "Linen shirt (white)", 9900, "L-1")
    with pytest.raises(StaleEdit):
        catalog.update_product(admin, a.id, name="x", expected_version=a.version)
    with pytest.raises(ConflictError, match="Purchases: 1"):
        merging.delete_product_unused(qm, b.id)
    plan = merging.plan_product_merge(qm, a.id, [b.id])
    assert dict(plan.moves) == {"purchases": 1, "sampling_picks": 1}
    merging.merge_products(qm, plan)
    assert _sql(qm, "SELECT count(*) FROM purchases WHERE product_id = :a", a=a.id) == [(1,)]
    assert _sql(qm, "SELECT count(*) FROM sampling_picks WHERE product_id = :a", a=a.id) == [(1,)]
    assert _sql(qm, "SELECT merged_into_uid FROM products WHERE id = :b", b=b.id) == [(a.uid,)]
    from inspector_app.services.browse import deleted as browse_deleted

    shown = {r.id: r for r in browse_deleted.fetch_deleted(qm, browse_deleted.DeletedFilter(kind="product"))}
    assert (shown[b.id].parent_kind, shown[b.id].parent) == ("merged", "Linen shirt (white)")
    merging.delete_product_unused(qm, c.id)
    assert [p.id for p in catalog.search_products(qm, "Linen")] == [a.id]


def test_the_merge_is_for_managers_only(as_role, world):
    plan = merging.plan_merchant_merge(as_role(Role.ADMIN), world["keep"].id, [world["dup"].id])
    with pytest.raises(PermissionDenied):
        merging.merge_merchants(as_role(Role.INSPECTOR), plan)
