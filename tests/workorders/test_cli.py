"""`inspector workorders` and `inspector import volumes` as a user runs them: JSON rows equal an
independent computation, the xlsx export is read back with openpyxl and never overwrites a
file without --force, bad input is one line with exit status 2."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime

import pytest
from openpyxl import load_workbook

from inspector_app.services.complaints import import_work_orders
from tests.workorders import generated as g


def inspector(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, "-m", "inspector_app.cli.main", *args],
                          capture_output=True, text=True, encoding="utf-8", env=env, timeout=120)


@pytest.fixture
def rows(manager, shops, tmp_path, clock):
    # The command runs in another process, its clock anchored where this test's stands
    # (INSPECTOR_CLOCK); the generated times are whole minutes, the limits whole hours, so
    # the seconds between the two never move a row across a limit.
    made = g.generate(clock.now(), n=200, seed=9)
    g.write_csv(tmp_path / "wo.csv", made, chinese=True, encoding="gb18030")
    assert import_work_orders(manager, tmp_path / "wo.csv", tz=g.CST).added == len(made)
    return made


def test_slowest_and_late_as_json_equal_the_independent_figures(rows, clock):
    now = clock.now()
    out = inspector("workorders", "--slowest", "100", "--json")
    assert out.returncode == 0, out.stderr
    got = json.loads(out.stdout)
    index = {r.order: i for i, r in enumerate(rows)}
    timed = sorted((r for r in rows if r.in_window(now) and r.duration() is not None),
                   key=lambda r: (-round(r.duration(), 6), -index[r.order]))
    assert [x["order_id"] for x in got] == [r.order for r in timed[:100]]
    first = got[0]
    assert {"shop_id", "order_id", "kind", "type", "applied_at", "duration_hours",
            "late_stages"} <= set(first)
    r = next(r for r in rows if r.order == first["order_id"])
    assert (first["shop_id"], first["kind"], first["type"]) == (r.shop, r.kind, r.type)
    assert datetime.fromisoformat(first["applied_at"]) == r.t["applied_at"]
    assert first["duration_hours"] == pytest.approx(r.duration())
    assert set(first["late_stages"]) == r.late(now)

    out = inspector("workorders", "--late", "--merchant", "S2", "--json", "--limit", "1000")
    assert out.returncode == 0, out.stderr
    late = json.loads(out.stdout)
    assert {x["order_id"] for x in late} == {
        r.order for r in rows if r.shop == "S2" and r.running_late(now)}
    for x in late:
        assert set(x["late_stages"]) == next(r for r in rows if r.order == x["order_id"]).late(now)

    out = inspector("workorders", "--stage", "arrival", "--type", "少件", "--json")
    assert {x["order_id"] for x in json.loads(out.stdout)} == {
        r.order for r in rows if r.type == "少件" and "arrival" in r.late(now)}


def test_xlsx_export_is_read_back_and_never_overwritten(rows, tmp_path, clock):
    now = clock.now()
    path = tmp_path / "slowest.xlsx"
    out = inspector("workorders", "--slowest", "10", "--xlsx", str(path))
    assert out.returncode == 0, out.stderr
    ws = load_workbook(path, read_only=True).worksheets[0]
    table = list(ws.iter_rows(values_only=True))
    assert table[0][:3] == ("Shop ID 店铺ID", "Merchant 商家", "Order 订单号")
    assert "Service duration 售后服务时长 (h)" in table[0]
    hours = table[0].index("Service duration 售后服务时长 (h)")
    index = {r.order: i for i, r in enumerate(rows)}
    timed = sorted((r for r in rows if r.in_window(now) and r.duration() is not None),
                   key=lambda r: (-round(r.duration(), 6), -index[r.order]))[:10]
    assert [row[2] for row in table[1:]] == [r.order for r in timed]
    assert [row[hours] for row in table[1:]] == pytest.approx([r.duration() for r in timed])
    kinds = {row[3] for row in table[1:]}
    assert kinds == {"After-sales work order 售后工单"}
    before = path.read_bytes()
    again = inspector("workorders", "--slowest", "5", "--xlsx", str(path))
    assert again.returncode == 2 and again.stderr.count("\n") == 1
    assert "already exists; use --force" in again.stderr and path.read_bytes() == before
    forced = inspector("workorders", "--slowest", "5", "--xlsx", str(path), "--force")
    assert forced.returncode == 0 and len(list(
        load_workbook(path, read_only=True).worksheets[0].iter_rows())) == 6


@pytest.mark.parametrize("args", [
    ("--slowest", "5", "--late"),
    ("--stage", "nowhere"),
    ("--merchant", "NO-SUCH-SHOP"),
    ("--slowest", "0"),
])
def test_bad_input_is_one_line_and_exit_2(rows, args):
    out = inspector("workorders", *args)
    assert out.returncode == 2 and out.stderr.count("\n") == 1, out.stderr
    assert "Traceback" not in out.stderr


def test_import_volumes_all_or_nothing(manager, shops, tmp_path):
    from sqlalchemy import select

    from inspector_app.db.models import OrderVolume

    path = tmp_path / "量.csv"
    path.write_text("店铺ID,月份,订单量\nS1,2026-05,1200\nS2,2026年5月,800\nS9,2026-05,5\n"
                    "S3,2026-13,4\nS4,2026-05,-3\n", encoding="gb18030")
    out = inspector("import", "volumes", str(path), "--as", "Quinn Manager")
    assert out.returncode == 1
    assert "row 5: month (月份): '2026-13' is not a month (use 2026-10)" in out.stderr
    assert "row 6: orders (订单量): '-3' is not a whole number of orders" in out.stderr
    assert "nothing was imported" in out.stderr
    with manager.db.read() as s:
        assert s.scalars(select(OrderVolume)).all() == []
    path.write_text("shop_id,month,orders\nS1,2026-05,1200\nS2,2026/5,800\nS9,2026-05,5\n",
                    encoding="utf-8")
    out = inspector("import", "volumes", str(path), "--as", "Quinn Manager", "--json")
    assert json.loads(out.stdout)["errors"] == [{"row": 4, "reason": "unknown shop id 'S9'"}]
    path.write_text("shop_id,month,orders\nS1,2026-05,1200\nS2,2026/5,800\n", encoding="utf-8")
    out = inspector("import", "volumes", str(path), "--as", "Quinn Manager")
    assert out.returncode == 0 and "2 added, 0 updated" in out.stdout
    path.write_text("shop_id,month,orders\nS1,2026-05,1300\nS2,2026/5,800\n", encoding="utf-8")
    out = inspector("import", "volumes", str(path), "--as", "Quinn Manager")
    assert out.returncode == 0 and "0 added, 1 updated" in out.stdout
    with manager.db.read() as s:
        got = {(v.merchant_id, v.month, v.orders) for v in s.scalars(select(OrderVolume))}
    assert got == {(shops["S1"], "2026-05", 1300), (shops["S2"], "2026-05", 800)}
