"""Fonts for the PDFs: a Latin family (ReportLab's bundled Vera) plus an embedded CJK TrueType."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from pathlib import Path

from inspector_app.domain.errors import InspectorError
from inspector_app.domain.messages import t

logger = logging.getLogger(__name__)

#: Name of the Latin family (regular; bold/italic variants get a suffix).
LATIN = "InspectorSans"
LATIN_BOLD = "InspectorSans-Bold"
LATIN_ITALIC = "InspectorSans-Italic"
LATIN_BOLD_ITALIC = "InspectorSans-BoldItalic"
#: Name of the CJK font (one weight; bold/italic map to it so <b> never fails).
CJK = "InspectorCJK"

_lock = threading.Lock()
_fonts: Fonts | None = None


@dataclass(frozen=True)
class Fonts:
    """The registered fonts and which characters each one covers."""

    latin_chars: frozenset[int]
    cjk_chars: frozenset[int]
    cjk_file: Path

    def font_for(self, ch: str) -> str:
        """The registered font name that has a glyph for `ch` (Latin if neither has)."""
        code = ord(ch)
        if code in self.latin_chars or code not in self.cjk_chars:
            return LATIN
        return CJK


def cjk_font_file() -> Path:
    """The CJK TrueType file shipped with the application (never a system copy: the same
    font on every machine); ResourcesMissing, an InspectorError, when it is not there."""
    from inspector_app.resources import cjk_font_path

    return cjk_font_path()


def register_fonts() -> Fonts:
    """Register the fonts with ReportLab once per process and return their coverage."""
    global _fonts
    if _fonts is not None:
        return _fonts
    with _lock:
        if _fonts is not None:
            return _fonts
        from reportlab.lib.fonts import addMapping
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFError, TTFont

        cjk_file = cjk_font_file()
        try:
            latin = {
                LATIN: TTFont(LATIN, "Vera.ttf"),
                LATIN_BOLD: TTFont(LATIN_BOLD, "VeraBd.ttf"),
                LATIN_ITALIC: TTFont(LATIN_ITALIC, "VeraIt.ttf"),
                LATIN_BOLD_ITALIC: TTFont(LATIN_BOLD_ITALIC, "VeraBI.ttf"),
            }
            cjk = TTFont(CJK, str(cjk_file))
        except (TTFError, OSError) as exc:
            raise InspectorError(t("Cannot load the report fonts: {problem}", problem=exc)) from exc
        for font in [*latin.values(), cjk]:
            pdfmetrics.registerFont(font)
        pdfmetrics.registerFontFamily(
            LATIN, normal=LATIN, bold=LATIN_BOLD, italic=LATIN_ITALIC, boldItalic=LATIN_BOLD_ITALIC
        )
        for bold in (0, 1):
            for italic in (0, 1):
                addMapping(CJK, bold, italic, CJK)
        _fonts = Fonts(
            latin_chars=frozenset(latin[LATIN].face.charToGlyph),
            cjk_chars=frozenset(cjk.face.charToGlyph),
            cjk_file=cjk_file,
        )
        logger.info("Registered report fonts (CJK from %s)", cjk_file)
        return _fonts
