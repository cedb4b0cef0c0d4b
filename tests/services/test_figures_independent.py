"""The headline figures of services.stats.figures() against an independent computation.

The reference reads the same rows with plain SQL (sqlite3 or psycopg: no SQLAlchemy, no model,
no helper of the application; times as the naive UTC text SQLite stores) and computes each figure in plain Python from its definition:

- a period is the local dates [start, end); a row belongs to it by the local date of its
  UTC timestamp;
- purchases: live (not deleted, not planned, not cancelled), ordered in the period;
  inspected = with an inspection time, failed = verdict "fail", styles = distinct
  products, brands = distinct brands of those products, merchants bought from;
- findings: not deleted, on a live purchase of the period (ordered in it: a month's
  purchases and its findings are the same parcels, whenever the finding was recorded);
  problem purchases / products / merchants are the distinct ones among them;
- cases opened in the period; rectification rate = closed / (opened - cancelled - waived);
  closed in the period = status closed with the closure in the period; open and overdue now
  (due before today) over every case;
- timing over the cases notified in the period: hours from notice to the merchant's response
  and to closure for closed cases. The response is at the end (next local midnight) of its
  response date, but not later than when it was recorded (or now, when it was not) and not
  before the notice; without a response date, when it was recorded. A case without any
  response counts its age (to its closure, or to now while active) unless it was cancelled
  or waived; a response or closure before the notice (a laptop with a slow clock, merged
  later) counts as 0 hours, never negative; median and the 90th percentile by linear
  interpolation between ranks (statistics.quantiles, "inclusive");
- merchants put on watch / suspended / eliminated: distinct merchants with such a status
  change in the period;
- trend: the 12 months up to the period's last one, live purchases and findings per month.
"""

from __future__ import annotations

import statistics
from collections import Counter
from datetime import UTC, date, datetime, time, timedelta

import pytest

from inspector_app.domain import clock
from inspector_app.domain.enums import CaseStatus, MerchantStatus, Role, Severity
from inspector_app.services import cases as case_service
from inspector_app.services import findings as finding_service
from inspector_app.services import merchants as merchant_service
from inspector_app.services import stats
from inspector_app.services.context import SYSTEM
from inspector_app.services.demo import load_demo
from tests.backends import PlainSQL, backend_params, fresh_database
from tests.services.builders import make_merchant, make_purchase

ACTIVE = {"open", "notified", "responded", "rectifying", "awaiting_verification", "escalated"}


# -- the reference ---------------------------------------------------------------------------


def _local_date(text: str | None) -> date | None:
    if text is None:
        return None
    return datetime.fromisoformat(text).replace(tzinfo=UTC).astimezone().date()


def _utc(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text).replace(tzinfo=UTC)


def _hours(start: str | None, end: str | datetime | None) -> float | None:
    if start is None or end is None:
        return None
    end = end if isinstance(end, datetime) else _utc(end)
    return max(0.0, (end - _utc(start)).total_seconds() / 3600)


def _response_hours(case, now: datetime) -> float | None:
    """Hours from the notice to the response (or to the wait so far, for no response)."""
    _id, status, _created, notified, recorded, closed, _due, rdate = case
    if notified is None:
        return None
    if rdate is not None:
        d = date.fromisoformat(rdate[:10]) + timedelta(days=1)
        end = datetime(d.year, d.month, d.day).astimezone().astimezone(UTC)
        at = max(min(end, _utc(recorded) if recorded else now), _utc(notified))
    elif recorded is not None:
        at = _utc(recorded)
    elif status in ("cancelled", "waived"):
        return None
    else:
        at = _utc(closed) if closed else now
    return _hours(notified, at)


def _median_p90(xs: list[float]) -> tuple[float | None, float | None]:
    if not xs:
        return None, None
    if len(xs) == 1:
        return xs[0], xs[0]
    return statistics.median(xs), statistics.quantiles(xs, n=10, method="inclusive")[8]


def _months_back(last: date, n: int) -> list[tuple[date, date, str]]:
    out = []
    y, m = last.year, last.month
    for _ in range(n):
        start = date(y, m, 1)
        end = date(y + (m == 12), m % 12 + 1, 1)
        out.append((start, end, f"{y:04d}-{m:02d}"))
        y, m = (y - 1, 12) if m == 1 else (y, m - 1)
    return out[::-1]


def _as_text(value):
    """A value as SQLite stores it: times naive UTC text, dates ISO text."""
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return value


def reference(db_url, start: date, end: date, today: date, now: datetime | None = None) -> dict:
    now = now or clock.now()
    con = PlainSQL(db_url)
    try:
        q = lambda sql: [tuple(map(_as_text, r)) for r in con.rows(sql)]  # noqa: E731
        purchases = q("SELECT id, merchant_id, product_id, status, ordered_at, inspected_at, "
                      "verdict, deleted_at FROM purchases")
        brand_of = dict(q("SELECT id, brand_id FROM products"))
        findings = q("SELECT id, purchase_id, severity, category, created_at, deleted_at "
                     "FROM findings")
        cases = q("SELECT id, status, created_at, notified_at, first_response_at, closed_at, "
                  "due_date, response_date FROM rectification_cases")
        changes = q("SELECT merchant_id, to_status, changed_at FROM merchant_status_changes")
        shop = {mid: (s, n) for mid, s, n in q("SELECT id, shop_id, name FROM merchants")}
    finally:
        con.close()

    def within(text, a=start, b=end) -> bool:
        d = _local_date(text)
        return d is not None and a <= d < b

    def live_purchases(a, b):
        return [p for p in purchases if p[7] is None and p[3] not in ("planned", "cancelled")
                and within(p[4], a, b)]

    by_purchase = {p[0]: p for p in purchases}

    def live_findings(a, b):
        bought_then = {p[0] for p in live_purchases(a, b)}
        return [f for f in findings if f[5] is None and f[1] in bought_then]

    bought = live_purchases(start, end)
    found = live_findings(start, end)
    opened = Counter(c[1] for c in cases if within(c[2]))
    countable = sum(opened.values()) - opened["cancelled"] - opened["waived"]
    notified = [c for c in cases if within(c[3])]
    resp = [h for h in (_response_hours(c, now) for c in notified) if h is not None]
    unanswered = sum(1 for c in notified if c[4] is None and c[7] is None
                     and c[1] not in ("cancelled", "waived"))
    clo = [h for h in (_hours(c[3], c[5]) for c in notified if c[1] == "closed")
           if h is not None]
    rm, rp = _median_p90(resp)
    cm, cp = _median_p90(clo)
    per_merchant = Counter(by_purchase[f[1]][1] for f in found)
    top = sorted(per_merchant.items(), key=lambda kv: (-kv[1], shop[kv[0]][1], kv[0]))[:10]
    category = Counter(f[3] for f in found)
    status_merchants = {s: {m for m, to, at in changes if to == s and within(at)}
                        for s in ("watch", "suspended", "eliminated")}
    return {
        "purchases": len(bought),
        "inspected": sum(1 for p in bought if p[5] is not None),
        "failed": sum(1 for p in bought if p[6] == "fail"),
        "styles": len({p[2] for p in bought if p[2] is not None}),
        "brands": len({brand_of[p[2]] for p in bought if p[2] is not None}),
        "merchants_bought": len({p[1] for p in bought}),
        "findings": len(found),
        "problem_purchases": len({f[1] for f in found}),
        "problem_products": len({by_purchase[f[1]][2] for f in found
                                 if by_purchase[f[1]][2] is not None}),
        "merchants_with_findings": len(per_merchant),
        "by_severity": dict(Counter(f[2] for f in found)),
        "by_category": sorted(category.items(), key=lambda kv: (-kv[1], kv[0])),
        "top_merchants": [(shop[m][0], shop[m][1], n) for m, n in top],
        "cases_opened": sum(opened.values()),
        "rectification_rate": opened["closed"] / countable if countable else None,
        "cases_closed": sum(1 for c in cases if c[1] == "closed" and within(c[5])),
        "cases_open_now": sum(1 for c in cases if c[1] in ACTIVE),
        "cases_overdue_now": sum(1 for c in cases if c[1] in ACTIVE
                                 and date.fromisoformat(c[6][:10]) < today),
        "timing": {"response_n": len(resp), "response_unanswered": unanswered,
                   "response_median": rm, "response_p90": rp,
                   "closure_n": len(clo), "closure_median": cm, "closure_p90": cp},
        "merchants_watch": len(status_merchants["watch"]),
        "merchants_suspended": len(status_merchants["suspended"]),
        "merchants_eliminated": len(status_merchants["eliminated"]),
        "trend": [(label, len(live_purchases(a, b)), len(live_findings(a, b)))
                  for a, b, label in _months_back(end - timedelta(days=1), 12)],
    }


def assert_same(fig: stats.Figures, ref: dict) -> None:
    got = fig.to_dict()
    for key, want in ref.items():
        if key == "timing":
            for k, v in want.items():
                assert got["timing"][k] == pytest.approx(v, abs=1e-6), (fig.period, k)
        elif key == "rectification_rate" and want is not None:
            assert got[key] == pytest.approx(want), (fig.period, key)
        else:
            have = got[key]
            if key in ("by_category", "top_merchants", "trend"):
                have = [tuple(x) for x in have]
            assert have == want, (fig.period, key)


def db_file(ctx):
    return ctx.db.url


@pytest.fixture(autouse=True)
def _still_clock(_anchored_clock):
    """The clock stands still during a test: an unanswered case's age is the same to the
    application and to the reference."""
    clock.set_clock(clock.now(), ticking=False)


# -- the demo --------------------------------------------------------------------------------


@pytest.fixture(scope="module", params=backend_params())
def demo(request, tmp_path_factory):
    from inspector_app.services.context import open_context

    for url in fresh_database(request, request.param):
        folder = str(tmp_path_factory.mktemp("figures") / "d")
        ctx = open_context(url, data_folder=folder).as_actor(SYSTEM)
        load_demo(ctx, seed=11, purchases=400, photos=0)
        yield ctx
        ctx.db.dispose()


def _periods(today: date) -> list[stats.Period]:
    this = stats.month_of(today)
    last = stats.previous_month(today)
    before = stats.previous_month(last.start)
    return [this, last, before, stats.Period.year(today.year),
            stats.Period.year(today.year - 1)]


def test_demo_figures_match_the_plain_computation(demo):
    today = clock.today()
    checked = 0
    for period in _periods(today):
        ref = reference(db_file(demo), period.start, period.end, today)
        assert_same(stats.figures(demo, period, today=today), ref)
        checked += ref["cases_opened"] + ref["findings"]
    assert checked > 100  # the demo has cases and findings in these periods


def test_demo_covers_the_figures_it_is_checked_on(demo):
    ref = reference(db_file(demo), date(2000, 1, 1), date(2100, 1, 1), clock.today())
    assert ref["timing"]["response_n"] > 5 and ref["timing"]["closure_n"] > 5
    assert ref["rectification_rate"] is not None
    assert ref["merchants_watch"] + ref["merchants_suspended"] + ref["merchants_eliminated"] > 0


# -- hand-made edge cases --------------------------------------------------------------------


def test_no_cases_and_no_purchases(ctx):
    today = clock.today()
    period = stats.month_of(today)
    fig = stats.figures(ctx, period, today=today)
    assert_same(fig, reference(db_file(ctx), period.start, period.end, today))
    assert fig.rectification_rate is None and fig.timing.response_median is None
    assert fig.trend[-1] == (period.label, 0, 0) and len(fig.trend) == 12


@pytest.fixture
def cases_world(ctx, users):
    """Three cases of one merchant opened now: one unanswered, one answered, one to close."""
    insp = ctx.as_actor(users[Role.INSPECTOR])
    qm = ctx.as_actor(users[Role.QUALITY_MANAGER])
    merchant = make_merchant(insp, "shop-edge", "Edge Store")
    numbers = []
    for i in range(3):
        purchase = make_purchase(insp, merchant.id, order_number=f"EDGE-{i}")
        f = finding_service.add_finding(insp, purchase.id, finding_service.FindingInput(
            category="product_quality", severity=Severity.MAJOR, title=f"edge {i}"))
        numbers.append(case_service.open_case(qm, [f.id]).case_number)
    for n in numbers:
        case_service.advance(qm, n, CaseStatus.NOTIFIED)
    return qm, merchant, numbers


def _mid_month(today: date) -> datetime:
    """Noon on the 15th of this month, local: times a few days around it stay in the month
    whatever the day the test runs."""
    return datetime.combine(today.replace(day=15), time(12)).astimezone()


def _set_case_times(ctx, number: str, **times: datetime) -> None:
    """Write a case's times straight into the database (as a merged laptop's rows may have
    them)."""
    with PlainSQL(db_file(ctx)) as con:
        for column, value in times.items():
            con.run(f"UPDATE rectification_cases SET {column} = ? WHERE case_number = ?",
                    (value.astimezone(UTC).replace(tzinfo=None).isoformat(" "), number))


def test_unanswered_cases_count_at_their_age_and_a_response_before_the_notice(ctx, cases_world):
    qm, _merchant, (unanswered, answered, early) = cases_world
    today = clock.today()
    mid = _mid_month(today)
    period = stats.month_of(today)
    fig = stats.figures(ctx, period, today=today)
    # Nobody answered yet: all three are in the sample, at their age, and said to be.
    assert fig.timing.response_n == 3 and fig.timing.response_unanswered == 3
    assert_same(fig, reference(db_file(ctx), period.start, period.end, today))

    for n in (answered, early):
        case_service.advance(qm, n, CaseStatus.RESPONDED)
    _set_case_times(ctx, unanswered, notified_at=mid - timedelta(hours=40))
    _set_case_times(ctx, answered, notified_at=mid - timedelta(hours=30),
                    first_response_at=mid - timedelta(hours=6))
    # Answered 5 hours "before" it was notified: the response cannot have taken -5 hours.
    _set_case_times(ctx, early, notified_at=mid - timedelta(hours=2),
                    first_response_at=mid - timedelta(hours=7))
    fig = stats.figures(ctx, period, today=today)
    assert_same(fig, reference(db_file(ctx), period.start, period.end, today))
    age = (clock.now() - (mid - timedelta(hours=40))).total_seconds() / 3600
    assert age > 40
    assert fig.timing.response_n == 3 and fig.timing.response_unanswered == 1
    assert fig.timing.response_median == pytest.approx(24.0)  # 0, 24, age
    assert fig.timing.response_p90 == pytest.approx(24 + 0.8 * (age - 24))


def test_response_hours_count_to_the_merchants_response_date(ctx, cases_world):
    """A response dated days before it was recorded (RC-2026-0047: dated 2026-10-01, typed
    in on 2026-12-06) counts to the end of its date, not to when it was typed in."""
    qm, _merchant, (dated, same_day, before_notice) = cases_world
    today = clock.today()
    mid = _mid_month(today)
    period = stats.month_of(today)
    day = mid.date()  # the 15th, local
    for n, rdate in ((dated, day), (same_day, day), (before_notice, day - timedelta(days=3))):
        case_service.record_response(qm, n, case_service.ResponseInput(
            response_text="fixed", response_date=rdate))
    end_of_day = datetime.combine(day + timedelta(days=1), time.min).astimezone()
    # Notified two days before its response date, recorded now (the 17th): 60 hours.
    _set_case_times(ctx, dated, notified_at=mid - timedelta(hours=48))
    # Recorded at 15:00 on its response date: the response was no later than that.
    _set_case_times(ctx, same_day, notified_at=mid - timedelta(hours=10),
                    first_response_at=mid + timedelta(hours=3))
    # Dated before the notice: never before it, so 0 hours.
    _set_case_times(ctx, before_notice, notified_at=mid - timedelta(hours=1))
    fig = stats.figures(ctx, period, today=today)
    assert_same(fig, reference(db_file(ctx), period.start, period.end, today))
    assert fig.timing.response_n == 3 and fig.timing.response_unanswered == 0
    hours = sorted([(end_of_day - (mid - timedelta(hours=48))).total_seconds() / 3600, 13.0, 0.0])
    assert hours[2] == pytest.approx(60.0)
    assert fig.timing.response_median == pytest.approx(13.0)
    timing = stats.timing_by_merchant(ctx)[_merchant.id]
    assert timing.response_median == pytest.approx(13.0) and timing.response_n == 3


def test_cancelled_cases_never_answered_are_not_waiting(ctx, cases_world):
    qm, _merchant, (cancelled, waived, open_) = cases_world
    case_service.advance(qm, cancelled, CaseStatus.CANCELLED, "duplicate")
    case_service.advance(qm, waived, CaseStatus.WAIVED, "merchant gone")
    today = clock.today()
    period = stats.month_of(today)
    fig = stats.figures(ctx, period, today=today)
    assert_same(fig, reference(db_file(ctx), period.start, period.end, today))
    assert fig.timing.response_n == 1 and fig.timing.response_unanswered == 1


def test_closure_times_and_rate_with_cancelled_and_waived_cases(ctx, cases_world):
    qm, _merchant, (first, second, third) = cases_world
    for to in (CaseStatus.RESPONDED, CaseStatus.RECTIFYING, CaseStatus.AWAITING_VERIFICATION,
               CaseStatus.CLOSED):
        case_service.advance(qm, first, to)
    case_service.advance(qm, second, CaseStatus.CANCELLED, "duplicate")
    case_service.advance(qm, third, CaseStatus.WAIVED, "merchant gone")
    now = _mid_month(clock.today())
    _set_case_times(ctx, first, notified_at=now - timedelta(hours=50),
                    closed_at=now - timedelta(hours=2))
    today = clock.today()
    period = stats.month_of(today)
    fig = stats.figures(ctx, period, today=today)
    assert_same(fig, reference(db_file(ctx), period.start, period.end, today))
    assert fig.rectification_rate == 1.0  # cancelled and waived cases are not counted
    assert fig.timing.closure_n == 1 and fig.timing.closure_median == pytest.approx(48.0)


def test_a_merchant_put_on_watch_twice_counts_once(ctx, users):
    admin = ctx.as_actor(users[Role.ADMIN])
    m = make_merchant(ctx.as_actor(users[Role.INSPECTOR]), "shop-twice", "Twice Store")
    other = make_merchant(ctx.as_actor(users[Role.INSPECTOR]), "shop-once", "Once Store")
    for status in (MerchantStatus.WATCH, MerchantStatus.ACTIVE, MerchantStatus.WATCH):
        merchant_service.set_status(admin, m.id, status, "complaints")
    merchant_service.set_status(admin, other.id, MerchantStatus.WATCH, "complaints")
    today = clock.today()
    period = stats.month_of(today)
    fig = stats.figures(ctx, period, today=today)
    assert_same(fig, reference(db_file(ctx), period.start, period.end, today))
    assert fig.merchants_watch == 2
