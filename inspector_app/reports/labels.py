"""Printed names of the domain's vocabularies (English with Chinese) for reports and workbooks."""

from __future__ import annotations

import logging
from enum import Enum

from inspector_app.domain import glossary
from inspector_app.domain.glossary import bilingual

logger = logging.getLogger(__name__)

#: Finding categories, severities and case statuses as printed: from the one glossary.
CATEGORY = {k: bilingual(glossary.CATEGORY, k) for k in glossary.CATEGORY}
SEVERITY = {k: bilingual(glossary.SEVERITY, k) for k in glossary.SEVERITY}
CASE_STATUS = {k: bilingual(glossary.CASE_STATUS, k) for k in glossary.CASE_STATUS}
WORK_ORDER_KIND = {k: bilingual(glossary.WORK_ORDER_KIND, k) for k in glossary.WORK_ORDER_KIND}
WORK_ORDER_RESULT = {
    k: bilingual(glossary.WORK_ORDER_RESULT, k) for k in glossary.WORK_ORDER_RESULT}
WORK_ORDER_STAGE = {k: bilingual(glossary.WORK_ORDER_STAGE, k) for k in glossary.WORK_ORDER_STAGE}
REVIEW_DECISION = {k: bilingual(glossary.REVIEW_DECISION, k) for k in glossary.REVIEW_DECISION}
REVIEW_REASON = {k: bilingual(glossary.REVIEW_REASON, k) for k in glossary.REVIEW_REASON}
DISPOSITION = {k: bilingual(glossary.DISPOSITION, k) for k in glossary.DISPOSITION}
#: Merchant statuses as printed.
MERCHANT_STATUS = {
    "active": "Active 正常",
    "watch": "On watch 观察",
    "suspended": "Suspended 暂停",
    "eliminated": "Eliminated 清退",
}


def _key(value: object) -> str:
    return value.value if isinstance(value, Enum) else str(value or "")


def category(value: object) -> str:
    key = _key(value)
    return CATEGORY.get(key, key.replace("_", " ").capitalize())


def severity(value: object) -> str:
    key = _key(value)
    return SEVERITY.get(key, key.capitalize())


def case_status(value: object) -> str:
    key = _key(value)
    return CASE_STATUS.get(key, key.replace("_", " ").capitalize())


def work_order_kind(value: object) -> str:
    key = _key(value)
    return WORK_ORDER_KIND.get(key, key)


def work_order_result(value: object) -> str:
    key = _key(value)
    return WORK_ORDER_RESULT.get(key, key)


def work_order_stage(value: object) -> str:
    key = _key(value)
    return WORK_ORDER_STAGE.get(key, key)


def review_decision(value: object) -> str:
    key = _key(value)
    return REVIEW_DECISION.get(key, key)


def review_reason(value: object) -> str:
    key = _key(value)
    return REVIEW_REASON.get(key, key)


def disposition(value: object) -> str:
    key = _key(value)
    return DISPOSITION.get(key, key)


def merchant_status(value: object) -> str:
    key = _key(value)
    return MERCHANT_STATUS.get(key, key.capitalize())


#: Finding categories in a few letters, for chart axes.
CATEGORY_SHORT = {
    "product_quality": "Quality",
    "counterfeit_ip": "Counterfeit/IP",
    "false_advertising": "False advert.",
    "wrong_item": "Wrong item",
    "missing_item": "Missing item",
    "size_mismatch": "Size/spec",
    "packaging_damage": "Packaging",
    "safety_hazard": "Safety",
    "expired_spoiled": "Expired",
    "other": "Other",
}


def category_short(value: object) -> str:
    key = _key(value)
    return CATEGORY_SHORT.get(key, key.replace("_", " ")[:14])
