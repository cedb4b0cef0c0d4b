"""team server: one author trigger per table, and private terms kept per statement

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-07

PostgreSQL only (SQLite: nothing). What the server writes is unchanged; how often it runs
code per row is not (docs/performance.md, "Sync"):

- The author stamps of migrations 0005, 0006 and 0009 (created_by_id, deleted_by_id,
  updated_by_id, case_events.actor_id) were up to three row triggers per table, each asking
  `inspector_user_id()` again. One trigger per table, `<table>_stamp_authors`, now asks
  once and sets the columns its arguments name.
- `inspector_privacy.terms` (migration 0018) was refreshed by a row trigger, three
  statements per purchase. Two statement triggers with transition tables now refresh it
  with one statement for all the rows an INSERT or an UPDATE wrote (an UPDATE only for
  rows whose buyer alias or delivery address changed: a trigger with transition tables
  cannot name columns). The matching-form functions it calls lose their own
  `SET search_path` (the SECURITY DEFINER functions that call them, and that the
  merchant managers' group may call, keep theirs): a SQL function with a SET clause is
  never inlined, and the per-call change of search_path cost more than the work.
  Unqualified names in them still resolve in pg_catalog first (it is always searched
  before anything a search_path lists).
"""

from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None

#: The row triggers migrations 0005, 0006 and 0009 created: name suffix -> (argument,
#: function, events).
_OLD = {
    "created_by": ("created", "inspector_stamp_created_by", "INSERT OR UPDATE"),
    "deleted_by": ("deleted", "inspector_stamp_deleted_by", "INSERT OR UPDATE"),
    "updated_by": ("updated", "inspector_stamp_updated_by", "INSERT OR UPDATE"),
    "actor": ("actor", "inspector_stamp_actor", "INSERT"),
}

# Not SECURITY DEFINER: inside such a function current_user would be its owner. The same
# rules as the four functions it replaces, in one body.
_AUTHORS = """
CREATE OR REPLACE FUNCTION inspector_stamp_authors() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE me integer := inspector_user_id();
BEGIN
  IF me IS NULL THEN RETURN NEW; END IF;
  IF 'created' = ANY (TG_ARGV) THEN
    IF TG_OP = 'INSERT' THEN NEW.created_by_id := me;
    ELSE NEW.created_by_id := OLD.created_by_id;
    END IF;
  END IF;
  IF 'deleted' = ANY (TG_ARGV) THEN
    IF NEW.deleted_at IS NULL THEN NEW.deleted_by_id := NULL;
    ELSIF TG_OP = 'INSERT' OR OLD.deleted_at IS NULL THEN NEW.deleted_by_id := me;
    ELSE NEW.deleted_by_id := OLD.deleted_by_id;
    END IF;
  END IF;
  IF 'updated' = ANY (TG_ARGV) THEN NEW.updated_by_id := me; END IF;
  IF 'actor' = ANY (TG_ARGV) AND TG_OP = 'INSERT' THEN NEW.actor_id := me; END IF;
  RETURN NEW;
END $$
"""

_TERMS = "inspector_privacy"

_REFRESH_SET = f"""
CREATE OR REPLACE FUNCTION {_TERMS}.refresh_terms_set() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        -- One snapshot for the whole statement: the DELETE sees only the old terms.
        WITH changed AS (
            SELECT n.id, n.buyer_alias, n.delivery_address
            FROM new_rows n JOIN old_rows o ON o.id = n.id
            WHERE o.buyer_alias IS DISTINCT FROM n.buyer_alias
               OR o.delivery_address IS DISTINCT FROM n.delivery_address
        ), gone AS (
            DELETE FROM {_TERMS}.terms t USING changed c WHERE t.purchase_id = c.id
        ), added AS (
            INSERT INTO {_TERMS}.terms (purchase_id, term, kind)
            SELECT c.id, x.term, x.kind FROM changed c
            CROSS JOIN LATERAL {_TERMS}.terms_of(c.buyer_alias, c.delivery_address) x
            RETURNING term)
        -- Never removed: a prefix no term begins with any more only costs a probe.
        INSERT INTO {_TERMS}.prefixes (p) SELECT DISTINCT left(a.term, 2) FROM added a
        ON CONFLICT DO NOTHING;
    ELSE
        WITH added AS (
            INSERT INTO {_TERMS}.terms (purchase_id, term, kind)
            SELECT n.id, x.term, x.kind FROM new_rows n
            CROSS JOIN LATERAL {_TERMS}.terms_of(n.buyer_alias, n.delivery_address) x
            RETURNING term)
        INSERT INTO {_TERMS}.prefixes (p) SELECT DISTINCT left(a.term, 2) FROM added a
        ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END $$
"""


#: Functions of migration 0018 that run inside the trigger, not called by anyone directly.
_INLINED = ("normal_form(text)", "address_parts(text)", "terms_of(text, text)")


def _stamp_triggers(conn) -> dict[str, list[str]]:
    """Table -> the author-trigger suffixes it has now (from the catalog)."""
    found: dict[str, list[str]] = {}
    for table, name in conn.exec_driver_sql(
            "SELECT c.relname, t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
            " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE NOT t.tgisinternal"
            " AND n.nspname = 'public' ORDER BY c.relname, t.tgname"):
        for suffix in _OLD:
            if name == f"{table}_stamp_{suffix}":
                found.setdefault(table, []).append(suffix)
    return found


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "postgresql":
        return
    op.execute(_AUTHORS)
    for table, suffixes in _stamp_triggers(conn).items():
        for suffix in suffixes:
            op.execute(f"DROP TRIGGER {table}_stamp_{suffix} ON {table}")
        args = ", ".join(f"'{_OLD[s][0]}'" for s in suffixes)
        op.execute(f"DROP TRIGGER IF EXISTS {table}_stamp_authors ON {table}")
        op.execute(f"CREATE TRIGGER {table}_stamp_authors BEFORE INSERT OR UPDATE ON {table}"
                   f" FOR EACH ROW EXECUTE FUNCTION inspector_stamp_authors({args})")
    for function in _INLINED:
        op.execute(f"ALTER FUNCTION {_TERMS}.{function} RESET search_path")
    op.execute(_REFRESH_SET)
    op.execute(f"REVOKE ALL ON FUNCTION {_TERMS}.refresh_terms_set() FROM PUBLIC")
    for statement in (
        "DROP TRIGGER IF EXISTS privacy_terms ON purchases",
        "DROP TRIGGER IF EXISTS privacy_terms_insert ON purchases",
        "DROP TRIGGER IF EXISTS privacy_terms_update ON purchases",
        "CREATE TRIGGER privacy_terms_insert AFTER INSERT ON purchases"
        " REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT"
        f" EXECUTE FUNCTION {_TERMS}.refresh_terms_set()",
        "CREATE TRIGGER privacy_terms_update AFTER UPDATE ON purchases"
        " REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT"
        f" EXECUTE FUNCTION {_TERMS}.refresh_terms_set()",
    ):
        op.execute(statement)


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER IF EXISTS privacy_terms_insert ON purchases")
    op.execute("DROP TRIGGER IF EXISTS privacy_terms_update ON purchases")
    op.execute(f"DROP FUNCTION IF EXISTS {_TERMS}.refresh_terms_set()")
    for function in _INLINED:
        op.execute(f"ALTER FUNCTION {_TERMS}.{function} SET search_path = pg_catalog")
    op.execute("CREATE TRIGGER privacy_terms AFTER INSERT OR UPDATE OF buyer_alias,"
               " delivery_address ON purchases FOR EACH ROW"
               f" EXECUTE FUNCTION {_TERMS}.refresh_terms()")
    rows = conn.exec_driver_sql(
        "SELECT c.relname, t.tgargs FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
        " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE NOT t.tgisinternal"
        " AND n.nspname = 'public' AND t.tgname = c.relname || '_stamp_authors'").all()
    by_arg = {arg: suffix for suffix, (arg, _f, _e) in _OLD.items()}
    for table, raw in rows:
        args = [a for a in bytes(raw).decode().split("\x00") if a]
        op.execute(f"DROP TRIGGER {table}_stamp_authors ON {table}")
        for arg in args:
            suffix = by_arg[arg]
            _arg, function, events = _OLD[suffix]
            op.execute(f"CREATE TRIGGER {table}_stamp_{suffix} BEFORE {events} ON {table}"
                       f" FOR EACH ROW EXECUTE FUNCTION {function}()")
    op.execute("DROP FUNCTION IF EXISTS inspector_stamp_authors()")
