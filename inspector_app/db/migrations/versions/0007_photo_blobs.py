"""photo bytes on the team server: photo_blobs (sha256, byte_size, data)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06

On PostgreSQL a photo's bytes are stored once per SHA-256 in the same transaction as the
photo row (services/photo_server.py), so every machine of the team can show and export
it; each machine caches them in its photo store. A one-laptop SQLite file has the table
but keeps it empty (its photos are the files in the data folder).
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "photo_blobs",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("byte_size", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_photo_blobs")),
    )
    if op.get_bind().dialect.name == "postgresql":
        # Photos are already compressed: no TOAST compression attempt, stored out of line.
        op.execute("ALTER TABLE photo_blobs ALTER COLUMN data SET STORAGE EXTERNAL")


def downgrade() -> None:
    op.drop_table("photo_blobs")
