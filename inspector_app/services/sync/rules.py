"""What a pushed change may do, checked on the server's side before it is applied.

PostgreSQL refuses most of it again (grants, column privileges, row-level security,
docs/team-server.md); these rules give the sentence and cover what only the services know:
cases are opened, moved and numbered only on the server, a merchant's status is changed
only there, and nobody pushes a row as someone else. docs/sync.md, "Push" and "Rules".
"""

from __future__ import annotations

from inspector_app.db.team import PRIVATE_COLUMNS
from inspector_app.domain.enums import Role
from inspector_app.domain.messages import t
from inspector_app.services.sync.tables import table as table_of
from inspector_app.services.sync.tables import wire_columns

#: Tables a replica may push changes of.
PUSHABLE = ("merchants", "brands", "products", "purchases", "findings", "photos",
            "rectification_cases", "case_events")
#: What a pushed case may change: the merchant's response and the team's summary.
CASE_FIELDS = ("response_text", "root_cause", "corrective_action", "preventive_action",
               "response_date", "summary", "updated_at")
#: Columns naming who did something: a pushed row may only name its own login's user.
WHO_COLUMNS = ("created_by_id", "deleted_by_id", "actor_id")


class Refused(Exception):
    """The server would not apply a pushed change; the message names why."""


def check(role: Role, user_uid: str, table: str, new: dict, server: dict | None,
          changed: set[str]) -> None:
    """Raise Refused when the change `new` (wire form) of `table` may not be pushed.

    `server` is the server's row (wire form) or None for a new row; `changed` the columns
    that differ from it."""
    if table not in PUSHABLE:
        raise Refused(t("changes to {table} are made on the team server only", table=table))
    if table == "rectification_cases":
        if server is None:
            raise Refused(t("cases are opened and numbered on the team server only"))
        moved = sorted(changed - set(CASE_FIELDS))
        if moved:
            raise Refused(t("a case's {columns} is changed on the team server only "
                            "(moving a case needs the server)", columns=", ".join(moved)))
    # A new merchant comes as "active" (every column of a new row differs from nothing);
    # an existing one keeps the server's status.
    if table == "merchants" and (new.get("status") != "active" if server is None
                                 else "status" in changed):
        raise Refused(t("a merchant's status is changed on the team server only"))
    for column in WHO_COLUMNS:
        if column not in new:
            continue
        if server is None and new[column] not in (None, user_uid):
            raise Refused(t("{column} names another user than this login's", column=column))
        if server is not None and column in changed and (
                column == "created_by_id" or new[column] not in (None, user_uid)):
            raise Refused(t("{column} names another user than this login's", column=column))
    if role == Role.MERCHANT_MANAGER:
        # Who did it is checked above (the login's own user, or nothing) and filled by the
        # server; the other private columns a merchant manager may not set at all.
        private = sorted(changed & (set(PRIVATE_COLUMNS.get(table, ())) - set(WHO_COLUMNS)
                                    - {"updated_by_id"}))
        if private:
            raise Refused(t("a merchant manager may not set {columns}",
                            columns=", ".join(private)))


def bulk_refusal_sql(role: Role, table: str) -> str | None:
    """`check` for new rows of `table`, as a PostgreSQL condition on a staged row's
    `s.payload` (jsonb) and the login's user uid `:me`: true for a row `check` refuses.
    None: `check` refuses every new row of `table`. Kept beside `check`, which names the
    refused record when the bulk path leaves the batch to it."""
    if table not in PUSHABLE or table == "rectification_cases":
        return None
    columns = {c.name for c in wire_columns(table_of(table))}
    if role == Role.MERCHANT_MANAGER and columns & (
            set(PRIVATE_COLUMNS.get(table, ())) - set(WHO_COLUMNS) - {"updated_by_id"}):
        return None
    conditions = [f"(s.payload->>'{c}' IS NOT NULL AND s.payload->>'{c}' <> :me)"
                  for c in WHO_COLUMNS if c in columns]
    if table == "merchants":
        conditions.append("coalesce(s.payload->>'status', '') <> 'active'")
    return " OR ".join(conditions) or "false"
