"""Recording the monthly review's decisions (watch, suspend, eliminate, no action), one or many at once.

docs/domain.md, "The monthly merchant review". One call is one transaction: every merchant
of the batch gets its decision, and a decision that changes a merchant's status writes the
same status history a manual change writes (merchant_status_changes), or nothing is saved.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from inspector_app.db.models import Merchant, MerchantStatusChange, ReviewDecisionRecord
from inspector_app.domain import review as rules_model
from inspector_app.domain.enums import MerchantStatus, ReviewDecision
from inspector_app.domain.errors import NotFound, ValidationError
from inspector_app.domain.messages import t
from inspector_app.services.common import clean_text, now
from inspector_app.services.context import MANAGERS, Context

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class DecisionInfo:
    id: int
    month: str
    merchant_id: int
    shop_id: str
    name: str
    decision: str
    reason: str
    from_status: str
    #: The status the decision put the merchant in (None: it stayed).
    to_status: str | None
    decided_at: datetime
    decided_by: str
    batch: str

    def to_json(self) -> dict:
        return {
            "month": self.month, "shop_id": self.shop_id, "name": self.name,
            "decision": self.decision, "reason": self.reason, "from_status": self.from_status,
            "to_status": self.to_status, "decided_at": self.decided_at.isoformat(),
            "decided_by": self.decided_by,
        }


def may_decide(ctx: Context) -> bool:
    """Whether the acting user may record review decisions (menus and buttons ask this)."""
    return ctx.actor is not None and ctx.actor.role in MANAGERS


def record_decisions(
    ctx: Context, month: str, merchant_ids: Iterable[int], decision: ReviewDecision | str,
    reason: str,
) -> list[DecisionInfo]:
    """Record one decision with its reason for every merchant given, in one transaction."""
    from inspector_app.services.review import parse_month

    ctx.require(*MANAGERS, action=t("record review decisions"))
    label = parse_month(month).label
    try:
        decision = ReviewDecision(decision)
    except ValueError:
        raise ValidationError(
            t("Unknown decision '{decision}': watch, suspend, eliminate or no_action",
              decision=str(decision)[:40]), field="decision") from None
    reason = clean_text(reason, "reason")
    if not reason:
        raise ValidationError(t("Say why you decide this"), field="reason")
    ids = list(dict.fromkeys(int(i) for i in merchant_ids))
    if not ids:
        raise ValidationError(t("Choose at least one merchant"), field="merchants")
    target = rules_model.DECISION_STATUS[decision]
    batch = str(uuid.uuid4())
    ids_written: list[int] = []
    with ctx.db.write() as s:
        found = {m.id: m for m in s.scalars(select(Merchant).where(Merchant.id.in_(ids)))}
        when = now()
        for mid in ids:
            m = found.get(mid)
            if m is None or m.deleted_at is not None:
                raise NotFound(t("No merchant with id {id}", id=mid))
            change = None
            before = MerchantStatus(m.status)
            if target is not None and before != target:
                change = MerchantStatusChange(
                    merchant_id=m.id, from_status=before, to_status=target, reason=reason,
                    changed_at=when, created_by_id=ctx.actor_id,
                )
                s.add(change)
                s.flush()
                m.status, m.status_reason, m.status_changed_at = target, reason, when
            row = ReviewDecisionRecord(
                month=label, merchant_id=m.id, decision=decision, reason=reason,
                from_status=before, status_change_id=change.id if change else None,
                decided_at=when, batch=batch, created_by_id=ctx.actor_id,
            )
            s.add(row)
            s.flush()
            ids_written.append(row.id)
    return [d for d in month_decisions(ctx, label) if d.id in set(ids_written)]


def month_decisions(ctx: Context, month: str) -> list[DecisionInfo]:
    """The decisions recorded for a month ('2026-11'), oldest first."""
    from inspector_app.db.models import User

    rd = ReviewDecisionRecord
    with ctx.db.read() as s:
        rows = s.execute(
            select(rd, Merchant.shop_id, Merchant.name, MerchantStatusChange.to_status,
                   User.display_name)
            .join(Merchant, Merchant.id == rd.merchant_id)
            .outerjoin(MerchantStatusChange, MerchantStatusChange.id == rd.status_change_id)
            .outerjoin(User, User.id == rd.created_by_id)
            .where(rd.month == month)
            .order_by(rd.decided_at, rd.id)
        ).all()
        return [
            DecisionInfo(
                id=r.id, month=r.month, merchant_id=r.merchant_id, shop_id=shop, name=name,
                decision=ReviewDecision(r.decision).value, reason=r.reason,
                from_status=MerchantStatus(r.from_status).value,
                to_status=MerchantStatus(to).value if to else None,
                decided_at=r.decided_at, decided_by=who or "", batch=r.batch,
            )
            for r, shop, name, to, who in rows
        ]
