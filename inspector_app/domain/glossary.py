"""The one glossary of severity, case status and finding category terms, in English and Chinese.

The desktop application (ui/i18n.enum_label and its .ts translations), the command line
(domain/labels.py through messages_zh_CN.json), the PDFs and the workbooks
(reports/labels.py) all say what this table says; tests/unit/test_glossary.py fails when
one of them disagrees.
"""

from __future__ import annotations

import logging

logger = logging.getLogger(__name__)

#: Severity value -> (English, Chinese).
SEVERITY: dict[str, tuple[str, str]] = {
    "critical": ("Critical", "严重"),
    "major": ("Major", "重要"),
    "minor": ("Minor", "轻微"),
}
#: Case status value -> (English, Chinese).
CASE_STATUS: dict[str, tuple[str, str]] = {
    "open": ("Open", "待通知"),
    "notified": ("Notified", "已通知"),
    "responded": ("Responded", "已回复"),
    "rectifying": ("Rectifying", "整改中"),
    "awaiting_verification": ("Awaiting verification", "待复核"),
    "escalated": ("Escalated", "已升级"),
    "closed": ("Closed", "已关闭"),
    "cancelled": ("Cancelled", "已撤销"),
    "waived": ("Waived", "已豁免"),
}
#: Groups of case statuses the screens count by -> (English, Chinese). "Active" is every
#: status that is not final; it is never called "open", which is the status of a case not
#: yet notified (the dashboard's tile and the Cases screen's filter say the same).
CASE_GROUP: dict[str, tuple[str, str]] = {
    "active": ("Active", "进行中"),
    "active_cases": ("Active cases", "进行中整改单"),
}
#: Finding category value -> (English, Chinese).
CATEGORY: dict[str, tuple[str, str]] = {
    "product_quality": ("Product quality", "产品质量"),
    "counterfeit_ip": ("Counterfeit / IP", "假冒 / 侵权"),
    "false_advertising": ("False advertising", "虚假宣传"),
    "wrong_item": ("Wrong item", "错发商品"),
    "missing_item": ("Missing item or parts", "漏发或缺件"),
    "size_mismatch": ("Size / specification mismatch", "尺码 / 规格不符"),
    "packaging_damage": ("Packaging or logistics damage", "包装或物流破损"),
    "safety_hazard": ("Safety hazard", "安全隐患"),
    "expired_spoiled": ("Expired or spoiled", "过期或变质"),
    "other": ("Other", "其他"),
}
#: Vocabulary name (as the translation contexts call it) -> its table.
TERMS: dict[str, dict[str, tuple[str, str]]] = {
    "severity": SEVERITY,
    "case status": CASE_STATUS,
    "finding category": CATEGORY,
}


def bilingual(table: dict[str, tuple[str, str]], value: str) -> str:
    """'Major 重要': how documents for both languages print a term."""
    en, zh = table[value]
    return f"{en} {zh}"
