"""Pass and Fail told apart by word, colour and icon (a tick, a cross): never by colour alone."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

from inspector_app.domain.enums import Verdict

#: Text colours: both >= 4.5:1 on white and on the alternate row colour.
COLORS = {Verdict.PASS: QColor("#1e6b34"), Verdict.FAIL: QColor("#a50e0e")}
ICON_PX = 14
_icons: dict[Verdict, QIcon] = {}


def _verdict(value: Any) -> Verdict | None:
    try:
        return Verdict(value) if value not in (None, "") else None
    except ValueError:
        return None


def verdict_color(value: Any) -> QColor | None:
    v = _verdict(value)
    return COLORS[v] if v is not None else None


def verdict_icon(value: Any) -> QIcon | None:
    """A green disc with a tick (pass), a red square with a cross (fail): shape differs too."""
    v = _verdict(value)
    if v is None:
        return None
    if v not in _icons:
        pixmap = QPixmap(ICON_PX * 2, ICON_PX * 2)
        pixmap.setDevicePixelRatio(2.0)
        pixmap.fill(Qt.GlobalColor.transparent)
        p = QPainter(pixmap)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(COLORS[v])
        if v == Verdict.PASS:
            p.drawEllipse(1, 1, ICON_PX - 2, ICON_PX - 2)
        else:
            p.drawRoundedRect(1, 1, ICON_PX - 2, ICON_PX - 2, 2, 2)
        pen = QPen(QColor("white"), 2.0)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        p.setPen(pen)
        if v == Verdict.PASS:
            p.drawPolyline([QPointF(4, 7.5), QPointF(6.2, 9.8), QPointF(10.2, 4.6)])
        else:
            p.drawLine(QPointF(4.5, 4.5), QPointF(9.5, 9.5))
            p.drawLine(QPointF(9.5, 4.5), QPointF(4.5, 9.5))
        p.end()
        _icons[v] = QIcon(pixmap)
    return _icons[v]
