"""Two processes writing one SQLite file at once, and backups taken while another writes."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from inspector_app.db.backup import backup_sqlite
from inspector_app.domain import clock as app_clock
from inspector_app.services.context import open_context

#: Merchants (each with a purchase) every writer process creates.
PER_WRITER = 150
ROOT = Path(__file__).resolve().parents[2]


def _writer(data_dir: Path, prefix: str, count: int = PER_WRITER) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith("INSPECTOR_")}
    env[app_clock.CLOCK_ENV] = app_clock.now().isoformat()
    return subprocess.Popen(
        [sys.executable, "-m", "tests.db.write_loop", str(data_dir), prefix, str(count)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _counts(db: Path) -> tuple[int, int]:
    conn = sqlite3.connect(db)
    try:
        return (
            conn.execute("SELECT count(*) FROM merchants").fetchone()[0],
            conn.execute("SELECT count(*) FROM purchases").fetchone()[0],
        )
    finally:
        conn.close()


def test_two_processes_write_at_once_and_nothing_is_lost(tmp_path):
    data = tmp_path / "shared"
    open_context(data_folder=str(data)).db.dispose()  # schema first; the writers only write
    procs = [_writer(data, "A"), _writer(data, "B")]
    results = [p.communicate(timeout=180) for p in procs]
    for p, (out, err) in zip(procs, results, strict=True):
        assert p.returncode == 0, err
        assert "locked" not in err.lower()
        assert out.strip() == str(PER_WRITER)
    assert _counts(data / "inspector.sqlite3") == (2 * PER_WRITER, 2 * PER_WRITER)
    conn = sqlite3.connect(data / "inspector.sqlite3")
    shops = {r[0] for r in conn.execute("SELECT shop_id FROM merchants")}
    assert shops == {f"{p}-{i:04d}" for p in "AB" for i in range(PER_WRITER)}
    orphans = conn.execute(
        "SELECT count(*) FROM purchases p LEFT JOIN merchants m ON m.id = p.merchant_id "
        "WHERE m.id IS NULL"
    ).fetchone()[0]
    assert orphans == 0


def test_backup_while_another_process_writes(tmp_path):
    data = tmp_path / "live"
    ctx = open_context(data_folder=str(data))
    writer = _writer(data, "W", 200)
    backups: list[Path] = []
    try:
        while writer.poll() is None or not backups:
            dest = tmp_path / "backups" / f"b{len(backups):03d}.sqlite3"
            backup_sqlite(ctx.db.engine, dest)
            backups.append(dest)
            time.sleep(0.05)
        out, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err
    finally:
        if writer.poll() is None:
            writer.kill()
        ctx.db.dispose()
    assert len(backups) >= 2
    seen = []
    for b in backups:
        conn = sqlite3.connect(b)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",), b
            assert conn.execute("PRAGMA foreign_key_check").fetchall() == [], b
        finally:
            conn.close()
        merchants_n, purchases_n = _counts(b)
        # Each backup is one consistent moment: every merchant but the newest has its purchase.
        assert purchases_n in (merchants_n, merchants_n - 1)
        seen.append(merchants_n)
    assert seen == sorted(seen) and seen[-1] <= 200
    assert _counts(data / "inspector.sqlite3") == (200, 200)
