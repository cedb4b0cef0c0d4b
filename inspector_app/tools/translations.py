"""Update the Qt Linguist .ts files from inspector_app/ui and compile them to .qm.

    python -m inspector_app.tools.translations                 # lupdate + lrelease, all files
    python -m inspector_app.tools.translations --fill zh.json  # also set translations
    python -m inspector_app.tools.translations --lang en --fill plurals.json
    python -m inspector_app.tools.translations --unfinished    # list what lacks a translation

`--fill` takes a UTF-8 JSON object {"English source": "译文"}; a key "comment::source"
targets one disambiguated message (tr("Open", "case status") -> "case status::Open"), and
only that key does: a plain "Open" never fills a disambiguated message.
Strings are found in `tr("...")`, `tr("...", "comment")`, `tr("...", "", n)` and
`QT_TR_NOOP("...")` calls under inspector_app/ui (one context, "").

English has its own file, inspector_en.ts, holding only the plural messages (`tr("%n
finding(s)", "", n)`): fill each with a list of its two forms, singular then plural, e.g.
{"%n finding(s)": ["%n finding", "%n findings"]}, so English reads "1 finding", "2 findings".
A plural message new in the code is unfinished in both files until filled.
"""

from __future__ import annotations

import argparse
import ast
import json
import logging
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from inspector_app import resources

logger = logging.getLogger(__name__)

#: Languages with a .ts file of every string (English is the source language).
TRANSLATED = ("zh_CN",)
#: The source language's file: only the plural messages, with English's two forms.
PLURALS_ONLY = ("en",)
#: Where the translatable strings are.
SOURCE_DIR = Path(__file__).resolve().parent.parent / "ui"


#: Placeholders Qt fills in a translation: %1..%99, %n and %Ln (plural count), and the
#: str.format fields a few UI strings use ({name}).
PLACEHOLDER = re.compile(r"%L?n|%L?\d{1,2}|\{[A-Za-z_][A-Za-z0-9_]*\}")
#: The functions whose first argument is a translatable string.
TR_FUNCTIONS = frozenset({"tr", "QT_TR_NOOP"})


def _tool(name: str) -> str:
    local = Path(sys.executable).parent / name
    found = str(local) if local.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6 (it ships {name}) in this environment")
    return found


def sources() -> list[Path]:
    return sorted(p for p in SOURCE_DIR.rglob("*.py") if "__pycache__" not in p.parts)


def collect() -> dict[tuple[str, str], str]:
    """Every literal `tr()`/`QT_TR_NOOP()` message under ui/: (disambiguation, source) -> where.

    Read from the syntax tree, so it also sees calls inside f-strings and single-quoted
    strings, which pyside6-lupdate skips: a message found here but not in the .ts file is a
    string the user would see untranslated (the test in tests/unit/test_ui_catalog.py).
    """
    found: dict[tuple[str, str], str] = {}
    root = SOURCE_DIR.parent.parent
    for path in sources():
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            key = _tr_key(node)
            if key is not None and isinstance(node, ast.Call):
                found.setdefault(key, f"{path.relative_to(root)}:{node.lineno}")
    return found


def _tr_key(node: ast.AST) -> tuple[str, str] | None:
    if not isinstance(node, ast.Call) or not node.args:
        return None
    func = node.func
    name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
    first = node.args[0]
    if name not in TR_FUNCTIONS or not isinstance(first, ast.Constant) or not isinstance(first.value, str):
        return None
    comment: object = ""
    if len(node.args) > 1:
        second = node.args[1]
        comment = second.value if isinstance(second, ast.Constant) else None
    for kw in node.keywords:
        if kw.arg == "disambiguation":
            comment = kw.value.value if isinstance(kw.value, ast.Constant) else None
    if comment is None:
        comment = ""
    if not isinstance(comment, str):
        return None
    return comment, first.value


def placeholders(text: str) -> list[str]:
    """The Qt/format placeholders of `text`, sorted, each once ("%1", "%n", "{name}")."""
    return sorted(set(PLACEHOLDER.findall(text)))


def catalog(ts: Path) -> dict[tuple[str, str], list[str]]:
    """The messages of a .ts file: (disambiguation, source) -> its translation(s), [] when
    unfinished (a plural message has one entry per form, each non-empty)."""
    out: dict[tuple[str, str], list[str]] = {}
    for message in _messages(ET.parse(ts).getroot()):
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("unfinished", "obsolete", "vanished"):
            texts: list[str] = []
        elif message.get("numerus") == "yes":
            texts = [f.text or "" for f in translation.findall("numerusform")]
            texts = texts if texts and all(t.strip() for t in texts) else []
        else:
            texts = [translation.text] if (translation.text or "").strip() else []
        out[_key(message)] = [t or "" for t in texts]
    return out


def lupdate(ts: Path, *, plurals_only: bool = False) -> None:
    ts.parent.mkdir(parents=True, exist_ok=True)
    files = [str(p) for p in sources()]
    cmd = [_tool("pyside6-lupdate"), *files, "-ts", str(ts), "-locations", "none", "-no-obsolete"]
    if plurals_only:
        cmd += ["-pluralonly", "-source-language", "en", "-target-language", "en", "-silent"]
    subprocess.run(cmd, check=True)
    if not ts.exists():
        raise SystemExit(f"lupdate did not write {ts}")
    _drop_extracomments(ts)


def _drop_extracomments(ts: Path) -> None:
    # lupdate reads Python "#:" comments as notes for translators; ours document constants
    # for programmers and would only clutter the file. Disambiguation goes in tr()'s 2nd arg.
    tree = ET.parse(ts)
    for message in _messages(tree.getroot()):
        for note in message.findall("extracomment"):
            message.remove(note)
    _write(tree, ts)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True)


def _messages(root: ET.Element):
    for context in root.iter("context"):
        yield from context.iter("message")


def _key(message: ET.Element) -> tuple[str, str]:
    source = message.findtext("source") or ""
    comment = message.findtext("comment") or ""
    return comment, source


def fill(ts: Path, table: dict[str, str]) -> int:
    """Set translations from `table`; returns how many messages changed."""
    tree = ET.parse(ts)
    changed = 0
    for message in _messages(tree.getroot()):
        comment, source = _key(message)
        # A disambiguated message takes only its own key: the plain "Open" (打开) must not
        # overwrite the case status "case status::Open" (待通知).
        text = table.get(f"{comment}::{source}") if comment else table.get(source)
        if text is None:
            continue
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        forms = translation.findall("numerusform")
        if message.get("numerus") == "yes" and isinstance(text, list):
            # Every form given (English: singular, plural), replacing the forms there were.
            for old in forms:
                translation.remove(old)
            for form in text:
                ET.SubElement(translation, "numerusform").text = form
        elif message.get("numerus") == "yes":
            if not forms:
                forms = [ET.SubElement(translation, "numerusform")]
            forms[0].text = text
            for extra in forms[1:]:
                translation.remove(extra)
        else:
            translation.text = text
        translation.attrib.pop("type", None)
        changed += 1
    _write(tree, ts)
    return changed


def unfinished(ts: Path) -> list[str]:
    tree = ET.parse(ts)
    out = []
    for message in _messages(tree.getroot()):
        translation = message.find("translation")
        forms = [] if translation is None else translation.findall("numerusform")
        if (
            translation is None
            or translation.get("type") == "unfinished"
            or any(not (f.text or "").strip() for f in forms)
        ):
            comment, source = _key(message)
            out.append(f"{comment}::{source}" if comment else source)
    return out


def _write(tree: ET.ElementTree[ET.Element], ts: Path) -> None:
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m inspector_app.tools.translations")
    parser.add_argument("--fill", type=Path, help="JSON file of translations to set")
    parser.add_argument(
        "--lang", default="zh_CN", choices=TRANSLATED + PLURALS_ONLY, help="the file --fill sets"
    )
    parser.add_argument("--unfinished", action="store_true", help="list untranslated strings")
    args = parser.parse_args(argv)
    # Every file is updated on each run, so a new plural message shows up unfinished in the
    # English file too, whichever language the run fills.
    for lang in TRANSLATED + PLURALS_ONLY:
        ts, qm = resources.ts_path(lang), resources.qm_path(lang)
        lupdate(ts, plurals_only=lang in PLURALS_ONLY)
        if args.fill and lang == args.lang:
            table = json.loads(args.fill.read_text(encoding="utf-8"))
            print(f"{fill(ts, table)} messages translated from {args.fill}")
        missing = unfinished(ts)
        if args.unfinished:
            for source in missing:
                print(f"{lang}: {source}")
        lrelease(ts, qm)
        print(f"{ts.name}: {len(missing)} unfinished; wrote {qm}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
