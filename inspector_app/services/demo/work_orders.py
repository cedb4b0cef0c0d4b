"""Demo complaints and after-sales work orders: more, and slower to handle, at riskier shops."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import timedelta

from inspector_app.domain.enums import MerchantStatus, WorkOrderKind
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
                yield stamp(
                    rand, applied, None,
                    merchant_id=m.id, kind=kind, order_ref=order_ref, type=rand.pick(types),
                    applied_at=applied, first_handled_at=first, closed_at=closed,
                    outcome=rand.pick(OUTCOMES) if closed else "",
                    source_key=f"{m.shop_id}|{kind.value}|{order_ref}|{wall}",
                )
