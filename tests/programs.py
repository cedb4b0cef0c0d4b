"""Tests that need a program of the operating system: marked, skipped with one summary line.

`make test` needs only Python and what it installs. A few checks need more: LibreOffice
opening a workbook (``needs_soffice``), poppler drawing PDF pages (``needs_poppler``), a
PostgreSQL server (``needs_postgres``, through INSPECTOR_TEST_PG_URL). Without the program
such a test is skipped, and the end of the run prints ONE line naming what was missing and
the Debian package that brings it. With INSPECTOR_REQUIRE_SYSTEM_PROGRAMS=1 (`.ci/run` sets
it) a missing program fails the test instead, so CI never skips them silently.
"""

from __future__ import annotations

import os
import shutil
from collections import Counter
from dataclasses import dataclass

import pytest

#: Environment variable under which a missing program is a failure, not a skip.
REQUIRE_ENV = "INSPECTOR_REQUIRE_SYSTEM_PROGRAMS"


@dataclass(frozen=True)
class Need:
    what: str  # named in the summary line
    how: str  # how to get it
    programs: tuple[str, ...] = ()  # found on PATH
    env: str = ""  # or: this environment variable is set

    def missing(self) -> bool:
        if self.env:
            return not os.environ.get(self.env)
        return any(shutil.which(p) is None for p in self.programs)


NEEDS = {
    "needs_soffice": Need(
        "soffice", "apt install libreoffice-calc-nogui", programs=("soffice",)
    ),
    "needs_poppler": Need(
        "pdftoppm/pdfinfo", "apt install poppler-utils", programs=("pdftoppm", "pdfinfo")
    ),
    "needs_appstream": Need(
        "appstreamcli", "apt install appstream", programs=("appstreamcli",)
    ),
    "needs_xvfb": Need("xvfb-run", "apt install xvfb xauth", programs=("xvfb-run",)),
    "needs_postgres": Need(
        "PostgreSQL",
        "apt install postgresql, then set INSPECTOR_TEST_PG_URL as .ci/run does",
        env="INSPECTOR_TEST_PG_URL",
    ),
}

_skipped: Counter[str] = Counter()


def required() -> bool:
    return os.environ.get(REQUIRE_ENV, "") not in ("", "0")


def pytest_configure(config) -> None:
    for marker, need in NEEDS.items():
        config.addinivalue_line(
            "markers", f"{marker}: needs {need.what} from the operating system ({need.how})"
        )


def pytest_runtest_setup(item) -> None:
    for marker, need in NEEDS.items():
        if item.get_closest_marker(marker) is None or not need.missing():
            continue
        reason = f"{need.what} not available ({need.how})"
        if required():
            pytest.fail(f"{reason}; {REQUIRE_ENV} is set, so this cannot be skipped", pytrace=False)
        _skipped[need.what] += 1
        pytest.skip(reason)


def summary() -> str:
    """The one line naming what was skipped for missing programs ("" when nothing was)."""
    if not _skipped:
        return ""
    parts = []
    for need in NEEDS.values():
        if _skipped[need.what]:
            n = _skipped[need.what]
            parts.append(f"{need.what} ({need.how}): {n} test{'s' if n != 1 else ''}")
    return "skipped for missing system programs: " + "; ".join(parts)


def pytest_terminal_summary(terminalreporter) -> None:
    line = summary()
    if line:
        terminalreporter.write_line(line, yellow=True)
