"""A purchase's status follows its dates unless set by hand; a status the dates contradict is
refused at save (and by validate_purchase, which the form asks while the user types)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from inspector_app.domain.enums import PurchaseStatus, Verdict
from inspector_app.domain.errors import InspectorError, ValidationError
from inspector_app.domain.purchase_status import contradiction, status_from_dates
from inspector_app.services import findings
from inspector_app.services import purchases as svc
from tests.services.builders import make_finding, now

P = PurchaseStatus


def _form(shop_id: int, **kw) -> svc.PurchaseInput:
    base = dict(merchant_id=shop_id, order_number="ORD-STATUS-1")
    base.update(kw)
    return svc.PurchaseInput(**base)


def test_status_follows_the_dates(insp, shop):
    planned = svc.create_purchase(insp, _form(shop.id, order_number=""))
    assert (planned.status, planned.status_set_by_hand) == (P.PLANNED, False)
    ordered = svc.update_purchase(insp, planned.id, _form(
        shop.id, ordered_at=now() - timedelta(days=2)))
    assert (ordered.status, ordered.status_set_by_hand) == (P.ORDERED, False)
    received = svc.update_purchase(insp, planned.id, _form(
        shop.id, ordered_at=now() - timedelta(days=2), received_at=now() - timedelta(hours=1)))
    assert received.status is P.RECEIVED
    # Clearing the received date moves it back: the dates decide.
    back = svc.update_purchase(insp, planned.id, _form(shop.id, ordered_at=now() - timedelta(days=2)))
    assert back.status is P.ORDERED


def test_a_verdict_keeps_an_edited_purchase_inspected(insp, shop):
    p = svc.create_purchase(insp, _form(
        shop.id, ordered_at=now() - timedelta(days=2), received_at=now() - timedelta(hours=1)))
    svc.set_verdict(insp, p.id, Verdict.PASS)
    edited = svc.update_purchase(insp, p.id, _form(
        shop.id, ordered_at=now() - timedelta(days=3), received_at=now() - timedelta(hours=1),
        status_by_hand=False))
    assert (edited.status, edited.verdict) == (P.INSPECTED, Verdict.PASS)


def test_a_status_set_by_hand_is_kept_when_the_dates_change(insp, shop):
    p = svc.create_purchase(insp, _form(
        shop.id, ordered_at=now() - timedelta(days=2), status=P.CANCELLED, status_by_hand=True))
    assert (p.status, p.status_set_by_hand) == (P.CANCELLED, True)
    # A later edit that says nothing about the status keeps the hand-set one.
    later = svc.update_purchase(insp, p.id, _form(
        shop.id, ordered_at=now() - timedelta(days=3), received_at=now() - timedelta(hours=2)))
    assert (later.status, later.status_set_by_hand) == (P.CANCELLED, True)
    # Handing it back to the dates.
    freed = svc.update_purchase(insp, p.id, _form(
        shop.id, ordered_at=now() - timedelta(days=3), received_at=now() - timedelta(hours=2),
        status_by_hand=False))
    assert (freed.status, freed.status_set_by_hand) == (P.RECEIVED, False)


def test_a_planned_purchase_with_a_received_date_is_refused_at_save(insp, shop):
    data = _form(shop.id, status=P.PLANNED, status_by_hand=True, order_number="",
                 received_at=now() - timedelta(hours=1))
    problems = svc.validate_purchase(insp, data)
    assert [(e.field, str(e)) for e in problems] == [(
        "received_at",
        "The status is planned, but it has a received date: clear the date or choose the status received",
    )]
    with pytest.raises(ValidationError) as info:
        svc.create_purchase(insp, data)
    assert info.value.field == "received_at"
    # The status given without saying "by hand" is by hand when it differs from the dates:
    # the same refusal, not a silent change of status.
    with pytest.raises(ValidationError):
        svc.create_purchase(insp, replace(data, status_by_hand=None))


@pytest.mark.parametrize(("status", "field"), [
    (P.PLANNED, "ordered_at"), (P.ORDERED, "received_at"),
])
def test_statuses_behind_the_dates_are_refused(insp, shop, status, field):
    kw = {"received_at": now() - timedelta(hours=1)} if status is P.ORDERED else {}
    data = _form(shop.id, status=status, status_by_hand=True,
                 ordered_at=now() - timedelta(days=1), **kw)
    assert [e.field for e in svc.validate_purchase(insp, data)] == [field]


def test_a_hand_set_status_behind_a_verdict_is_refused(insp, shop):
    p = svc.create_purchase(insp, _form(
        shop.id, ordered_at=now() - timedelta(days=2), received_at=now() - timedelta(hours=1)))
    svc.set_verdict(insp, p.id, Verdict.PASS)
    data = _form(shop.id, ordered_at=now() - timedelta(days=2),
                 received_at=now() - timedelta(hours=1), status=P.RECEIVED, status_by_hand=True)
    with pytest.raises(InspectorError) as info:
        svc.update_purchase(insp, p.id, data)
    assert getattr(info.value, "field", None) == "status"
    assert svc.get_purchase(insp, p.id).status is P.INSPECTED


def test_a_received_purchase_takes_findings(insp, shop):
    """The issue's case: saved with a received date, the finding is not refused later."""
    p = svc.create_purchase(insp, _form(
        shop.id, ordered_at=now() - timedelta(days=2), received_at=now() - timedelta(hours=1)))
    f = make_finding(insp, p.id)
    assert findings.get_finding(insp, f.id).purchase_id == p.id
    assert svc.get_purchase(insp, p.id).status is P.RECEIVED


def test_the_rule_itself():
    t0 = now()
    assert status_from_dates(None, None, None) is P.PLANNED
    assert status_from_dates(t0, None, None) is P.ORDERED
    assert status_from_dates(t0, t0, None) is P.RECEIVED
    assert status_from_dates(t0, t0, Verdict.FAIL) is P.INSPECTED
    assert contradiction(P.CANCELLED, t0, t0, Verdict.PASS) is None
    assert contradiction(P.RECEIVED, t0, None, None) is None  # missing fact: asked elsewhere
    assert contradiction(P.PLANNED, None, t0, None).field == "received_at"
