"""One glossary: the UI, the command line, the PDFs and the workbooks name each term alike."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from inspector_app.domain import glossary
from inspector_app.reports import labels

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "resources" / "i18n"
UI_SOURCE = ROOT / "inspector_app" / "ui" / "i18n.py"
#: Enum class in ui/i18n.py -> glossary vocabulary.
UI_ENUMS = {"Severity": "severity", "CaseStatus": "case status", "FindingCategory": "finding category",
            "WorkOrderKind": "work order kind", "WorkOrderResult": "work order result",
            "WorkOrderStage": "work order stage",
            "ReviewDecision": "review decision", "ReviewReason": "review reason",
            "GoodsDisposition": "goods disposition"}


def _ts_translations() -> dict[tuple[str, str], str]:
    out = {}
    for msg in ET.parse(I18N / "inspector_zh_CN.ts").getroot().iter("message"):
        comment = msg.find("comment")
        if comment is not None and comment.text in glossary.TERMS:
            out[(comment.text, msg.find("source").text)] = msg.find("translation").text
    return out


def _ui_labels() -> dict[tuple[str, str], str]:
    """(vocabulary, stored value) -> the English source text ui/i18n.enum_label passes to tr()."""
    text = UI_SOURCE.read_text(encoding="utf-8")
    out = {}
    for cls, name, english, vocab in re.findall(
        r"\((\w+)\.(\w+), tr\(\"([^\"]+)\", \"([^\"]+)\"\)\)", text
    ):
        if UI_ENUMS.get(cls) == vocab:
            out[(vocab, name.lower())] = english
    return out


@pytest.mark.parametrize("vocab", sorted(glossary.TERMS))
def test_ui_speaks_the_glossary(vocab):
    ui, ts = _ui_labels(), _ts_translations()
    for value, (en, zh) in glossary.TERMS[vocab].items():
        assert ui[(vocab, value)] == en, (vocab, value)
        assert ts[(vocab, en)] == zh, (vocab, value)


def test_command_line_messages_speak_the_glossary():
    messages = json.loads((I18N / "messages_zh_CN.json").read_text(encoding="utf-8"))
    for vocab, context in (("severity", "severity"), ("case status", "case status"),
                           ("work order kind", "work order kind"),
                           ("work order result", "work order result"),
                           ("work order stage", "work order stage"),
                           ("review decision", "review decision"),
                           ("goods disposition", "goods disposition")):
        for value, (_, zh) in glossary.TERMS[vocab].items():
            assert messages[f"{context}::{value}"] == zh, (vocab, value)
    # Review reasons read as words in English too ("work orders over 72 h").
    for value, (en, zh) in glossary.REVIEW_REASON.items():
        assert messages[f"review reason::{en}"] == zh, value


def test_documents_speak_the_glossary():
    for value, (en, zh) in glossary.SEVERITY.items():
        assert labels.severity(value) == f"{en} {zh}"
    for value, (en, zh) in glossary.CASE_STATUS.items():
        assert labels.case_status(value) == f"{en} {zh}"
    for value, (en, zh) in glossary.CATEGORY.items():
        assert labels.category(value) == f"{en} {zh}"
    for value, (en, zh) in glossary.WORK_ORDER_RESULT.items():
        assert labels.work_order_result(value) == f"{en} {zh}"
    for value, (en, zh) in glossary.WORK_ORDER_STAGE.items():
        assert labels.work_order_stage(value) == f"{en} {zh}"
    for value, (en, zh) in glossary.WORK_ORDER_KIND.items():
        assert labels.work_order_kind(value) == f"{en} {zh}"
    for value, (en, zh) in glossary.REVIEW_DECISION.items():
        assert labels.review_decision(value) == f"{en} {zh}"
    for value, (en, zh) in glossary.REVIEW_REASON.items():
        assert labels.review_reason(value) == f"{en} {zh}"
    for value, (en, zh) in glossary.DISPOSITION.items():
        assert labels.disposition(value) == f"{en} {zh}"


def test_after_sales_words_speak_the_glossary():
    """The UI's tr(English, "after-sales term") calls are the glossary's words, translated alike."""
    text = "\n".join(p.read_text(encoding="utf-8")
                     for p in (ROOT / "inspector_app" / "ui").rglob("*.py"))
    used = set(re.findall(r'tr\("([^"]+)", "after-sales term"\)', text))
    words = {en: zh for en, zh in glossary.AFTER_SALES.values()}
    assert used and used <= set(words), used - set(words)
    ts = {}
    for msg in ET.parse(I18N / "inspector_zh_CN.ts").getroot().iter("message"):
        comment = msg.find("comment")
        if comment is not None and comment.text == "after-sales term":
            ts[msg.find("source").text] = msg.find("translation").text
    for en in used:
        assert ts[en] == words[en], en
