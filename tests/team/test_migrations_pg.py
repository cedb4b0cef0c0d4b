"""Migrations 0005 and later go down and up again on PostgreSQL, on a database of their own."""

from __future__ import annotations

from inspector_app.db import migrate
from inspector_app.db.engine import Database
from tests.db.test_team_migrations import ADDED, downgrade, has_column


def test_down_and_up_again_on_postgresql(empty_database):
    _name, owner_url = empty_database
    db = Database(owner_url)
    try:
        migrate.upgrade(db, None)
        for revision in sorted(ADDED, reverse=True):
            table, column = ADDED[revision]
            downgrade(db, f"{int(revision) - 1:04d}")
            assert not has_column(db, table, column)
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql(
                "SELECT count(*) FROM pg_proc WHERE proname IN ('inspector_user_id',"
                " 'inspector_stamp_created_by')").scalar() == 0
        migrate.upgrade(db, None)
        assert migrate.current_revision(db) == migrate.head_revision()
        with db.engine.connect() as conn:
            triggers = set(conn.exec_driver_sql(
                "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal").scalars())
        assert {"findings_stamp_authors", "case_events_stamp_authors"} <= triggers
    finally:
        db.dispose()
