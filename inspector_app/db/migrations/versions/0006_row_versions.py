"""row versions: no silent overwrites (version, updated_by_id on the tables people edit)

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06

`version` (NOT NULL, 1 for existing rows) is SQLAlchemy's version_id_col on every table that
people edit (db/base.py, Versioned): each UPDATE says `WHERE version = <the one read>` and
sets the next, and the services refuse a save based on an older version than the row has
("changed by NAME at TIME", services/versions.py). `updated_by_id` names who made the last
change; a plain integer without a foreign key (users are deactivated, never deleted), so
that SQLite can drop it again with a plain ALTER TABLE on downgrade. On PostgreSQL a trigger
fills it from the login (inspector_user_id(), migration 0005), like created_by_id.
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

#: The tables people edit (Versioned in db/models).
_TABLES = ("users", "app_settings", "brands", "merchants", "products", "sampling_plans",
           "purchases", "findings", "rectification_cases", "photos")

_PG_FUNCTION = """CREATE OR REPLACE FUNCTION inspector_stamp_updated_by() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE me integer := inspector_user_id();
BEGIN
  IF me IS NOT NULL THEN NEW.updated_by_id := me; END IF;
  RETURN NEW;
END $$"""


def upgrade() -> None:
    pg = op.get_bind().dialect.name == "postgresql"
    if pg:
        op.execute(_PG_FUNCTION)
    for table in _TABLES:
        op.add_column(table, sa.Column("version", sa.Integer(), nullable=False,
                                       server_default="1"))
        op.add_column(table, sa.Column("updated_by_id", sa.Integer(), nullable=True))
        if pg:
            op.execute(f"CREATE TRIGGER {table}_stamp_updated_by BEFORE INSERT OR UPDATE ON "
                       f"{table} FOR EACH ROW EXECUTE FUNCTION inspector_stamp_updated_by()")


def downgrade() -> None:
    pg = op.get_bind().dialect.name == "postgresql"
    for table in reversed(_TABLES):
        if pg:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_stamp_updated_by ON {table}")
        op.drop_column(table, "updated_by_id")
        op.drop_column(table, "version")
    if pg:
        op.execute("DROP FUNCTION IF EXISTS inspector_stamp_updated_by()")
