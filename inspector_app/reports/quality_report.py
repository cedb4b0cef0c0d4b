"""The monthly and annual quality report PDF, drawn from (archived) figures alone."""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from inspector_app.domain.messages import t
from inspector_app.reports import aftersales_section, labels
from inspector_app.reports.charts import pareto_chart, trend_chart
from inspector_app.reports.pdf_base import (
    DocInfo,
    Letterhead,
    build_pdf,
    content_width,
    section,
    spacer,
    table,
)
from inspector_app.reports.pdf_text import para
from inspector_app.reports.progress import Job, Progress

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

logger = logging.getLogger(__name__)

MONTHLY = "monthly"
ANNUAL = "annual"


def _int(v: Any) -> str:
    return "—" if v is None else f"{int(v):,}"


def _pct(v: Any) -> str:
    return "—" if v is None else f"{100 * float(v):.1f}%"


def _hours(v: Any) -> str:
    return "—" if v is None else f"{float(v):.1f} h"


def _money(v: Any) -> str:
    return "—" if v is None else f"¥{int(v) / 100:,.2f}"


#: The figures a report states, in order: (path into the figures dict, label, formatter).
FIGURE_ROWS: list[tuple[str, str, Callable[[Any], str]]] = [
    ("purchases", "Mystery purchases 神买订单", _int),
    ("inspected", "Inspected 已检验", _int),
    ("failed", "Failed inspection 检验不合格", _int),
    ("brands", "Brands bought 品牌", _int),
    ("styles", "Styles bought 款式", _int),
    ("problem_products", "Problem products 问题商品", _int),
    ("problem_purchases", "Purchases with findings 有问题订单", _int),
    ("merchants_bought", "Merchants bought from 抽检商家", _int),
    ("merchants_with_findings", "Merchants with findings 问题商家", _int),
    ("findings", "Findings 问题", _int),
    ("by_severity.critical", "of which critical 其中严重", _int),
    ("by_severity.major", "of which major 其中一般", _int),
    ("by_severity.minor", "of which minor 其中轻微", _int),
    ("cases_opened", "Rectification cases opened 新立整改", _int),
    ("cases_closed", "Cases closed 已关闭", _int),
    ("rectification_rate", "Rectification rate 整改完成率", _pct),
    ("timing.response_median", "Hours to first response, median 首次回复时长中位数", _hours),
    ("timing.response_p90", "Hours to first response, 90th percentile 90分位", _hours),
    ("timing.closure_median", "Hours to closure, median 关闭时长中位数", _hours),
    ("timing.closure_p90", "Hours to closure, 90th percentile 90分位", _hours),
    ("merchants_watch", "Merchants put on watch 列入观察", _int),
    ("merchants_suspended", "Merchants suspended 暂停", _int),
    ("merchants_eliminated", "Merchants eliminated 清退", _int),
    # What the team spent on the period's purchases (docs/domain.md, "What the team spent").
    ("spend_cents", "Spend on purchases 采购支出", _money),
    ("refunds_cents", "Refunds received 收到退款", _money),
    ("net_cost_cents", "Net cost 净成本", _money),
    ("lightning_refunds", "of which lightning refunds 其中闪电退款", _int),
    ("goods_returned", f"Goods: {labels.disposition('returned')}", _int),
    ("goods_kept", f"Goods: {labels.disposition('sample')}", _int),
    ("goods_disposed", f"Goods: {labels.disposition('disposed')}", _int),
    ("goods_undecided", "Goods not yet returned, kept or disposed of 货品去向未记录", _int),
    ("cases_open_now", "Cases open at generation 当前未结案件", _int),
    ("cases_overdue_now", "Cases overdue at generation 当前逾期案件", _int),
]


def figure(figures: Mapping[str, Any], path: str) -> Any:
    """The value at a dotted path ('timing.response_p90'); missing severities count 0."""
    value: Any = figures
    for part in path.split("."):
        if not isinstance(value, Mapping):
            return None
        value = value.get(part, 0 if path.startswith("by_severity.") else None)
    return value


def changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[tuple[str, str, str]]:
    """(label, before, now) for every stated figure that differs, categories included."""
    out = []
    for path, label, fmt in FIGURE_ROWS:
        a, b = figure(old, path), figure(new, path)
        if fmt(a) != fmt(b):
            out.append((label.strip(), fmt(a), fmt(b)))
    before, now = aftersales_section.compared(old), aftersales_section.compared(new)
    out += [(label, before[label], now[label]) for label in now if before[label] != now[label]]
    cat_a = {k: n for k, n in old.get("by_category", [])}
    cat_b = {k: n for k, n in new.get("by_category", [])}
    for key in sorted(set(cat_a) | set(cat_b)):
        if cat_a.get(key, 0) != cat_b.get(key, 0):
            out.append(
                (
                    f"Findings: {labels.category(key)}",
                    _int(cat_a.get(key, 0)),
                    _int(cat_b.get(key, 0)),
                )
            )
    return out


@dataclass(frozen=True)
class QualityReportData:
    """Everything the report prints; `figures` is stats.Figures as a dict (JSON-safe)."""

    kind: str  # MONTHLY or ANNUAL
    period: str  # "2026-10" or "2026"
    organisation: str
    logo_path: Path | None
    generated_at: datetime
    figures: dict
    overdue: list[dict] = field(default_factory=list)
    previous: dict | None = None  # figures of the last archived report of the period
    previous_at: datetime | None = None
    note: str = ""  # e.g. "Reproduced from the archive (report 12)"

    @property
    def title(self) -> str:
        if self.kind == ANNUAL:
            return f"Annual quality report {self.period} 质量年报"
        return f"Monthly quality report {self.period} 质量月报"


def _when(dt: datetime | None) -> str:
    return dt.astimezone().strftime("%Y-%m-%d %H:%M") if dt else "—"


def _changes_section(data: QualityReportData) -> list[Flowable]:
    if data.previous is None:
        return []
    diff = changes(data.previous, data.figures)
    out: list[Flowable] = [
        section(f"Changes since the report of {_when(data.previous_at)} 与上次报告相比的变化", "h2")
    ]
    if not diff:
        out.append(para("No figure has changed. 数据无变化。"))
        return out
    w = content_width()
    out.append(
        table(diff, [w * 0.6, w * 0.2, w * 0.2], header=["Figure", "Before", "Now"], right=[1, 2])
    )
    return out


def _figures_section(figures: Mapping[str, Any]) -> list[Flowable]:
    w = content_width()
    rows = [[label, fmt(figure(figures, path))] for path, label, fmt in FIGURE_ROWS]
    timing = figures.get("timing") or {}
    rows.append(
        [
            "Cases timed (response / closure) 计时样本",
            f"{_int(timing.get('response_n'))} / {_int(timing.get('closure_n'))}",
        ]
    )
    rows.append(
        [
            "of which not answered yet, counted at their age 其中未回复(按已等待时长计)",
            _int(timing.get("response_unanswered")),
        ]
    )
    return [
        section("Key figures 主要指标", "h1"),
        table(rows, [w * 0.72, w * 0.28], header=["Figure 指标", "Value 数值"], right=[1]),
    ]


def _pareto_section(figures: Mapping[str, Any]) -> list[Flowable]:
    w = content_width()
    cats = [(k, int(n)) for k, n in figures.get("by_category", [])]
    total = sum(n for _, n in cats) or 1
    rows, running = [], 0
    for key, n in cats:
        running += n
        rows.append(
            [labels.category(key), n, f"{100 * n / total:.1f}%", f"{100 * running / total:.1f}%"]
        )
    out: list[Flowable] = [
        section("Defect categories (Pareto) 问题类别帕累托图", "h1"),
        pareto_chart([(labels.category_short(k), n) for k, n in cats], w),
    ]
    if rows:
        out.append(
            table(
                rows,
                [w * 0.5, w * 0.16, w * 0.17, w * 0.17],
                header=["Category 类别", "Findings", "Share", "Cumulative"],
                right=[2, 3],
            )
        )
    return out


def _trend_section(figures: Mapping[str, Any]) -> list[Flowable]:
    w = content_width()
    trend = [list(r) for r in figures.get("trend", [])]
    return [
        section("Trend by month 月度趋势", "h1"),
        trend_chart(trend, w),
        table(
            [[m, p, f] for m, p, f in trend],
            [w * 0.4, w * 0.3, w * 0.3],
            header=["Month 月份", "Purchases 神买", "Findings 问题"],
        ),
    ]


def _merchants_section(data: QualityReportData) -> list[Flowable]:
    w = content_width()
    top = [list(r) for r in data.figures.get("top_merchants", [])]
    out: list[Flowable] = [section("Merchants with most findings 问题最多的商家", "h1")]
    if top:
        out.append(
            table(
                top,
                [w * 0.25, w * 0.55, w * 0.2],
                header=["Shop id", "Merchant 商家", "Findings 问题"],
            )
        )
    else:
        out.append(para("No findings in this period. 本期无问题。"))
    out.append(section("Overdue cases 逾期案件", "h1"))
    if data.overdue:
        rows = [
            [
                o["case_number"],
                o["merchant"],
                labels.case_status(o["status"]),
                o["due_date"],
                o["days_overdue"],
            ]
            for o in data.overdue
        ]
        out.append(
            table(
                rows,
                [w * 0.2, w * 0.34, w * 0.2, w * 0.14, w * 0.12],
                header=["Case 案件", "Merchant 商家", "Status 状态", "Due 期限", "Days 天"],
            )
        )
    else:
        out.append(para("No case is overdue. 无逾期案件。"))
    return out


def _decisions_section(figures: Mapping[str, Any]) -> list[Flowable]:
    """The monthly merchant review's decisions of the period (docs/domain.md)."""
    w = content_width()
    rows = [
        [month, shop, name, labels.review_decision(decision), reason]
        for month, shop, name, decision, reason in figures.get("review_decisions") or []
    ]
    out: list[Flowable] = [section("Merchant review decisions 商家月度评审决定", "h1")]
    if rows:
        out.append(table(
            rows, [w * 0.11, w * 0.14, w * 0.25, w * 0.16, w * 0.34],
            header=["Month 月份", "Shop id", "Merchant 商家", "Decision 决定", "Reason 理由"],
        ))
    else:
        out.append(para("No review decision recorded in this period. 本期无评审决定。"))
    return out


def story(data: QualityReportData) -> list[Flowable]:
    """The report's flowables; depends on `data` alone, so an archived report re-renders."""
    sub = f"{data.organisation} · generated {_when(data.generated_at)}"
    if data.note:
        sub += f" · {data.note}"
    out: list[Flowable] = [section(data.title, "title"), para(sub, "small"), spacer(6)]
    out += _changes_section(data)
    out += _figures_section(data.figures)
    out += _pareto_section(data.figures)
    out += _trend_section(data.figures)
    out += aftersales_section.story(data.figures)
    out += _merchants_section(data)
    out += _decisions_section(data.figures)
    return out


def write_quality_report(
    data: QualityReportData, out: Path | str, *, force: bool = False
) -> Job[Path]:
    """Write the report PDF; yields Progress, returns the path."""
    yield Progress(0, 2, t("Laying out the report"))
    flowables = story(data)
    yield Progress(1, 2, t("Writing the PDF"))
    with tempfile.TemporaryDirectory(prefix="inspector-report-") as tmp:
        path = build_pdf(
            out,
            flowables,
            Letterhead(data.organisation, data.logo_path),
            DocInfo(
                data.title,
                f"Quality inspection figures for {data.period}",
                data.period,
                f"quality report {data.kind}",
            ),
            Path(tmp),
            force=force,
        )
    yield Progress(2, 2, t("Done"))
    return path
