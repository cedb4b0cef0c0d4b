"""A merchant added on a laptop copy while logging a purchase offline (README: merchants and
products added while logging work offline) reaches the server with its purchase at the next
sync; one whose status was set to anything but active by hand is refused, named. Real
server, real SQLite copy; one merchant goes by the record-by-record path (fewer than
push_bulk.MIN_BULK), several by the bulk path, and both give the same answer."""

from __future__ import annotations

import sqlite3

import pytest

from inspector_app.domain.enums import Role
from inspector_app.services import merchants, purchases
from inspector_app.services.sync.push_bulk import MIN_BULK
from tests.services.builders import received_input
from tests.sync.conftest import cli, join, sync


@pytest.mark.parametrize("count", [1, MIN_BULK + 2])
def test_merchants_added_offline_sync_with_their_purchases(team_server, tmp_path, count):
    laptop = join(team_server, team_server.logins[Role.INSPECTOR], tmp_path / "laptop")
    made = []
    for i in range(count):
        shop = merchants.create_merchant(laptop, f"OFFLINE-{count}-{i}", f"离线新店 {i}")
        purchases.create_purchase(laptop, received_input(
            shop.id, inspector_id=laptop.actor.id, order_number=f"OFF-{count}-{i}"))
        made.append(shop)
    report = sync(laptop)
    assert report.refused == [] and report.pending == 0, report.refused
    qm = team_server.context(team_server.login_url(Role.QUALITY_MANAGER), tmp_path / "qm")
    for shop in made:
        there = merchants.find_by_shop_id(qm, shop.shop_id)
        assert there.name == shop.name and there.status == "active"
    assert sync(laptop).pushed == 0


def test_a_merchant_put_on_watch_by_hand_offline_is_refused_naming_it(team_server, tmp_path):
    """Refused with its purchase; once the merchant is put right, the next sync sends both
    (the purchase, refused for its missing merchant and not edited since, goes again)."""
    laptop = join(team_server, team_server.logins[Role.INSPECTOR], tmp_path / "laptop")
    shop = merchants.create_merchant(laptop, "OFFLINE-WATCH", "手改状态的店")
    purchases.create_purchase(laptop, received_input(
        shop.id, inspector_id=laptop.actor.id, order_number="OFF-WATCH-1"))
    with sqlite3.connect(laptop.db.sqlite_path) as conn:  # as with the sqlite3 shell
        conn.execute("UPDATE merchants SET status = 'watch' WHERE shop_id = 'OFFLINE-WATCH'")
    report = sync(laptop)
    assert len(report.refused) == 2 and report.pending == 2
    assert "手改状态的店" in report.refused[0] and "status" in report.refused[0]
    assert "OFF-WATCH-1" in report.refused[1]
    assert len(sync(laptop).refused) == 2  # still refused, named again, nothing applied
    said = cli("sync", data_dir=tmp_path / "laptop")
    assert said.returncode == 1 and "2 refused by the server" in said.stdout, said.stdout
    assert "手改状态的店" in said.stderr
    with sqlite3.connect(laptop.db.sqlite_path) as conn:
        conn.execute("UPDATE merchants SET status = 'active' WHERE shop_id = 'OFFLINE-WATCH'")
    report = sync(laptop)
    assert report.refused == [] and report.pending == 0 and report.pushed == 2
    qm = team_server.context(team_server.login_url(Role.QUALITY_MANAGER), tmp_path / "qm")
    assert merchants.find_by_shop_id(qm, "OFFLINE-WATCH").status == "active"
