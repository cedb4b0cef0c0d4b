"""The redactor matches private terms however they are typed; every merchant-facing writer
goes through the privacy gate."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from inspector_app.reports.privacy import REDACTED, Redactor, Secret
from inspector_app.services.privacy_gate import address_parts, name_parts

PKG = Path(__file__).resolve().parents[2] / "inspector_app"
ADDRESS = "北京市朝阳区建设路88号阳光花园5栋2单元1203室（收件人：王女士 191****4543）"


@pytest.fixture
def redact() -> Redactor:
    secrets = [Secret("Tom Turner", "user name"), Secret("郑志强", "user name")]
    secrets += [Secret(p, "user name") for p in name_parts("Tom Turner")]
    secrets += [Secret(p, "delivery address") for p in address_parts(ADDRESS)]
    secrets += [Secret("JD2026110512345", "order number"), Secret("Rival Goods", "other")]
    return Redactor(secrets, allowed=["好物优选 Good Things"])


@pytest.mark.parametrize(
    "typed",
    [
        "Tom  Turner",
        "Tom\u00a0Turner",
        "Ｔｏｍ Ｔｕｒｎｅｒ",
        "tom turner",
        "To\u200bm Turner",
        "郑 志强",
        "郑\u3000志\u3000强",
        "191****4543",
        "191 **** 4543",
        "１９１＊＊＊＊４５４３",
        "13912345678",
        "建设路88号",
        "阳光花园5栋",
        "JD 2026 1105 12345",
        "RIVAL GOODS",
    ],
)
def test_variants_are_redacted(redact, typed):
    out = redact(f"before {typed} after")
    assert out == f"before {REDACTED} after", out


@pytest.mark.parametrize(
    "ordinary",
    ["Tomato soup", "Turnerite", "北京市 is a city", "order 2026", "Good Things", "收件人"],
)
def test_ordinary_text_is_kept(redact, ordinary):
    assert redact(ordinary) == ordinary


def test_redaction_is_counted(redact):
    redact("nothing here")
    redact("Tom and Turner")
    assert redact.count == 1 and redact.kinds == {"user name": 2}


def test_name_parts_skip_common_words_and_numbers():
    assert list(name_parts("Quinn Manager 2")) == ["Quinn"]
    assert list(name_parts("冯志强")) == []


#: Writers of files for people inside the team only (they need no privacy gate).
INTERNAL_WRITERS = {
    "findings_xlsx.py",  # the internal workbook, marked 内部
    "workorders_xlsx.py",  # work orders with order numbers, internal, marked 内部
    "quality_report.py",  # monthly and annual reports, sent upward
    "records_xlsx.py",  # the import template (no data)
    "pdf_base.py",  # the PDF frame itself
    "xlsx_safe.py",  # the workbook helpers themselves
}


def test_every_other_writer_publishes_through_the_gate():
    """A module of reports/ that writes a PDF or a workbook and is not internal must take a
    PrivacyGate and publish through it: a new merchant-facing export cannot forget it."""
    for path in sorted((PKG / "reports").glob("*.py")):
        text = path.read_text(encoding="utf-8")
        if not re.search(r"\b(build_pdf|save_workbook)\(", text) or path.name in INTERNAL_WRITERS:
            continue
        assert "gate: PrivacyGate" in text, path.name
        assert re.search(r"gate\.publish(_job)?\(", text), path.name
