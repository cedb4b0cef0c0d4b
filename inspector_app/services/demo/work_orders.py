"""Demo complaints and after-sales work orders: more, and slower to handle, at riskier shops."""

from __future__ import annotations

import logging
import math
import random
from collections.abc import Iterator
from datetime import datetime, timedelta

from inspector_app.domain import workorders as rules
from inspector_app.domain.enums import MerchantStatus, WorkOrderKind, WorkOrderResult
from inspector_app.services.demo.common import CST, Clock, Randomness, stamp
from inspector_app.services.demo.people import DemoMerchant

logger = logging.getLogger(__name__)

#: Days of work orders the demo writes (the risk model's window is 180).
WINDOW_DAYS = 200
#: After-sales work orders per merchant over the window, for an average merchant.
AFTER_SALES_PER_MERCHANT = 36
#: Complaints per after-sales work order, for an average merchant.
COMPLAINT_SHARE = 0.12
AFTER_SALES_TYPES = ("质量问题", "尺码不符", "七天无理由退货", "物流破损", "描述不符", "少件漏发")
COMPLAINT_TYPES = ("商品质量", "虚假宣传", "售后推诿", "发货超时", "假冒商品")
OUTCOMES = ("退货退款", "换货", "部分退款", "补发", "驳回", "协商一致")


def work_order_rows(rand: Randomness, clock: Clock, merchants: list[DemoMerchant]) -> Iterator[dict]:
    """Rows for the work_orders table; times in UTC, the source key as the importer writes it."""
    serial = 0
    for m in merchants:
        if m.status == MerchantStatus.ELIMINATED and m.eliminated_at is not None:
            end = m.eliminated_at
        else:
            end = clock.now
        volume = AFTER_SALES_PER_MERCHANT * m.weight * (0.6 + 0.4 * m.risk)
        n_after = max(0, round(volume * rand.between(0.6, 1.4)))
        n_complaints = max(0, round(n_after * COMPLAINT_SHARE * m.risk * rand.between(0.5, 1.5)))
        for kind, n, types in (
            (WorkOrderKind.AFTER_SALES, n_after, AFTER_SALES_TYPES),
            (WorkOrderKind.COMPLAINT, n_complaints, COMPLAINT_TYPES),
        ):
            for _ in range(n):
                serial += 1
                day = end - timedelta(days=rand.between(0, WINDOW_DAYS))
                applied = clock.working_time(rand, day)
                if applied >= clock.now:
                    applied = clock.now - timedelta(hours=rand.between(1, 48))
                # Riskier shops take longer to first handle an order (docs/domain.md: 24/48/72 h).
                first = applied + rand.hours(10 * m.risk, 0.9)
                first = None if first >= clock.now else first
                closed = None
                if first is not None:
                    closed = first + rand.hours(30, 0.7)
                    closed = None if closed >= clock.now else closed
                order_ref = f"DM{serial:08d}"
                wall = applied.astimezone(CST).replace(tzinfo=None).isoformat()
                stages = _stages(random.Random(f"{m.shop_id}|{order_ref}"), m.risk, kind,
                                 applied, first, closed, clock.now)
                yield stamp(
                    rand, applied, None,
                    merchant_id=m.id, kind=kind, order_ref=order_ref, type=rand.pick(types),
                    applied_at=applied, first_handled_at=first, closed_at=closed,
                    outcome=_outcome(rand.pick(OUTCOMES), stages["result"]) if closed else "",
                    source_key=f"{m.shop_id}|{kind.value}|{order_ref}|{wall}",
                    **stages,
                )


#: The outcome text of the results that name themselves.
_RESULT_TEXT = {WorkOrderResult.CANCELLED: "已取消", WorkOrderResult.REJECTED: "驳回",
                WorkOrderResult.LIGHTNING_REFUND: "闪电退款"}


def _outcome(picked: str, result: WorkOrderResult | None) -> str:
    """The outcome text agreeing with the result (the import reads one from the other)."""
    if result in _RESULT_TEXT:
        return _RESULT_TEXT[result]
    return "协商一致" if picked == "驳回" else picked


#: Results of closed demo work orders and their weights.
_RESULTS = ((WorkOrderResult.COMPLETED, 0.75), (WorkOrderResult.CANCELLED, 0.08),
            (WorkOrderResult.REJECTED, 0.07), (WorkOrderResult.LIGHTNING_REFUND, 0.10))


def _stages(rng: random.Random, risk: float, kind: WorkOrderKind, applied: datetime,
            first: datetime | None, closed: datetime | None, now: datetime) -> dict:
    """Result, stage times and service duration of one demo work order. A generator of its
    own (seeded by shop and order) so the rest of the demo draws what it always drew."""

    def hours(median: float) -> timedelta:
        return timedelta(hours=median * math.exp(rng.gauss(0.0, 0.7)))

    result = None
    if closed is not None:
        x, result = rng.random(), WorkOrderResult.COMPLETED
        for value, weight in _RESULTS:
            if x < weight:
                result = value
                break
            x -= weight
    review = applied + (first - applied) * rng.uniform(0.1, 0.6) if first else None
    out: dict = dict.fromkeys(("pickup_at", "return_info_at", "arrived_at", "signed_at",
                               "stocked_at"))
    if kind == WorkOrderKind.AFTER_SALES and result not in rules.NO_RETURN:
        slow = 0.5 + risk
        pickup = (review or applied) + hours(10 * slow)
        arrived = pickup + hours(40 * slow)
        signed = arrived + timedelta(hours=rng.uniform(0, 2))
        times = {"pickup_at": pickup, "return_info_at": pickup + hours(12),
                 "arrived_at": arrived, "signed_at": signed,
                 "stocked_at": signed + hours(12 * slow)}
        end = closed or now
        out.update({k: v for k, v in times.items() if v < end})
    out["first_reviewed_at"] = review
    out["result"] = result
    out["duration_hours"] = rules.service_duration(applied, result, review, first, closed)
    return out
