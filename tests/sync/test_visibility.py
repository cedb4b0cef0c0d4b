"""Rows that stop being visible to a login leave its laptop at the next pull (row-level
security hides a planned purchase once another inspector claims it), unless the laptop
holds unsent changes to them: then they stay and the sync names them. A row missing from
the laptop that the login does see comes back. Two inspectors, real PostgreSQL."""

from __future__ import annotations

from sqlalchemy import select, text

from inspector_app.db.models import Finding, Purchase, SyncOutbox
from inspector_app.domain.enums import Role
from inspector_app.services import findings, merchants, purchases
from inspector_app.services.sync.binding import set_applying
from tests.services.builders import received_input
from tests.sync.conftest import join, sync


def _orders(ctx) -> set[str]:
    with ctx.db.read() as s:
        return set(s.scalars(select(Purchase.order_number).where(
            Purchase.order_number.like("VIS-%"))))


def _titles(ctx) -> set[str]:
    with ctx.db.read() as s:
        return set(s.scalars(select(Finding.title).where(Finding.title.like("可见%"))))


def test_rows_claimed_by_another_inspector_leave_the_laptop_unless_changed_there(
        team_server, tmp_path):
    qm = team_server.context(team_server.login_url(Role.QUALITY_MANAGER), tmp_path / "qm")
    shop = merchants.create_merchant(qm, "VIS-1", "可见商店")
    # Unclaimed purchases (no inspector): every inspector sees them.
    made = {i: purchases.create_purchase(qm, received_input(shop.id, order_number=f"VIS-{i}"))
            for i in range(3)}
    for i in (0, 1):
        findings.add_finding(qm, made[i].id, findings.FindingInput(
            "product_quality", "minor", f"可见 {i}"))
    ian = join(team_server, team_server.second_inspector, tmp_path / "ian")
    assert _orders(ian) == {"VIS-0", "VIS-1", "VIS-2"}
    assert _titles(ian) == {"可见 0", "可见 1"}
    # Offline, Ian edits VIS-1's finding; meanwhile Ivy claims VIS-0 and VIS-1 on the server.
    with ian.db.write() as s:
        s.execute(select(Finding).where(Finding.title == "可见 1")).scalar_one().description = (
            "伊恩的离线记录")
    team_server.sql(Role.QUALITY_MANAGER,
                    "UPDATE purchases SET inspector_id = (SELECT id FROM users WHERE login = %s)"
                    " WHERE order_number IN ('VIS-0', 'VIS-1')", (team_server.logins[
                        Role.INSPECTOR],))
    report = sync(ian)
    # VIS-0 and its finding left the laptop; Ian's finding stays (named) with VIS-1 under it.
    assert _orders(ian) == {"VIS-1", "VIS-2"}
    assert _titles(ian) == {"可见 1"}
    assert report.removed == 2
    assert len(report.kept) == 1 and "findings 可见 1" in report.kept[0], report.kept
    assert any("可见 1" in r for r in report.refused), report.refused
    with ian.db.read() as s:
        assert s.scalar(select(Finding.description).where(Finding.title == "可见 1")) == (
            "伊恩的离线记录")
        assert s.scalar(select(SyncOutbox.row_uid).where(
            SyncOutbox.table_name == "findings")) is not None
    # The next sync removes and transfers nothing more; VIS-0 does not come back.
    again = sync(ian)
    assert (again.pushed, again.pulled, again.removed) == (0, 0, 0)
    assert _orders(ian) == {"VIS-1", "VIS-2"}
    # Ivy's own laptop sees both claimed purchases.
    ivy = join(team_server, team_server.logins[Role.INSPECTOR], tmp_path / "ivy")
    assert {"VIS-0", "VIS-1"} <= _orders(ivy)


def test_a_visible_row_missing_from_the_laptop_comes_back(team_server, tmp_path):
    qm = team_server.context(team_server.login_url(Role.QUALITY_MANAGER), tmp_path / "qm")
    shop = merchants.create_merchant(qm, "VIS-2", "回来商店")
    p = purchases.create_purchase(qm, received_input(shop.id, order_number="VIS-back"))
    findings.add_finding(qm, p.id, findings.FindingInput("product_quality", "minor", "可见 回"))
    ian = join(team_server, team_server.second_inspector, tmp_path / "ian")
    with ian.db.write() as s:  # gone from the laptop without a change to send
        set_applying(s.connection(), True)
        s.execute(text("DELETE FROM findings WHERE title = '可见 回'"))
        s.execute(text("DELETE FROM purchases WHERE order_number = 'VIS-back'"))
        set_applying(s.connection(), False)
    assert "VIS-back" not in _orders(ian)
    # Compared when something they hang on changed (docs/sync.md, "Visibility").
    team_server.sql(Role.QUALITY_MANAGER,
                    "UPDATE merchants SET name = '回来商店二', version = version + 1 "
                    "WHERE shop_id = 'VIS-2'")
    report = sync(ian)
    assert report.pulled == 3 and report.removed == 0  # the merchant, and both rows
    assert "VIS-back" in _orders(ian) and "可见 回" in _titles(ian)
    assert sync(ian).transferred == 0


def test_a_purchase_hidden_from_merchant_managers_leaves_their_laptop(team_server, tmp_path):
    """A merchant manager reads purchases through the merchant views, without planned or
    ordered ones: a purchase set back to ordered on the server leaves the laptop, with
    its findings."""
    qm = team_server.context(team_server.login_url(Role.QUALITY_MANAGER), tmp_path / "qm")
    shop = merchants.create_merchant(qm, "VIS-3", "经理商店")
    p = purchases.create_purchase(qm, received_input(shop.id, order_number="VIS-mm"))
    findings.add_finding(qm, p.id, findings.FindingInput("product_quality", "minor", "可见 经理"))
    mia = join(team_server, team_server.logins[Role.MERCHANT_MANAGER], tmp_path / "mia")
    assert "VIS-mm" in _orders(mia) and "可见 经理" in _titles(mia)
    team_server.sql(Role.QUALITY_MANAGER,
                    "UPDATE purchases SET status = 'ordered' WHERE order_number = 'VIS-mm'")
    report = sync(mia)
    assert report.removed == 2 and report.kept == [] and report.refused == []
    assert "VIS-mm" not in _orders(mia) and "可见 经理" not in _titles(mia)
    assert sync(mia).transferred == 0
