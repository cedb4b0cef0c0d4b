"""The sampler: follows its weights within strata (chi-square), covers key merchants, keeps to
the budget, never buys a product twice, and is reproducible from its seed."""

from __future__ import annotations

import itertools
import math
import random
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inspector_app.domain.sampling import (
    KEY_REASON,
    MerchantOption,
    ProductOption,
    Unit,
    build_units,
    draw,
    es_order,
    largest_remainder,
    merchant_weight,
)
from tests.risk.chisq import assert_fits

#: Plans drawn per statistical test; fixed seeds 0..N-1 make every run identical.
DRAWS = 3000


def _unit(
    mid: int, pid: int | None, w: float, cat: str = "服饰", brand: str = "品牌X", **kw
) -> Unit:
    return Unit(mid, pid, cat, brand, w, **kw)


def test_first_pick_in_a_stratum_follows_the_weights():
    weights = [1.0, 2.0, 3.0, 4.0, 10.0]
    units = [_unit(i + 1, 100 + i, w) for i, w in enumerate(weights)]
    seen = Counter(draw(units, seed=seed, n=1).picks[0].unit.merchant_id for seed in range(DRAWS))
    assert_fits([seen[i + 1] for i in range(len(weights))], weights)


def test_pairs_drawn_without_replacement_follow_successive_sampling():
    """Two picks from one stratum: each unordered pair has the exact probability of drawing
    proportional to weight, one after the other, without replacement."""
    weights = {1: 1.0, 2: 2.0, 3: 3.0, 4: 6.0}
    units = [_unit(m, 100 + m, w) for m, w in weights.items()]
    total = sum(weights.values())

    def p_pair(i: int, j: int) -> float:
        wi, wj = weights[i], weights[j]
        return wi / total * wj / (total - wi) + wj / total * wi / (total - wj)

    pairs = list(itertools.combinations(weights, 2))
    seen = Counter(
        tuple(sorted(p.unit.merchant_id for p in draw(units, seed=seed, n=2).picks))
        for seed in range(DRAWS)
    )
    assert sum(seen.values()) == DRAWS
    assert_fits([seen[p] for p in pairs], [p_pair(*p) for p in pairs])


def test_es_order_first_element_matches_weights_with_a_plain_rng():
    weights = [0.5, 1.5, 3.0]
    units = [_unit(i, i, w) for i, w in enumerate(weights)]
    rng = random.Random(12345)
    seen = Counter(es_order(units, rng)[0].merchant_id for _ in range(DRAWS))
    assert_fits([seen[i] for i in range(3)], weights)


def test_strata_get_seats_in_proportion_to_their_weight():
    # Stratum A holds weight 6, B 3, C 1: 20 picks split 12 / 6 / 2 exactly.
    units = (
        [_unit(i, i, 1.0, "A", "x") for i in range(1, 7)]
        + [_unit(10 + i, 10 + i, 0.5, "B", "y") for i in range(6)]
        + [_unit(20 + i, 20 + i, 0.25, "C", "z") for i in range(4)]
    )
    units = [
        Unit(u.merchant_id, u.product_id * 10 + k, u.category, u.brand, u.weight / 4)
        for u in units
        for k in range(4)
    ]
    out = draw(units, seed=1, n=20)
    assert out.allocation == {"A/x": 12, "B/y": 6, "C/z": 2}
    assert all(p.reason.startswith("random stratum fill: ") for p in out.picks)


@settings(max_examples=200, deadline=None)
@given(
    weights=st.lists(st.floats(0.01, 100), min_size=1, max_size=8),
    caps=st.lists(st.integers(0, 30), min_size=8, max_size=8),
    n=st.integers(0, 100),
)
def test_largest_remainder_fills_n_within_caps_and_near_quota(weights, caps, n):
    names = [f"s{i}" for i in range(len(weights))]
    w = dict(zip(names, weights, strict=False))
    c = dict(zip(names, caps, strict=False))
    alloc = largest_remainder(w, n, c)
    assert sum(alloc.values()) == min(n, sum(c[s] for s in names if w[s] > 0))
    assert all(0 <= alloc[s] <= c[s] for s in names)
    if all(c[s] >= n for s in names):  # no cap binds: within one seat of the exact quota
        total = sum(weights)
        assert all(abs(alloc[s] - n * w[s] / total) < 1 for s in names)


@settings(max_examples=200, deadline=None)
@given(
    weights=st.lists(st.floats(0.01, 100), min_size=1, max_size=8),
    n=st.integers(0, 60),
    seed=st.integers(0, 2**31),
)
def test_random_rounding_stays_within_a_seat_of_the_quota(weights, n, seed):
    names = [f"s{i}" for i in range(len(weights))]
    w = dict(zip(names, weights, strict=True))
    alloc = largest_remainder(w, n, dict.fromkeys(names, 1000), random.Random(seed))
    total = sum(weights)
    assert sum(alloc.values()) == n
    assert all(
        math.floor(n * w[s] / total) <= alloc[s] <= math.ceil(n * w[s] / total) for s in names
    )


def test_leftover_seats_go_to_strata_in_proportion_to_their_remainders():
    """Three equal strata and one purchase: the plain largest-remainder rule gives it to the
    same stratum every time; random rounding to each a third of the time."""
    units = [_unit(i, i, 1.0, cat, "x") for i, cat in enumerate(["A", "B", "C"])]
    plain = {draw(units, seed=s, n=1, rounding="largest").picks[0].stratum for s in range(50)}
    assert plain == {"A/x"}
    seen = Counter(draw(units, seed=s, n=1).picks[0].stratum for s in range(DRAWS))
    assert_fits([seen["A/x"], seen["B/x"], seen["C/x"]], [1, 1, 1])
    # Weights 1:2:3:4 and 3 seats: quotas 0.3, 0.6, 0.9, 1.2 are met on average.
    weights = {"A": 1.0, "B": 2.0, "C": 3.0, "D": 4.0}
    seats = Counter()
    for seed in range(DRAWS):
        alloc = largest_remainder(weights, 3, dict.fromkeys(weights, 10), random.Random(seed))
        seats.update(alloc)
    assert seats["D"] >= DRAWS  # D always gets its whole seat
    assert_fits([seats[k] for k in weights], [0.3, 0.6, 0.9, 1.2])


def _shop(n_merchants: int = 12, key: tuple[int, ...] = (1, 2, 3)):
    merchants = [
        MerchantOption(
            m,
            category=("服饰", "食品", "珠宝")[m % 3],
            risk=(m * 37) % 100,
            key_merchant=m in key,
            note=f"risk {(m * 37) % 100} (complaints 3.1/mo)",
            high_risk=(m * 37) % 100 >= 60,
            open_price_cents=8_000,
        )
        for m in range(1, n_merchants + 1)
    ]
    products = [
        ProductOption(m, 1000 * m + k, brand=f"品牌{k % 3}", price_cents=2_000 + 1_500 * k)
        for m in range(1, n_merchants + 1)
        for k in range(5)
    ]
    # The same style sold by two shops.
    products += [ProductOption(2, 1000 * 1 + 0, brand="品牌0", price_cents=2_000)]
    return merchants, products


def test_every_key_merchant_is_covered_first():
    merchants, products = _shop(key=(2, 5, 7, 11))
    for seed in range(20):
        out = draw(build_units(merchants, products), seed=seed, n=6)
        keyed = [p for p in out.picks if p.reason == KEY_REASON]
        assert sorted(p.unit.merchant_id for p in keyed) == [2, 5, 7, 11]
        assert out.picks[:4] == keyed


def test_too_few_purchases_for_the_key_merchants_is_a_warning_not_a_crash():
    merchants, products = _shop(key=(1, 2, 3, 4, 5))
    out = draw(build_units(merchants, products), seed=3, n=2)
    assert len(out.picks) == 2
    assert "5 key merchants but only 2 purchases" in out.warnings[0]


@pytest.mark.parametrize("seed", range(10))
def test_budget_is_respected(seed):
    merchants, products = _shop()
    units = build_units(merchants, products)
    for n, budget in [(None, 50_000), (40, 60_000), (5, 1_000_000)]:
        out = draw(units, seed=seed, n=n, budget_cents=budget)
        assert out.cost_cents == sum(p.unit.price_cents or 0 for p in out.picks) <= budget
        if n is not None:
            assert len(out.picks) <= n
    # Budget only: it stops when nothing more fits, not before.
    out = draw(units, seed=seed, budget_cents=50_000)
    left = 50_000 - out.cost_cents
    cheapest = min(
        u.price_cents
        for u in units
        if (u.merchant_id, u.product_id)
        not in {(p.unit.merchant_id, p.unit.product_id) for p in out.picks}
    )
    assert cheapest > left


def test_no_product_twice_and_excluded_products_stay_out():
    merchants, products = _shop()
    bought = {1001, 2002, 3003}
    units = build_units(merchants, products, exclude_products=bought)
    for seed in range(30):
        out = draw(units, seed=seed, n=len(units))
        ids = [p.unit.product_id for p in out.picks if p.unit.product_id is not None]
        assert len(ids) == len(set(ids))
        assert not bought & set(ids)
    # Product 1000 is sold by merchants 1 and 2: drawn at most once, unless repeats are allowed.
    full = draw(units, seed=1, n=len(units))
    assert [p.unit.product_id for p in full.picks].count(1000) == 1
    again = draw(units, seed=1, n=len(units), allow_repeat=True)
    assert [p.unit.product_id for p in again.picks].count(1000) == 2


def test_same_seed_same_plan_whatever_the_input_order_and_other_seeds_differ():
    merchants, products = _shop()
    units = build_units(merchants, products)
    shuffled = list(units)
    random.Random(99).shuffle(shuffled)
    a = draw(units, seed=7, n=15)
    b = draw(shuffled, seed=7, n=15)
    assert [(p.unit, p.reason) for p in a.picks] == [(p.unit, p.reason) for p in b.picks]
    others = {tuple(p.unit.sort_key for p in draw(units, seed=s, n=15).picks) for s in range(8, 18)}
    assert tuple(p.unit.sort_key for p in a.picks) not in others
    assert len(others) == 10


def test_reasons_explain_each_pick():
    merchants, products = _shop()
    out = draw(build_units(merchants, products), seed=5, n=30)
    for p in out.picks:
        if p.reason == KEY_REASON:
            assert p.unit.key_merchant
        elif p.unit.high_risk:
            assert p.reason.startswith("risk ") and "(complaints" in p.reason
        else:
            assert p.reason == f"random stratum fill: {p.stratum}"


def test_merchant_weight_split_over_its_units_and_never_zero():
    assert merchant_weight(0) == pytest.approx(0.2)
    assert merchant_weight(80) == pytest.approx(1.0)
    assert merchant_weight(150) == pytest.approx(1.2)
    merchants, products = _shop(n_merchants=2)
    units = build_units(merchants, products)
    for m in merchants:
        mine = [u for u in units if u.merchant_id == m.merchant_id]
        assert sum(u.weight for u in mine) == pytest.approx(merchant_weight(m.risk))
        assert sum(u.product_id is None for u in mine) == 1


def test_merchant_draw_frequency_follows_risk_weight_across_strata():
    """One shop per stratum, open units only: N = 1 per plan lands in proportion to weight
    only through the largest remainder, so use a single stratum of merchants instead."""
    merchants = [MerchantOption(m, category="服饰", risk=r) for m, r in [(1, 0), (2, 30), (3, 80)]]
    units = build_units(merchants, [])
    seen = Counter(draw(units, seed=s, n=1).picks[0].unit.merchant_id for s in range(DRAWS))
    assert_fits([seen[1], seen[2], seen[3]], [merchant_weight(r) for r in (0, 30, 80)])


def test_arguments_are_checked():
    with pytest.raises(ValueError):
        draw([], seed=1)
    with pytest.raises(ValueError):
        draw([], seed=1, n=-1)
    assert draw([], seed=1, n=3).warnings == [
        "only 0 of 3 purchases planned: the candidates ran out"
    ]
