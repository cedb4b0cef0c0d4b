"""What the team spent in a period (spend, refunds, net cost, how goods ended) and the
review decisions of a period, as figures of services/stats.py; the sampler's net-cost share.

docs/domain.md, "What the team spent": a period's spend is what was paid for its purchases
(the same purchases its other figures count: ordered in the period), refunds are those of
its returned goods, net cost = spend − refunds.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from inspector_app.db.models import Merchant, Purchase, ReviewDecisionRecord
from inspector_app.domain import clock
from inspector_app.domain.enums import GoodsDisposition, PurchaseStatus
from inspector_app.domain.spend import recovered_share
from inspector_app.services.context import Context

logger = logging.getLogger(__name__)

#: Days of purchases whose refunds estimate what the sampler's picks will really cost.
NET_COST_DAYS = 365


def period_spend(s: Session, conditions) -> dict[str, int]:
    """Spend figures over the purchases matching `conditions` (one aggregate query)."""
    p = Purchase
    returned = p.disposition == GoodsDisposition.RETURNED.value
    row = s.execute(
        select(
            func.coalesce(func.sum(p.price_paid_cents), 0),
            func.coalesce(func.sum(case((returned, p.refund_cents), else_=0)), 0),
            func.count().filter(returned & p.lightning_refund.is_(True)),
            func.count().filter(returned),
            func.count().filter(p.disposition == GoodsDisposition.SAMPLE.value),
            func.count().filter(p.disposition == GoodsDisposition.DISPOSED.value),
            func.count().filter(
                p.disposition.is_(None),
                p.status.in_([PurchaseStatus.RECEIVED.value, PurchaseStatus.INSPECTED.value]),
            ),
        ).where(*conditions)
    ).one()
    spend, refunds, lightning, ret, kept, disposed, open_ = (int(x or 0) for x in row)
    return {
        "spend_cents": spend,
        "refunds_cents": refunds,
        "net_cost_cents": spend - refunds,
        "lightning_refunds": lightning,
        "goods_returned": ret,
        "goods_kept": kept,
        "goods_disposed": disposed,
        "goods_undecided": open_,
    }


def period_decisions(s: Session, label: str) -> list[tuple[str, str, str, str, str]]:
    """(month, shop id, name, decision, reason) of the review decisions of a month ('2026-05')
    or a year ('2026'), oldest first."""
    rd = ReviewDecisionRecord
    cond = rd.month == label if len(label) == 7 else rd.month.like(f"{label}-%")
    return [
        (month, shop, name, str(getattr(decision, "value", decision)), reason)
        for month, shop, name, decision, reason in s.execute(
            select(rd.month, Merchant.shop_id, Merchant.name, rd.decision, rd.reason)
            .join(Merchant, Merchant.id == rd.merchant_id)
            .where(cond)
            .order_by(rd.decided_at, rd.id)
        )
    ]


def net_cost_share(ctx: Context, *, now: datetime | None = None) -> float:
    """The share of the price the last year's refunds gave back (0 without refunds): the
    sampler counts each pick at price × (1 − share) against its budget."""
    since = (now or clock.now()) - timedelta(days=NET_COST_DAYS)
    p = Purchase
    with ctx.db.read() as s:
        spend, refunds = s.execute(
            select(
                func.coalesce(func.sum(p.price_paid_cents), 0),
                func.coalesce(func.sum(
                    case((p.disposition == GoodsDisposition.RETURNED.value, p.refund_cents),
                         else_=0)), 0),
            ).where(p.deleted_at.is_(None), p.ordered_at >= since,
                    p.disposition.is_not(None), p.price_paid_cents.is_not(None))
        ).one()
    return recovered_share(int(spend or 0), int(refunds or 0))
