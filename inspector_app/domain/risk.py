"""Merchant risk: per-merchant factors shrunk toward their peers, a weighted 0..100 score, candidates.

How the score is built (README-ready text: `weights_markdown()` renders the table):

1. Evidence per merchant comes in as raw counts over the statistics window (services/risk.py):
   complaints and after-sales work orders, the after-sales service durations (median, p90,
   how many over 24/48/72 h), our inspected and failed purchases, overdue rectifications.
2. Each factor is estimated robustly for small samples by shrinking the merchant's own
   figure toward a reference with a prior weight (a Bayesian posterior mean / credibility
   estimate): rate = (events + m * reference) / (exposure + m). A merchant with 1 purchase
   that failed is not "100% defective": with m = 10 and a platform rate of 10% it reads 18%.
3. Each estimate becomes a "badness" in [0, 1) by x / (x + reference): 0 when spotless,
   0.5 when at the reference, 0.75 at three times it. Rates and shares are compared with
   peers (the category's pooled rate when the category has enough merchants, else the
   platform's); hours are compared with the platform's published standards (24 h median,
   48 h for the slow tail); overdue rectifications with one overdue case.
4. The score is 100 * sum(weight * badness) / sum(weight) over the factors the platform has
   data for. So a merchant at the reference on every factor (its peers' rates, the hour
   standards, one overdue case) scores 50; one 1.5 times as bad on everything scores 60
   (the default watch threshold), one 4 times as bad 80 (the default elimination threshold).
   A spotless merchant with little evidence stays near its peers rather than at 0, because
   of the shrinkage. The score is monotonic in every factor.

Complaint and after-sales rates are per month of the window: the database holds the
platform's work orders but not each merchant's order volume; with a volume the same
formulas give per-order rates (set `exposure` to the order count).
"""

from __future__ import annotations

import logging
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

logger = logging.getLogger(__name__)


class Factor(StrEnum):
    DEFECT_RATE = "defect_rate"
    COMPLAINT_RATE = "complaint_rate"
    AFTER_SALES_RATE = "after_sales_rate"
    OVERDUE_CASES = "overdue_cases"
    DURATION_MEDIAN = "duration_median"
    DURATION_P90 = "duration_p90"
    LATE_SHARE = "late_share"


class Candidate(StrEnum):
    """What the thresholds suggest doing with a merchant."""

    NONE = "none"
    WATCH = "watch"
    ELIMINATE = "eliminate"


#: The weights (points of the 100) and why. Timing factors measure one thing three ways,
#: so together they get 25 points, not 3 x 15.
WEIGHTS: dict[Factor, float] = {
    Factor.DEFECT_RATE: 30.0,
    Factor.COMPLAINT_RATE: 20.0,
    Factor.AFTER_SALES_RATE: 10.0,
    Factor.OVERDUE_CASES: 15.0,
    Factor.DURATION_MEDIAN: 7.0,
    Factor.DURATION_P90: 8.0,
    Factor.LATE_SHARE: 10.0,
}

#: Why each factor weighs what it does (rendered into the README by weights_markdown()).
WHY: dict[Factor, str] = {
    Factor.DEFECT_RATE: "Our own inspected purchases that failed: evidence we verified "
    "ourselves, bought anonymously, which a merchant cannot game; the team's core signal.",
    Factor.COMPLAINT_RATE: "Formal complaints: a consumer escalates only when after-sales "
    "failed them; the platform eliminates merchants by reviewing complaints.",
    Factor.AFTER_SALES_RATE: "After-sales work orders: broad but noisy (no-reason returns, "
    "size exchanges; 1-3% by category), so half the weight of complaints and compared "
    "within the category.",
    Factor.OVERDUE_CASES: "Rectifications past their deadline: a merchant that does not fix "
    "what we found is the clearest case for escalation; facts, not a sample, so no shrinkage.",
    Factor.DURATION_MEDIAN: "Typical hours from application to first handling (the platform's "
    "service duration), against the 24 h standard.",
    Factor.DURATION_P90: "The slow tail (90th percentile) against 48 h: the cases the "
    "platform lists as the 100 slowest and flags above 60 h.",
    Factor.LATE_SHARE: "Share of work orders over 24/48/72 h (each over 72 h counts fully, "
    "over 48 h two thirds, over 24 h one third), against peers.",
}

#: Each factor's place in Factor (ties in main_factors keep this order).
_FACTOR_ORDER: dict[Factor, int] = {f: i for i, f in enumerate(Factor)}

#: Short names used in reasons and tables.
LABELS: dict[Factor, str] = {
    Factor.DEFECT_RATE: "defect rate",
    Factor.COMPLAINT_RATE: "complaints",
    Factor.AFTER_SALES_RATE: "after-sales",
    Factor.OVERDUE_CASES: "overdue rectifications",
    Factor.DURATION_MEDIAN: "median handling",
    Factor.DURATION_P90: "p90 handling",
    Factor.LATE_SHARE: "late work orders",
}

#: Hours thresholds of the late-share factor (docs/domain.md, "After-sales service duration").
LATE_HOURS = (24, 48, 72)


@dataclass(frozen=True)
class RiskParams:
    """Priors and standards; the defaults are documented in the module docstring."""

    weights: Mapping[Factor, float] = field(default_factory=lambda: dict(WEIGHTS))
    #: Prior exposure of the complaint and after-sales rates (months of a typical merchant).
    prior_exposure: float = 3.0
    #: Prior count of the defect rate, in inspected purchases.
    prior_inspected: float = 10.0
    #: Credibility constant of a merchant's own durations, in timed work orders.
    prior_timed: float = 10.0
    #: The platform's standard for the median first-handling time, hours.
    median_standard_h: float = 24.0
    #: The standard for the slow tail (p90), hours.
    p90_standard_h: float = 48.0
    #: Overdue cases at which that factor reads 0.5.
    overdue_reference: float = 1.0
    #: A category needs this many merchants to be its own reference for rates.
    min_category_merchants: int = 5


@dataclass(frozen=True)
class MerchantEvidence:
    """Raw counts for one merchant over the statistics window."""

    merchant_id: int
    category: str = ""
    complaints: int = 0
    after_sales: int = 0
    #: Denominator of the complaint/after-sales rates: months in the window (or orders).
    exposure: float = 6.0
    #: Work orders in the timing population, and their duration statistics (hours).
    timed: int = 0
    duration_median: float | None = None
    duration_p90: float | None = None
    over_24h: int = 0
    over_48h: int = 0
    over_72h: int = 0
    inspected: int = 0
    failed: int = 0
    overdue_cases: int = 0

    @property
    def late_points(self) -> float:
        """Work orders late, each counted 1/3 per threshold passed (0..timed)."""
        return (self.over_24h + self.over_48h + self.over_72h) / 3.0


@dataclass(frozen=True)
class References:
    """What merchants are compared with and shrunk toward; None when nobody has data."""

    complaint_rate: float | None = None
    after_sales_rate: float | None = None
    #: category -> (complaint rate, after-sales rate), for categories with enough merchants.
    by_category: Mapping[str, tuple[float, float]] = field(default_factory=dict)
    defect_rate: float | None = None
    duration_median: float | None = None
    duration_p90: float | None = None
    late_share: float | None = None

    def rates_for(self, category: str) -> tuple[float | None, float | None]:
        if category in self.by_category:
            return self.by_category[category]
        return self.complaint_rate, self.after_sales_rate


@dataclass(frozen=True)
class RiskResult:
    merchant_id: int
    score: float
    #: Observed values (not shrunk), for display; None when there was nothing to observe.
    observed: Mapping[Factor, float | None]
    #: The shrunk estimates the score uses.
    estimate: Mapping[Factor, float | None]
    badness: Mapping[Factor, float]
    #: Points of the score each factor contributes (they sum to `score`).
    points: Mapping[Factor, float]
    #: Work orders plus inspected purchases: how much the score rests on this merchant's data.
    evidence: int

    def main_factors(self, n: int = 2) -> list[Factor]:
        """The factors that push the score up most (worse than their reference first)."""
        ranked = sorted(self.points, key=lambda f: (-self.points[f], _FACTOR_ORDER[f]))
        worse = [f for f in ranked if self.badness[f] > 0.5 and self.observed.get(f) is not None]
        return (worse or [f for f in ranked if self.observed.get(f) is not None])[:n]

    def explain(self, n: int = 2) -> str:
        """'risk 78 (complaints 3.1/mo, defect rate 22%)'."""
        parts = [describe(f, self.observed.get(f)) for f in self.main_factors(n)]
        inner = ", ".join(p for p in parts if p)
        return f"risk {self.score:.0f}" + (f" ({inner})" if inner else "")


def describe(factor: Factor, value: float | None) -> str:
    """One factor's observed value as a reader sees it."""
    if value is None:
        return ""
    label = LABELS[factor]
    if factor in (Factor.DEFECT_RATE, Factor.LATE_SHARE):
        return f"{label} {value:.0%}"
    if factor in (Factor.COMPLAINT_RATE, Factor.AFTER_SALES_RATE):
        return f"{label} {value:.1f}/mo"
    if factor in (Factor.DURATION_MEDIAN, Factor.DURATION_P90):
        return f"{label} {value:.0f} h"
    return f"{int(value)} {label}"


def shrink(events: float, exposure: float, reference: float, prior: float) -> float:
    """Posterior mean of a rate: (events + prior * reference) / (exposure + prior)."""
    if exposure + prior <= 0:
        return reference
    return (events + prior * reference) / (exposure + prior)


def relative_badness(value: float, reference: float | None) -> float:
    """value / (value + reference): 0 when spotless, 0.5 at the reference, below 1."""
    if value <= 0:
        return 0.0
    if reference is None or reference <= 0:
        return 1.0
    return value / (value + reference)


def references(
    evidence: Sequence[MerchantEvidence],
    params: RiskParams | None = None,
    *,
    duration_median: float | None = None,
    duration_p90: float | None = None,
) -> References:
    """Pooled platform (and category) values from the merchants' evidence.

    Platform duration median/p90 may be passed in (computed over all work orders); else the
    timed-weighted mean of the merchants' own figures is used.
    """
    p = params or RiskParams()
    exposure = sum(e.exposure for e in evidence)
    comp = sum(e.complaints for e in evidence) / exposure if exposure > 0 else None
    after = sum(e.after_sales for e in evidence) / exposure if exposure > 0 else None
    groups: dict[str, list[MerchantEvidence]] = defaultdict(list)
    for e in evidence:
        groups[e.category].append(e)
    by_cat: dict[str, tuple[float, float]] = {}
    for cat, members in groups.items():
        exp = sum(e.exposure for e in members)
        if cat and len(members) >= p.min_category_merchants and exp > 0:
            by_cat[cat] = (
                sum(e.complaints for e in members) / exp,
                sum(e.after_sales for e in members) / exp,
            )
    inspected = sum(e.inspected for e in evidence)
    timed = [e for e in evidence if e.timed > 0 and e.duration_median is not None]
    n_timed = sum(e.timed for e in timed)
    if duration_median is None and n_timed:
        duration_median = sum(e.timed * (e.duration_median or 0.0) for e in timed) / n_timed
    if duration_p90 is None and n_timed:
        duration_p90 = sum(e.timed * (e.duration_p90 or 0.0) for e in timed) / n_timed
    all_timed = sum(e.timed for e in evidence)
    return References(
        complaint_rate=comp,
        after_sales_rate=after,
        by_category=by_cat,
        defect_rate=sum(e.failed for e in evidence) / inspected if inspected else None,
        duration_median=duration_median,
        duration_p90=duration_p90,
        late_share=sum(e.late_points for e in evidence) / all_timed if all_timed else None,
    )


def _credible(own: float | None, n: int, target: float, k: float) -> float:
    """Credibility-weighted value: n/(n+k) of the merchant's own, the rest the target."""
    if own is None or n <= 0:
        return target
    return (n * own + k * target) / (n + k)


def score(e: MerchantEvidence, refs: References, params: RiskParams | None = None) -> RiskResult:
    """The risk of one merchant against fixed references."""
    p = params or RiskParams()
    ref_comp, ref_after = refs.rates_for(e.category)
    observed: dict[Factor, float | None] = {
        Factor.COMPLAINT_RATE: e.complaints / e.exposure if e.exposure > 0 else None,
        Factor.AFTER_SALES_RATE: e.after_sales / e.exposure if e.exposure > 0 else None,
        Factor.DEFECT_RATE: e.failed / e.inspected if e.inspected else None,
        Factor.DURATION_MEDIAN: e.duration_median if e.timed else None,
        Factor.DURATION_P90: e.duration_p90 if e.timed else None,
        Factor.LATE_SHARE: e.late_points / e.timed if e.timed else None,
        Factor.OVERDUE_CASES: float(e.overdue_cases),
    }
    est: dict[Factor, float | None] = dict.fromkeys(_FACTOR_ORDER)  # Factor's order; no enum walk
    bad: dict[Factor, float] = {}
    if ref_comp is not None:
        v = shrink(e.complaints, e.exposure, ref_comp, p.prior_exposure)
        est[Factor.COMPLAINT_RATE] = v
        bad[Factor.COMPLAINT_RATE] = relative_badness(v, ref_comp)
    if ref_after is not None:
        v = shrink(e.after_sales, e.exposure, ref_after, p.prior_exposure)
        est[Factor.AFTER_SALES_RATE] = v
        bad[Factor.AFTER_SALES_RATE] = relative_badness(v, ref_after)
    if refs.defect_rate is not None:
        v = shrink(e.failed, e.inspected, refs.defect_rate, p.prior_inspected)
        est[Factor.DEFECT_RATE] = v
        bad[Factor.DEFECT_RATE] = relative_badness(v, refs.defect_rate)
    if refs.duration_median is not None:
        v = _credible(e.duration_median, e.timed, refs.duration_median, p.prior_timed)
        est[Factor.DURATION_MEDIAN] = v
        bad[Factor.DURATION_MEDIAN] = relative_badness(v, p.median_standard_h)
    if refs.duration_p90 is not None:
        v = _credible(e.duration_p90, e.timed, refs.duration_p90, p.prior_timed)
        est[Factor.DURATION_P90] = v
        bad[Factor.DURATION_P90] = relative_badness(v, p.p90_standard_h)
    if refs.late_share is not None:
        v = shrink(e.late_points, e.timed, refs.late_share, p.prior_timed)
        est[Factor.LATE_SHARE] = v
        bad[Factor.LATE_SHARE] = relative_badness(v, refs.late_share)
    est[Factor.OVERDUE_CASES] = float(e.overdue_cases)
    bad[Factor.OVERDUE_CASES] = relative_badness(e.overdue_cases, p.overdue_reference)
    total = sum(p.weights.get(f, 0.0) for f in bad)
    points = {
        f: (100.0 * p.weights.get(f, 0.0) * b / total if total else 0.0) for f, b in bad.items()
    }
    return RiskResult(
        merchant_id=e.merchant_id,
        score=sum(points.values()),
        observed=observed,
        estimate=est,
        badness=bad,
        points=points,
        evidence=e.complaints + e.after_sales + e.inspected,
    )


def score_all(
    evidence: Iterable[MerchantEvidence],
    params: RiskParams | None = None,
    *,
    duration_median: float | None = None,
    duration_p90: float | None = None,
) -> list[RiskResult]:
    """Every merchant scored against references pooled over all of them, riskiest first."""
    ev = list(evidence)
    refs = references(ev, params, duration_median=duration_median, duration_p90=duration_p90)
    results = [score(e, refs, params) for e in ev]
    return sorted(results, key=lambda r: (-r.score, r.merchant_id))


def classify(risk: float, watch: float, eliminate: float) -> Candidate:
    """ELIMINATE at or above `eliminate`, WATCH at or above `watch`, else NONE."""
    if not (math.isfinite(watch) and math.isfinite(eliminate)) or eliminate < watch:
        raise ValueError("the elimination threshold must be at or above the watch threshold")
    if risk >= eliminate:
        return Candidate.ELIMINATE
    if risk >= watch:
        return Candidate.WATCH
    return Candidate.NONE


def weights_markdown() -> str:
    """The weights table with the reason for each, ready for the README."""
    lines = ["| factor | weight | compared with | why |", "|---|---:|---|---|"]
    compared = {
        Factor.DURATION_MEDIAN: "24 h standard",
        Factor.DURATION_P90: "48 h standard",
        Factor.OVERDUE_CASES: "1 overdue case",
    }
    for f, w in WEIGHTS.items():
        lines.append(f"| {LABELS[f]} | {w:g} | {compared.get(f, 'peers (pooled)')} | {WHY[f]} |")
    return "\n".join(lines)
