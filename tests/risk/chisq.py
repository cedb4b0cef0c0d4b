"""Chi-square goodness of fit without scipy: the statistic and tabulated critical values."""

from __future__ import annotations

from collections.abc import Sequence

#: Upper 0.1% points of the chi-square distribution by degrees of freedom (any statistics table).
CRITICAL_0_001 = {
    1: 10.828,
    2: 13.816,
    3: 16.266,
    4: 18.467,
    5: 20.515,
    6: 22.458,
    7: 24.322,
    8: 26.124,
    9: 27.877,
    10: 29.588,
    11: 31.264,
    12: 32.909,
    14: 36.123,
    15: 37.697,
}


def statistic(observed: Sequence[int], expected_p: Sequence[float]) -> float:
    n = sum(observed)
    total = sum(expected_p)
    return sum(
        (o - n * p / total) ** 2 / (n * p / total)
        for o, p in zip(observed, expected_p, strict=True)
    )


def assert_fits(observed: Sequence[int], expected_p: Sequence[float]) -> float:
    """Fail when the counts reject the expected proportions at the 0.1% level."""
    df = len(observed) - 1
    stat = statistic(observed, expected_p)
    assert stat < CRITICAL_0_001[df], (
        f"chi-square {stat:.2f} >= {CRITICAL_0_001[df]} (df {df}): {observed}"
    )
    return stat
