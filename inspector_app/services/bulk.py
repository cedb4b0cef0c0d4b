"""Actions on many rows at once, in one transaction: all of them or none.

A multi-select delete (findings, purchases, photos) applies the same rules as deleting one
row (services/findings.py, purchases.py, photos.py), each row in a savepoint of one
transaction; the first refusal undoes the whole selection and says which row refused and
why, in one sentence. `delete_steps` yields progress per row, so the user interface can
show it and cancel (closing the generator rolls the transaction back). Restoring a
selection is `waste_basket.restore_items` (also one transaction).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Generator, Iterable

from inspector_app.domain.errors import (
    ConflictError,
    InspectorError,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from inspector_app.domain.labels import thing_label
from inspector_app.domain.messages import t
from inspector_app.services import findings, photos, purchases
from inspector_app.services.context import Context

logger = logging.getLogger(__name__)

#: Kinds of rows a selection can delete, and the one-row service that deletes each.
DELETERS: dict[str, Callable[[Context, int], None]] = {
    "purchase": purchases.delete_purchase,
    "finding": findings.delete_finding,
    "photo": photos.delete_photo,
}

#: (done, total, label): what the progress dialog shows.
Progress = tuple[int, int, str]


def delete_steps(ctx: Context, kind: str, ids: Iterable[int]) -> Generator[Progress, None, list[int]]:
    """Delete the rows of `kind` in one transaction, yielding progress before each row;
    returns the ids deleted. Any refusal deletes nothing (see `refused`)."""
    if kind not in DELETERS:
        raise ValidationError(t("Cannot delete {what} here", what=thing_label(kind)))
    wanted = list(dict.fromkeys(int(i) for i in ids))
    delete = DELETERS[kind]
    with ctx.db.batch():
        for done, row_id in enumerate(wanted):
            yield done, len(wanted), ""
            try:
                delete(ctx, row_id)
            except InspectorError as exc:
                raise refused(exc, kind, row_id, len(wanted)) from exc
    yield len(wanted), len(wanted), ""
    logger.info("deleted %d %s rows in one transaction", len(wanted), kind)
    return wanted


def delete_items(ctx: Context, kind: str, ids: Iterable[int]) -> list[int]:
    """`delete_steps` without the progress (the command line, tests)."""
    steps = delete_steps(ctx, kind, ids)
    while True:
        try:
            next(steps)
        except StopIteration as stop:
            return stop.value


def refused(exc: InspectorError, kind: str, row_id: int, total: int) -> InspectorError:
    """The refusal of one row of a selection: when more than one row was selected, the
    sentence says that nothing was done and which row refused (same error class)."""
    if total <= 1:
        return exc
    message = t(
        "Nothing was deleted: {what} {id} cannot be deleted ({reason})",
        what=thing_label(kind), id=row_id, reason=str(exc).rstrip("."),
    )
    cls = type(exc) if type(exc) in _PLAIN else InspectorError
    return cls(message)


#: Error classes made from a message alone (kept, so a caller can still tell them apart).
_PLAIN = (NotFound, PermissionDenied, ValidationError, ConflictError)
