"""laptop replicas and their team server: binding, outbox, conflicts; change log, receipts

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07

docs/sync.md. On a replica (SQLite) the outbox is filled by triggers created when the file
joins a server (services/sync/binding.py), not here: a one-laptop file tracks nothing. On
PostgreSQL a SECURITY DEFINER trigger function appends every inserted or changed row of the
synced tables to `sync_log` with its transaction id, so no login can write the log itself.
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

#: The tables a replica pulls (services/sync/tables.py PULLED), frozen for this revision.
_LOGGED = ("users", "merchants", "merchant_status_changes", "brands", "products",
           "sampling_plans", "sampling_picks", "purchases", "findings", "photos",
           "rectification_cases", "case_findings", "case_events", "app_settings",
           "work_orders")

_LOG_FUNCTION = """
CREATE OR REPLACE FUNCTION sync_log_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
    INSERT INTO sync_log (table_name, row_id, xid)
    VALUES (TG_TABLE_NAME, NEW.id, pg_current_xact_id()::text::bigint);
    RETURN NULL;
END $$
"""


def upgrade() -> None:
    op.create_table(
        "sync_binding",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("server_url", sa.Text(), nullable=False),
        sa.Column("login", sa.String(length=63), nullable=False),
        sa.Column("user_uid", sa.String(length=36), nullable=False),
        sa.Column("joined_at", sa.DateTime(), nullable=False),
        sa.Column("last_sync_at", sa.DateTime(), nullable=True),
        sa.Column("applying", sa.Integer(), server_default="0", nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_binding")),
    )
    op.create_table(
        "sync_outbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("row_uid", sa.String(length=36), nullable=False),
        sa.Column("base_version", sa.Integer(), nullable=True),
        sa.Column("seq", sa.Integer(), server_default="0", nullable=False),
        sa.Column("push_id", sa.String(length=36), nullable=True),
        sa.Column("claimed_seq", sa.Integer(), nullable=True),
        sa.Column("payload", sa.Text(), nullable=True),
        sa.Column("refused", sa.Text(), nullable=True),
        sa.Column("refused_seq", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_outbox")),
        sa.UniqueConstraint("table_name", "row_uid", name="uq_sync_outbox_row"),
    )
    op.create_table(
        "sync_watermarks",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_sync_watermarks")),
    )
    op.create_table(
        "sync_conflicts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("row_uid", sa.String(length=36), nullable=False),
        sa.Column("base_version", sa.Integer(), nullable=True),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("resolution", sa.String(length=16), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflicts")),
    )
    op.create_index(op.f("ix_sync_conflicts_row_uid"), "sync_conflicts", ["row_uid"])
    op.create_table(
        "sync_log",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("row_id", sa.Integer(), nullable=False),
        sa.Column("xid", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_log")),
    )
    op.create_index("ix_sync_log_xid", "sync_log", ["xid"])
    op.create_table(
        "sync_receipts",
        sa.Column("push_id", sa.String(length=36), nullable=False),
        sa.Column("row_uid", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=True),
        sa.Column("login", sa.String(length=63), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("push_id", name=op.f("pk_sync_receipts")),
    )
    op.create_table(
        "sync_blob_chunks",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("offset", sa.BigInteger(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", "offset", name=op.f("pk_sync_blob_chunks")),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_LOG_FUNCTION)
        op.execute("REVOKE ALL ON FUNCTION sync_log_change() FROM PUBLIC")
        for table in _LOGGED:
            op.execute(f"CREATE TRIGGER sync_log_change AFTER INSERT OR UPDATE ON {table} "
                       "FOR EACH ROW EXECUTE FUNCTION sync_log_change()")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in _LOGGED:
            op.execute(f"DROP TRIGGER IF EXISTS sync_log_change ON {table}")
        op.execute("DROP FUNCTION IF EXISTS sync_log_change()")
    for table in ("sync_blob_chunks", "sync_receipts", "sync_log", "sync_conflicts",
                  "sync_watermarks", "sync_outbox", "sync_binding"):
        op.drop_table(table)
