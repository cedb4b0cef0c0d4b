"""Shared pieces of the demo generator: the seeded randomness, the clock and the demo's size."""

from __future__ import annotations

import bisect
import itertools
import logging
import math
import random
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any, Generic, TypeVar

from inspector_app.domain import clock

logger = logging.getLogger(__name__)

T = TypeVar("T")

#: The team works in China Standard Time; demo events happen in its working hours.
CST = timezone(timedelta(hours=8), "CST")
#: How far back the demo's purchases go.
HISTORY_DAYS = 365


def default_findings(purchases: int) -> int:
    """Findings for a demo of this size: 0.4 per purchase up to 1,000, 10 per purchase at 100,000.

    A small demo reads like a real year (about one purchase in five fails, with one or two
    findings); at benchmark size (docs/performance.md) it makes the 1,000,000 findings the benchmarks
    need. The ratio grows smoothly in between and stays at 10 beyond.
    """
    if purchases <= 0:
        return 0
    ratio = 0.4 * max(1.0, purchases / 1000) ** math.log(10 / 0.4, 100)
    return round(purchases * min(ratio, 10.0))


def default_photos(purchases: int) -> int:
    """Photo rows: 30% of purchases, at most 20,000 (they share a pool of generated images)."""
    return min(20_000, max(12, round(purchases * 0.3)))


@dataclass(frozen=True)
class Scale:
    """How much of everything one demo makes."""

    purchases: int
    findings: int
    photos: int
    merchants: int
    products: int
    inspectors: int
    images: int

    @classmethod
    def for_purchases(
        cls, purchases: int, findings: int | None = None, photos: int | None = None
    ) -> Scale:
        factor = max(purchases, 1) / 1000
        photo_rows = default_photos(purchases) if photos is None else photos
        return cls(
            purchases=purchases,
            findings=default_findings(purchases) if findings is None else findings,
            photos=photo_rows,
            merchants=max(12, round(60 * factor**0.7)),
            products=max(40, round(300 * factor**0.65)),
            inspectors=max(4, min(80, round(6 * factor**0.5))),
            images=min(photo_rows, 300, 100 + photo_rows // 2),
        )


class Randomness:
    """Every random choice of the demo, from one seed, so a seed always gives the same data."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self._uid_rng = random.Random(f"uid-{seed}")

    def uid(self) -> str:
        return str(uuid.UUID(int=self._uid_rng.getrandbits(128), version=4))

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def pick(self, seq: Sequence[T]) -> T:
        return seq[int(self.rng.random() * len(seq))]

    def between(self, low: float, high: float) -> float:
        return low + (high - low) * self.rng.random()

    def weighted(self, weights: dict[T, float] | WeightedChoice[T]) -> T:
        chooser = weights if isinstance(weights, WeightedChoice) else WeightedChoice(weights)
        return chooser.pick(self.rng)

    def hours(self, median: float, spread: float = 0.8) -> timedelta:
        """A log-normal duration around `median` hours (delays are skewed: a few are long)."""
        return timedelta(hours=median * math.exp(self.rng.gauss(0.0, spread)))


class WeightedChoice(Generic[T]):
    """Repeated weighted choices without rebuilding the cumulative weights."""

    def __init__(self, weights: Mapping[T, float]) -> None:
        self.items = list(weights)
        self.cum = list(itertools.accumulate(float(w) for w in weights.values()))

    def pick(self, rng: random.Random) -> T:
        return self.items[bisect.bisect_right(self.cum, rng.random() * self.cum[-1])]


@dataclass
class Clock:
    """'Now' for the demo, and working-hours times in China Standard Time."""

    now: datetime

    @classmethod
    def current(cls) -> Clock:
        return cls(clock.now().replace(microsecond=0))

    @property
    def today(self) -> date:
        """The local date of the demo's 'now'."""
        return self.now.astimezone().date()

    @property
    def start(self) -> datetime:
        return self.now - timedelta(days=HISTORY_DAYS)

    def working_time(self, rand: Randomness, day: datetime) -> datetime:
        """A moment between 09:00 and 22:00 CST on the CST day of `day`, in UTC."""
        local = day.astimezone(CST).replace(hour=9, minute=0, second=0, microsecond=0)
        return (local + timedelta(seconds=int(rand.between(0, 13 * 3600)))).astimezone(UTC)

    def clamp(self, t: datetime) -> datetime:
        return min(t, self.now - timedelta(minutes=5))


def stamp(
    rand: Randomness, at: datetime, creator_id: int | None, /, **values: Any
) -> dict[str, Any]:
    """A row dict with the columns every table shares (uid, times, creator)."""
    return {
        "uid": rand.uid(),
        "created_at": at,
        "updated_at": values.pop("updated_at", at),
        "created_by_id": creator_id,
        **values,
    }
