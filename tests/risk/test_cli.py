"""`inspector import complaints`, `inspector risk` and `inspector plan` as a user runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from inspector_app.services import sampling_plans

MANAGER = "Quinn Manager"


def inspector(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "inspector_app.cli.main", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )


def test_import_risk_and_plan_from_the_command_line(manager, shops, shop_products, tmp_path):
    csv = tmp_path / "投诉.csv"
    rows = ["店铺ID,订单号,类别,类型,申请时间,首次处理时间,完结时间,结果"]
    rows += [
        # Applied before the tests' clock (2026-06-17): a ranking counts what happened so far.
        f"S3,A{i},售后,质量,2026-06-0{1 + i % 5} 10:00,2026-06-0{1 + i % 5} 2{i % 4}:00,,"
        for i in range(8)
    ]
    rows += ["S3,C1,投诉,质量,2026-06-02 10:00,,,", "S9,C2,投诉,,2026-06-02 10:00,,,"]
    csv.write_bytes("\n".join(rows).encode("gb18030"))

    out = inspector("import", "complaints", str(csv), "--as", MANAGER, "--tz", "+08:00", "--json")
    assert out.returncode == 1, out.stderr  # one row rejected: nothing imported
    result = json.loads(out.stdout)
    assert (result["added"], result["refused"], result["source_format"]) == (0, True, "gb18030")
    assert result["errors"] == [{"row": 11, "reason": "unknown shop id 'S9'"}]
    csv.write_bytes("\n".join(rows[:-1]).encode("gb18030"))
    out = inspector("import", "complaints", str(csv), "--as", MANAGER, "--tz", "+08:00")
    assert out.returncode == 0 and "9 added" in out.stdout, out.stderr
    csv.write_bytes("\n".join(rows).encode("gb18030"))
    again = inspector("import", "complaints", str(csv), "--as", MANAGER)
    assert again.returncode == 1 and "0 added, 9 already imported, 1 rejected" in again.stdout
    assert "row 11: unknown shop id 'S9'" in again.stderr
    assert again.stderr.count("nothing was imported (fix the rows listed") == 1

    out = inspector("risk", "--top", "3", "--json")
    assert out.returncode == 0, out.stderr
    ranked = json.loads(out.stdout)
    assert [r["rank"] for r in ranked] == [1, 2, 3]
    assert ranked[0]["shop_id"] == "S3" and ranked[0]["complaints"] == 1
    assert [r["score"] for r in ranked] == sorted((r["score"] for r in ranked), reverse=True)
    assert {"points", "reason", "duration_p90", "defect_rate", "candidate"} <= set(ranked[0])

    args = ["plan", "--month", "2026-12", "--purchases", "4", "--seed", "7", "--json"]
    a = json.loads(inspector(*args, "--as", MANAGER).stdout)
    b = json.loads(inspector(*args, "--as", MANAGER).stdout)
    assert (a["seed"], a["status"], len(a["picks"])) == (7, "draft", 4)
    key = [(p["merchant_id"], p["product_id"], p["reason"]) for p in a["picks"]]
    assert key == [(p["merchant_id"], p["product_id"], p["reason"]) for p in b["picks"]]
    assert sum(p["reason"] == "key merchant coverage" for p in a["picks"]) == 2

    out = inspector("plan", "accept", str(a["id"]), "--as", MANAGER, "--json")
    accepted = json.loads(out.stdout)
    assert accepted["status"] == "accepted" and all(p["purchase_id"] for p in accepted["picks"])
    refused = inspector("plan", "accept", str(a["id"]), "--as", MANAGER)
    assert refused.returncode == 2 and "already accepted" in refused.stderr
    # A second plan of the month is refused in one line, drafted or at once, and no draft
    # is left behind by the refused --accept.
    second = f"2026-12 already has an accepted sampling plan (plan {a['id']})"
    refused = inspector("plan", "accept", str(b["id"]), "--as", MANAGER)
    assert refused.returncode == 2 and refused.stderr.strip().count("\n") == 0
    assert second in refused.stderr
    refused = inspector(*args, "--accept", "--as", MANAGER)
    assert refused.returncode == 2 and refused.stderr.strip().count("\n") == 0
    assert second in refused.stderr and refused.stdout == ""
    assert {p.id for p in sampling_plans.list_plans(manager, "2026-12")} == {a["id"], b["id"]}

    out = inspector(
        "plan",
        "--month",
        "2026-12",
        "--purchases",
        "2",
        "--seed",
        "1",
        "--accept",
        "--json",
        "--as",
        "Ivy Inspector",
    )
    assert out.returncode == 2 and "may not make sampling plans" in out.stderr


def test_slowest_work_orders_and_table_output(manager, shops, tmp_path):
    csv = tmp_path / "wo.csv"
    csv.write_text(
        "shop_id,order_id,kind,applied_at,first_handled_at\n"
        + "".join(
            f"S2,O{h},after_sales,2026-06-01 00:00,2026-06-0{1 + h // 24} {h % 24:02d}:00\n"
            for h in (5, 30, 50, 80)
        ),
        encoding="utf-8",
    )
    assert inspector("import", "complaints", str(csv), "--as", MANAGER).returncode == 0
    out = inspector("risk", "slowest", "S2", "--limit", "2", "--json")
    assert [w["hours"] for w in json.loads(out.stdout)] == [80.0, 50.0]
    table = inspector("risk")
    assert table.returncode == 0 and "RISK" in table.stdout and "S2" in table.stdout
