"""Create or upgrade the schema with Alembic, backing up an existing SQLite file first.

Alembic is imported only when there is something to migrate: opening a database that is
already at the newest revision (every start but the first after an update) reads the
revisions from the migration files' headers instead (~110 ms less at start-up).
"""

from __future__ import annotations

import logging
import re
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.exc import DBAPIError

from inspector_app.db.backup import backup_sqlite
from inspector_app.db.engine import Database
from inspector_app.domain import clock
from inspector_app.domain.errors import DatabaseTooNew, PermissionDenied
from inspector_app.domain.messages import t

if TYPE_CHECKING:
    from alembic.config import Config

logger = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
#: `revision = "0003"` / `down_revision = "0002"` at the start of a line of a migration.
_HEADER = re.compile(
    r"^(?P<key>revision|down_revision)\s*(?::[^=\n]*)?=\s*(?:[\"'](?P<rev>[^\"']+)[\"']|None)\s*$",
    re.MULTILINE,
)


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()  # type: ignore[return-value]


def head_from_files() -> str | None:
    """The newest revision, read from the migration files' headers without Alembic.

    None when the files do not make one plain chain (then ask Alembic): this is only used
    to see quickly that a database needs no upgrade, never to run one.
    """
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        found = {m["key"]: m["rev"] for m in _HEADER.finditer(path.read_text(encoding="utf-8"))}
        if "revision" not in found or not found["revision"] or "down_revision" not in found:
            return None
        revisions.add(found["revision"])
        if found["down_revision"]:
            parents.add(found["down_revision"])
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 and parents <= revisions else None


def current_revision(db: Database) -> str | None:
    path = db.sqlite_path
    if path is not None and path.exists():
        return _peek_sqlite_revision(path)
    from alembic.runtime.migration import MigrationContext

    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _peek_sqlite_revision(path: Path) -> str | None:
    """Read the schema revision without the engine's connect hooks (which switch on WAL), so
    a database this version must refuse is not changed by looking at it."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    conn = sqlite3.connect(uri, uri=True)
    try:
        has_table = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        ).fetchone()
        if not has_table:
            return None
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None
    finally:
        conn.close()


def upgrade(db: Database, backup_dir: Path | None = None, target: str = "head") -> Path | None:
    """Bring the schema to `target`. Returns the backup taken before upgrading, if any.

    A database stamped with a revision this application does not know (written by a newer
    version) is refused and left untouched.
    """
    current = current_revision(db)
    if target == "head" and current is not None and current == head_from_files():
        return None  # already current: no need to load Alembic at all
    from alembic import command
    from alembic.script import ScriptDirectory

    cfg = alembic_config()
    script = ScriptDirectory.from_config(cfg)
    known = {rev.revision for rev in script.walk_revisions()}
    if current is not None and current not in known:
        raise DatabaseTooNew(t(
            "The database {database} was written by a newer version of Inspector "
            "(schema {current}); this version knows up to {head}. "
            "Install the newer version; the database was not changed.",
            database=db.describe(), current=current, head=script.get_current_head(),
        ))
    wanted = script.get_current_head() if target == "head" else target
    if current == wanted:
        return None
    backup: Path | None = None
    if current is not None and db.sqlite_path is not None and backup_dir is not None:
        stamp = clock.now().strftime("%Y%m%dT%H%M%SZ")
        backup = backup_dir / f"before-upgrade-{current}-{stamp}.sqlite3"
        backup_sqlite(db.engine, backup)
        logger.info("Backed up %s to %s before upgrading", db.describe(), backup)
    write_engine = db.engine.execution_options(inspector_write=True)
    try:
        with write_engine.begin() as conn:
            cfg.attributes["connection"] = conn
            team_database = False
            if conn.dialect.name == "postgresql":
                from inspector_app.db import team

                team_database = team.is_team_database(conn)
                if team_database:
                    team.drop_merchant_views(conn)
            command.upgrade(cfg, target)
            if team_database:
                from inspector_app.db import team

                # New tables and columns get the team's grants and views in the same
                # transaction (what `inspector team init` would do again).
                team.apply_security(conn)
    except DBAPIError as exc:
        if getattr(getattr(exc, "orig", None), "sqlstate", None) != "42501":
            raise
        # A team member's login may not change the schema (db/team.py): say who can.
        raise PermissionDenied(t(
            "The team database {database} is at schema {current}; this version of Inspector "
            "needs {head}. The database owner upgrades it with 'inspector team init'.",
            database=db.describe(), current=current, head=wanted,
        )) from None
    logger.info("Schema upgraded from %s to %s", current, wanted)
    return backup
