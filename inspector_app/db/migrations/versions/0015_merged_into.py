"""merchants and products: merged_into_uid (a duplicate merged into another)

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07

Merging duplicates (services/merging.py, docs/domain.md "Correcting merchants and
products") moves every record of the duplicates to the one kept and puts the duplicates in
the waste basket; `merged_into_uid` says which row they went into, so the waste basket can
say so. A uid, not an id: it travels unchanged between a team server and its laptop copies
(docs/sync.md), and no foreign key ties a deleted row to a live one.
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
# main's head when this branch last merged it was 0014 (0013 -> 0017 -> 0014): chained
# after it so the history has one head (the integrator re-chains the ids).
down_revision = "0014"
branch_labels = None
depends_on = None

_TABLES = ("merchants", "products")


def upgrade() -> None:
    # Idempotent, as the migrations after 0012 are: a team database's upgrade may run them
    # again (tests/team/test_server_refuses.py).
    inspector = sa.inspect(op.get_bind())
    for table in _TABLES:
        if "merged_into_uid" not in {c["name"] for c in inspector.get_columns(table)}:
            op.add_column(table, sa.Column("merged_into_uid", sa.String(36), nullable=True))


def downgrade() -> None:
    # SQLite (3.35+) and PostgreSQL drop a plain column in place; a batch copy would
    # rewrite the table's CREATE statement, which 0004's downgrade reads.
    for table in _TABLES:
        op.execute(f"ALTER TABLE {table} DROP COLUMN merged_into_uid")
