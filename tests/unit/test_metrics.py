"""Timing and rate metrics: hours between events, percentiles, medians and rates."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inspector_app.domain.metrics import hours_between, median, percentile, rate

T0 = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
finite = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)


def test_hours_between():
    assert hours_between(T0, T0 + timedelta(hours=60)) == 60.0
    assert hours_between(T0, T0 + timedelta(minutes=90)) == 1.5
    assert hours_between(T0 + timedelta(hours=2), T0) == -2.0
    assert hours_between(T0, T0) == 0.0


def test_hours_between_compares_instants_across_time_zones():
    beijing = timezone(timedelta(hours=8))
    assert hours_between(T0, datetime(2026, 3, 1, 20, 0, tzinfo=beijing)) == 4.0


@pytest.mark.parametrize(("start", "end"), [(None, T0), (T0, None), (None, None)])
def test_hours_between_missing_end_is_none(start, end):
    assert hours_between(start, end) is None


def test_percentile_known_values():
    xs = [1.0, 2.0, 3.0, 4.0, 5.0]
    assert percentile(xs, 0) == 1.0
    assert percentile(xs, 100) == 5.0
    assert percentile(xs, 50) == 3.0
    assert percentile(xs, 25) == 2.0
    assert percentile([10.0, 20.0], 50) == 15.0
    assert percentile([10.0, 20.0], 90) == pytest.approx(19.0)


def test_percentile_ignores_order_and_missing_values():
    assert percentile([5, None, 1, 3], 50) == 3
    assert percentile(iter([3.0, 1.0, 2.0]), 50) == 2.0


def test_percentile_of_nothing_is_none():
    assert percentile([], 50) is None
    assert percentile([None, None], 50) is None
    assert median([]) is None


def test_single_value():
    assert percentile([7], 10) == 7.0
    assert isinstance(percentile([7], 10), float)
    assert median([7]) == 7.0


def test_median():
    assert median([3, 1, 2]) == 2
    assert median([4, 1, 3, 2]) == 2.5
    assert median(x for x in [60.0, 12.0]) == 36.0


def test_rate():
    assert rate(1, 4) == 0.25
    assert rate(0, 10) == 0.0
    assert rate(3, 0) is None


@settings(max_examples=150, deadline=None)
@given(st.lists(finite, min_size=1, max_size=40), st.floats(min_value=0, max_value=100))
def test_percentile_lies_within_the_values(xs, q):
    p = percentile(xs, q)
    assert min(xs) - 1e-6 <= p <= max(xs) + 1e-6


@settings(max_examples=150, deadline=None)
@given(
    st.lists(finite, min_size=1, max_size=40),
    st.floats(min_value=0, max_value=100),
    st.floats(min_value=0, max_value=100),
)
def test_percentile_is_monotonic_in_q(xs, q1, q2):
    lo, hi = sorted((q1, q2))
    assert percentile(xs, lo) <= percentile(xs, hi) + 1e-6


@settings(max_examples=150, deadline=None)
@given(st.lists(finite, min_size=1, max_size=41).filter(lambda xs: len(xs) % 2 == 1))
def test_median_of_an_odd_count_is_the_middle_value(xs):
    assert median(xs) == sorted(xs)[len(xs) // 2]


@settings(max_examples=150, deadline=None)
@given(st.lists(finite, min_size=1, max_size=40), st.permutations(range(40)))
def test_percentile_does_not_depend_on_order(xs, perm):
    shuffled = [xs[i] for i in perm if i < len(xs)]
    assert percentile(shuffled, 37) == percentile(xs, 37)
