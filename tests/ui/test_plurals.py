"""Plural counts: English reads "1 finding" / "2 findings", Chinese never shows "(s)"."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from inspector_app import resources
from inspector_app.tools.translations import unfinished
from inspector_app.ui.i18n import install_translator, tr


def plural_messages(lang: str) -> dict[tuple[str, str], list[str]]:
    """(comment, source) -> the numerus forms of each plural message in `lang`'s .ts."""
    root = ET.parse(resources.ts_path(lang)).getroot()
    return {
        (m.findtext("comment") or "", m.findtext("source") or ""): [
            f.text or "" for f in m.iter("numerusform")
        ]
        for m in root.iter("message")
        if m.get("numerus") == "yes"
    }


def test_english_uses_singular_and_plural_forms():
    assert install_translator("en")
    assert tr("%n finding(s)", "", 1) == "1 finding"
    assert tr("%n finding(s)", "", 2) == "2 findings"
    assert tr("%n finding(s)", "", 0) == "0 findings"
    assert tr("%n case(s)", None, 1) == "1 case"
    assert tr("Delete %n finding(s)? You can undo this.", None, 1) == (
        "Delete 1 finding? You can undo this."
    )
    # Whole sentences agree with the count, not only the noun.
    assert tr(
        "%n row(s) were not imported; correct them in the workbook and import it again (rows "
        "already imported are not applied twice):", None, 1
    ).startswith("1 row was not imported; correct it in the workbook")
    assert tr("Settings") == "Settings"  # everything else shows as written


def test_every_plural_message_has_both_english_forms():
    english, chinese = plural_messages("en"), plural_messages("zh_CN")
    assert english.keys() == chinese.keys()
    assert unfinished(resources.ts_path("en")) == []
    for (_comment, source), forms in english.items():
        assert len(forms) == 2, source
        for form in forms:
            # %Ln (the count with the locale's digit grouping) is kept as the source has it.
            count = "%Ln" if "%Ln" in source else "%n"
            assert count in form and "(s)" not in form, (source, form)
            # The other place markers survive (%1, %2 are filled in after tr()).
            for marker in ("%1", "%2"):
                assert (marker in form) == (marker in source), (source, form)


def test_large_counts_are_grouped_by_the_locale():
    # tr() substitutes %Ln itself; replacing "%n" afterwards would find nothing to replace.
    assert install_translator("en")
    assert tr("%Ln merchant(s)", "", 1) == "1 merchant"
    assert tr("%Ln merchant(s)", "", 1234) == "1,234 merchants"
    assert install_translator("zh_CN")
    try:
        assert tr("%Ln merchant(s)", "", 1234) == "1,234 个商家"
    finally:
        install_translator("en")


def test_no_translation_is_unfinished():
    assert unfinished(resources.ts_path("zh_CN")) == [], (
        "fill them: python -m inspector_app.tools.translations --fill FILE.json"
    )


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_no_count_shows_a_bracketed_plural(lang):
    assert install_translator(lang)
    for (comment, source) in plural_messages("zh_CN"):
        for n in (0, 1, 2, 1234):
            text = tr(source, comment or None, n)
            assert "(s)" not in text and "%n" not in text and "%Ln" not in text, (lang, source, n)
            assert str(n) in text or f"{n:,}" in text  # %Ln groups the digits
