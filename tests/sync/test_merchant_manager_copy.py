"""A merchant manager's laptop copy: a merchant's response to a case that has moved past
"notified", and a rectification photo for it, recorded offline, reach the server at the next
sync (README: what works offline). Real server, real copy, a real JPEG."""

from __future__ import annotations

from PIL import Image

from inspector_app.domain.enums import CaseStatus, Role
from inspector_app.services import cases, findings, merchants, photos, purchases
from tests.services.builders import received_input
from tests.sync.conftest import join, sync


def test_a_response_and_a_rectification_photo_made_offline_arrive(team_server, tmp_path):
    qm = team_server.context(team_server.login_url(Role.QUALITY_MANAGER), tmp_path / "qm")
    ivy = team_server.context(team_server.login_url(Role.INSPECTOR), tmp_path / "ivy")
    shop = merchants.create_merchant(qm, "MM-COPY-1", "回复商店")
    p = purchases.create_purchase(ivy, received_input(shop.id, inspector_id=ivy.actor.id,
                                                      order_number="MM-COPY-ORDER"))
    f = findings.add_finding(ivy, p.id, findings.FindingInput("packaging_damage", "minor", "外箱破损"))
    case = cases.open_case(qm, [f.id])
    for to in (CaseStatus.NOTIFIED, CaseStatus.RESPONDED):
        cases.advance(qm, case.case_number, to)
    laptop = join(team_server, team_server.logins[Role.MERCHANT_MANAGER], tmp_path / "mia")
    cases.record_response(laptop, case.case_number, cases.ResponseInput(
        response_text="已更换加厚外箱", root_cause="外箱强度不足"))
    jpeg = tmp_path / "fixed.jpg"
    Image.new("RGB", (320, 240), (30, 120, 200)).save(jpeg, quality=90)
    local_case = cases.get_case(laptop, case.case_number)
    added = list(photos.add_photos(laptop, [jpeg], case_id=local_case.id, role="rectification"))
    assert [a.status for a in added] == [photos.STORED]
    report = sync(laptop)
    assert report.refused == [] and report.pending == 0, report.refused
    there = cases.get_case(qm, case.case_number)
    assert there.response_text == "已更换加厚外箱" and there.root_cause == "外箱强度不足"
    on_server = photos.list_photos(qm, case_id=there.id)
    assert [ph.role for ph in on_server] == ["rectification"]
