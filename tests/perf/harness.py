"""What every benchmark item shares: sizes, timing medians, memory readings, results, profiles."""

from __future__ import annotations

import gc
import getpass
import json
import logging
import os
import statistics
import tempfile
import threading
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

PERF_DIR = Path(__file__).resolve().parent
#: Cached databases, photo sets and scratch folders of full runs (gitignored).
FULL_CACHE_DIR = PERF_DIR / ".cache"
#: Small text profiles of the items that miss their goal.
FULL_PROFILE_DIR = PERF_DIR / "profiles"
RESULTS_FILE = PERF_DIR / "RESULTS.md"
#: Timed runs per item (after one untimed warm-up); the table shows medians.
RUNS = 5

#: "1" in a quick run (`run_bench --quick`); the item processes inherit it.
QUICK_ENV = "INSPECTOR_BENCH_QUICK"
#: Another folder for the caches (the quick-run test gives each run its own).
CACHE_ENV = "INSPECTOR_BENCH_CACHE"


def set_quick(quick: bool) -> None:
    """Choose the mode for this process and the processes it starts."""
    os.environ[QUICK_ENV] = "1" if quick else "0"


def is_quick() -> bool:
    """A quick run: small sizes, one timed run, no goals, caches in a temporary folder."""
    return os.environ.get(QUICK_ENV) == "1"


def cache_dir() -> Path:
    """Cached databases, photo sets and scratch folders: tests/perf/.cache for full runs;
    for quick runs a folder of their own under the system's temporary folder (so a quick
    run never touches the big cached database)."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    if is_quick():
        return Path(tempfile.gettempdir()) / f"inspector-bench-quick-{getpass.getuser()}"
    return FULL_CACHE_DIR


def profile_dir() -> Path:
    """Where profiles go: tests/perf/profiles, or the quick run's cache."""
    return cache_dir() / "profiles" if is_quick() else FULL_PROFILE_DIR


def runs() -> int:
    """Timed runs per item: RUNS, or one in a quick run."""
    return 1 if is_quick() else RUNS


def diagnose(ok: bool | None) -> bool:
    """Whether to explain a result (breakdown, profile): when it misses its goal, and always
    in a quick run, so that those paths are exercised too."""
    return is_quick() or not ok


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
#: A quick run: seconds per item (every code path, no meaningful timing).
QUICK = Sizes("quick", 300, 2_000, 20, 500, 4, 4, 300, 2_000)


def sizes(quick: bool | None = None) -> Sizes:
    return QUICK if (is_quick() if quick is None else quick) else FULL


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
    n_runs: int | None = None,
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
    for _ in range(n_runs or runs()):
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
        profile_dir().mkdir(parents=True, exist_ok=True)
        text = profiler.output_text(unicode=False, color=False, show_all=False, timeline=False)
        lines = text.splitlines()
        if len(lines) > 120:  # small text files: the top of the tree says where time goes
            lines = [*lines[:120], f"... ({len(lines) - 120} more lines)"]
        (profile_dir() / f"{name}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def profile_path(name: str) -> str:
    return str(profile_dir() / f"{name}.txt") if is_quick() else f"tests/perf/profiles/{name}.txt"
