"""Each service call is one transaction: a call that fails midway leaves nothing behind."""

from __future__ import annotations

import pytest

from inspector_app.db.models import Brand, CaseEvent, CaseFinding, Product, RectificationCase
from inspector_app.domain.enums import CaseStatus
from inspector_app.domain.errors import IllegalTransition, NotFound, ValidationError
from inspector_app.services import cases, catalog, purchases
from tests.services.builders import case_at, count, make_finding, make_purchase, received_input


def test_open_case_with_one_bad_finding_creates_nothing(qm, insp, purchase):
    good = make_finding(insp, purchase.id)
    with pytest.raises(NotFound):
        cases.open_case(qm, [good.id, 4242])
    assert count(qm, RectificationCase) == 0
    assert count(qm, CaseFinding) == 0
    assert count(qm, CaseEvent) == 0
    # The number was not used up either.
    assert cases.open_case(qm, [good.id]).case_number.endswith("-0001")


def test_open_case_failing_after_the_insert_rolls_back(qm, insp, purchase, monkeypatch):
    f = make_finding(insp, purchase.id)

    def broken_event(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(cases, "_event", broken_event)
    with pytest.raises(RuntimeError, match="disk full"):
        cases.open_case(qm, [f.id])
    monkeypatch.undo()
    assert count(qm, RectificationCase) == 0
    assert count(qm, CaseFinding) == 0
    assert cases.open_case(qm, [f.id]).case_number.endswith("-0001")


def test_refused_verification_keeps_neither_note_nor_purchase(admin, insp, shop, purchase):
    c = case_at(admin, purchase.id, CaseStatus.RESPONDED)
    recheck = make_purchase(insp, shop.id)
    with pytest.raises(IllegalTransition):
        cases.record_verification(admin, c.case_number, True, "looks fine", purchase_id=recheck.id)
    after = cases.get_case(admin, c.case_number)
    assert after.verification_note == ""
    assert after.verification_purchase_id is None
    assert after.events == c.events


def test_refused_purchase_edit_changes_no_field(insp, shop, purchase):
    data = received_input(shop.id, order_number="ORD-CHANGED", notes="changed",
                          price_paid="not money")
    with pytest.raises(ValidationError):
        purchases.update_purchase(insp, purchase.id, data)
    assert purchases.get_purchase(insp, purchase.id) == purchase
    with pytest.raises(NotFound):
        purchases.find_by_order_number(insp, "ORD-CHANGED")


def test_product_refused_after_its_brand_was_made_leaves_no_brand(insp):
    with pytest.raises(ValidationError) as info:
        catalog.create_product(insp, "Lamp", brand="Brand New", category="c" * 101)
    assert info.value.field == "category"
    assert catalog.list_brands(insp) == []
    assert count(insp, Brand) == 0
    assert count(insp, Product) == 0
