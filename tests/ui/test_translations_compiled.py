"""The shipped .qm files say what the .ts files say: a translation added to a .ts but not
compiled (python -m inspector_app.tools.translations) would still show English."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTranslator

from inspector_app import resources
from inspector_app.tools import translations


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_every_translation_of_the_ts_is_in_the_qm(lang):
    qm = QTranslator()
    assert qm.load(str(resources.qm_path(lang)))
    stale = []
    for (comment, source), texts in translations.catalog(resources.ts_path(lang)).items():
        if not texts:
            continue
        # n = 1 and n = 2 pick the first and the last plural form (one form in Chinese).
        got = [qm.translate("", source, comment or None, n) for n in (1, 2)]
        if got != [texts[0], texts[-1]]:
            stale.append(f"{comment}::{source}" if comment else source)
    assert stale == [], "run python -m inspector_app.tools.translations"
