"""Monthly and annual quality reports: figures printed, archived, changes shown, reproduced."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from inspector_app.domain import clock
from inspector_app.domain.enums import Role
from inspector_app.domain.errors import PermissionDenied
from inspector_app.reports.progress import run_job
from inspector_app.reports.quality_report import changes
from inspector_app.services import findings, quality_reports, reporting, stats
from inspector_app.services.findings import FindingInput
from tests.reports import scenario
from tests.reports.conftest import pdf_text


@pytest.fixture
def world(ctx, users, tmp_path):
    return scenario.build(ctx, users, tmp_path / "src")


def _row(text: str, label: str) -> str:
    """The value printed after a figure's label (layout text keeps a row on one line)."""
    for line in text.splitlines():
        if label in line:
            return line.split(label, 1)[1].strip()
    raise AssertionError(f"{label!r} not in the report")


def test_monthly_report_states_the_figures(ctx, users, world, tmp_path):
    qm = ctx.as_actor(users[Role.QUALITY_MANAGER])
    month = clock.today().strftime("%Y-%m")
    fig = stats.figures(qm, stats.Period.parse(month))
    out = run_job(quality_reports.export_quality_report(qm, month, tmp_path / "r.pdf"))
    reader = PdfReader(str(out))
    assert reader.metadata.author == "质量检查部 Quality Inspection"
    n = len(reader.pages)
    text = pdf_text(out, layout=True)
    assert f"Page {n} of {n}" in text
    assert f"Monthly quality report {month}" in text and "质量月报" in text
    assert _row(text, "Findings 问题").startswith(str(fig.findings))
    assert _row(text, "Mystery purchases 神买订单").startswith(str(fig.purchases))
    assert _row(text, "Merchants with findings 问题商家").startswith(
        str(fig.merchants_with_findings)
    )
    assert "帕累托" in text and "Trend by month" in text
    assert "好物优选" in text  # top merchants
    archived = reporting.list_archive(qm, "monthly", month)
    assert len(archived) == 1 and archived[0].figures["figures"]["findings"] == fig.findings
    assert "Changes since" not in text


def test_regenerated_report_shows_changes_and_archive_reproduces(ctx, users, world, tmp_path):
    qm = ctx.as_actor(users[Role.QUALITY_MANAGER])
    insp = ctx.as_actor(users[Role.INSPECTOR])
    year = str(clock.today().year)
    first = run_job(quality_reports.export_quality_report(qm, year, tmp_path / "a.pdf"))
    before = pdf_text(first, layout=True)
    assert f"Annual quality report {year}" in before and "质量年报" in before
    purchase_id = findings.get_finding(qm, world.finding_ids[0]).purchase_id
    findings.add_finding(insp, purchase_id, FindingInput("safety_hazard", "critical", "Sharp"))
    second = run_job(quality_reports.export_quality_report(qm, year, tmp_path / "b.pdf"))
    after = pdf_text(second, layout=True)
    assert "Changes since the report of" in after
    line = _row(after, "Findings: Safety hazard 安全隐患")
    assert re.match(r"0\s+1$", line), line
    # The first report, reproduced from the archive, states the old figures again.
    archived = reporting.list_archive(qm, "annual", year)
    assert len(archived) == 2
    again = run_job(quality_reports.reproduce_report(qm, archived[-1].id, tmp_path / "c.pdf"))
    text = pdf_text(again, layout=True)
    assert _row(text, "Findings 问题") == _row(before, "Findings 问题")
    assert "reproduced from archived report" in text


def test_changes_compares_every_stated_figure():
    old = {"findings": 3, "by_category": [["other", 3]], "timing": {"response_median": 10.0}}
    new = {
        "findings": 4,
        "by_category": [["other", 3], ["wrong_item", 1]],
        "timing": {"response_median": 12.5},
    }
    diff = dict((label, (a, b)) for label, a, b in changes(old, new))
    assert diff["Findings 问题"] == ("3", "4")
    assert diff["Hours to first response, median 首次回复时长中位数"] == ("10.0 h", "12.5 h")
    assert diff["Findings: Wrong item 错发商品"] == ("0", "1")
    assert changes(new, new) == []


def test_inspectors_cannot_produce_reports(ctx, users, tmp_path):
    with pytest.raises(PermissionDenied):
        run_job(
            quality_reports.export_quality_report(
                ctx.as_actor(users[Role.INSPECTOR]), "2026", tmp_path / "x.pdf"
            )
        )
