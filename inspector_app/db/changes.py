"""What a unit of work wrote: session listeners that record the tables and ids touched.

While `recording()` is active in a thread, every session flush there notes the rows it
inserted, updated or deleted (and bulk UPDATE/DELETE/INSERT statements, whose ids are not
known), per table. Only committed work counts: a transaction rolled back drops its notes.
The services turn the notes into a `Changes` value (services/changes.py) that the user
interface broadcasts, so nobody has to remember to say what changed (docs/architecture.md,
"Writes from the user interface").
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session, SessionTransaction

logger = logging.getLogger(__name__)

#: A row written: (table, id, its foreign keys as loaded: "purchase_id" -> 7, ...), for the
#: services to map to what users see (a finding touches its purchase too).
Row = tuple[str, int | None, dict[str, int]]


class Recorder:
    """The rows written by the committed transactions while it was active.

    Rows wait with the (innermost) transaction that flushed them: a savepoint released
    hands them to its parent, one rolled back drops them, and the root's commit makes them
    final.
    """

    def __init__(self) -> None:
        #: Rows committed, in the order written.
        self.rows: list[Row] = []
        self._pending: dict[int, list[Row]] = {}
        self._committed: set[int] = set()

    def note(self, session: Session, row: Row) -> None:
        trans = session.get_nested_transaction() or session.get_transaction()
        key = id(trans) if trans is not None else 0
        self._pending.setdefault(key, []).append(row)

    def committed(self, session: Session) -> None:
        # after_commit comes just before after_transaction_end of the same transaction.
        trans = session.get_nested_transaction() or session.get_transaction()
        if trans is not None:
            self._committed.add(id(trans))

    def ended(self, trans: SessionTransaction) -> None:
        rows = self._pending.pop(id(trans), [])
        if id(trans) not in self._committed:
            return  # rolled back: none of it happened
        self._committed.discard(id(trans))
        if trans.parent is None:
            self.rows.extend(rows)
        elif rows:
            self._pending.setdefault(id(trans.parent), []).extend(rows)


_current: ContextVar[Recorder | None] = ContextVar("change_recorder", default=None)


@contextmanager
def recording() -> Iterator[Recorder]:
    """Record what the sessions of this thread commit until the block ends."""
    recorder = Recorder()
    token = _current.set(recorder)
    try:
        yield recorder
    finally:
        _current.reset(token)


def _table_of(obj: object) -> str | None:
    table = getattr(type(obj), "__tablename__", None)
    return table if isinstance(table, str) else None


def _row(table: str, obj: object) -> Row:
    state = vars(obj)  # what is loaded: reading attributes could load more from the database
    row_id = state.get("id")
    keys = {k: v for k, v in state.items() if k.endswith("_id") and isinstance(v, int)}
    return table, row_id if isinstance(row_id, int) else None, keys


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, _context) -> None:
    recorder = _current.get()
    if recorder is None:
        return
    # In after_flush the new/dirty/deleted sets still hold the flushed objects (with ids).
    for obj in list(session.new) + list(session.deleted):
        if (table := _table_of(obj)) is not None:
            recorder.note(session, _row(table, obj))
    for obj in session.dirty:
        if session.is_modified(obj, include_collections=False) and (table := _table_of(obj)):
            recorder.note(session, _row(table, obj))


@event.listens_for(Session, "do_orm_execute")
def _on_execute(state: ORMExecuteState) -> None:
    recorder = _current.get()
    if recorder is None or not (state.is_update or state.is_delete or state.is_insert):
        return
    table = getattr(getattr(state.statement, "table", None), "name", None)
    if isinstance(table, str):
        recorder.note(state.session, (table, None, {}))


@event.listens_for(Session, "after_commit")
def _after_commit(session: Session) -> None:
    recorder = _current.get()
    if recorder is not None:
        recorder.committed(session)


@event.listens_for(Session, "after_transaction_end")
def _after_transaction_end(_session: Session, trans: SessionTransaction) -> None:
    recorder = _current.get()
    if recorder is not None:
        recorder.ended(trans)
