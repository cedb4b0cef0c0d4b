"""What Help > About and `inspector --version` tell: version, licences, where the data is."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from inspector_app.domain.messages import t
from inspector_app.version import app_version

logger = logging.getLogger(__name__)

#: The libraries shipped with the application: (distribution, what it does, licence).
LIBRARIES: tuple[tuple[str, str, str], ...] = (
    ("PySide6-Essentials", "Qt 6 user interface (Qt for Python)", "LGPL-3.0-only"),
    ("shiboken6", "Qt for Python bindings", "LGPL-3.0-only"),
    ("SQLAlchemy", "database access", "MIT"),
    ("alembic", "database migrations", "MIT"),
    ("Pillow", "images", "MIT-CMU (HPND)"),
    ("reportlab", "PDF reports", "BSD-3-Clause"),
    ("openpyxl", "Excel workbooks", "MIT"),
    ("lxml", "XML documents", "BSD-3-Clause"),
    ("defusedxml", "safe XML parsing", "PSF-2.0"),
    ("platformdirs", "per-user folders", "MIT"),
    ("pypdf", "reading merchant-facing PDFs back for the privacy check", "BSD-3-Clause"),
    ("pypdfium2", "drawing PDF pages for the printer (PDFium)", "Apache-2.0 OR BSD-3-Clause"),
    ("psycopg", "connecting to a team PostgreSQL server", "LGPL-3.0-only"),
)
#: The bundled CJK font: (name, licence).
FONT = ("Droid Sans Fallback", "Apache-2.0")


@dataclass(frozen=True)
class Library:
    name: str
    version: str
    purpose: str
    license: str


def library_version(name: str) -> str:
    """The installed version of distribution `name` ("?" when it carries no metadata)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return "?"


def libraries() -> list[Library]:
    """The bundled libraries with their versions and licences, Python first."""
    import platform

    found = [Library("Python", platform.python_version(), t("interpreter"), "PSF-2.0")]
    found += [Library(n, library_version(n), _purpose(p), lic) for n, p, lic in LIBRARIES]
    return found


def _purpose(text: str) -> str:
    # Literal t() calls so that tools/messages.py collects each purpose for translation.
    return {
        "Qt 6 user interface (Qt for Python)": t("Qt 6 user interface (Qt for Python)"),
        "Qt for Python bindings": t("Qt for Python bindings"),
        "database access": t("database access"),
        "database migrations": t("database migrations"),
        "images": t("images"),
        "PDF reports": t("PDF reports"),
        "Excel workbooks": t("Excel workbooks"),
        "XML documents": t("XML documents"),
        "safe XML parsing": t("safe XML parsing"),
        "per-user folders": t("per-user folders"),
        "connecting to a team PostgreSQL server": t("connecting to a team PostgreSQL server"),
    }.get(text, text)


def version_line(program: str) -> str:
    """`inspector 0.1.0 (Python 3.11.7)`: what --version prints."""
    import platform

    return f"{program} {app_version()} (Python {platform.python_version()})"
