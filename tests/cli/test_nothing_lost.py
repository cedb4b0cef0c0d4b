"""Damaged, missing, foreign and read-only databases on the command line; backups, verify, restore."""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.cli.conftest import Cli, assert_user_error

#: About the SQLite file and its folder backups; a team server has its own (pg_dump, README).
pytestmark = pytest.mark.sqlite_only

#: Commands every damaged database is tried with (each opens the database its own way).
COMMANDS = [("users",), ("cases", "--json"), ("check",), ("check", "--repair", "--yes"), ("backup",)]


def _break(db: Path, kind: str) -> None:
    """Do to the database file what laptops and people do."""
    if kind == "missing":
        db.unlink()
    elif kind == "empty":
        db.write_bytes(b"")
    elif kind == "random":
        db.write_bytes(random.Random(7).randbytes(64 * 1024))
    elif kind == "not sqlite":
        db.write_text("order,shop\n1,S1\n" * 1000, encoding="utf-8")
    elif kind == "truncated":
        with db.open("r+b") as f:
            f.truncate(3 * 4096)
    elif kind == "damaged":  # the schema page overwritten after its header
        with db.open("r+b") as f:
            f.seek(100)
            f.write(b"\xff" * 3000)
    elif kind == "read-only":
        db.chmod(0o444)
    else:
        raise AssertionError(kind)


@pytest.fixture(scope="module")
def initialised(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("init") / "data"
    assert Cli(folder)("init").returncode == 0
    assert Cli(folder)("users", "add", "Ada", "--role", "admin").returncode == 0
    return folder


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
@pytest.mark.parametrize(
    "kind", ["missing", "empty", "random", "not sqlite", "truncated", "damaged", "read-only"]
)
def test_a_bad_database_file_is_one_line_and_exit_2(initialised, tmp_path, kind, command):
    folder = tmp_path / "data"
    shutil.copytree(initialised, folder)
    db = folder / "inspector.sqlite3"
    _break(db, kind)

    def listing() -> list[str]:  # SQLite's own -wal/-shm may appear beside the file
        return sorted(p.name for p in folder.iterdir() if not p.name.endswith(("-wal", "-shm")))

    before = listing()
    line = assert_user_error(Cli(folder, in_process=True)(*command), "inspector.sqlite3")
    assert "unexpected" not in line
    assert {
        "missing": "no database", "empty": "empty file", "random": "not an SQLite database",
        "not sqlite": "not an SQLite database", "truncated": "cut short", "damaged": "damaged",
        "read-only": "read-only",
    }[kind] in line
    if kind == "missing":
        assert not db.exists()  # not silently created
    elif kind == "empty":
        assert db.stat().st_size == 0
    assert listing() == before  # nothing added, nothing removed


def test_only_init_creates_a_database(cli, tmp_path):
    typo = tmp_path / "inspectr.sqlite3"
    assert_user_error(cli("--db", f"sqlite:///{typo}", "users"), str(typo), "inspector init")
    assert not typo.exists()
    assert cli("--db", f"sqlite:///{typo}", "init").returncode == 0
    assert cli("--db", f"sqlite:///{typo}", "users").returncode == 0


def _originals(folder: Path) -> dict[str, bytes]:
    return {
        p.name: p.read_bytes()
        for p in (folder / "photos").rglob("*")
        if p.is_file() and len(p.name) == 64
    }


def test_a_database_of_another_data_folder_is_refused(demo_copy, tmp_path):
    other = Cli(tmp_path / "other")
    assert other("init").returncode == 0
    before = _originals(demo_copy.data_dir)
    assert len(before) >= 50
    foreign_db = f"sqlite:///{other.data_dir / 'inspector.sqlite3'}"
    for command in (("check", "--repair", "--yes"), ("users",), ("backup",)):
        assert_user_error(demo_copy("--db", foreign_db, *command), "another photo folder")
    assert _originals(demo_copy.data_dir) == before
    assert not (demo_copy.data_dir / "quarantine").exists()


def test_repair_on_a_new_empty_database_moves_nothing(demo_copy, tmp_path):
    """The experiment of the report: --db names a new, empty database (init'ed by mistake)."""
    before = _originals(demo_copy.data_dir)
    typo = f"sqlite:///{tmp_path / 'typo.sqlite3'}"
    assert demo_copy("--db", typo, "init").returncode == 0
    result = demo_copy("--db", typo, "check", "--repair", "--yes")
    assert "belong to another database" in result.stdout, result.stdout + result.stderr
    assert _originals(demo_copy.data_dir) == before
    assert not [p for p in (demo_copy.data_dir / "quarantine").rglob("*") if p.is_file()]


def _zero_a_page(db: Path, table: str) -> int:
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        pages = [r[0] for r in conn.execute(
            "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf'", (table,)
        )]
        size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    page = pages[len(pages) // 2]
    with db.open("r+b") as f:
        f.seek((page - 1) * size)
        f.write(b"\0" * size)
    return page


def test_a_zeroed_page_is_reported_by_check_and_refused_by_backup(demo_copy):
    good = demo_copy("backup")
    assert good.returncode == 0, good.stderr
    good_folder = good.stdout.strip().rsplit(" ", 1)[-1]
    _zero_a_page(demo_copy.data_dir / "inspector.sqlite3", "findings")
    checked = demo_copy("check")
    assert checked.returncode == 1, checked.stdout + checked.stderr
    assert "Database integrity: FAILED" in checked.stdout
    assert f"inspector restore {good_folder}" in checked.stdout
    refused = demo_copy("backup")
    assert_user_error(refused, "damaged", "not backed up", good_folder)
    backups = [p for p in (demo_copy.data_dir / "backups").iterdir() if p.is_dir()]
    assert [str(p) for p in backups] == [good_folder]
    # The named backup brings the data back.
    assert demo_copy("restore", good_folder, "--yes").returncode == 0
    assert demo_copy("check").returncode == 0


def test_backup_to_a_relative_path_verify_and_restore_round_trip(demo_copy, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    cli = demo_copy.in_proc()
    made = cli("backup", "--to", "usb-backup")
    assert made.returncode == 0, made.stderr
    [folder] = (tmp_path / "usb-backup").iterdir()
    assert not [p for p in folder.rglob(".tmp-*")]
    verified = cli("backup", "--verify", "usb-backup")
    assert verified.returncode == 0 and "good (60 photos checked)" in verified.stdout, verified.stdout
    users_before = cli.json("users")

    admin = next(u["display_name"] for u in users_before if u["role"] == "admin")
    added = cli("users", "add", "After the backup", "--role", "inspector", "--as", admin)
    assert added.returncode == 0, added.stderr
    asked = cli("restore", str(folder))
    assert_user_error(asked, "--yes")
    restored = cli("restore", str(folder), "--yes")
    assert restored.returncode == 0, restored.stderr
    assert cli.json("users") == users_before
    aside = Path(restored.stdout.strip().splitlines()[-1].rsplit(" ", 1)[-1])
    with sqlite3.connect(aside / "inspector.sqlite3") as conn:
        names = {r[0] for r in conn.execute("SELECT display_name FROM users")}
    assert "After the backup" in names  # the replaced database is kept, not deleted
    assert (aside / "photos.txt").read_text().count("\n") == 60
    assert cli("check").returncode == 0

    # A damaged photo in the backup: verify says so, restore refuses and changes nothing.
    photo = next(p for p in (folder / "photos").rglob("*") if p.is_file())
    photo.chmod(0o644)
    photo.write_bytes(b"not the photo any more")
    bad = cli("backup", "--verify", str(folder))
    assert bad.returncode == 1 and "BAD" in bad.stdout and "damaged" in bad.stdout
    refused = cli("restore", str(folder), "--yes")
    assert_user_error(refused, "failed its check", "nothing was restored")
    assert cli.json("users") == users_before


def test_read_only_database_is_named_even_as_root(initialised, tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(initialised, folder)
    os.chmod(folder / "inspector.sqlite3", 0o400)
    assert_user_error(Cli(folder)("users"), "read-only")


def test_backup_to_a_folder_under_home(demo_copy, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    made = demo_copy.in_proc()("backup", "--to", "~/usb")
    assert made.returncode == 0, made.stderr
    [folder] = (tmp_path / "home" / "usb").iterdir()
    assert str(folder) in made.stdout and (folder / "backup.json").is_file()


class _Terminal:
    """Standard input as a terminal where the user types `answer`."""

    def __init__(self, answer: str) -> None:
        self.answer = answer

    def isatty(self) -> bool:
        return True

    def readline(self) -> str:
        return self.answer


@pytest.mark.parametrize(("answer", "moved"), [("\n", False), ("n\n", False), ("y\n", True)])
def test_repair_asks_at_a_terminal_and_no_is_the_default(demo_copy, monkeypatch, answer, moved):
    stray = demo_copy.data_dir / "photos" / "ab" / ("ab" + "1" * 62)
    stray.parent.mkdir(exist_ok=True)
    stray.write_bytes(b"stray")
    monkeypatch.setattr("sys.stdin", _Terminal(answer))
    result = demo_copy.in_proc()("check", "--repair")
    assert "[y/N]" in result.stdout
    assert stray.exists() != moved
    if moved:
        assert result.returncode == 0 and "nothing was deleted" in result.stdout
    else:
        assert_user_error(result, "Nothing was changed")


def test_restore_from_a_folder_of_backups(initialised, tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(initialised, folder)
    cli = Cli(folder, in_process=True)
    usb = tmp_path / "usb"
    assert cli("backup", "--to", str(usb)).returncode == 0
    assert cli("users", "add", "Bea", "--role", "inspector", "--as", "Ada").returncode == 0
    assert cli("backup", "--to", str(usb)).returncode == 0
    older, newer = sorted(usb.iterdir())
    assert cli("users", "add", "Cy", "--role", "inspector", "--as", "Ada").returncode == 0
    # No terminal and no --yes: one line naming the newest, nothing changed.
    asked = cli("restore", str(usb))
    assert_user_error(asked, "2 backups", str(newer), "--yes")
    assert "Cy" in {u["display_name"] for u in cli.json("users")}
    # --yes: the newest good one; a damaged newest is passed over, saying so.
    (newer / "inspector.sqlite3").write_bytes(b"\0" * 4096)
    done = cli("restore", str(usb), "--yes")
    assert done.returncode == 0, done.stderr
    assert str(newer) in done.stdout and f"The newest good backup: {older}" in done.stdout
    assert {u["display_name"] for u in cli.json("users")} == {"Ada"}
    empty = tmp_path / "empty"
    empty.mkdir()
    assert_user_error(cli("restore", str(empty), "--yes"), "no backup", str(empty))


def test_restore_from_a_folder_asks_which_at_a_terminal(initialised, tmp_path, monkeypatch):
    folder = tmp_path / "data"
    shutil.copytree(initialised, folder)
    cli = Cli(folder, in_process=True)
    usb = tmp_path / "usb"
    assert cli("backup", "--to", str(usb)).returncode == 0
    assert cli("users", "add", "Bea", "--role", "inspector", "--as", "Ada").returncode == 0
    assert cli("backup", "--to", str(usb)).returncode == 0
    older, newer = sorted(usb.iterdir())
    answers = iter(["2", "y"])  # the second in the list (the older), then yes to the swap
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt="": next(answers))
    done = cli("restore", str(usb))
    assert done.returncode == 0, done.stderr
    listed = [line for line in done.stdout.splitlines() if line.strip()[:1].isdigit()]
    assert [line.split()[0] for line in listed[:2]] == ["1", "2"]
    assert newer.name in listed[0] and older.name in listed[1]
    assert {u["display_name"] for u in cli.json("users")} == {"Ada"}
    answers = iter(["7"])  # not in the list: nothing changes
    refused = cli("restore", str(usb))
    assert_user_error(refused, "Nothing was changed")
