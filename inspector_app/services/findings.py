"""Findings: the defects recorded on an inspected purchase; soft delete and restore."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from inspector_app.db.models import CaseFinding, Finding, Purchase, RectificationCase
from inspector_app.domain.enums import FindingCategory, PurchaseStatus, Severity, Verdict
from inspector_app.domain.errors import NotFound, ValidationError
from inspector_app.domain.labels import purchase_status_label
from inspector_app.domain.messages import t
from inspector_app.domain.workflow import ACTIVE_STATUSES
from inspector_app.services.common import clean_line, clean_text, get_live, now
from inspector_app.services.context import RECORDERS, Context

logger = logging.getLogger(__name__)


@dataclass
class FindingInput:
    category: FindingCategory | str
    severity: Severity | str
    title: str
    description: str = ""
    expected: str = ""
    observed: str = ""
    rule_ref: str = ""
    #: The version the form was filled from; a save over a newer one is refused (None: no check).
    version: int | None = None


@dataclass(frozen=True)
class FindingInfo:
    id: int
    uid: str
    purchase_id: int
    order_number: str
    merchant_id: int
    category: FindingCategory
    severity: Severity
    title: str
    description: str
    expected: str
    observed: str
    rule_ref: str
    created_at: datetime
    deleted: bool
    version: int = 1


def info(f: Finding) -> FindingInfo:
    return FindingInfo(
        id=f.id, uid=f.uid, purchase_id=f.purchase_id,
        order_number=f.purchase.order_number or "", merchant_id=f.purchase.merchant_id,
        category=FindingCategory(f.category), severity=Severity(f.severity), title=f.title,
        description=f.description, expected=f.expected, observed=f.observed,
        rule_ref=f.rule_ref, created_at=f.created_at, deleted=f.deleted_at is not None,
        version=f.version,
    )


def _apply(f: Finding, data: FindingInput) -> None:
    try:
        f.category = FindingCategory(data.category)
    except ValueError:
        raise ValidationError(
            t("Unknown category '{category}'", category=data.category), field="category"
        ) from None
    try:
        f.severity = Severity(data.severity)
    except ValueError:
        raise ValidationError(
            t("Unknown severity '{severity}'", severity=data.severity), field="severity"
        ) from None
    f.title = clean_line(data.title, "title", required=True)
    f.description = clean_text(data.description, "description")
    f.expected = clean_text(data.expected, "expected")
    f.observed = clean_text(data.observed, "observed")
    f.rule_ref = clean_line(data.rule_ref, "rule_ref")


def add_finding(ctx: Context, purchase_id: int, data: FindingInput) -> FindingInfo:
    ctx.require(*RECORDERS, action=t("record findings"))
    with ctx.db.write() as s:
        p = get_live(s, Purchase, purchase_id, "purchase")
        if p.status in (PurchaseStatus.PLANNED, PurchaseStatus.CANCELLED):
            raise ValidationError(t(
                "Purchase {purchase} is {status}; findings are recorded once the parcel has arrived",
                purchase=p.order_number or p.id, status=purchase_status_label(p.status),
            ))
        f = Finding(purchase_id=p.id, created_by_id=ctx.actor_id)
        _apply(f, data)
        s.add(f)
        if p.status == PurchaseStatus.ORDERED:
            p.status, p.received_at = PurchaseStatus.RECEIVED, p.received_at or now()
        s.flush()
        return info(f)


def _locked_by_case(s, finding_id: int) -> str | None:
    """The number of a closed case covering this finding: its evidence may no longer change."""
    return s.scalar(
        select(RectificationCase.case_number)
        .join(CaseFinding, CaseFinding.case_id == RectificationCase.id)
        .where(CaseFinding.finding_id == finding_id)
        .where(RectificationCase.status.not_in([st.value for st in ACTIVE_STATUSES]))
        .limit(1)
    )


def update_finding(ctx: Context, finding_id: int, data: FindingInput) -> FindingInfo:
    from inspector_app.services import versions

    ctx.require(*RECORDERS, action=t("edit findings"))
    what = t("Finding {id}", id=finding_id)
    with versions.refused_when_stale(ctx, Finding, lambda: finding_id, what), \
            ctx.db.write() as s:
        f = get_live(s, Finding, finding_id, "finding")
        versions.check(s, f, data.version, what)
        locked = _locked_by_case(s, f.id)
        if locked:
            raise ValidationError(
                t("Finding {id} belongs to case {case}, which is closed", id=f.id, case=locked)
            )
        _apply(f, data)
        s.flush()
        return info(f)


def get_finding(ctx: Context, finding_id: int) -> FindingInfo:
    with ctx.db.read() as s:
        f = s.get(Finding, finding_id)
        if f is None:
            raise NotFound(t("No finding with id {id}", id=finding_id))
        return info(f)


def list_for_purchase(ctx: Context, purchase_id: int) -> list[FindingInfo]:
    with ctx.db.read() as s:
        rows = s.scalars(
            select(Finding).join(Purchase, Purchase.id == Finding.purchase_id)
            .where(Finding.purchase_id == purchase_id, Finding.deleted_at.is_(None))
            .where(Purchase.deleted_at.is_(None))
            .order_by(Finding.id)
        )
        return [info(f) for f in rows]


def delete_finding(ctx: Context, finding_id: int) -> None:
    """Soft delete (undo with restore_finding). A finding under a case must leave the case first."""
    ctx.require(*RECORDERS, action=t("delete findings"))
    with ctx.db.write() as s:
        f = get_live(s, Finding, finding_id, "finding")
        case = s.scalar(
            select(RectificationCase.case_number)
            .join(CaseFinding, CaseFinding.case_id == RectificationCase.id)
            .where(CaseFinding.finding_id == f.id).limit(1)
        )
        if case:
            raise ValidationError(
                t("Finding {id} is part of case {case} and cannot be deleted", id=f.id, case=case)
            )
        if f.purchase.verdict == Verdict.FAIL:
            others = s.scalar(
                select(func.count()).select_from(Finding)
                .where(Finding.purchase_id == f.purchase_id, Finding.id != f.id,
                       Finding.deleted_at.is_(None))
            )
            if not others:
                raise ValidationError(
                    t("This is the only finding of a failed purchase; change the verdict first"))
        f.deleted_at, f.deleted_by_id = now(), ctx.actor_id


def restore_finding(ctx: Context, finding_id: int) -> None:
    ctx.require(*RECORDERS, action=t("restore findings"))
    with ctx.db.write() as s:
        f = s.get(Finding, finding_id)
        if f is None:
            raise NotFound(t("No finding with id {id}", id=finding_id))
        f.deleted_at = f.deleted_by_id = None
