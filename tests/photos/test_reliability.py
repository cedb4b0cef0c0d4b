"""kill -9 of a process importing photos, at random moments: the store stays consistent."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from inspector_app.db.models import Photo
from inspector_app.services import photos as svc

REPO = Path(__file__).resolve().parents[2]
#: Kill rounds; each costs a process start (~0.5 s) plus up to MAX_RUN seconds of importing.
ROUNDS = 6
#: Longest a round imports before it is killed, in seconds.
MAX_RUN = 0.8


@pytest.mark.slow
def test_kill_9_while_importing_leaves_a_consistent_store(ctx, tmp_path):
    seed = int(os.environ.get("INSPECTOR_KILL_SEED", time.time_ns() % 100_000))
    rng = random.Random(seed)
    src = tmp_path / "in"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    reported: set[tuple[int, str]] = set()  # (photo id, sha256) the importer said were done
    for run in range(ROUNDS):
        proc = subprocess.Popen(
            [sys.executable, "-m", "tests.photos.import_loop", str(ctx.paths.root), str(src),
             str(run)],
            cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        try:
            line = proc.stdout.readline()
            assert line.strip() == "ready", f"seed {seed}: {proc.stderr.read()}"
            time.sleep(rng.uniform(0.02, MAX_RUN))
            assert proc.poll() is None, f"seed {seed}: importer died: {proc.stderr.read()}"
        finally:
            proc.kill()  # SIGKILL: no cleanup, no atexit, no finally blocks
            proc.wait(timeout=10)
            for line in proc.stdout.read().splitlines():
                if line.startswith("done "):
                    _done, photo_id, sha = line.split()
                    reported.add((int(photo_id), sha))
            proc.stdout.close()
            proc.stderr.close()

    store = ctx.photos
    with ctx.db.read() as s:
        rows = s.execute(select(Photo.id, Photo.sha256)).all()
    assert rows, f"seed {seed}: nothing was imported"
    # Everything reported as done survived the kill, row and file.
    assert reported and reported <= {(pid, sha) for pid, sha in rows}, f"seed {seed}"
    # No row without its file, and no file that fails its hash.
    assert [pid for pid, sha in rows if not store.verify(sha)] == [], f"seed {seed}"
    assert [sha for sha in store.iter_stored() if not store.verify(sha)] == [], f"seed {seed}"

    repaired = svc.check_store(ctx, repair=True)
    assert repaired.database_ok and not repaired.missing_files and not repaired.corrupt_files
    final = svc.check_store(ctx)
    assert final.ok, f"seed {seed}: {final.problems()}"
    assert final.rows_checked == len(rows)
