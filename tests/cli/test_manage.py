"""`inspector users set-role|deactivate|reactivate|password` and `inspector merchants
edit|merge|delete`: one line of output per change, one line and exit 2 for bad input."""

from __future__ import annotations

import pytest

from inspector_app.services import merchants
from inspector_app.services.context import open_context
from inspector_app.services.users import find_user
from tests.cli.conftest import assert_user_error
from tests.services.builders import make_purchase


@pytest.fixture
def team(cli):
    run = cli.in_proc()
    assert run("init").returncode == 0
    assert run("users", "add", "Ada", "--role", "admin").returncode == 0
    for name, role in (("Ivy", "inspector"), ("Quinn", "quality_manager")):
        assert run("users", "add", name, "--role", role, "--as", "Ada").returncode == 0
    ctx = open_context(cli.db_url, data_folder=str(cli.data_dir))
    yield run, ctx
    ctx.db.dispose()


def test_users_actions(team):
    run, ctx = team
    first = run("users", "add", "Second first", "--role", "inspector")
    assert_user_error(first, "--as")
    out = run("users", "set-role", "Ivy", "--role", "quality_manager", "--as", "Ada")
    assert out.returncode == 0 and "Ivy" in out.stdout
    assert_user_error(run("users", "set-role", "Ada", "--role", "inspector", "--as", "Ada"),
                      "last administrator")
    assert_user_error(run("users", "deactivate", "Ivy", "--as", "Quinn"), "Quinn")
    assert run("users", "deactivate", "Ivy", "--as", "Ada").returncode == 0
    listed = run("users", "--all", "--json")
    assert {"display_name": "Ivy", "active": False} .items() <= next(
        r for r in __import__("json").loads(listed.stdout) if r["display_name"] == "Ivy").items()
    assert run("users", "reactivate", "Ivy", "--as", "Ada").returncode == 0
    assert find_user(ctx, "Ivy").display_name == "Ivy"
    assert_user_error(run("users", "reactivate", "Nobody", "--as", "Ada"), "Nobody")


def test_merchants_actions(team):
    run, ctx = team
    quinn = ctx.as_actor(find_user(ctx, "Quinn"))
    keep = merchants.create_merchant(quinn, "S-1", "Acme")
    dup = merchants.create_merchant(quinn, "S-2", "Acme dup")
    spare = merchants.create_merchant(quinn, "S-3", "Typo")
    make_purchase(quinn, dup.id)
    out = run("merchants", "edit", "S-1", "--name", "Acme Flagship", "--as", "Quinn")
    assert out.returncode == 0, out.stderr
    assert "Acme Flagship" in out.stdout
    assert_user_error(run("merchants", "edit", "S-1", "--as", "Quinn"), "--name")
    assert_user_error(run("merchants", "edit", "S-1", "--shop-id", "S-2", "--as", "Quinn"), "S-2")
    shown = run("merchants", "merge", "S-1", "S-2", "--as", "Quinn")
    assert shown.returncode == 0 and "--yes" in shown.stdout and "Purchases: 1" in shown.stdout
    assert merchants.get_merchant(ctx, dup.id).name == "Acme dup"  # nothing changed
    assert_user_error(run("merchants", "delete", "S-2", "--as", "Quinn"), "Purchases: 1", "merge")
    assert_user_error(run("merchants", "merge", "S-1", "S-1", "--as", "Quinn"), "merged away")
    assert_user_error(run("merchants", "merge", "S-1", "S-2", "--yes", "--as", "Ivy"), "Ivy")
    done = run("merchants", "merge", "S-1", "S-2", "--yes", "--as", "Quinn")
    assert done.returncode == 0 and "Merged" in done.stdout
    assert_user_error(run("merchants", "edit", "S-2", "--name", "x", "--as", "Quinn"), "S-2")
    assert run("merchants", "delete", "S-3", "--as", "Quinn").returncode == 0
    assert [m.id for m in merchants.search_merchants(ctx, "S-")] == [keep.id]
    assert spare.id != keep.id
