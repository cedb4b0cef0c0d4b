"""The waste basket on a real database (SQLite and PostgreSQL): the listing of deleted rows and restoring a selection."""

from __future__ import annotations

import pytest

from inspector_app.domain.enums import PhotoRole, Role
from inspector_app.domain.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from inspector_app.services import catalog, findings, merchants, purchases
from inspector_app.services import photos as photo_service
from inspector_app.services.browse.deleted import (
    DeletedFilter,
    count_by_kind,
    count_deleted,
    fetch_deleted,
)
from inspector_app.services.waste_basket import (
    KINDS,
    may_restore,
    restorable_kinds,
    restore_items,
)
from tests.backends import plain_sql
from tests.photos.samples import jpeg_bytes
from tests.services.builders import make_finding, make_merchant, make_purchase


def _photo(ctx, tmp_path, seed: int, **owner) -> int:
    path = tmp_path / f"parcel-{seed}.jpg"
    path.write_bytes(jpeg_bytes((64, 48), noise=seed))
    (result,) = photo_service.add_photos(ctx, [path], **owner)
    return result.photo_id


def _deleted_at(ctx, table: str, row_id: int):
    """Read back with plain SQL, not through the services under test."""
    return _deletion(ctx, table, row_id)[0]


def _deletion(ctx, table: str, row_id: int) -> tuple:
    """(deleted_at, the deleter's display name or None), read with plain SQL."""
    with plain_sql(ctx) as db:
        return db.one(
            f"SELECT t.deleted_at, u.display_name FROM {table} t"
            " LEFT JOIN users u ON u.id = t.deleted_by_id WHERE t.id = ?", (row_id,),
        )


#: The table of each kind of deleted row.
_TABLES = {"purchase": "purchases", "finding": "findings", "photo": "photos",
           "merchant": "merchants", "product": "products"}


@pytest.fixture
def basket(admin, insp, qm, shop, purchase, tmp_path):
    """One deleted row of each kind, deleted through the services by the roles allowed to."""
    finding = make_finding(insp, purchase.id, title="Seam splits at the collar")
    make_finding(insp, purchase.id, title="Label missing")
    photo_id = _photo(insp, tmp_path, 1, finding_id=finding.id)
    gone = make_purchase(insp, shop.id, order_number="ORD-GONE")
    spare = make_merchant(qm, "shop-spare", "Spare Shop")
    product = catalog.create_product(insp, "Linen shirt", brand="Acme")
    findings.delete_finding(insp, finding.id)
    photo_service.delete_photo(insp, photo_id)
    purchases.delete_purchase(insp, gone.id)
    merchants.delete_merchant(qm, spare.id)
    catalog.delete_product(qm, product.id)
    return {"finding": finding.id, "photo": photo_id, "purchase": gone.id,
            "merchant": spare.id, "product": product.id}


def test_listing_names_each_row_its_parent_merchant_and_deleter(admin, basket):
    rows = {r.kind: r for r in fetch_deleted(admin, DeletedFilter())}
    assert set(rows) == set(KINDS) and count_deleted(admin, DeletedFilter()) == 5
    assert count_by_kind(admin) == dict.fromkeys(KINDS, 1)
    assert rows["purchase"].what == "ORD-GONE" and rows["purchase"].merchant == "Acme Store"
    f = rows["finding"]
    assert (f.what, f.parent_kind, f.parent, f.parent_deleted) == (
        "Seam splits at the collar", "purchase", "ORD-1001", False)
    assert f.deleted_by == "Ivy Inspector" and f.deleted_at is not None
    # Who deleted, not who created: the merchant and product were created by others.
    assert rows["merchant"].deleted_by == rows["product"].deleted_by == "Quinn Manager"
    p = rows["photo"]
    assert (p.what, p.parent_kind, p.parent_id, p.parent_deleted) == (
        "parcel-1.jpg", "finding", basket["finding"], True)
    assert rows["merchant"].what == "Spare Shop (shop-spare)"
    assert (rows["product"].what, rows["product"].parent) == ("Linen shirt", "Acme")
    assert all(r.restorable for r in rows.values())  # the admin may restore everything


def test_kind_filter_search_sort_and_pages_in_sql(admin, basket):
    assert [r.kind for r in fetch_deleted(admin, DeletedFilter(kind="finding"))] == ["finding"]
    assert count_deleted(admin, DeletedFilter(kind="merchant")) == 1
    # The search looks at what, its parent, the merchant and who deleted it.
    assert {r.kind for r in fetch_deleted(admin, DeletedFilter(text="ord-1001"))} == {"finding"}
    assert {r.kind for r in fetch_deleted(admin, DeletedFilter(text="quinn"))} == {
        "merchant", "product"}
    assert {r.kind for r in fetch_deleted(admin, DeletedFilter(text="acme"))} == {
        "purchase", "finding", "photo", "product"}
    assert count_deleted(admin, DeletedFilter(text="acme")) == 4
    by_what = [r.what for r in fetch_deleted(admin, DeletedFilter(), sort="what", desc=False)]
    assert by_what == sorted(by_what)
    newest = [r.kind for r in fetch_deleted(admin, DeletedFilter())]
    assert newest == ["product", "merchant", "purchase", "photo", "finding"]  # deletion order
    pages = [r.key for off in (0, 2, 4) for r in fetch_deleted(admin, DeletedFilter(),
                                                               sort="kind", offset=off, limit=2)]
    assert pages == [r.key for r in fetch_deleted(admin, DeletedFilter(), sort="kind")]
    with pytest.raises(ValidationError):
        fetch_deleted(admin, DeletedFilter(), sort="deleted_at; drop table purchases")
    with pytest.raises(ValidationError):
        count_deleted(admin, DeletedFilter(kind="case"))


def test_restorable_follows_the_role(as_role, basket):
    def flags(role):
        return {r.kind: r.restorable for r in fetch_deleted(as_role(role), DeletedFilter())}

    assert flags(Role.INSPECTOR) == {"purchase": True, "finding": True, "photo": True,
                                     "merchant": False, "product": False}
    assert flags(Role.MERCHANT_MANAGER) == dict.fromkeys(KINDS, False)  # an evidence photo
    assert restorable_kinds(Role.MERCHANT_MANAGER) == ("photo",)  # rectification photos only
    assert may_restore(Role.MERCHANT_MANAGER, "photo", PhotoRole.RECTIFICATION)
    assert restorable_kinds(None) == ()


@pytest.mark.parametrize("role", list(Role))
def test_may_restore_agrees_with_the_per_row_restore_services(as_role, basket, role):
    ctx = as_role(role)
    single = {"purchase": purchases.restore_purchase, "finding": findings.restore_finding,
              "photo": photo_service.restore_photo, "merchant": merchants.restore_merchant,
              "product": catalog.restore_product}
    for kind in KINDS:
        try:
            single[kind](ctx, basket[kind])
            allowed = True
        except PermissionDenied:
            allowed = False
        assert may_restore(role, kind, PhotoRole.EVIDENCE) == allowed, kind


def test_a_refusal_restores_nothing_of_the_selection(as_role, basket, ctx):
    insp = as_role(Role.INSPECTOR)
    with pytest.raises(PermissionDenied, match="may not restore merchants"):
        restore_items(insp, [("purchase", basket["purchase"]), ("merchant", basket["merchant"])])
    assert _deleted_at(ctx, "purchases", basket["purchase"]) is not None  # rolled back
    assert _deleted_at(ctx, "merchants", basket["merchant"]) is not None

    result = restore_items(as_role(Role.QUALITY_MANAGER),
                           [("purchase", basket["purchase"]), ("merchant", basket["merchant"]),
                            ("product", basket["product"])])
    assert [(i.kind, i.label) for i in result.requested] == [
        ("purchase", "ORD-GONE"), ("merchant", "Spare Shop"), ("product", "Linen shirt")]
    assert _deleted_at(ctx, "purchases", basket["purchase"]) is None
    assert _deleted_at(ctx, "products", basket["product"]) is None
    assert count_deleted(insp, DeletedFilter()) == 2
    # Restoring again is harmless: nothing to do, nothing reported.
    assert restore_items(insp, [("purchase", basket["purchase"])]).items == ()


def test_a_finding_of_a_deleted_purchase_brings_the_purchase_back(insp, shop, ctx):
    p = make_purchase(insp, shop.id, order_number="ORD-BOTH")
    f1 = make_finding(insp, p.id, title="Wrong size label")
    f2 = make_finding(insp, p.id, title="Loose thread")
    findings.delete_finding(insp, f1.id)
    purchases.delete_purchase(insp, p.id)
    row = fetch_deleted(insp, DeletedFilter(kind="finding"))[0]
    assert (row.parent, row.parent_deleted) == ("ORD-BOTH", True)

    result = restore_items(insp, [("finding", f1.id)])
    assert [(i.kind, i.id) for i in result.requested] == [("finding", f1.id)]
    assert [(i.kind, i.id, i.label) for i in result.along] == [("purchase", p.id, "ORD-BOTH")]
    assert _deleted_at(ctx, "purchases", p.id) is None and _deleted_at(ctx, "findings", f1.id) is None
    live = [f.id for f in findings.list_for_purchase(insp, p.id)]
    assert live == [f1.id, f2.id]  # the purchase came back with its other finding


def test_selecting_a_row_and_its_parent_reports_both_as_requested(insp, shop):
    p = make_purchase(insp, shop.id)
    f = make_finding(insp, p.id)
    make_finding(insp, p.id, title="Other")
    findings.delete_finding(insp, f.id)
    purchases.delete_purchase(insp, p.id)
    result = restore_items(insp, [("finding", f.id), ("purchase", p.id)])
    assert result.along == [] and {i.kind for i in result.requested} == {"finding", "purchase"}


def test_a_photo_attached_again_cannot_come_back_twice(insp, purchase, tmp_path, ctx):
    first = _photo(insp, tmp_path, 7, purchase_id=purchase.id)
    photo_service.delete_photo(insp, first)
    again = _photo(insp, tmp_path, 7, purchase_id=purchase.id)
    assert again != first
    with pytest.raises(ConflictError, match=f"as photo {again}"):
        restore_items(insp, [("photo", first)])
    assert _deleted_at(ctx, "photos", first) is not None


def test_a_merchant_manager_restores_rectification_photos_only(as_role, users, insp, qm, purchase,
                                                                tmp_path):
    from inspector_app.services import cases

    finding = make_finding(insp, purchase.id)
    case = cases.open_case(qm, [finding.id])
    mm = as_role(Role.MERCHANT_MANAGER)
    fix = _photo(mm, tmp_path, 3, case_id=case.id, role=PhotoRole.RECTIFICATION)
    evidence = _photo(insp, tmp_path, 4, purchase_id=purchase.id)
    photo_service.delete_photo(mm, fix)
    photo_service.delete_photo(insp, evidence)
    rows = {r.id: r for r in fetch_deleted(mm, DeletedFilter(kind="photo"))}
    assert rows[fix].restorable and not rows[evidence].restorable
    assert (rows[fix].parent_kind, rows[fix].parent) == ("case", case.case_number)
    with pytest.raises(PermissionDenied):
        restore_items(mm, [("photo", fix), ("photo", evidence)])
    assert [i.id for i in restore_items(mm, [("photo", fix)]).items] == [fix]


def test_bad_input(insp, basket):
    with pytest.raises(ValidationError, match="Unknown kind"):
        restore_items(insp, [("case", 1)])
    with pytest.raises(NotFound):
        restore_items(insp, [("purchase", 999_999)])
    with pytest.raises(PermissionDenied, match="Choose a user"):
        restore_items(insp.as_actor(None), [("purchase", basket["purchase"])])
    assert restore_items(insp, []).items == ()


def test_each_delete_records_the_deleter_and_each_restore_clears_it(as_role, basket, ctx):
    deleters = {"purchase": "Ivy Inspector", "finding": "Ivy Inspector",
                "photo": "Ivy Inspector", "merchant": "Quinn Manager", "product": "Quinn Manager"}
    for kind, name in deleters.items():
        when, who = _deletion(ctx, _TABLES[kind], basket[kind])
        assert when is not None and who == name, kind
    qm = as_role(Role.QUALITY_MANAGER)
    # The one-row restores (the photo's finding first: a photo of a deleted finding stays hidden).
    findings.restore_finding(qm, basket["finding"])
    photo_service.restore_photo(qm, basket["photo"])
    merchants.restore_merchant(qm, basket["merchant"])
    for kind in ("finding", "photo", "merchant"):
        assert _deletion(ctx, _TABLES[kind], basket[kind]) == (None, None), kind
    # The screen's restore of a selection.
    restore_items(qm, [("purchase", basket["purchase"]), ("product", basket["product"])])
    for kind in ("purchase", "product"):
        assert _deletion(ctx, _TABLES[kind], basket[kind]) == (None, None), kind
    # Deleted again by someone else: the new deleter, not the old one.
    purchases.delete_purchase(qm, basket["purchase"])
    assert _deletion(ctx, "purchases", basket["purchase"])[1] == "Quinn Manager"
    purchases.restore_purchase(qm, basket["purchase"])
    catalog.delete_product(as_role(Role.ADMIN), basket["product"])
    assert _deletion(ctx, "products", basket["product"])[1] == "Admin"
    catalog.restore_product(qm, basket["product"])
    assert _deletion(ctx, "products", basket["product"]) == (None, None)


def test_a_refused_restore_keeps_the_deleter(as_role, basket, ctx):
    with pytest.raises(PermissionDenied):
        restore_items(as_role(Role.INSPECTOR), [("purchase", basket["purchase"]),
                                                ("merchant", basket["merchant"])])
    assert _deletion(ctx, "purchases", basket["purchase"])[1] == "Ivy Inspector"


def test_rows_deleted_before_the_deleter_was_recorded_sort_first(admin, basket, ctx):
    # As a row deleted before migration 0004: deleted_at set, deleted_by_id NULL.
    with plain_sql(ctx) as db:
        db.run("UPDATE findings SET deleted_by_id = NULL WHERE id = ?", (basket["finding"],))
    rows = fetch_deleted(admin, DeletedFilter(), sort="deleted_by", desc=False)
    assert [r.deleted_by for r in rows] == [
        "", "Ivy Inspector", "Ivy Inspector", "Quinn Manager", "Quinn Manager"]
    assert rows[0].key == ("finding", basket["finding"])
    # Ties break by kind then id, in SQL, so the pages are stable.
    assert [r.kind for r in rows[1:3]] == ["photo", "purchase"]
    down = fetch_deleted(admin, DeletedFilter(), sort="deleted_by", desc=True)
    assert [r.deleted_by for r in down] == [r.deleted_by for r in reversed(rows)]
    pages = [r.key for off in (0, 2, 4) for r in fetch_deleted(
        admin, DeletedFilter(), sort="deleted_by", desc=False, offset=off, limit=2)]
    assert pages == [r.key for r in rows]
    # One kind alone sorts the same way.
    only = fetch_deleted(admin, DeletedFilter(kind="merchant"), sort="deleted_by")
    assert [r.deleted_by for r in only] == ["Quinn Manager"]
