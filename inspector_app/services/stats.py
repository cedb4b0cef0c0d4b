"""Figures for the dashboard and the monthly/annual reports, aggregated in SQL."""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import String, distinct, func, select, type_coerce
from sqlalchemy.orm import Session

from inspector_app.db.models import (
    Finding,
    Merchant,
    MerchantStatusChange,
    Product,
    Purchase,
    RectificationCase,
)
from inspector_app.domain import clock
from inspector_app.domain.enums import CaseStatus, MerchantStatus, PurchaseStatus
from inspector_app.domain.messages import t
from inspector_app.domain.metrics import hours_between, median, percentile, rate, response_instant
from inspector_app.domain.workflow import ACTIVE_STATUSES
from inspector_app.services.context import Context
from inspector_app.services.spend import period_decisions, period_spend

logger = logging.getLogger(__name__)

_ACTIVE = [s.value for s in ACTIVE_STATUSES]
#: How many merchants the "most findings" lists show.
TOP_MERCHANTS = 10


@dataclass(frozen=True)
class Period:
    """[start, end) in local dates; `label` is 2026-10 or 2026."""

    start: date
    end: date
    label: str

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        start = date(year, month, 1)
        end = date(year + (month == 12), month % 12 + 1, 1)
        return cls(start, end, f"{year:04d}-{month:02d}")

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(date(year, 1, 1), date(year + 1, 1, 1), f"{year:04d}")

    @classmethod
    def parse(cls, text: str) -> Period:
        """'2026-10' -> that month; '2026' -> that year."""
        from inspector_app.domain.errors import ValidationError
        from inspector_app.domain.limits import FIRST_YEAR, LAST_YEAR

        parts = text.strip().split("-")
        digits = all(p.isascii() and p.isdigit() and len(p) <= 4 for p in parts)
        if digits and len(parts) in (1, 2) and not FIRST_YEAR <= int(parts[0]) <= LAST_YEAR:
            raise ValidationError(t(
                "'{text}': the year must be between {first} and {last}",
                text=text[:40], first=FIRST_YEAR, last=LAST_YEAR,
            ))
        if digits and len(parts) == 1:
            return cls.year(int(parts[0]))
        if digits and len(parts) == 2 and 1 <= int(parts[1]) <= 12:
            return cls.month(int(parts[0]), int(parts[1]))
        raise ValidationError(
            t("'{text}' is not a month (2026-10) or a year (2026)", text=text[:40])
        )

    def bounds(self) -> tuple[datetime, datetime]:
        """The period as aware UTC datetimes (local midnights)."""
        a = datetime.combine(self.start, time.min).astimezone().astimezone(UTC)
        b = datetime.combine(self.end, time.min).astimezone().astimezone(UTC)
        return a, b


@dataclass
class Timing:
    """Hours from notice to first response and to closure (docs/domain.md, "The figures"), with sample sizes."""

    response_n: int = 0
    #: Of response_n, the cases not answered (yet), counted at their age: a lower bound.
    response_unanswered: int = 0
    response_median: float | None = None
    response_p90: float | None = None
    closure_n: int = 0
    closure_median: float | None = None
    closure_p90: float | None = None


@dataclass
class Figures:
    """What a manager reports upward for one period. Plain data: JSON-able via asdict."""

    period: str
    purchases: int = 0
    inspected: int = 0
    failed: int = 0
    brands: int = 0
    styles: int = 0
    problem_products: int = 0
    problem_purchases: int = 0
    merchants_bought: int = 0
    merchants_with_findings: int = 0
    findings: int = 0
    by_severity: dict[str, int] = field(default_factory=dict)
    by_category: list[tuple[str, int]] = field(default_factory=list)  # descending (Pareto)
    cases_opened: int = 0
    cases_closed: int = 0
    cases_open_now: int = 0
    cases_overdue_now: int = 0
    rectification_rate: float | None = None
    timing: Timing = field(default_factory=Timing)
    merchants_watch: int = 0
    merchants_suspended: int = 0
    merchants_eliminated: int = 0
    trend: list[tuple[str, int, int]] = field(default_factory=list)  # (month, purchases, findings)
    top_merchants: list[tuple[str, str, int]] = field(default_factory=list)  # (shop, name, n)
    #: aftersales_stats.AfterSalesFigures as a dict (work orders, durations, rates).
    after_sales: dict = field(default_factory=dict)
    # What the team spent on the period's purchases (services/spend.py), cents.
    spend_cents: int = 0
    refunds_cents: int = 0
    net_cost_cents: int = 0
    lightning_refunds: int = 0
    goods_returned: int = 0
    goods_kept: int = 0
    goods_disposed: int = 0
    #: Received or inspected, their end not recorded yet.
    goods_undecided: int = 0
    #: The monthly review's decisions: (month, shop id, name, decision, reason).
    review_decisions: list[tuple[str, str, str, str, str]] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)


def _live_purchases(a: datetime, b: datetime):
    return (
        Purchase.deleted_at.is_(None),
        Purchase.status != PurchaseStatus.CANCELLED.value,
        Purchase.status != PurchaseStatus.PLANNED.value,
        Purchase.ordered_at >= a,
        Purchase.ordered_at < b,
    )


#: The period's purchases, the basis of its findings too (services/review.py counts alike).
live_purchases = _live_purchases


def _elapsed(start: datetime | None, end: datetime | None) -> float | None:
    """Hours from the notice to a later event; an event recorded before the notice (a
    laptop with a slow clock, merged later) took no time rather than negative hours, which
    would pull a median below what any merchant took."""
    h = hours_between(start, end)
    return None if h is None else max(0.0, h)


#: Cases whose wait for a response ended without one being needed.
_NO_RESPONSE_DUE = (CaseStatus.CANCELLED, CaseStatus.WAIVED)


def _timing(rows, now: datetime) -> Timing:
    """(notified, response date, first response recorded, closed at, status) per case: the
    median and 90th percentile of the hours from the notice to the merchant's response (its
    own date, `response_instant`) and to closure (closed cases only).

    A case never answered counts as at least its age: the hours up to its closing, or up to
    `now` while it is still active (docs/domain.md, "The figures"); cancelled and waived
    cases without a response are left out, as in the rectification rate."""
    resp: list[float] = []
    clo: list[float] = []
    unanswered = 0
    for n, rdate, recorded, closed, st in rows:
        st = CaseStatus(st)
        at = response_instant(n, rdate, recorded, now)
        if at is None and n is not None and st not in _NO_RESPONSE_DUE:
            unanswered += 1
            at = closed or now
        h = _elapsed(n, at)
        if h is not None:
            resp.append(h)
        h = _elapsed(n, closed) if st is CaseStatus.CLOSED else None
        if h is not None:
            clo.append(h)
    return Timing(
        len(resp), unanswered, median(resp), percentile(resp, 90),
        len(clo), median(clo), percentile(clo, 90),
    )


def _month_starts(end: date, n: int) -> list[date]:
    months, y, m = [], end.year, end.month
    for _ in range(n):
        m -= 1
        if m == 0:
            y, m = y - 1, 12
        months.append(date(y, m, 1))
    return sorted(months)


def _findings_of_period(s: Session, fig: Figures, a: datetime, b: datetime) -> None:
    """The findings figures of [a, b) from one query, added up here.

    A period's findings are those on its purchases (docs/domain.md, "The figures"): a
    purchase ordered on the 31st and inspected on the 2nd counts, with its findings, in the
    month it was ordered, so "purchases" and "findings" of a month describe the same
    parcels. The period's live purchases come from ix_purchases_ordered_at_id; their
    findings are grouped by purchase, severity and category from the covering index
    ix_findings_purchase_stats (migration 0010; no finding row is read).
    """
    purchases_q = (
        select(Purchase.id, Purchase.product_id, Purchase.merchant_id)
        .where(*_live_purchases(a, b))
        .subquery()
    )
    # Severity and category as the stored text: no enum object per row (20,000 rows a month).
    rows = s.connection().execute(  # Core: plain rows, no ORM bookkeeping per row
        select(Finding.purchase_id, purchases_q.c.product_id, purchases_q.c.merchant_id,
               type_coerce(Finding.severity, String), type_coerce(Finding.category, String),
               func.count())
        .join(purchases_q, purchases_q.c.id == Finding.purchase_id)
        .where(Finding.deleted_at.is_(None))
        .group_by(Finding.purchase_id, purchases_q.c.product_id, purchases_q.c.merchant_id,
                  Finding.severity, Finding.category)
    ).all()
    products: set[int] = set()
    purchases: set[int] = set()
    by_severity: Counter[str] = Counter()
    by_category: Counter[str] = Counter()
    by_merchant: Counter[int] = Counter()
    for pid, product_id, merchant_id, severity, category, n in rows:
        purchases.add(pid)
        if product_id is not None:
            products.add(product_id)
        by_severity[severity] += n
        by_category[category] += n
        by_merchant[merchant_id] += n
    fig.findings = sum(by_merchant.values())
    fig.problem_products, fig.problem_purchases = len(products), len(purchases)
    fig.merchants_with_findings = len(by_merchant)
    fig.by_severity = {k: int(n) for k, n in by_severity.items()}
    fig.by_category = sorted(
        ((k, int(n)) for k, n in by_category.items()), key=lambda kv: (-kv[1], kv[0])
    )
    names = dict(
        (mid, (shop, name)) for mid, shop, name in s.execute(
            select(Merchant.id, Merchant.shop_id, Merchant.name)
            .where(Merchant.id.in_(list(by_merchant)))
        )
    ) if by_merchant else {}
    ranked = sorted(by_merchant.items(), key=lambda kv: (-kv[1], names[kv[0]][1], kv[0]))
    fig.top_merchants = [
        (names[mid][0], names[mid][1], int(n)) for mid, n in ranked[:TOP_MERCHANTS]
    ]


def _trend(s: Session, period: Period) -> list[tuple[str, int, int]]:
    months = _month_starts(period.end, 12)
    out = []
    for start in months:
        p = Period.month(start.year, start.month)
        a, b = p.bounds()
        n_p = s.scalar(select(func.count(Purchase.id)).where(*_live_purchases(a, b))) or 0
        n_f = s.scalar(  # on the month's purchases, as _findings_of_period counts them
            select(func.count(Finding.id))
            .join(Purchase, Purchase.id == Finding.purchase_id)
            .where(Finding.deleted_at.is_(None), *_live_purchases(a, b))
        ) or 0
        out.append((p.label, n_p, n_f))
    return out


def figures(ctx: Context, period: Period, *, today: date | None = None) -> Figures:
    """Every figure of the period in one read transaction (a consistent snapshot)."""
    from inspector_app.services import aftersales_stats
    from inspector_app.services.workorders import Window

    today = today or clock.today()
    a, b = period.bounds()
    fig = Figures(period=period.label)
    window = Window.from_settings(ctx)
    with ctx.db.read() as s:
        live = _live_purchases(a, b)
        row = s.execute(
            select(
                func.count(Purchase.id),
                func.count(distinct(Purchase.product_id)),
                func.count(distinct(Purchase.merchant_id)),
                func.count(Purchase.inspected_at),
                func.count(Purchase.verdict).filter(Purchase.verdict == "fail"),
            ).where(*live)
        ).one()
        fig.purchases, fig.styles, fig.merchants_bought, fig.inspected, fig.failed = map(int, row)
        fig.brands = s.scalar(
            select(func.count(distinct(Product.brand_id)))
            .join(Purchase, Purchase.product_id == Product.id).where(*live)
        ) or 0
        _findings_of_period(s, fig, a, b)
        rc = RectificationCase
        opened = s.execute(
            select(rc.status, func.count()).where(rc.created_at >= a, rc.created_at < b).group_by(rc.status)
        ).all()
        by_status = {CaseStatus(k): int(n) for k, n in opened}
        fig.cases_opened = sum(by_status.values())
        countable = fig.cases_opened - by_status.get(CaseStatus.CANCELLED, 0) - by_status.get(CaseStatus.WAIVED, 0)
        fig.rectification_rate = rate(by_status.get(CaseStatus.CLOSED, 0), countable)
        fig.cases_closed = s.scalar(
            select(func.count()).where(rc.status == CaseStatus.CLOSED.value,
                                       rc.closed_at >= a, rc.closed_at < b)
        ) or 0
        fig.cases_open_now = s.scalar(select(func.count()).where(rc.status.in_(_ACTIVE))) or 0
        fig.cases_overdue_now = s.scalar(
            select(func.count()).where(rc.status.in_(_ACTIVE), rc.due_date < today)
        ) or 0
        fig.timing = _timing(s.execute(
            select(rc.notified_at, rc.response_date, rc.first_response_at, rc.closed_at,
                   rc.status)
            .where(rc.notified_at >= a, rc.notified_at < b)
        ).all(), clock.now())
        # Merchants, not changes: one put on watch twice in the period is one merchant.
        changes: dict[MerchantStatus, int] = dict(s.execute(
            select(MerchantStatusChange.to_status,
                   func.count(distinct(MerchantStatusChange.merchant_id)))
            .where(MerchantStatusChange.changed_at >= a, MerchantStatusChange.changed_at < b)
            .group_by(MerchantStatusChange.to_status)
        ).all())
        changes = {MerchantStatus(k): int(v) for k, v in changes.items()}
        fig.merchants_watch = changes.get(MerchantStatus.WATCH, 0)
        fig.merchants_suspended = changes.get(MerchantStatus.SUSPENDED, 0)
        fig.merchants_eliminated = changes.get(MerchantStatus.ELIMINATED, 0)
        fig.trend = _trend(s, period)
        fig.after_sales = aftersales_stats.compute(
            s, period.start, period.end, applied_days=window.applied_days,
            finished_days=window.finished_days).to_dict()
        for key, value in period_spend(s, live).items():
            setattr(fig, key, value)
        fig.review_decisions = period_decisions(s, period.label)
    return fig


def timing_by_merchant(ctx: Context, merchant_ids: list[int] | None = None) -> dict[int, Timing]:
    """Response and closure hours per merchant (all, or those given), over notified cases."""
    rc = RectificationCase
    rows: dict[int, list] = defaultdict(list)
    q = select(rc.merchant_id, rc.notified_at, rc.response_date, rc.first_response_at,
               rc.closed_at, rc.status).where(rc.notified_at.is_not(None))
    if merchant_ids is not None:
        if not merchant_ids:
            return {}
        q = q.where(rc.merchant_id.in_(merchant_ids))
    with ctx.db.read() as s:
        for mid, *row in s.execute(q):
            rows[mid].append(row)
    now = clock.now()
    return {mid: _timing(v, now) for mid, v in rows.items()}


@dataclass(frozen=True)
class OverdueCase:
    case_number: str
    merchant_shop_id: str
    merchant: str
    status: CaseStatus
    due_date: date
    days_overdue: int


def overdue_cases(ctx: Context, *, today: date | None = None, limit: int = 100) -> list[OverdueCase]:
    today = today or clock.today()
    rc = RectificationCase
    with ctx.db.read() as s:
        rows = s.execute(
            select(rc.case_number, Merchant.shop_id, Merchant.name, rc.status, rc.due_date)
            .join(Merchant, Merchant.id == rc.merchant_id)
            .where(rc.status.in_(_ACTIVE), rc.due_date < today)
            .order_by(rc.due_date, rc.id).limit(limit)
        ).all()
    return [
        OverdueCase(n, shop, name, CaseStatus(st), due, (today - due).days)
        for n, shop, name, st, due in rows
    ]


def month_of(d: date) -> Period:
    return Period.month(d.year, d.month)


def previous_month(d: date) -> Period:
    first = d.replace(day=1) - timedelta(days=1)
    return Period.month(first.year, first.month)
