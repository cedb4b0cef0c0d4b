"""What every benchmark item shares: sizes, timing medians, memory readings, results, profiles."""

from __future__ import annotations

import gc
import json
import logging
import os
import statistics
import threading
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

PERF_DIR = Path(__file__).resolve().parent
#: Cached databases, photo sets and scratch folders (gitignored).
CACHE_DIR = PERF_DIR / ".cache"
#: Small text profiles of the items that miss their goal.
PROFILE_DIR = PERF_DIR / "profiles"
RESULTS_FILE = PERF_DIR / "RESULTS.md"
#: Timed runs per item (after one untimed warm-up); the table shows medians.
RUNS = 5


@dataclass(frozen=True)
class Sizes:
    """How big everything is: the issue's sizes, or a smoke run's (--quick)."""

    name: str
    purchases: int
    findings: int
    photos: int
    export_findings: int
    import_photos: int
    notice_photos: int
    demo_purchases: int
    demo_findings: int


FULL = Sizes("full", 100_000, 1_000_000, 20_000, 100_000, 200, 100, 100_000, 1_000_000)
QUICK = Sizes("quick", 5_000, 50_000, 1_000, 10_000, 20, 20, 5_000, 50_000)


def sizes(quick: bool) -> Sizes:
    return QUICK if quick else FULL


@dataclass
class Result:
    """One row of the table. `ok` None means "not measured" (an error, see notes)."""

    item: str
    title: str
    ours: str = ""
    baseline: str = ""
    ratio: str = ""
    goal: str = ""
    ok: bool | None = None
    notes: list[str] = field(default_factory=list)
    samples: dict[str, list[float]] = field(default_factory=dict)

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> Result:
        return cls(**json.loads(text))


def median(values: list[float]) -> float:
    return statistics.median(values)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms" if seconds < 10 else f"{seconds:.1f} s"


def secs(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def mb(n_bytes: float) -> str:
    return f"{n_bytes / 1048576:.0f} MB"


def ratio_result(
    item: str,
    title: str,
    ours: list[float],
    base: list[float],
    limit: float,
    *,
    fmt: Callable[[float], str] = secs,
    notes: list[str] | None = None,
) -> Result:
    """A row whose goal is ours/baseline <= limit (medians)."""
    o, b = median(ours), median(base)
    r = o / b if b > 0 else float("inf")
    return Result(
        item, title, fmt(o), fmt(b), f"{r:.2f}x", f"<= {limit:g}x", r <= limit,
        list(notes or []), {"ours": ours, "baseline": base},
    )


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    gc.collect()
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def alternate(
    ours: Callable[[], Any],
    base: Callable[[], Any],
    runs: int = RUNS,
    *,
    warmup: bool = True,
    between: Callable[[], None] | None = None,
) -> tuple[list[float], list[float]]:
    """Time ours and the baseline alternately (so drifting load hits both alike)."""
    if warmup:
        ours()
        base()
    a: list[float] = []
    b: list[float] = []
    for _ in range(runs):
        for fn, out in ((ours, a), (base, b)):
            if between is not None:
                between()
            out.append(timed(fn)[0])
    return a, b


def rss_bytes() -> int:
    """Resident memory of this process now."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def peak_rss_bytes() -> int:
    """The process's resident high-water mark (VmHWM)."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return 0


class MemorySampler:
    """Samples this process's RSS on a thread; `growth` is the peak over the starting RSS."""

    def __init__(self, interval: float = 0.02) -> None:
        self.interval = interval
        self.start = self.peak = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def __enter__(self) -> MemorySampler:
        gc.collect()
        self.start = self.peak = rss_bytes()
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.peak = max(self.peak, rss_bytes())

    def __exit__(self, *exc) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        self.peak = max(self.peak, rss_bytes())

    @property
    def growth(self) -> int:
        return self.peak - self.start


@contextmanager
def profiled(name: str, enabled: bool = True):
    """Profile the block with pyinstrument and save the text to tests/perf/profiles/<name>.txt."""
    if not enabled:
        yield None
        return
    try:
        from pyinstrument import Profiler
    except ImportError:  # pragma: no cover - pyinstrument is in the dev extras
        logger.warning("pyinstrument is not installed; no profile for %s", name)
        yield None
        return
    profiler = Profiler(interval=0.001, async_mode="disabled")
    profiler.start()
    try:
        yield profiler
    finally:
        profiler.stop()
        PROFILE_DIR.mkdir(parents=True, exist_ok=True)
        text = profiler.output_text(unicode=False, color=False, show_all=False, timeline=False)
        lines = text.splitlines()
        if len(lines) > 120:  # small text files: the top of the tree says where time goes
            lines = [*lines[:120], f"... ({len(lines) - 120} more lines)"]
        (PROFILE_DIR / f"{name}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def profile_path(name: str) -> str:
    return f"tests/perf/profiles/{name}.txt"
