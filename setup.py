"""Build step for the wheel: the top-level resources/ folder becomes package data.

resources/ stays the one source (the checkout reads it in place); a built wheel carries a
copy under inspector_app/_resources/, which inspector_app.resources finds next to the code
whatever the install scheme (venv, --user, pipx). Everything else is in pyproject.toml.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

#: What of resources/ an installed application needs (the .ts sources are not needed).
RESOURCE_PATTERNS = ("fonts/*", "i18n/*.qm", "i18n/*.json", "icons/*")


class BuildWithResources(build_py):
    """build_py, then copy resources/ into the built package as inspector_app/_resources."""

    def run(self) -> None:
        super().run()
        source = Path(__file__).resolve().parent / "resources"
        target = Path(self.build_lib) / "inspector_app" / "_resources"
        for pattern in RESOURCE_PATTERNS:
            for path in sorted(source.glob(pattern)):
                if path.is_file():
                    dest = target / path.relative_to(source)
                    dest.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy2(path, dest)


setup(cmdclass={"build_py": BuildWithResources})
