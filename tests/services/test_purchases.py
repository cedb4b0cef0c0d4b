"""Purchases service: the purchase form's validation, privacy, verdicts, soft delete."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest

from inspector_app.domain.enums import PurchaseStatus, Role, Verdict
from inspector_app.domain.errors import (
    ConflictError,
    InspectorError,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from inspector_app.services import cases, catalog, findings, merchants
from inspector_app.services import purchases as svc
from inspector_app.services import users as user_service
from tests.services.builders import make_finding, make_purchase, now, received_input

P = PurchaseStatus


def test_inspector_logs_a_received_purchase(insp, users, shop):
    p = svc.create_purchase(insp, received_input(shop.id, order_number=" ORD-9 "))
    assert p.order_number == "ORD-9"
    assert p.status is P.RECEIVED
    assert p.price_paid_cents == 12990
    assert p.inspector_id == users[Role.INSPECTOR].id
    assert p.inspector == "Ivy Inspector"
    assert (p.merchant_name, p.merchant_shop_id) == ("Acme Store", "shop-acme")
    assert p.buyer_alias == "buyer-77"
    assert p.delivery_address == "No. 1 Road, Hangzhou"
    assert p.verdict is None
    assert p.finding_count == 0
    assert not p.deleted
    assert svc.get_purchase(insp, p.id) == p


def test_manager_logging_does_not_become_the_inspector(qm, shop):
    assert make_purchase(qm, shop.id).inspector_id is None


def test_product_and_brand_are_shown(insp, shop):
    prod = catalog.create_product(insp, "Down jacket", brand="Snowpeak")
    p = make_purchase(insp, shop.id, product_id=prod.id)
    assert (p.product_id, p.product_name, p.brand) == (prod.id, "Down jacket", "Snowpeak")


def test_times_are_stored_as_aware_utc(insp, shop):
    beijing = timezone(timedelta(hours=8))
    ordered = datetime(2025, 5, 1, 9, 30, tzinfo=beijing)
    p = make_purchase(insp, shop.id, ordered_at=ordered, received_at=ordered + timedelta(days=2))
    got = svc.get_purchase(insp, p.id)
    assert got.ordered_at == ordered
    assert got.ordered_at.utcoffset() == timedelta(0)
    assert got.ordered_at.hour == 1


@pytest.mark.parametrize("status", [P.PLANNED, P.CANCELLED])
def test_planned_or_cancelled_needs_no_order(insp, shop, status):
    p = svc.create_purchase(insp, svc.PurchaseInput(merchant_id=shop.id, status=status))
    assert p.status is status
    assert p.order_number == ""
    assert p.ordered_at is None


def test_merchant_manager_may_not_log_or_change_purchases(mm, users, purchase, shop):
    name = users[Role.MERCHANT_MANAGER].display_name
    for call in (
        lambda: svc.create_purchase(mm, received_input(shop.id)),
        lambda: svc.update_purchase(mm, purchase.id, received_input(shop.id)),
        lambda: svc.set_verdict(mm, purchase.id, Verdict.PASS),
        lambda: svc.delete_purchase(mm, purchase.id),
        lambda: svc.restore_purchase(mm, purchase.id),
    ):
        with pytest.raises(PermissionDenied) as info:
            call()
        assert name in str(info.value)
        assert "merchant_manager" in str(info.value)


def test_nobody_may_not_log_purchases(ctx, shop):
    with pytest.raises(PermissionDenied, match="Choose a user"):
        svc.create_purchase(ctx, received_input(shop.id))


def _bad(field: str, **kw):
    return pytest.param(kw, field, id=field + ":" + ",".join(kw))


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        _bad("order_number", order_number=""),
        _bad("order_number", order_number="   "),
        _bad("order_number", order_number="X" * 65),
        _bad("order_number", status=P.ORDERED, order_number="", received_at=None),
        _bad("ordered_at", ordered_at=None),
        _bad("ordered_at", ordered_at=datetime(2025, 1, 1, 12, 0)),  # naive
        _bad("ordered_at", ordered_at=now() + timedelta(hours=2), received_at=None,
             status=P.ORDERED),
        _bad("received_at", received_at=None),
        _bad("received_at", received_at=now() - timedelta(days=5)),  # before it was ordered
        _bad("price_paid", price_paid="twelve"),
        _bad("price_paid", price_paid="12.345"),
        _bad("price_paid", price_paid="-1.00"),
        _bad("status", status=P.INSPECTED),  # no verdict yet
        _bad("merchant", merchant_id=9999),
        _bad("product", product_id=9999),
        _bad("buyer_alias", buyer_alias="b" * 101),
    ],
)
def test_form_errors_name_their_field(insp, shop, changes, field):
    with pytest.raises(ValidationError) as info:
        svc.create_purchase(insp, replace(received_input(shop.id), **changes))
    assert info.value.field == field
    assert str(info.value)


def test_deleted_merchant_or_product_cannot_be_chosen(insp, qm, shop):
    prod = catalog.create_product(insp, "Lamp")
    catalog.delete_product(qm, prod.id)
    with pytest.raises(ValidationError) as info:
        make_purchase(insp, shop.id, product_id=prod.id)
    assert info.value.field == "product"
    merchants.delete_merchant(qm, shop.id)
    with pytest.raises(ValidationError) as info:
        make_purchase(insp, shop.id)
    assert info.value.field == "merchant"


def test_duplicate_order_number_is_a_conflict(insp, shop, purchase):
    with pytest.raises(ConflictError, match="ORD-1001"):
        make_purchase(insp, shop.id, order_number="ORD-1001")
    # Editing a purchase may keep its own number.
    again = svc.update_purchase(insp, purchase.id, received_input(shop.id, order_number="ORD-1001",
                                                                  notes="re-checked"))
    assert again.notes == "re-checked"


def test_duplicate_order_number_names_the_field(insp, shop, purchase):
    # Regression: the conflict carried no field, so the form could not point at the box.
    with pytest.raises(InspectorError) as info:
        make_purchase(insp, shop.id, order_number="ORD-1001")
    assert getattr(info.value, "field", None) == "order_number"


@pytest.mark.parametrize("price", [-500, "1e30", 10**13 + 1, "NaN", "inf"])
def test_out_of_range_prices_are_refused(insp, shop, price):
    # Regression: int cents skipped the checks; 1e30 overflowed SQLite's INTEGER at INSERT.
    with pytest.raises(ValidationError) as info:
        make_purchase(insp, shop.id, price_paid=price)
    assert info.value.field == "price_paid"


def test_int_price_is_cents(insp, shop):
    assert make_purchase(insp, shop.id, price_paid=4599).price_paid_cents == 4599


def test_inspector_must_be_an_active_user(qm, ctx, users, shop):
    # Regression: an unknown id surfaced as a raw IntegrityError (FOREIGN KEY).
    with pytest.raises(ValidationError) as info:
        make_purchase(qm, shop.id, inspector_id=9999)
    assert info.value.field == "inspector"
    ivy = users[Role.INSPECTOR]
    assert make_purchase(qm, shop.id, inspector_id=ivy.id).inspector == ivy.display_name
    user_service.deactivate(ctx.as_actor(users[Role.ADMIN]), ivy.id)
    with pytest.raises(ValidationError) as info:
        make_purchase(qm, shop.id, inspector_id=ivy.id)
    assert info.value.field == "inspector"


def test_update_purchase_applies_the_form(insp, shop, purchase):
    data = received_input(shop.id, order_number="ORD-1001", price_paid="88", notes="  box dented ")
    p = svc.update_purchase(insp, purchase.id, data)
    assert (p.price_paid_cents, p.notes) == (8800, "box dented")
    with pytest.raises(ValidationError) as info:
        svc.update_purchase(insp, purchase.id, replace(data, received_at=None))
    assert info.value.field == "received_at"
    with pytest.raises(NotFound):
        svc.update_purchase(insp, 9999, data)


@pytest.mark.parametrize("reader", [Role.INSPECTOR, Role.QUALITY_MANAGER, Role.ADMIN])
def test_private_fields_are_shown_to_inspection_staff(as_role, purchase, reader):
    for p in (svc.get_purchase(as_role(reader), purchase.id),
              svc.find_by_order_number(as_role(reader), "ORD-1001")):
        assert p.buyer_alias == "buyer-77"
        assert p.delivery_address == "No. 1 Road, Hangzhou"


def test_private_fields_are_hidden_from_merchant_managers(ctx, mm, purchase):
    for reader in (mm, ctx):  # ctx: nobody chosen
        for p in (svc.get_purchase(reader, purchase.id),
                  svc.find_by_order_number(reader, "ORD-1001")):
            assert p.buyer_alias == ""
            assert p.delivery_address == ""
            assert p.order_number == "ORD-1001"


def test_pass_verdict_marks_inspected(insp, purchase):
    p = svc.set_verdict(insp, purchase.id, "pass")
    assert p.verdict is Verdict.PASS
    assert p.status is P.INSPECTED
    assert p.inspected_at is not None
    assert p.received_at == purchase.received_at


def test_verdict_on_an_ordered_purchase_sets_received(insp, shop):
    p = make_purchase(insp, shop.id, status=P.ORDERED, received_at=None)
    p = svc.set_verdict(insp, p.id, Verdict.PASS)
    assert p.status is P.INSPECTED
    assert p.received_at == p.inspected_at


def test_fail_needs_a_live_finding(insp, purchase):
    with pytest.raises(ValidationError, match="finding") as info:
        svc.set_verdict(insp, purchase.id, Verdict.FAIL)
    assert info.value.field == "verdict"
    f = make_finding(insp, purchase.id)
    findings.delete_finding(insp, f.id)
    with pytest.raises(ValidationError):
        svc.set_verdict(insp, purchase.id, Verdict.FAIL)
    findings.restore_finding(insp, f.id)
    p = svc.set_verdict(insp, purchase.id, Verdict.FAIL)
    assert (p.verdict, p.status, p.finding_count) == (Verdict.FAIL, P.INSPECTED, 1)


@pytest.mark.parametrize("status", [P.PLANNED, P.CANCELLED])
def test_planned_or_cancelled_cannot_get_a_verdict(insp, shop, status):
    p = svc.create_purchase(insp, svc.PurchaseInput(merchant_id=shop.id, status=status))
    with pytest.raises(ValidationError, match=status.value) as info:
        svc.set_verdict(insp, p.id, Verdict.PASS)
    assert info.value.field == "verdict"


def test_clearing_the_verdict_returns_to_received(insp, purchase):
    svc.set_verdict(insp, purchase.id, Verdict.PASS)
    p = svc.set_verdict(insp, purchase.id, None)
    assert (p.verdict, p.inspected_at, p.status) == (None, None, P.RECEIVED)


def test_inspected_status_allowed_once_a_verdict_exists(insp, shop, purchase):
    svc.set_verdict(insp, purchase.id, Verdict.PASS)
    p = svc.update_purchase(insp, purchase.id, received_input(
        shop.id, order_number="ORD-1001", status=P.INSPECTED))
    assert p.status is P.INSPECTED


def test_soft_delete_and_restore(insp, purchase):
    svc.delete_purchase(insp, purchase.id)
    with pytest.raises(NotFound):
        svc.find_by_order_number(insp, "ORD-1001")
    # The detail lookup still answers, flagged, so the trash can show it.
    assert svc.get_purchase(insp, purchase.id).deleted is True
    for call in (
        lambda: svc.set_verdict(insp, purchase.id, Verdict.PASS),
        lambda: svc.delete_purchase(insp, purchase.id),
        lambda: make_finding(insp, purchase.id),
    ):
        with pytest.raises(NotFound):
            call()
    svc.restore_purchase(insp, purchase.id)
    p = svc.find_by_order_number(insp, "ORD-1001")
    assert p.id == purchase.id and not p.deleted


def test_unknown_purchase(insp):
    with pytest.raises(NotFound):
        svc.get_purchase(insp, 9999)
    with pytest.raises(NotFound):
        svc.restore_purchase(insp, 9999)


def test_purchase_under_an_active_case_cannot_be_deleted(insp, qm, purchase):
    # Regression: it was soft-deleted regardless of its cases.
    f = make_finding(insp, purchase.id)
    c = cases.open_case(qm, [f.id])
    with pytest.raises(ValidationError, match=c.case_number):
        svc.delete_purchase(insp, purchase.id)
    assert not svc.get_purchase(insp, purchase.id).deleted
    cases.advance(qm, c.case_number, "cancelled", "opened by mistake")
    svc.delete_purchase(insp, purchase.id)
    assert svc.get_purchase(insp, purchase.id).deleted


def test_purchase_in_a_case_keeps_its_merchant(insp, qm, shop, purchase):
    f = make_finding(insp, purchase.id)
    c = cases.open_case(qm, [f.id])
    other = merchants.create_merchant(insp, "shop-other", "Other Shop")
    with pytest.raises(ValidationError) as info:
        svc.update_purchase(insp, purchase.id, received_input(other.id, order_number="ORD-1001"))
    assert info.value.field == "merchant"
    assert findings.get_finding(insp, f.id).merchant_id == c.merchant_id == shop.id


def test_validate_purchase_lists_every_problem_and_writes_nothing(insp, shop):
    svc.create_purchase(insp, received_input(shop.id, order_number="ORD-1"))
    data = svc.PurchaseInput(merchant_id=0, order_number="ORD-1", price_paid="12,9x",
                             status=P.RECEIVED)
    problems = svc.validate_purchase(insp, data)
    assert {p.field for p in problems} == {"merchant", "ordered_at", "received_at",
                                           "order_number", "price_paid"}
    assert any(isinstance(p, ConflictError) for p in problems)
    assert svc.validate_purchase(insp, received_input(shop.id, order_number="ORD-2")) == []
    with pytest.raises(ValidationError) as err:  # saving names them all too
        svc.create_purchase(insp, data)
    assert len(err.value.problems) == len(problems)
    assert err.value.field == problems[0].field
    assert [p.order_number for p in svc_list(insp)] == ["ORD-1"]


def test_validate_purchase_of_an_existing_purchase_knows_its_own_number(insp, shop):
    p = svc.create_purchase(insp, received_input(shop.id, order_number="ORD-1"))
    assert svc.validate_purchase(insp, received_input(shop.id, order_number="ORD-1"), p.id) == []


def test_validate_purchase_needs_the_role_that_saves(as_role, shop):
    with pytest.raises(PermissionDenied):
        svc.validate_purchase(as_role(Role.MERCHANT_MANAGER), received_input(shop.id))


def svc_list(ctx):
    from inspector_app.services.browse import PurchaseFilter, fetch_purchases

    return fetch_purchases(ctx, PurchaseFilter())
