"""A join killed with SIGKILL while it pulls, then `inspector sync`: the laptop ends with
exactly the server's rows, each once, and a second sync transfers nothing."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

from sqlalchemy import func, select

from inspector_app.db.models import Finding, Product
from inspector_app.domain.enums import Role
from inspector_app.services.sync.pull_rows import BATCH
from tests.sync.conftest import PASSWORD, cli, laptop, server_address

#: Rows the server holds before the laptop joins. They are pulled in batches of
#: pull_rows.BATCH, products before findings; the findings are several batches so that a
#: kill triggered by the product count always lands before the pull has finished.
PRODUCTS, FINDINGS = 6000, 4 * BATCH


def _seed(team_server) -> None:
    team_server.sql(Role.QUALITY_MANAGER, (
        "INSERT INTO products (uid, name, category, created_at, updated_at, version) "
        "SELECT gen_random_uuid()::text, '商品 ' || g, 'toys', now(), now(), 1 "
        "FROM generate_series(1, %s) g"), (PRODUCTS,))
    team_server.sql(Role.QUALITY_MANAGER, (
        "INSERT INTO merchants (uid, name, shop_id, category, contact, key_merchant, status, "
        "status_reason, created_at, updated_at, version) VALUES (gen_random_uuid()::text, "
        "'拉取商店', 'PULL-1', '', '', false, 'active', '', now(), now(), 1)"))
    team_server.sql(Role.QUALITY_MANAGER, (
        "INSERT INTO purchases (uid, merchant_id, order_number, buyer_alias, delivery_address,"
        " status, notes, created_at, updated_at, version) SELECT gen_random_uuid()::text, "
        "m.id, 'PULL-ORDER', '', '', 'received', '', now(), now(), 1 FROM merchants m "
        "WHERE m.shop_id = 'PULL-1'"))
    team_server.sql(Role.QUALITY_MANAGER, (
        "INSERT INTO findings (uid, purchase_id, category, severity, title, description, "
        "expected, observed, rule_ref, created_at, updated_at, version) SELECT "
        "gen_random_uuid()::text, p.id, 'product_quality', 'minor', '拉取 ' || g, '', '', '',"
        " '', now(), now(), 1 FROM purchases p, generate_series(1, %s) g "
        "WHERE p.order_number = 'PULL-ORDER'"), (FINDINGS,))


def _local_counts(folder) -> tuple[int, int]:
    """Products and findings in the laptop's replica; (0, 0) before it exists."""
    try:
        with sqlite3.connect(folder / "inspector.sqlite3", timeout=5) as conn:
            return (conn.execute("SELECT count(*) FROM products").fetchone()[0],
                    conn.execute("SELECT count(*) FROM findings").fetchone()[0])
    except sqlite3.Error:
        return 0, 0


def _local_products(folder) -> int:
    return _local_counts(folder)[0]


def test_a_join_killed_while_pulling_is_completed_by_sync(team_server, tmp_path):
    _seed(team_server)
    folder = tmp_path / "laptop"
    env_cmd = [sys.executable, "-m", "inspector_app.cli.main", "team", "join",
               server_address(team_server), "--login", team_server.logins[Role.INSPECTOR]]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("INSPECTOR_", "PG"))}
    env.update({"INSPECTOR_DATA_DIR": str(folder), "PYTHONIOENCODING": "utf-8"})
    proc = subprocess.Popen(env_cmd, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, env=env)
    proc.stdin.write((PASSWORD + "\n").encode())
    proc.stdin.close()
    target = random.Random(3).randint(1, PRODUCTS)
    deadline = time.monotonic() + 120
    while proc.poll() is None and _local_products(folder) < target and time.monotonic() < deadline:
        time.sleep(0.02)
    assert proc.poll() is None, "the join ended before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    # What the killed join had written, read after the kill: some rows, not all of them.
    products, findings = _local_counts(folder)
    assert products > 0 and products + findings < PRODUCTS + FINDINGS, (products, findings)
    first = cli("sync", "--json", data_dir=folder)
    assert first.returncode == 0, first.stderr
    ctx = laptop(folder)
    with ctx.db.read() as s:
        assert s.scalar(select(func.count(func.distinct(Product.uid)))) == PRODUCTS
        assert s.scalar(select(func.count()).select_from(Product)) == PRODUCTS
        assert s.scalar(select(func.count()).select_from(Finding)) == FINDINGS
    again = cli("sync", "--json", data_dir=folder)
    assert again.returncode == 0 and '"pulled": 0' in again.stdout, again.stdout
    ctx.db.dispose()
