"""The .ts fill tool: plain keys fill plain messages, "comment::source" keys disambiguated ones."""

from __future__ import annotations

from inspector_app.tools.translations import fill, unfinished

TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context><name></name>
<message><source>Open</source><translation type="unfinished"></translation></message>
<message><source>Open</source><comment>case status</comment><translation>待通知</translation></message>
<message><source>Open</source><comment>action</comment><translation type="unfinished"></translation></message>
</context>
</TS>
"""


def test_a_plain_key_never_overwrites_a_disambiguated_message(tmp_path):
    ts = tmp_path / "x.ts"
    ts.write_text(TS, encoding="utf-8")
    assert fill(ts, {"Open": "打开"}) == 1
    assert unfinished(ts) == ["action::Open"]
    assert "<translation>待通知</translation>" in ts.read_text(encoding="utf-8")
    assert fill(ts, {"action::Open": "打开"}) == 1
    assert unfinished(ts) == []


PLURALS_TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context><name></name>
<message numerus="yes"><source>%n photo(s)</source>
<translation type="unfinished"><numerusform></numerusform><numerusform></numerusform></translation>
</message>
<message numerus="yes"><source>%n page(s)</source>
<translation><numerusform>%n page</numerusform><numerusform></numerusform></translation>
</message>
</context>
</TS>
"""


def test_a_list_fills_every_plural_form_and_an_empty_form_is_unfinished(tmp_path):
    ts = tmp_path / "en.ts"
    ts.write_text(PLURALS_TS, encoding="utf-8")
    assert unfinished(ts) == ["%n photo(s)", "%n page(s)"]  # a form left empty counts too
    assert fill(ts, {"%n photo(s)": ["%n photo", "%n photos"]}) == 1
    assert unfinished(ts) == ["%n page(s)"]
    text = ts.read_text(encoding="utf-8")
    assert "<numerusform>%n photo</numerusform>" in text
    assert "<numerusform>%n photos</numerusform>" in text
