"""Text ordered the same on every database: by Unicode code point.

SQLite compares text byte by byte (its BINARY collation), which for UTF-8 is code point
order. PostgreSQL orders text by the database's collation: `C.UTF-8` (what README.md's
`createdb --locale C.UTF-8` makes) is code point order too, but a server created with a
linguistic collation (an ICU locale such as `zh-CN`, or `en_US.UTF-8`, the default of many
managed servers) puts Han before Latin, or ignores case and punctuation. The short lists
people read (users, brands, merchants and products in a type-ahead) are ordered with
`codepoint(column)`, which adds `COLLATE "C"` (byte order, as SQLite's) on PostgreSQL, so
they come out the same on both (docs/team-server.md, "Text order").
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.visitors import InternalTraversal


class codepoint(ColumnElement[Any]):  # noqa: N801 - used like a SQL function
    """`column` compared by code point on every database (for ORDER BY)."""

    inherit_cache = True
    _traverse_internals = [("column", InternalTraversal.dp_clauseelement)]

    def __init__(self, column: Any) -> None:
        self.column = column
        self.type = column.type


@compiles(codepoint)
def _plain(element: codepoint, compiler, **kw) -> str:
    return compiler.process(element.column, **kw)


@compiles(codepoint, "postgresql")
def _byte_order(element: codepoint, compiler, **kw) -> str:
    return f'{compiler.process(element.column, **kw)} COLLATE "C"'
