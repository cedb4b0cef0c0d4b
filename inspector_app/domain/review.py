"""The monthly merchant review's rules: who is a candidate this month, why, and what to suggest.

docs/domain.md, "The monthly merchant review". Besides the weighted risk score
(domain/risk.py), two rules make a merchant a candidate on their own, because a score that
averages seven factors can leave a merchant that fails one of them badly in the middle of
the ranking:

- most work orders over 72 h: of the after-sales work orders applied for in the month
  (at least `min_work_orders`), more than `late_share` took over `late_hours` to be
  handled (or are still unhandled after that long);
- complaints surging against the merchant's own history: at least `surge_min` complaints
  in the month and at least `surge_ratio` times its average month over the
  `history_months` before (a merchant with no history is compared with one a month).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from inspector_app.domain.enums import MerchantStatus, ReviewDecision, ReviewReason

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReviewRules:
    """The thresholds of the review's own rules (defaults documented in the module docstring)."""

    #: A work order is late past this many hours.
    late_hours: float = 72.0
    #: "Most": more than this share of the month's work orders.
    late_share: float = 0.5
    #: Fewer work orders than this say nothing about "most".
    min_work_orders: int = 5
    #: A surge: at least this many times the merchant's average month.
    surge_ratio: float = 3.0
    #: ... and at least this many complaints in the month.
    surge_min: int = 10
    #: Months before the reviewed one that make the merchant's own history.
    history_months: int = 6


@dataclass(frozen=True)
class MonthEvidence:
    """One merchant's counts for the reviewed month."""

    merchant_id: int
    #: After-sales work orders applied for in the month, and how many of them took (or
    #: have been waiting) over `late_hours`.
    work_orders: int = 0
    over_late: int = 0
    complaints: int = 0
    #: Complaints in the `history_months` before the month.
    complaint_history: int = 0


def complaint_baseline(e: MonthEvidence, rules: ReviewRules) -> float:
    """The merchant's average complaints per month before the reviewed one."""
    return e.complaint_history / rules.history_months if rules.history_months > 0 else 0.0


def mostly_late(e: MonthEvidence, rules: ReviewRules) -> bool:
    return e.work_orders >= rules.min_work_orders and e.over_late > rules.late_share * e.work_orders


def complaints_surge(e: MonthEvidence, rules: ReviewRules) -> bool:
    baseline = max(complaint_baseline(e, rules), 1.0)
    return e.complaints >= rules.surge_min and e.complaints >= rules.surge_ratio * baseline


def reasons(e: MonthEvidence, rules: ReviewRules, *, by_score: bool) -> tuple[ReviewReason, ...]:
    """Why the merchant is a candidate (empty: it is not). `by_score`: the weighted score
    suggests more than the merchant's status already is."""
    out = []
    if mostly_late(e, rules):
        out.append(ReviewReason.LATE_WORK_ORDERS)
    if complaints_surge(e, rules):
        out.append(ReviewReason.COMPLAINT_SURGE)
    if by_score:
        out.append(ReviewReason.RISK_SCORE)
    return tuple(out)


def suggestion(
    status: MerchantStatus, why: tuple[ReviewReason, ...], score_says_eliminate: bool
) -> ReviewDecision | None:
    """What to propose for a candidate: elimination when the score reaches its threshold,
    suspension for a merchant already on watch, else watch; None for no candidate."""
    if not why:
        return None
    if score_says_eliminate:
        return ReviewDecision.ELIMINATE
    if status == MerchantStatus.WATCH:
        return ReviewDecision.SUSPEND
    return ReviewDecision.WATCH


#: The merchant status a decision puts a merchant in (None: the status stays).
DECISION_STATUS: dict[ReviewDecision, MerchantStatus | None] = {
    ReviewDecision.WATCH: MerchantStatus.WATCH,
    ReviewDecision.SUSPEND: MerchantStatus.SUSPENDED,
    ReviewDecision.ELIMINATE: MerchantStatus.ELIMINATED,
    ReviewDecision.NO_ACTION: None,
}
#: Statuses reviewed each month (still selling); the others are shown apart.
REVIEWED_STATUSES = (MerchantStatus.ACTIVE, MerchantStatus.WATCH)
