"""Printed names of the domain's vocabularies (English with Chinese) for reports and workbooks."""

from __future__ import annotations

import logging
from enum import Enum

logger = logging.getLogger(__name__)

#: Finding categories as printed.
CATEGORY = {
    "product_quality": "Product quality 商品质量",
    "counterfeit_ip": "Counterfeit / IP 假冒侵权",
    "false_advertising": "False advertising 虚假宣传",
    "wrong_item": "Wrong item 错发",
    "missing_item": "Missing item or parts 漏发缺件",
    "size_mismatch": "Size / specification mismatch 规格不符",
    "packaging_damage": "Packaging or logistics damage 包装破损",
    "safety_hazard": "Safety hazard 安全隐患",
    "expired_spoiled": "Expired or spoiled 过期变质",
    "other": "Other 其他",
}
#: Severities as printed.
SEVERITY = {"critical": "Critical 严重", "major": "Major 一般", "minor": "Minor 轻微"}
#: Case statuses as printed.
CASE_STATUS = {
    "open": "Open 待通知",
    "notified": "Notified 已通知",
    "responded": "Responded 已回复",
    "rectifying": "Rectifying 整改中",
    "awaiting_verification": "Awaiting re-check 待复检",
    "escalated": "Escalated 已升级",
    "closed": "Closed 已关闭",
    "cancelled": "Cancelled 已取消",
    "waived": "Waived 已豁免",
}
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
