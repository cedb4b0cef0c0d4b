"""work-order stages, outcome, service duration; monthly order volumes per merchant

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07

The work-order import keeps the after-sales stages (pickup or dispatch, reverse-logistics
information, arrival at the warehouse, signed, stocked in, first review), the recognised
outcome (`result`) and the service duration in hours by the platform's definition
(docs/domain.md, "After-sales service duration"); existing rows get the duration they had
before (applied -> first handled). Indexes serve the Work orders screen's sort orders, the
statistics window and the 100 longest (docs/performance.md). `order_volumes` holds each
merchant's orders per month, the base of the per-order after-sales and complaint rates.
"""

from alembic import op
import sqlalchemy as sa

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

#: The new nullable timestamp columns of work_orders.
_STAGES = ("pickup_at", "return_info_at", "arrived_at", "signed_at", "stocked_at",
           "first_reviewed_at")
#: (name, columns) of the new work_orders indexes (the model declares the same).
_INDEXES = (
    ("ix_work_orders_applied_at", ["applied_at"]),
    ("ix_work_orders_closed_at", ["closed_at"]),
    ("ix_work_orders_duration", ["duration_hours"]),
    ("ix_work_orders_merchant_duration", ["merchant_id", "duration_hours"]),
    ("ix_work_orders_type", ["type"]),
)


def upgrade() -> None:
    bind = op.get_bind()
    with op.batch_alter_table("work_orders", schema=None) as batch_op:
        for name in _STAGES:
            batch_op.add_column(sa.Column(name, sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("result", sa.Enum(
            "completed", "cancelled", "rejected", "lightning_refund", name="workorderresult",
            native_enum=False, length=32), nullable=True))
        batch_op.add_column(sa.Column("duration_hours", sa.Double(), nullable=True))
    if bind.dialect.name == "postgresql":
        hours = "EXTRACT(EPOCH FROM (first_handled_at - applied_at)) / 3600.0"
    else:
        hours = "(julianday(first_handled_at) - julianday(applied_at)) * 24.0"
    op.execute(f"UPDATE work_orders SET duration_hours = {hours} "
               "WHERE first_handled_at IS NOT NULL")
    for name, columns in _INDEXES:
        op.create_index(name, "work_orders", columns, unique=False)

    op.create_table(
        "order_volumes",
        sa.Column("merchant_id", sa.Integer(), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("orders", sa.Integer(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["created_by_id"], ["users.id"],
                                name=op.f("fk_order_volumes_created_by_id_users")),
        sa.ForeignKeyConstraint(["merchant_id"], ["merchants.id"],
                                name=op.f("fk_order_volumes_merchant_id_merchants")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_order_volumes")),
        sa.UniqueConstraint("merchant_id", "month", name=op.f("uq_order_volumes_merchant_id")),
        sa.UniqueConstraint("uid", name=op.f("uq_order_volumes_uid")),
    )
    op.create_index(op.f("ix_order_volumes_merchant_id"), "order_volumes", ["merchant_id"],
                    unique=False)
    if bind.dialect.name == "postgresql":
        # As every Tracked table (migration 0005): the server stamps who created the row.
        op.execute("CREATE TRIGGER order_volumes_stamp_created_by BEFORE INSERT OR UPDATE "
                   "ON order_volumes FOR EACH ROW EXECUTE FUNCTION inspector_stamp_created_by()")


def downgrade() -> None:
    op.drop_index(op.f("ix_order_volumes_merchant_id"), table_name="order_volumes")
    op.drop_table("order_volumes")
    for name, _columns in reversed(_INDEXES):
        op.drop_index(name, table_name="work_orders")
    with op.batch_alter_table("work_orders", schema=None) as batch_op:
        batch_op.drop_column("duration_hours")
        batch_op.drop_column("result")
        for name in reversed(_STAGES):
            batch_op.drop_column(name)
