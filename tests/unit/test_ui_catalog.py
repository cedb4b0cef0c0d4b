"""The UI's translation catalogs cannot go stale: every tr() string is in them, translated,
with the placeholders of its source (the Qt-free layers' t() catalog: test_message_catalog.py)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from inspector_app import resources
from inspector_app.domain import pseudo
from inspector_app.tools import translations


def _shown(key: tuple[str, str]) -> str:
    comment, source = key
    return f"{comment}::{source}" if comment else source


def test_every_tr_string_is_in_the_chinese_catalog_and_finished():
    found = translations.collect()
    catalog = translations.catalog(resources.ts_path("zh_CN"))
    missing = sorted(f"{_shown(k)!r} ({where})" for k, where in found.items() if k not in catalog)
    unfinished = sorted(f"{_shown(k)!r} ({where})" for k, where in found.items() if not catalog.get(k, [""]))
    assert not missing, (
        "tr() strings pyside6-lupdate does not see (a call inside an f-string?) or not yet "
        f"collected (run python -m inspector_app.tools.translations): {missing}"
    )
    assert not unfinished, (
        "untranslated: python -m inspector_app.tools.translations --fill FILE.json, "
        f"or Qt Linguist: {unfinished}"
    )


def test_the_collector_sees_what_lupdate_misses(tmp_path):
    # The collector reads the syntax tree: a tr() inside an f-string counts too.
    source = tmp_path / "screen.py"
    source.write_text(
        'label = f"{tr(\'Only here\')}: {n}"\n'
        'x = tr("Open", "case status")\n'
        'y = QT_TR_NOOP("Marked")\n'
        'z = tr(variable)\n'
        'w = self.tr("%n photo(s)", "", 3)\n',
        encoding="utf-8",
    )
    old = translations.SOURCE_DIR
    translations.SOURCE_DIR = tmp_path
    try:
        found = translations.collect()
    finally:
        translations.SOURCE_DIR = old
    assert set(found) == {
        ("", "Only here"), ("case status", "Open"), ("", "Marked"), ("", "%n photo(s)")
    }


def _lupdate() -> str:
    try:
        return translations._tool("pyside6-lupdate")
    except SystemExit:
        pytest.skip("pyside6-lupdate not found: it comes with PySide6-Essentials (pip install -e .)")


def test_the_committed_catalog_is_what_lupdate_makes_of_the_code(tmp_path):
    """No message obsolete or new since the .ts was last updated from the code."""
    committed = resources.ts_path("zh_CN")
    fresh = tmp_path / committed.name
    shutil.copy(committed, fresh)
    files = [str(p) for p in translations.sources()]
    subprocess.run(
        [_lupdate(), *files, "-ts", str(fresh), "-locations", "none",
         "-no-obsolete", "-silent"],
        check=True, timeout=120,
    )
    before, after = translations.catalog(committed), translations.catalog(fresh)
    assert sorted(set(after) - set(before), key=str) == [], "new: run python -m inspector_app.tools.translations"
    assert sorted(set(before) - set(after), key=str) == [], "obsolete: run python -m inspector_app.tools.translations"


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_translations_keep_the_placeholders_of_their_source(lang):
    wrong = {
        _shown(key): texts
        for key, texts in translations.catalog(resources.ts_path(lang)).items()
        for text in texts
        if translations.placeholders(text) != translations.placeholders(key[1])
    }
    assert not wrong


def test_the_english_plural_forms_cover_every_plural_message():
    catalog = translations.catalog(resources.ts_path("en"))
    assert catalog, "inspector_en.ts holds the plural messages"
    assert all(len(forms) == 2 for forms in catalog.values()), "singular and plural each"


def test_placeholders_are_found():
    assert translations.placeholders("%1 of %2, %n photo(s), %Ln rows, {name} {n}") == [
        "%1", "%2", "%Ln", "%n", "{name}", "{n}"
    ]
    # "%n" as a placeholder; the plain percent of "50%" is not one.
    assert translations.placeholders("50% done") == []


@pytest.mark.parametrize(
    "text",
    ["Settings", "%n finding(s)", "Case %1 of %2: {name}", "All files (*)", "&Open", "%Ln rows",
     "Search (Ctrl+F)", "<b>Bold</b> &amp; more", "50% done", "Pass", "Mass", "Days"],
)
def test_the_pseudo_locale_is_longer_accented_and_keeps_what_qt_needs(text):
    out = pseudo.pseudo(text)
    assert out != text
    assert len(out) >= 1.35 * len(text)
    assert translations.placeholders(out) == translations.placeholders(text)
    assert out.count("&") == text.count("&")  # mnemonics and entities survive
    assert ("<b>" in out) == ("<b>" in text) and ("&amp;" in out) == ("&amp;" in text)
    assert any(ord(c) > 127 for c in out)
    assert pseudo.pseudo(out) == out  # already pseudo: left alone, so it is safe to apply twice


@pytest.mark.parametrize("fmt", ["MMMM yyyy", "yyyy-MM-dd", "yyyy-MM-dd HH:mm", "d MMM", "h:mm AP"])
def test_the_pseudo_locale_leaves_date_formats_alone(fmt):
    # tr("MMMM yyyy") is a QLocale date format: accenting it would break the date shown.
    assert pseudo.pseudo(fmt) == fmt
