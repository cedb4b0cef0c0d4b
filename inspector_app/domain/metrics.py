"""Timing and rate metrics (docs/domain.md, "The figures"): hours between events, medians and percentiles."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from datetime import datetime


def hours_between(start: datetime | None, end: datetime | None) -> float | None:
    """Hours from start to end, or None when either is missing."""
    if start is None or end is None:
        return None
    return (end - start).total_seconds() / 3600.0


def percentile(values: Sequence[float] | Iterable[float], q: float) -> float | None:
    """The q-th percentile (0..100) by linear interpolation; None for no values."""
    xs = sorted(v for v in values if v is not None)
    if not xs:
        return None
    if len(xs) == 1:
        return float(xs[0])
    k = (len(xs) - 1) * (q / 100.0)
    lo, hi = math.floor(k), math.ceil(k)
    if lo == hi:
        return float(xs[int(k)])
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def median(values: Iterable[float]) -> float | None:
    return percentile(list(values), 50)


def rate(part: int, whole: int) -> float | None:
    """part / whole, or None when whole is 0."""
    return None if not whole else part / whole
