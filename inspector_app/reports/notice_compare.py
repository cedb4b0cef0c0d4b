"""The notice's photo comparison: per finding, the original defect, the merchant's evidence and
the re-check side by side, each photo printed once (see docs/privacy.md, "Notices")."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from inspector_app.reports.notice_data import NoticeCase, NoticePhoto
from inspector_app.reports.pdf_base import content_width, image
from inspector_app.reports.pdf_text import para

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

logger = logging.getLogger(__name__)

#: Width of the finding-number column, in points.
NO_W = 50
#: Tallest photo in a comparison cell, in points.
PHOTO_H = 130
#: Label of the row of photos that name no finding of the case.
WHOLE_CASE = "Case\n整体"


def photo_comparison(
    case: NoticeCase, workdir: Path, caption: Callable[[NoticePhoto], str]
) -> Flowable:
    """One row per finding with photos: its evidence, the merchant's evidence, the re-check;
    then a row for the merchant's and re-check photos that name no finding."""
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    col_w = (content_width() - NO_W) / 3

    def cell(photos: list[NoticePhoto]) -> Any:
        shown = [(p, src) for p in photos if (src := p.source) is not None]
        if not shown:
            return para("No photo 无照片", "caption")
        return [
            x
            for p, src in shown
            for x in (image(src, col_w - 8, PHOTO_H, workdir), para(caption(p), "caption"))
        ]

    head = ["No.\n编号", "Original defect 原问题", "Merchant's evidence 商家整改证据", "Re-check 复检"]
    rows: list[list[Any]] = [[para(h, "cell_head") for h in head]]
    numbers = {f.number for f in case.findings}
    groups: list[tuple[str, list[NoticePhoto], list[NoticePhoto], list[NoticePhoto]]] = [
        (
            f.number,
            list(f.photos),
            [p for p in case.rectification_photos if p.for_finding == f.number],
            [p for p in case.verification_photos if p.for_finding == f.number],
        )
        for f in case.findings
    ]
    groups.append(
        (
            WHOLE_CASE,
            [],
            [p for p in case.rectification_photos if p.for_finding not in numbers],
            [p for p in case.verification_photos if p.for_finding not in numbers],
        )
    )
    for number, originals, rect, ver in groups:
        if not (originals or rect or ver):
            continue  # no photo at all: no row
        rows.append([para(number, "cell_bold"), cell(originals), cell(rect), cell(ver)])
    t = Table(rows, colWidths=[NO_W, col_w, col_w, col_w], repeatRows=1, splitInRow=1)
    t.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (1, 1), (-1, -1), "CENTER"),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#2F4B6E")),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#9AA7B8")),
            ]
        )
    )
    return t
