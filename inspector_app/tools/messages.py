"""Collect every `t("...")` / `tc("context", "...")` message of the Qt-free layers into the catalogs.

`python -m inspector_app.tools.messages` adds new messages (empty translation) and reports
obsolete and untranslated ones; `--check` exits 1 when a message lacks a translation.
"""

from __future__ import annotations

import argparse
import ast
import json
import logging
import sys
from pathlib import Path

from inspector_app.domain.messages import CONTEXT_SEPARATOR, catalog_path

logger = logging.getLogger(__name__)

PACKAGE = Path(__file__).resolve().parents[1]
#: Languages with a message catalog.
LANGUAGES = ("zh_CN",)
#: Layers whose user-facing messages go through t() (the UI uses Qt's tr()).
LAYERS = ("domain", "services", "photos", "reports", "cli", "db")
#: Qt-free modules at the top of the package whose messages reach users too.
TOP_MODULES = ("about.py", "keychain.py", "resources.py", "version.py")


def collect() -> dict[str, str]:
    """Every literal message passed to t() (or tc(), as "context::text"), with where it is."""
    found: dict[str, str] = {}
    files = [p for layer in LAYERS for p in sorted((PACKAGE / layer).rglob("*.py"))]
    files += [PACKAGE / name for name in TOP_MODULES if (PACKAGE / name).is_file()]
    for path in files:
        tree = ast.parse(path.read_text("utf-8"))
        cli = path.parent.name == "cli"
        for node in ast.walk(tree):
            keys = [_message_key(node)] + (_help_texts(node) if cli else [])
            for key in keys:
                if key is not None and isinstance(node, ast.Call):
                    found.setdefault(key, f"{path.relative_to(PACKAGE.parent)}:{node.lineno}")
    return found


#: Keyword arguments of argparse calls whose literal text the help formatter translates
#: (cli/translated.py).
HELP_KEYWORDS = ("help", "description", "epilog")
#: Positional arguments of cli/cmd_list.py's Listing(...) that become help texts.
LISTING_HELP_ARGS = (1, 3, 4)


def _help_texts(node: ast.AST) -> list[str | None]:
    """Literal help texts of a command line's argparse call (or of a Listing)."""
    if not isinstance(node, ast.Call):
        return []
    values = [kw.value for kw in node.keywords if kw.arg in HELP_KEYWORDS]
    if isinstance(node.func, ast.Name) and node.func.id == "Listing":
        values += [node.args[i] for i in LISTING_HELP_ARGS if i < len(node.args)]
    return [v.value for v in values
            if isinstance(v, ast.Constant) and isinstance(v.value, str) and v.value.strip()]


def _message_key(node: ast.AST) -> str | None:
    """The catalog key of a `t("text")` or `tc("context", "text")` call, else None."""
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
        return None
    wanted = {"t": 1, "tc": 2}.get(node.func.id)
    if wanted is None or len(node.args) < wanted:
        return None
    literals = [a.value for a in node.args[:wanted]
                if isinstance(a, ast.Constant) and isinstance(a.value, str)]
    if len(literals) != wanted:
        return None
    return CONTEXT_SEPARATOR.join(literals)


def update(lang: str, messages: dict[str, str]) -> tuple[int, list[str], list[str]]:
    path = catalog_path(lang)
    old = json.loads(path.read_text("utf-8")) if path.exists() else {}
    merged = {key: old.get(key, "") for key in sorted(messages)}
    added = len([k for k in messages if k not in old])
    obsolete = sorted(k for k in old if k not in messages)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(merged, ensure_ascii=False, indent=1) + "\n", "utf-8")
    missing = [k for k, v in merged.items() if not v]
    return added, obsolete, missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="exit 1 if a message is untranslated")
    args = parser.parse_args(argv)
    messages = collect()
    status = 0
    for lang in LANGUAGES:
        added, obsolete, missing = update(lang, messages)
        print(f"{lang}: {len(messages)} messages, {added} new, {len(obsolete)} obsolete "
              f"(dropped), {len(missing)} untranslated")
        for key in missing:
            print(f"  untranslated: {key!r} ({messages[key]})")
        if missing and args.check:
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
