"""who deleted a soft-deleted row: deleted_by_id on every table with deleted_at

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26

A nullable deleted_by_id (FK users.id, declared like created_by_id: users are deactivated,
never deleted) on brands, merchants, products, purchases, findings and photos; the delete
services set it, the restores clear it, the "Deleted items" screen shows it. Rows deleted
before this revision keep NULL (the screen shows "—").

On SQLite the column is added with a plain ALTER TABLE ... ADD COLUMN ... REFERENCES (no
batch copy): copying findings would drop its full-text triggers (0002) and rewrite a
million rows on a big database; the ALTER only changes the schema text. PostgreSQL adds
the column and then the named constraint.
"""

import re

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

#: The SoftDeleted tables (inspector_app.db.base.SoftDeleted).
_TABLES = ("brands", "merchants", "products", "purchases", "findings", "photos")


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table in _TABLES:
        fk = sa.ForeignKey("users.id", name=op.f(f"fk_{table}_deleted_by_id_users"))
        op.add_column(
            table, sa.Column("deleted_by_id", sa.Integer(), fk, nullable=True),
            # SQLite cannot ALTER a constraint in: it goes inline (unnamed there; the
            # constraint names only matter to PostgreSQL, where it is added by name).
            inline_references=sqlite,
        )


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        for table in reversed(_TABLES):
            op.drop_constraint(f"fk_{table}_deleted_by_id_users", table, type_="foreignkey")
            op.drop_column(table, "deleted_by_id")
        return
    # SQLite drops no column that is in a foreign key, and a batch copy cannot run here:
    # the migration is one transaction with foreign keys on (PRAGMA foreign_keys is fixed
    # inside it), and dropping a table other tables refer to counts their rows as broken.
    # So each table is kept aside, dropped, created again as 0003 had it and refilled under
    # its own name (the refill settles the deferred count), with its indexes and triggers.
    op.execute("PRAGMA defer_foreign_keys = ON")
    for table in reversed(_TABLES):
        _drop_deleted_by_sqlite(bind, table)


def _drop_deleted_by_sqlite(bind, table: str) -> None:
    (create,) = bind.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)).one()
    # ADD COLUMN appended the definition after the last column, exactly like this.
    old_create, n = re.subn(r",\s*deleted_by_id INTEGER REFERENCES users \(id\)", "", create)
    if n != 1:
        raise RuntimeError(f"{table}: deleted_by_id is not where 0004 put it: {create}")
    kept = bind.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE tbl_name = ? AND sql IS NOT NULL"
        " AND type IN ('index', 'trigger') ORDER BY type", (table,)).scalars().all()
    columns = ", ".join(
        f'"{c}"' for c in bind.exec_driver_sql(f'SELECT name FROM pragma_table_info("{table}")')
        .scalars() if c != "deleted_by_id"
    )
    op.execute(f'CREATE TEMP TABLE "_0004_{table}" AS SELECT {columns} FROM "{table}"')
    op.execute(f'DROP TABLE "{table}"')
    op.execute(old_create)
    op.execute(f'INSERT INTO "{table}" ({columns}) SELECT {columns} FROM "_0004_{table}"')
    op.execute(f'DROP TABLE "_0004_{table}"')
    for sql in kept:  # indexes first, then the triggers (after the refill: none fires)
        op.execute(sql)
