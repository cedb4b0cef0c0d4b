"""`make bench` in quick mode: every benchmark item runs to the end at small sizes.

tests/perf itself is not collected (its items take minutes at full size); this runs the
real harness (`python -m tests.perf.run_bench --quick`) in a fresh cache folder, so a change
that breaks a benchmark item (an import, a renamed service, a stop condition that never
fires) fails `make test` at once. No timing goal is checked here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.perf.child import ITEMS
from tests.perf.harness import CACHE_ENV, FULL_CACHE_DIR, QUICK_ENV

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


def test_every_benchmark_item_runs_in_quick_mode(tmp_path):
    cache = tmp_path / "bench-cache"
    out = tmp_path / "results.json"
    full_before = sorted(p.name for p in FULL_CACHE_DIR.glob("*")) if FULL_CACHE_DIR.exists() else []
    env = {**os.environ, CACHE_ENV: str(cache), "QT_QPA_PLATFORM": "offscreen"}
    env.pop(QUICK_ENV, None)
    proc = subprocess.run(
        [sys.executable, "-m", "tests.perf.run_bench", "--quick", "--json", str(out)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        timeout=300, check=False,
    )
    assert out.exists(), proc.stdout[-4000:]
    results = {r["item"]: r for r in json.loads(out.read_text(encoding="utf-8"))}
    assert list(results) == list(ITEMS), proc.stdout[-4000:]
    broken = {k: r["notes"] for k, r in results.items() if not r["ok"] or not r["ours"]}
    assert not broken, proc.stdout[-4000:]
    assert proc.returncode == 0, proc.stdout[-4000:]
    # The quick run kept to its own folder: its database is there, the full cache untouched.
    assert (cache / "db-quick" / "built.json").exists()
    after = sorted(p.name for p in FULL_CACHE_DIR.glob("*")) if FULL_CACHE_DIR.exists() else []
    assert after == full_before
