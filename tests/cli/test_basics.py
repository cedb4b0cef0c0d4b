"""The command line's frame: init, help, users, argument errors, unexpected errors."""

from __future__ import annotations

import sqlite3

import pytest

from inspector_app.cli import main as cli_main
from tests.cli.conftest import assert_user_error


@pytest.mark.sqlite_only
def test_init_creates_the_database_and_says_where(cli):
    first = cli("init")
    assert first.returncode == 0, first.stderr
    db = cli.data_dir / "inspector.sqlite3"
    assert "Created the database" in first.stdout
    assert f"Database:    {db}" in first.stdout
    assert f"Data folder: {cli.data_dir}" in first.stdout
    assert "users add" in first.stderr  # the hint for the first user
    assert sqlite3.connect(db).execute("PRAGMA integrity_check").fetchone() == ("ok",)
    again = cli("init")
    assert again.returncode == 0 and "up to date" in again.stdout


def test_help_for_every_command(capsys):
    """`--help` works for the program and every command and sub-command (in-process: fast)."""
    parser = cli_main.build_parser()
    names = [a for a in parser._subparsers._group_actions[0].choices]  # noqa: SLF001
    assert {
        "init",
        "demo",
        "merchants",
        "purchases",
        "findings",
        "cases",
        "case",
        "photos",
        "backup",
        "check",
        "users",
    } <= set(names)
    for argv in [
        [],
        *([n] for n in names),
        ["case", "advance"],
        ["case", "show"],
        ["photos", "add"],
        ["users", "add"],
    ]:
        with pytest.raises(SystemExit) as exit_info:
            parser.parse_args([*argv, "--help"])
        assert exit_info.value.code == 0
        out = capsys.readouterr().out
        assert out.startswith("usage: inspector"), argv
    assert cli_main.main(["cases", "--help"]) == 0


@pytest.mark.sqlite_only
def test_help_as_a_subprocess(cli):
    result = cli("--help")
    assert result.returncode == 0 and "case advance" in result.stdout


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["frobnicate"], ["invalid choice", "frobnicate"]),
        (["cases", "--limit", "many"], ["--limit", "many"]),
        (["cases", "--since", "yesterday"], ["--since", "YYYY-MM-DD"]),
        (["cases", "--status", "bogus"], ["bogus", "open"]),
        (["case", "advance", "RC-2026-0001"], ["--to"]),
        (["photos", "add", "x.jpg"], ["--purchase", "--finding"]),
        (["users", "add", "Ann", "--role", "king"], ["king", "quality_manager"]),
        (["cases", "--since", "2026-02-01", "--until", "2026-01-01"], ["after"]),
    ],
)
def test_bad_arguments_are_one_line_and_exit_2(argv, words, capsys):
    # In-process: the same code path as the subprocess, without the start-up cost per case.
    assert cli_main.main(argv) == 2
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    assert "Traceback" not in captured.err
    for w in words:
        assert w in lines[0]


@pytest.mark.sqlite_only
def test_bad_arguments_as_a_subprocess(cli):
    assert_user_error(cli("cases", "--limit", "-3"), "--limit", "negative")
    assert not (cli.data_dir / "inspector.sqlite3").exists()  # nothing created for bad args


@pytest.mark.sqlite_only
def test_bad_database_url_is_a_user_error(cli):
    assert_user_error(cli("--db", "nosuchdb://x/y", "cases"), "database URL")


def test_first_user_needs_no_acting_user_then_admins_add_users(cli):
    assert cli("init").returncode == 0
    assert cli("users", "add", "Ada Admin", "--role", "admin").returncode == 0
    assert_user_error(cli("users", "add", "王芳", "--role", "inspector"), "--as", "INSPECTOR_USER")
    inproc = cli.in_proc()
    assert_user_error(
        inproc("users", "add", "王芳", "--role", "inspector", "--as", "Nobody"), "No user", "Nobody"
    )
    ok = inproc("users", "add", "王芳", "--role", "inspector", "--as", "Ada Admin")
    assert ok.returncode == 0 and "王芳" in ok.stdout
    assert_user_error(
        inproc("users", "add", "李娜", "--role", "inspector", user="王芳"), "inspector", "may not"
    )
    listed = inproc.json("users")
    assert [(u["display_name"], u["role"]) for u in listed] == [
        ("Ada Admin", "admin"),
        ("王芳", "inspector"),
    ]
    table = inproc("users").stdout.splitlines()
    assert table[0].split() == ["ID", "NAME", "ROLE"]


def test_acting_as_a_user_with_a_password_asks_for_it(cli):
    """A one-laptop user's password (set in the application) is asked before acting as them:
    one line of standard input when it is not a terminal. Listings do not ask."""
    from inspector_app.services import passwords, users
    from inspector_app.services.context import open_context

    assert cli("init").returncode == 0
    assert cli("users", "add", "Ada Admin", "--role", "admin").returncode == 0
    ctx = open_context(cli.db_url, data_folder=str(cli.data_dir))
    try:
        ada = users.find_user(ctx, "Ada Admin")
        passwords.set_password(ctx.as_actor(ada), ada.id, "s3cret-pw")
    finally:
        ctx.db.dispose()
    add = ("users", "add", "王芳", "--role", "inspector", "--as", "Ada Admin")
    assert_user_error(cli(*add), "No password on standard input")
    assert_user_error(cli(*add, input="wrong\n"), "Wrong password for Ada Admin")
    assert_user_error(cli(*add[:-2], user="Ada Admin", input="guess\n"), "Wrong password")
    assert [u["display_name"] for u in cli.json("users")] == ["Ada Admin"]  # nothing added
    ok = cli(*add, input="s3cret-pw\n")
    assert ok.returncode == 0, ok.stderr
    assert "王芳" in ok.stdout and "Password" not in ok.stdout + ok.stderr
    listed = cli("purchases", "--json", "--as", "Ada Admin")  # reading: no password asked
    assert listed.returncode == 0 and listed.stdout.strip() == "[]", listed.stderr


def test_unexpected_error_is_logged_with_its_traceback(cli, monkeypatch, capsys):
    def broken(*_a, **_k):
        raise RuntimeError("disk on fire")

    assert cli_main.main(["--data-dir", str(cli.data_dir), "init"]) == 0
    capsys.readouterr()
    monkeypatch.setattr("inspector_app.services.users.list_users", broken)
    assert cli_main.main(["--data-dir", str(cli.data_dir), "users"]) == cli_main.EXIT_UNEXPECTED
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "unexpected error" in err[0] and "disk on fire" in err[0]
    log = (cli.data_dir / "logs" / "cli.log").read_text(encoding="utf-8")
    assert "Traceback" in log and "RuntimeError: disk on fire" in log


@pytest.mark.sqlite_only
def test_global_options_work_after_the_command(cli, tmp_path):
    other = tmp_path / "elsewhere"
    result = cli("init", "--data-dir", str(other))
    assert result.returncode == 0, result.stderr
    assert (other / "inspector.sqlite3").exists()
    assert not (cli.data_dir / "inspector.sqlite3").exists()


@pytest.mark.sqlite_only
def test_db_takes_a_plain_file_path(cli, tmp_path):
    """--db accepts the path of a SQLite file, not only a URL: a missing one is named as such."""
    missing = tmp_path / "nowhere" / "x.sqlite3"
    line = assert_user_error(cli("--db", str(missing), "cases"), "There is no database at")
    assert str(missing) in line and "URL" not in line
    cli("init")
    db = cli.data_dir / "inspector.sqlite3"
    listed = cli("--db", str(db), "cases", "--json")
    assert listed.returncode == 0, listed.stderr
