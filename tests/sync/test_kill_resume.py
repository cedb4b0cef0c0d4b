"""`inspector sync` killed with SIGKILL at random points and run again: exactly one copy
of every record and photo on the server, hashes match, nothing half applied, and a second
sync transfers nothing. (make bench runs it at full size: tests/perf/sync_bench.py.)"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time

from sqlalchemy import func, select, text

from inspector_app.db.models import Finding, Photo, Purchase, SyncOutbox
from inspector_app.domain.enums import Role
from inspector_app.services import merchants
from inspector_app.services.sync.binding import pending_count
from tests.sync.conftest import PASSWORD, cli, join
from tests.sync.dataset import offline_work

#: Small enough for make test; tests/perf/sync_bench.py runs 10,000/40,000/2,000 x 20.
PURCHASES, FINDINGS_EACH, PHOTOS, KILLS = 400, 4, 20, 6


def _start_sync(folder) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("INSPECTOR_", "PG"))}
    env.update({"INSPECTOR_DATA_DIR": str(folder), "PYTHONIOENCODING": "utf-8"})
    proc = subprocess.Popen([sys.executable, "-m", "inspector_app.cli.main", "sync"],
                            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, env=env)
    proc.stdin.write((PASSWORD + "\n").encode())
    proc.stdin.close()
    return proc


def kill_and_resume(folder, kills: int, seed: int, total: int, progress) -> list[int]:
    """Start `inspector sync` and SIGKILL it `kills` times at random points: once the
    server's receipts (`progress()`) pass a random share of what is left, plus a random
    0-50 ms (so also inside a transaction; longer lets a fast machine finish the push
    before the kill lands). Returns `progress()` after each kill (-1 for a
    run that ended before its kill)."""
    rnd = random.Random(seed)
    seen: list[int] = []
    base = progress()
    for _ in range(kills):
        now = progress() - base
        if now >= total:
            break
        target = base + now + rnd.randint(0, max(1, (total - now) // 2))
        proc = _start_sync(folder)
        deadline = time.monotonic() + 300
        while proc.poll() is None and progress() < target and time.monotonic() < deadline:
            time.sleep(0.005)
        time.sleep(rnd.uniform(0, 0.05))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            seen.append(progress() - base)
        else:
            seen.append(-1)
    return seen


def check_one_copy(server_ctx, laptop, shas: dict[str, str], prefix: str) -> None:
    with laptop.db.read() as s:
        local = {
            "purchases": set(s.scalars(select(Purchase.uid).where(
                Purchase.order_number.like(f"{prefix}-%")))),
            "findings": set(s.scalars(select(Finding.uid).join(Purchase).where(
                Purchase.order_number.like(f"{prefix}-%")))),
            "photos": set(s.scalars(select(Photo.uid).where(Photo.sha256.in_(list(shas))))),
        }
        assert s.scalar(select(func.count()).select_from(SyncOutbox)) == 0
    with server_ctx.db.read() as s:
        for model, uids in ((Purchase, local["purchases"]), (Finding, local["findings"]),
                            (Photo, local["photos"])):
            rows = s.execute(select(model.uid, func.count()).where(model.uid.in_(list(uids)))
                             .group_by(model.uid)).all()
            assert {u for u, _ in rows} == uids and all(n == 1 for _, n in rows)
        bad = s.execute(text(
            "SELECT sha256 FROM photo_blobs WHERE sha256 = ANY(:shas) "
            "AND encode(sha256(data), 'hex') <> sha256"), {"shas": list(shas)}).all()
        assert bad == []
        have = s.scalar(text("SELECT count(*) FROM photo_blobs WHERE sha256 = ANY(:shas)"),
                        {"shas": list(shas)})
        assert have == len(shas)
        # Nothing half applied: every purchase arrived with all its findings.
        per = s.execute(select(func.count(Finding.id)).join(Purchase).where(
            Purchase.order_number.like(f"{prefix}-%")).group_by(Purchase.id)).scalars().all()
        assert set(per) == {len(local["findings"]) // len(local["purchases"])}


def test_sync_killed_at_random_points_ends_with_one_copy_of_everything(team_server, tmp_path):
    qm = team_server.context(team_server.login_url(Role.QUALITY_MANAGER), tmp_path / "qm")
    merchants.create_merchant(qm, "KILL-1", "断电商店")
    laptop = join(team_server, team_server.logins[Role.INSPECTOR], tmp_path / "laptop")
    shas = offline_work(laptop, "KILL-1", purchases=PURCHASES, findings_each=FINDINGS_EACH,
                        photos=PHOTOS, prefix="KILL")
    waiting = pending_count(laptop)
    seen = kill_and_resume(tmp_path / "laptop", KILLS, seed=13, total=waiting,
                           progress=lambda: team_server.sql(
                               Role.QUALITY_MANAGER, "SELECT count(*) FROM sync_receipts")[0][0])
    # The kills fell in the middle of pushing (receipts grew between them, work was left).
    assert len({n for n in seen if 0 < n < waiting}) >= 2, seen
    final = cli("sync", "--json", data_dir=tmp_path / "laptop")
    assert final.returncode == 0, final.stderr
    check_one_copy(qm, laptop, shas, "KILL")
    again = cli("sync", "--json", data_dir=tmp_path / "laptop")
    report = json.loads(again.stdout)
    assert (report["pushed"], report["pulled"], report["photos_sent_bytes"],
            report["photos_received"], report["conflicts"]) == (0, 0, 0, 0, [])
