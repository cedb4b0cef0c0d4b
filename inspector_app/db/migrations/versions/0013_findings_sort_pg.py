"""findings sort indexes on PostgreSQL: (title, id), (category, id), (severity, id)

Revision ID: 0013
Revises: 0010
Create Date: 2026-12-07

A findings page sorted by a column is ORDER BY column, id (ties by id: stable pages). On
SQLite the single-column indexes of 0003 give that order by themselves (every index entry
ends with the rowid). A PostgreSQL index on (category) does not: the planner read a whole
category's 125,000 findings and sorted them by id (0.1-0.3 s a page at 1,000,000
findings; severity 0.25-0.9 s). With the id in the index a page is an index walk that
stops after its rows (docs/performance.md). PostgreSQL only; the models keep declaring
the portable single-column indexes.
"""

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

#: (index, column) pairs: each index is (column, id).
_INDEXES = (
    ("ix_findings_title_id", "title"),
    ("ix_findings_category_id", "category"),
    ("ix_findings_severity_id", "severity"),
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for name, column in _INDEXES:
        op.execute(f"CREATE INDEX IF NOT EXISTS {name} ON findings ({column}, id)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for name, _column in _INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {name}")
