"""Small builders the service tests share: a merchant, a received purchase, a finding, a case."""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta

from sqlalchemy import func, select

from inspector_app.db.models import CaseEvent, RectificationCase
from inspector_app.domain import clock
from inspector_app.domain.enums import CaseStatus, PurchaseStatus, Severity
from inspector_app.services import cases, findings, merchants, purchases
from inspector_app.services.context import Context
from tests.unit.expected_workflow import PATH_TO

_counter = itertools.count(1)


def now() -> datetime:
    return clock.now()


def make_merchant(ctx: Context, shop_id: str | None = None, name: str = "Acme Store"):
    return merchants.create_merchant(ctx, shop_id or f"shop-{next(_counter)}", name)


def received_input(merchant_id: int, **kw) -> purchases.PurchaseInput:
    """A valid form for a purchase that has arrived (ordered three days ago, received today)."""
    base = dict(
        merchant_id=merchant_id,
        order_number=f"ORD-{next(_counter):06d}",
        ordered_at=now() - timedelta(days=3),
        received_at=now() - timedelta(hours=1),
        price_paid="129.90",
        buyer_alias="buyer-77",
        delivery_address="No. 1 Road, Hangzhou",
        status=PurchaseStatus.RECEIVED,
    )
    base.update(kw)
    return purchases.PurchaseInput(**base)


def make_purchase(ctx: Context, merchant_id: int, **kw):
    return purchases.create_purchase(ctx, received_input(merchant_id, **kw))


def make_finding(ctx: Context, purchase_id: int, severity=Severity.MAJOR, title="Seam splits"):
    return findings.add_finding(
        ctx, purchase_id,
        findings.FindingInput(category="product_quality", severity=severity, title=title),
    )


def case_at(ctx: Context, purchase_id: int, status: CaseStatus):
    """A new case (on a new finding of the purchase) driven to `status` by ctx (an admin)."""
    f = make_finding(ctx, purchase_id, title=f"Defect {next(_counter)}")
    info = cases.open_case(ctx, [f.id])
    for target, note in PATH_TO[status]:
        info = cases.advance(ctx, info.case_number, target, note)
    assert info.status == status
    return info


def count(ctx: Context, model) -> int:
    with ctx.db.read() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def event_count(ctx: Context, case_number: str) -> int:
    with ctx.db.read() as s:
        return s.scalar(
            select(func.count()).select_from(CaseEvent)
            .join(RectificationCase, RectificationCase.id == CaseEvent.case_id)
            .where(RectificationCase.case_number == case_number)
        ) or 0
