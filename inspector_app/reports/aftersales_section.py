"""The after-sales section of the monthly and annual quality reports: work orders by type and
result, the service-duration distribution, median and 90th percentile, shops over 60 hours,
the trend, and the after-sales and complaint rates with the basis they were computed on."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from inspector_app.domain import glossary
from inspector_app.domain.glossary import word
from inspector_app.reports import labels
from inspector_app.reports.pdf_base import content_width, section, table
from inspector_app.reports.pdf_text import para

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

logger = logging.getLogger(__name__)

#: Labels of the duration bands (domain/workorders.BANDS).
BANDS = ("≤ 24 h", "24–48 h", "48–72 h", "> 72 h")
#: The after-sales figures compared between an archived report and now: (key, label).
COMPARED = (
    ("after_sales", "After-sales work orders 售后工单"),
    ("complaints", "Complaints 投诉"),
    ("median", "Service duration, median 售后服务时长中位数"),
    ("p90", "Service duration, 90th percentile 90分位"),
    ("after_sales_rate", word("after_sales_rate")),
    ("complaint_rate", word("complaint_rate")),
)


def _int(v: Any) -> str:
    return "—" if v is None else f"{int(v):,}"


def _hours(v: Any) -> str:
    return "—" if v is None else f"{float(v):.1f} h"


def rate_text(v: Any, basis: str) -> str:
    """A rate as the report prints it: a percentage per order, or a count per month."""
    if v is None:
        return "—"
    if basis == "per_order":
        return f"{100 * float(v):.2f}%"
    return f"{float(v):.1f} / month 每月"


def compared(figures: Mapping[str, Any]) -> dict[str, str]:
    """The compared figures of a report's after-sales dict, formatted (for 'Changes')."""
    f = figures.get("after_sales") or {}
    basis = f.get("rate_basis", "per_month")
    out = {}
    for key, label in COMPARED:
        v = f.get(key)
        if key in ("median", "p90"):
            out[label] = _hours(v)
        elif key.endswith("_rate"):
            out[label] = rate_text(v, basis)
        else:
            out[label] = _int(v)
    return out


def basis_note(f: Mapping[str, Any]) -> str:
    """What the rates are: per order over imported volumes, or per month without them."""
    if f.get("rate_basis") == "per_order":
        note = (f"Rates per order, over {_int(f.get('orders'))} orders of the merchants with "
                f"order volumes for the period. 比率按订单量计算（共 {_int(f.get('orders'))} 单）。")
        missing = f.get("merchants_without_volume") or 0
        if missing:
            note += (f" {missing} merchants with work orders have no order volume for the "
                     f"period and are left out of the rates. {missing} 个有工单的商家缺少本期订单量，"
                     "未计入比率。")
        return note
    return ("No order volumes imported for this period: the rates are work orders per month, "
            "not per order (import them with 'inspector import volumes'). 本期未导入订单量：比率"
            "为每月工单数，而非每单比率。")


def story(figures: Mapping[str, Any]) -> list[Flowable]:
    """The section's flowables; an archived report without after-sales figures gets none."""
    f = figures.get("after_sales")
    if not f:
        return []
    w = content_width()
    basis = f.get("rate_basis", "per_month")
    mean = f.get("stock_in_mean")
    rows = [
        ["After-sales work orders applied for 售后工单（申请）", _int(f.get("after_sales"))],
        ["Complaints 投诉", _int(f.get("complaints"))],
        [word("after_sales_rate"), rate_text(f.get("after_sales_rate"), basis)],
        [word("complaint_rate"), rate_text(f.get("complaint_rate"), basis)],
        [f"Timed work orders (closed in the period, applied since {f.get('applied_from')}) "
         "计时样本", _int(f.get("timed"))],
        [word("service_duration") + ", median 中位数", _hours(f.get("median"))],
        [word("service_duration") + ", 90th percentile 90分位", _hours(f.get("p90"))],
        ["Signed to stocked in, mean (aim: 12 h) 签收到入库平均时长（目标12小时）", _hours(mean)],
    ]
    out: list[Flowable] = [
        section("After-sales work orders 售后工单", "h1"),
        table(rows, [w * 0.72, w * 0.28], header=["Figure 指标", "Value 数值"], right=[1]),
        para(basis_note(f), "small"),
    ]
    timed = f.get("timed") or 0
    bands = f.get("bands") or [0, 0, 0, 0]
    out += [
        section(word("service_duration") + " 分布", "h2"),
        table([[label, n, f"{100 * n / timed:.1f}%" if timed else "—"]
               for label, n in zip(BANDS, bands, strict=True)],
              [w * 0.4, w * 0.3, w * 0.3], header=["Hours 小时", "Work orders 工单", "Share 占比"],
              right=[2]),
    ]
    results = f.get("by_result") or {}
    if results:
        out += [section("Closed work orders by result 按结果", "h2"), table(
            [[labels.work_order_result(k) if k in glossary.WORK_ORDER_RESULT
              else "Other 其他", n] for k, n in sorted(results.items(), key=lambda r: (-r[1], r[0]))],
            [w * 0.6, w * 0.4], header=["Result 结果", "Work orders 工单"])]
    types = f.get("by_type") or []
    if types:
        out += [section("After-sales work orders by type 按类型", "h2"), table(
            [[t or "—", n] for t, n in types[:15]], [w * 0.6, w * 0.4],
            header=["Type 类型", "Work orders 工单"])]
    out.append(section(word("over_60h"), "h2"))
    shops = f.get("shops_over_60h") or []
    if shops:
        out.append(table([[s, name, n, _hours(h)] for s, name, n, h in shops],
                         [w * 0.2, w * 0.44, w * 0.16, w * 0.2],
                         header=["Shop id", "Merchant 商家", "Timed 计时", "Mean 平均"]))
    else:
        out.append(para("No shop's mean service duration exceeds 60 hours. 无超过60小时的店铺。"))
    trend = f.get("trend") or []
    if trend:
        out += [section("After-sales trend by month 售后月度趋势", "h2"), table(
            [[m, a, c, _hours(med), rate_text(r, "per_order")] for m, a, c, med, r in trend],
            [w * 0.18, w * 0.2, w * 0.18, w * 0.22, w * 0.22],
            header=["Month 月份", "After-sales 售后", "Complaints 投诉", "Median 中位数",
                    "Rate per order 每单"])]
    return out
