"""Sampling plans: draw a month's purchases by risk, review, accept into planned purchases, claim."""

from __future__ import annotations

import json
import logging
import secrets
import statistics
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session

from inspector_app.db.models import (
    Brand,
    Merchant,
    Product,
    Purchase,
    SamplingPick,
    SamplingPlan,
    User,
)
from inspector_app.domain import sampling
from inspector_app.domain.enums import MerchantStatus, PlanStatus, PurchaseStatus, Role
from inspector_app.domain.errors import ConflictError, NotFound, ValidationError
from inspector_app.domain.labels import plan_status_label, purchase_status_label
from inspector_app.domain.messages import t
from inspector_app.domain.money import parse_cents
from inspector_app.domain.spend import net_cents
from inspector_app.services import risk as risk_service
from inspector_app.services import team_settings
from inspector_app.services.common import get_live, now
from inspector_app.services.context import MANAGERS, RECORDERS, Context
from inspector_app.services.purchases import PurchaseInfo
from inspector_app.services.purchases import info as purchase_info
from inspector_app.services.spend import net_cost_share
from inspector_app.services.stats import Period

logger = logging.getLogger(__name__)

#: Merchants a plan may buy from (a suspended or eliminated shop cannot be bought from).
SAMPLED_STATUSES = (MerchantStatus.ACTIVE, MerchantStatus.WATCH)
#: Largest plan one call makes.
MAX_PURCHASES = 10_000


@dataclass(frozen=True)
class PickInfo:
    id: int
    merchant_id: int
    shop_id: str
    merchant_name: str
    product_id: int | None
    product_name: str  # "" for an open pick: any product of the shop
    brand: str
    category: str
    stratum: str
    reason: str
    weight: float
    list_price_cents: int | None
    purchase_id: int | None = None
    inspector: str = ""


@dataclass(frozen=True)
class PlanInfo:
    id: int
    uid: str
    period: str
    seed: int
    status: str
    created_at: datetime
    accepted_at: datetime | None
    purchases_requested: int | None
    budget_cents: int | None
    cost_cents: int
    allow_repeat: bool
    warnings: list[str]
    allocation: dict[str, int]
    pick_count: int = 0
    picks: list[PickInfo] = field(default_factory=list)


def _period(month: str) -> Period:
    p = Period.parse(month)
    if len(p.label) != 7:
        raise ValidationError(t("'{month}' is not a month (2026-12)", month=month), field="month")
    return p


def _bought_in_period(s: Session, period: Period) -> set[int]:
    """Products with a live purchase ordered in the period or planned for it by a plan."""
    a, b = period.bounds()
    planned = select(SamplingPick.id).join(SamplingPlan, SamplingPlan.id == SamplingPick.plan_id)
    planned = planned.where(SamplingPlan.period == period.label)
    return set(
        s.scalars(
            select(Purchase.product_id).where(
                Purchase.deleted_at.is_(None),
                Purchase.product_id.is_not(None),
                Purchase.status != PurchaseStatus.CANCELLED.value,
                or_(
                    (Purchase.ordered_at >= a) & (Purchase.ordered_at < b),
                    Purchase.plan_pick_id.in_(planned),
                ),
            )
        )
    )


def _options(ctx: Context, period: Period, allow_repeat: bool):
    """Merchant and product options for the sampler, from the risk ranking and our purchases."""
    watch = float(team_settings.get(ctx, "watch_threshold"))
    ranked = {r.merchant_id: r for r in risk_service.ranking(ctx)}
    with ctx.db.read() as s:
        merchants = s.execute(
            select(Merchant.id, Merchant.category, Merchant.key_merchant).where(
                Merchant.deleted_at.is_(None),
                Merchant.status.in_([st.value for st in SAMPLED_STATUSES]),
            )
        ).all()
        known = s.execute(
            select(
                Purchase.merchant_id,
                Product.id,
                Product.category,
                func.coalesce(Brand.name, ""),
                func.coalesce(Product.list_price_cents, func.max(Purchase.price_paid_cents)),
            )
            .join(Product, Product.id == Purchase.product_id)
            .outerjoin(Brand, Brand.id == Product.brand_id)
            .where(Purchase.deleted_at.is_(None), Product.deleted_at.is_(None))
            .group_by(Purchase.merchant_id, Product.id, Product.category, Brand.name)
        ).all()
        excluded = set() if allow_repeat else _bought_in_period(s, period)
    prices = [p for *_, p in known if p]
    by_category: dict[str, list[int]] = {}
    for _mid, _pid, cat, _brand, price in known:
        if price:
            by_category.setdefault(cat or "", []).append(price)
    overall = int(statistics.median(prices)) if prices else None
    products = [
        sampling.ProductOption(mid, pid, cat or "", brand, price or overall)
        for mid, pid, cat, brand, price in known
    ]
    options = []
    for mid, cat, key in merchants:
        r = ranked.get(mid)
        score = r.score if r else 0.0
        same = by_category.get(cat or "")
        options.append(
            sampling.MerchantOption(
                merchant_id=mid,
                category=cat or "",
                risk=score,
                key_merchant=bool(key),
                note=r.reason if r else "",
                high_risk=score >= watch,
                open_price_cents=int(statistics.median(same)) if same else overall,
            )
        )
    return options, products, excluded, overall


def make_plan(
    ctx: Context,
    month: str,
    *,
    purchases: int | None = None,
    budget: str | int | None = None,
    seed: int | None = None,
    allow_repeat: bool = False,
) -> PlanInfo:
    """Draw a draft plan for `month` (2026-12): N purchases and/or a budget (list prices)."""
    ctx.require(*MANAGERS, action=t("make sampling plans"))
    period = _period(month)
    if purchases is not None and not 0 < purchases <= MAX_PURCHASES:
        raise ValidationError(t("Plan 1..{most} purchases", most=MAX_PURCHASES), field="purchases")
    budget_cents = budget if isinstance(budget, int) else parse_cents(budget, "budget")
    if purchases is None and budget_cents is None:
        raise ValidationError(
            t("Give the number of purchases, a budget, or both"), field="purchases"
        )
    seed = secrets.randbelow(2**31) if seed is None else int(seed)
    options, products, excluded, overall = _options(ctx, period, allow_repeat)
    # The budget counts net cost: what a pick costs once its refund comes back
    # (docs/domain.md, "What the team spent").
    share = net_cost_share(ctx)
    options = [replace(o, open_price_cents=net_cents(o.open_price_cents, share)) for o in options]
    products = [replace(p, price_cents=net_cents(p.price_cents, share)) for p in products]
    if budget_cents is not None and overall is None:
        raise ValidationError(
            t("A budget needs list prices, and no product has one"), field="budget"
        )
    floor = float(team_settings.get(ctx, "sampling.weight_floor"))
    units = sampling.build_units(options, products, exclude_products=excluded, floor=floor)
    result = sampling.draw(
        units, seed=seed, n=purchases, budget_cents=budget_cents, allow_repeat=allow_repeat
    )
    params = {
        "purchases": purchases,
        "budget_cents": budget_cents,
        "allow_repeat": allow_repeat,
        "weight_floor": floor,
        "risk_window": asdict(risk_service.RiskWindow.from_settings(ctx)),
        "excluded_products": len(excluded),
        "units": len(units),
        "cost_cents": result.cost_cents,
        "cost_basis": "net",
        "net_cost_share": round(share, 4),
        "allocation": result.allocation,
        "warnings": result.warnings,
    }
    with ctx.db.write() as s:
        plan = SamplingPlan(
            period=period.label,
            seed=seed,
            params_json=json.dumps(params, ensure_ascii=False),
            status=PlanStatus.DRAFT,
            created_by_id=ctx.actor_id,
        )
        s.add(plan)
        s.flush()
        s.add_all(
            SamplingPick(
                plan_id=plan.id,
                merchant_id=p.unit.merchant_id,
                product_id=p.unit.product_id,
                stratum=p.stratum[:200],
                reason=p.reason,
                weight=p.unit.weight,
                created_by_id=ctx.actor_id,
            )
            for p in result.picks
        )
        s.flush()
        return _plan_info(s, plan)


def _plan_info(s: Session, plan: SamplingPlan, *, with_picks: bool = True) -> PlanInfo:
    params = json.loads(plan.params_json or "{}")
    picks = []
    if with_picks:
        q = (
            select(SamplingPick, Merchant, Product, Brand.name, Purchase.id, User.display_name)
            .join(Merchant, Merchant.id == SamplingPick.merchant_id)
            .outerjoin(Product, Product.id == SamplingPick.product_id)
            .outerjoin(Brand, Brand.id == Product.brand_id)
            .outerjoin(Purchase, Purchase.plan_pick_id == SamplingPick.id)
            .outerjoin(User, User.id == Purchase.inspector_id)
            .where(SamplingPick.plan_id == plan.id)
            .order_by(SamplingPick.id)
        )
        for pick, m, prod, brand, pid, inspector in s.execute(q):
            picks.append(
                PickInfo(
                    id=pick.id,
                    merchant_id=m.id,
                    shop_id=m.shop_id,
                    merchant_name=m.name,
                    product_id=pick.product_id,
                    product_name=prod.name if prod else "",
                    brand=brand or "",
                    category=(prod.category if prod else "") or m.category or "",
                    stratum=pick.stratum,
                    reason=pick.reason,
                    weight=pick.weight,
                    list_price_cents=prod.list_price_cents if prod else None,
                    purchase_id=pid,
                    inspector=inspector or "",
                )
            )
    count = (
        len(picks)
        if with_picks
        else s.scalar(
            select(func.count()).select_from(SamplingPick).where(SamplingPick.plan_id == plan.id)
        )
    )
    return PlanInfo(
        id=plan.id,
        uid=plan.uid,
        period=plan.period,
        seed=plan.seed,
        status=PlanStatus(plan.status).value,
        created_at=plan.created_at,
        accepted_at=plan.accepted_at,
        purchases_requested=params.get("purchases"),
        budget_cents=params.get("budget_cents"),
        cost_cents=int(params.get("cost_cents") or 0),
        allow_repeat=bool(params.get("allow_repeat")),
        warnings=list(params.get("warnings") or []),
        allocation=dict(params.get("allocation") or {}),
        pick_count=int(count or 0),
        picks=picks,
    )


#: Who may read sampling plans and their picks: they name the next purchases, which a
#: merchant manager (who talks to merchants) must not know (docs/team-server.md).
PLAN_READERS = RECORDERS


def may_read_plans(role: Role | None) -> bool:
    return role in PLAN_READERS


def list_plans(ctx: Context, month: str | None = None) -> list[PlanInfo]:
    """Plans (without their picks), newest first; of one month when given."""
    ctx.require(*PLAN_READERS, action=t("read sampling plans"))
    q = select(SamplingPlan).order_by(SamplingPlan.created_at.desc(), SamplingPlan.id.desc())
    if month:
        q = q.where(SamplingPlan.period == _period(month).label)
    with ctx.db.read() as s:
        return [_plan_info(s, p, with_picks=False) for p in s.scalars(q)]


def get_plan(ctx: Context, plan_id: int) -> PlanInfo:
    ctx.require(*PLAN_READERS, action=t("read sampling plans"))
    with ctx.db.read() as s:
        plan = s.get(SamplingPlan, plan_id)
        if plan is None:
            raise NotFound(t("No sampling plan with id {id}", id=plan_id))
        return _plan_info(s, plan)


def _refuse_second_accept(s: Session, period: str, *, lock: bool = True) -> None:
    """One accepted plan per month: a second would plan the month's purchases twice.

    The month's plans are locked (FOR UPDATE on PostgreSQL; SQLite's BEGIN IMMEDIATE already
    excludes other writers), so two managers accepting two drafts at once cannot both pass."""
    q = select(SamplingPlan).where(SamplingPlan.period == period).order_by(SamplingPlan.id)
    plans = s.scalars(q.with_for_update() if lock else q).all()
    accepted = [p for p in plans if p.status == PlanStatus.ACCEPTED]
    if accepted:
        raise ConflictError(t(
            "{month} already has an accepted sampling plan (plan {id}); accepting another one "
            "would plan the month's purchases twice",
            month=period, id=accepted[0].id,
        ))


def check_month_can_accept(ctx: Context, month: str) -> None:
    """Refuse (ConflictError) when `month` already has an accepted plan: asked before drawing
    a plan that is to be accepted at once."""
    ctx.require(*MANAGERS, action=t("make sampling plans"))
    period = _period(month)
    with ctx.db.read() as s:
        _refuse_second_accept(s, period.label, lock=False)


def accept_plan(ctx: Context, plan_id: int) -> PlanInfo:
    """Turn a draft plan's picks into planned purchases (unclaimed) in one transaction."""
    ctx.require(*MANAGERS, action=t("accept sampling plans"))
    with ctx.db.write() as s:
        plan = s.get(SamplingPlan, plan_id)
        if plan is None:
            raise NotFound(t("No sampling plan with id {id}", id=plan_id))
        if plan.status != PlanStatus.DRAFT:
            raise ConflictError(t(
                "Plan {id} is already {status}", id=plan_id, status=plan_status_label(plan.status)
            ))
        _refuse_second_accept(s, plan.period)
        picks = s.scalars(
            select(SamplingPick).where(SamplingPick.plan_id == plan.id).order_by(SamplingPick.id)
        ).all()
        s.add_all(
            Purchase(
                merchant_id=p.merchant_id,
                product_id=p.product_id,
                status=PurchaseStatus.PLANNED,
                plan_pick_id=p.id,
                notes=f"Sampling plan {plan.period} #{plan.id}: {p.reason}",
                created_by_id=ctx.actor_id,
            )
            for p in picks
        )
        plan.status, plan.accepted_at = PlanStatus.ACCEPTED, now()
        s.flush()
        logger.info("plan %s accepted: %d planned purchases", plan.id, len(picks))
        return _plan_info(s, plan)


def discard_plan(ctx: Context, plan_id: int) -> None:
    """Delete a draft plan and its picks (an accepted plan stays: its purchases refer to it)."""
    ctx.require(*MANAGERS, action=t("discard sampling plans"))
    with ctx.db.write() as s:
        plan = s.get(SamplingPlan, plan_id)
        if plan is None:
            raise NotFound(t("No sampling plan with id {id}", id=plan_id))
        if plan.status != PlanStatus.DRAFT:
            raise ConflictError(t("Plan {id} is accepted; it cannot be discarded", id=plan_id))
        s.execute(delete(SamplingPick).where(SamplingPick.plan_id == plan.id))
        s.delete(plan)


def claim(ctx: Context, purchase_id: int) -> PurchaseInfo:
    """The acting inspector takes a planned purchase on (sets its inspector to themselves)."""
    actor = ctx.require(*RECORDERS, action=t("claim planned purchases"))
    if not ctx.actor_id:
        raise ValidationError(t("Only a named user can claim a purchase"))
    with ctx.db.write() as s:
        p = s.scalar(select(Purchase).where(Purchase.id == purchase_id).with_for_update())
        if p is None or p.deleted_at is not None:
            raise NotFound(t("No purchase with id {id}", id=purchase_id))
        if p.status != PurchaseStatus.PLANNED:
            raise ConflictError(t(
                "Purchase {id} is {status}", id=purchase_id, status=purchase_status_label(p.status)
            ))
        if p.inspector_id not in (None, actor.id):
            holder = s.get(User, p.inspector_id)
            raise ConflictError(t(
                "Purchase {id} is already claimed by {name}",
                id=purchase_id, name=holder.display_name if holder else p.inspector_id,
            ))
        p.inspector_id = actor.id
        s.flush()
        return purchase_info(s, p, actor.role)


def unclaim(ctx: Context, purchase_id: int) -> PurchaseInfo:
    """Give a claimed, still planned purchase back (its inspector, or a manager)."""
    actor = ctx.require(*RECORDERS, action=t("give back planned purchases"))
    with ctx.db.write() as s:
        p = get_live(s, Purchase, purchase_id, "purchase")
        if p.status != PurchaseStatus.PLANNED:
            raise ConflictError(t(
                "Purchase {id} is {status}", id=purchase_id, status=purchase_status_label(p.status)
            ))
        if p.inspector_id not in (None, actor.id) and actor.role not in MANAGERS:
            raise ConflictError(t("Purchase {id} was claimed by someone else", id=purchase_id))
        p.inspector_id = None
        s.flush()
        return purchase_info(s, p, actor.role)
