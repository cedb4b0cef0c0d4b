"""Escaping user text for ReportLab markup: anything typed prints as typed."""

from __future__ import annotations

import io
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from inspector_app.reports.pdf_text import clean, has_cjk, markup, para, styles

HOSTILE = [
    "<",
    ">",
    "&",
    "a < b && c > d",
    "<i>unclosed italic",
    "</b> closing only",
    '<a href="https://evil.example/">click me</a>',
    '<img src="/etc/passwd" width="100" height="100"/>',
    '<font name="Nope" size="200">big</font>',
    "<para>nested para</para>",
    "<br/> fake break &amp; fake entity &#60; &nbsp;",
    "<![CDATA[x]]> <!-- comment --> <?pi?>",
    "bell\x07 null\x00 esc\x1b del\x7f c1\x85\x9b",
    "tab\there\r\nwindows\rmac",
    "中文：商品质量问题<严重>，包装破损 & 需要整改",
]


def _build(flowables) -> bytes:
    from reportlab.platypus import SimpleDocTemplate

    buf = io.BytesIO()
    SimpleDocTemplate(buf).build(flowables)
    return buf.getvalue()


def _text(pdf: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def _squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


def test_hostile_text_prints_literally():
    pdf = _build([para(s) for s in HOSTILE])
    reader = PdfReader(io.BytesIO(pdf))
    text = _squash(_text(pdf))
    for s in HOSTILE:
        expected = _squash(clean(s))
        assert expected in text, s
    # No link annotations and no image XObjects came from the user's text.
    for page in reader.pages:
        assert "/Annots" not in page
        resources = page.get("/Resources") or {}
        assert "/XObject" not in resources


def test_clean_drops_controls_and_normalises_newlines():
    assert clean("a\x00b\x07c\x7fd\x9fe") == "abcde"
    assert clean("1\r\n2\r3\n4") == "1\n2\n3\n4"
    assert clean(None) == ""
    assert clean(42) == "42"
    assert "<br/>" in markup("one\ntwo")
    assert "<br/>" not in markup("one\ntwo", newlines=False)


def test_cjk_runs_get_the_cjk_font():
    m = markup("Shop 商店 A")
    assert 'name="InspectorCJK"' in m
    assert has_cjk("商店") and not has_cjk("shop <&>")


def test_chinese_text_is_extractable():
    pdf = _build([para("整改通知书：商品质量问题", "title")])
    assert "整改通知书" in _text(pdf)
    assert styles()["body"].wordWrap == "CJK"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_any_text_survives_a_paragraph_build(text):
    _build([para(text), para(text, "cell"), para(text, "h1")])


@settings(max_examples=25, deadline=None)
@given(
    st.text(alphabet=st.characters(min_codepoint=0x21, max_codepoint=0x7E), min_size=1, max_size=80)
)
def test_printable_ascii_round_trips(text):
    assert _squash(text) in _squash(_text(_build([para(text)])))
