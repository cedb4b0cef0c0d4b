"""purchases.status_set_by_hand: a status a person chose, kept when the dates change

Revision ID: 0017
Revises: 0015
Create Date: 2026-12-07

A purchase's status follows its dates (order date: ordered, received date: received,
verdict: inspected; domain/purchase_status.py) unless a person set it by hand. Plain ADD
COLUMN (no batch copy on SQLite: copying purchases would rewrite every row). Cancelled
purchases were all set by hand; every other status of an existing row is left to follow
its dates from its next edit.
"""

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Safe to run again (a team database set back to an older revision re-runs the later
    # ones; tests/team/test_server_refuses.py).
    if "status_set_by_hand" in {c["name"] for c in sa.inspect(op.get_bind()).get_columns("purchases")}:
        return
    op.add_column("purchases", sa.Column("status_set_by_hand", sa.Boolean(), nullable=False,
                                         server_default="0"))
    op.execute("UPDATE purchases SET status_set_by_hand = TRUE WHERE status = 'cancelled'"
               if op.get_bind().dialect.name == "postgresql" else
               "UPDATE purchases SET status_set_by_hand = 1 WHERE status = 'cancelled'")


def downgrade() -> None:
    # A plain DROP COLUMN (SQLite >= 3.35): a batch copy of purchases cannot run with the
    # foreign keys of findings on it (see 0004).
    op.drop_column("purchases", "status_set_by_hand")
