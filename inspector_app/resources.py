"""Where the bundled resources (CJK font, translations, icons) live on disk; Qt-free."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

logger = logging.getLogger(__name__)

# Packaging must ship the whole top-level `resources/` folder next to the code:
#   resources/fonts/DroidSansFallbackFull.ttf + resources/fonts/LICENSE-DroidSansFallback.txt
#   resources/i18n/inspector_*.qm (the .ts sources are optional at run time)
#   resources/icons/*
# Looked up, in order: $INSPECTOR_RESOURCES_DIR, a PyInstaller bundle (sys._MEIPASS/resources),
# the source checkout (<repo>/resources), then <sys.prefix>/share/inspector-app/resources
# (where a wheel's data-files would put it).

#: Environment variable that overrides where resources are looked up.
RESOURCES_DIR_ENV = "INSPECTOR_RESOURCES_DIR"
#: File name of the bundled CJK font (TrueType outlines, embeddable by ReportLab).
CJK_FONT_FILE = "DroidSansFallbackFull.ttf"
#: Family name Qt reports for the bundled CJK font.
CJK_FONT_FAMILY = "Droid Sans Fallback"
#: Base name of the compiled translation files: inspector_<lang>.qm.
QM_PREFIX = "inspector_"


def _candidates() -> list[Path]:
    found: list[Path] = []
    if os.environ.get(RESOURCES_DIR_ENV):
        found.append(Path(os.environ[RESOURCES_DIR_ENV]))
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        found.append(Path(bundle) / "resources")
    found.append(Path(__file__).resolve().parent.parent / "resources")
    found.append(Path(sys.prefix) / "share" / "inspector-app" / "resources")
    return found


def resources_dir() -> Path:
    """The resources folder: the first candidate that holds the bundled font."""
    candidates = _candidates()
    for candidate in candidates:
        if (candidate / "fonts" / CJK_FONT_FILE).is_file():
            return candidate
    logger.warning("resources folder not found in %s", [str(c) for c in candidates])
    return candidates[0] if os.environ.get(RESOURCES_DIR_ENV) else candidates[-2]


def cjk_font_path() -> Path:
    """The bundled CJK TrueType font, shared by the UI and the PDF writer."""
    return resources_dir() / "fonts" / CJK_FONT_FILE


def i18n_dir() -> Path:
    """The folder with the Qt Linguist .ts sources and compiled .qm files."""
    return resources_dir() / "i18n"


def qm_path(lang: str) -> Path:
    """The compiled translation for `lang` (e.g. "zh_CN"); may not exist for English."""
    return i18n_dir() / f"{QM_PREFIX}{lang}.qm"


def ts_path(lang: str) -> Path:
    """The Qt Linguist source for `lang`."""
    return i18n_dir() / f"{QM_PREFIX}{lang}.ts"
