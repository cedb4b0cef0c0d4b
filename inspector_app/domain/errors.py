"""Errors the services raise; each carries a message fit to show a user as is."""

from __future__ import annotations

from collections.abc import Sequence


class InspectorError(Exception):
    """Base of every error a user can cause; the CLI prints it as one line (exit 2)."""


class NotFound(InspectorError):
    pass


class ValidationError(InspectorError):
    """Bad input; `field` names the form field it belongs to, when there is one."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class InvalidForm(ValidationError):
    """Several problems of one form at once; reads as the first, `problems` holds them all
    (each a ValidationError or ConflictError naming its field)."""

    def __init__(self, problems: Sequence[InspectorError]) -> None:
        first = problems[0]
        super().__init__(str(first), field=getattr(first, "field", None))
        self.problems = list(problems)


class PermissionDenied(InspectorError):
    pass


class IllegalTransition(InspectorError):
    pass


class ConflictError(InspectorError):
    """The data changed underneath, or a unique value is already taken."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class DatabaseTooNew(InspectorError):
    pass


class PhotoRejected(InspectorError):
    pass


class StaleEdit(ConflictError):
    """A save based on an older version of a row than the database holds: someone else
    changed it meanwhile. Nothing was written; `name` and `when` say who and when."""

    def __init__(self, message: str, *, name: str = "", when=None) -> None:
        super().__init__(message)
        self.name = name
        self.when = when


class DatabaseUnusable(InspectorError):
    """The database file is missing, empty, damaged, not a database, or read-only."""


class StoreMismatch(InspectorError):
    """The database and the photo folder belong to different data sets."""
