"""Two laptops and a team server: offline work on the same merchant arrives once, the
same finding edited on both keeps both texts, and a second sync transfers nothing."""

from __future__ import annotations

from sqlalchemy import func, select

from inspector_app.db.models import Finding, Purchase, SyncConflict
from inspector_app.domain.enums import Role
from inspector_app.services import findings, merchants, purchases
from inspector_app.services.sync import conflicts
from tests.services.builders import received_input
from tests.sync.conftest import join, sync


def _count(ctx, model, *where) -> int:
    with ctx.db.read() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where))


def test_both_laptops_work_offline_and_every_record_arrives_once(team_server, tmp_path):
    qm = team_server.context(team_server.login_url(Role.QUALITY_MANAGER), tmp_path / "qm")
    shop = merchants.create_merchant(qm, "SYNC-1", "同步商店")
    a = join(team_server, team_server.logins[Role.INSPECTOR], tmp_path / "a")
    b = join(team_server, team_server.second_inspector, tmp_path / "b")
    for ctx, name in ((a, "a"), (b, "b")):
        (m_id,) = [m.id for m in merchants.search_merchants(ctx, "SYNC-1")]
        for i in range(3):
            p = purchases.create_purchase(ctx, received_input(
                m_id, inspector_id=ctx.actor.id, order_number=f"SYNC-{name}-{i}"))
            findings.add_finding(ctx, p.id, findings.FindingInput(
                "product_quality", "major", f"划痕 {name}{i}", description="离线记录"))
    first_a, first_b = sync(a), sync(b)
    assert first_a.refused == [] and first_b.refused == []
    assert (first_a.pushed, first_b.pushed) == (6, 6)
    server_purchases = _count(qm, Purchase, Purchase.merchant_id == shop.id)
    assert server_purchases == 6
    assert _count(qm, Finding, Finding.title.like("划痕 %")) == 6
    # a pulls b's work (an inspector sees own and unclaimed purchases only: b's are b's).
    again_a = sync(a)
    again_b = sync(b)
    assert again_a.transferred == 0 and again_b.transferred == 0
    assert _count(qm, Purchase, Purchase.merchant_id == shop.id) == 6
    # A deletion travels as a soft delete, recorded by the server as the login's.
    with a.db.read() as s:
        gone_id, gone_uid = s.execute(select(Finding.id, Finding.uid)
                                      .where(Finding.title == "划痕 a0")).one()
    findings.delete_finding(a, gone_id)
    assert sync(a).pushed == 1
    with qm.db.read() as s:
        deleted_at, deleted_by = s.execute(select(Finding.deleted_at, Finding.deleted_by_id)
                                           .where(Finding.uid == gone_uid)).one()
    assert deleted_at is not None
    assert deleted_by == team_server.context(team_server.login_url(Role.INSPECTOR),
                                             tmp_path / "ivy").actor.id


def test_the_same_finding_edited_on_laptop_and_server_keeps_both(team_server, tmp_path):
    ivy_server = team_server.context(team_server.login_url(Role.INSPECTOR), tmp_path / "srv")
    shop = merchants.create_merchant(ivy_server, "SYNC-2", "冲突商店")
    p = purchases.create_purchase(ivy_server, received_input(
        shop.id, inspector_id=ivy_server.actor.id))
    f = findings.add_finding(ivy_server, p.id, findings.FindingInput(
        "product_quality", "major", "原始标题"))
    a = join(team_server, team_server.logins[Role.INSPECTOR], tmp_path / "a")
    with a.db.read() as s:
        local_id = s.scalar(select(Finding.id).where(Finding.uid == f.uid))
    findings.update_finding(a, local_id, findings.FindingInput(
        "product_quality", "major", "笔记本上的标题", description="笔记本上写的长文字"))
    findings.update_finding(ivy_server, f.id, findings.FindingInput(
        "product_quality", "critical", "服务器上的标题"))
    report = sync(a)
    assert len(report.conflicts) == 1 and report.pushed == 0
    listed = conflicts.list_conflicts(a)
    assert len(listed) == 1
    (c,) = listed
    assert c.mine["title"] == "笔记本上的标题" and c.mine["description"] == "笔记本上写的长文字"
    assert c.theirs["title"] == "服务器上的标题"
    assert findings.get_finding(a, local_id).title == "服务器上的标题"
    # Keep mine: the laptop's text goes back over the row and reaches the server.
    conflicts.resolve(a, c.id, keep="mine")
    assert sync(a).pushed == 1
    assert findings.get_finding(ivy_server, f.id).description == "笔记本上写的长文字"
    assert _count(a, SyncConflict, SyncConflict.resolved_at.is_(None)) == 0
    assert sync(a).transferred == 0


def test_photos_travel_once_and_arrive_hash_checked(team_server, tmp_path):
    from inspector_app.services import photos
    from tests.photos.samples import jpeg_bytes

    ivy_server = team_server.context(team_server.login_url(Role.INSPECTOR), tmp_path / "srv")
    shop = merchants.create_merchant(ivy_server, "SYNC-3", "照片同步")
    p = purchases.create_purchase(ivy_server, received_input(
        shop.id, inspector_id=ivy_server.actor.id))
    known, new = tmp_path / "known.jpg", tmp_path / "new.jpg"
    known.write_bytes(jpeg_bytes())
    new.write_bytes(jpeg_bytes((900, 700), orientation=1))
    (on_server,) = list(photos.add_photos(ivy_server, [known], purchase_id=p.id))
    a = join(team_server, team_server.logins[Role.INSPECTOR], tmp_path / "a")
    assert a.photos.has(on_server.sha256)  # pulled at join, hash checked by the store
    (m_id,) = [m.id for m in merchants.search_merchants(a, "SYNC-3")]
    offline = purchases.create_purchase(a, received_input(m_id, inspector_id=a.actor.id))
    added = list(photos.add_photos(a, [known, new], purchase_id=offline.id))
    assert len(added) == 2
    report = sync(a)
    assert report.refused == [] and report.pushed == 3
    # Only the photo the server lacked was sent; the known one went as a row only.
    assert report.photos_sent_bytes == len(a.photos.path_for(added[1].sha256).read_bytes())
    assert ivy_server.photos.read(added[1].sha256) == a.photos.path_for(
        added[1].sha256).read_bytes()
    b = join(team_server, team_server.second_inspector, tmp_path / "b")
    assert not b.photos.has(added[1].sha256)  # ian does not see ivy's purchase (RLS)
