"""Migration 0009 (work-order stages, service duration, order volumes) on SQLite and PostgreSQL:
an existing work order keeps its data and gets the duration it had before (applied -> first
handled); the migration goes down and up again; models and schema agree on PostgreSQL too."""

from __future__ import annotations

import os

import pytest
from alembic import command
from sqlalchemy import inspect, text

from inspector_app.db import migrate
from inspector_app.db.engine import Database

PG_URL = os.environ.get("INSPECTOR_TEST_PG_URL")

_ROW = (
    "INSERT INTO work_orders (merchant_id, kind, order_ref, type, applied_at, first_handled_at,"
    " closed_at, outcome, source_key, uid, created_at, updated_at) VALUES (1, 'after_sales',"
    " 'O-1', '质量问题', '2026-10-03 06:05:00', '2026-10-05 18:35:00', NULL, '退款', 'k1', 'u1',"
    " '2026-10-03 06:05:00', '2026-10-03 06:05:00'),"
    " (1, 'complaint', 'O-2', '', '2026-10-04 00:00:00', NULL, NULL, '', 'k2', 'u2',"
    " '2026-10-04 00:00:00', '2026-10-04 00:00:00')"
)
_MERCHANT = (
    "INSERT INTO merchants (id, name, shop_id, category, contact, key_merchant, status,"
    " status_reason, version, uid, created_at, updated_at) VALUES (1, 'Shop', 'S1', '', '',"
    " false, 'active', '', 1, 'm1', '2026-10-01 00:00:00', '2026-10-01 00:00:00')"
)


def _migrate_to(db: Database, target: str, down: bool = False) -> None:
    cfg = migrate.alembic_config()
    with db.engine.execution_options(inspector_write=True).begin() as conn:
        cfg.attributes["connection"] = conn
        (command.downgrade if down else command.upgrade)(cfg, target)


def _check_upgrade_keeps_rows(db: Database) -> None:
    _migrate_to(db, "0008")
    with db.engine.begin() as conn:
        conn.execute(text(_MERCHANT))
        conn.execute(text(_ROW))
    _migrate_to(db, "0009")
    with db.engine.connect() as conn:
        rows = conn.execute(text(
            "SELECT order_ref, duration_hours, result, pickup_at, type FROM work_orders"
            " ORDER BY order_ref")).all()
    assert rows[0][0] == "O-1" and rows[0][1] == pytest.approx(60.5)
    assert rows[0][2:] == (None, None, "质量问题")
    assert rows[1][1] is None  # not handled yet: its hours are still counting
    names = {ix["name"] for ix in inspect(db.engine).get_indexes("work_orders")}
    assert {"ix_work_orders_duration", "ix_work_orders_merchant_duration"} <= names
    _migrate_to(db, "0008", down=True)
    columns = {c["name"] for c in inspect(db.engine).get_columns("work_orders")}
    assert "duration_hours" not in columns and "pickup_at" not in columns
    assert "order_volumes" not in inspect(db.engine).get_table_names()
    migrate.upgrade(db, None)
    assert migrate.current_revision(db) == migrate.head_revision()


def test_upgrade_keeps_work_orders_and_goes_down_again_sqlite(tmp_path):
    db = Database(f"sqlite:///{tmp_path / 'wo.sqlite3'}")
    try:
        _check_upgrade_keeps_rows(db)
    finally:
        db.dispose()


@pytest.mark.needs_postgres
def test_upgrade_keeps_work_orders_and_goes_down_again_postgres():
    db = Database(PG_URL)
    try:
        with db.engine.begin() as conn:
            conn.exec_driver_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
        _check_upgrade_keeps_rows(db)
        from alembic.autogenerate import compare_metadata
        from alembic.runtime.migration import MigrationContext

        from inspector_app.db.models import Base

        with db.engine.connect() as conn:
            diffs = compare_metadata(
                MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
        assert [d for d in diffs if "work_orders" in str(d) or "order_volumes" in str(d)] == []
        with db.engine.connect() as conn:
            triggers = conn.exec_driver_sql(
                "SELECT tgname FROM pg_trigger WHERE tgname LIKE 'order_volumes%%'").scalars().all()
        assert triggers == ["order_volumes_stamp_authors"]
    finally:
        db.dispose()
