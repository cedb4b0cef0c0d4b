"""Run the `inspector` command line as a subprocess against a data folder of the test's own, on
SQLite and on PostgreSQL (tests/backends.py: `INSPECTOR_DB_URL` names the test's database)."""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from inspector_app.domain import clock as app_clock
from tests.backends import PgServer

#: Purchases in the shared demo database (small: the whole CLI suite stays fast).
DEMO_PURCHASES = 200


class Cli:
    """`inspector ...` with INSPECTOR_DATA_DIR pointing at `data_dir`.

    By default a real subprocess (`python -m inspector_app.cli.main`); `in_process` runs
    `main()` directly with redirected output, the same code without the start-up cost, for
    the many small calls of filter matrices.
    """

    def __init__(self, data_dir: Path, *, in_process: bool = False, db_url: str | None = None):
        self.data_dir = data_dir
        self.in_process = in_process
        #: The PostgreSQL database (None: the SQLite file in the data folder).
        self.db_url = db_url

    def in_proc(self) -> Cli:
        """The same data folder and database, calling main() in this process."""
        return Cli(self.data_dir, in_process=True, db_url=self.db_url)

    def __call__(self, *args: str, user: str | None = None, timeout: float = 120,
                 input: str | None = None):
        if self.in_process:
            return self._in_process(list(args), user)
        env = {k: v for k, v in os.environ.items() if not k.startswith("INSPECTOR_")}
        env["INSPECTOR_DATA_DIR"] = str(self.data_dir)
        if self.db_url:
            env["INSPECTOR_DB_URL"] = self.db_url
        # The child reads the same (fixed) clock as this process, where it stands now.
        env[app_clock.CLOCK_ENV] = app_clock.now().isoformat()
        env["PYTHONIOENCODING"] = "utf-8"
        if user is not None:
            env["INSPECTOR_USER"] = user
        return subprocess.run(
            [sys.executable, "-m", "inspector_app.cli.main", *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=env,
            timeout=timeout,
            input=input,
            stdin=None if input is not None else subprocess.DEVNULL,
        )

    def _in_process(self, args: list[str], user: str | None) -> subprocess.CompletedProcess:
        from inspector_app.cli.main import main

        out, err = io.StringIO(), io.StringIO()
        saved = {k: os.environ.get(k)
                 for k in ("INSPECTOR_DATA_DIR", "INSPECTOR_USER", "INSPECTOR_DB_URL")}
        os.environ["INSPECTOR_DATA_DIR"] = str(self.data_dir)
        os.environ.pop("INSPECTOR_USER", None)
        os.environ.pop("INSPECTOR_DB_URL", None)
        if self.db_url:
            os.environ["INSPECTOR_DB_URL"] = self.db_url
        if user is not None:
            os.environ["INSPECTOR_USER"] = user
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                code = main(args)
        finally:
            for k, v in saved.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v
        return subprocess.CompletedProcess(args, code, out.getvalue(), err.getvalue())

    def json(self, *args: str) -> list[dict]:
        result = self(*args, "--json")
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)

    def users(self) -> dict[str, list[str]]:
        """Display names by role."""
        out: dict[str, list[str]] = {}
        for u in self.json("users"):
            out.setdefault(u["role"], []).append(u["display_name"])
        return out


def assert_user_error(result, *words: str) -> str:
    """Exit 2, exactly one line on stderr (naming `words`), and no traceback."""
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    for w in words:
        assert w in lines[0], (w, lines[0])
    return lines[0]


@pytest.fixture
def cli(tmp_path, database_url) -> Cli:
    """A CLI on a fresh, empty data folder (and database, on PostgreSQL: migrated to head)."""
    return Cli(tmp_path / "cli-data", db_url=database_url)


@dataclass
class DemoTemplate:
    """A data folder with a small demo (and, on PostgreSQL, the database holding it)."""

    folder: Path
    pg: PgServer | None = None
    database: str | None = None  # the template database on PostgreSQL
    reader: str | None = None  # a copy the read-only tests share

    def copy(self, target: Path) -> tuple[Path, str | None]:
        """A private copy of the folder (and database): (folder, database URL or None)."""
        shutil.copytree(self.folder, target, symlinks=True)
        if self.pg is None:
            return target, None
        return target, self.pg.url_of(self.pg.copy(self.database))


def _build_demo(folder: Path, db_url: str | None) -> None:
    assert Cli(folder, db_url=db_url)("init").returncode == 0
    result = Cli(folder, db_url=db_url)("demo", "--purchases", str(DEMO_PURCHASES), "--seed", "3")
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="session")
def _sqlite_demo(tmp_path_factory) -> DemoTemplate:
    folder = tmp_path_factory.mktemp("demo") / "data"
    _build_demo(folder, None)
    return DemoTemplate(folder)


@pytest.fixture(scope="session")
def _postgresql_demo(pg_server, tmp_path_factory) -> DemoTemplate:
    folder = tmp_path_factory.mktemp("demo-pg") / "data"
    name = pg_server.template("demo", lambda url: _build_demo(folder, url))
    return DemoTemplate(folder, pg_server, name, pg_server.copy(name))


@pytest.fixture
def demo_template(request, backend) -> DemoTemplate:
    """A small demo, made once per session and backend; copy it before changing it."""
    return request.getfixturevalue(f"_{backend}_demo")


@pytest.fixture
def demo_cli(demo_template) -> Cli:
    """The shared demo, read-only (list commands, check), as a subprocess."""
    url = demo_template.pg.url_of(demo_template.reader) if demo_template.pg else None
    return Cli(demo_template.folder, db_url=url)


@pytest.fixture
def demo_main(demo_cli) -> Cli:
    """The shared demo, read-only, calling main() in this process (for filter matrices)."""
    return demo_cli.in_proc()


@pytest.fixture
def demo_copy(demo_template, tmp_path) -> Cli:
    """A private copy of the demo, for commands that change data (as a subprocess)."""
    folder, url = demo_template.copy(tmp_path / "demo-copy")
    yield Cli(folder, db_url=url)
    if url is not None:
        demo_template.pg.drop(make_url(url).database)
