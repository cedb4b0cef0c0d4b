"""`inspector cases --due-soon` as a subprocess on a database file made through the services."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from inspector_app.domain import clock
from inspector_app.domain.enums import Role
from inspector_app.paths import data_dir
from inspector_app.services import cases, team_settings, users
from inspector_app.services.context import SYSTEM, open_context
from tests.backends import PlainSQL
from tests.cli.conftest import Cli
from tests.services.builders import make_finding, make_merchant, make_purchase

#: Due date offsets from today of the active cases; "waived" is finished.
OFFSETS = {"late": -1, "today": 0, "in_2": 2, "in_3": 3, "waived": 1}


@pytest.fixture
def deadlines(tmp_path, database_url):
    """A data folder with one case per OFFSETS entry; returns (cli, {name: case number})."""
    folder = tmp_path / "due-soon-data"
    ctx = open_context(database_url, data_folder=str(folder))
    try:
        users.create_user(ctx.as_actor(SYSTEM), "Ada Admin", Role.ADMIN)  # the first: an admin
        qm = ctx.as_actor(users.create_user(ctx.as_actor(SYSTEM), "Quinn Manager", Role.QUALITY_MANAGER))
        shop = make_merchant(qm, "shop-due", "到期商店 Due Store")
        purchase = make_purchase(qm, shop.id)
        numbers = {}
        for name, offset in OFFSETS.items():
            f = make_finding(qm, purchase.id, title=f"Defect {name}")
            numbers[name] = cases.open_case(
                qm, [f.id], due_date=clock.today() + timedelta(days=offset)
            ).case_number
        cases.advance(qm, numbers["waived"], "waived", "delisted")
    finally:
        ctx.db.dispose()
    return Cli(folder, db_url=database_url), numbers


def _set_warning_days(cli: Cli, days: int) -> None:
    ctx = open_context(cli.db_url, data_folder=str(cli.data_dir))
    try:
        admin = users.create_user(ctx.as_actor(SYSTEM), f"Admin {days}", Role.ADMIN)
        team_settings.put(ctx.as_actor(admin), "cases.warning_days", days)
    finally:
        ctx.db.dispose()


def _due_soon_in_the_file(cli: Cli, days: int) -> set[str]:
    """The same question asked of the database with plain SQL, not through the app."""
    today = clock.today()
    url = cli.db_url or f"sqlite:///{data_dir(str(cli.data_dir)).database}"
    with PlainSQL(url) as con:
        rows = con.rows(
            "SELECT case_number FROM rectification_cases WHERE status NOT IN "
            "('closed', 'cancelled', 'waived') AND due_date BETWEEN ? AND ?",
            (today.isoformat(), (today + timedelta(days=days)).isoformat()),
        )
    return {r[0] for r in rows}


def test_due_soon_lists_active_cases_within_the_warning_days(deadlines):
    cli, numbers = deadlines
    result = cli("cases", "--due-soon", "--json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [r["case_number"] for r in rows] == [numbers["today"], numbers["in_2"]]  # soonest first
    assert all(r["due_soon"] is True and r["overdue"] is False for r in rows)
    assert {r["case_number"] for r in rows} == _due_soon_in_the_file(cli, 2)
    assert "Cases due within 2 days" in result.stderr

    # Without the flag every case is listed, each with its due_soon flag.
    every = {r["case_number"]: r for r in cli.json("cases")}
    assert {n for n, r in every.items() if r["due_soon"]} == {numbers["today"], numbers["in_2"]}
    assert every[numbers["late"]]["overdue"] and not every[numbers["waived"]]["due_soon"]

    table = cli("cases", "--due-soon")
    assert table.returncode == 0, table.stderr
    lines = table.stdout.splitlines()
    assert "DUE SOON" in lines[0]
    assert len(lines) == 4 and numbers["in_3"] not in table.stdout

    # A status narrows the list; a finished status leaves nothing.
    assert [r["case_number"] for r in cli.json("cases", "--due-soon", "--status", "open")] == [
        numbers["today"], numbers["in_2"]]
    assert cli.json("cases", "--due-soon", "--status", "waived") == []


def test_the_team_setting_sets_the_window(deadlines):
    cli, numbers = deadlines
    _set_warning_days(cli, 3)
    rows = cli.json("cases", "--due-soon")
    assert {r["case_number"] for r in rows} == {numbers[n] for n in ("today", "in_2", "in_3")}
    assert {r["case_number"] for r in rows} == _due_soon_in_the_file(cli, 3)

    _set_warning_days(cli, 0)
    result = cli("cases", "--due-soon", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []
    assert "warnings are off" in result.stderr


def test_help_describes_the_flag(cli):
    result = cli("cases", "--help")
    assert result.returncode == 0
    assert "--due-soon" in result.stdout and "cases.warning_days" in result.stdout
