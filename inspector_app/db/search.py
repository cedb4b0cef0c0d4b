"""Text search clauses per database: FTS5 trigram on SQLite, ILIKE elsewhere.

The only place that knows the findings_fts virtual table and its triggers (migration 0002).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    TableClause,
    TextClause,
    column,
    literal_column,
    or_,
    select,
    table,
    text,
)

from inspector_app.db.models import Finding

#: FTS5 trigram cannot match queries shorter than this; LIKE answers them instead.
TRIGRAM_MIN = 3

#: The external-content FTS5 table over findings (title, description, observed); its
#: rowid is the finding's id.
FINDINGS_FTS: TableClause = table("findings_fts", column("rowid"))
#: The trigger that indexes each new finding for full-text search (migration 0002).
FINDINGS_FTS_INSERT_TRIGGER = "findings_fts_ai"


def _like_escape(q: str) -> str:
    return q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def like_any(columns, q: str, dialect: str | None = None) -> ColumnElement[bool]:
    """Case-insensitive substring match on any of the columns (portable).

    On SQLite, LIKE itself ignores ASCII case, exactly as `lower(x) LIKE lower(y)` does
    (SQLite's lower() folds ASCII only), so pass `dialect="sqlite"` to skip the lower()
    calls: a scan of a million findings takes 0.7 s instead of 1.2 s. A query without
    cased letters is matched with LIKE on every database.
    """
    pattern = f"%{_like_escape(q)}%"
    if dialect == "sqlite" or q.lower() == q.upper():
        # Elsewhere too when `q` has no letter with a case (Chinese, digits): LIKE then
        # matches exactly what ILIKE does, and PostgreSQL's ILIKE folds the case of every
        # row's text first (a Chinese phrase's 27,000 matches: ~3x slower to re-check).
        return or_(*(c.like(pattern, escape="\\") for c in columns))
    return or_(*(c.ilike(pattern, escape="\\") for c in columns))


def _normalise(q: str) -> str:
    return " ".join(q.split())


def fts_phrase(dialect: str, q: str) -> str | None:
    """The FTS5 MATCH argument for `q` when the trigram index can answer it, else None.

    None for other databases and for queries shorter than TRIGRAM_MIN characters (which
    `finding_text_clause` answers with LIKE on the findings table).
    """
    q = _normalise(q)
    if not q or dialect != "sqlite" or len(q) < TRIGRAM_MIN:
        return None
    # One FTS phrase: double quotes escaped by doubling; trigram matches it as a substring.
    return '"' + q.replace('"', '""') + '"'


def trigram_searchable(dialect: str, q: str) -> bool:
    """Whether a trigram index answers `q`: SQLite's FTS5 table, PostgreSQL's pg_trgm GIN
    indexes (migration 0008); neither for fewer than TRIGRAM_MIN characters."""
    q = _normalise(q)
    if dialect == "sqlite":
        return fts_phrase(dialect, q) is not None
    return dialect == "postgresql" and len(q) >= TRIGRAM_MIN


def fts_match(phrase: str) -> TextClause:
    """`findings_fts MATCH phrase`, for a query that has FINDINGS_FTS in its FROM list."""
    return text("findings_fts MATCH :fts_q").bindparams(fts_q=phrase)


def finding_text_clause(dialect: str, q: str) -> ColumnElement[bool] | None:
    """A WHERE clause matching findings whose title, description or observed contain `q`."""
    q = _normalise(q)
    if not q:
        return None
    phrase = fts_phrase(dialect, q)
    if phrase is None:
        return like_any((Finding.title, Finding.description, Finding.observed), q, dialect)
    matches: Select[tuple[int]] = select(literal_column("rowid")).select_from(FINDINGS_FTS).where(fts_match(phrase))
    return Finding.id.in_(matches)


@contextmanager
def findings_search_paused(conn: Connection, first_id: int) -> Iterator[None]:
    """Index new findings for full-text search in one pass at the end, not row by row.

    The FTS5 trigram index (migration 0002) is kept up to date by an AFTER INSERT trigger;
    feeding it one row at a time is ~3x slower than indexing the same rows in one
    statement. Inside the caller's transaction the trigger is dropped, and re-created after
    the new rows (id >= first_id) are indexed, so a failure rolls all of it back together.
    """
    trigger = None
    if conn.dialect.name == "sqlite":
        trigger = conn.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
            (FINDINGS_FTS_INSERT_TRIGGER,),
        ).scalar()
    if trigger:
        conn.exec_driver_sql(f"DROP TRIGGER {FINDINGS_FTS_INSERT_TRIGGER}")
    yield
    if trigger:
        conn.exec_driver_sql(
            "INSERT INTO findings_fts(rowid, title, description, observed) "
            "SELECT id, title, description, observed FROM findings WHERE id >= ?",
            (first_id,),
        )
        conn.exec_driver_sql(trigger)
