"""Merchants service: create and edit, status changes with their history, soft delete."""

from __future__ import annotations

import pytest

from inspector_app.domain.enums import MerchantStatus, Role
from inspector_app.domain.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from inspector_app.services import merchants as svc


@pytest.mark.parametrize("role", [Role.INSPECTOR, Role.QUALITY_MANAGER, Role.ADMIN])
def test_recorders_create_merchants(as_role, role):
    m = svc.create_merchant(
        as_role(role), "  tb-001 ", "  Acme   Store ", category="Clothing", contact="Li",
        key_merchant=True,
    )
    assert (m.shop_id, m.name, m.category, m.contact) == ("tb-001", "Acme Store", "Clothing", "Li")
    assert m.key_merchant is True
    assert m.status is MerchantStatus.ACTIVE
    assert m.status_changed_at is None
    assert svc.get_merchant(as_role(role), m.id) == m


def test_merchant_manager_may_not_create(mm, users):
    with pytest.raises(PermissionDenied) as info:
        svc.create_merchant(mm, "tb-1", "Shop")
    assert users[Role.MERCHANT_MANAGER].display_name in str(info.value)
    assert "merchant_manager" in str(info.value)


def test_nobody_may_not_create(ctx):
    with pytest.raises(PermissionDenied, match="Choose a user"):
        svc.create_merchant(ctx, "tb-1", "Shop")


@pytest.mark.parametrize(("shop_id", "name", "field"), [("", "Shop", "shop_id"), ("x", " ", "name"),
                                                        ("x" * 65, "Shop", "shop_id")])
def test_create_validation(insp, shop_id, name, field):
    with pytest.raises(ValidationError) as info:
        svc.create_merchant(insp, shop_id, name)
    assert info.value.field == field


def test_shop_id_is_unique_even_after_delete(insp, qm, shop):
    with pytest.raises(ConflictError, match="shop-acme") as info:
        svc.create_merchant(insp, "shop-acme", "Other")
    assert info.value.field == "shop_id"
    svc.delete_merchant(qm, shop.id)
    with pytest.raises(ConflictError):
        svc.create_merchant(insp, "shop-acme", "Other")


def test_update_merchant(qm, shop):
    m = svc.update_merchant(qm, shop.id, name="Acme Flagship", key_merchant=True, contact="Wang")
    assert (m.name, m.key_merchant, m.contact, m.category) == ("Acme Flagship", True, "Wang", "")
    # Fields left out stay as they are.
    m = svc.update_merchant(qm, shop.id, category="Shoes")
    assert (m.name, m.category, m.key_merchant) == ("Acme Flagship", "Shoes", True)
    with pytest.raises(ValidationError) as info:
        svc.update_merchant(qm, shop.id, name="  ")
    assert info.value.field == "name"


@pytest.mark.parametrize("role", [Role.INSPECTOR, Role.MERCHANT_MANAGER])
def test_only_managers_edit(as_role, shop, role):
    with pytest.raises(PermissionDenied, match=role.value):
        svc.update_merchant(as_role(role), shop.id, name="Hacked")
    with pytest.raises(PermissionDenied):
        svc.set_status(as_role(role), shop.id, MerchantStatus.WATCH, "why")
    with pytest.raises(PermissionDenied):
        svc.delete_merchant(as_role(role), shop.id)
    with pytest.raises(PermissionDenied):
        svc.restore_merchant(as_role(role), shop.id)
    assert svc.get_merchant(as_role(role), shop.id).name == "Acme Store"


def test_set_status_writes_history_with_reasons(qm, shop):
    m = svc.set_status(qm, shop.id, "watch", "  three failed purchases in a month ")
    assert m.status is MerchantStatus.WATCH
    assert m.status_reason == "three failed purchases in a month"
    assert m.status_changed_at is not None
    svc.set_status(qm, shop.id, MerchantStatus.SUSPENDED, "counterfeit found")
    svc.set_status(qm, shop.id, MerchantStatus.ACTIVE, "rectified")
    history = svc.status_history(qm, shop.id)
    assert [(h.from_status, h.to_status, h.reason) for h in history] == [
        (MerchantStatus.ACTIVE, MerchantStatus.WATCH, "three failed purchases in a month"),
        (MerchantStatus.WATCH, MerchantStatus.SUSPENDED, "counterfeit found"),
        (MerchantStatus.SUSPENDED, MerchantStatus.ACTIVE, "rectified"),
    ]
    assert history[0].at <= history[1].at <= history[2].at
    assert history[0].at.tzinfo is not None
    assert svc.get_merchant(qm, shop.id).status_changed_at == history[-1].at


def test_set_status_needs_a_reason_a_known_status_and_a_change(qm, shop):
    for reason in ("", "   "):
        with pytest.raises(ValidationError) as info:
            svc.set_status(qm, shop.id, MerchantStatus.WATCH, reason)
        assert info.value.field == "reason"
    with pytest.raises(ValidationError) as info:
        svc.set_status(qm, shop.id, "banished", "why")
    assert info.value.field == "status"
    with pytest.raises(ValidationError, match="already active") as info:
        svc.set_status(qm, shop.id, MerchantStatus.ACTIVE, "why")
    assert info.value.field == "status"
    assert svc.status_history(qm, shop.id) == []


def test_soft_delete_and_restore(qm, insp, shop):
    svc.delete_merchant(qm, shop.id)
    with pytest.raises(NotFound):
        svc.get_merchant(insp, shop.id)
    with pytest.raises(NotFound):
        svc.find_by_shop_id(insp, "shop-acme")
    assert svc.search_merchants(insp, "Acme") == []
    with pytest.raises(NotFound):
        svc.update_merchant(qm, shop.id, name="x")
    with pytest.raises(NotFound):
        svc.set_status(qm, shop.id, MerchantStatus.WATCH, "x")
    with pytest.raises(NotFound):
        svc.delete_merchant(qm, shop.id)
    svc.restore_merchant(qm, shop.id)
    assert svc.get_merchant(insp, shop.id).name == "Acme Store"
    assert [m.id for m in svc.search_merchants(insp, "acme")] == [shop.id]


def test_unknown_merchant(qm):
    with pytest.raises(NotFound):
        svc.get_merchant(qm, 999)
    with pytest.raises(NotFound):
        svc.restore_merchant(qm, 999)
    with pytest.raises(NotFound, match="nope"):
        svc.find_by_shop_id(qm, "nope")


def test_find_by_shop_id_trims(insp, shop):
    assert svc.find_by_shop_id(insp, "  shop-acme ").id == shop.id


def test_search_by_name_or_shop_id_case_insensitive(insp, shop):
    svc.create_merchant(insp, "jd-77", "Bright Lamps")
    svc.create_merchant(insp, "tb-78", "Acme Outlet")
    assert [m.name for m in svc.search_merchants(insp, "ACME")] == ["Acme Outlet", "Acme Store"]
    assert [m.name for m in svc.search_merchants(insp, "jd-")] == ["Bright Lamps"]
    assert len(svc.search_merchants(insp, "", limit=2)) == 2
