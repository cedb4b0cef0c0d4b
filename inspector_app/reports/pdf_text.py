"""User text made safe for ReportLab Paragraph markup, and the CJK-aware paragraph styles."""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from inspector_app.reports.pdf_fonts import CJK, LATIN, LATIN_BOLD, register_fonts

if TYPE_CHECKING:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

logger = logging.getLogger(__name__)

#: Characters dropped from user text: C0/C1 controls except tab and newline, DEL, lone
#: surrogates and the non-characters U+FFFE/U+FFFF (they break PDF text or mean nothing).
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
#: Line breaks in any of the common spellings.
_NEWLINES = re.compile("\r\n|\r|\n|\u2028|\u2029|\x85")

_styles_lock = threading.Lock()
_styles: dict[str, ParagraphStyle] | None = None


def clean(text: Any) -> str:
    """`text` as a string without control characters; newlines become '\\n', tabs a space."""
    if text is None:
        return ""
    s = text if isinstance(text, str) else str(text)
    s = _NEWLINES.sub("\n", s)
    s = s.replace("\t", "    ")
    return _FORBIDDEN.sub("", s)


def escape(text: str) -> str:
    """Escape the three characters ReportLab's markup parser gives meaning to."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


_missing = threading.local()


@contextmanager
def collect_undrawable() -> Iterator[set[str]]:
    """Collect, while the block runs on this thread, the characters no bundled font can draw."""
    previous = getattr(_missing, "chars", None)
    found: set[str] = set()
    _missing.chars = found
    try:
        yield found
    finally:
        _missing.chars = previous


def _font_runs(text: str) -> list[tuple[str, str]]:
    """Split `text` into (font name, run) pieces so each character gets a font with its glyph."""
    fonts = register_fonts()
    runs: list[tuple[str, str]] = []
    current, buf = LATIN, list[str]()
    missing = getattr(_missing, "chars", None)
    for ch in text:
        font = current if ch.isspace() else fonts.font_for(ch)
        if missing is not None and not ch.isspace() and not fonts.can_draw(ch):
            missing.add(ch)
        if font != current and buf:
            runs.append((current, "".join(buf)))
            buf = []
        current = font
        buf.append(ch)
    if buf:
        runs.append((current, "".join(buf)))
    return runs


def markup(text: Any, *, newlines: bool = True) -> str:
    """Paragraph markup that prints `text` exactly as typed (never a tag, link or image).

    Chinese runs are wrapped in the embedded CJK font; newlines become <br/> (or spaces
    when `newlines` is False, e.g. in a one-line table cell).
    """
    s = clean(text)
    out: list[str] = []
    for font, run in _font_runs(s):
        lines = [escape(line) for line in run.split("\n")]
        body = ("<br/>" if newlines else " ").join(lines)
        out.append(f'<font name="{CJK}">{body}</font>' if font == CJK else body)
    return "".join(out)


def has_cjk(text: str) -> bool:
    """True when some character of `text` is drawn with the CJK font."""
    fonts = register_fonts()
    return any(not ch.isspace() and fonts.font_for(ch) == CJK for ch in text)


def styles() -> dict[str, ParagraphStyle]:
    """The paragraph styles every report uses, by name; all wrap CJK text between characters."""
    global _styles
    if _styles is not None:
        return _styles
    with _styles_lock:
        if _styles is None:
            _styles = _build_styles()
    return _styles


def _build_styles() -> dict[str, ParagraphStyle]:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    register_fonts()
    base = ParagraphStyle(
        "body", fontName=LATIN, fontSize=9.5, leading=13.5, wordWrap="CJK", spaceAfter=3
    )

    def derive(name: str, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    grey = colors.HexColor("#555555")
    return {
        "body": base,
        "title": derive("title", fontName=LATIN_BOLD, fontSize=17, leading=22, spaceAfter=6),
        "h1": derive(
            "h1",
            fontName=LATIN_BOLD,
            fontSize=13,
            leading=17,
            spaceBefore=8,
            spaceAfter=4,
            keepWithNext=1,
        ),
        "h2": derive(
            "h2",
            fontName=LATIN_BOLD,
            fontSize=10.5,
            leading=14,
            spaceBefore=6,
            spaceAfter=3,
            keepWithNext=1,
        ),
        "small": derive("small", fontSize=8, leading=10.5, textColor=grey),
        "cell": derive("cell", fontSize=8.5, leading=11, spaceAfter=0),
        "cell_bold": derive(
            "cell_bold", fontName=LATIN_BOLD, fontSize=8.5, leading=11, spaceAfter=0
        ),
        "cell_right": derive(
            "cell_right", fontSize=8.5, leading=11, spaceAfter=0, alignment=TA_RIGHT
        ),
        "cell_head": derive(
            "cell_head",
            fontName=LATIN_BOLD,
            fontSize=8.5,
            leading=11,
            spaceAfter=0,
            textColor=colors.white,
        ),
        "letterhead": derive(
            "letterhead", fontName=LATIN_BOLD, fontSize=12, leading=15, spaceAfter=0
        ),
        "caption": derive(
            "caption", fontSize=7.5, leading=9.5, textColor=grey, alignment=TA_CENTER, spaceAfter=0
        ),
        "footer": derive("footer", fontSize=7.5, leading=9.5, textColor=grey, spaceAfter=0),
    }


def para(text: Any, style: str | ParagraphStyle = "body", *, prefix: str = "") -> Paragraph:
    """A Paragraph of user `text` in a named style; `prefix` is trusted markup (a bold label)."""
    from reportlab.platypus import Paragraph

    st = styles()[style] if isinstance(style, str) else style
    return Paragraph(prefix + markup(text), st)


def label_para(label: str, value: Any, style: str = "body") -> Paragraph:
    """'Label: value' with the label in bold; both are escaped."""
    return para(value, style, prefix=f'<font name="{LATIN_BOLD}">{markup(label)}:</font> ')
