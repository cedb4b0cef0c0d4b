"""Findings service: recording defects, validation, edits locked by closed cases, soft delete."""

from __future__ import annotations

import pytest

from inspector_app.domain.enums import (
    CaseStatus,
    FindingCategory,
    PurchaseStatus,
    Role,
    Severity,
    Verdict,
)
from inspector_app.domain.errors import NotFound, PermissionDenied, ValidationError
from inspector_app.services import cases, purchases
from inspector_app.services import findings as svc
from tests.services.builders import case_at, make_finding, make_purchase

FI = svc.FindingInput


def test_add_finding(insp, shop, purchase):
    f = svc.add_finding(insp, purchase.id, FI(
        category="size_mismatch", severity="minor", title="  Sleeve  2 cm short ",
        description=" Measured\r\ntwice ", expected="62 cm", observed="60 cm",
        rule_ref="GB/T 2664-2017 4.2",
    ))
    assert f.category is FindingCategory.SIZE_MISMATCH
    assert f.severity is Severity.MINOR
    assert f.title == "Sleeve 2 cm short"
    assert f.description == "Measured\ntwice"
    assert (f.expected, f.observed, f.rule_ref) == ("62 cm", "60 cm", "GB/T 2664-2017 4.2")
    assert (f.purchase_id, f.order_number, f.merchant_id) == (purchase.id, "ORD-1001", shop.id)
    assert f.created_at.tzinfo is not None
    assert not f.deleted
    assert svc.get_finding(insp, f.id) == f
    assert purchases.get_purchase(insp, purchase.id).finding_count == 1


def test_finding_on_an_ordered_purchase_marks_it_received(insp, shop):
    p = make_purchase(insp, shop.id, status=PurchaseStatus.ORDERED, received_at=None)
    make_finding(insp, p.id)
    p = purchases.get_purchase(insp, p.id)
    assert p.status is PurchaseStatus.RECEIVED
    assert p.received_at is not None


@pytest.mark.parametrize("status", [PurchaseStatus.PLANNED, PurchaseStatus.CANCELLED])
def test_no_findings_before_the_parcel_arrives(insp, shop, status):
    p = purchases.create_purchase(insp, purchases.PurchaseInput(merchant_id=shop.id, status=status))
    with pytest.raises(ValidationError, match=status.value):
        make_finding(insp, p.id)
    assert svc.list_for_purchase(insp, p.id) == []


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (FI("bad-category", "major", "t"), "category"),
        (FI("wrong_item", "catastrophic", "t"), "severity"),
        (FI("wrong_item", "major", "   "), "title"),
        (FI("wrong_item", "major", "t" * 301), "title"),
        (FI("wrong_item", "major", "t", rule_ref="r" * 301), "rule_ref"),
        (FI("wrong_item", "major", "t", description="d" * 20_001), "description"),
    ],
)
def test_validation_names_the_field(insp, purchase, data, field):
    with pytest.raises(ValidationError) as info:
        svc.add_finding(insp, purchase.id, data)
    assert info.value.field == field


def test_merchant_manager_may_not_touch_findings(mm, insp, users, purchase):
    f = make_finding(insp, purchase.id)
    name = users[Role.MERCHANT_MANAGER].display_name
    for call in (
        lambda: svc.add_finding(mm, purchase.id, FI("other", "minor", "x")),
        lambda: svc.update_finding(mm, f.id, FI("other", "minor", "x")),
        lambda: svc.delete_finding(mm, f.id),
        lambda: svc.restore_finding(mm, f.id),
    ):
        with pytest.raises(PermissionDenied, match=name):
            call()
    assert svc.get_finding(mm, f.id).title == "Seam splits"


def test_update_finding(insp, purchase):
    f = make_finding(insp, purchase.id)
    g = svc.update_finding(insp, f.id, FI("safety_hazard", "critical", "Sharp edge"))
    assert (g.category, g.severity, g.title) == (FindingCategory.SAFETY_HAZARD, Severity.CRITICAL,
                                                 "Sharp edge")
    with pytest.raises(ValidationError) as info:
        svc.update_finding(insp, f.id, FI("safety_hazard", "critical", ""))
    assert info.value.field == "title"
    assert svc.get_finding(insp, f.id).title == "Sharp edge"


def test_finding_in_an_active_case_may_be_edited(admin, purchase):
    c = case_at(admin, purchase.id, CaseStatus.RECTIFYING)
    fid = c.finding_ids[0]
    assert svc.update_finding(admin, fid, FI("other", "minor", "Reworded")).title == "Reworded"


@pytest.mark.parametrize("final", [CaseStatus.CLOSED, CaseStatus.CANCELLED, CaseStatus.WAIVED])
def test_finding_in_a_finished_case_is_locked(admin, purchase, final):
    c = case_at(admin, purchase.id, final)
    fid = c.finding_ids[0]
    with pytest.raises(ValidationError, match=c.case_number):
        svc.update_finding(admin, fid, FI("other", "minor", "Rewritten history"))
    assert svc.get_finding(admin, fid).title != "Rewritten history"


def test_soft_delete_and_restore(insp, purchase):
    keep = make_finding(insp, purchase.id, title="Keep")
    gone = make_finding(insp, purchase.id, title="Gone")
    assert [f.title for f in svc.list_for_purchase(insp, purchase.id)] == ["Keep", "Gone"]
    svc.delete_finding(insp, gone.id)
    assert [f.id for f in svc.list_for_purchase(insp, purchase.id)] == [keep.id]
    assert purchases.get_purchase(insp, purchase.id).finding_count == 1
    assert svc.get_finding(insp, gone.id).deleted is True
    with pytest.raises(NotFound):
        svc.update_finding(insp, gone.id, FI("other", "minor", "x"))
    with pytest.raises(NotFound):
        svc.delete_finding(insp, gone.id)
    svc.restore_finding(insp, gone.id)
    assert [f.id for f in svc.list_for_purchase(insp, purchase.id)] == [keep.id, gone.id]


@pytest.mark.parametrize("status", [CaseStatus.OPEN, CaseStatus.CLOSED, CaseStatus.CANCELLED])
def test_finding_in_a_case_cannot_be_deleted(admin, purchase, status):
    c = case_at(admin, purchase.id, status)
    fid = c.finding_ids[0]
    with pytest.raises(ValidationError, match=c.case_number):
        svc.delete_finding(admin, fid)
    assert not svc.get_finding(admin, fid).deleted
    assert cases.get_case(admin, c.case_number).finding_ids == (fid,)


def test_unknown_finding(insp):
    with pytest.raises(NotFound):
        svc.get_finding(insp, 999)
    with pytest.raises(NotFound):
        svc.restore_finding(insp, 999)
    with pytest.raises(NotFound):
        svc.add_finding(insp, 999, FI("other", "minor", "x"))


def test_last_finding_of_a_failed_purchase_stays(insp, purchase):
    f = make_finding(insp, purchase.id)
    purchases.set_verdict(insp, purchase.id, Verdict.FAIL)
    with pytest.raises(ValidationError):
        svc.delete_finding(insp, f.id)
    p = purchases.get_purchase(insp, purchase.id)
    assert p.finding_count == 1 and p.verdict is Verdict.FAIL
