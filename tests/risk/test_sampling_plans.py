"""Sampling plans through the services: make, review, accept into planned purchases, claim."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from inspector_app.db.models import Purchase
from inspector_app.domain.enums import PurchaseStatus, Role
from inspector_app.domain.errors import ConflictError, PermissionDenied, ValidationError
from inspector_app.domain.sampling import KEY_REASON
from inspector_app.services import purchases
from inspector_app.services import sampling_plans as plans


def test_make_review_and_accept_a_plan(manager, users, shops, shop_products):
    plan = plans.make_plan(manager, "2026-12", purchases=8, seed=7)
    assert (plan.period, plan.seed, plan.status, len(plan.picks)) == ("2026-12", 7, "draft", 8)
    keyed = [p for p in plan.picks if p.reason == KEY_REASON]
    assert sorted(p.shop_id for p in keyed) == ["S1", "S2"]
    assert all(p.stratum and p.reason for p in plan.picks)
    ids = [p.product_id for p in plan.picks if p.product_id]
    assert len(ids) == len(set(ids))
    assert [p.id for p in plans.list_plans(manager, "2026-12")] == [plan.id]
    assert plans.get_plan(manager, plan.id).picks == plan.picks

    accepted = plans.accept_plan(manager, plan.id)
    assert accepted.status == "accepted" and accepted.accepted_at is not None
    assert all(p.purchase_id for p in accepted.picks)
    with manager.db.read() as s:
        rows = s.execute(
            select(Purchase.status, Purchase.inspector_id, Purchase.plan_pick_id).where(
                Purchase.plan_pick_id.is_not(None)
            )
        ).all()
    assert len(rows) == 8
    assert {(st, insp) for st, insp, _ in rows} == {(PurchaseStatus.PLANNED, None)}
    with pytest.raises(ConflictError):
        plans.accept_plan(manager, plan.id)
    with pytest.raises(ConflictError):
        plans.discard_plan(manager, plan.id)


def test_same_seed_same_plan_and_products_planned_for_the_month_are_not_planned_again(
    manager, shops, shop_products
):
    a = plans.make_plan(manager, "2026-12", purchases=6, seed=11)
    b = plans.make_plan(manager, "2026-12", purchases=6, seed=11)
    key = [(p.merchant_id, p.product_id, p.reason) for p in a.picks]
    assert key == [(p.merchant_id, p.product_id, p.reason) for p in b.picks]
    plans.discard_plan(manager, b.id)
    plans.accept_plan(manager, a.id)
    taken = {p.product_id for p in a.picks if p.product_id}
    c = plans.make_plan(manager, "2026-12", purchases=15, seed=11)
    assert not taken & {p.product_id for p in c.picks if p.product_id}
    # Another month may buy them again; so may this one when repeats are allowed.
    d = plans.make_plan(manager, "2027-01", purchases=15, seed=11)
    assert len([p for p in d.picks if p.product_id]) == len(shop_products)
    e = plans.make_plan(manager, "2026-12", purchases=15, seed=11, allow_repeat=True)
    assert taken <= {p.product_id for p in e.picks}


def test_budget_plan(manager, shops, shop_products):
    plan = plans.make_plan(manager, "2026-12", budget="150.00", seed=3)
    assert 0 < plan.cost_cents <= 15000 and plan.budget_cents == 15000
    priced = sum(p.list_price_cents or 0 for p in plan.picks)
    assert priced <= plan.cost_cents  # open picks are costed at an estimate


def test_bad_requests(manager, shops):
    with pytest.raises(ValidationError):
        plans.make_plan(manager, "2026-13", purchases=5)
    with pytest.raises(ValidationError):
        plans.make_plan(manager, "2026", purchases=5)
    with pytest.raises(ValidationError):
        plans.make_plan(manager, "2026-12")
    with pytest.raises(ValidationError, match="list prices"):
        plans.make_plan(manager, "2026-12", budget="100")
    plan = plans.make_plan(manager, "2026-12", purchases=50, seed=1)
    assert len(plan.picks) == 5 and "only 5 of 50" in plan.warnings[0]


def test_roles_managers_plan_inspectors_claim(ctx, users, manager, shops, shop_products):
    inspector = ctx.as_actor(users[Role.INSPECTOR])
    with pytest.raises(PermissionDenied):
        plans.make_plan(inspector, "2026-12", purchases=3, seed=1)
    plan = plans.make_plan(manager, "2026-12", purchases=3, seed=1)
    with pytest.raises(PermissionDenied):
        plans.accept_plan(inspector, plan.id)
    accepted = plans.accept_plan(manager, plan.id)
    pid = accepted.picks[0].purchase_id
    mine = plans.claim(inspector, pid)
    assert mine.inspector_id == users[Role.INSPECTOR].id and mine.status == PurchaseStatus.PLANNED
    assert plans.claim(inspector, pid).inspector_id == users[Role.INSPECTOR].id  # idempotent
    assert plans.get_plan(manager, plan.id).picks[0].inspector == "Ivy Inspector"
    with pytest.raises(ConflictError, match="already claimed by Ivy Inspector"):
        plans.claim(manager, pid)
    with pytest.raises(PermissionDenied):
        plans.claim(ctx.as_actor(users[Role.MERCHANT_MANAGER]), pid)
    assert plans.unclaim(inspector, pid).inspector_id is None
    assert plans.claim(manager, pid).inspector_id == users[Role.QUALITY_MANAGER].id
    # The plan names the next purchases: an inspector reads it, a merchant manager may not.
    assert [p.id for p in plans.list_plans(inspector)] == [plan.id]
    assert len(plans.get_plan(inspector, plan.id).picks) == 3
    for read in (lambda c: plans.list_plans(c), lambda c: plans.get_plan(c, plan.id)):
        with pytest.raises(PermissionDenied, match="may not read sampling plans"):
            read(ctx.as_actor(users[Role.MERCHANT_MANAGER]))


def test_only_planned_purchases_can_be_claimed(ctx, users, manager, shops, shop_products):
    inspector = ctx.as_actor(users[Role.INSPECTOR])
    ordered = purchases.find_by_order_number(manager, "OLD-S1-0")
    with pytest.raises(ConflictError, match="ordered"):
        plans.claim(inspector, ordered.id)


def test_the_plan_records_the_team_weight_floor_and_window(manager, shops, shop_products):
    import json

    from inspector_app.db.models import SamplingPlan
    from inspector_app.services import team_settings

    team_settings.put_many(manager, {"sampling.weight_floor": 0.5, "risk.window_days": 90})
    plan = plans.make_plan(manager, "2026-12", purchases=4, seed=3)
    with manager.db.read() as s:
        params = json.loads(s.scalar(select(SamplingPlan.params_json).where(SamplingPlan.id == plan.id)))
    assert params["weight_floor"] == 0.5
    assert params["risk_window"] == {"applied_days": 90, "finished_days": 30, "purchase_days": 90}


def test_a_month_with_an_accepted_plan_refuses_a_second_one(manager, shops, shop_products):
    """Two accepted drafts of one month planned every purchase twice."""
    a = plans.make_plan(manager, "2026-12", purchases=5, seed=3)
    b = plans.make_plan(manager, "2026-12", purchases=5, seed=4)
    plans.accept_plan(manager, a.id)
    with pytest.raises(ConflictError, match=f"2026-12 already has an accepted sampling plan "
                                            rf"\(plan {a.id}\)"):
        plans.accept_plan(manager, b.id)
    with manager.db.read() as s:
        planned = s.scalar(select(func.count()).select_from(Purchase)
                           .where(Purchase.plan_pick_id.is_not(None)))
    assert planned == 5
    assert plans.get_plan(manager, b.id).status == "draft"
    with pytest.raises(ConflictError):
        plans.check_month_can_accept(manager, "2026-12")
    plans.check_month_can_accept(manager, "2027-01")  # another month is free
    plans.accept_plan(manager, plans.make_plan(manager, "2027-01", purchases=3, seed=3).id)


def test_budget_counts_net_cost(manager, shops, shop_products):
    """Refunds coming back make each pick cheaper against the budget (docs/domain.md)."""
    from datetime import timedelta

    from inspector_app.domain import clock

    gross = plans.make_plan(manager, "2026-12", budget="150.00", seed=3)
    when = clock.now() - timedelta(days=30)
    for k in range(5):  # paid 500.00, got 300.00 back: net cost is 40% of the price
        p = purchases.create_purchase(manager, purchases.PurchaseInput(
            merchant_id=shops["S1"], order_number=f"NET-{k}", ordered_at=when,
            received_at=when + timedelta(days=1), price_paid="100.00",
            status=PurchaseStatus.RECEIVED))
        if k < 3:
            purchases.set_disposition(manager, p.id, "returned", refund="100.00")
        else:
            purchases.set_disposition(manager, p.id, "disposed")
    net = plans.make_plan(manager, "2026-12", budget="150.00", seed=3)
    assert 0 < net.cost_cents <= 15000
    assert len(net.picks) > len(gross.picks)
    priced = sum(p.list_price_cents or 0 for p in net.picks)
    assert round(priced * 0.4) <= net.cost_cents < priced
