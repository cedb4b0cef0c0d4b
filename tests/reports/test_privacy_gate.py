"""The privacy gate at work: refusing what slipped through, photos, merchant workbooks."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook, load_workbook
from PIL import Image

from inspector_app.domain.enums import CaseStatus, Role
from inspector_app.reports.privacy import Secret
from inspector_app.reports.privacy_gate import PrivacyGate, PrivacyLeak
from inspector_app.reports.progress import run_job
from inspector_app.reports.xlsx_safe import save_workbook
from inspector_app.services import cases, reporting, responses
from inspector_app.services import photos as photo_service
from inspector_app.services.workbook_data import export_merchant_findings
from tests.reports import scenario


@pytest.fixture
def world(ctx, users, tmp_path):
    return scenario.build(ctx, users, tmp_path / "src")


def test_a_secret_that_slipped_through_refuses_the_export_and_leaves_nothing(tmp_path):
    gate = PrivacyGate((Secret("Tom Turner", "user name"),))
    wb = Workbook()
    wb.active.title = "Findings"
    wb.active["C7"] = "seen by Tom\u00a0Turner"  # written without gate.text
    out = tmp_path / "out" / "merchant.xlsx"
    with pytest.raises(PrivacyLeak, match="user name in sheet Findings, cell C7"):
        gate.publish(out, "xlsx", lambda tmp: save_workbook(wb, tmp, force=True))
    assert list(out.parent.iterdir()) == []
    wb.active["C7"] = gate.text(wb.active["C7"].value)
    assert gate.publish(out, "xlsx", lambda tmp: save_workbook(wb, tmp, force=True)).redacted == 1
    assert [p.name for p in out.parent.iterdir()] == ["merchant.xlsx"]


def test_a_file_name_with_a_secret_is_refused(ctx, users, world, tmp_path):
    qm = ctx.as_actor(users[Role.QUALITY_MANAGER])
    with pytest.raises(PrivacyLeak, match="file name"):
        run_job(reporting.export_notice(qm, tmp_path / "ORD-0001 notice.pdf",
                                        case_number=world.open_case))
    assert not list(tmp_path.glob("*.pdf"))


def test_annotation_text_is_redacted_in_the_render(ctx, users, world):
    qm = ctx.as_actor(users[Role.QUALITY_MANAGER])
    insp = ctx.as_actor(users[Role.INSPECTOR])
    data = reporting.notice_data(qm, case_number=world.open_case)
    photo = next(p for f in data.cases[0].findings for p in f.photos if p.annotated)
    shape = {"type": "text", "x": 0.1, "y": 0.5, "text": "Ivy  Inspector", "size": 0.1}
    photo_service.set_annotations(insp, photo.photo_id, [shape])
    gate = reporting.notice_gate(qm, world.merchant_shop)

    def pixels(render: bytes):
        return Image.open(io.BytesIO(render)).convert("L").tobytes()

    gated = pixels(photo_service.annotated_render(ctx, photo.photo_id, shapes=gate.shapes))
    photo_service.set_annotations(insp, photo.photo_id, [{**shape, "text": "[removed]"}])
    expected = pixels(photo_service.annotated_render(ctx, photo.photo_id))
    photo_service.set_annotations(insp, photo.photo_id, [shape])
    raw = pixels(photo_service.annotated_render(ctx, photo.photo_id))
    assert gated == expected != raw


def test_merchant_findings_workbook_holds_only_notified_findings(ctx, users, world, tmp_path):
    qm = ctx.as_actor(users[Role.QUALITY_MANAGER])
    out = export_merchant_findings(qm, world.merchant_shop, tmp_path / "f.xlsx")
    ws = load_workbook(out).active
    header = [c.value for c in ws[4]]
    rows = [dict(zip(header, r, strict=True)) for r in ws.iter_rows(min_row=5, values_only=True)]
    # Only the closed case was notified; the open one is in no notice yet.
    assert [(r["Notice (case) 通知/案件"], r["No. 编号"]) for r in rows] == [(world.closed_case, "1")]
    text = " ".join(str(v) for row in ws.iter_rows(values_only=True) for v in row if v)
    for private in ("ORD-", "129.9", "Ivy", scenario.ALIAS, "Hidden Lane", "Key merchant"):
        assert private not in text
    assert not any("order" in str(h).casefold() or "price" in str(h).casefold() for h in header)
    cases.advance(qm, world.open_case, CaseStatus.NOTIFIED)
    out = export_merchant_findings(qm, world.merchant_shop, tmp_path / "g.xlsx")
    numbers = [r[0] for r in load_workbook(out).active.iter_rows(min_row=5, values_only=True)]
    assert sorted(set(numbers)) == sorted([world.closed_case, world.open_case])


def test_responses_workbook_lists_only_cases_awaiting_a_reply(ctx, users, world, tmp_path):
    from inspector_app.domain.errors import ValidationError
    from inspector_app.reports import merchant_xlsx as mx

    mm = ctx.as_actor(users[Role.MERCHANT_MANAGER])
    with pytest.raises(ValidationError, match="no cases awaiting its reply"):
        responses.export_merchant_workbook(mm, world.merchant_shop, tmp_path / "r.xlsx")
    cases.advance(ctx.as_actor(users[Role.QUALITY_MANAGER]), world.open_case, CaseStatus.NOTIFIED)
    path = responses.export_merchant_workbook(mm, world.merchant_shop, tmp_path / "r.xlsx")
    ws = load_workbook(path)[mx.RESPONSES]
    assert [ws.cell(r, 3).value for r in range(2, ws.max_row + 1)] == [world.open_case]


def test_reports_screen_offers_the_merchant_findings_workbook(ctx, users, world, tmp_path):
    from inspector_app.ui.reports.actions import _gate_note
    from inspector_app.ui.reports.kinds import (
        MERCHANT_FINDINGS,
        ReportRequest,
        default_file_name,
        export_job,
    )

    req = ReportRequest(MERCHANT_FINDINGS, shop_id=world.merchant_shop)
    assert default_file_name(req).startswith(f"{world.merchant_shop}-findings-")
    out = run_job(export_job(ctx.as_actor(users[Role.MERCHANT_MANAGER]), req, tmp_path / "f.xlsx"))
    assert load_workbook(out).sheetnames == ["Findings 问题"]
    assert _gate_note(out).startswith("Private values redacted: ")
