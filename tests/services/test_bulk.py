"""Bulk actions in one transaction (services/bulk.py) and what a unit of work changed
(services/changes.py), on both backends."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from inspector_app.db.models import Finding, Purchase
from inspector_app.domain.enums import CaseStatus
from inspector_app.domain.errors import ValidationError
from inspector_app.services import bulk, cases, findings, purchases, waste_basket
from inspector_app.services import changes as kinds
from inspector_app.services.changes import Changes, recording
from tests.services.builders import make_finding, make_purchase


def _deleted(ctx, model, ids) -> list[int]:
    with ctx.db.read() as s:
        return list(s.scalars(select(model.id).where(model.id.in_(ids), model.deleted_at.is_not(None))))


def test_bulk_delete_of_findings_is_all_or_nothing(insp, admin, shop, purchase):
    ids = [make_finding(insp, purchase.id, title=f"Defect {i}").id for i in range(6)]
    # The fourth is part of a case: the whole selection is refused, none is deleted.
    cases.open_case(admin, [ids[3]])
    with pytest.raises(ValidationError) as refused:
        bulk.delete_items(insp, "finding", ids)
    message = str(refused.value)
    assert message.startswith(f"Nothing was deleted: finding {ids[3]} cannot be deleted")
    assert "\n" not in message
    assert _deleted(insp, Finding, ids) == []

    kept = [i for i in ids if i != ids[3]]
    with recording() as log:
        assert bulk.delete_items(insp, "finding", kept) == kept
    assert sorted(_deleted(insp, Finding, ids)) == kept
    assert log.changes.ids(kinds.FINDING) == frozenset(kept)
    assert log.changes.ids(kinds.PURCHASE) == frozenset([purchase.id])


def test_cancelling_a_bulk_delete_rolls_it_back(insp, shop, purchase):
    ids = [make_finding(insp, purchase.id, title=f"Defect {i}").id for i in range(5)]
    steps = bulk.delete_steps(insp, "finding", ids)
    seen = [next(steps) for _ in range(4)]  # three rows deleted, inside the transaction
    assert [s[0] for s in seen] == [0, 1, 2, 3]
    steps.close()  # what the task runner does on Cancel
    assert _deleted(insp, Finding, ids) == []


def test_bulk_delete_of_purchases_and_undo_in_one_transaction(insp, admin, shop):
    ids = [make_purchase(insp, shop.id).id for _ in range(3)]
    open_case = make_purchase(insp, shop.id)
    f = make_finding(insp, open_case.id)
    cases.open_case(admin, [f.id])
    with pytest.raises(ValidationError, match="Nothing was deleted: purchase"):
        bulk.delete_items(insp, "purchase", [*ids, open_case.id])
    assert _deleted(insp, Purchase, ids) == []
    bulk.delete_items(insp, "purchase", ids)
    assert sorted(_deleted(insp, Purchase, ids)) == ids
    with recording() as log:
        waste_basket.restore_items(insp, [("purchase", i) for i in ids])
    assert _deleted(insp, Purchase, ids) == []
    assert log.changes.ids(kinds.PURCHASE) == frozenset(ids)


def test_one_row_keeps_its_own_sentence(insp, admin, shop, purchase):
    f = make_finding(insp, purchase.id)
    case = cases.open_case(admin, [f.id])
    with pytest.raises(ValidationError) as refused:
        bulk.delete_items(insp, "finding", [f.id])
    assert str(refused.value) == f"Finding {f.id} is part of case {case.case_number} and cannot be deleted"


def test_recording_sees_what_committed_only(insp, admin, shop, purchase):
    f = make_finding(insp, purchase.id)
    with recording() as log:
        case = cases.open_case(admin, [f.id])
        cases.advance(admin, case.case_number, CaseStatus.NOTIFIED, "")
    assert log.changes.ids(kinds.CASE) == frozenset([case.id])
    assert f.id in (log.changes.ids(kinds.FINDING) or ())

    with recording() as log, pytest.raises(ValidationError):
        findings.update_finding(insp, f.id, findings.FindingInput(
            category="product_quality", severity="major", title="", version=f.version))
    assert not log.changes  # refused: nothing committed, nothing to refresh

    with recording() as log, insp.db.batch():
        purchases.set_verdict(insp, purchase.id, "pass")
    assert log.changes.ids(kinds.PURCHASE) == frozenset([purchase.id])


def test_changes_merge_and_everything():
    a = Changes.of(kinds.FINDING, [1, 2]) | Changes.of(kinds.FINDING, [3]) | Changes.of(kinds.CASE)
    assert a.ids(kinds.FINDING) == frozenset([1, 2, 3])
    assert a.ids(kinds.CASE) is None
    assert a.ids(kinds.PHOTO) == frozenset()
    assert a.touches(kinds.CASE) and not a.touches(kinds.PHOTO)
    assert Changes.everything().touches(kinds.PHOTO)
    assert not Changes()


def test_a_savepoint_rolled_back_is_not_reported(insp, shop, purchase):
    """Inside one transaction a refused row (its savepoint rolled back) is left out, the
    rows that stayed are reported once the whole transaction commits."""
    other = make_purchase(insp, shop.id)
    with recording() as log, insp.db.batch():
        purchases.set_verdict(insp, purchase.id, "pass")
        try:
            with insp.db.write() as s:
                s.get(Purchase, other.id).notes = "kept?"
                s.flush()
                raise RuntimeError("refused")
        except RuntimeError:
            pass
    assert log.changes.ids(kinds.PURCHASE) == frozenset([purchase.id])
    assert purchases.get_purchase(insp, other.id).notes == ""
