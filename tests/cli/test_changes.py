"""Commands that change data, as subprocesses: case advance, photos add, check, backup."""

from __future__ import annotations

import io
import json
import sqlite3

import pytest
from PIL import Image

from tests.cli.conftest import Cli, assert_user_error


def _open_case(cli: Cli) -> str:
    rows = cli.in_proc().json("cases", "--status", "open", "--limit", "1")
    assert rows, "the demo has an open case"
    return rows[0]["case_number"]


def test_case_advance_legal_and_illegal(demo_copy):
    people = demo_copy.in_proc().users()
    manager, merchant_side = people["quality_manager"][0], people["merchant_manager"][0]
    number = _open_case(demo_copy)

    ok = demo_copy("case", "advance", number, "--to", "notified", "--as", manager)
    assert ok.returncode == 0, ok.stderr
    assert f"{number}: open -> notified" in ok.stdout

    illegal = demo_copy("case", "advance", number, "--to", "closed", "--as", manager)
    line = assert_user_error(illegal, number, "notified", "closed", "quality_manager")
    assert "not a step" in line

    inproc = demo_copy.in_proc()
    # The role is named when the step exists but is not this role's to take.
    wrong_role = inproc(
        "case", "advance", number, "--to", "escalated", "--note", "late", user=merchant_side
    )
    assert_user_error(wrong_role, number, "merchant_manager", "notified", "escalated")
    # A step that needs a reason, without one.
    assert_user_error(
        inproc("case", "advance", number, "--to", "cancelled", "--as", manager), number, "reason"
    )
    assert_user_error(
        inproc("case", "advance", number, "--to", "responded", "--as", "Nobody"),
        "No user",
        "Nobody",
    )
    assert_user_error(
        inproc("case", "advance", "RC-1999-0001", "--to", "notified", "--as", manager),
        "RC-1999-0001",
    )
    # INSPECTOR_USER stands in for --as.
    via_env = inproc("case", "advance", number, "--to", "responded", user=merchant_side)
    assert via_env.returncode == 0, via_env.stderr
    shown = inproc("case", "show", number, "--json")
    events = json.loads(shown.stdout)["events"]
    history = [(e["from_status"], e["to_status"]) for e in events if e["kind"] == "status"]
    assert history[-2:] == [("open", "notified"), ("notified", "responded")]


def _jpeg(path, colour=(200, 30, 30)):
    buf = io.BytesIO()
    Image.new("RGB", (320, 240), colour).save(buf, "JPEG")
    path.write_bytes(buf.getvalue())
    return path


def test_photos_add_stores_good_files_and_rejects_bad_ones(demo_copy, tmp_path):
    people = demo_copy.in_proc().users()
    inspector = people["inspector"][0]
    finding = demo_copy.in_proc().json("findings", "--limit", "1")[0]
    good = _jpeg(tmp_path / "defect.jpg")
    bad = tmp_path / "notes.jpg"
    bad.write_text("this is not a photo", encoding="utf-8")

    result = demo_copy(
        "photos", "add", "--finding", str(finding["id"]), "--as", inspector, str(good), str(bad)
    )
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("stored") and "defect.jpg" in lines[0]
    assert lines[1].startswith("rejected") and "notes.jpg" in lines[1]
    assert "Traceback" not in result.stderr

    again = demo_copy.in_proc()(
        "photos", "add", "--purchase", finding["order_number"], str(good), user=inspector
    )
    assert again.returncode == 0 and again.stdout.startswith("stored")
    twice = demo_copy.in_proc()(
        "photos", "add", "--finding", str(finding["id"]), str(good), user=inspector
    )
    assert twice.returncode == 0 and twice.stdout.startswith("already stored")
    # The same picture as evidence of another purchase is stored, but flagged.
    other = next(f for f in demo_copy.in_proc().json("findings", "--limit", "50")
                 if f["order_number"] != finding["order_number"])
    reused = demo_copy.in_proc()(
        "photos", "add", "--purchase", other["order_number"], str(good), user=inspector
    )
    assert reused.returncode == 0, reused.stderr
    lines = reused.stdout.splitlines()
    assert lines[0].startswith("stored") and len(lines) == 2
    assert lines[1] == f"flagged         {good}: already evidence for finding {finding['id']}"
    check = demo_copy("check")
    assert check.returncode == 0, check.stdout + check.stderr


def test_check_passes_on_the_demo_and_reports_problems(demo_copy):
    ok = demo_copy("check")
    assert ok.returncode == 0, ok.stdout + ok.stderr
    integrity = "integrity: ok" if demo_copy.db_url is None else "not checked (not SQLite)"
    assert integrity in ok.stdout and "in order" in ok.stdout
    if demo_copy.db_url is not None:
        return  # the photo folder only caches the server's photos (tests/team: check there)
    # A stray file in the photo store: reported (exit 1), set aside by --repair (asked
    # first: without a terminal it needs --yes), never deleted.
    stray = demo_copy.data_dir / "photos" / "ab" / ("ab" + "0" * 62)
    stray.parent.mkdir(exist_ok=True)
    stray.write_bytes(b"left over")
    inproc = demo_copy.in_proc()
    found = inproc("check")
    assert found.returncode == 1 and "belongs to no photo" in found.stdout
    refused = inproc("check", "--repair")
    assert refused.returncode == 2 and "--yes" in refused.stderr and stray.exists()
    repaired = inproc("check", "--repair", "--yes")
    assert "set aside" in repaired.stdout and not stray.exists()
    [kept] = (demo_copy.data_dir / "quarantine").rglob(stray.name)
    assert kept.read_bytes() == b"left over"
    listed = inproc("check")
    assert listed.returncode == 0 and "In quarantine" in listed.stdout
    assert inproc("check", "--empty-quarantine", "--yes").returncode == 0
    assert not kept.exists()
    # A photo file gone missing cannot be repaired: it is named.
    photo = next(
        p for p in (demo_copy.data_dir / "photos").rglob("*")
        if p.is_file() and not p.name.startswith(".")
    )
    photo.chmod(0o644)
    photo.unlink()
    missing = inproc("check")
    assert missing.returncode == 1 and "has no file" in missing.stdout


@pytest.mark.sqlite_only
def test_backup_produces_a_sound_database(demo_copy, tmp_path):
    dest = tmp_path / "backups here"
    result = demo_copy("backup", "--to", str(dest))
    assert result.returncode == 0, result.stderr
    folder = next(dest.iterdir())
    assert str(folder) in result.stdout
    db = sqlite3.connect(folder / "inspector.sqlite3")
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert db.execute("SELECT count(*) FROM purchases").fetchone()[0] > 0
    assert any((folder / "photos").rglob("*"))
    not_a_folder = tmp_path / "file.txt"
    not_a_folder.write_text("x")
    assert_user_error(
        demo_copy.in_proc()("backup", "--to", str(not_a_folder)), "file.txt"
    )
