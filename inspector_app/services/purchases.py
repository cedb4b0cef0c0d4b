"""Mystery purchases: plan, log the order, receive, record the verdict; soft delete."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from inspector_app.db.models import (
    CaseFinding,
    Finding,
    Merchant,
    Product,
    Purchase,
    RectificationCase,
    User,
)
from inspector_app.domain.enums import PurchaseStatus, Role, Verdict
from inspector_app.domain.errors import (
    ConflictError,
    InspectorError,
    InvalidForm,
    NotFound,
    ValidationError,
)
from inspector_app.domain.labels import purchase_status_label
from inspector_app.domain.messages import t
from inspector_app.domain.money import to_cents
from inspector_app.domain.purchase_status import contradiction, status_from_dates
from inspector_app.domain.spend import Disposition, check_disposition
from inspector_app.domain.workflow import ACTIVE_STATUSES
from inspector_app.services.common import aware, clean_line, clean_text, get_live, now
from inspector_app.services.context import RECORDERS, SEES_PRIVATE, Context

logger = logging.getLogger(__name__)


@dataclass
class PurchaseInput:
    """What a purchase form submits. Money as text ('129.90') or cents (int)."""

    merchant_id: int
    product_id: int | None = None
    order_number: str = ""
    ordered_at: datetime | None = None
    price_paid: str | int | None = None
    buyer_alias: str = ""
    delivery_address: str = ""
    received_at: datetime | None = None
    inspector_id: int | None = None
    #: The status a person chose; None: it follows the dates (domain/purchase_status.py).
    status: PurchaseStatus | None = None
    #: True: keep `status` when the dates change later; False: follow the dates; None (the
    #: default): by hand when `status` is given and differs from what the dates say, else
    #: as the purchase had it.
    status_by_hand: bool | None = None
    notes: str = ""
    #: How the goods ended (domain/spend.py): returned / sample / disposed, or None.
    disposition: str | None = None
    refund: str | int | None = None
    lightning_refund: bool = False
    sample_location: str = ""


@dataclass(frozen=True)
class PurchaseInfo:
    id: int
    uid: str
    merchant_id: int
    merchant_name: str
    merchant_shop_id: str
    product_id: int | None
    product_name: str
    brand: str
    order_number: str
    ordered_at: datetime | None
    price_paid_cents: int | None
    buyer_alias: str  # "" unless the reader may see it
    delivery_address: str  # "" unless the reader may see it
    received_at: datetime | None
    inspected_at: datetime | None
    inspector_id: int | None
    inspector: str
    status: PurchaseStatus
    verdict: Verdict | None
    notes: str
    finding_count: int = 0
    deleted: bool = False
    extra: dict = field(default_factory=dict)
    disposition: str | None = None
    refund_cents: int | None = None
    lightning_refund: bool = False
    sample_location: str = ""
    #: The status was set by hand; otherwise it follows the dates.
    status_set_by_hand: bool = False


def info(s: Session, p: Purchase, role: Role | None) -> PurchaseInfo:
    private = role in SEES_PRIVATE
    count = s.scalar(
        select(func.count()).select_from(Finding)
        .where(Finding.purchase_id == p.id, Finding.deleted_at.is_(None))
    ) or 0
    return PurchaseInfo(
        id=p.id, uid=p.uid, merchant_id=p.merchant_id, merchant_name=p.merchant.name,
        merchant_shop_id=p.merchant.shop_id, product_id=p.product_id,
        product_name=p.product.name if p.product else "",
        brand=p.product.brand.name if p.product and p.product.brand else "",
        order_number=p.order_number or "", ordered_at=p.ordered_at,
        price_paid_cents=p.price_paid_cents,
        buyer_alias=p.buyer_alias if private else "",
        delivery_address=p.delivery_address if private else "",
        received_at=p.received_at, inspected_at=p.inspected_at,
        # Who inspected and the purchase's notes are private too (docs/team-server.md).
        inspector_id=p.inspector_id if private else None,
        inspector=p.inspector.display_name if p.inspector and private else "",
        status=PurchaseStatus(p.status), verdict=p.verdict and Verdict(p.verdict),
        notes=p.notes if private else "",
        finding_count=count, deleted=p.deleted_at is not None,
        disposition=p.disposition.value if p.disposition else None,
        refund_cents=p.refund_cents, lightning_refund=bool(p.lightning_refund),
        sample_location=p.sample_location or "",
        status_set_by_hand=bool(p.status_set_by_hand),
    )


def _active_case_number(s: Session, purchase_id: int) -> str | None:
    """The number of an active case covering a finding of this purchase, if any."""
    return s.scalar(
        select(RectificationCase.case_number)
        .join(CaseFinding, CaseFinding.case_id == RectificationCase.id)
        .join(Finding, Finding.id == CaseFinding.finding_id)
        .where(Finding.purchase_id == purchase_id)
        .where(RectificationCase.status.in_([st.value for st in ACTIVE_STATUSES]))
        .limit(1)
    )


def _checked(s: Session, p: Purchase, data: PurchaseInput) -> tuple[list[InspectorError], dict]:
    """Every problem of a form (not only the first), each naming its field, and the cleaned
    values; the form shows them all at once, next to their fields."""
    problems: list[InspectorError] = []

    def attempt(check):
        try:
            return check()
        except (ValidationError, ConflictError) as exc:
            problems.append(exc)
            return None

    def refuse(message: str, field_name: str, kind=ValidationError) -> None:
        problems.append(kind(message, field=field_name))

    status, by_hand = effective_status(p, data)
    if status == PurchaseStatus.INSPECTED and p.verdict is None:
        refuse(t("Record a verdict to mark a purchase inspected"), "status")
    merchant = s.get(Merchant, data.merchant_id) if data.merchant_id else None
    if merchant is None or merchant.deleted_at is not None:
        refuse(t("Choose the merchant who sold it"), "merchant")
    elif p.id is not None and p.merchant_id != merchant.id:
        case_number = _active_case_number(s, p.id)
        if case_number:
            refuse(t(
                "Its findings are in open case {case} for the current merchant; "
                "the merchant cannot change until the case is finished", case=case_number,
            ), "merchant")
    if data.product_id is not None:
        product = s.get(Product, data.product_id)
        if product is None or product.deleted_at is not None:
            refuse(t("Choose an existing product"), "product")
    if data.inspector_id is not None:
        inspector = s.get(User, data.inspector_id)
        if inspector is None or not inspector.active:
            refuse(t("Choose an active user as the inspector"), "inspector")
        elif inspector.role not in RECORDERS:
            refuse(t("{name} is not an inspector or a quality manager",
                     name=inspector.display_name), "inspector")
    order_number = attempt(lambda: clean_line(data.order_number, "order_number", limit=64))
    ordered_at = attempt(lambda: aware(data.ordered_at, "ordered_at"))
    received_at = attempt(lambda: aware(data.received_at, "received_at"))
    if status != PurchaseStatus.PLANNED and status != PurchaseStatus.CANCELLED:
        if order_number == "":
            refuse(t("An ordered purchase needs the platform order number"), "order_number")
        if ordered_at is None and data.ordered_at is None:
            refuse(t("When was it ordered?"), "ordered_at")
    if status in (PurchaseStatus.RECEIVED, PurchaseStatus.INSPECTED) and data.received_at is None:
        refuse(t("When did the parcel arrive?"), "received_at")
    behind = contradiction(status, data.ordered_at, data.received_at, p.verdict)
    if behind is not None:
        refuse(behind.message, behind.field)
    if ordered_at and received_at and received_at < ordered_at:
        refuse(t("It cannot arrive before it was ordered"), "received_at")
    if ordered_at and ordered_at > now():
        refuse(t("The order time is in the future"), "ordered_at")
    if order_number:
        clash = s.scalar(
            select(Purchase.id).where(Purchase.order_number == order_number, Purchase.id != (p.id or -1))
        )
        if clash:
            refuse(t("Order number {order} is already recorded", order=order_number),
                   "order_number", ConflictError)
    price_cents = attempt(lambda: to_cents(data.price_paid, "price_paid"))
    refund_cents = attempt(lambda: to_cents(data.refund, "refund"))
    wrong, disposition = check_disposition(
        data.disposition, refund_cents, data.lightning_refund, data.sample_location, price_cents)
    problems.extend(wrong)
    if disposition.disposition is not None and status not in (PurchaseStatus.RECEIVED,
                                                               PurchaseStatus.INSPECTED):
        refuse(t("Only goods that arrived can be returned, kept or disposed of"), "disposition")
    cleaned = {
        "status": status,
        "status_by_hand": by_hand,
        "disposition": disposition,
        "order_number": order_number,
        "ordered_at": ordered_at,
        "received_at": received_at,
        "price_paid_cents": price_cents,
        "buyer_alias": attempt(lambda: clean_line(data.buyer_alias, "buyer_alias", limit=100)),
        "delivery_address": attempt(
            lambda: clean_text(data.delivery_address, "delivery_address", limit=1000)
        ),
        "notes": attempt(lambda: clean_text(data.notes, "notes")),
    }
    return problems, cleaned


def effective_status(p: Purchase, data: PurchaseInput) -> tuple[PurchaseStatus, bool]:
    """The status a save gives the purchase and whether it was set by hand: the person's
    choice, or what the form's dates (and the purchase's verdict) say."""
    derived = status_from_dates(data.ordered_at, data.received_at, p.verdict)
    by_hand = data.status_by_hand
    if by_hand is None:
        if data.status is None:
            by_hand = bool(p.status_set_by_hand)
        else:
            by_hand = PurchaseStatus(data.status) != derived
    if not by_hand:
        return derived, False
    chosen = data.status if data.status is not None else p.status
    return PurchaseStatus(chosen or derived), True


def _apply(s: Session, p: Purchase, data: PurchaseInput) -> None:
    """Validate a form and copy it onto the row; refused with every problem of the form."""
    problems, v = _checked(s, p, data)
    if len(problems) == 1:
        raise problems[0]
    if problems:
        raise InvalidForm(problems)
    p.merchant_id = data.merchant_id
    p.product_id = data.product_id
    p.order_number = v["order_number"] or None
    p.ordered_at, p.received_at = v["ordered_at"], v["received_at"]
    p.price_paid_cents = v["price_paid_cents"]
    p.buyer_alias = v["buyer_alias"]
    p.delivery_address = v["delivery_address"]
    p.inspector_id = data.inspector_id
    p.status, p.status_set_by_hand = v["status"], v["status_by_hand"]
    p.notes = v["notes"]
    _set_disposition(p, v["disposition"])


def _set_disposition(p: Purchase, d: Disposition) -> None:
    p.disposition, p.refund_cents = d.disposition, d.refund_cents
    p.lightning_refund, p.sample_location = d.lightning_refund, d.sample_location


def set_disposition(
    ctx: Context, purchase_id: int, disposition: str | None, *, refund: str | int | None = None,
    lightning_refund: bool = False, sample_location: str = "",
) -> PurchaseInfo:
    """Record how a purchase's goods ended (docs/domain.md, "What the team spent")."""
    actor = ctx.require(*RECORDERS, action=t("edit purchases"))
    refund_cents = to_cents(refund, "refund")
    with ctx.db.write() as s:
        p = get_live(s, Purchase, purchase_id, "purchase")
        wrong, d = check_disposition(disposition, refund_cents, lightning_refund,
                                     sample_location, p.price_paid_cents)
        if d.disposition is not None and p.status not in (PurchaseStatus.RECEIVED,
                                                          PurchaseStatus.INSPECTED):
            wrong.append(ValidationError(
                t("Only goods that arrived can be returned, kept or disposed of"),
                field="disposition"))
        if len(wrong) == 1:
            raise wrong[0]
        if wrong:
            raise InvalidForm(wrong)
        _set_disposition(p, d)
        return info(s, p, actor.role)


def validate_purchase(
    ctx: Context, data: PurchaseInput, purchase_id: int | None = None
) -> list[InspectorError]:
    """The problems saving this form would meet, each naming its field; [] when it would
    save. Reads only, so the form can ask while the user types."""
    actor = ctx.require(*RECORDERS, action=t("log purchases"))
    with ctx.db.read() as s:
        p = get_live(s, Purchase, purchase_id, "purchase") if purchase_id else Purchase()
        if purchase_id is None and data.inspector_id is None and actor.role == Role.INSPECTOR:
            data = replace(data, inspector_id=actor.id)
        problems, _ = _checked(s, p, data)
        return problems


def create_purchase(ctx: Context, data: PurchaseInput) -> PurchaseInfo:
    actor = ctx.require(*RECORDERS, action=t("log purchases"))
    with ctx.db.write() as s:
        p = Purchase(created_by_id=ctx.actor_id)
        if data.inspector_id is None and actor.role == Role.INSPECTOR:
            data.inspector_id = actor.id
        _apply(s, p, data)
        s.add(p)
        s.flush()
        return info(s, p, actor.role)


def update_purchase(ctx: Context, purchase_id: int, data: PurchaseInput) -> PurchaseInfo:
    actor = ctx.require(*RECORDERS, action=t("edit purchases"))
    with ctx.db.write() as s:
        p = get_live(s, Purchase, purchase_id, "purchase")
        _apply(s, p, data)
        return info(s, p, actor.role)


def set_verdict(ctx: Context, purchase_id: int, verdict: Verdict | str | None) -> PurchaseInfo:
    """Record pass/fail; this marks the purchase inspected. A fail needs at least one finding."""
    actor = ctx.require(*RECORDERS, action=t("record verdicts"))
    with ctx.db.write() as s:
        p = get_live(s, Purchase, purchase_id, "purchase")
        if verdict is None:
            p.verdict, p.inspected_at = None, None
            if p.status == PurchaseStatus.INSPECTED:
                p.status = PurchaseStatus.RECEIVED
            return info(s, p, actor.role)
        verdict = Verdict(verdict)
        if p.status in (PurchaseStatus.PLANNED, PurchaseStatus.CANCELLED):
            raise ValidationError(
                t("A {status} purchase cannot be inspected", status=purchase_status_label(p.status)),
                field="verdict",
            )
        if verdict == Verdict.FAIL:
            n = s.scalar(select(func.count()).select_from(Finding).where(
                Finding.purchase_id == p.id, Finding.deleted_at.is_(None)))
            if not n:
                raise ValidationError(
                    t("Record at least one finding before failing a purchase"), field="verdict"
                )
        p.verdict, p.status, p.inspected_at = verdict, PurchaseStatus.INSPECTED, now()
        if p.received_at is None:
            p.received_at = p.inspected_at
        return info(s, p, actor.role)


def get_purchase(ctx: Context, purchase_id: int) -> PurchaseInfo:
    with ctx.db.read() as s:
        p = s.get(Purchase, purchase_id)
        if p is None:
            raise NotFound(t("No purchase with id {id}", id=purchase_id))
        return info(s, p, ctx.actor.role if ctx.actor else None)


def find_by_order_number(ctx: Context, order_number: str) -> PurchaseInfo:
    with ctx.db.read() as s:
        p = s.scalar(select(Purchase).where(Purchase.order_number == order_number.strip()))
        if p is None or p.deleted_at is not None:
            raise NotFound(t("No purchase with order number '{order}'", order=order_number))
        return info(s, p, ctx.actor.role if ctx.actor else None)


def delete_purchase(ctx: Context, purchase_id: int) -> None:
    """Soft delete (undo with restore_purchase); a purchase under an active case stays."""
    ctx.require(*RECORDERS, action=t("delete purchases"))
    with ctx.db.write() as s:
        p = get_live(s, Purchase, purchase_id, "purchase")
        case_number = _active_case_number(s, p.id)
        if case_number:
            raise ValidationError(t(
                "Purchase {purchase} has findings in open case {case}; close or cancel the case first",
                purchase=p.order_number or p.id, case=case_number,
            ))
        p.deleted_at, p.deleted_by_id = now(), ctx.actor_id


def restore_purchase(ctx: Context, purchase_id: int) -> None:
    ctx.require(*RECORDERS, action=t("restore purchases"))
    with ctx.db.write() as s:
        p = s.get(Purchase, purchase_id)
        if p is None:
            raise NotFound(t("No purchase with id {id}", id=purchase_id))
        p.deleted_at = p.deleted_by_id = None
