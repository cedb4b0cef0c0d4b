"""The BUILT program (dist/Inspector from `make package`): self-test, version, updates keep data.

Skipped with one line when nothing is built; `.ci/run` builds the package and runs these.
The older and newer builds of an update are played by the same build with databases of an
older schema (made with the checkout's migrations) and of a newer one (a revision from the
future), which is what decides what a build does with a data folder.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
#: The built folder; INSPECTOR_BUILT_APP may point elsewhere (an unpacked installer, say).
BUILT = Path(os.environ.get("INSPECTOR_BUILT_APP") or ROOT / "dist" / "Inspector")
APP = BUILT / ("inspector-app.exe" if os.name == "nt" else "inspector-app")
CLI = BUILT / ("inspector.exe" if os.name == "nt" else "inspector")
#: The size goal of the built Linux folder: 150 MB for the one-laptop program, 10 MB more for
#: the PostgreSQL driver and its libpq, and 10 MB for PDFium, which prints (packaging/README.md).
MAX_FOLDER_BYTES = 170 * 1024 * 1024

pytestmark = pytest.mark.slow
if not APP.is_file():
    pytest.skip(f"no built program at {BUILT} (make package builds it)", allow_module_level=True)


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """The environment of a user's session: own HOME, no test overrides, Qt offscreen."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("INSPECTOR_", "PYTHON", "XDG_", "VIRTUAL_ENV"))}
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    env.update(HOME=str(home), LC_ALL="C.UTF-8", QT_QPA_PLATFORM="offscreen", **extra)
    return env


def _run(program: Path, *args: str, env: dict[str, str], ok: bool = True):
    done = subprocess.run([str(program), *args], capture_output=True, text=True, env=env,
                          timeout=120)
    if ok:
        assert done.returncode == 0, f"{program.name} {args}: {done.returncode}\n{done.stderr}"
    return done


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _files(folder: Path) -> dict[str, float]:
    return {str(p.relative_to(folder)): p.lstat().st_mtime for p in folder.rglob("*")}


def _cases(cli: Path, env: dict[str, str]) -> list[tuple[str, str, str]]:
    rows = json.loads(_run(cli, "cases", "--json", env=env).stdout)
    assert rows, "the demo made cases"
    return [(r["uid"], r["case_number"], r["status"]) for r in rows]


def test_the_built_self_test_passes(tmp_path):
    env = _env(tmp_path)
    done = _run(APP, "--self-test", env=env)
    assert done.stdout.startswith("self-test passed"), done.stdout
    assert "DroidSansFallback embedded" in done.stdout
    assert "PostgreSQL driver with libpq" in done.stdout  # psycopg and libpq are bundled
    # It used a temporary folder, never the user's data folder.
    assert not (tmp_path / "home" / ".local" / "share" / "Inspector").exists()


@pytest.mark.needs_postgres
def test_the_built_command_line_works_on_a_postgresql_server(tmp_path):
    """The bundled psycopg and libpq reach a real server: init migrates a new database there,
    then the lists read it."""
    from tests.backends import PG_URL_ENV, PgServer

    server = PgServer(os.environ[PG_URL_ENV])
    name = server.new_name("built")
    server.admin(f'CREATE DATABASE "{name}"')
    try:
        env = _env(tmp_path, INSPECTOR_DATA_DIR=str(tmp_path / "data"))
        url = server.url_of(name)
        assert "Database:" in _run(CLI, "--db", url, "init", env=env).stdout
        _run(CLI, "--db", url, "users", "add", "Ada", "--role", "admin", env=env)
        assert json.loads(_run(CLI, "--db", url, "users", "--json", env=env).stdout)[0][
            "display_name"] == "Ada"
    finally:
        server.admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        server.close()


def test_the_built_version_is_the_package_version(tmp_path):
    import tomllib

    version = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]
    for program in (APP, CLI):
        out = _run(program, "--version", env=_env(tmp_path)).stdout
        assert out.split()[1] == version, out


def test_the_built_folder_is_under_its_size_goal():
    size = sum(p.stat().st_size for p in BUILT.rglob("*") if p.is_file() and not p.is_symlink())
    assert size < MAX_FOLDER_BYTES, f"{size / 2**20:.0f} MB"
    dangling = [p for p in BUILT.rglob("*") if p.is_symlink() and not p.exists()]
    assert dangling == []


def _install(tmp_path: Path, env: dict[str, str]) -> Path:
    """Install the build as a user would; the installed program folder."""
    if (BUILT / "install.sh").is_file():  # Linux: the folder's own installer
        _run(Path("/bin/sh"), str(BUILT / "install.sh"), env=env)
        return tmp_path / "home" / ".local" / "lib" / "inspector"
    install = tmp_path / "opt" / "Inspector"  # elsewhere: what the installers do, by hand
    shutil.rmtree(install, ignore_errors=True)
    shutil.copytree(BUILT, install, symlinks=True)
    return install


def test_installing_over_an_older_build_keeps_the_data_folder(tmp_path):
    env = _env(tmp_path)
    install = _install(tmp_path, env)
    cli = install / CLI.name
    _run(cli, "init", env=env)
    _run(cli, "demo", "--purchases", "30", env=env)
    cases = _cases(cli, env)
    data = tmp_path / "home" / ".local" / "share" / "Inspector"
    assert (data / "inspector.sqlite3").is_file(), "the per-user data folder, outside the install"
    database = _sha(data / "inspector.sqlite3")
    installed = _files(install)

    # The newer build replaces the installed files and finds the same data.
    assert _install(tmp_path, env) == install
    assert _sha(data / "inspector.sqlite3") == database
    assert _cases(cli, env) == cases
    assert _run(cli, "check", env=env).returncode == 0
    assert set(_files(install)) == set(installed), "the program never writes into its folder"
    if (install / "install.sh").is_file():  # uninstalling keeps the data too
        _run(Path("/bin/sh"), str(install / "install.sh"), "--uninstall", env=env)
        assert not install.exists() and (data / "inspector.sqlite3").is_file()


def test_a_newer_build_upgrades_an_older_database_with_a_backup(tmp_path):
    from inspector_app.db import migrate
    from inspector_app.db.engine import Database

    folder = tmp_path / "data"
    (folder / "backups").mkdir(parents=True)
    db = Database(f"sqlite:///{folder / 'inspector.sqlite3'}")
    migrate.upgrade(db, folder / "backups", target="0003")
    db.dispose()
    done = _run(CLI, "--data-dir", str(folder), "init", env=_env(tmp_path))
    assert f"from schema 0003 to {migrate.head_revision()}" in done.stdout, done.stdout
    backups = list((folder / "backups").glob("before-upgrade-0003-*.sqlite3"))
    assert len(backups) == 1
    con = sqlite3.connect(folder / "inspector.sqlite3")
    assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == migrate.head_revision()
    con.close()


def test_an_older_build_refuses_a_newer_database_untouched(tmp_path):
    folder = tmp_path / "data"
    env = _env(tmp_path)
    _run(CLI, "--data-dir", str(folder), "init", env=env)
    path = folder / "inspector.sqlite3"
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = 'zz99_from_the_future'")
    con.commit()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    before = _sha(path)
    done = _run(CLI, "--data-dir", str(folder), "init", env=env, ok=False)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "newer version" in lines[0] and "zz99_from_the_future" in lines[0]
    assert _sha(path) == before
    assert not list((folder / "backups").iterdir())


@pytest.mark.needs_xvfb
def test_the_built_program_paints_on_x11(tmp_path):
    env = _env(tmp_path)
    env.pop("QT_QPA_PLATFORM")
    env["QT_QPA_PLATFORM"] = "xcb"  # the bundled X11 plug-in and its xcb libraries
    _run(CLI, "init", env=env)
    _run(CLI, "users", "add", "Admin", "--role", "admin", env=env)
    done = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", str(APP),
                           "--quit-after-paint"], capture_output=True, text=True, env=env,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("first paint:"), done.stdout + done.stderr
