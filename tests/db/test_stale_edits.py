"""No silent overwrites: two processes save the same finding and the same case; the second
is refused with who changed it and when, and nothing the first saved is lost.

Runs on SQLite, and on PostgreSQL when INSPECTOR_TEST_PG_URL is set (tests/team)."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from inspector_app.domain.enums import Role
from inspector_app.domain.errors import StaleEdit
from inspector_app.services import cases, findings, users
from inspector_app.services.context import SYSTEM
from tests.services.builders import make_merchant, make_purchase


def seed(ctx):
    """An admin, a finding and an open case on it; (finding id, case number)."""
    admin = users.create_user(ctx.as_actor(SYSTEM), "Stale Admin", Role.ADMIN)
    c = ctx.as_actor(admin)
    m = make_merchant(c)
    p = make_purchase(c, m.id)
    f = findings.add_finding(c, p.id, findings.FindingInput("other", "minor", "原标题"))
    k = cases.open_case(c, [f.id])
    return c, f.id, k.case_number


def race(url: str, data_dir, kind: str, ref, tmp_path) -> list[str]:
    """Two processes read the same version, then both save: their outputs."""
    go = tmp_path / f"go-{kind}"
    procs, readies = [], []
    for n in (1, 2):
        ready = tmp_path / f"ready-{kind}-{n}"
        readies.append(ready)
        procs.append(subprocess.Popen(
            [sys.executable, "-m", "tests.db.stale_worker", url, str(data_dir), kind, str(ref),
             f"text of process {n}", str(ready), str(go)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8"))
    deadline = time.monotonic() + 60
    while not all(r.exists() for r in readies):
        assert time.monotonic() < deadline, [p.communicate() for p in procs]
        time.sleep(0.02)
    go.touch()
    outputs = []
    for p in procs:
        out, err = p.communicate(timeout=60)
        assert p.returncode == 0, err
        outputs.append(out.strip())
    return outputs


def check_race(ctx, url, data_dir, tmp_path, finding_id, case_number) -> None:
    for kind, ref in (("finding", finding_id), ("case", case_number)):
        outputs = race(url, data_dir, kind, ref, tmp_path)
        assert sorted(o.split(":")[0] for o in outputs) == ["saved", "stale"], outputs
        winner = outputs.index("saved") + 1
        loser = next(o for o in outputs if o.startswith("stale"))
        assert "changed by Stale Admin at " in loser and "nothing was saved" in loser
        if kind == "finding":
            assert findings.get_finding(ctx, finding_id).title == f"text of process {winner}"
        else:
            assert cases.get_case(ctx, case_number).summary == f"text of process {winner}"


def test_two_processes_save_the_same_finding_and_case_on_sqlite(ctx, tmp_path):
    c, finding_id, case_number = seed(ctx)
    check_race(c, str(ctx.db.url), ctx.paths.root, tmp_path, finding_id, case_number)


def test_a_save_from_an_old_version_is_refused_in_process(ctx):
    c, finding_id, case_number = seed(ctx)
    old = findings.get_finding(c, finding_id)
    findings.update_finding(c, finding_id, findings.FindingInput(
        "other", "minor", "first save", version=old.version))
    with pytest.raises(StaleEdit, match="changed by Stale Admin at"):
        findings.update_finding(c, finding_id, findings.FindingInput(
            "other", "minor", "second save", version=old.version))
    assert findings.get_finding(c, finding_id).title == "first save"
    k = cases.get_case(c, case_number)
    cases.update_case(c, case_number, summary="one", version=k.version)
    with pytest.raises(StaleEdit):
        cases.update_case(c, case_number, summary="two", version=k.version)
    with pytest.raises(StaleEdit):
        cases.record_response(c, case_number, cases.ResponseInput("x", version=k.version))
