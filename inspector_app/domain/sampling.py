"""Risk-weighted stratified random sampling of what to buy: reproducible, explained pick by pick.

The universe is a list of units: a known product of a merchant, or an "open" unit (any
product of that shop, chosen by the inspector). A merchant's sampling weight grows with its
risk score and never reaches 0, so every merchant can be drawn and none can game the plan;
the weight is split evenly over the merchant's units, so knowing more of its products does
not make a merchant more likely to be drawn.

1. Every key merchant gets one pick first ("key merchant coverage").
2. The remaining N picks are allocated over strata (category/brand) in proportion to the
   strata's summed weights, capped by what each stratum holds: whole parts of the quotas
   first (Hamilton, largest remainder); the leftover seats go to strata drawn with
   probability equal to their remainders, because the plain largest-remainder rule would
   give them to the same big strata in every plan and never sample a small one (a merchant
   alone in a small category could count on never being bought from). rounding="largest"
   keeps the plain rule. With only a budget, N is what the budget buys at the weighted mean
   price; what still fits afterwards goes one seat at a time to the stratum with the
   highest W / (taken + 0.5) (Sainte-Lague).
3. Within a stratum, units are drawn without replacement with probability proportional to
   weight by Efraimidis-Spirakis keys u ** (1 / w) (log form).
   Prices are what a pick is expected to cost net of refunds (services/sampling_plans.py,
   docs/domain.md "What the team spent").
4. No product is picked twice, unless allowed; the caller removes products already bought
   in the period. Random numbers come from random.Random(seed) and the inputs are sorted
   first, so the same seed and data give the same plan.
"""

from __future__ import annotations

import logging
import math
import random
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

logger = logging.getLogger(__name__)

#: Weight of a merchant with risk 0, relative to 1.0 added at risk 100: a risk-80 merchant
#: is drawn 5 times as often as a spotless one, a spotless one still now and then.
WEIGHT_FLOOR = 0.2
#: Shown for units without a category or brand.
NO_CATEGORY = "(no category)"
ANY_BRAND = "(any brand)"
KEY_REASON = "key merchant coverage"


def merchant_weight(risk: float, floor: float = WEIGHT_FLOOR) -> float:
    """Sampling weight of a merchant: floor + risk / 100 (risk clamped to 0..100)."""
    return floor + min(max(risk, 0.0), 100.0) / 100.0


@dataclass(frozen=True)
class MerchantOption:
    merchant_id: int
    category: str = ""
    risk: float = 0.0
    key_merchant: bool = False
    #: Shown as the reason of a risk-driven pick, e.g. "risk 78 (complaints 3.1/mo, ...)".
    note: str = ""
    #: True when the risk (not chance) is why this merchant is in the plan.
    high_risk: bool = False
    #: Estimated price of an open pick (any product of the shop), cents.
    open_price_cents: int | None = None


@dataclass(frozen=True)
class ProductOption:
    merchant_id: int
    product_id: int
    category: str = ""
    brand: str = ""
    price_cents: int | None = None


@dataclass(frozen=True)
class Unit:
    merchant_id: int
    product_id: int | None
    category: str
    brand: str
    weight: float
    price_cents: int | None = None
    key_merchant: bool = False
    note: str = ""
    high_risk: bool = False

    @property
    def stratum(self) -> str:
        return f"{self.category or NO_CATEGORY}/{self.brand or ANY_BRAND}"

    @property
    def sort_key(self) -> tuple[str, int, int]:
        return (self.stratum, self.merchant_id, -1 if self.product_id is None else self.product_id)


@dataclass(frozen=True)
class Pick:
    unit: Unit
    reason: str

    @property
    def stratum(self) -> str:
        return self.unit.stratum


@dataclass
class Draw:
    picks: list[Pick] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    cost_cents: int = 0
    #: stratum -> picks made in it (key-merchant picks included).
    allocation: dict[str, int] = field(default_factory=dict)


def build_units(
    merchants: Iterable[MerchantOption],
    products: Iterable[ProductOption],
    *,
    exclude_products: Iterable[int] = (),
    floor: float = WEIGHT_FLOOR,
    open_units: bool = True,
) -> list[Unit]:
    """Units for the eligible merchants: their known products (minus the excluded) and one
    open unit each; the merchant's weight is split evenly over its units."""
    excluded = set(exclude_products)
    by_merchant: dict[int, list[ProductOption]] = defaultdict(list)
    for p in products:
        if p.product_id not in excluded:
            by_merchant[p.merchant_id].append(p)
    units: list[Unit] = []
    for m in sorted(merchants, key=lambda m: m.merchant_id):
        own = sorted(
            {p.product_id: p for p in by_merchant.get(m.merchant_id, [])}.values(),
            key=lambda p: p.product_id,
        )
        n = len(own) + (1 if open_units or not own else 0)
        w = merchant_weight(m.risk, floor) / n
        common: dict[str, Any] = {
            "key_merchant": m.key_merchant, "note": m.note, "high_risk": m.high_risk
        }
        units.extend(
            Unit(
                m.merchant_id,
                p.product_id,
                p.category or m.category,
                p.brand,
                w,
                p.price_cents,
                **common,
            )
            for p in own
        )
        if open_units or not own:
            units.append(Unit(m.merchant_id, None, m.category, "", w, m.open_price_cents, **common))
    return units


def es_order(units: Sequence[Unit], rng: random.Random) -> list[Unit]:
    """Units in Efraimidis-Spirakis order: each prefix is a weighted sample without replacement."""
    keyed = []
    for u in units:
        r = 1.0 - rng.random()  # in (0, 1]
        key = math.log(r) / u.weight if u.weight > 0 else -math.inf
        keyed.append((-key, u.sort_key, u))
    keyed.sort(key=lambda t: (t[0], t[1]))
    return [u for _, _, u in keyed]


def largest_remainder(
    weights: dict[str, float],
    n: int,
    caps: dict[str, int],
    rng: random.Random | None = None,
) -> dict[str, int]:
    """n seats over strata in proportion to `weights`, no stratum over its cap.

    Every stratum first gets the whole part of its quota (Hamilton). The seats left over go
    to the largest remainders, or, with `rng`, to strata drawn with probability equal to
    their remainder (systematic sampling over the remainders): then each stratum's expected
    seats equal its quota exactly, and a small stratum is not left out of every plan.
    """
    alloc = dict.fromkeys(weights, 0)
    open_ = {s for s in weights if caps.get(s, 0) > 0 and weights[s] > 0}
    n = min(n, sum(caps.get(s, 0) for s in open_))
    while n > 0 and open_:
        total = sum(weights[s] for s in open_)
        quota = {s: n * weights[s] / total for s in open_}
        capped = {s for s in open_ if math.floor(quota[s]) >= caps[s] - alloc[s]}
        if capped:  # give capped strata all they hold and share the rest again
            for s in sorted(capped):
                n -= caps[s] - alloc[s]
                alloc[s] = caps[s]
            open_ -= capped
            continue
        base = {s: math.floor(quota[s]) for s in open_}
        for s, k in base.items():
            alloc[s] += k
        rest = n - sum(base.values())
        if rng is None:
            order = sorted(open_, key=lambda s: (-(quota[s] - base[s]), -weights[s], s))
            winners = order[:rest]
        else:
            winners = _systematic({s: quota[s] - base[s] for s in sorted(open_)}, rest, rng)
        for s in winners:
            alloc[s] += 1
        break
    return alloc


def _systematic(remainders: dict[str, float], k: int, rng: random.Random) -> list[str]:
    """k strata, each drawn with probability equal to its remainder (< 1; they sum to k)."""
    if k <= 0:
        return []
    start = rng.random()
    points = [start + i for i in range(k)]
    chosen, edge, j = [], 0.0, 0
    for s, r in remainders.items():
        edge += r
        while j < k and points[j] < edge:
            chosen.append(s)
            j += 1
    names = list(remainders)
    while j < k:  # a rounding error at the top end: give it to the last stratum not chosen
        chosen.append(next(s for s in reversed(names) if s not in chosen))
        j += 1
    return chosen


def _fits(u: Unit, budget: int | None, spent: int) -> bool:
    return budget is None or (u.price_cents or 0) + spent <= budget


class _Sampler:
    def __init__(
        self,
        units: Sequence[Unit],
        n: int | None,
        budget: int | None,
        rng: random.Random,
        allow_repeat: bool,
        rounding: str = "random",
    ) -> None:
        self.units, self.n, self.budget, self.rng = units, n, budget, rng
        self.allow_repeat, self.rounding = allow_repeat, rounding
        self.out = Draw()
        self.used_products: set[int] = set()
        self.used_units: set[tuple[str, int, int]] = set()

    def usable(self, u: Unit) -> bool:
        if u.sort_key in self.used_units:
            return False
        return self.allow_repeat or u.product_id is None or u.product_id not in self.used_products

    def take(self, u: Unit, reason: str) -> None:
        self.out.picks.append(Pick(u, reason))
        self.out.cost_cents += u.price_cents or 0
        self.out.allocation[u.stratum] = self.out.allocation.get(u.stratum, 0) + 1
        self.used_units.add(u.sort_key)
        if u.product_id is not None:
            self.used_products.add(u.product_id)

    def full(self) -> bool:
        return self.n is not None and len(self.out.picks) >= self.n

    def cover_key_merchants(self) -> None:
        by_m: dict[int, list[Unit]] = defaultdict(list)
        for u in self.units:
            if u.key_merchant:
                by_m[u.merchant_id].append(u)
        # Highest weight first, so a too small N still covers the riskiest key merchants.
        order = sorted(by_m, key=lambda m: (-sum(u.weight for u in by_m[m]), m))
        for mid in order:
            if self.full():
                self.out.warnings.append(
                    f"{len(order)} key merchants but only {self.n} purchases: "
                    f"{len(order) - (self.n or 0)} key merchants not covered"
                )
                return
            choice = next(
                (
                    u
                    for u in es_order(by_m[mid], self.rng)
                    if self.usable(u) and _fits(u, self.budget, self.out.cost_cents)
                ),
                None,
            )
            if choice is None:
                self.out.warnings.append(f"key merchant {mid} not covered: nothing fits")
            else:
                self.take(choice, KEY_REASON)

    def fill_strata(self) -> None:
        strata: dict[str, list[Unit]] = defaultdict(list)
        for u in self.units:
            if self.usable(u):
                strata[u.stratum].append(u)
        names = sorted(strata)
        queues = {s: es_order(strata[s], self.rng) for s in names}
        weight = {s: sum(u.weight for u in strata[s]) for s in names}
        taken = dict.fromkeys(names, 0)
        target = self.n if self.n is not None else len(self.out.picks) + self._affordable(strata)
        # Proportional rounds until N (or, with a budget only, about what it buys) ...
        while len(self.out.picks) < target:
            live = [s for s in names if queues[s]]
            if not live:
                break
            need = target - len(self.out.picks)
            caps = {s: len(queues[s]) for s in live}
            rng = self.rng if self.rounding == "random" else None
            quota = largest_remainder({s: weight[s] for s in live}, need, caps, rng)
            before = len(self.out.picks)
            self._take_round(live, quota, queues, weight, taken, target)
            if len(self.out.picks) == before:
                break
        # ... then, with a budget only, whatever still fits, one seat at a time.
        if self.n is None:
            live = [s for s in names if queues[s]]
            self._take_round(live, {s: len(queues[s]) for s in live}, queues, weight, taken, None)

    def _affordable(self, strata: dict[str, list[Unit]]) -> int:
        """About how many more picks the budget buys at the weight-averaged price."""
        units = [u for group in strata.values() for u in group]
        total = sum(u.weight for u in units)
        if not units or total <= 0 or self.budget is None:
            return len(units)
        mean = sum(u.weight * (u.price_cents or 0) for u in units) / total
        left = self.budget - self.out.cost_cents
        return len(units) if mean <= 0 else min(len(units), int(left // mean))

    def _take_round(
        self,
        live: list[str],
        quota: dict[str, int],
        queues: dict[str, list[Unit]],
        weight: dict[str, float],
        taken: dict[str, int],
        limit: int | None,
    ) -> None:
        """Take each stratum's quota, interleaved by Sainte-Lague priority so a budget that
        runs out cuts every stratum alike."""
        left = dict(quota)
        while not self.full() and (limit is None or len(self.out.picks) < limit):
            ready = [s for s in live if left.get(s, 0) > 0 and queues[s]]
            if not ready:
                return
            s = min(ready, key=lambda s: (-weight[s] / (taken[s] + 0.5), s))
            q = queues[s]
            idx = next(
                (
                    i
                    for i, u in enumerate(q)
                    if self.usable(u) and _fits(u, self.budget, self.out.cost_cents)
                ),
                None,
            )
            if idx is None:  # nothing left here that is allowed or affordable
                q.clear()
                continue
            u = q[idx]
            # Units skipped on the way are used up or too dear: the spend only grows.
            del q[: idx + 1]
            left[s] -= 1
            taken[s] += 1
            self.take(u, u.note if u.high_risk and u.note else f"random stratum fill: {s}")


def draw(
    units: Iterable[Unit],
    *,
    seed: int,
    n: int | None = None,
    budget_cents: int | None = None,
    allow_repeat: bool = False,
    rounding: str = "random",
) -> Draw:
    """A plan: N picks and/or picks within a budget (list prices), reproducible from `seed`.

    `rounding` is how leftover seats go to strata: "random" (probability = remainder,
    unbiased) or "largest" (the plain largest-remainder rule, deterministic).
    """
    if rounding not in ("random", "largest"):
        raise ValueError(f"unknown rounding {rounding!r}")
    if n is None and budget_cents is None:
        raise ValueError("give a number of purchases, a budget, or both")
    if n is not None and n < 0 or budget_cents is not None and budget_cents < 0:
        raise ValueError("the number of purchases and the budget cannot be negative")
    ordered = sorted(units, key=lambda u: u.sort_key)
    sampler = _Sampler(ordered, n, budget_cents, random.Random(seed), allow_repeat, rounding)
    sampler.cover_key_merchants()
    sampler.fill_strata()
    out = sampler.out
    if n is not None and len(out.picks) < n:
        what = "the budget" if budget_cents is not None else "the candidates"
        out.warnings.append(f"only {len(out.picks)} of {n} purchases planned: {what} ran out")
    logger.info("sampling: %d picks, cost %d cents, seed %s", len(out.picks), out.cost_cents, seed)
    return out
