"""A laptop copy edited by hand (sqlite3 shell) cannot write what its login may not: the
server refuses each change at sync and names the record; nothing of it is applied."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import select

from inspector_app.db.models import Purchase, RectificationCase
from inspector_app.domain.enums import Role
from inspector_app.domain.errors import ValidationError
from inspector_app.services import cases, findings, merchants, purchases
from tests.services.builders import received_input
from tests.sync.conftest import cli, join, server_address, sync


@pytest.fixture(scope="module")
def world(team_server, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("tamper")
    qm = team_server.context(team_server.login_url(Role.QUALITY_MANAGER), tmp / "qm")
    ivy = team_server.context(team_server.login_url(Role.INSPECTOR), tmp / "ivy")
    shop = merchants.create_merchant(qm, "TAMPER-1", "篡改商店")
    p = purchases.create_purchase(ivy, received_input(shop.id, inspector_id=ivy.actor.id,
                                                      order_number="TAMPER-ORDER-1"))
    f = findings.add_finding(ivy, p.id, findings.FindingInput("packaging_damage", "minor", "标签错误"))
    case = cases.open_case(qm, [f.id])
    return {"qm": qm, "ivy": ivy, "purchase": p, "case": case, "tmp": tmp}


def _edit(ctx, sql: str, *params) -> None:
    """A hand edit of the replica file, as with the sqlite3 shell (the triggers track it)."""
    with sqlite3.connect(ctx.db.sqlite_path) as conn:
        conn.execute(sql, params)


def test_an_inspector_moving_a_case_by_hand_is_refused_naming_it(team_server, world):
    laptop = join(team_server, team_server.logins[Role.INSPECTOR], world["tmp"] / "a")
    number = world["case"].case_number
    with pytest.raises(ValidationError, match="needs the team server"):
        cases.advance(laptop, number, "notified")  # the services refuse it offline
    _edit(laptop, "UPDATE rectification_cases SET status = 'closed' WHERE case_number = ?",
          number)
    report = sync(laptop)
    assert len(report.refused) == 1 and number in report.refused[0]
    assert "status" in report.refused[0]
    assert cases.get_case(world["qm"], number).status == "open"
    assert sync(laptop).refused == report.refused  # still named, not retried until edited


def test_a_forged_created_by_is_refused(team_server, world):
    laptop = join(team_server, team_server.logins[Role.INSPECTOR], world["tmp"] / "b")
    with laptop.db.read() as s:
        quinn = s.scalar(select(Purchase.id).where(Purchase.order_number == "TAMPER-ORDER-1"))
    shop_id = merchants.search_merchants(laptop, "TAMPER-1")[0].id
    p = purchases.create_purchase(laptop, received_input(
        shop_id, inspector_id=laptop.actor.id, order_number="FORGED-1"))
    for i in range(9):  # honest ones in the same batch still arrive (push_bulk falls back)
        purchases.create_purchase(laptop, received_input(
            shop_id, inspector_id=laptop.actor.id, order_number=f"HONEST-{i}"))
    _edit(laptop, "UPDATE purchases SET created_by_id = (SELECT id FROM users WHERE "
          "display_name = 'Quinn Manager') WHERE id = ?", p.id)
    report = sync(laptop)
    assert len(report.refused) == 1 and "FORGED-1" in report.refused[0]
    assert "created_by_id" in report.refused[0] and report.pushed == 9
    with world["qm"].db.read() as s:
        assert s.scalar(select(Purchase.id).where(Purchase.order_number == "FORGED-1")) is None
    assert quinn is not None


def test_a_private_column_set_on_a_merchant_managers_copy_is_refused(team_server, world):
    laptop = join(team_server, team_server.logins[Role.MERCHANT_MANAGER], world["tmp"] / "c")
    with laptop.db.read() as s:  # the server never sent the private columns
        row = s.execute(select(Purchase.buyer_alias, Purchase.delivery_address,
                               Purchase.inspector_id)
                        .where(Purchase.order_number == "TAMPER-ORDER-1")).one()
    assert tuple(row) == ("", "", None)
    _edit(laptop, "UPDATE purchases SET buyer_alias = 'leaked' WHERE order_number = ?",
          "TAMPER-ORDER-1")
    report = sync(laptop)
    assert len(report.refused) == 1 and "TAMPER-ORDER-1" in report.refused[0]
    with world["ivy"].db.read() as s:
        assert s.scalar(select(Purchase.buyer_alias).where(
            Purchase.order_number == "TAMPER-ORDER-1")) == "buyer-77"


def test_a_case_inserted_by_hand_is_refused(team_server, world):
    laptop = join(team_server, team_server.logins[Role.QUALITY_MANAGER], world["tmp"] / "d")
    with pytest.raises(ValidationError, match="needs the team server"):
        cases.open_case(laptop, [])
    _edit(laptop, "INSERT INTO rectification_cases (uid, case_number, year, sequence, "
          "merchant_id, status, summary, response_text, root_cause, corrective_action, "
          "preventive_action, verification_note, status_reason, created_at, updated_at, "
          "version) SELECT 'aaaaaaaa-0000-0000-0000-000000000001', 'RC-2026-9999', 2026, 9999,"
          " id, 'open', '', '', '', '', '', '', '', '2026-06-17 02:00:00', "
          "'2026-06-17 02:00:00', 1 FROM merchants WHERE shop_id = 'TAMPER-1'")
    report = sync(laptop)
    assert len(report.refused) == 1 and "RC-2026-9999" in report.refused[0]
    with world["qm"].db.read() as s:
        assert s.scalar(select(RectificationCase.id).where(
            RectificationCase.case_number == "RC-2026-9999")) is None


def test_join_and_sync_on_the_command_line(team_server, world):
    folder = world["tmp"] / "cli"
    bad = cli("team", "join", server_address(team_server), "--login",
              team_server.logins[Role.INSPECTOR], data_dir=folder, stdin="wrong-password\n")
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1, bad.stderr
    ok = cli("team", "join", server_address(team_server), "--login",
             team_server.logins[Role.INSPECTOR], data_dir=folder)
    assert ok.returncode == 0, ok.stderr
    listed = cli("purchases", "--json", data_dir=folder)
    assert listed.returncode == 0 and "TAMPER-ORDER-1" in listed.stdout, listed.stderr
    moved = cli("case", "advance", world["case"].case_number, "--to", "notified",
                data_dir=folder)
    assert moved.returncode == 2 and "needs the team server" in moved.stderr
    first = cli("sync", "--json", data_dir=folder)
    assert first.returncode == 0, first.stderr
    assert '"pushed": 0' in first.stdout and '"pulled": 0' in first.stdout
