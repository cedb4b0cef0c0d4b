"""Migrations 0005 and later go down and up again on SQLite (tests/team does PostgreSQL)."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import inspect

from inspector_app.db import migrate
from inspector_app.db.engine import Database

#: revision -> (table, column) that revision adds.
ADDED = {"0005": ("users", "login"), "0006": ("findings", "version"),
         "0007": ("photo_blobs", "sha256")}
#: Revisions that add nothing SQLite can see (PostgreSQL-only indexes).
POSTGRESQL_ONLY = ("0008",)


def has_column(db: Database, table: str, column: str) -> bool:
    found = inspect(db.engine)
    return found.has_table(table) and column in {c["name"] for c in found.get_columns(table)}


def downgrade(db: Database, target: str) -> None:
    cfg = migrate.alembic_config()
    with db.engine.execution_options(inspector_write=True).begin() as conn:
        cfg.attributes["connection"] = conn
        if conn.dialect.name == "postgresql":
            from inspector_app.db import team

            if team.is_team_database(conn):
                team.drop_merchant_views(conn)  # as migrate.upgrade does
        command.downgrade(cfg, target)


@pytest.mark.parametrize("revision", sorted(ADDED))
def test_down_and_up_again_on_sqlite(tmp_path, revision):
    db = Database(f"sqlite:///{tmp_path / 'round.sqlite3'}")
    try:
        migrate.upgrade(db, None)
        table, column = ADDED[revision]
        previous = f"{int(revision) - 1:04d}"
        downgrade(db, previous)
        assert not has_column(db, table, column)
        assert migrate.current_revision(db) == previous
        migrate.upgrade(db, None)
        assert has_column(db, table, column)
    finally:
        db.dispose()
