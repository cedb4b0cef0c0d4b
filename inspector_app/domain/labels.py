"""Translated names of the domain's values for messages: statuses, roles, fields, things.

In English a message names a status or a role by its stored value ("awaiting_verification",
"merchant_manager"): the same word the command line takes (`--to`, `--role`) and the
tests match. Other languages get the words the desktop application shows for them
(ui/i18n.enum_label). Each function builds its table per call, so a language change
applies at once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from enum import Enum
from typing import Any

from inspector_app.domain.enums import (
    CaseStatus,
    GoodsDisposition,
    MerchantStatus,
    PhotoRole,
    PlanStatus,
    PurchaseStatus,
    ReviewDecision,
    ReviewReason,
    Role,
    Severity,
    Verdict,
    WorkOrderKind,
    WorkOrderResult,
    WorkOrderStage,
)
from inspector_app.domain.messages import tc

logger = logging.getLogger(__name__)


def case_status_label(status: CaseStatus | str) -> str:
    s = CaseStatus(status)
    return {
        CaseStatus.OPEN: tc("case status", "open"),
        CaseStatus.NOTIFIED: tc("case status", "notified"),
        CaseStatus.RESPONDED: tc("case status", "responded"),
        CaseStatus.RECTIFYING: tc("case status", "rectifying"),
        CaseStatus.AWAITING_VERIFICATION: tc("case status", "awaiting_verification"),
        CaseStatus.ESCALATED: tc("case status", "escalated"),
        CaseStatus.CLOSED: tc("case status", "closed"),
        CaseStatus.CANCELLED: tc("case status", "cancelled"),
        CaseStatus.WAIVED: tc("case status", "waived"),
    }[s]


def role_label(role: Role | str) -> str:
    r = Role(role)
    return {
        Role.INSPECTOR: tc("role", "inspector"),
        Role.QUALITY_MANAGER: tc("role", "quality_manager"),
        Role.MERCHANT_MANAGER: tc("role", "merchant_manager"),
        Role.ADMIN: tc("role", "admin"),
    }[r]


def merchant_status_label(status: MerchantStatus | str) -> str:
    s = MerchantStatus(status)
    return {
        MerchantStatus.ACTIVE: tc("merchant status", "active"),
        MerchantStatus.WATCH: tc("merchant status", "watch"),
        MerchantStatus.SUSPENDED: tc("merchant status", "suspended"),
        MerchantStatus.ELIMINATED: tc("merchant status", "eliminated"),
    }[s]


def purchase_status_label(status: PurchaseStatus | str) -> str:
    s = PurchaseStatus(status)
    return {
        PurchaseStatus.PLANNED: tc("purchase status", "planned"),
        PurchaseStatus.ORDERED: tc("purchase status", "ordered"),
        PurchaseStatus.RECEIVED: tc("purchase status", "received"),
        PurchaseStatus.INSPECTED: tc("purchase status", "inspected"),
        PurchaseStatus.CANCELLED: tc("purchase status", "cancelled"),
    }[s]


def plan_status_label(status: PlanStatus | str) -> str:
    s = PlanStatus(status)
    return {
        PlanStatus.DRAFT: tc("plan status", "draft"),
        PlanStatus.ACCEPTED: tc("plan status", "accepted"),
    }[s]


def photo_role_label(role: PhotoRole | str) -> str:
    r = PhotoRole(role)
    return {
        PhotoRole.EVIDENCE: tc("photo role", "evidence"),
        PhotoRole.RECTIFICATION: tc("photo role", "rectification"),
        PhotoRole.VERIFICATION: tc("photo role", "verification"),
    }[r]


def severity_label(severity: Severity | str) -> str:
    s = Severity(severity)
    return {
        Severity.CRITICAL: tc("severity", "critical"),
        Severity.MAJOR: tc("severity", "major"),
        Severity.MINOR: tc("severity", "minor"),
    }[s]


def verdict_label(verdict: Verdict | str) -> str:
    v = Verdict(verdict)
    return {Verdict.PASS: tc("verdict", "pass"), Verdict.FAIL: tc("verdict", "fail")}[v]


def work_order_result_label(result: WorkOrderResult | str) -> str:
    r = WorkOrderResult(result)
    return {
        WorkOrderResult.COMPLETED: tc("work order result", "completed"),
        WorkOrderResult.CANCELLED: tc("work order result", "cancelled"),
        WorkOrderResult.REJECTED: tc("work order result", "rejected"),
        WorkOrderResult.LIGHTNING_REFUND: tc("work order result", "lightning_refund"),
    }[r]


def work_order_stage_label(stage: WorkOrderStage | str) -> str:
    s = WorkOrderStage(stage)
    return {
        WorkOrderStage.PICKUP: tc("work order stage", "pickup"),
        WorkOrderStage.RETURN_INFO: tc("work order stage", "return_info"),
        WorkOrderStage.ARRIVAL: tc("work order stage", "arrival"),
        WorkOrderStage.STOCK_IN_ALERT: tc("work order stage", "stock_in_alert"),
        WorkOrderStage.STOCK_IN: tc("work order stage", "stock_in"),
    }[s]


def work_order_kind_label(kind: WorkOrderKind | str) -> str:
    k = WorkOrderKind(kind)
    return {
        WorkOrderKind.COMPLAINT: tc("work order kind", "complaint"),
        WorkOrderKind.AFTER_SALES: tc("work order kind", "after_sales"),
    }[k]


def review_decision_label(decision: ReviewDecision | str) -> str:
    d = ReviewDecision(decision)
    return {
        ReviewDecision.WATCH: tc("review decision", "watch"),
        ReviewDecision.SUSPEND: tc("review decision", "suspend"),
        ReviewDecision.ELIMINATE: tc("review decision", "eliminate"),
        ReviewDecision.NO_ACTION: tc("review decision", "no_action"),
    }[d]


def review_reason_label(reason: ReviewReason | str) -> str:
    """Why the review picked a merchant, in words (domain/glossary.py REVIEW_REASON)."""
    r = ReviewReason(reason)
    return {
        ReviewReason.LATE_WORK_ORDERS: tc("review reason", "work orders over 72 h"),
        ReviewReason.COMPLAINT_SURGE: tc("review reason", "complaints surging"),
        ReviewReason.RISK_SCORE: tc("review reason", "risk score"),
    }[r]


def disposition_label(disposition: GoodsDisposition | str) -> str:
    d = GoodsDisposition(disposition)
    return {
        GoodsDisposition.RETURNED: tc("goods disposition", "returned"),
        GoodsDisposition.SAMPLE: tc("goods disposition", "sample"),
        GoodsDisposition.DISPOSED: tc("goods disposition", "disposed"),
    }[d]


#: Enum type -> its label function, for value_label().
_BY_TYPE: dict[type[Enum], Callable[[Any], str]] = {
    CaseStatus: case_status_label,
    Role: role_label,
    MerchantStatus: merchant_status_label,
    PurchaseStatus: purchase_status_label,
    PlanStatus: plan_status_label,
    PhotoRole: photo_role_label,
    Severity: severity_label,
    Verdict: verdict_label,
    WorkOrderResult: work_order_result_label,
    WorkOrderStage: work_order_stage_label,
    WorkOrderKind: work_order_kind_label,
    ReviewDecision: review_decision_label,
    ReviewReason: review_reason_label,
    GoodsDisposition: disposition_label,
}


def value_label(value: Enum) -> str:
    """The translated name of any of the enums above; other values as their plain value."""
    label = _BY_TYPE.get(type(value))
    return label(value) if label else str(getattr(value, "value", value))


def field_label(field: str) -> str:
    """A form field's name, as messages show it ("order_number" -> "Order number")."""
    labels = {
        "brand": tc("field", "Brand"),
        "budget": tc("field", "Budget"),
        "buyer_alias": tc("field", "Buyer alias"),
        "caption": tc("field", "Caption"),
        "category": tc("field", "Category"),
        "contact": tc("field", "Contact"),
        "corrective_action": tc("field", "Corrective action"),
        "delivery_address": tc("field", "Delivery address"),
        "description": tc("field", "Description"),
        "display_name": tc("field", "Display name"),
        "expected": tc("field", "Expected"),
        "list_price": tc("field", "List price"),
        "listing_id": tc("field", "Listing id"),
        "name": tc("field", "Name"),
        "note": tc("field", "Note"),
        "notes": tc("field", "Notes"),
        "observed": tc("field", "Observed"),
        "order_number": tc("field", "Order number"),
        "ordered_at": tc("field", "Ordered at"),
        "preventive_action": tc("field", "Preventive action"),
        "reason": tc("field", "Reason"),
        "received_at": tc("field", "Received at"),
        "response_text": tc("field", "Response text"),
        "root_cause": tc("field", "Root cause"),
        "rule_ref": tc("field", "Rule ref"),
        "shop_id": tc("field", "Shop id"),
        "summary": tc("field", "Summary"),
        "title": tc("field", "Title"),
    }
    return labels.get(field) or field.replace("_", " ").capitalize()


def thing_label(what: str) -> str:
    """The name of a kind of record ("purchase", "case"...), as messages show it."""
    labels = {
        "brand": tc("thing", "brand"),
        "case": tc("thing", "case"),
        "finding": tc("thing", "finding"),
        "merchant": tc("thing", "merchant"),
        "photo": tc("thing", "photo"),
        "product": tc("thing", "product"),
        "purchase": tc("thing", "purchase"),
        "rectification case": tc("thing", "rectification case"),
        "sampling plan": tc("thing", "sampling plan"),
        "user": tc("thing", "user"),
    }
    return labels.get(what) or what


def join_list(items: Iterable[object]) -> str:
    """Items joined for a message: "a, b, c" in English, "a、b、c" in Chinese."""
    return tc("list separator", ", ").join(str(i) for i in items)
