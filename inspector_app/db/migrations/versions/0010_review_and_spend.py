"""the monthly merchant review's decisions; how each purchase's goods ended

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07

- review_decisions: one row per decision of the monthly merchant review (watch, suspend,
  eliminate, no action) with its reason, the month, the merchant's status then and the
  merchant_status_changes row the decision wrote (if it changed the status). Append-only
  on the team server, like the status history.
- purchases: disposition (returned / sample / disposed), refund_cents, lightning_refund,
  sample_location (docs/domain.md, "What the team spent"). Plain ADD COLUMN on SQLite (no
  batch copy: copying purchases would rewrite every row of a big database).
- ix_findings_purchase_stats: a period's findings are counted on the period's purchases
  (the purchase's order month, docs/domain.md "The figures"); covers grouping them.
- ix_work_orders_kind_applied: work orders by kind and application time, with the
  merchant, the service duration (0009), first handling and closing, so the month's review
  and the risk score's timing read the index only.
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "review_decisions",
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("merchant_id", sa.Integer(), nullable=False),
        sa.Column("decision", sa.Enum("watch", "suspend", "eliminate", "no_action",
                                      name="reviewdecision", native_enum=False,
                                      create_constraint=False, length=32), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("from_status", sa.Enum("active", "watch", "suspended", "eliminated",
                                         name="merchantstatus", native_enum=False,
                                         create_constraint=False, length=32), nullable=False),
        sa.Column("status_change_id", sa.Integer(), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=False),
        sa.Column("batch", sa.String(length=36), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["created_by_id"], ["users.id"],
                                name=op.f("fk_review_decisions_created_by_id_users")),
        sa.ForeignKeyConstraint(["merchant_id"], ["merchants.id"],
                                name=op.f("fk_review_decisions_merchant_id_merchants")),
        sa.ForeignKeyConstraint(
            ["status_change_id"], ["merchant_status_changes.id"],
            name=op.f("fk_review_decisions_status_change_id_merchant_status_changes")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_decisions")),
        sa.UniqueConstraint("uid", name=op.f("uq_review_decisions_uid")),
    )
    op.create_index(op.f("ix_review_decisions_month"), "review_decisions", ["month"])
    op.create_index(op.f("ix_review_decisions_merchant_id"), "review_decisions", ["merchant_id"])
    op.add_column("purchases", sa.Column(
        "disposition", sa.Enum("returned", "sample", "disposed", name="goodsdisposition",
                               native_enum=False, create_constraint=False, length=32),
        nullable=True))
    op.add_column("purchases", sa.Column("refund_cents", sa.Integer(), nullable=True))
    op.add_column("purchases", sa.Column("lightning_refund", sa.Boolean(), nullable=False,
                                         server_default="0"))
    op.add_column("purchases", sa.Column("sample_location", sa.String(length=200),
                                         nullable=False, server_default=""))
    op.create_index("ix_work_orders_kind_applied", "work_orders",
                    ["kind", "applied_at", "merchant_id", "duration_hours",
                     "first_handled_at", "closed_at"])
    op.create_index("ix_findings_purchase_stats", "findings",
                    ["purchase_id", "deleted_at", "severity", "category"])


def downgrade() -> None:
    op.drop_index("ix_findings_purchase_stats", table_name="findings")
    op.drop_index("ix_work_orders_kind_applied", table_name="work_orders")
    # A plain DROP COLUMN (SQLite >= 3.35): a batch copy of purchases cannot run with the
    # foreign keys of findings on it (see 0004).
    for column in ("sample_location", "lightning_refund", "refund_cents", "disposition"):
        op.drop_column("purchases", column)
    op.drop_index(op.f("ix_review_decisions_merchant_id"), table_name="review_decisions")
    op.drop_index(op.f("ix_review_decisions_month"), table_name="review_decisions")
    op.drop_table("review_decisions")
