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
    #: Users whose one-laptop password was typed in this run.
    _verified: set[int] = field(default_factory=set)

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
            from sqlalchemy.exc import OperationalError

            from inspector_app.domain.errors import ValidationError
            from inspector_app.services.context import open_context

            url = self._url_with_password()
            try:
                self._ctx = open_context(
                    url, self.data_dir, migrate=migrate, create=create, check=check
                )
            except OperationalError as exc:
                message = _connect_error(exc, url)
                if message is None:
                    raise
                raise ValidationError(message) from None
        return self._ctx

    def _url_with_password(self) -> str | None:
        """--db as given, with the password asked for when a team server wants one and the
        URL has none (standard input when it is not a terminal)."""
        from inspector_app.paths import data_dir, database_url

        raw = database_url(self.db_url, data_dir(self.data_dir))
        if not raw.startswith("postgresql"):
            return self.db_url
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import OperationalError
        from sqlalchemy.pool import NullPool

        from inspector_app.db.engine import make_engine
        from inspector_app.db.server_errors import needs_password

        url = make_url(raw)
        if url.password is not None or os.environ.get("PGPASSWORD"):
            return raw
        probe = make_engine(url, poolclass=NullPool)
        try:
            with probe.connect():
                return raw  # trusted (peer, .pgpass, a service file): no password needed
        except OperationalError as exc:
            if not needs_password(exc):
                return raw  # the real attempt says what is wrong
        finally:
            probe.dispose()
        from inspector_app.cli.passwords import read_password

        password = read_password(t("Password for {login} on {host}: ",
                                   login=url.username or "", host=url.host or "localhost"))
        return url.set(password=password).render_as_string(hide_password=False)

    def system_context(self) -> Context:
        """The context acting as the system: read-only listings, init, demo, maintenance.

        On a team server a person's login acts as that person even here, so listings show
        what their role may see.
        """
        from inspector_app.services.context import SYSTEM

        ctx = self.context()
        replica = self._replica_actor(ctx, "")
        if replica is not None:
            return replica
        if not ctx.db.is_sqlite:
            from inspector_app.services.team import server_actor

            me = server_actor(ctx)
            if me is not None:
                return ctx.as_actor(me)
        return ctx.as_actor(SYSTEM)

    def reading_context(self) -> Context:
        """Who is reading a listing: the login's user on a team server, else --as USER or
        INSPECTOR_USER, else the system (a local file trusts whoever can open it)."""
        ref = getattr(self.args, "acting_user", None) or os.environ.get(USER_ENV, "").strip()
        if ref or not self.context().db.is_sqlite:
            acting = self.acting_context(required=False, maintenance=True)
            if acting.actor is not None:
                return acting
        return self.system_context()

    def _team_actor(self, ctx: Context, ref: str, maintenance: bool) -> Context | None:
        """The acting context on a team server or a laptop copy of one, or None on a
        one-laptop SQLite file and a plain server."""
        if ctx.db.is_sqlite:
            return self._replica_actor(ctx, ref)
        from inspector_app.domain.errors import PermissionDenied, ValidationError
        from inspector_app.services.context import SYSTEM
        from inspector_app.services.team import is_team_database, server_actor

        me = server_actor(ctx)
        if me is None and not is_team_database(ctx):
            return None
        if ref:
            raise ValidationError(t(
                "On a team server you act as the login you connect with; --as and {variable} "
                "are not accepted", variable=USER_ENV))
        if me is not None:
            return ctx.as_actor(me)
        if maintenance:
            return ctx.as_actor(SYSTEM)
        raise PermissionDenied(t(
            "The login '{login}' is no user of this team; ask an administrator for one "
            "(inspector team add-user)", login=ctx.db.url.username or ""))

    def _replica_actor(self, ctx: Context, ref: str) -> Context | None:
        """On a laptop copy of a team server (docs/sync.md) the person it belongs to acts."""
        from inspector_app.services.sync.binding import bound_actor, is_replica

        if not ctx.db.is_sqlite or not is_replica(ctx):
            return None
        if ref:
            from inspector_app.domain.errors import ValidationError

            raise ValidationError(t(
                "On a laptop copy of a team server you act as its login; --as and {variable} "
                "are not accepted", variable=USER_ENV))
        return ctx.as_actor(bound_actor(ctx))

    def acting_context(self, *, required: bool = True, maintenance: bool = False) -> Context:
        """The context acting as --as USER, else $INSPECTOR_USER (id or display name).

        On a team server the server says who is acting (the user of the login connected):
        --as and INSPECTOR_USER are refused there. `maintenance` lets the database owner
        (a login that is no user) act as the system, for `team` commands.
        """
        from inspector_app.domain.errors import ValidationError
        from inspector_app.services.users import find_user

        ref = getattr(self.args, "acting_user", None) or os.environ.get(USER_ENV, "").strip()
        ctx = self.context()
        team = self._team_actor(ctx, ref, maintenance)
        if team is not None:
            return team
        if not ref:
            if required:
                raise ValidationError(t(
                    "Say who is acting: --as USER (id or display name) or set {variable}",
                    variable=USER_ENV,
                ))
            return ctx
        actor = find_user(ctx, ref)
        if not maintenance:
            self._verify_password(ctx, actor)
        return ctx.as_actor(actor)

    def _verify_password(self, ctx: Context, actor) -> None:
        """A one-laptop user with a password (services/passwords.py) acts only after typing it,
        as when switching in the User menu: asked at a terminal, else one line of standard
        input. Listings (reading_context) do not ask: reading as someone shows no more than
        reading as the system."""
        from inspector_app.domain.errors import PermissionDenied
        from inspector_app.services import passwords

        if actor.id in self._verified or not passwords.has_password(ctx, actor.id):
            return
        from inspector_app.cli.passwords import read_password

        typed = read_password(t("Password of {name}: ", name=actor.display_name))
        if not passwords.check_password(ctx, actor.id, typed):
            raise PermissionDenied(t("Wrong password for {name}", name=actor.display_name))
        self._verified.add(actor.id)

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


def _connect_error(exc: BaseException, url: str | None) -> str | None:
    from sqlalchemy.engine import make_url

    from inspector_app.db.server_errors import describe_connect_error

    if not url or not url.startswith("postgresql"):
        return None
    return describe_connect_error(exc, make_url(url))
