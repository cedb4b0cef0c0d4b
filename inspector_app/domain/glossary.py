"""The one glossary of severity, case status, finding category, work-order, review and disposition
terms, in English and Chinese.

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
#: Work-order kind value -> (English, Chinese).
WORK_ORDER_KIND: dict[str, tuple[str, str]] = {
    "complaint": ("Complaint", "投诉"),
    "after_sales": ("After-sales work order", "售后工单"),
}
#: Work-order result value -> (English, Chinese) (docs/domain.md, "After-sales service duration").
WORK_ORDER_RESULT: dict[str, tuple[str, str]] = {
    "completed": ("Completed", "已完成"),
    "cancelled": ("Cancelled", "已取消"),
    "rejected": ("Rejected", "已驳回"),
    "lightning_refund": ("Lightning refund", "闪电退款"),
}
#: Work-order stage value -> (English, Chinese) (docs/domain.md, "Work-order warnings").
WORK_ORDER_STAGE: dict[str, tuple[str, str]] = {
    "pickup": ("Pickup or dispatch", "上门取件/发货"),
    "return_info": ("Reverse-logistics information", "逆向物流信息"),
    "arrival": ("Arrival at the warehouse", "到仓"),
    "stock_in_alert": ("Stock-in alert", "入库预警"),
    "stock_in": ("Stock-in", "入库"),
}
#: After-sales words that are not stored values: key -> (English, Chinese). The UI's tr()
#: calls carry the comment "after-sales term"; tests/unit/test_glossary.py compares them.
AFTER_SALES: dict[str, tuple[str, str]] = {
    "work_orders": ("Work orders", "工单"),
    "service_duration": ("Service duration", "售后服务时长"),
    "running_late": ("Running late", "超时未完成"),
    "late_stages": ("Late stages", "超时环节"),
    "longest": ("Longest work orders", "时长最长的工单"),
    "statistics_window": ("Statistics window", "统计周期"),
    "over_60h": ("Shops over 60 h", "售后服务时长超过60小时的店铺"),
    "after_sales_rate": ("After-sales rate", "售后率"),
    "complaint_rate": ("Complaint rate", "投诉率"),
    "orders": ("Orders", "订单量"),
}
#: Monthly merchant review decision value -> (English, Chinese).
REVIEW_DECISION: dict[str, tuple[str, str]] = {
    "watch": ("Watch", "观察"),
    "suspend": ("Suspend", "暂停"),
    "eliminate": ("Eliminate", "清退"),
    "no_action": ("No action", "不处理"),
}
#: Why the monthly review makes a merchant a candidate -> (English, Chinese).
REVIEW_REASON: dict[str, tuple[str, str]] = {
    "late_work_orders": ("work orders over 72 h", "工单超过72小时"),
    "complaint_surge": ("complaints surging", "投诉激增"),
    "risk_score": ("risk score", "风险分"),
}
#: How a purchase's goods ended -> (English, Chinese).
DISPOSITION: dict[str, tuple[str, str]] = {
    "returned": ("Returned", "已退货"),
    "sample": ("Kept as sample", "留样"),
    "disposed": ("Disposed of", "已处置"),
}
#: Vocabulary name (as the translation contexts call it) -> its table.
TERMS: dict[str, dict[str, tuple[str, str]]] = {
    "severity": SEVERITY,
    "case status": CASE_STATUS,
    "finding category": CATEGORY,
    "work order kind": WORK_ORDER_KIND,
    "work order result": WORK_ORDER_RESULT,
    "work order stage": WORK_ORDER_STAGE,
    "review decision": REVIEW_DECISION,
    "review reason": REVIEW_REASON,
    "goods disposition": DISPOSITION,
}


def word(key: str) -> str:
    """An after-sales word as documents print it: 'Service duration 售后服务时长'."""
    return bilingual(AFTER_SALES, key)


def bilingual(table: dict[str, tuple[str, str]], value: str) -> str:
    """'Major 重要': how documents for both languages print a term."""
    en, zh = table[value]
    return f"{en} {zh}"
