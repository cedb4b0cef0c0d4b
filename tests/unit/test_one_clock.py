"""Nothing in the application reads the wall clock except inspector_app/domain/clock.py.

Tests anchor that one clock (tests/conftest.py); a stray ``datetime.now()`` would make data or
screens depend on the day the tests run again. Elapsed-time measurement (``time.monotonic``,
``time.perf_counter``) is not a clock read and stays allowed.
"""

from __future__ import annotations

import os
import re
from datetime import date, timedelta
from pathlib import Path

import inspector_app
from inspector_app.domain import clock
from inspector_app.domain.clock import CLOCK_ENV, parse_instant
from tests.conftest import ANCHOR, TEST_TZ

PACKAGE = Path(inspector_app.__file__).resolve().parent

#: Calls that read the wall clock (Python and Qt).
WALL_CLOCK = re.compile(
    r"\b(?:datetime\.(?:now|today|utcnow)\s*\("
    r"|date\.today\s*\("
    r"|time\.(?:time|time_ns|localtime|gmtime|ctime|strftime|asctime)\s*\("
    r"|Q(?:Date|Time|DateTime)\.current\w*\s*\("
    r"|QDateTime\.currentMSecsSinceEpoch|QDateTime\.currentSecsSinceEpoch)"
)

#: (file relative to the package, exact call) that deliberately use the wall clock, and why.
ALLOWED = {
    # Prunes old preview folders by their modification time, which the file system stamps
    # with the real time, whatever the application's clock says.
    ("ui/reports/jobs.py", "time.time("),
    # Start-up measurement: compares with the launching process's real time.time() and this
    # process's start in /proc, both real wall-clock times, whatever the application's clock says.
    ("ui/startup_probe.py", "time.time("),
}


def wall_clock_calls() -> list[str]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel == "domain/clock.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#", 1)[0]
            for m in WALL_CLOCK.finditer(code):
                call = re.sub(r"\s+", "", m.group(0))
                if (rel, call) not in ALLOWED:
                    found.append(f"{rel}:{number}: {line.strip()}")
    return found


def test_only_the_clock_module_reads_the_wall_clock():
    assert wall_clock_calls() == [], "use inspector_app.domain.clock instead"


def test_the_pattern_catches_what_it_should():
    for call in ("datetime.now(UTC)", "date.today()", "datetime.utcnow()", "time.time()",
                 "QDate.currentDate()", "QDateTime.currentDateTime()", "time.strftime('%Y')"):
        assert WALL_CLOCK.search(call), call
    for fine in ("clock.now()", "clock.today()", "time.monotonic()", "time.perf_counter()",
                 "self.clock.today", "datetime.fromtimestamp(st.st_mtime, UTC)"):
        assert not WALL_CLOCK.search(fine), fine


def test_the_clock_fixture_moves_time_and_children_follow(clock):
    clock.set_local(2027, 2, 28, 23, 59)
    assert clock.today() == date(2027, 2, 28)
    clock.advance(minutes=2)
    assert clock.today() == date(2027, 3, 1)
    assert parse_instant(os.environ[CLOCK_ENV]).date() == clock.now().date()
    clock.zone("America/New_York")  # 2027-03-01 00:01 in Shanghai is still February there
    assert clock.today() == date(2027, 2, 28)


def test_every_test_starts_at_the_anchor():
    # Runs after the test above moved the clock: the autouse fixture put it back on the run's
    # clock (the anchor plus the run's time so far). tests/conftest.py anchors the clock
    # before anything else; the demo and every service see the same day on every day the
    # suite runs.
    assert clock.is_anchored()
    assert ANCHOR <= clock.now() < ANCHOR + timedelta(hours=1)
    assert os.environ["TZ"] == TEST_TZ
