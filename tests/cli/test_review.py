"""`inspector review --month M`: JSON rows, candidates, decisions in one step, one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from inspector_app.domain import clock as app_clock
from inspector_app.domain.enums import Role
from inspector_app.services import merchants as merchant_service
from tests.services.review_world import MONTH, plant

MANAGER = "Quinn Manager"


def inspector(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    env[app_clock.CLOCK_ENV] = app_clock.now().isoformat()
    env.pop("INSPECTOR_USER", None)
    return subprocess.run([sys.executable, "-m", "inspector_app.cli.main", *args],
                          capture_output=True, text=True, encoding="utf-8", env=env, timeout=120)


@pytest.fixture
def world(ctx, users):
    return plant(ctx.as_actor(users[Role.QUALITY_MANAGER]))


def test_review_json_and_a_batch_decision(ctx, world):
    out = inspector("review", "--month", MONTH, "--json")
    assert out.returncode == 0, out.stderr
    rows = {r["shop_id"]: r for r in json.loads(out.stdout)}
    assert {"shop_id", "name", "status", "candidate", "reasons"} <= rows["SLOW"].keys()
    assert rows["SLOW"]["candidate"] and "late_work_orders" in rows["SLOW"]["reasons"]
    assert "TOP" not in rows  # suspended: apart
    everyone = {r["shop_id"] for r in json.loads(
        inspector("review", "--month", MONTH, "--all", "--json").stdout)}
    assert {"TOP", "GONE"} <= everyone

    table = inspector("review", "--month", MONTH, "--candidates")
    assert "work orders over 72 h" in table.stdout

    done = inspector("review", "--month", MONTH, "--decide", "suspend", "--reason", "工单超时",
                     "SLOW", "R00", "--as", MANAGER)
    assert done.returncode == 0, done.stderr
    assert merchant_service.find_by_shop_id(ctx, "SLOW").status == "suspended"
    assert merchant_service.find_by_shop_id(ctx, "R00").status == "suspended"


@pytest.mark.parametrize("args", [
    ("review", "--month", "2026-13"),
    ("review", "--month", MONTH, "--decide", "ban", "SLOW", "--reason", "x"),
    ("review", "--month", MONTH, "--decide", "watch", "SLOW", "--as", MANAGER),
    ("review", "--month", MONTH, "--decide", "watch", "NOPE", "--reason", "x", "--as", MANAGER),
    ("review", "--month", MONTH, "--decide", "watch", "SLOW", "--reason", "x",
     "--as", "Ivy Inspector"),
    ("review", "--month", MONTH, "SLOW"),
])
def test_bad_input_is_one_line_exit_2(ctx, world, args):
    out = inspector(*args)
    assert out.returncode == 2, (out.returncode, out.stderr)
    assert len(out.stderr.strip().splitlines()) == 1 and "Traceback" not in out.stderr


def test_goods_records_how_a_purchase_ended(ctx, users):
    from datetime import timedelta

    from inspector_app.domain.enums import PurchaseStatus
    from inspector_app.services import merchants, purchases

    qm = ctx.as_actor(users[Role.QUALITY_MANAGER])
    m = merchants.create_merchant(qm, "G1", "货品店")
    when = app_clock.now() - timedelta(days=3)
    purchases.create_purchase(qm, purchases.PurchaseInput(
        merchant_id=m.id, order_number="G-1", ordered_at=when, received_at=when,
        price_paid="80.00", status=PurchaseStatus.RECEIVED))
    out = inspector("goods", "G-1", "--returned", "80", "--lightning", "--json", "--as", MANAGER)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)[0] == {
        "order_number": "G-1", "disposition": "returned", "refund_cents": 8000,
        "lightning_refund": True, "sample_location": ""}
    out = inspector("goods", "G-1", "--sample", "样品柜 B", "--as", MANAGER)
    assert out.returncode == 0, out.stderr
    assert purchases.find_by_order_number(qm, "G-1").sample_location == "样品柜 B"
    for bad in (("goods", "G-1", "--returned", "81", "--as", MANAGER),
                ("goods", "G-1", "--disposed", "--lightning", "--as", MANAGER),
                ("goods", "NOPE", "--disposed", "--as", MANAGER),
                ("goods", "G-1", "--returned", "x", "--as", MANAGER)):
        out = inspector(*bad)
        assert out.returncode == 2 and len(out.stderr.strip().splitlines()) == 1, bad
