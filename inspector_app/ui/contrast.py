"""Readable secondary text: a muted colour with a contrast of at least 4.5:1 (WCAG 2.1 AA).

palette(mid) as a text colour is grey 184 on 239 in the default light theme (1.7:1); the
colours here are derived from the palette in use, so dark themes keep working.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

#: WCAG AA for normal text.
MIN_CONTRAST = 4.5
#: How far towards the background a muted text colour goes (before the contrast check).
MUTE = 0.35


def _channel(c: float) -> float:
    c /= 255.0
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(color: QColor) -> float:
    """Relative luminance (WCAG 2.1)."""
    return 0.2126 * _channel(color.red()) + 0.7152 * _channel(color.green()) + 0.0722 * _channel(color.blue())


def contrast_ratio(a: QColor, b: QColor) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _mix(a: QColor, b: QColor, t: float) -> QColor:
    return QColor(
        round(a.red() + (b.red() - a.red()) * t),
        round(a.green() + (b.green() - a.green()) * t),
        round(a.blue() + (b.blue() - a.blue()) * t),
    )


def muted_text(palette: QPalette | None = None) -> QColor:
    """Text colour for secondary labels: lighter than the text, yet >= MIN_CONTRAST on the window."""
    pal = palette if palette is not None else QApplication.palette()
    text = pal.color(QPalette.ColorRole.WindowText)
    window = pal.color(QPalette.ColorRole.Window)
    t = MUTE
    color = _mix(text, window, t)
    while t > 0 and contrast_ratio(color, window) < MIN_CONTRAST:
        t = max(0.0, t - 0.05)
        color = _mix(text, window, t)
    return color


def muted_style(widget: QWidget | None = None) -> str:
    """A style sheet fragment ("color: #rrggbb;") for secondary text on `widget`'s palette."""
    pal = widget.palette() if widget is not None else None
    return f"color: {muted_text(pal).name()};"
