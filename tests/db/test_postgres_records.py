"""The records import's bulk path on PostgreSQL: all or nothing, exact rows; skipped without one."""

from __future__ import annotations

import os
from datetime import timedelta

import pytest
from openpyxl import Workbook
from sqlalchemy import text

from inspector_app.db import migrate
from inspector_app.db.engine import Database
from inspector_app.domain import clock
from inspector_app.domain.enums import Role
from inspector_app.paths import data_dir
from inspector_app.reports.records_xlsx import COLUMNS
from inspector_app.services import records_import, users
from inspector_app.services.context import SYSTEM, Context

PG_URL = os.environ.get("INSPECTOR_TEST_PG_URL")
pytestmark = pytest.mark.needs_postgres


@pytest.fixture
def pg_ctx(tmp_path):
    db = Database(PG_URL)
    with db.engine.begin() as conn:
        conn.exec_driver_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    migrate.upgrade(db, None)
    yield Context(db=db, paths=data_dir(tmp_path / "pgdata").ensure())
    db.dispose()


def _file(path, when, *, bad: bool):
    wb = Workbook(write_only=True)
    sheets = {name: wb.create_sheet(name) for name in COLUMNS}
    for name, ws in sheets.items():
        ws.append([c.header for c in COLUMNS[name]])
    sheets["Merchants"].append(["PG-S1", "优品旗舰店", "apparel", "", "yes"])
    sheets["Products"].append(["PG-L1", "纯棉T恤", "优衣", "apparel", 59.9])
    for i in range(2_500):  # two chunks
        shop = "PG-NONE" if bad and i == 2_401 else "PG-S1"
        sheets["Purchases"].append([f"PG-{i}", shop, "PG-L1" if i % 2 else None,
                                    None if i % 2 else "新品", when, 59.9, when,
                                    "fail" if i % 5 == 0 else "pass", None, None, None, None])
    for i in range(0, 2_500, 5):
        sheets["Findings"].append([f"PG-{i}", "product_quality", "major", "领口开线",
                                   None, None, None, None])
    wb.save(path)
    return path


def test_records_bulk_import_on_postgres(pg_ctx, tmp_path):
    admin = users.create_user(pg_ctx.as_actor(SYSTEM), "Admin", Role.ADMIN)
    c = pg_ctx.as_actor(admin)
    when = (clock.local_now() - timedelta(days=2)).replace(tzinfo=None, microsecond=0)

    refused = records_import.import_records(c, _file(tmp_path / "bad.xlsx", when, bad=True))
    assert [(e.sheet, e.row) for e in refused.errors] == [("Purchases", 2_403)]
    with pg_ctx.db.engine.connect() as conn:
        for table in ("merchants", "products", "brands", "purchases", "findings"):
            assert conn.execute(text(f"SELECT count(*) FROM {table}")).scalar() == 0, table

    report = records_import.import_records(c, _file(tmp_path / "good.xlsx", when, bad=False))
    assert report.errors == []
    assert dict(report.created) == {"Merchants": 1, "Products": 1, "Purchases": 2_500,
                                    "Findings": 500}
    with pg_ctx.db.engine.connect() as conn:
        q = lambda sql: conn.execute(text(sql)).all()  # noqa: E731
        assert q("SELECT count(*) FROM purchases WHERE verdict = 'fail'") == [(500,)]
        assert q("SELECT count(*) FROM products") == [(2,)]  # PG-L1 and 新品 (by name)
        assert q("SELECT status, count(*) FROM purchases GROUP BY status") == [("inspected", 2_500)]
        assert q("SELECT p.price_paid_cents, m.shop_id, b.name FROM purchases p"
                 " JOIN merchants m ON m.id = p.merchant_id JOIN products pr ON pr.id = p.product_id"
                 " JOIN brands b ON b.id = pr.brand_id WHERE p.order_number = 'PG-7'") == [
            (5990, "PG-S1", "优衣")]
    again = records_import.import_records(c, tmp_path / "good.xlsx")
    assert sum(again.created.values()) == 0 and again.unchanged["Purchases"] == 2_500
