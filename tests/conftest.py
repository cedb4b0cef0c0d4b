"""Shared fixtures: every test gets its own data folder and database file; Qt runs offscreen.

Time is fixed for the whole run: the time zone is Asia/Shanghai (where the users are) and the
application's clock (inspector_app/domain/clock.py) is anchored at :data:`ANCHOR` before any
fixture, session-scoped ones included (the shared demo database of tests/cli), is built. Every
test starts at the anchor; the ``clock`` fixture moves it on purpose. Child processes inherit
the anchor through ``INSPECTOR_CLOCK``. ``INSPECTOR_TEST_INSTANT`` (ISO instant with offset) and
``INSPECTOR_TEST_TZ`` choose another anchor and zone (tests/test_instants.py uses them).
"""

from __future__ import annotations

import os
import time
from datetime import datetime, timedelta

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("INSPECTOR_DB_URL", None)

#: The zone of the whole run.
TEST_TZ = os.environ.get("INSPECTOR_TEST_TZ") or "Asia/Shanghai"
os.environ["TZ"] = TEST_TZ
time.tzset()  # before Qt or anything else reads the zone

import pytest  # noqa: E402

from inspector_app.domain import clock as app_clock  # noqa: E402
from inspector_app.domain.enums import Role  # noqa: E402
from inspector_app.services.context import Actor, Context, open_context  # noqa: E402

#: Markers and the summary line for tests that need programs of the operating system; the
#: ``backend`` fixture that runs a suite on SQLite and on PostgreSQL.
pytest_plugins = ["tests.programs", "tests.backends"]

#: The default anchor: a mid-month weekday morning, far from any day, month or year boundary.
DEFAULT_INSTANT = "2026-06-17T10:30:00+08:00"
ANCHOR: datetime = app_clock.parse_instant(
    os.environ.get("INSPECTOR_TEST_INSTANT") or DEFAULT_INSTANT
)


def _anchor_at(instant: datetime) -> None:
    app_clock.set_clock(instant)
    os.environ[app_clock.CLOCK_ENV] = instant.isoformat()


_anchor_at(ANCHOR)
#: Seconds spent building fixtures wider than one test (the shared demo database...). Between
#: tests the clock goes back to the anchor plus this, so what such a fixture wrote is never
#: "in the future" of a later test, and a long run (a slow machine) still sees the anchor's
#: hour: a run anchored at 23:30 does not drift past midnight.
_shared_fixture_seconds = 0.0


def _run_time() -> datetime:
    """The anchor plus the time spent building shared fixtures so far."""
    return ANCHOR + timedelta(seconds=_shared_fixture_seconds)


@pytest.hookimpl(wrapper=True)
def pytest_fixture_setup(fixturedef, request):
    if fixturedef.scope == "function":
        return (yield)
    global _shared_fixture_seconds
    # Start on the run's clock: the clock ticked while an earlier shared fixture was torn down
    # (dropping a PostgreSQL database takes a while), and that time is not counted.
    _anchor_at(_run_time())
    start = time.monotonic()
    try:
        return (yield)
    finally:
        _shared_fixture_seconds += time.monotonic() - start


#: Modules whose results depend on the date or the hour (deadlines, due soon, overdue, month
#: figures, the demo laid out around "now", year-numbered cases, daily backups, date filters):
#: marked ``time_sensitive``, they run again at other instants (tests/test_instants.py).
TIME_SENSITIVE = (
    "tests/unit/test_deadlines.py",
    "tests/services/test_case_deadlines.py",
    "tests/services/test_cases.py",
    "tests/services/test_backups.py",
    "tests/cli/test_due_soon.py",
    "tests/cli/test_lists.py",
    "tests/cli/test_changes.py",
    "tests/db/test_demo.py",
    "tests/reports/test_quality_report.py",
    "tests/reports/test_workbooks.py",
    "tests/reports/test_records_import.py",
    "tests/risk/test_risk_service.py",
    "tests/risk/test_sampling_plans.py",
    "tests/ui/test_dashboard.py",
    "tests/ui/test_cases_due_soon.py",
    "tests/ui/test_cases_screen.py",
    "tests/ui/test_purchase_form.py",
    "tests/ui/test_purchases_screen.py",
    "tests/ui/test_findings_screen.py",
    "tests/ui/test_whole_flow.py",
    "tests/unit/test_one_clock.py",
)


def pytest_collection_modifyitems(config, items):
    root = config.rootpath
    for item in items:
        if item.path.is_relative_to(root) and item.path.relative_to(root).as_posix() in TIME_SENSITIVE:
            item.add_marker(pytest.mark.time_sensitive)


def pytest_report_header(config):
    return f"clock anchored at {ANCHOR.astimezone().isoformat()} (TZ={TEST_TZ})"


class FixedClock:
    """The application's clock as a test sees it: read it, set it, move it."""

    anchor = ANCHOR

    def now(self) -> datetime:
        """The current instant (aware, UTC)."""
        return app_clock.now()

    def today(self):
        """Today's local date."""
        return app_clock.today()

    def local_now(self) -> datetime:
        return app_clock.local_now()

    def set(self, instant: datetime | str) -> datetime:
        """Anchor the clock (and child processes) at `instant`, aware or ISO text with offset."""
        at = app_clock.parse_instant(instant) if isinstance(instant, str) else instant
        _anchor_at(at)
        return at

    def set_local(self, year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
        """Anchor the clock at a wall-clock time in the run's local zone."""
        naive = datetime(year, month, day, hour, minute)
        return self.set(naive.astimezone())

    def advance(self, **delta: float) -> datetime:
        """Move the clock forward by timedelta(**delta)."""
        return self.set(app_clock.now() + timedelta(**delta))

    def zone(self, name: str) -> None:
        """Put the process in another time zone (an IANA name) until the test ends."""
        _set_zone(name)


def _set_zone(name: str) -> None:
    os.environ["TZ"] = name
    time.tzset()


@pytest.fixture(autouse=True)
def _anchored_clock():
    """Every test starts on the run's clock (the anchor plus the run's time so far) in the run's
    zone, whatever the test before it did."""
    _anchor_at(_run_time())
    yield
    _anchor_at(_run_time())
    if os.environ.get("TZ") != TEST_TZ:
        _set_zone(TEST_TZ)


@pytest.fixture
def clock(_anchored_clock) -> FixedClock:
    """Move the application's clock on purpose (deadlines, month boundaries, time zones)."""
    return FixedClock()


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path, monkeypatch):
    """Never touch the user's real profile: point the data folder at the test's tmp dir."""
    data = tmp_path / "data"
    monkeypatch.setenv("INSPECTOR_DATA_DIR", str(data))
    monkeypatch.delenv("INSPECTOR_DB_URL", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    # The command line speaks the locale's language; tests assert on the English messages.
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    monkeypatch.delenv("INSPECTOR_LANGUAGE", raising=False)  # e.g. a developer's "pseudo"
    yield data
    from inspector_app.domain import messages

    messages.set_language("en")


@pytest.fixture
def ctx(_isolated_data_dir) -> Context:
    """A context on a fresh SQLite file (migrated to head), acting as nobody."""
    c = open_context(data_folder=str(_isolated_data_dir))
    yield c
    c.db.dispose()


@pytest.fixture
def users(ctx):
    """One user per role; returns {role: Actor}."""
    from inspector_app.services import users as user_service
    from inspector_app.services.context import SYSTEM

    sys_ctx = ctx.as_actor(SYSTEM)
    out: dict[Role, Actor] = {}
    for role, name in [
        (Role.ADMIN, "Admin"),
        (Role.INSPECTOR, "Ivy Inspector"),
        (Role.QUALITY_MANAGER, "Quinn Manager"),
        (Role.MERCHANT_MANAGER, "Mia Merchant-Manager"),
    ]:
        out[role] = user_service.create_user(sys_ctx, name, role)
    return out
