"""Messages of the Qt-free layers translate through the JSON catalogs."""

from __future__ import annotations

import json

import pytest

from inspector_app.domain import messages
from inspector_app.domain.messages import t


@pytest.fixture(autouse=True)
def _english_after():
    yield
    messages.set_language("en")


def test_english_is_the_source_and_fills_placeholders():
    assert messages.set_language("en") == "en"
    assert t("Case {number} is closed", number="RC-1") == "Case RC-1 is closed"


def test_a_catalog_translates_and_a_broken_translation_falls_back(tmp_path, monkeypatch):
    cat = tmp_path / "messages_xx.json"
    cat.write_text(json.dumps({"Hello {name}": "你好 {name}", "Bad {a}": "坏 {b}", "Empty": ""}),
                   "utf-8")
    monkeypatch.setattr(messages, "catalog_path", lambda lang: tmp_path / f"messages_{lang}.json")
    assert messages.set_language("xx") == "xx"
    assert t("Hello {name}", name="王") == "你好 王"
    assert t("Bad {a}", a=1) == "Bad 1"  # the translation names an unknown placeholder
    assert t("Empty") == "Empty"  # untranslated entries fall back to English
    assert messages.set_language("yy") == "en"  # no catalog: English


def test_language_from_environment(monkeypatch):
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    assert messages.language_from_environment() == "en"
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert messages.language_from_environment() == "zh_CN"
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    assert messages.language_from_environment() == "en"
