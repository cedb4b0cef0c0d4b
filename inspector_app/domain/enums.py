"""The closed vocabularies of the domain, stored by their string values."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    INSPECTOR = "inspector"
    QUALITY_MANAGER = "quality_manager"
    MERCHANT_MANAGER = "merchant_manager"
    ADMIN = "admin"


class MerchantStatus(StrEnum):
    ACTIVE = "active"
    WATCH = "watch"
    SUSPENDED = "suspended"
    ELIMINATED = "eliminated"


class PurchaseStatus(StrEnum):
    PLANNED = "planned"
    ORDERED = "ordered"
    RECEIVED = "received"
    INSPECTED = "inspected"
    CANCELLED = "cancelled"


class Verdict(StrEnum):
    PASS = "pass"
    FAIL = "fail"


class FindingCategory(StrEnum):
    PRODUCT_QUALITY = "product_quality"
    COUNTERFEIT_IP = "counterfeit_ip"
    FALSE_ADVERTISING = "false_advertising"
    WRONG_ITEM = "wrong_item"
    MISSING_ITEM = "missing_item"
    SIZE_MISMATCH = "size_mismatch"
    PACKAGING_DAMAGE = "packaging_damage"
    SAFETY_HAZARD = "safety_hazard"
    EXPIRED_SPOILED = "expired_spoiled"
    OTHER = "other"


class Severity(StrEnum):
    CRITICAL = "critical"
    MAJOR = "major"
    MINOR = "minor"


class PhotoRole(StrEnum):
    EVIDENCE = "evidence"  # the inspector's photo of the defect
    RECTIFICATION = "rectification"  # the merchant's evidence of the fix
    VERIFICATION = "verification"  # the re-check after rectification


class CaseStatus(StrEnum):
    OPEN = "open"
    NOTIFIED = "notified"
    RESPONDED = "responded"
    RECTIFYING = "rectifying"
    AWAITING_VERIFICATION = "awaiting_verification"
    ESCALATED = "escalated"
    CLOSED = "closed"
    CANCELLED = "cancelled"
    WAIVED = "waived"


class VerificationResult(StrEnum):
    PASSED = "passed"
    FAILED = "failed"


class WorkOrderKind(StrEnum):
    COMPLAINT = "complaint"
    AFTER_SALES = "after_sales"


class WorkOrderResult(StrEnum):
    """How a work order ended; it decides the end point of its service duration
    (docs/domain.md, "After-sales service duration")."""

    COMPLETED = "completed"
    CANCELLED = "cancelled"
    REJECTED = "rejected"
    LIGHTNING_REFUND = "lightning_refund"


class WorkOrderStage(StrEnum):
    """The after-sales stages a warning is set on (docs/domain.md, "Work-order warnings")."""

    PICKUP = "pickup"
    RETURN_INFO = "return_info"
    ARRIVAL = "arrival"
    STOCK_IN_ALERT = "stock_in_alert"
    STOCK_IN = "stock_in"


class PlanStatus(StrEnum):
    DRAFT = "draft"
    ACCEPTED = "accepted"


class ReviewDecision(StrEnum):
    """What the monthly merchant review decided for a merchant (docs/domain.md, "The monthly merchant review")."""

    WATCH = "watch"
    SUSPEND = "suspend"
    ELIMINATE = "eliminate"
    NO_ACTION = "no_action"


class GoodsDisposition(StrEnum):
    """How a purchase's goods ended (docs/domain.md, "What the team spent")."""

    RETURNED = "returned"
    SAMPLE = "sample"
    DISPOSED = "disposed"


class ReviewReason(StrEnum):
    """A rule of the monthly review that makes a merchant a candidate on its own."""

    LATE_WORK_ORDERS = "late_work_orders"
    COMPLAINT_SURGE = "complaint_surge"
    RISK_SCORE = "risk_score"
