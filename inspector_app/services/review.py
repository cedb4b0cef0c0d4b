"""The monthly merchant review: who to act on this month, with the evidence behind each.

docs/domain.md, "The monthly merchant review". Merchants still selling (active, on watch)
are reviewed; suspended and eliminated ones are listed apart. A merchant is a candidate
when one of the review's own rules holds (domain/review.py) or the weighted risk score
(services/risk.py, as of the month's end) suggests more than its status already is.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from sqlalchemy import bindparam, case, func, or_, select

from inspector_app.db.base import UTCDateTime
from inspector_app.db.models import Finding, Merchant, Purchase, RectificationCase, WorkOrder
from inspector_app.domain import clock
from inspector_app.domain import review as rules_model
from inspector_app.domain import risk as risk_model
from inspector_app.domain.enums import MerchantStatus, Verdict, WorkOrderKind, WorkOrderStage
from inspector_app.domain.errors import ValidationError
from inspector_app.domain.messages import t
from inspector_app.domain.metrics import median, percentile
from inspector_app.domain.workflow import ACTIVE_STATUSES
from inspector_app.services import risk, workorders
from inspector_app.services.context import Context
from inspector_app.services.review_decisions import DecisionInfo, month_decisions
from inspector_app.services.stats import Period, live_purchases

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReviewRow:
    merchant_id: int
    shop_id: str
    name: str
    category: str
    status: str
    candidate: bool
    #: domain.enums.ReviewReason values, in the order of the rules.
    reasons: tuple[str, ...]
    #: The suggested decision (domain.enums.ReviewDecision value) or None.
    suggestion: str | None
    score: float | None
    #: What the score's thresholds alone say: none / watch / eliminate.
    score_candidate: str
    #: The score's main factors, as a reader sees them ("risk 72 (complaints 3.1/mo, ...)").
    score_reason: str
    #: After-sales work orders applied for in the month, and their handling hours.
    work_orders: int
    over_72h: int
    unhandled: int
    duration_median: float | None
    duration_p90: float | None
    complaints: int
    #: The merchant's average complaints per month over the months before.
    complaint_baseline: float
    #: Findings on, and failed verdicts of, the purchases ordered in the month.
    findings: int
    failed_purchases: int
    overdue_cases: int
    #: The month's work orders with at least one stage past its limit (as of the month's
    #: end; services/workorders.late_clause), and how many per stage (WorkOrderStage value).
    stage_breaches: int = 0
    breaches_by_stage: dict[str, int] = field(default_factory=dict)
    #: The month's decision so far (latest), if any.
    decision: str | None = None
    decision_reason: str = ""

    @property
    def share_over_72h(self) -> float | None:
        return self.over_72h / self.work_orders if self.work_orders else None

    def to_json(self) -> dict:
        return {
            "shop_id": self.shop_id, "name": self.name, "category": self.category,
            "status": self.status, "candidate": self.candidate, "reasons": list(self.reasons),
            "suggestion": self.suggestion, "score": self.score,
            "score_candidate": self.score_candidate, "score_reason": self.score_reason,
            "work_orders": self.work_orders, "over_72h": self.over_72h,
            "share_over_72h": self.share_over_72h, "unhandled": self.unhandled,
            "duration_median_h": self.duration_median, "duration_p90_h": self.duration_p90,
            "complaints": self.complaints, "complaint_baseline": self.complaint_baseline,
            "findings": self.findings, "failed_purchases": self.failed_purchases,
            "overdue_cases": self.overdue_cases, "stage_breaches": self.stage_breaches,
            "breaches_by_stage": dict(self.breaches_by_stage), "decision": self.decision,
            "decision_reason": self.decision_reason,
        }


@dataclass(frozen=True)
class MonthReview:
    month: str
    #: The instant the evidence is taken at: the month's end, or now during the month.
    as_of: datetime
    rules: rules_model.ReviewRules
    #: Merchants still selling, candidates first (riskiest first), then the others.
    rows: list[ReviewRow] = field(default_factory=list)
    #: Suspended and eliminated merchants, apart.
    apart: list[ReviewRow] = field(default_factory=list)
    decisions: list[DecisionInfo] = field(default_factory=list)

    @property
    def candidates(self) -> list[ReviewRow]:
        return [r for r in self.rows if r.candidate]


def parse_month(text: str) -> Period:
    """'2026-11' -> that month; a year or anything else: one clear error."""
    period = Period.parse(text)
    if len(period.label) != 7:
        raise ValidationError(t("'{text}' is not a month (2026-10)", text=text[:40]))
    return period


def _hours(dialect: str, start, end):
    if dialect == "postgresql":
        return func.extract("epoch", end - start) / 3600.0
    return (func.julianday(end) - func.julianday(start)) * 24.0


def _shift_months(d: date, months: int) -> date:
    y, m = divmod(d.year * 12 + d.month - 1 + months, 12)
    return date(y, m + 1, 1)


def month_review(
    ctx: Context, month: str, *, rules: rules_model.ReviewRules | None = None,
    now: datetime | None = None,
) -> MonthReview:
    """The review of one month: every live merchant with its evidence and candidacy."""
    rules = rules or rules_model.ReviewRules()
    period = parse_month(month)
    a, b = period.bounds()
    now = (now or clock.now()).astimezone(UTC)
    if now < a:
        raise ValidationError(t("{month} has not started yet", month=period.label))
    as_of = min(b, now)
    history = Period(_shift_months(period.start, -rules.history_months), period.start, "")
    h, _ = history.bounds()
    dialect = ctx.db.engine.dialect.name
    wo = WorkOrder
    at = bindparam("as_of", as_of, type_=UTCDateTime())
    with ctx.db.read() as s:
        merchants = s.execute(
            select(Merchant.id, Merchant.shop_id, Merchant.name, Merchant.category,
                   Merchant.status)
            .where(Merchant.deleted_at.is_(None)).order_by(Merchant.id)
        ).all()
        hours: dict[int, list[float]] = defaultdict(list)
        unhandled: dict[int, int] = defaultdict(int)
        # The month's after-sales work orders from ix_work_orders_kind_applied alone: the
        # service duration by the platform's definition (migration 0009), or, while the
        # merchant has not reviewed or handled it, its age at the month's end.
        for mid, took, handled in s.execute(
            select(wo.merchant_id,
                   func.coalesce(wo.duration_hours, _hours(dialect, wo.applied_at, at)),
                   wo.duration_hours.is_not(None))
            .where(wo.kind == WorkOrderKind.AFTER_SALES.value, wo.applied_at >= a,
                   wo.applied_at < b)
        ).all():
            hours[mid].append(max(0.0, float(took)))
            unhandled[mid] += not handled
        breaches = _stage_breaches(ctx, s, dialect, a, b, as_of)
        complaints = {
            mid: (int(now_n or 0), int(before or 0))
            for mid, now_n, before in s.execute(
                select(wo.merchant_id,
                       func.sum(case((wo.applied_at >= a, 1), else_=0)),
                       func.sum(case((wo.applied_at < a, 1), else_=0)))
                .where(wo.kind == WorkOrderKind.COMPLAINT.value, wo.applied_at >= h,
                       wo.applied_at < b)
                .group_by(wo.merchant_id)
            )
        }
        # Findings on the purchases ordered in the month: the basis of the monthly figures
        # (docs/domain.md, "The figures").
        p = Purchase
        month_purchases = live_purchases(a, b)
        failed = dict(s.execute(
            select(p.merchant_id, func.count())
            .where(*month_purchases, p.verdict == Verdict.FAIL.value).group_by(p.merchant_id)
        ).all())
        findings = dict(s.execute(
            select(p.merchant_id, func.count(Finding.id))
            .join(Finding, Finding.purchase_id == p.id)
            .where(*month_purchases, Finding.deleted_at.is_(None)).group_by(p.merchant_id)
        ).all())
        rc = RectificationCase
        overdue = dict(s.execute(
            select(rc.merchant_id, func.count())
            .where(rc.status.in_([st.value for st in ACTIVE_STATUSES]),
                   rc.due_date < as_of.astimezone().date())
            .group_by(rc.merchant_id)
        ).all())
    scored = {r.merchant_id: r for r in risk.ranking(ctx, now=as_of)}
    decided = month_decisions(ctx, period.label)
    latest = {d.merchant_id: d for d in decided}  # oldest first: the last one wins
    rows: list[ReviewRow] = []
    apart: list[ReviewRow] = []
    for m in merchants:
        status = MerchantStatus(m.status)
        hrs = sorted(hours.get(m.id, ()))
        late = sum(1 for x in hrs if x > rules.late_hours)
        n_now, n_before = complaints.get(m.id, (0, 0))
        ev = rules_model.MonthEvidence(m.id, len(hrs), late, n_now, n_before)
        r = scored.get(m.id)
        by_score = bool(r and r.is_new_candidate) and status in rules_model.REVIEWED_STATUSES
        why = rules_model.reasons(ev, rules, by_score=by_score)
        if status not in rules_model.REVIEWED_STATUSES:
            why = ()
        elim = r is not None and r.candidate == risk_model.Candidate.ELIMINATE.value
        suggestion = rules_model.suggestion(status, why, elim)
        d = latest.get(m.id)
        row = ReviewRow(
            merchant_id=m.id, shop_id=m.shop_id, name=m.name, category=m.category or "",
            status=status.value, candidate=bool(why), reasons=tuple(x.value for x in why),
            suggestion=suggestion.value if suggestion else None,
            score=r.score if r else None,
            score_candidate=r.candidate if r else risk_model.Candidate.NONE.value,
            score_reason=r.reason if r else "",
            work_orders=len(hrs), over_72h=late, unhandled=unhandled.get(m.id, 0),
            duration_median=median(hrs), duration_p90=percentile(hrs, 90),
            complaints=n_now,
            complaint_baseline=round(rules_model.complaint_baseline(ev, rules), 2),
            findings=int(findings.get(m.id, 0)), failed_purchases=int(failed.get(m.id, 0)),
            overdue_cases=int(overdue.get(m.id, 0)),
            stage_breaches=breaches.get(m.id, (0, {}))[0],
            breaches_by_stage=breaches.get(m.id, (0, {}))[1],
            decision=d.decision if d else None, decision_reason=d.reason if d else "",
        )
        (rows if status in rules_model.REVIEWED_STATUSES else apart).append(row)

    def order(r: ReviewRow):
        return (not r.candidate, -(r.score or 0.0), r.shop_id)

    rows.sort(key=order)
    apart.sort(key=order)
    return MonthReview(period.label, as_of, rules, rows, apart, decided)


def _stage_breaches(
    ctx: Context, s, dialect: str, a: datetime, b: datetime, as_of: datetime
) -> dict[int, tuple[int, dict[str, int]]]:
    """{merchant id: (work orders with a late stage, {stage: late work orders})} over the
    month's after-sales work orders, each stage judged by the team's limits as of `as_of`
    (docs/domain.md, "Work-order warnings")."""
    limits = workorders.stage_limits(ctx)
    wo = WorkOrder
    late = {st: workorders.late_clause(st, limits[st], as_of, dialect) for st in WorkOrderStage}
    rows = s.execute(
        select(wo.merchant_id, func.count().filter(or_(*late.values())),
               *(func.count().filter(clause) for clause in late.values()))
        .where(wo.kind == WorkOrderKind.AFTER_SALES.value, wo.applied_at >= a,
               wo.applied_at < b)
        .group_by(wo.merchant_id)
    ).all()
    return {
        mid: (int(any_late), {st.value: int(n) for st, n in zip(late, per, strict=True) if n})
        for mid, any_late, *per in rows if any_late
    }


def history_start(period: Period, rules: rules_model.ReviewRules) -> date:
    """The first day of the merchant's own complaint history for `period` (for tests/docs)."""
    return _shift_months(period.start, -rules.history_months)
