"""Work orders as an Excel workbook (formula-safe, local times), written as a progress generator:
the Work orders screen's export and `inspector workorders --xlsx FILE`. Internal: it names
order numbers, so it is not for merchants: its sheet is marked 内部 (internal), and the
screen proposes a file name ending in -内部."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from inspector_app.domain import glossary
from inspector_app.reports import labels
from inspector_app.reports.progress import Job, Progress

logger = logging.getLogger(__name__)

#: Rows between two progress reports.
STEP = 500


def _term(en: str, zh: str) -> str:
    return f"{en} {zh}"


#: (header, row attribute, width, kind) of each exported column; terms from the glossary.
COLUMNS: tuple[tuple[str, str, float, str], ...] = (
    ("Shop ID 店铺ID", "shop_id", 14, "text"),
    ("Merchant 商家", "merchant", 24, "text"),
    ("Order 订单号", "order_id", 18, "text"),
    ("Kind 类别", "kind", 16, "text"),
    ("Type 类型", "type", 14, "text"),
    ("Result 服务单结果", "result", 16, "text"),
    ("Outcome 结果", "outcome", 12, "text"),
    ("Applied 申请时间", "applied_at", 17, "datetime"),
    ("First review 首次审核时间", "first_reviewed_at", 17, "datetime"),
    (_term(*glossary.WORK_ORDER_STAGE["pickup"]), "pickup_at", 17, "datetime"),
    (_term(*glossary.WORK_ORDER_STAGE["return_info"]), "return_info_at", 17, "datetime"),
    (_term(*glossary.WORK_ORDER_STAGE["arrival"]), "arrived_at", 17, "datetime"),
    ("Signed 签收时间", "signed_at", 17, "datetime"),
    ("Stocked in 入库时间", "stocked_at", 17, "datetime"),
    ("First handling 首次处理时间", "first_handled_at", 17, "datetime"),
    ("Closed 完结时间", "closed_at", 17, "datetime"),
    (glossary.word("service_duration") + " (h)", "duration_hours", 12, "hours"),
    (glossary.word("running_late"), "running", 10, "text"),
    (glossary.word("late_stages"), "late_stages", 36, "text"),
)


def _cell(row: Any, attr: str) -> Any:
    value = getattr(row, attr)
    if attr == "kind":
        return labels.work_order_kind(value)
    if attr == "result":
        return labels.work_order_result(value) if value is not None else ""
    if attr == "running":
        return "yes 是" if value else ""
    if attr == "late_stages":
        return "; ".join(labels.work_order_stage(s) for s in value)
    return value


def export_work_orders(
    rows: Sequence[Any], out: Path | str, *, force: bool = False,
    title: str = "Work orders 内部",
) -> Job[Path]:
    """Write `rows` (services.workorders.WorkOrderRow) to `out`, yielding its progress.

    Refuses an existing file unless `force` (reports/output_file.py)."""
    from inspector_app.reports.output_file import claim_output
    from inspector_app.reports.xlsx_safe import Column, SheetWriter, new_workbook, save_workbook

    claim_output(out, force=force)
    wb = new_workbook()
    sheet = SheetWriter(wb, title, [Column(h, w, kind) for h, _, w, kind in COLUMNS])
    total = len(rows)
    for i, row in enumerate(rows, 1):
        sheet.append([_cell(row, attr) for _, attr, _, _ in COLUMNS])
        if i % STEP == 0:
            yield Progress(i, total, f"{i} / {total}")
    sheet.close()
    path = save_workbook(wb, out, force=force)
    yield Progress(total, total, str(path))
    return path
