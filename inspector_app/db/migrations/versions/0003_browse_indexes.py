"""indexes for sorting and counting the big tables (docs/performance.md: 1,000,000 findings)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26

One index per sortable column of the findings and purchases tables, so a page sorted by
any column is an index walk that stops after the page (tests/perf: sorting findings by
title took 2.3 s, now ~2 ms); (purchase_id, deleted_at, severity) replaces the index on
purchase_id alone and covers counting live findings and (with (merchant_id, deleted_at,
status, verdict) on purchases) the merchants' scorecards; partial
indexes (on SQLite) over the few soft-deleted rows make "not deleted" a short exclusion
list and the waste basket quick; ix_findings_period covers the statistics of a period
(dashboard, monthly and annual reports) without reading a finding's row.
The models in inspector_app/db/models declare the same indexes (tests/db checks that
autogenerate finds no difference).
"""

from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_ONLY_DELETED = {
    "sqlite_where": sa.text("deleted_at IS NOT NULL"),
}

#: (name, table, columns, extra keyword arguments)
_INDEXES = (
    ("ix_findings_purchase_deleted_severity", "findings",
     ["purchase_id", "deleted_at", "severity"], {}),
    ("ix_findings_title", "findings", ["title"], {}),
    ("ix_findings_category", "findings", ["category"], {}),
    ("ix_findings_severity", "findings", ["severity"], {}),
    ("ix_findings_deleted", "findings", ["deleted_at"], _ONLY_DELETED),
    ("ix_findings_period", "findings",
     ["created_at", "deleted_at", "purchase_id", "severity", "category"], {}),
    ("ix_purchases_received_at", "purchases", ["received_at"], {}),
    ("ix_purchases_verdict", "purchases", ["verdict"], {}),
    ("ix_purchases_price_paid", "purchases", ["price_paid_cents"], {}),
    ("ix_purchases_deleted", "purchases", ["deleted_at"], _ONLY_DELETED),
    ("ix_purchases_merchant_scorecard", "purchases",
     ["merchant_id", "deleted_at", "status", "verdict"], {}),
)


def upgrade() -> None:
    for name, table, columns, kw in _INDEXES:
        op.create_index(name, table, columns, unique=False, **kw)
    # Made redundant by ix_findings_purchase_deleted_severity (same leading column).
    op.drop_index("ix_findings_purchase", table_name="findings")
    if op.get_bind().dialect.name == "sqlite":
        # Statistics for the new indexes, so the planner prefers them (cheap: the
        # optimizer samples only what changed; a fresh database has nothing to analyse).
        op.execute("PRAGMA optimize")


def downgrade() -> None:
    op.create_index("ix_findings_purchase", "findings", ["purchase_id"], unique=False)
    for name, table, _columns, _kw in reversed(_INDEXES):
        op.drop_index(name, table_name=table)
