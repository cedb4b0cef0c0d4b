"""full-text search over findings (SQLite FTS5 trigram, so Chinese phrases match)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# The default unicode61 tokenizer misses most Chinese matches (docs/performance.md); trigram
# matches any substring of 3+ characters. External-content table: no second copy of the text.
_SQLITE_UP = (
    "CREATE VIRTUAL TABLE findings_fts USING fts5("
    "title, description, observed, content='findings', content_rowid='id', tokenize='trigram')",
    "CREATE TRIGGER findings_fts_ai AFTER INSERT ON findings BEGIN "
    "INSERT INTO findings_fts(rowid, title, description, observed) "
    "VALUES (new.id, new.title, new.description, new.observed); END",
    "CREATE TRIGGER findings_fts_ad AFTER DELETE ON findings BEGIN "
    "INSERT INTO findings_fts(findings_fts, rowid, title, description, observed) "
    "VALUES ('delete', old.id, old.title, old.description, old.observed); END",
    "CREATE TRIGGER findings_fts_au AFTER UPDATE OF title, description, observed ON findings "
    "BEGIN "
    "INSERT INTO findings_fts(findings_fts, rowid, title, description, observed) "
    "VALUES ('delete', old.id, old.title, old.description, old.observed); "
    "INSERT INTO findings_fts(rowid, title, description, observed) "
    "VALUES (new.id, new.title, new.description, new.observed); END",
    "INSERT INTO findings_fts(findings_fts) VALUES ('rebuild')",
)

_SQLITE_DOWN = (
    "DROP TRIGGER IF EXISTS findings_fts_ai",
    "DROP TRIGGER IF EXISTS findings_fts_ad",
    "DROP TRIGGER IF EXISTS findings_fts_au",
    "DROP TABLE IF EXISTS findings_fts",
)


def upgrade() -> None:
    # PostgreSQL searches with ILIKE (see inspector_app.db.search); a pg_trgm index needs
    # the extension, which a team server's administrator installs.
    if op.get_bind().dialect.name == "sqlite":
        for sql in _SQLITE_UP:
            op.execute(sql)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for sql in _SQLITE_DOWN:
            op.execute(sql)
