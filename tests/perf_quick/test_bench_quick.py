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

from tests.perf import pgdb
from tests.perf.child import ITEMS, PG_ITEMS
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
    # Without a PostgreSQL URL its rows say so and are not measured (.ci/run sets one).
    no_server = set(PG_ITEMS) if pgdb.server_url() is None else set()
    for item in no_server:
        assert results[item]["notes"] == [pgdb.why_not()], results[item]
    broken = {k: r["notes"] for k, r in results.items()
              if k not in no_server and (not r["ok"] or not r["ours"])}
    assert not broken, proc.stdout[-4000:]
    assert proc.returncode == 0, proc.stdout[-4000:]
    # The quick run kept to its own folder: its database is there, the full cache untouched.
    assert (cache / "db-quick" / "built.json").exists()
    after = sorted(p.name for p in FULL_CACHE_DIR.glob("*")) if FULL_CACHE_DIR.exists() else []
    assert after == full_before


def test_results_md_keeps_the_rows_not_measured_again():
    from tests.perf.harness import Result
    from tests.perf.run_bench import earlier_rows, markdown

    meta = {"when": "2026-12-01 10:00 UTC", "machine": "2 cores", "sizes": "{}", "minutes": 1.0}
    first = [Result(item, title, "1 ms", "2 ms", "0.5x", "< 9 ms", True, [f"note {item}"])
             for item, (_t, title, _db) in ITEMS.items()]
    text = markdown(first, meta)
    again = Result("notice", ITEMS["notice"][1], "7 ms", "5 ms", "1.4x", "<= 1.3x", False,
                   ["slower | now"])
    later = markdown([again], {**meta, "when": "2026-12-06 21:00 UTC"}, text)
    rows = earlier_rows(later)
    assert list(rows) == [title for _m, title, _db in ITEMS.values()]
    assert rows[ITEMS["notice"][1]][0][1:] == ["7 ms", "5 ms", "1.4x", "<= 1.3x", "**FAIL**",
                                               "2026-12-06 21:00 UTC"]
    assert rows[ITEMS["notice"][1]][1] == ["- slower | now"]
    demo = rows[ITEMS["demo"][1]]
    assert demo[0][1:] == ["1 ms", "2 ms", "0.5x", "< 9 ms", "**pass**", "2026-12-01 10:00 UTC"]
    assert demo[1] == ["- note demo"]
