"""findings search on PostgreSQL: pg_trgm GIN indexes on title, description, observed

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06

The search clause on PostgreSQL is `col ILIKE '%term%'` on each column (db/search.py); a
GIN `gin_trgm_ops` index answers it by trigrams (a Chinese phrase at 300,000 rows: 0.07 ms
instead of a 23 ms scan). Terms of 1-2 characters have no trigram: the planner scans, and
the findings table pages them (LIMIT) as on SQLite. A database whose LC_CTYPE is plain `C`
gets no trigrams from Chinese text (`inspector team init` warns).

pg_trgm is a trusted extension: the database owner may create it. A migration run by a
role that may not (or a server without the contrib package) skips the indexes with a log
line; search still works, by scanning. SQLite has its FTS5 trigram table (0002).
"""

import logging

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

logger = logging.getLogger(__name__)

#: The searched columns (db/search.py finding_text_clause).
_COLUMNS = ("title", "description", "observed")


def _can_create_extension(bind) -> bool:
    row = bind.exec_driver_sql(
        "SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'),"
        " EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'),"
        " has_database_privilege(current_database(), 'CREATE')").one()
    installed, available, may_create = row
    return installed or (available and may_create)


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    if not _can_create_extension(bind):
        logger.warning("pg_trgm is not available to this role: findings search scans")
        return
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for column in _COLUMNS:
        op.execute(f"CREATE INDEX IF NOT EXISTS ix_findings_{column}_trgm ON findings "
                   f"USING gin ({column} gin_trgm_ops)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for column in _COLUMNS:
        op.execute(f"DROP INDEX IF EXISTS ix_findings_{column}_trgm")
    # The extension stays: other databases' objects or the administrator may rely on it.
