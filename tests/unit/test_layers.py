"""Layers import only downward: domain -> db -> services -> reports / cli / ui."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parents[2] / "inspector_app"

#: For each layer, the packages (and third-party roots) its modules must never import.
FORBIDDEN = {
    "domain": {"sqlalchemy", "PySide6", "PIL", "reportlab", "openpyxl", "inspector_app.db",
               "inspector_app.services", "inspector_app.photos", "inspector_app.reports",
               "inspector_app.cli", "inspector_app.ui"},
    "db": {"PySide6", "inspector_app.services", "inspector_app.photos", "inspector_app.reports",
           "inspector_app.cli", "inspector_app.ui"},
    "photos": {"PySide6", "inspector_app.services", "inspector_app.reports", "inspector_app.cli",
               "inspector_app.ui"},
    "services": {"PySide6", "inspector_app.cli", "inspector_app.ui"},
    "reports": {"PySide6", "inspector_app.cli", "inspector_app.ui"},
    "cli": {"PySide6", "inspector_app.ui"},
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _violations(layer: str) -> list[str]:
    bad = []
    for path in sorted((PKG / layer).rglob("*.py")):
        for name in _imports(path):
            for forbidden in FORBIDDEN[layer]:
                if name == forbidden or name.startswith(forbidden + "."):
                    bad.append(f"{path.relative_to(PKG.parent)} imports {name}")
    return bad


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_only_downward(layer):
    assert _violations(layer) == []


def test_nothing_outside_ui_loads_pyside6_at_runtime():
    """Import every non-UI module in a fresh interpreter; PySide6 must not be loaded."""
    # walk_packages would import ui/ itself to look inside it, so walk the files instead.
    names = [
        ".".join(p.relative_to(PKG.parent).with_suffix("").parts).removesuffix(".__init__")
        for p in PKG.rglob("*.py")
    ]
    skip = ("inspector_app.ui", "inspector_app.tools", "inspector_app.__main__",
            "inspector_app.db.migrations")
    wanted = sorted(n for n in names if not n.startswith(skip))
    code = (
        "import importlib, sys\n"
        f"for name in {wanted!r}:\n"
        "    importlib.import_module(name)\n"
        "print('PySide6' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False", out.stderr
