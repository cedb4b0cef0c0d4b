"""Laptop replicas of a test team server: the team fixtures (tests/team/conftest.py), a
laptop joined as a login, and the `inspector` command run in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from inspector_app.domain.enums import Role
from inspector_app.services.context import Context, open_context
from inspector_app.services.sync import run as sync_run
from inspector_app.services.sync.binding import bound_actor
from tests.team.conftest import PASSWORD, empty_database, team_server  # noqa: F401

HERE = os.path.dirname(__file__)


def pytest_collection_modifyitems(config, items) -> None:
    """Every sync test needs PostgreSQL (counted and enforced as tests/team does)."""
    for item in items:
        if str(item.path).startswith(HERE):
            item.add_marker(pytest.mark.needs_postgres)


def server_address(server) -> str:
    """The team server's URL without a login (what a person is given)."""
    return make_url(server.owner_url).set(username=None, password=None).render_as_string()


def join(server, login: str, folder: Path) -> Context:
    """Join `folder` to the server as `login` (in this process) and act as its owner."""
    ctx, _report = sync_run.join(server_address(server), login, PASSWORD, str(folder))
    ctx.db.dispose()
    return laptop(folder)


def laptop(folder: Path) -> Context:
    ctx = open_context(None, str(folder), create=False)
    return ctx.as_actor(bound_actor(ctx))


def sync(ctx: Context) -> sync_run.SyncReport:
    return sync_run.sync(ctx, PASSWORD)


def cli(*args: str, data_dir: Path, stdin: str | None = PASSWORD + "\n",
        timeout: float = 300) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("INSPECTOR_", "PG"))}
    env.update({"INSPECTOR_DATA_DIR": str(data_dir), "PYTHONIOENCODING": "utf-8"})
    return subprocess.run([sys.executable, "-m", "inspector_app.cli.main", *args],
                          input=stdin, capture_output=True, text=True, encoding="utf-8",
                          env=env, timeout=timeout)


def login(server, role: Role) -> str:
    return server.logins[role]
