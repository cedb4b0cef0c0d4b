"""Text search clauses per database: FTS5 trigram on SQLite, ILIKE elsewhere.

The only place that knows the findings_fts virtual table (migration 0002).
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, literal_column, or_, select, text

from inspector_app.db.models import Finding

#: FTS5 trigram cannot match queries shorter than this; LIKE answers them instead.
TRIGRAM_MIN = 3


def _like_escape(q: str) -> str:
    return q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def like_any(columns, q: str) -> ColumnElement[bool]:
    """Case-insensitive substring match on any of the columns (portable)."""
    pattern = f"%{_like_escape(q)}%"
    return or_(*(c.ilike(pattern, escape="\\") for c in columns))


def finding_text_clause(dialect: str, q: str) -> ColumnElement[bool] | None:
    """A WHERE clause matching findings whose title, description or observed contain `q`."""
    q = " ".join(q.split())
    if not q:
        return None
    cols = (Finding.title, Finding.description, Finding.observed)
    if dialect != "sqlite" or len(q) < TRIGRAM_MIN:
        return like_any(cols, q)
    # One FTS phrase: double quotes escaped by doubling; trigram matches it as a substring.
    phrase = '"' + q.replace('"', '""') + '"'
    matches = select(literal_column("rowid")).select_from(text("findings_fts")).where(
        text("findings_fts MATCH :fts_q").bindparams(fts_q=phrase)
    )
    return Finding.id.in_(matches)
