"""What a command handler gets: its arguments, the context it opens on demand, and the actor."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TextIO

from inspector_app.cli.output import as_record, table_lines, write_json
from inspector_app.domain.messages import t

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from inspector_app.services.context import Context

logger = logging.getLogger(__name__)

#: Environment variable naming the acting user when --as is not given.
USER_ENV = "INSPECTOR_USER"


@dataclass
class Invocation:
    """One run of one command."""

    args: argparse.Namespace
    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)
    _ctx: Context | None = None

    @property
    def db_url(self) -> str | None:
        return getattr(self.args, "db", None)

    @property
    def data_dir(self) -> str | None:
        return getattr(self.args, "data_dir", None)

    def context(self, *, migrate: bool = True, create: bool = False, check: bool = True) -> Context:
        """The database and data folder (upgraded on first use), acting as nobody.

        Only `init` passes `create`: any other command on a database that does not exist
        says so instead of making a new, empty one.
        """
        if self._ctx is None:
            from inspector_app.services.context import open_context

            self._ctx = open_context(
                self.db_url, self.data_dir, migrate=migrate, create=create, check=check
            )
        return self._ctx

    def system_context(self) -> Context:
        """The context acting as the system: read-only listings, init, demo, maintenance."""
        from inspector_app.services.context import SYSTEM

        return self.context().as_actor(SYSTEM)

    def acting_context(self, *, required: bool = True) -> Context:
        """The context acting as --as USER, else $INSPECTOR_USER (id or display name)."""
        from inspector_app.domain.errors import ValidationError
        from inspector_app.services.users import find_user

        ref = getattr(self.args, "acting_user", None) or os.environ.get(USER_ENV, "").strip()
        ctx = self.context()
        if not ref:
            if required:
                raise ValidationError(t(
                    "Say who is acting: --as USER (id or display name) or set {variable}",
                    variable=USER_ENV,
                ))
            return ctx
        return ctx.as_actor(find_user(ctx, ref))

    def close(self) -> None:
        if self._ctx is not None:
            self._ctx.db.dispose()
            self._ctx = None

    # Output -----------------------------------------------------------------------------

    def print(self, *parts: Any) -> None:
        print(*parts, file=self.out)

    def note(self, text: str) -> None:
        """A remark for the person at the terminal (stderr, so stdout stays machine-readable)."""
        print(text, file=self.err)

    def emit_rows(
        self,
        rows: Iterable[Any],
        columns: Sequence[tuple[str, str]],
        *,
        as_json: bool,
    ) -> int:
        """Rows as a JSON array (every field) or as a table (the given columns); the count.

        Both stream: JSON object by object, a table sized by its first rows.
        """
        records = (as_record(r) for r in rows)
        if as_json:
            return write_json(records, self.out)
        count = 0
        for line in table_lines(records, columns):
            self.out.write(line + "\n")
            count += 1
        if count == 0:
            self.note(t("(nothing found)"))
        return max(0, count - 2)
