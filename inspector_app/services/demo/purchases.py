"""Demo mystery purchases over the last year and the findings their inspections recorded."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from inspector_app.domain.enums import FindingCategory, PurchaseStatus, Severity, Verdict
from inspector_app.services.demo import vocab_findings as F
from inspector_app.services.demo import vocab_people as V
from inspector_app.services.demo.common import CST, Clock, Randomness, Scale, WeightedChoice, stamp
from inspector_app.services.demo.people import DemoMerchant, DemoProduct, DemoUser

logger = logging.getLogger(__name__)

_SEVERITY_RANK = {Severity.CRITICAL: 0, Severity.MAJOR: 1, Severity.MINOR: 2}
_NOTES = [
    "",
    "",
    "",
    "",
    "大促期间下单",
    "使用平台优惠券下单",
    "Bought during a flash sale",
    "商家主动联系要求好评返现",
    "直播间下单",
]


@dataclass(slots=True)
class DemoPurchase:
    id: int
    merchant: DemoMerchant
    product: DemoProduct
    inspector: DemoUser
    ordered_at: datetime | None
    status: PurchaseStatus
    received_at: datetime | None = None
    inspected_at: datetime | None = None
    verdict: Verdict | None = None
    findings: int = 0
    first_finding_id: int = 0
    worst: Severity | None = None
    #: The first finding's title in English and in Chinese, for case summaries.
    titles: tuple[str, str] = ("", "")


class Buyers:
    """Each inspector's buyer accounts and delivery addresses (private; never shown to merchants)."""

    def __init__(self, rand: Randomness, inspectors: list[DemoUser]) -> None:
        self.accounts: dict[int, list[tuple[str, str]]] = {}
        for u in inspectors:
            pairs = []
            for _ in range(int(rand.between(2, 5))):
                alias = (
                    rand.pick(V.ALIAS_WORDS)
                    + rand.pick(V.ALIAS_TAILS)
                    + str(rand.rng.randint(1, 999))
                )
                province, city, districts = rand.pick(V.PLACES)
                town = "" if province == city else city
                address = (
                    f"{province}{town}{rand.pick(districts)}{rand.pick(V.STREETS)}"
                    f"{rand.rng.randint(1, 999)}号{rand.pick(V.ESTATES)}{rand.rng.randint(1, 30)}栋"
                    f"{rand.rng.randint(1, 4)}单元{rand.rng.randint(1, 32)}0{rand.rng.randint(1, 4)}室"
                    f"（收件人：{rand.pick(V.SURNAMES)}{'女士' if rand.chance(0.5) else '先生'} "
                    f"1{rand.pick('3589')}{rand.rng.randint(0, 9)}****{rand.rng.randint(1000, 9999)}）"
                )
                pairs.append((alias, address))
            self.accounts[u.id] = pairs


def plan_purchases(
    rand: Randomness,
    scale: Scale,
    clock: Clock,
    merchants: list[DemoMerchant],
    products: list[DemoProduct],
    inspectors: list[DemoUser],
    first_id: int,
) -> list[DemoPurchase]:
    """Every purchase's who, what, when, status and verdict, oldest first, with finding counts."""
    from inspector_app.services.demo.vocab_people import CATEGORY_BY_KEY

    chooser = WeightedChoice({i: m.weight for i, m in enumerate(merchants)})
    span = (clock.now - clock.start).total_seconds()
    planned: list[DemoPurchase] = []
    for _ in range(scale.purchases):
        m = merchants[chooser.pick(rand.rng)]
        end = span
        if m.eliminated_at is not None:  # nothing bought in its last days on the platform
            end = (m.eliminated_at - clock.start).total_seconds() - 3 * 86400
        day = clock.start + timedelta(seconds=max(0.0, end) * rand.rng.random() ** 0.85)
        product = products[rand.pick(m.products)]
        p = DemoPurchase(
            0,
            m,
            product,
            rand.pick(inspectors),
            clock.clamp(clock.working_time(rand, day)),
            PurchaseStatus.INSPECTED,
        )
        _advance(rand, clock, p, CATEGORY_BY_KEY[product.category].fail_rate)
        planned.append(p)
    planned.sort(key=lambda p: p.ordered_at or clock.now)
    for i, p in enumerate(planned):
        p.id = first_id + i
    _spread_findings(rand, planned, scale.findings)
    return planned


def _advance(rand: Randomness, clock: Clock, p: DemoPurchase, fail_rate: float) -> None:
    """Move a purchase along as far as time allows: ordered, received, inspected with a verdict."""
    age_days = (clock.now - p.ordered_at).total_seconds() / 86400 if p.ordered_at else 0
    if age_days < 4 and rand.chance(0.25):
        p.status, p.ordered_at = PurchaseStatus.PLANNED, None
        return
    if rand.chance(0.03):
        p.status = PurchaseStatus.CANCELLED
        return
    received = p.ordered_at + rand.hours(50, 0.5)
    if received >= clock.now:
        p.status = PurchaseStatus.ORDERED
        return
    p.received_at = received
    inspected = received + rand.hours(20, 0.9)
    if inspected >= clock.now or rand.chance(0.01):
        p.status = PurchaseStatus.RECEIVED
        return
    p.inspected_at = inspected
    failed = rand.chance(min(0.9, fail_rate * p.merchant.risk))
    p.verdict = Verdict.FAIL if failed else Verdict.PASS


def _spread_findings(rand: Randomness, purchases: list[DemoPurchase], total: int) -> None:
    """Give every failed purchase at least one finding, `total` in all."""
    failed = [p for p in purchases if p.verdict == Verdict.FAIL]
    if total < len(failed):  # fewer findings wanted than failures: pass the surplus
        for p in rand.rng.sample(failed, len(failed) - total):
            p.verdict = Verdict.PASS
        failed = [p for p in failed if p.verdict == Verdict.FAIL]
    if not failed and total:
        inspected = [p for p in purchases if p.verdict is not None]
        failed = rand.rng.sample(inspected, min(len(inspected), max(1, total // 3)))
        for p in failed:
            p.verdict = Verdict.FAIL
    if not failed:
        return
    extra_mean = (total - len(failed)) / len(failed)
    for p in failed:
        p.findings = 1 + (int(rand.rng.expovariate(1 / extra_mean)) if extra_mean > 0 else 0)
    diff = total - sum(p.findings for p in failed)
    while diff:
        p = rand.pick(failed)
        if diff > 0:
            step = min(diff, 1 + diff // len(failed))
            p.findings += step
            diff -= step
        elif p.findings > 1:
            step = min(-diff, p.findings - 1, 1 + (-diff) // len(failed))
            p.findings -= step
            diff += step


def purchase_row(rand: Randomness, buyers: Buyers, p: DemoPurchase, clock: Clock) -> dict:
    alias, address = rand.pick(buyers.accounts[p.inspector.id])
    created = p.ordered_at or clock.now - timedelta(days=rand.between(0.2, 3))
    number = None
    if p.ordered_at is not None:
        number = (
            f"{p.ordered_at.astimezone(CST):%y%m%d}{rand.rng.randint(100000, 999999)}{p.id:07d}"
        )
    paid = None
    if p.ordered_at is not None:
        paid = round(p.product.price_cents * rand.between(0.72, 1.0) / 10) * 10
    return stamp(
        rand,
        created,
        p.inspector.id,
        id=p.id,
        product_id=p.product.id,
        merchant_id=p.merchant.id,
        order_number=number,
        ordered_at=p.ordered_at,
        price_paid_cents=paid,
        buyer_alias=alias,
        delivery_address=address,
        received_at=p.received_at,
        inspected_at=p.inspected_at,
        inspector_id=p.inspector.id,
        status=p.status,
        # Cancelled is only ever set by hand; the other statuses follow the dates.
        status_set_by_hand=p.status == PurchaseStatus.CANCELLED,
        verdict=p.verdict,
        notes=rand.pick(_NOTES),
        plan_pick_id=None,
        updated_at=p.inspected_at or p.received_at or created,
        deleted_at=None,
    )


class FindingWriter:
    """Makes the finding rows of failed purchases from the templates, in the inspector's language."""

    def __init__(self, rand: Randomness, clock: Clock) -> None:
        self.rand, self.clock = rand, clock
        self.mix = {cat: WeightedChoice(w) for cat, w in F.CATEGORY_MIX.items()}
        self.templates: dict[tuple[str, FindingCategory], list[F.FindingTemplate]] = {}
        for cat in F.CATEGORY_MIX:
            for fc in FindingCategory:
                own = [t for t in F.TEMPLATES if t.category == fc and cat in t.applies_to]
                anyone = [t for t in F.TEMPLATES if t.category == fc and not t.applies_to]
                general = [t for t in F.TEMPLATES if t.category == fc]
                self.templates[(cat, fc)] = own + anyone or general
        #: Every template that fits a product category (when a purchase used up its category's).
        self.fitting = {
            cat: [t for t in F.TEMPLATES if not t.applies_to or cat in t.applies_to]
            for cat in F.CATEGORY_MIX
        }

    def _pick(self, category: str, used: dict[str, int]) -> tuple[F.FindingTemplate, int]:
        """A template this purchase has not used yet (a defect is recorded once), and how
        many times it was used before: only a purchase with more findings than its product
        category has kinds of defect records one again, as another spot (numbered)."""
        rand = self.rand
        fc = self.mix[category].pick(rand.rng)
        fresh = [t for t in self.templates[(category, fc)] if t.title_en not in used]
        if not fresh:
            fresh = [t for t in self.fitting[category] if t.title_en not in used]
        if fresh:
            return rand.pick(fresh), 0
        t = rand.pick(self.templates[(category, fc)])
        return t, used[t.title_en]

    def rows(self, p: DemoPurchase, next_id: int) -> Iterator[dict]:
        rand = self.rand
        p.first_finding_id = next_id
        english = p.inspector.english
        noun = p.product.name.split("） ", 1)[-1] if english else p.product.name.split("（", 1)[0]
        # A few minutes per finding, squeezed when the inspection was only just now.
        room = (self.clock.now - p.inspected_at).total_seconds() / 60 - 5
        step = max(0.0, min(3.0, room / p.findings))
        used: dict[str, int] = {}
        for i in range(p.findings):
            t, before = self._pick(p.product.category, used)
            used[t.title_en] = before + 1
            fc = t.category
            severity = t.severity
            roll = rand.rng.random()
            if roll < 0.12 and severity != Severity.CRITICAL:
                severity = Severity.MINOR if severity == Severity.MAJOR else Severity.MAJOR
            elif roll > 0.95 and severity == Severity.MAJOR:
                severity = Severity.CRITICAL
            lo, hi = t.x_range
            x = rand.between(lo, hi)
            xs = f"{x:.1f}" if hi - lo < 5 and (lo % 1 or hi % 1) else str(round(x))
            title_en, title_zh = t.title_en, t.title_zh
            if before:  # the same kind of defect at another spot of the item
                title_en, title_zh = f"{title_en} (spot {before + 1})", f"{title_zh}（第{before + 1}处）"
            title = title_en if english else title_zh
            observed = (t.observed_en if english else t.observed_zh).format(x=xs)
            opening = rand.pick(F.DESCRIPTION_EN if english else F.DESCRIPTION_ZH)
            tail = f" Item: {noun}." if english else f"商品：{noun}。"
            description = opening.format(title=title[0].lower() + title[1:] if english else title)
            at = p.inspected_at + timedelta(minutes=step * (i + rand.rng.random()))
            if i == 0 or _SEVERITY_RANK[severity] < _SEVERITY_RANK[p.worst]:
                p.worst = severity
            if i == 0:
                p.titles = (title_en, title_zh)
            # Now and then the inspector deletes a duplicate entry (the waste basket).
            deleted = None
            if i >= 4 and rand.chance(0.01):
                deleted = self.clock.clamp(at + timedelta(hours=2))
            yield stamp(
                rand,
                at,
                p.inspector.id,
                id=next_id + i,
                purchase_id=p.id,
                category=fc,
                severity=severity,
                title=title,
                description=description + tail,
                expected=t.expected_en if english else t.expected_zh,
                observed=observed,
                rule_ref=t.rule_ref if rand.rng.random() > 0.1 else "",
                deleted_at=deleted,
                deleted_by_id=p.inspector.id if deleted else None,
            )
