"""`inspector team ...` and logging in from the command line, as a subprocess with the
passwords piped on standard input (what a script does)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from sqlalchemy.engine import make_url


def _run(*args: str, stdin: str = "", env: dict | None = None, data_dir) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("INSPECTOR_", "PG"))}
    environ.update({"INSPECTOR_DATA_DIR": str(data_dir), "PYTHONIOENCODING": "utf-8"})
    environ.update(env or {})
    return subprocess.run([sys.executable, "-m", "inspector_app.cli.main", *args], input=stdin,
                          capture_output=True, text=True, encoding="utf-8", env=environ,
                          timeout=120)


@pytest.fixture(scope="module")
def cli_team(empty_database, tmp_path_factory):
    """The database set up through `team init` and `team add-user` only."""
    name, owner_url = empty_database
    data = tmp_path_factory.mktemp("cli")
    admin, ivy = f"{name}_ada", f"{name}_ivy"
    r = _run("team", "init", "--db", owner_url, "--admin", "Ada Admin", "--login", admin,
             stdin="admin-pass-1\n", data_dir=data)
    assert r.returncode == 0, r.stderr
    assert admin in r.stdout and f"{name}_merchant_manager" in r.stdout

    def url(login: str, password: str | None = None) -> str:
        return make_url(owner_url).set(username=login, password=password).render_as_string(
            hide_password=False) if password else make_url(owner_url)._replace(
            username=login, password=None).render_as_string(hide_password=False)

    # The admin's URL has no password: it is read from standard input, then Ivy's.
    r = _run("team", "add-user", "Ivy Inspector", "--role", "inspector", "--login", ivy,
             "--db", url(admin), stdin="admin-pass-1\nivy-pass-12\n", data_dir=data)
    assert r.returncode == 0, r.stderr
    assert f"Created user 2: Ivy Inspector (inspector) with the login {ivy}." in r.stdout
    return {"url": url, "admin": admin, "ivy": ivy, "data": data, "owner": owner_url}


def test_team_init_runs_again_to_refresh_the_grants(cli_team):
    r = _run("team", "init", "--db", cli_team["owner"], data_dir=cli_team["data"])
    assert r.returncode == 0, r.stderr
    assert "First administrator" not in r.stdout


def test_the_login_is_the_acting_user_and_as_is_refused(cli_team):
    ivy_url = cli_team["url"](cli_team["ivy"], "ivy-pass-12")
    r = _run("merchants", "--db", ivy_url, data_dir=cli_team["data"])
    assert r.returncode == 0, r.stderr
    r = _run("case", "advance", "RC-2026-0001", "--to", "notified", "--as", "Ada Admin",
             "--db", ivy_url, data_dir=cli_team["data"])
    assert r.returncode == 2 and r.stderr.count("\n") == 1
    assert "--as and INSPECTOR_USER are not accepted" in r.stderr
    r = _run("case", "advance", "RC-2026-0001", "--to", "notified", "--db", ivy_url,
             env={"INSPECTOR_USER": "Ada Admin"}, data_dir=cli_team["data"])
    assert r.returncode == 2 and "not accepted" in r.stderr


def test_wrong_password_disabled_login_and_server_down_are_one_line_each(cli_team):
    data = cli_team["data"]
    r = _run("merchants", "--db", cli_team["url"](cli_team["ivy"], "wrong"), data_dir=data)
    assert r.returncode == 2 and r.stderr.count("\n") == 1
    assert f"refused the login '{cli_team['ivy']}': wrong password" in r.stderr
    r = _run("merchants", "--db", cli_team["url"](cli_team["ivy"]), stdin="wrong\n",
             data_dir=data)
    assert r.returncode == 2 and "wrong password" in r.stderr
    down = make_url(cli_team["url"](cli_team["ivy"], "x")).set(port=1).render_as_string(
        hide_password=False)
    r = _run("merchants", "--db", down, data_dir=data)
    assert r.returncode == 2 and r.stderr.count("\n") == 1
    assert "Cannot reach the database server localhost:1" in r.stderr
    admin_url = cli_team["url"](cli_team["admin"], "admin-pass-1")
    r = _run("team", "add-user", "Tom Temp", "--role", "inspector", "--login",
             f"{cli_team['admin'][:-4]}_tom", "--db", admin_url, stdin="tom-pass-12\n",
             data_dir=data)
    assert r.returncode == 0, r.stderr
    r = _run("team", "deactivate", "Tom Temp", "--db", admin_url, data_dir=data)
    assert r.returncode == 0, r.stderr
    r = _run("merchants", "--db", cli_team["url"](f"{cli_team['admin'][:-4]}_tom",
                                                    "tom-pass-12"), data_dir=data)
    assert r.returncode == 2 and "is disabled" in r.stderr


def test_only_an_admin_adds_users_and_a_bad_login_is_one_line(cli_team):
    ivy_url = cli_team["url"](cli_team["ivy"], "ivy-pass-12")
    r = _run("team", "add-user", "Eve", "--role", "admin", "--login", "eve_x", "--db", ivy_url,
             stdin="eve-pass-123\n", data_dir=cli_team["data"])
    assert r.returncode == 2 and "may not create users" in r.stderr
    admin_url = cli_team["url"](cli_team["admin"], "admin-pass-1")
    r = _run("team", "add-user", "Eve", "--role", "admin", "--login", "Eve X", "--db", admin_url,
             stdin="eve-pass-123\n", data_dir=cli_team["data"])
    assert r.returncode == 2 and "cannot be a login" in r.stderr


def test_zz_an_old_schema_is_upgraded_by_the_owner_not_by_a_login(cli_team):
    from inspector_app.db.engine import Database
    from tests.db.test_team_migrations import downgrade

    db = Database(cli_team["owner"])
    try:
        downgrade(db, "0006")  # before photo_blobs existed
    finally:
        db.dispose()
    ivy_url = cli_team["url"](cli_team["ivy"], "ivy-pass-12")
    r = _run("merchants", "--db", ivy_url, data_dir=cli_team["data"])
    assert r.returncode == 2 and r.stderr.count("\n") == 1, r.stderr
    assert "is at schema 0006" in r.stderr and "inspector team init" in r.stderr
    # A plain upgrade by the owner grants the new table to the team in the same go.
    r = _run("init", "--db", cli_team["owner"], data_dir=cli_team["data"])
    assert r.returncode == 0, r.stderr
    r = _run("merchants", "--db", ivy_url, data_dir=cli_team["data"])
    assert r.returncode == 0, r.stderr
    r = _run("check", "--db", cli_team["url"](cli_team["admin"], "admin-pass-1"),
             data_dir=cli_team["data"])
    assert r.returncode == 0, r.stdout + r.stderr


def test_users_add_on_a_team_server_points_to_team_add_user(cli_team):
    admin_url = cli_team["url"](cli_team["admin"], "admin-pass-1")
    r = _run("users", "add", "Nobody", "--role", "inspector", "--db", admin_url,
             data_dir=cli_team["data"])
    assert r.returncode == 2 and "inspector team add-user" in r.stderr
