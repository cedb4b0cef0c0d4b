"""Hundreds of malformed command lines: each gets exit 2 and exactly one line on stderr.

Generated from the mistakes people make (numbers out of range, empty or absurd values,
special files, undecodable bytes, control characters, time zones that do not exist) in
every slot of every command that takes them. Run in-process (cli.main.main) to stay fast;
a few run as real subprocesses for what only a process shows (argv bytes, the log file).
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.backends import backend_params, fresh_database

LONG = "9" * 100_000
#: Values no integer option accepts.
BAD_INTS = ["-1", "9" * 19, str(2**63), str(-(2**63) - 5), "1e5", "abc", "", " ", "１２", "0x10",
            "\udcff", LONG]
BAD_DATES = ["2026-13-01", "0000-01-01", "", "x", "9999-99-99", "2026-02-30", "\udcff", LONG]
BAD_PERIODS = ["0000-01", "", "2026-13", "2026-00", "9999-01", "abcd", "1999-12", "²⁰²⁶-01",
               "2026-01-01", "\x00", LONG]
BAD_TZ = ["+08:99", "+99999999999", "+15:00", "-13:00", "8", "", "UTC+8", "+8:00x", "\udcff"]
BAD_USERS = ["x" * 100_000, "a\x01b", "\udcff\udcfe", "\x00", " "]


def _out_values(tmp: Path) -> list[str]:
    existing = tmp / "existing.out"
    existing.write_bytes(b"keep me")
    a_file = tmp / "plain-file"
    a_file.write_bytes(b"x")
    return [
        "",
        "   ",
        "/dev/null",
        "/dev/full",
        str(existing),
        str(tmp),
        str(tmp / ("n" * 300 + ".out")),
        str(a_file / "below-a-file.out"),
        LONG,
    ]


def _in_values(tmp: Path) -> list[str]:
    fifo = tmp / "pipe.csv"
    if not fifo.exists():
        os.mkfifo(fifo)
    empty = tmp / "empty.xlsx"
    empty.write_bytes(b"")
    text = tmp / "text.xlsx"
    text.write_text("not a workbook", "utf-8")
    return [
        "/dev/zero",
        "/dev/null",
        str(fifo),
        str(tmp),
        str(tmp / "missing.csv"),
        str(tmp / ("n" * 300 + ".csv")),
        str(empty),
        str(text),
        "",
        LONG,
    ]


def command_lines(tmp: Path) -> list[tuple[list[str], str | None]]:
    """(argv, INSPECTOR_USER) pairs, every one malformed."""
    fresh = str(tmp / "fresh-output.xlsx")
    good_csv = tmp / "good.csv"
    good_csv.write_text("shop_id,order_id,kind,applied_at\nS-1,O-1,complaint,2026-10-01 10:00\n")
    lines: list[tuple[list[str], str | None]] = []
    add = lines.append
    for v in BAD_INTS:
        add((["risk", "--top", v], None))
        add((["risk", "slowest", "S-1", "--limit", v], None))
        add((["demo", "--purchases", v], None))
        if v != "-1":  # a negative seed is a seed
            add((["demo", "--seed", v], None))
        add((["plan", "show", v], None))
        add((["plan", "accept", v, "--as", "Admin"], None))
        add((["plan", "--month", "2026-12", "--purchases", v, "--as", "Admin"], None))
        add((["purchases", "--limit", v], None))
        add((["photos", "add", "--finding", v, "--as", "Admin", "x.jpg"], None))
        add((["cases", "--limit", v], None))
    for v in BAD_DATES:
        add((["purchases", "--since", v], None))
        add((["findings", "--until", v], None))
        add((["export", "xlsx", "--since", v, "--out", fresh, "--as", "Admin"], None))
    for v in BAD_PERIODS:
        add((["report", "--month", v, "--out", fresh, "--as", "Admin"], None))
        add((["report", "--year", v, "--out", fresh, "--as", "Admin"], None))
        add((["plan", "--month", v, "--as", "Admin"], None))
    for v in BAD_TZ:
        add((["import", "complaints", str(good_csv), "--tz", v, "--as", "Admin"], None))
    for v in _out_values(tmp):
        add((["export", "xlsx", "--out", v, "--as", "Admin"], None))
        add((["report", "--month", "2026-10", "--out", v, "--as", "Admin"], None))
        add((["import", "template", v], None))
        add((["risk", "--xlsx", v], None))
        add((["export", "responses", "--merchant", "S-1", "--out", v, "--as", "Admin"], None))
        add((["export", "pdf", "--case", "RC-2026-0001", "--out", v, "--as", "Admin"], None))
    for v in _in_values(tmp):
        add((["import", "complaints", v, "--as", "Admin"], None))
        add((["import", "records", v, "--as", "Admin"], None))
        add((["import", "responses", v, "--as", "Admin"], None))
    for v in BAD_USERS:
        add((["export", "xlsx", "--out", fresh, "--as", v], None))
        add((["import", "records", str(tmp / "text.xlsx"), "--as", v], None))
        add((["users", "add", v, "--role", "inspector", "--as", "Admin"], None))
        if "\x00" not in v:  # the environment cannot hold NUL
            add((["export", "xlsx", "--out", fresh], v))
    for v in ["nonsense", "", "\udcff", LONG]:
        add((["cases", "--status", v], None))
        add((["users", "add", "Someone", "--role", v, "--as", "Admin"], None))
        add((["findings", "--severity", v], None))
        add((["case", "advance", "RC-2026-0001", "--to", v, "--as", "Admin"], None))
    for v in ["RC-NOPE", "", "\udcff", LONG]:
        add((["case", "show", v], None))
        add((["export", "pdf", "--case", v, "--out", fresh, "--as", "Admin"], None))
        if v:  # an empty --merchant means all merchants
            add((["export", "xlsx", "--merchant", v, "--out", fresh, "--as", "Admin"], None))
    a_file = tmp / "plain-file"
    add((["export", "xlsx", "--out", fresh, "--as", "nobody-here"], None))
    for data_dir in [str(a_file), str(tmp / ("d" * 300))]:
        add((["--data-dir", data_dir, "cases"], None))
    for argv in (
        [],
        ["no-such-command"],
        ["cases", "--no-such-option"],
        ["cases", LONG],
        [LONG],
        ["\udcff\udcfe"],
        ["cases", "--merchant", "\udcff"],
        ["export"],
        ["export", "pdf"],
        ["export", "pdf", "--out", fresh],
        ["report", "--out", fresh],
        ["import", "records"],
        ["case", "advance"],
        ["users", "add"],
        ["photos", "add", "--purchase", "NOPE", "--as", "Admin", str(tmp / "missing.jpg")],
        ["--db", "postgresql+psycopg://nobody@127.0.0.1:1/nothing", "cases"],
        ["--db", "nosuchdriver://x", "cases"],
        ["--db", "", "--data-dir", str(a_file), "cases"],
        ["plan", "--as", "Admin"],
        ["plan", "--month", "2026-12", "--budget", "lots", "--as", "Admin"],
        ["backup", "--to", str(a_file)],
    ):
        add((argv, None))
    return lines


@dataclass
class World:
    tmp: Path
    data: Path
    db_url: str | None  # PostgreSQL (None: the data folder's SQLite file)

    def __iter__(self):
        return iter((self.tmp, self.data))


@pytest.fixture(scope="module", params=backend_params())
def world(request, tmp_path_factory):
    for url in fresh_database(request, request.param):
        tmp = tmp_path_factory.mktemp("malformed")
        data = tmp / "data"
        saved = os.environ.get("INSPECTOR_DATA_DIR")
        os.environ["INSPECTOR_DATA_DIR"] = str(data)
        try:
            from inspector_app.domain.enums import Role
            from inspector_app.services import merchants
            from inspector_app.services import users as user_service
            from inspector_app.services.context import SYSTEM, open_context

            ctx = open_context(url, data_folder=str(data))
            admin = user_service.create_user(ctx.as_actor(SYSTEM), "Admin", Role.ADMIN)
            merchants.create_merchant(ctx.as_actor(admin), "S-1", "Shop One")
            ctx.db.dispose()
        finally:
            if saved is None:
                os.environ.pop("INSPECTOR_DATA_DIR", None)
            else:
                os.environ["INSPECTOR_DATA_DIR"] = saved
        yield World(tmp, data, url)


def _run_in_process(argv: list[str], user: str | None, data: Path,
                    db_url: str | None = None) -> tuple[int, str]:
    from inspector_app.cli.main import main

    err = io.StringIO()
    saved = {k: os.environ.get(k)
             for k in ("INSPECTOR_DATA_DIR", "INSPECTOR_USER", "INSPECTOR_DB_URL")}
    os.environ["INSPECTOR_DATA_DIR"] = str(data)
    os.environ.pop("INSPECTOR_USER", None)
    os.environ.pop("INSPECTOR_DB_URL", None)
    if db_url:
        os.environ["INSPECTOR_DB_URL"] = db_url
    if user is not None:
        os.environ["INSPECTOR_USER"] = user
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
            code = main(argv)
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    return code, err.getvalue()


def _assert_one_line(code: int, stderr: str, what: object) -> None:
    lines = stderr.splitlines()
    assert code == 2, f"{what}: exit {code}: {stderr[:500]}"
    assert len(lines) == 1, f"{what}: {len(lines)} lines: {stderr[:1000]}"
    assert "Traceback" not in stderr and "unexpected error" not in stderr, f"{what}: {stderr}"
    assert len(lines[0]) <= 700, f"{what}: a line of {len(lines[0])} characters"


def test_hundreds_of_malformed_command_lines(world):
    tmp, data = world
    cases = command_lines(tmp)
    assert len(cases) >= 300
    existing = tmp / "existing.out"
    failures = []
    for argv, user in cases:
        code, stderr = _run_in_process(argv, user, data, world.db_url)
        try:
            _assert_one_line(code, stderr, ([a[:60] for a in argv], user and user[:20]))
        except AssertionError as exc:
            failures.append(str(exc)[:600])
    assert not failures, f"{len(failures)} of {len(cases)}:\n" + "\n".join(failures[:40])
    assert existing.read_bytes() == b"keep me"  # never overwritten without --force
    leftovers = [p.name for p in tmp.iterdir() if p.name.startswith(".~")]
    assert leftovers == []


def _subprocess(argv: list[bytes | str], data: Path, env_user: bytes | None = None,
                db_url: str | None = None):
    env = {k: v for k, v in os.environb.items() if not k.startswith(b"INSPECTOR_")}
    env[b"INSPECTOR_DATA_DIR"] = os.fsencode(data)
    if db_url:
        env[b"INSPECTOR_DB_URL"] = os.fsencode(db_url)
    env[b"LC_ALL"] = b"C.UTF-8"
    if env_user is not None:
        env[b"INSPECTOR_USER"] = env_user
    return subprocess.run(
        [sys.executable, "-m", "inspector_app.cli.main", *argv],
        capture_output=True,
        env=env,
        timeout=120,
    )


@pytest.mark.parametrize(
    "argv, user",
    [
        ([b"cases", b"--merchant", b"\xff\xfe"], None),
        ([b"users", b"add", b"caf\xe9", b"--as", b"Admin"], None),
        ([b"\xff"], None),
        ([b"export", b"xlsx", b"--out", b"fresh.xlsx"], b"Adm\xefn"),
        ([b"import", b"records", b"/dev/zero", b"--as", b"Admin"], None),
        ([b"import", b"complaints", b"x.csv", b"--tz", b"+99999999999", b"--as", b"Admin"], None),
    ],
)
def test_real_processes(world, argv, user):
    tmp, data = world
    result = _subprocess(argv, data, user, world.db_url)
    _assert_one_line(result.returncode, result.stderr.decode("utf-8", "replace"), argv)


def test_log_file_that_cannot_be_written_warns_once(tmp_path):
    """The data folder's logs/ is a file: one warning, then the command's own one line."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "logs").write_text("not a folder")
    result = _subprocess([b"cases", b"--status", b"nonsense"], data)
    assert result.returncode == 2
    result = _subprocess([b"export", b"pdf", b"--case", b"RC-NONE", b"--out", b"/dev/null",
                          b"--as", b"Admin"], data)
    stderr = result.stderr.decode()
    assert result.returncode == 2 and "Traceback" not in stderr, stderr
    assert stderr.count("cannot write the log file") == 1, stderr
    assert len(stderr.splitlines()) == 2, stderr


def test_a_server_without_its_driver_is_one_line_naming_the_package(tmp_path):
    """An installation without psycopg (made before it was a dependency) asked to reach a
    team server: one line naming the missing package and how to install it, exit 2."""
    from tests.cli.conftest import assert_user_error

    code = ("import sys; sys.modules['psycopg'] = None; "
            "from inspector_app.cli.main import main; "
            "sys.exit(main(['--db', 'postgresql+psycopg://ivy@localhost/team', "
            f"'--data-dir', {str(tmp_path / 'data')!r}, 'users']))")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("INSPECTOR_", "PG"))}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env=env, timeout=120)
    assert_user_error(result, "psycopg", "pip install")


@pytest.mark.parametrize("argv, command", [
    (["sync", "--bogus"], "inspector sync"),
    (["team", "init", "--bogus"], "inspector team init"),
    (["findings", "--limit", "5", "stray"], "inspector findings"),
    (["--bogus"], "inspector"),
])
def test_an_unknown_argument_points_at_its_commands_help(tmp_path, argv, command):
    from tests.cli.conftest import assert_user_error

    env = {k: v for k, v in os.environ.items() if not k.startswith(("INSPECTOR_", "PG"))}
    result = subprocess.run([sys.executable, "-m", "inspector_app.cli.main", "--data-dir",
                             str(tmp_path / "data"), *argv], capture_output=True, text=True,
                            env=env, timeout=120)
    line = assert_user_error(result, "unrecognized arguments")
    assert line.startswith(f"{command}: ") and f"'{command} --help'" in line
