"""The application's own services, run as each role's login: what the roles do works under
the server's grants, and the server fills who did it."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from inspector_app.db.models import CaseEvent, Finding
from inspector_app.domain.enums import Role
from inspector_app.services import browse, cases, findings, merchants, purchases, team_settings
from inspector_app.services.cases import ResponseInput
from tests.services.builders import received_input


@pytest.fixture(scope="module")
def people(team_server, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("people")
    return {role: team_server.context(team_server.login_url(role), tmp) for role in Role}


def test_the_acting_user_is_the_login(people):
    for role, ctx in people.items():
        assert ctx.actor.role == role and ctx.actor.id


def test_a_case_from_purchase_to_response_as_the_logins(team_server, people):
    ivy, qm, mia = people[Role.INSPECTOR], people[Role.QUALITY_MANAGER], people[
        Role.MERCHANT_MANAGER]
    m = merchants.create_merchant(ivy, "SVC-1", "Inline Shop")  # inspectors may add one
    p = purchases.create_purchase(ivy, received_input(m.id, inspector_id=ivy.actor.id))
    f = findings.add_finding(ivy, p.id, findings.FindingInput("product_quality", "major", "纽扣脱落"))
    purchases.set_verdict(ivy, p.id, "fail")
    findings.update_finding(ivy, f.id, findings.FindingInput(
        "product_quality", "critical", "纽扣脱落 (all)"))
    k = cases.open_case(qm, [f.id])
    k = cases.advance(qm, k.case_number, "notified")
    merchants.set_status(qm, m.id, "watch", "two cases")
    team_settings.put(qm, "cases.warning_days", 3)
    # The merchant manager reads the findings and records the merchant's answer.
    rows = browse.fetch_findings(mia, browse.FindingFilter(text="纽扣"))
    assert [r.id for r in rows] == [f.id]
    k, _ = cases.record_response(mia, k.case_number, ResponseInput(response_text="fixed"))
    assert k.status == "responded"
    with qm.db.read() as s:
        actors = set(s.scalars(select(CaseEvent.actor_id).where(CaseEvent.case_id == k.id)))
        assert actors == {qm.actor.id, mia.actor.id}
    extra = findings.add_finding(ivy, p.id, findings.FindingInput("other", "minor", "多余"))
    findings.delete_finding(ivy, extra.id)
    with qm.db.read() as s:
        row = s.get(Finding, extra.id)
        assert (row.created_by_id, row.deleted_by_id) == (ivy.actor.id, ivy.actor.id)


def test_the_merchant_manager_reads_purchases_without_the_private_fields(team_server, people):
    ivy, mia = people[Role.INSPECTOR], people[Role.MERCHANT_MANAGER]
    m = merchants.create_merchant(ivy, "SVC-2", "Second Shop")
    p = purchases.create_purchase(ivy, received_input(
        m.id, buyer_alias="secret-buyer", delivery_address="秘密地址", inspector_id=ivy.actor.id))
    seen = purchases.get_purchase(mia, p.id)
    assert (seen.buyer_alias, seen.delivery_address) == ("", "")
    rows = browse.fetch_purchases(mia, browse.PurchaseFilter(merchant_id=m.id))
    assert [r.id for r in rows] == [p.id]


def test_the_merchant_manager_adds_a_rectification_photo_and_reads_no_plan(
        team_server, people, tmp_path):
    from inspector_app.domain.errors import PermissionDenied
    from inspector_app.services import photos, sampling_plans
    from tests.photos.samples import jpeg_bytes

    ivy, qm, mia = (people[r] for r in (Role.INSPECTOR, Role.QUALITY_MANAGER,
                                        Role.MERCHANT_MANAGER))
    m = merchants.create_merchant(qm, "SVC-3", "Photo Shop")
    p = purchases.create_purchase(ivy, received_input(m.id, inspector_id=ivy.actor.id))
    f = findings.add_finding(ivy, p.id, findings.FindingInput("product_quality", "minor", "污渍"))
    k = cases.open_case(qm, [f.id])
    image = tmp_path / "fixed.jpg"
    image.write_bytes(jpeg_bytes(noise=11))
    (added,) = list(photos.add_photos(mia, [image], case_id=k.id, role="rectification"))
    shown = photos.set_caption(mia, added.photo_id, "整改后")
    assert shown.caption == "整改后" and shown.created_by_id is None
    assert photos.get_photo(qm, added.photo_id).created_by_id == mia.actor.id
    assert sampling_plans.list_plans(ivy) == []
    with pytest.raises(PermissionDenied):
        sampling_plans.list_plans(mia)


def test_the_services_refuse_what_the_server_would(people):
    from inspector_app.domain.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        merchants.set_status(people[Role.INSPECTOR], 1, "eliminated", "x")


def test_the_merchant_manager_prints_a_notice_as_the_login(team_server, people, tmp_path):
    """Printing or saving a notice archives it and notifies the case: a merchant manager's
    login may (report_archive INSERT, case UPDATE and events), as the services allow."""
    from inspector_app.domain.enums import CaseStatus
    from inspector_app.services import reporting

    ivy, qm, mia = (people[r] for r in (Role.INSPECTOR, Role.QUALITY_MANAGER, Role.MERCHANT_MANAGER))
    m = merchants.create_merchant(ivy, "SVC-NOTICE", "Notice Shop")
    p = purchases.create_purchase(ivy, received_input(m.id, inspector_id=ivy.actor.id))
    f = findings.add_finding(ivy, p.id, findings.FindingInput("product_quality", "major", "开线"))
    k = cases.open_case(qm, [f.id])
    out = tmp_path / "notice.pdf"
    job = reporting.export_notice(mia, out, case_number=k.case_number)
    try:
        while True:
            next(job)
    except StopIteration as done:
        assert done.value == out
    assert out.read_bytes().startswith(b"%PDF")
    assert cases.get_case(qm, k.case_number).status == CaseStatus.NOTIFIED
    assert [a.figures["notice_number"] for a in reporting.list_archive(qm, reporting.NOTICE)
            if a.period == k.case_number] == [f"{k.case_number}-N1"]
