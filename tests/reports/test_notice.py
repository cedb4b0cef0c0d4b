"""Rectification notices: content, Chinese text, page numbers, privacy and photo metadata."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from inspector_app.domain.enums import CaseStatus, Role
from inspector_app.domain.errors import PermissionDenied
from inspector_app.reports.progress import run_job
from inspector_app.services import cases, reporting
from tests.reports import scenario
from tests.reports.conftest import assert_no_image_metadata, pdf_text


@pytest.fixture
def world(ctx, users, tmp_path):
    return scenario.build(ctx, users, tmp_path / "src")


def _assert_private(text: str, world, users) -> None:
    flat = re.sub(r"\s+", "", text)
    for secret in (
        scenario.ALIAS,
        "Hidden Lane",
        "秘密路",
        scenario.OTHER_MERCHANT,
        world.inspector_name,
        world.manager_name,
        "Ivy",
        "ORD-000",
    ):
        assert re.sub(r"\s+", "", secret) not in flat, secret
    for user in users.values():
        assert user.display_name not in text


def test_case_notice(ctx, users, world, tmp_path, clock):
    qm = ctx.as_actor(users[Role.QUALITY_MANAGER])
    steps = []
    out = run_job(
        reporting.export_notice(qm, tmp_path / "n.pdf", case_number=world.open_case),
        steps.append,
    )
    assert steps and steps[-1].done == steps[-1].total
    reader = PdfReader(str(out))
    n = len(reader.pages)
    assert reader.metadata.author == "质量检查部 Quality Inspection"
    assert all(u.display_name not in str(reader.metadata) for u in users.values())
    text = pdf_text(out)
    assert f"Page 1 of {n}" in text and f"Page {n} of {n}" in text
    assert f"{world.open_case}-N1" in text
    assert "整改通知书" in text and "缝线开裂" in text and "好物优选" in text
    assert "Seam <i>open & <a href='http://x'>link</a> 开线" in " ".join(text.split())
    assert "<img src='x'/>" in text
    assert "GB 18401-2010 6.1" in text and "Acknowledgement of receipt" in text
    flat = " ".join(text.split())
    assert f"covering case {world.open_case}," in flat and "case(s)" not in flat
    _assert_private(text, world, users)
    assert "[removed]" in text  # the inspector's name in the description, the alias in captions
    assert assert_no_image_metadata(out) >= 4  # logo + 4 finding photos (one annotated)
    for page in reader.pages:
        assert "/Annots" not in page
    # Printing the notice sent it: the open case is notified, in the archiving transaction.
    case = cases.get_case(qm, world.open_case)
    assert case.status == CaseStatus.NOTIFIED and case.notified_at is not None
    assert case.events[-1].note == "Rectification notice printed"
    # A reprint of the same notice keeps its number and date; both prints are archived.
    clock.advance(days=2)
    run_job(reporting.export_notice(qm, tmp_path / "n2.pdf", case_number=world.open_case))
    reprint = pdf_text(tmp_path / "n2.pdf")
    assert f"{world.open_case}-N1" in reprint and f"{world.open_case}-N2" not in reprint
    archived = reporting.list_archive(qm, reporting.NOTICE, world.open_case)
    assert len(archived) == 2 and archived[0].file_name == "n2.pdf"
    assert archived[0].figures["issued_on"] == archived[1].figures["issued_on"]
    # --force over the same file is a reprint too.
    run_job(reporting.export_notice(qm, tmp_path / "n2.pdf", case_number=world.open_case, force=True))
    assert f"{world.open_case}-N1" in pdf_text(tmp_path / "n2.pdf")
    # A different notice (the case's outcome changed) takes the next number.
    cases.advance(qm, world.open_case, CaseStatus.CANCELLED, "duplicate of another case")
    run_job(reporting.export_notice(qm, tmp_path / "n3.pdf", case_number=world.open_case))
    assert f"{world.open_case}-N2" in pdf_text(tmp_path / "n3.pdf")


def test_a_preview_or_a_notice_without_notify_leaves_the_case_open(ctx, users, world, tmp_path):
    qm = ctx.as_actor(users[Role.QUALITY_MANAGER])
    run_job(reporting.export_notice(qm, tmp_path / "p.pdf", case_number=world.open_case,
                                    record=False))
    run_job(reporting.export_notice(qm, tmp_path / "q.pdf", case_number=world.open_case,
                                    notify=False))
    assert cases.get_case(qm, world.open_case).status == CaseStatus.OPEN
    assert len(reporting.list_archive(qm, reporting.NOTICE, world.open_case)) == 1


def test_merchant_notice_with_verified_case(ctx, users, world, tmp_path):
    qm = ctx.as_actor(users[Role.QUALITY_MANAGER])
    out = run_job(reporting.export_notice(qm, tmp_path / "m.pdf", shop_id=world.merchant_shop))
    text = pdf_text(out)
    assert world.open_case in text and world.other_case not in text
    # Closed cases are not open: a merchant notice holds only the open ones.
    assert world.closed_case not in text
    _assert_private(text, world, users)
    verified = run_job(
        reporting.export_notice(qm, tmp_path / "v.pdf", case_number=world.closed_case)
    )
    vtext = pdf_text(verified)
    assert "Merchant's evidence" in vtext and "Re-check" in vtext and "Passed" in vtext
    assert "=We replaced the supplier" in vtext
    assert "This notice records the outcome of rectification case" in " ".join(vtext.split())
    _assert_private(vtext, world, users)
    assert assert_no_image_metadata(verified) >= 3  # logo, evidence and re-check photos


def test_inspectors_do_not_print_notices(ctx, users, world, tmp_path):
    insp = ctx.as_actor(users[Role.INSPECTOR])
    with pytest.raises(PermissionDenied):
        run_job(reporting.export_notice(insp, tmp_path / "x.pdf", case_number=world.open_case))


def test_a_merchant_manager_prints_the_notice_that_they_send(ctx, users, world, tmp_path):
    """Merchant managers send notices out: they print and save them as managers do; the
    same privacy gate applies, the notice is archived and its open case notified."""
    from inspector_app.services import case_moves

    mm = ctx.as_actor(users[Role.MERCHANT_MANAGER])
    case = cases.get_case(mm, world.open_case)
    assert case_moves.why_not_manage(mm, case, "notice") is None
    refusal = case_moves.why_not_manage(ctx.as_actor(users[Role.INSPECTOR]), case, "notice")
    assert "merchant_manager" in refusal.message  # English names roles by their stored value
    out = run_job(reporting.export_notice(mm, tmp_path / "mm.pdf", case_number=world.open_case))
    _assert_private(pdf_text(out), world, users)
    assert cases.get_case(mm, world.open_case).status == CaseStatus.NOTIFIED
    assert [a.period for a in reporting.list_archive(mm, reporting.NOTICE)] == [world.open_case]


def test_who_deleted_never_reaches_a_merchant_document(ctx, users, world, tmp_path):
    """Migration 0004 records a deleter's user name; no merchant-facing document shows it."""
    from openpyxl import load_workbook

    from inspector_app.services import photos as photo_service
    from inspector_app.services import responses
    from inspector_app.services.browse.deleted import DeletedFilter, fetch_deleted

    qm = ctx.as_actor(users[Role.QUALITY_MANAGER])
    insp = ctx.as_actor(users[Role.INSPECTOR])
    (extra,) = scenario._photos(insp, tmp_path / "more", 1, finding_id=world.finding_ids[0])
    photo_service.delete_photo(qm, extra)
    assert [r.deleted_by for r in fetch_deleted(qm, DeletedFilter(kind="photo"))] == [
        world.manager_name]
    out = run_job(reporting.export_notice(qm, tmp_path / "d.pdf", shop_id=world.merchant_shop))
    _assert_private(pdf_text(out), world, users)
    assert cases.get_case(qm, world.open_case).status == CaseStatus.NOTIFIED  # the notice sent it
    book = responses.export_merchant_workbook(
        ctx.as_actor(users[Role.MERCHANT_MANAGER]), world.merchant_shop, tmp_path / "d.xlsx")
    cells = " ".join(
        str(v) for ws in load_workbook(book).worksheets
        for row in ws.iter_rows(values_only=True) for v in row if v is not None
    )
    _assert_private(cells, world, users)
