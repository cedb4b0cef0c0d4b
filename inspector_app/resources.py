"""Where the bundled resources (CJK font, translations, icons) live on disk; Qt-free.

The top-level `resources/` folder of the checkout is the one source. It travels with the
code in three ways, and is looked up in this order (docs/packaging.md):

1. `$INSPECTOR_RESOURCES_DIR`, when set (a deliberate override; it must hold the files);
2. a frozen PyInstaller application: `<sys._MEIPASS>/resources` (packaging/inspector.spec);
3. an installed wheel: package data `inspector_app/_resources/` (setup.py copies `resources/`
   there at build time), so every install scheme (venv, `--user`, pipx) finds it next to the
   code, wherever the scheme put the code;
4. the source checkout (also an editable install): `<repo>/resources`.

A missing font or catalog is an error at start (`check_resources`), never a silent fallback.
"""

from __future__ import annotations

import logging
import os
import sys
from functools import cache
from pathlib import Path

from inspector_app.domain.errors import InspectorError
from inspector_app.domain.messages import t

logger = logging.getLogger(__name__)

#: Environment variable that overrides where resources are looked up.
RESOURCES_DIR_ENV = "INSPECTOR_RESOURCES_DIR"
#: Name of the package-data folder a wheel carries inside inspector_app/.
PACKAGE_DATA_DIR = "_resources"
#: File name of the bundled CJK font (TrueType outlines, embeddable by ReportLab).
CJK_FONT_FILE = "DroidSansFallbackFull.ttf"
#: The font's licence, shown in Help > About.
CJK_FONT_LICENSE = "LICENSE-DroidSansFallback.txt"
#: Family name Qt reports for the bundled CJK font.
CJK_FONT_FAMILY = "Droid Sans Fallback"
#: Base name of the compiled translation files: inspector_<lang>.qm.
QM_PREFIX = "inspector_"
#: Languages whose catalogs ship (besides English's plural forms).
TRANSLATED_LANGUAGES = ("zh_CN",)
#: Base name of the application icon (resources/icons/inspector-<size>.png, .ico, .icns).
ICON_NAME = "inspector"
#: Sizes of the application icon's PNGs.
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


class ResourcesMissing(InspectorError):
    """A bundled resource the application needs is not where it should be."""


def candidates(package: Path | None = None) -> list[tuple[str, Path]]:
    """Where resources may be, in the order they are looked up: (how, folder).

    `package` is the inspector_app folder (this module's, unless a test says otherwise).
    """
    found: list[tuple[str, Path]] = []
    if os.environ.get(RESOURCES_DIR_ENV):
        found.append((RESOURCES_DIR_ENV, Path(os.environ[RESOURCES_DIR_ENV])))
        return found  # an explicit override is the only place looked at
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        found.append(("frozen", Path(bundle) / "resources"))
    here = package or Path(__file__).resolve().parent
    found.append(("package", here / PACKAGE_DATA_DIR))
    found.append(("checkout", here.parent / "resources"))
    return found


@cache
def resources_dir() -> Path:
    """The resources folder: the first candidate that holds the bundled font.

    Raises ResourcesMissing (one line naming the places looked at) when none does.
    """
    return find_resources(candidates())


def find_resources(places: list[tuple[str, Path]]) -> Path:
    """The first of `places` that holds the bundled font; ResourcesMissing if none does."""
    for how, folder in places:
        if (folder / "fonts" / CJK_FONT_FILE).is_file():
            logger.debug("resources from %s: %s", how, folder)
            return folder
    raise ResourcesMissing(t(
        "The application's resources (font, translations) are missing; looked in {places}. "
        "Reinstall the application.", places=", ".join(str(p) for _, p in places),
    ))


def required_files(root: Path) -> list[Path]:
    """The files a working installation must have under `root`."""
    files = [root / "fonts" / CJK_FONT_FILE, root / "fonts" / CJK_FONT_LICENSE]
    files.append(root / "i18n" / f"{QM_PREFIX}en.qm")
    files.append(root / "icons" / f"{ICON_NAME}-256.png")
    for lang in TRANSLATED_LANGUAGES:
        files.append(root / "i18n" / f"{QM_PREFIX}{lang}.qm")
        files.append(root / "i18n" / f"messages_{lang}.json")
    return files


def check_resources(root: Path | None = None) -> Path:
    """The resources folder, after checking that every required file is there.

    Called once at start by both programs; raises ResourcesMissing naming the first file
    that is missing, so a broken installation stops with one clear line.
    """
    root = root or resources_dir()
    for path in required_files(root):
        if not path.is_file():
            raise ResourcesMissing(t(
                "The application's resource {path} is missing. Reinstall the application.",
                path=path,
            ))
    return root


def cjk_font_path() -> Path:
    """The bundled CJK TrueType font, shared by the UI and the PDF writer."""
    return resources_dir() / "fonts" / CJK_FONT_FILE


def cjk_font_license_path() -> Path:
    """The bundled CJK font's licence text."""
    return resources_dir() / "fonts" / CJK_FONT_LICENSE


def i18n_dir() -> Path:
    """The folder with the Qt Linguist .ts sources and compiled .qm files."""
    return resources_dir() / "i18n"


def qm_path(lang: str) -> Path:
    """The compiled translation for `lang` (e.g. "zh_CN")."""
    return i18n_dir() / f"{QM_PREFIX}{lang}.qm"


def ts_path(lang: str) -> Path:
    """The Qt Linguist source for `lang`."""
    return i18n_dir() / f"{QM_PREFIX}{lang}.ts"


def icon_path(size: int = 256) -> Path:
    """The application icon as a PNG of `size` pixels (16 ... 512)."""
    return resources_dir() / "icons" / f"{ICON_NAME}-{size}.png"
