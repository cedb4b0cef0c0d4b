"""No silent overwrites: a save based on an older version of a row than the database holds
is refused, naming who changed it and when (version column, migration 0006)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from inspector_app.db.models import User
from inspector_app.domain.errors import StaleEdit
from inspector_app.domain.messages import t
from inspector_app.services.context import Context

logger = logging.getLogger(__name__)


def stale(s: Session, row, what: str) -> StaleEdit:
    """The error for `row` (as the database holds it now)."""
    name = ""
    if row is not None and row.updated_by_id:
        name = s.scalar(select(User.display_name).where(User.id == row.updated_by_id)) or ""
    when = row.updated_at if row is not None else None
    shown = when.astimezone().strftime("%Y-%m-%d %H:%M") if when else "?"
    return StaleEdit(t(
        "{what} was changed by {name} at {time} after you opened it; nothing was saved. "
        "Reload it to see the change.",
        what=what, name=name or t("someone else"), time=shown,
    ), name=name, when=when)


def check(s: Session, row, expected: int | None, what: str) -> None:
    """Refuse when the caller's version (None: no check) is not the row's."""
    if expected is not None and row.version != expected:
        logger.info("stale edit of %s: version %s, database %s", what, expected, row.version)
        raise stale(s, row, what)


@contextmanager
def refused_when_stale(ctx: Context, model, row_id_of, what: str) -> Iterator[None]:
    """Turn SQLAlchemy's StaleDataError (another transaction changed the row between our
    read and our UPDATE) into the same StaleEdit; `row_id_of()` says which row."""
    try:
        yield
    except StaleDataError:
        with ctx.db.read() as s:
            row = s.scalar(select(model).where(model.id == row_id_of()))
            raise stale(s, row, what) from None
