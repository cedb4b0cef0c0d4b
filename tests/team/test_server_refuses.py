"""Plain SQL as each role's login: what the team server itself refuses (db/team.py).

No service is in the way here: these are the statements a modified client or psql could
send, and PostgreSQL refuses every one of them.
"""

from __future__ import annotations

import psycopg
import pytest

from inspector_app.domain.enums import PurchaseStatus, Role
from inspector_app.services import cases, findings, merchants, purchases
from tests.services.builders import received_input
from tests.team.conftest import PASSWORD

Denied = psycopg.errors.InsufficientPrivilege


@pytest.fixture(scope="module")
def data(team_server, tmp_path_factory):
    """A merchant, a received purchase of Ivy's with a finding in an open case, and a
    planned purchase of Ian's; made through the services as the logins themselves."""
    tmp = tmp_path_factory.mktemp("data")
    qm = team_server.context(team_server.login_url(Role.QUALITY_MANAGER), tmp)
    ivy = team_server.context(team_server.login_url(Role.INSPECTOR), tmp)
    ian = team_server.context(team_server.url(team_server.second_inspector), tmp)
    m = merchants.create_merchant(qm, "TEAM-1", "优品旗舰店")
    p = purchases.create_purchase(ivy, received_input(
        m.id, buyer_alias="buyer-77", delivery_address="杭州市一号路", notes="private note",
        inspector_id=ivy.actor.id))
    f = findings.add_finding(ivy, p.id, findings.FindingInput("product_quality", "major", "领口开线"))
    k = cases.open_case(qm, [f.id])
    planned = purchases.create_purchase(ian, received_input(
        m.id, status=PurchaseStatus.PLANNED, ordered_at=None, received_at=None,
        inspector_id=ian.actor.id, buyer_alias="ian-buyer"))
    return {"merchant": m, "purchase": p, "finding": f, "case": k, "planned": planned,
            "ivy": ivy.actor, "ian": ian.actor}


def test_a_merchant_manager_cannot_select_buyer_columns(team_server, data):
    for column in ("buyer_alias", "delivery_address", "notes", "inspector_id", "created_by_id"):
        with pytest.raises(Denied, match="permission denied for table purchases"):
            team_server.sql(Role.MERCHANT_MANAGER, f"SELECT {column} FROM public.purchases")
    with pytest.raises(Denied):
        team_server.sql(Role.MERCHANT_MANAGER, "SELECT * FROM public.purchases")
    with pytest.raises(Denied):
        team_server.sql(Role.MERCHANT_MANAGER, "SELECT created_by_id FROM public.findings")
    # Its search_path reads the views instead: the same query, the private columns blank.
    rows = team_server.sql(
        Role.MERCHANT_MANAGER,
        "SELECT order_number, buyer_alias, delivery_address, notes, inspector_id FROM purchases")
    assert rows == [(data["purchase"].order_number, "", "", "", None)]
    # A quality manager reads them.
    assert team_server.sql(Role.QUALITY_MANAGER, "SELECT buyer_alias FROM purchases"
                           " WHERE id = %s", (data["purchase"].id,)) == [("buyer-77",)]


def test_nobody_may_update_or_delete_case_events_or_status_history(team_server, data):
    for role in Role:
        for statement in ("UPDATE case_events SET note = 'rewritten'", "DELETE FROM case_events",
                          "UPDATE merchant_status_changes SET reason = 'x'",
                          "DELETE FROM merchant_status_changes", "TRUNCATE case_events"):
            with pytest.raises(Denied):
                team_server.sql(role, statement)


def test_no_login_may_set_role_to_a_more_powerful_one(team_server, data):
    admin_group = f"{team_server.name}_admin"
    qm_group = f"{team_server.name}_quality_manager"
    for role in (Role.INSPECTOR, Role.MERCHANT_MANAGER, Role.QUALITY_MANAGER):
        for target in (admin_group, team_server.logins[Role.ADMIN]):
            with pytest.raises(Denied, match="permission denied to set role"):
                team_server.sql(role, f'SET ROLE "{target}"')
    with pytest.raises(Denied):
        team_server.sql(Role.INSPECTOR, f'SET ROLE "{qm_group}"')
    with pytest.raises(Denied):  # only a superuser changes the session's user
        team_server.sql(Role.INSPECTOR, f'SET SESSION AUTHORIZATION "{admin_group}"')


def test_a_forged_created_by_is_overwritten_by_the_server(team_server, data):
    admin_id = team_server.sql(Role.ADMIN, "SELECT inspector_user_id()")[0][0]
    ivy_id = data["ivy"].id
    rows = team_server.sql(
        Role.INSPECTOR,
        "INSERT INTO findings (purchase_id, category, severity, title, description, expected,"
        " observed, rule_ref, uid, created_at, updated_at, created_by_id)"
        " VALUES (%s, 'other', 'minor', 'forged', '', '', '', '', gen_random_uuid()::text,"
        " now(), now(), %s) RETURNING created_by_id",
        (data["purchase"].id, admin_id))
    assert rows == [(ivy_id,)]
    # Nor can it be changed afterwards, nor hidden behind a SET ROLE to the group.
    team_server.sql(Role.INSPECTOR,
                    "UPDATE findings SET created_by_id = %s WHERE title = 'forged'", (admin_id,),
                    before=f'SET ROLE "{team_server.name}_inspector"')
    assert team_server.sql(Role.QUALITY_MANAGER, "SELECT created_by_id FROM findings"
                           " WHERE title = 'forged'") == [(ivy_id,)]
    # A case event names the login's user, whatever actor the client sends.
    mia_id = team_server.sql(Role.MERCHANT_MANAGER, "SELECT inspector_user_id()")[0][0]
    rows = team_server.sql(
        Role.MERCHANT_MANAGER,
        "INSERT INTO case_events (case_id, actor_id, at, kind, note, uid, created_at,"
        " updated_at) VALUES (%s, %s, now(), 'note', 'forged', gen_random_uuid()::text, now(),"
        " now()) RETURNING actor_id, created_by_id", (data["case"].id, admin_id))
    assert rows == [(mia_id, mia_id)]


def test_row_level_security_hides_other_rows(team_server, data):
    planned, mine = data["planned"].id, data["purchase"].id
    # Ivy does not see Ian's purchase (its buyer alias, its address), nor change it.
    ids = {r[0] for r in team_server.sql(Role.INSPECTOR, "SELECT id FROM purchases")}
    assert mine in ids and planned not in ids
    assert team_server.sql(Role.INSPECTOR, "UPDATE purchases SET notes = 'x' WHERE id = %s",
                           (planned,)) == 0
    assert {r[0] for r in team_server.sql(team_server.second_inspector,
                                          "SELECT id FROM purchases")} >= {planned}
    # A merchant manager never sees a purchase that is only planned or ordered.
    ids = {r[0] for r in team_server.sql(Role.MERCHANT_MANAGER, "SELECT id FROM purchases")}
    assert mine in ids and planned not in ids
    # Managers see everything.
    ids = {r[0] for r in team_server.sql(Role.QUALITY_MANAGER, "SELECT id FROM purchases")}
    assert {mine, planned} <= ids


def test_roles_cannot_change_what_is_not_theirs(team_server, data):
    case_id, merchant_id = data["case"].id, data["merchant"].id
    with pytest.raises(Denied):  # an inspector cannot move a case
        team_server.sql(Role.INSPECTOR, "UPDATE rectification_cases SET status = 'closed'"
                        " WHERE id = %s", (case_id,))
    with pytest.raises(Denied):  # nor change a merchant's status
        team_server.sql(Role.INSPECTOR, "UPDATE merchants SET status = 'eliminated'"
                        " WHERE id = %s", (merchant_id,))
    with pytest.raises(Denied):
        team_server.sql(Role.INSPECTOR, "INSERT INTO merchant_status_changes (merchant_id,"
                        " to_status, reason, changed_at, uid, created_at, updated_at)"
                        " VALUES (%s, 'eliminated', '', now(), 'x', now(), now())", (merchant_id,))
    for table in ("purchases", "findings"):  # a merchant manager changes no inspection record
        with pytest.raises(Denied):
            team_server.sql(Role.MERCHANT_MANAGER, f"UPDATE public.{table} SET deleted_at = now()")
    with pytest.raises(psycopg.errors.InsufficientPrivilege):  # only rectification photos
        team_server.sql(
            Role.MERCHANT_MANAGER,
            "INSERT INTO photos (sha256, original_name, media_type, byte_size, width, height,"
            " caption, role, annotations_json, purchase_id, uid, created_at, updated_at)"
            " VALUES (repeat('a', 64), 'x.jpg', 'image/jpeg', 1, 1, 1, '', 'evidence', '[]', %s,"
            " 'p1', now(), now())", (data["purchase"].id,))
    with pytest.raises(Denied):  # users are the administrators' business
        team_server.sql(Role.QUALITY_MANAGER, "UPDATE users SET role = 'admin'")


def test_deactivating_disables_the_login_and_a_new_role_changes_the_grant(
        team_server, data, tmp_path):
    from inspector_app.services import team, users

    admin = team_server.context(team_server.login_url(Role.ADMIN), tmp_path)
    login = f"{team_server.name}_tom"
    tom = team.add_team_user(admin, "Tom Temp", Role.INSPECTOR, login, PASSWORD)
    with pytest.raises(Denied):
        team_server.sql(login, "UPDATE rectification_cases SET summary = 'x'")
    users.set_role(admin, tom.id, Role.QUALITY_MANAGER)
    assert team_server.sql(login, "UPDATE rectification_cases SET summary = summary") >= 1
    users.deactivate(admin, tom.id)
    with pytest.raises(psycopg.OperationalError, match="not permitted to log in"):
        team_server.sql(login, "SELECT 1")


def test_a_merchant_manager_cannot_read_sampling_plans_or_who_recorded(team_server, data):
    """Plans and picks name the next purchases; who recorded, changed or deleted a purchase,
    finding or photo names an inspector. None of it reaches a merchant manager's login."""
    for table in ("sampling_plans", "sampling_picks"):
        for name in (table, f"public.{table}"):
            with pytest.raises(Denied, match=f"permission denied for table {table}"):
                team_server.sql(Role.MERCHANT_MANAGER, f"SELECT count(*) FROM {name}")
        assert team_server.sql(Role.INSPECTOR, f"SELECT count(*) FROM {table}") == [(0,)]
    for table in ("purchases", "findings", "photos"):
        for column in ("created_by_id", "updated_by_id", "deleted_by_id"):
            with pytest.raises(Denied, match=f"permission denied for table {table}"):
                team_server.sql(Role.MERCHANT_MANAGER, f"SELECT {column} FROM public.{table}")


def test_a_merchant_manager_adds_rectification_photos_through_the_view(team_server, data):
    """The merchant manager's `photos` is the view: an INSERT and an UPDATE reach the table
    (as the login: row-level security applies), the server fills who did it, the view keeps
    it blank."""
    insert = ("INSERT INTO photos (sha256, original_name, media_type, byte_size, width, height,"
              " caption, role, annotations_json, case_id, uid, created_at, updated_at,"
              " created_by_id) VALUES (repeat('b', 64), 'fix.jpg', 'image/jpeg', 1, 1, 1, '',"
              " 'rectification', '[]', %s, %s, now(), now(), 1) RETURNING id, version")
    [(photo_id, version)] = team_server.sql(Role.MERCHANT_MANAGER, insert,
                                            (data["case"].id, "mm-photo-1"))
    assert version == 1
    mia = team_server.sql(Role.MERCHANT_MANAGER, "SELECT inspector_user_id()")[0][0]
    who = "SELECT created_by_id, updated_by_id, caption FROM photos WHERE id = %s"
    assert team_server.sql(Role.MERCHANT_MANAGER, who, (photo_id,)) == [(None, None, "")]
    assert team_server.sql(Role.MERCHANT_MANAGER, "UPDATE photos SET caption = 'after',"
                           " version = version + 1 WHERE id = %s", (photo_id,)) == 1
    assert team_server.sql(Role.QUALITY_MANAGER, who, (photo_id,)) == [(mia, mia, "after")]
    # An evidence photo stays out of reach through the view as through the table.
    evidence = team_server.sql(Role.QUALITY_MANAGER, "SELECT id FROM photos WHERE role ="
                               " 'evidence' LIMIT 1")
    if evidence:
        assert team_server.sql(Role.MERCHANT_MANAGER, "UPDATE photos SET caption = 'x'"
                               " WHERE id = %s", (evidence[0][0],)) == 0
    with pytest.raises(Denied):
        team_server.sql(Role.MERCHANT_MANAGER, "DELETE FROM photos WHERE id = %s", (photo_id,))


def test_an_upgrade_takes_the_old_grants_back(team_server, data):
    """A team database set up before revision 0012 let merchant managers read plans and who
    photographed: upgrading it (as the owner) applies the team's security again."""
    from alembic.script import ScriptDirectory

    from inspector_app.db import migrate
    from inspector_app.db.engine import Database

    script = ScriptDirectory.from_config(migrate.alembic_config())
    before = script.get_revision("0012").down_revision  # the head without revision 0012
    group = f'"{team_server.name}_merchant_manager"'
    with psycopg.connect(team_server.owner_url.replace("+psycopg", ""), autocommit=True) as c:
        c.execute(f"GRANT SELECT ON sampling_plans, sampling_picks, photos TO {group}")
        c.execute("UPDATE alembic_version SET version_num = %s", (before,))
    assert team_server.sql(Role.MERCHANT_MANAGER, "SELECT count(*) FROM public.sampling_picks")
    db = Database(team_server.owner_url)
    try:
        migrate.upgrade(db, None)
        assert migrate.current_revision(db) == migrate.head_revision()
    finally:
        db.dispose()
    for sql in ("SELECT count(*) FROM public.sampling_picks",
                "SELECT created_by_id FROM public.photos"):
        with pytest.raises(Denied):
            team_server.sql(Role.MERCHANT_MANAGER, sql)
