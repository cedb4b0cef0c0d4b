"""The time-sensitive tests again at the instants where dates go wrong.

The suite runs with the clock fixed at a quiet mid-month morning (tests/conftest.py). Bugs
about dates hide at the edges, so every test marked ``time_sensitive`` runs once more, in a
child pytest per instant (INSPECTOR_TEST_INSTANT / INSPECTOR_TEST_TZ), at: a month's first
half hour, its last half hour (31 March: the month before and after are shorter), the
morning clocks go forward in Europe/Berlin, and New Year's first half hour. Two children run
at a time.
"""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.conftest import TIME_SENSITIVE

ROOT = Path(__file__).resolve().parents[1]

#: name -> (instant, time zone of the run)
INSTANTS = {
    "month-start": ("2026-07-01T00:30:00+08:00", "Asia/Shanghai"),
    "month-end": ("2026-03-31T23:30:00+08:00", "Asia/Shanghai"),
    "dst-change": ("2026-03-29T03:30:00+02:00", "Europe/Berlin"),
    "new-year": ("2027-01-01T00:30:00+08:00", "Asia/Shanghai"),
}

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        bool(os.environ.get("INSPECTOR_TEST_INSTANT")),
        reason="already running at a chosen instant",
    ),
]


def _run(instant: str, zone: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "INSPECTOR_CLOCK"}
    env.update(INSPECTOR_TEST_INSTANT=instant, INSPECTOR_TEST_TZ=zone, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-m", "time_sensitive", "-p", "no:cacheprovider",
         *TIME_SENSITIVE],  # the marked modules only: collecting the whole suite costs seconds
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=1800,
    )


@pytest.fixture(scope="module")
def runs():
    """The child runs, started together (two at a time) when the first is asked for."""
    pool = ThreadPoolExecutor(max_workers=int(os.environ.get("INSPECTOR_INSTANT_JOBS", "2")))
    futures: dict[str, Future] = {
        name: pool.submit(_run, instant, zone) for name, (instant, zone) in INSTANTS.items()
    }
    yield futures
    pool.shutdown(wait=True, cancel_futures=True)


@pytest.mark.parametrize("name", list(INSTANTS))
def test_time_sensitive_tests_pass_at(name, runs):
    result = runs[name].result()
    tail = "\n".join((result.stdout + result.stderr).splitlines()[-60:])
    assert result.returncode == 0, f"{name} {INSTANTS[name]}:\n{tail}"
    assert " passed" in result.stdout and "no tests ran" not in result.stdout, tail
