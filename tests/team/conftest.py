"""A team database of the module's own on the test PostgreSQL server, with one login per role.

Needs INSPECTOR_TEST_PG_URL (set by .ci/run) for a role with CREATEDB and CREATEROLE; the
tests skip with one line otherwise. Group and login role names are global to the server,
so every one starts with the database's name (unique per module and run).
"""

from __future__ import annotations

import gc
import os
import time
import uuid
from dataclasses import dataclass, field

import psycopg
import pytest
from sqlalchemy.engine import make_url

from inspector_app.db.engine import Database
from inspector_app.domain.enums import Role
from inspector_app.paths import data_dir
from inspector_app.services import team
from inspector_app.services.context import SYSTEM, Context, open_context
from tests import programs

PG_URL = os.environ.get("INSPECTOR_TEST_PG_URL")

#: One password for every login of the test team.
PASSWORD = "team-pass-123"
#: The people of the test team: role -> (display name, login suffix).
PEOPLE = {
    Role.ADMIN: ("Ada Admin", "ada"),
    Role.QUALITY_MANAGER: ("Quinn Manager", "quinn"),
    Role.INSPECTOR: ("Ivy Inspector", "ivy"),
    Role.MERCHANT_MANAGER: ("Mia Merchant-Manager", "mia"),
}


def _admin_conninfo(dbname: str | None = None) -> str:
    url = make_url(PG_URL)
    return psycopg.conninfo.make_conninfo(
        host=url.host or "localhost", port=url.port or 5432, user=url.username,
        password=url.password or "", dbname=dbname or url.database)


def _server_problem() -> str | None:
    if not PG_URL:
        return "INSPECTOR_TEST_PG_URL not set"
    try:
        with psycopg.connect(_admin_conninfo(), connect_timeout=3) as conn:
            row = conn.execute("SELECT rolcreatedb AND rolcreaterole FROM pg_roles"
                               " WHERE rolname = current_user").fetchone()
    except psycopg.Error as exc:
        return f"PostgreSQL unavailable: {str(exc).splitlines()[0]}"
    return None if row and row[0] else "the test role needs CREATEDB and CREATEROLE (.ci/run)"


@dataclass
class TeamServer:
    name: str
    owner_url: str
    logins: dict[Role, str] = field(default_factory=dict)
    second_inspector: str = ""
    _opened: list[Database] = field(default_factory=list)

    def url(self, login: str, password: str = PASSWORD) -> str:
        return make_url(self.owner_url).set(username=login, password=password).render_as_string(
            hide_password=False)

    def login_url(self, role: Role) -> str:
        return self.url(self.logins[role])

    def context(self, url: str, tmp) -> Context:
        db = Database(url)
        self._opened.append(db)
        ctx = Context(db=db, paths=data_dir(tmp).ensure())
        me = team.server_actor(ctx)
        return ctx.as_actor(me or SYSTEM)

    def sql(self, role_or_login: Role | str, statement: str, params=None, *, before=None):
        """Run one statement as a login (autocommit; `before` first, on the same connection)
        and return its rows (or rowcount)."""
        login = self.logins[role_or_login] if isinstance(role_or_login, Role) else role_or_login
        info = psycopg.conninfo.make_conninfo(_admin_conninfo(self.name), user=login,
                                              password=PASSWORD)
        with psycopg.connect(info, autocommit=True) as conn:
            if before:
                conn.execute(before)
            cur = conn.execute(statement, params)
            return cur.fetchall() if cur.description else cur.rowcount


@pytest.fixture(scope="module")
def empty_database():
    """(name, owner URL) of a new empty database; dropped with its roles afterwards."""
    problem = _server_problem()
    if problem and programs.required():  # .ci/run: a team-server test may not be skipped
        pytest.fail(f"{problem}; {programs.REQUIRE_ENV} is set", pytrace=False)
    if problem:
        pytest.skip(problem)
    name = f"team_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(_admin_conninfo(), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield name, make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    gc.collect()  # engines of the module's contexts close their pooled connections
    with psycopg.connect(_admin_conninfo(), autocommit=True) as conn:
        for attempt in range(50):
            # FORCE ends only our own role's sessions; a login's session that is still
            # closing (a subprocess just ended) needs a moment.
            try:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                break
            except psycopg.errors.InsufficientPrivilege:
                if attempt == 49:
                    raise
                time.sleep(0.2)
        roles = [r for (r,) in conn.execute(
            "SELECT rolname FROM pg_roles WHERE rolname LIKE %s", (f"{name}\\_%",))]
        groups = tuple(f"{name}_{x.value}" for x in Role)
        for role in sorted(roles, key=lambda r: r in groups):  # logins first
            conn.execute(f'DROP ROLE IF EXISTS "{role}"')


@pytest.fixture(scope="module")
def team_server(empty_database, tmp_path_factory):
    name, owner_url = empty_database
    server = TeamServer(name=name, owner_url=owner_url)
    tmp = tmp_path_factory.mktemp("team")
    # As `inspector team init` does: the owner opens (migrates, pairs the photo folder).
    octx = open_context(owner_url, data_folder=str(tmp / "owner")).as_actor(SYSTEM)
    owner = octx.db
    admin_name, suffix = PEOPLE[Role.ADMIN]
    server.logins[Role.ADMIN] = f"{name}_{suffix}"
    team.init_team(octx, admin_name, server.logins[Role.ADMIN], PASSWORD)
    admin = server.context(server.login_url(Role.ADMIN), tmp)
    for role, (display, suffix) in PEOPLE.items():
        if role != Role.ADMIN:
            server.logins[role] = f"{name}_{suffix}"
            team.add_team_user(admin, display, role, server.logins[role], PASSWORD)
    server.second_inspector = f"{name}_ian"
    team.add_team_user(admin, "Ian Inspector", Role.INSPECTOR, server.second_inspector, PASSWORD)
    owner.dispose()
    yield server
    for db in server._opened:
        db.dispose()


def pytest_collection_modifyitems(config, items) -> None:
    """Every team-server test needs PostgreSQL: counted in the run's one summary line of
    missing programs, and a failure (not a skip) under .ci/run (tests/programs.py)."""
    here = os.path.dirname(__file__)
    for item in items:
        if str(item.path).startswith(here):
            item.add_marker(pytest.mark.needs_postgres)
