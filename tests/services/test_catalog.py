"""Catalog service: products and brands created inline, type-ahead search, soft delete."""

from __future__ import annotations

import pytest

from inspector_app.domain.enums import Role
from inspector_app.domain.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from inspector_app.services import catalog as svc


def test_create_product_with_a_new_brand(insp):
    p = svc.create_product(insp, " Down  jacket ", brand=" Snowpeak ", category="Clothing",
                           listing_id="L-1", list_price="¥1,299.00")
    assert (p.name, p.brand, p.category, p.listing_id) == ("Down jacket", "Snowpeak", "Clothing", "L-1")
    assert p.list_price_cents == 129900
    assert svc.get_product(insp, p.id) == p
    assert svc.list_brands(insp) == ["Snowpeak"]


def test_brand_is_reused_and_optional(insp):
    a = svc.create_product(insp, "A", brand="Snowpeak")
    b = svc.create_product(insp, "B", brand="Snowpeak")
    c = svc.create_product(insp, "C")
    assert a.brand == b.brand == "Snowpeak"
    assert c.brand == ""
    assert c.listing_id is None
    assert c.list_price_cents is None
    assert svc.list_brands(insp) == ["Snowpeak"]


def test_list_price_as_int_is_cents(insp):
    assert svc.create_product(insp, "A", list_price=4599).list_price_cents == 4599


@pytest.mark.parametrize("role", [Role.INSPECTOR, Role.QUALITY_MANAGER, Role.ADMIN])
def test_recorders_create_products(as_role, role):
    assert svc.create_product(as_role(role), "Lamp").name == "Lamp"


def test_merchant_manager_may_not_create_products(mm, users):
    with pytest.raises(PermissionDenied, match=users[Role.MERCHANT_MANAGER].display_name):
        svc.create_product(mm, "Lamp")


@pytest.mark.parametrize(
    ("kw", "field"),
    [({"name": ""}, "name"), ({"name": "x" * 301}, "name"),
     ({"name": "ok", "list_price": "cheap"}, "list_price"),
     ({"name": "ok", "list_price": "-1"}, "list_price"),
     ({"name": "ok", "listing_id": "L" * 65}, "listing_id")],
)
def test_create_validation(insp, kw, field):
    with pytest.raises(ValidationError) as info:
        svc.create_product(insp, **kw)
    assert info.value.field == field


def test_listing_id_is_unique(insp):
    svc.create_product(insp, "A", listing_id="L-1")
    with pytest.raises(ConflictError, match="L-1") as info:
        svc.create_product(insp, "B", listing_id=" L-1 ")
    assert info.value.field == "listing_id"


def test_search_by_name_brand_or_listing(insp):
    svc.create_product(insp, "Down jacket", brand="Snowpeak", listing_id="TM-555")
    svc.create_product(insp, "Desk lamp", brand="Brightly")
    assert [p.name for p in svc.search_products(insp, "jacket")] == ["Down jacket"]
    assert [p.name for p in svc.search_products(insp, "bright")] == ["Desk lamp"]
    assert [p.name for p in svc.search_products(insp, "tm-5")] == ["Down jacket"]
    assert [p.name for p in svc.search_products(insp, "")] == ["Desk lamp", "Down jacket"]


def test_delete_product_hides_it(insp, qm):
    p = svc.create_product(insp, "Lamp")
    with pytest.raises(PermissionDenied, match="inspector"):
        svc.delete_product(insp, p.id)
    svc.delete_product(qm, p.id)
    with pytest.raises(NotFound):
        svc.get_product(insp, p.id)
    assert svc.search_products(insp, "Lamp") == []
    with pytest.raises(NotFound):
        svc.delete_product(qm, p.id)


@pytest.mark.parametrize("cents", [-500, 10**13 + 1])
def test_out_of_range_int_list_price_is_refused(insp, cents):
    # Regression: ints used to bypass the money checks and were stored as is.
    with pytest.raises(ValidationError) as info:
        svc.create_product(insp, "Lamp", list_price=cents)
    assert info.value.field == "list_price"
    assert svc.search_products(insp, "Lamp") == []
