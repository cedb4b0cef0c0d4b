"""The application's version, from one place: pyproject.toml's, through the package metadata.

A wheel or an editable install carries the metadata; the frozen application bundles it
(packaging/inspector.spec, `copy_metadata`). Every file the application writes names the
version through `producer()`: PDF creator/producer, workbook properties, the log.
"""

from __future__ import annotations

import logging
from functools import cache

logger = logging.getLogger(__name__)

#: The distribution name in pyproject.toml.
DIST_NAME = "inspector-app"
#: Shown when no metadata can be found (a bare source tree on sys.path).
UNKNOWN_VERSION = "0+unknown"
#: The application's name as it appears in exported files' metadata.
PRODUCT = "Inspector"


@cache
def app_version() -> str:
    """The installed version, e.g. "0.1.0"."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(DIST_NAME)
    except PackageNotFoundError:
        logger.warning("no package metadata for %s; version unknown", DIST_NAME)
        return UNKNOWN_VERSION


def producer() -> str:
    """The program that wrote a file, with its version: "Inspector 0.1.0"."""
    return f"{PRODUCT} {app_version()}"
