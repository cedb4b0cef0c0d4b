"""Charts for the quality report, drawn with reportlab.graphics: Pareto and monthly trend."""

from __future__ import annotations

import logging
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from inspector_app.reports.pdf_fonts import CJK, LATIN, register_fonts

if TYPE_CHECKING:
    from reportlab.graphics.shapes import Drawing

logger = logging.getLogger(__name__)

#: Colours of the chart series.
BAR = "#2F4B6E"
BAR_2 = "#E08A2E"
LINE = "#C0392B"
GRID = "#D5DBE3"


def _nice_max(value: float) -> float:
    """A round axis maximum at or above `value` (1, 2, 2.5 or 5 times a power of ten)."""
    if value <= 0:
        return 1
    exp = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * exp:
            return step * exp
    return 10 * exp


def _label(
    text: str,
    x: float,
    y: float,
    size: float = 7,
    anchor: str = "middle",
    angle: float = 0,
    color: str = "#333333",
):
    from reportlab.graphics.shapes import Group, String
    from reportlab.lib import colors

    from inspector_app.reports.pdf_fonts import register_fonts

    fonts = register_fonts()
    font = CJK if any(not c.isspace() and fonts.font_for(c) == CJK for c in text) else LATIN
    s = String(
        0,
        0,
        text,
        fontName=font,
        fontSize=size,
        textAnchor=anchor,
        fillColor=colors.HexColor(color),
    )
    g = Group(s)
    g.translate(x, y)
    if angle:
        g.rotate(angle)
    return g


def _axes(
    d: Drawing,
    x0: float,
    y0: float,
    w: float,
    h: float,
    top: float,
    ticks: int = 5,
    fmt: str = "{:g}",
) -> None:
    from reportlab.graphics.shapes import Line
    from reportlab.lib import colors

    for i in range(ticks + 1):
        y = y0 + h * i / ticks
        d.add(Line(x0, y, x0 + w, y, strokeColor=colors.HexColor(GRID), strokeWidth=0.5))
        d.add(_label(fmt.format(top * i / ticks), x0 - 4, y - 2.5, anchor="end"))
    d.add(Line(x0, y0, x0 + w, y0, strokeColor=colors.black, strokeWidth=0.7))
    d.add(Line(x0, y0, x0, y0 + h, strokeColor=colors.black, strokeWidth=0.7))


def pareto_chart(items: Sequence[tuple[str, int]], width: float, height: float = 210) -> Drawing:
    """Bars of counts in descending order with the cumulative share as a line (0-100 %)."""
    from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, Rect
    from reportlab.lib import colors

    register_fonts()
    d = Drawing(width, height)
    x0, y0 = 40, 62
    w, h = width - x0 - 42, height - y0 - 14
    items = [(k, int(n)) for k, n in items if n]
    if not items:
        d.add(_label("No findings in this period", width / 2, height / 2, 9))
        return d
    total = sum(n for _, n in items)
    top = _nice_max(max(n for _, n in items))
    _axes(d, x0, y0, w, h, top)
    slot = w / len(items)
    points: list[float] = []
    running = 0
    for i, (name, n) in enumerate(items):
        bx = x0 + i * slot + slot * 0.15
        bh = h * n / top
        d.add(Rect(bx, y0, slot * 0.7, bh, fillColor=colors.HexColor(BAR), strokeColor=None))
        d.add(_label(str(n), bx + slot * 0.35, y0 + bh + 2, 6.5))
        d.add(_label(name, x0 + (i + 0.5) * slot + 2, y0 - 8, 6.5, "end", angle=35))
        running += n
        points += [x0 + (i + 0.5) * slot, y0 + h * running / total]
    d.add(PolyLine(points, strokeColor=colors.HexColor(LINE), strokeWidth=1.2))
    for px, py in zip(points[::2], points[1::2], strict=True):
        d.add(Circle(px, py, 1.8, fillColor=colors.HexColor(LINE), strokeColor=None))
    d.add(Line(x0 + w, y0, x0 + w, y0 + h, strokeColor=colors.black, strokeWidth=0.7))
    for i in range(5):
        y = y0 + h * i / 4
        d.add(_label(f"{25 * i}%", x0 + w + 4, y - 2.5, anchor="start", color=LINE))
    # The 80 % line of the Pareto rule, for reading off the "vital few".
    y80 = y0 + h * 0.8
    d.add(
        Line(
            x0,
            y80,
            x0 + w,
            y80,
            strokeColor=colors.HexColor(LINE),
            strokeWidth=0.4,
            strokeDashArray=[2, 2],
        )
    )
    return d


def trend_chart(rows: Sequence[Sequence], width: float, height: float = 190) -> Drawing:
    """Grouped bars per month: purchases and findings; rows are (month, purchases, findings)."""
    from reportlab.graphics.shapes import Drawing, Rect
    from reportlab.lib import colors

    register_fonts()
    d = Drawing(width, height)
    x0, y0 = 40, 40
    w, h = width - x0 - 10, height - y0 - 26
    rows = [(str(m), int(p or 0), int(f or 0)) for m, p, f in rows]
    if not rows:
        return d
    top = _nice_max(max(max(p, f) for _, p, f in rows))
    _axes(d, x0, y0, w, h, top)
    slot = w / len(rows)
    bar = slot * 0.36
    for i, (month, p, f) in enumerate(rows):
        bx = x0 + i * slot + slot * 0.14
        for j, (value, color) in enumerate(((p, BAR), (f, BAR_2))):
            bh = h * value / top
            d.add(
                Rect(bx + j * bar, y0, bar, bh, fillColor=colors.HexColor(color), strokeColor=None)
            )
        d.add(_label(month, x0 + (i + 0.5) * slot + 2, y0 - 8, 6.5, "end", angle=35))
    lx = x0 + 4
    for name, color in (("Purchases", BAR), ("Findings", BAR_2)):
        d.add(Rect(lx, height - 14, 8, 8, fillColor=colors.HexColor(color), strokeColor=None))
        d.add(_label(name, lx + 11, height - 13, 7.5, "start"))
        lx += 70
    return d
