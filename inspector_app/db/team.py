"""The team server's security in PostgreSQL: group roles, GRANTs, column privileges, RLS.

The services check roles to give clear messages; on a team server PostgreSQL enforces the
same rules (docs/team-server.md), so a client that skips the services (psql, a modified
copy of the application) cannot do more than its login may:

- one NOLOGIN group role per application role, named `<database>_<role>` (role names are
  global to the server; the prefix keeps several teams and test databases apart), and one
  LOGIN role per person, member of exactly one group;
- table privileges per group; nobody may UPDATE, DELETE or TRUNCATE case events or the
  merchants' status history;
- a merchant manager's login has no SELECT on buyer aliases, delivery addresses, purchase
  notes or who inspected or recorded a purchase or finding: column privileges on the tables,
  and a schema `merchant_view` of security-barrier views with those columns blanked, first
  on that login's search_path, so the application's queries still run;
- row-level security: an inspector sees and changes the purchases assigned to them, created
  by them or not yet claimed; a merchant manager sees no purchase that is only planned or
  ordered (it would tell a merchant which order is an inspection) and changes only
  rectification photos. The policies compare rows with `inspector_user_id()` (migration
  0005: the users row of current_user), never with a setting the client may change.

Everything here is idempotent: `inspector team init` runs it again after an upgrade.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import re
import secrets

from sqlalchemy import Connection

from inspector_app.domain.enums import Role

logger = logging.getLogger(__name__)

#: Schema of the views a merchant manager's login reads instead of the private tables.
MERCHANT_VIEW_SCHEMA = "merchant_view"
#: Schema of the private terms and of the function that matches them (migration 0018).
PRIVACY_SCHEMA = "inspector_privacy"
#: What a merchant manager may not read, per table (the views show '' or NULL instead).
PRIVATE_COLUMNS: dict[str, tuple[str, ...]] = {
    "purchases": ("buyer_alias", "delivery_address", "notes", "inspector_id", "created_by_id",
                  "deleted_by_id", "updated_by_id"),
    "findings": ("created_by_id", "deleted_by_id", "updated_by_id"),
    "photos": ("created_by_id", "deleted_by_id", "updated_by_id"),
}
#: Of those, the tables a merchant manager also writes (rectification photos): their views
#: take INSERT and UPDATE through INSTEAD OF triggers into the table, private columns aside.
WRITABLE_VIEWS = ("photos",)
#: Tables a merchant manager may not read at all: sampling plans and their picks name the
#: purchases about to be made, which a merchant must never learn.
HIDDEN_FROM_MERCHANT_MANAGER = ("sampling_plans", "sampling_picks")
#: Append-only history: INSERT and SELECT only, for everyone.
APPEND_ONLY = ("case_events", "merchant_status_changes", "review_decisions")
#: Purchase statuses a merchant manager never sees (an order still on its way).
HIDDEN_FROM_MERCHANT_MANAGERS = ("planned", "ordered")
#: SCRAM-SHA-256 iterations, as PostgreSQL's own default.
SCRAM_ITERATIONS = 4096
#: A login: lower-case letters, digits and _ (no quoting surprises), at most 63 bytes.
LOGIN_PATTERN = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


def role_prefix(database_name: str) -> str:
    """`<database>` made safe for role names: lower case, other characters as _."""
    return re.sub(r"[^a-z0-9_]", "_", database_name.lower())[:40]


def group_role(prefix: str, role: Role | str) -> str:
    return f"{prefix}_{Role(role).value}"


def quote_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def quote_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def scram_verifier(password: str, *, salt: bytes | None = None) -> str:
    """The SCRAM-SHA-256 verifier PostgreSQL stores, computed here so that the password
    itself never travels in a CREATE/ALTER ROLE statement (nor lands in a server log)."""
    salt = salt or secrets.token_bytes(16)
    salted = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, SCRAM_ITERATIONS)
    client_key = hmac.new(salted, b"Client Key", "sha256").digest()
    stored_key = hashlib.sha256(client_key).digest()
    server_key = hmac.new(salted, b"Server Key", "sha256").digest()

    def b64(b: bytes) -> str:
        return base64.b64encode(b).decode("ascii")

    return f"SCRAM-SHA-256${SCRAM_ITERATIONS}:{b64(salt)}${b64(stored_key)}:{b64(server_key)}"


def current_prefix(conn: Connection) -> str:
    return role_prefix(conn.exec_driver_sql("SELECT current_database()").scalar_one())


def is_team_database(conn: Connection) -> bool:
    """Whether `team init` has created this database's group roles."""
    admin = group_role(current_prefix(conn), Role.ADMIN)
    return bool(conn.exec_driver_sql(
        "SELECT 1 FROM pg_roles WHERE rolname = %(name)s", {"name": admin}).scalar())


def drop_merchant_views(conn: Connection) -> None:
    """Drop the merchant managers' views before the schema changes: a view holds on to the
    columns it reads, so a migration could not drop or retype them. `apply_security` builds the
    views again from the new columns, in the same transaction (docs/team-server.md)."""
    conn.exec_driver_sql(f"DROP SCHEMA IF EXISTS {MERCHANT_VIEW_SCHEMA} CASCADE")


def database_ctype(conn: Connection) -> str:
    return conn.exec_driver_sql(
        "SELECT datctype FROM pg_database WHERE datname = current_database()").scalar_one()


def _tables(conn: Connection) -> list[str]:
    return list(conn.exec_driver_sql(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
    ).scalars())


def _columns(conn: Connection, table: str) -> list[str]:
    return list(conn.exec_driver_sql(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public'"
        " AND table_name = %(t)s ORDER BY ordinal_position", {"t": table}).scalars())


def _privileges(role: Role, tables: list[str]) -> dict[str, str]:
    """Table -> privileges for one group (besides SELECT, granted below)."""
    everything = "INSERT, UPDATE, DELETE"
    out: dict[str, str] = {}
    if role in (Role.ADMIN, Role.QUALITY_MANAGER):
        out = {t: everything for t in tables if t not in APPEND_ONLY and t != "alembic_version"}
        out.update({t: "INSERT" for t in APPEND_ONLY})
        if role == Role.QUALITY_MANAGER:
            out.pop("users", None)
    elif role == Role.INSPECTOR:
        out = {t: "INSERT, UPDATE" for t in ("purchases", "findings", "photos", "brands",
                                             "products")}
        out.update({"merchants": "INSERT", "photo_blobs": "INSERT"})
    elif role == Role.MERCHANT_MANAGER:
        # report_archive: a merchant manager prints and saves notices, which archives them
        # (services/reporting.export_notice).
        out = {"rectification_cases": "UPDATE", "case_events": "INSERT",
               "report_archive": "INSERT",
               "photos": "INSERT, UPDATE", "photo_blobs": "INSERT",
               "work_orders": "INSERT, UPDATE", "order_volumes": "INSERT, UPDATE"}
    # Laptop replicas (docs/sync.md): everyone pushes with a receipt and sends photo chunks.
    out.update({"sync_receipts": "INSERT", "sync_blob_chunks": "INSERT, DELETE"})
    return {t: p for t, p in out.items() if t in tables}


def apply_security(conn: Connection) -> dict[Role, str]:
    """Create (or bring up to date) the group roles, grants, views and policies.

    Run by the database owner (or a superuser) with CREATEROLE; returns the group names.
    """
    prefix = current_prefix(conn)
    database = conn.exec_driver_sql("SELECT current_database()").scalar_one()
    groups = {role: group_role(prefix, role) for role in Role}
    tables = _tables(conn)
    for name in groups.values():
        exists = conn.exec_driver_sql(
            "SELECT 1 FROM pg_roles WHERE rolname = %(n)s", {"n": name}).scalar()
        if not exists:
            conn.exec_driver_sql(f"CREATE ROLE {quote_ident(name)} NOLOGIN")
    q = {role: quote_ident(name) for role, name in groups.items()}
    all_groups = ", ".join(q.values())
    db = quote_ident(database)
    sql = [
        # Only the team's logins may connect to the team's database.
        f"REVOKE ALL ON DATABASE {db} FROM PUBLIC",
        f"GRANT CONNECT, TEMPORARY ON DATABASE {db} TO {all_groups}",
        "REVOKE ALL ON SCHEMA public FROM PUBLIC",
        f"GRANT USAGE ON SCHEMA public TO {all_groups}",
        f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC, {all_groups}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {all_groups}",
    ]
    for role in Role:
        for table, privileges in _privileges(role, tables).items():
            sql.append(f"GRANT {privileges} ON {table} TO {q[role]}")
        for table in tables:
            if role == Role.MERCHANT_MANAGER and table in HIDDEN_FROM_MERCHANT_MANAGER:
                continue
            if role == Role.MERCHANT_MANAGER and table in PRIVATE_COLUMNS:
                allowed = [c for c in _columns(conn, table) if c not in PRIVATE_COLUMNS[table]]
                sql.append(f"GRANT SELECT ({', '.join(allowed)}) ON {table} TO {q[role]}")
            else:
                sql.append(f"GRANT SELECT ON {table} TO {q[role]}")
    sql += _merchant_views(conn, q[Role.MERCHANT_MANAGER])
    sql += _privacy_spans(conn, q[Role.MERCHANT_MANAGER])
    sql += _policies(q)
    for statement in sql:
        conn.exec_driver_sql(statement)
    _ensure_workbook_key(conn)
    logger.info("team security applied to %s (%d statements)", database, len(sql))
    return groups


#: The app_settings key of the team's workbook-signing secret (services/responses.py).
WORKBOOK_KEY = "reports.workbook_key"


def _ensure_workbook_key(conn: Connection) -> None:
    """The team's secret that signs merchant workbooks exists before anyone exports one: a
    merchant manager, who sends the workbooks, may not write app_settings
    (docs/team-server.md, "Private columns")."""
    conn.exec_driver_sql(
        "INSERT INTO app_settings (uid, key, value_json, created_at, updated_at, version) "
        "VALUES (gen_random_uuid()::text, %(k)s, %(v)s, now() AT TIME ZONE 'UTC', "
        "now() AT TIME ZONE 'UTC', 1) ON CONFLICT (key) DO NOTHING",
        {"k": WORKBOOK_KEY, "v": f'"{secrets.token_hex(32)}"'})


def _merchant_views(conn: Connection, merchant_managers: str) -> list[str]:
    schema = MERCHANT_VIEW_SCHEMA
    sql = [f"CREATE SCHEMA IF NOT EXISTS {schema}",
           f"REVOKE ALL ON SCHEMA {schema} FROM PUBLIC",
           f"GRANT USAGE ON SCHEMA {schema} TO {merchant_managers}"]
    types: dict[str, str] = dict(conn.exec_driver_sql(
        "SELECT table_name || '.' || column_name, data_type FROM information_schema.columns"
        " WHERE table_schema = 'public'").all())
    for table, private in PRIVATE_COLUMNS.items():
        parts = []
        for column in _columns(conn, table):
            if column not in private:
                parts.append(column)
            elif types[f"{table}.{column}"] in ("text", "character varying"):
                parts.append(f"''::text AS {column}")
            else:
                parts.append(f"NULL::integer AS {column}")
        # security_invoker: the reader's own privileges and row-level security apply.
        sql += [
            f"DROP VIEW IF EXISTS {schema}.{table}",
            f"CREATE VIEW {schema}.{table} WITH (security_barrier, security_invoker) AS "
            f"SELECT {', '.join(parts)} FROM public.{table}",
            f"GRANT SELECT ON {schema}.{table} TO {merchant_managers}",
        ]
        if table in WRITABLE_VIEWS:
            sql += _view_writes(conn, table, [c for c in _columns(conn, table)
                                              if c not in private], merchant_managers)
    return sql


def _privacy_spans(conn: Connection, merchant_managers: str) -> list[str]:
    """The merchant managers may call the server's matcher of the private terms they cannot
    read (migration 0018; docs/team-server.md), and nothing else of its schema."""
    if not conn.exec_driver_sql(
        "SELECT 1 FROM pg_namespace WHERE nspname = %(s)s", {"s": PRIVACY_SCHEMA}).scalar():
        return []
    return [f"GRANT USAGE ON SCHEMA {PRIVACY_SCHEMA} TO {merchant_managers}",
            f"GRANT EXECUTE ON FUNCTION {PRIVACY_SCHEMA}.private_spans(text[])"
            f" TO {merchant_managers}"]


def _view_writes(conn: Connection, table: str, columns: list[str], grantee: str) -> list[str]:
    """INSERT and UPDATE on a merchant view go to the table, the private columns left to the
    server (its triggers fill who did it). The function runs as the caller (SECURITY INVOKER,
    the default): the caller's privileges and row-level security apply to the table."""
    schema = MERCHANT_VIEW_SCHEMA
    defaults = conn.exec_driver_sql(
        "SELECT a.attname, pg_get_expr(d.adbin, d.adrelid) FROM pg_attrdef d"
        " JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum"
        " WHERE d.adrelid = %(t)s::regclass", {"t": f"public.{table}"}).all()
    cols = ", ".join(columns)
    new = ", ".join(f"NEW.{c}" for c in columns)
    sets = ", ".join(f"{c} = NEW.{c}" for c in columns if c != "id")
    function = f"{schema}.{table}_write"
    sql = [
        # Omitted columns take the table's defaults (the sequence for id, a version of 1...).
        *(f"ALTER VIEW {schema}.{table} ALTER COLUMN {c} SET DEFAULT {expr}"
          for c, expr in defaults if c in columns),
        f"CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$\n"
        "BEGIN\n"
        "  IF TG_OP = 'INSERT' THEN\n"
        f"    INSERT INTO public.{table} ({cols}) VALUES ({new});\n"
        "  ELSE\n"
        f"    UPDATE public.{table} SET {sets} WHERE id = OLD.id;\n"
        "    IF NOT FOUND THEN RETURN NULL; END IF;\n"
        "  END IF;\n"
        "  RETURN NEW;\n"
        "END $$",
        f"GRANT INSERT, UPDATE ON {schema}.{table} TO {grantee}",
        f"REVOKE ALL ON FUNCTION {function}() FROM PUBLIC",
        f"GRANT EXECUTE ON FUNCTION {function}() TO {grantee}",
        f"CREATE TRIGGER {table}_write INSTEAD OF INSERT OR UPDATE ON {schema}.{table}"
        f" FOR EACH ROW EXECUTE FUNCTION {function}()",
    ]
    return sql


def _policies(q: dict[Role, str]) -> list[str]:
    managers = f"{q[Role.ADMIN]}, {q[Role.QUALITY_MANAGER]}"
    everyone = ", ".join(q.values())
    own = ("(inspector_id IS NULL OR inspector_id = inspector_user_id()"
           " OR created_by_id = inspector_user_id())")
    hidden = ", ".join(quote_literal(s) for s in HIDDEN_FROM_MERCHANT_MANAGERS)
    policies = {
        "purchases": [
            f"CREATE POLICY team_managers ON purchases TO {managers} USING (true)",
            f"CREATE POLICY team_inspector_own ON purchases TO {q[Role.INSPECTOR]} "
            f"USING {own} WITH CHECK {own}",
            f"CREATE POLICY team_merchant_manager ON purchases FOR SELECT "
            f"TO {q[Role.MERCHANT_MANAGER]} USING (status NOT IN ({hidden}))",
        ],
        "photos": [
            f"CREATE POLICY team_read ON photos FOR SELECT TO {everyone} USING (true)",
            f"CREATE POLICY team_recorders ON photos TO {managers}, {q[Role.INSPECTOR]} "
            "USING (true)",
            f"CREATE POLICY team_merchant_manager_add ON photos FOR INSERT "
            f"TO {q[Role.MERCHANT_MANAGER]} WITH CHECK (role = 'rectification')",
            f"CREATE POLICY team_merchant_manager_change ON photos FOR UPDATE "
            f"TO {q[Role.MERCHANT_MANAGER]} USING (role = 'rectification') "
            "WITH CHECK (role = 'rectification')",
        ],
    }
    sql: list[str] = []
    for table, creates in policies.items():
        sql.append(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        for create in creates:
            name = create.split()[2]
            sql += [f"DROP POLICY IF EXISTS {name} ON {table}", create]
    return sql


def create_login(conn: Connection, login: str, password: str, role: Role) -> None:
    """A LOGIN role with a SCRAM password, member of its group (same transaction as the
    users row that names it)."""
    conn.exec_driver_sql(
        f"CREATE ROLE {quote_ident(login)} LOGIN PASSWORD "
        f"{quote_literal(scram_verifier(password))}")
    set_login_role(conn, login, role, previous=None)


def set_login_role(conn: Connection, login: str, role: Role, previous: Role | None) -> None:
    """Move a login to another group; a merchant manager's login reads the views first."""
    prefix = current_prefix(conn)
    ident = quote_ident(login)
    if previous is not None:
        conn.exec_driver_sql(f"REVOKE {quote_ident(group_role(prefix, previous))} FROM {ident}")
    conn.exec_driver_sql(f"GRANT {quote_ident(group_role(prefix, role))} TO {ident}")
    # Admins create and change logins from the application (`team add-user`, Settings).
    conn.exec_driver_sql(
        f"ALTER ROLE {ident} {'CREATEROLE' if role == Role.ADMIN else 'NOCREATEROLE'}")
    if role == Role.MERCHANT_MANAGER:
        conn.exec_driver_sql(
            f"ALTER ROLE {ident} SET search_path = {MERCHANT_VIEW_SCHEMA}, public")
    else:
        conn.exec_driver_sql(f"ALTER ROLE {ident} RESET search_path")


def set_login_enabled(conn: Connection, login: str, enabled: bool) -> None:
    conn.exec_driver_sql(f"ALTER ROLE {quote_ident(login)} {'LOGIN' if enabled else 'NOLOGIN'}")


def set_login_password(conn: Connection, login: str, password: str) -> None:
    conn.exec_driver_sql(
        f"ALTER ROLE {quote_ident(login)} PASSWORD {quote_literal(scram_verifier(password))}")


def login_exists(conn: Connection, login: str) -> bool:
    return bool(conn.exec_driver_sql(
        "SELECT 1 FROM pg_roles WHERE rolname = %(n)s", {"n": login}).scalar())
