"""team logins: users.login and users.password_hash; on PostgreSQL the server fills who did it

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06

`users.login` ties a user to a PostgreSQL login role (docs/team-server.md); NULL for users
of a one-laptop SQLite file and for users who never log in to a server. `password_hash`
is the optional one-laptop password (hashlib.scrypt; never used on a team server, where
PostgreSQL checks passwords).

On PostgreSQL, `inspector_user_id()` maps the connected login (current_user, else
session_user after a SET ROLE to a group) to users.id, and BEFORE triggers overwrite
created_by_id, deleted_by_id and case_events.actor_id with it, so a team member's client
cannot write someone else's name. A connection whose login is not a user (the database
owner running migrations, `team init`, demo data) keeps the values it sends.

SQLite gets the columns only: ADD COLUMN (no batch copy: it would drop the full-text
triggers of 0002), the uniqueness as a separate index.
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

#: Every table with created_by_id (Tracked) at this revision.
_TRACKED = (
    "users", "app_settings", "brands", "merchants", "report_archive", "sampling_plans",
    "merchant_status_changes", "products", "work_orders", "sampling_picks", "purchases",
    "findings", "rectification_cases", "case_events", "case_findings", "photos",
)
#: Every table with deleted_by_id (SoftDeleted, migration 0004).
_SOFT_DELETED = ("brands", "merchants", "products", "purchases", "findings", "photos")

_PG_FUNCTIONS = (
    # Not SECURITY DEFINER: inside such a function current_user would be its owner.
    """CREATE OR REPLACE FUNCTION inspector_user_id() RETURNS integer
    LANGUAGE sql STABLE AS $$
      SELECT COALESCE(
        (SELECT id FROM users WHERE login = current_user::text),
        (SELECT id FROM users WHERE login = session_user::text))
    $$""",
    """CREATE OR REPLACE FUNCTION inspector_stamp_created_by() RETURNS trigger
    LANGUAGE plpgsql AS $$
    DECLARE me integer := inspector_user_id();
    BEGIN
      IF me IS NOT NULL THEN
        IF TG_OP = 'INSERT' THEN NEW.created_by_id := me;
        ELSE NEW.created_by_id := OLD.created_by_id;
        END IF;
      END IF;
      RETURN NEW;
    END $$""",
    """CREATE OR REPLACE FUNCTION inspector_stamp_deleted_by() RETURNS trigger
    LANGUAGE plpgsql AS $$
    DECLARE me integer := inspector_user_id();
    BEGIN
      IF me IS NOT NULL THEN
        IF NEW.deleted_at IS NULL THEN NEW.deleted_by_id := NULL;
        ELSIF TG_OP = 'INSERT' OR OLD.deleted_at IS NULL THEN NEW.deleted_by_id := me;
        ELSE NEW.deleted_by_id := OLD.deleted_by_id;
        END IF;
      END IF;
      RETURN NEW;
    END $$""",
    """CREATE OR REPLACE FUNCTION inspector_stamp_actor() RETURNS trigger
    LANGUAGE plpgsql AS $$
    DECLARE me integer := inspector_user_id();
    BEGIN
      IF me IS NOT NULL THEN NEW.actor_id := me; END IF;
      RETURN NEW;
    END $$""",
)


def _pg_triggers() -> list[str]:
    sql = [
        f"CREATE TRIGGER {t}_stamp_created_by BEFORE INSERT OR UPDATE ON {t} "
        "FOR EACH ROW EXECUTE FUNCTION inspector_stamp_created_by()"
        for t in _TRACKED
    ]
    sql += [
        f"CREATE TRIGGER {t}_stamp_deleted_by BEFORE INSERT OR UPDATE ON {t} "
        "FOR EACH ROW EXECUTE FUNCTION inspector_stamp_deleted_by()"
        for t in _SOFT_DELETED
    ]
    sql.append(
        "CREATE TRIGGER case_events_stamp_actor BEFORE INSERT ON case_events "
        "FOR EACH ROW EXECUTE FUNCTION inspector_stamp_actor()"
    )
    return sql


def upgrade() -> None:
    op.add_column("users", sa.Column("login", sa.String(63), nullable=True))
    op.add_column("users", sa.Column("password_hash", sa.String(255), nullable=True))
    op.create_index("ix_users_login", "users", ["login"], unique=True)
    if op.get_bind().dialect.name == "postgresql":
        for sql in (*_PG_FUNCTIONS, *_pg_triggers()):
            op.execute(sql)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for t in _TRACKED:
            op.execute(f"DROP TRIGGER IF EXISTS {t}_stamp_created_by ON {t}")
        for t in _SOFT_DELETED:
            op.execute(f"DROP TRIGGER IF EXISTS {t}_stamp_deleted_by ON {t}")
        op.execute("DROP TRIGGER IF EXISTS case_events_stamp_actor ON case_events")
        for fn in ("inspector_stamp_actor", "inspector_stamp_deleted_by",
                   "inspector_stamp_created_by", "inspector_user_id"):
            op.execute(f"DROP FUNCTION IF EXISTS {fn}()")
    op.drop_index("ix_users_login", table_name="users")
    # SQLite (3.35+) drops a column that is in no index or constraint with a plain ALTER.
    op.drop_column("users", "password_hash")
    op.drop_column("users", "login")
