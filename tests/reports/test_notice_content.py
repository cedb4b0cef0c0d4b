"""Notices right to send: overdue cases, closed cases, photos once and per finding, long text."""

from __future__ import annotations

from datetime import timedelta

import pytest
from pypdf import PdfReader

from inspector_app.domain import clock
from inspector_app.domain.enums import CaseStatus, PhotoRole, Role
from inspector_app.reports.progress import run_job
from inspector_app.services import cases, catalog, merchants, reporting, team_settings
from inspector_app.services import photos as photo_service
from inspector_app.services.cases import ResponseInput
from tests.reports import scenario
from tests.reports.conftest import pdf_text as pdftotext


@pytest.fixture
def world(ctx, users, tmp_path):
    return scenario.build(ctx, users, tmp_path / "src")


@pytest.fixture
def qm(ctx, users):
    return ctx.as_actor(users[Role.QUALITY_MANAGER])


def _flat(path) -> str:
    return " ".join(pdftotext(path).split())


def test_overdue_case_gets_a_new_reply_date_on_notice_and_slip(qm, world, tmp_path):
    case = cases.get_case(qm, world.open_case)
    late = case.due_date + timedelta(days=10)
    team_settings.put(qm, "notices.reply_days", 4)
    out = run_job(reporting.export_notice(qm, tmp_path / "o.pdf", case_number=world.open_case,
                                          today=late))
    text = _flat(out)
    new = (late + timedelta(days=4)).isoformat()
    assert "Overdue 已逾期" in text and f"Reply by {new}" in text
    assert f"undertake to rectify and reply by {new}" in text
    assert f"reply by {case.due_date.isoformat()}" not in text  # no date already past


def test_case_not_yet_due_keeps_its_date(qm, world, tmp_path):
    case = cases.get_case(qm, world.open_case)
    out = run_job(reporting.export_notice(qm, tmp_path / "d.pdf", case_number=world.open_case,
                                          today=case.due_date - timedelta(days=1)))
    text = _flat(out)
    assert "Overdue" not in text and f"reply by {case.due_date.isoformat()}" in text


def test_closed_case_notice_records_the_outcome_from_its_first_line(qm, world, tmp_path):
    out = run_job(reporting.export_notice(qm, tmp_path / "c.pdf", case_number=world.closed_case))
    reader = PdfReader(str(out))
    first_page = " ".join(reader.pages[0].extract_text().split())
    body = first_page[first_page.index("整改结果通知书") :]
    assert body.startswith("整改结果通知书 This notice records the outcome")
    text = _flat(out)
    assert "required to rectify" not in text and "What you must do" not in text
    assert "Acknowledgement of receipt" not in text and "No further action is required" in text
    assert reader.metadata.title.startswith("Rectification outcome")


def test_each_photo_printed_once_and_matched_to_its_finding(ctx, users, qm, world, tmp_path):
    mm = ctx.as_actor(users[Role.MERCHANT_MANAGER])
    out = run_job(reporting.export_notice(qm, tmp_path / "c.pdf", case_number=world.closed_case))
    # The closed case: one evidence photo, two of the merchant's, one re-check: four captions.
    assert _flat(out).count("took this") == 4
    # A merchant's photo naming a finding sits in that finding's row.
    cases.advance(qm, world.open_case, CaseStatus.NOTIFIED)
    cases.record_response(mm, world.open_case, ResponseInput(response_text="fixed"))
    cases.advance(qm, world.open_case, CaseStatus.RECTIFYING)
    photo = scenario.make_photo(tmp_path / "fix.jpg", size=(400, 300), color="lime")
    list(photo_service.add_photos(mm, [photo], finding_id=world.finding_ids[1],
                                  role=PhotoRole.RECTIFICATION, caption="fixed seam"))
    data = reporting.notice_data(qm, case_number=world.open_case)
    (rect,) = data.cases[0].rectification_photos
    assert rect.for_finding == "1.2"
    assert all(p.role == "evidence" for f in data.cases[0].findings for p in f.photos)
    text = _flat(run_job(reporting.export_notice(qm, tmp_path / "r.pdf",
                                                 case_number=world.open_case)))
    assert text.count("took this") == 4  # the case's four evidence photos, once each
    row = text[text.rindex("1.2") :]
    assert "fixed seam" in row


def test_brand_printed_once(ctx, users, qm, world, tmp_path):
    insp = ctx.as_actor(users[Role.INSPECTOR])
    prod = catalog.create_product(insp, "花漾 碎花连衣裙", brand="花漾", listing_id="L-9")
    from inspector_app.db.models.catalog import Product
    from inspector_app.services.workbook_data import product_text

    with ctx.db.read() as s:
        row = s.get(Product, prod.id)
        assert product_text(row) == "花漾 碎花连衣裙 (listing L-9)"


def test_long_texts_fit_and_metadata_is_clean(ctx, users, qm, tmp_path):
    name = "Huge\x07Shop " + "长" * 40_000
    if not ctx.db.is_sqlite:  # PostgreSQL holds a VARCHAR(200) to its length
        name = name[:200]
    m = merchants.create_merchant(qm, "HUGE-1", "Huge shop")
    from inspector_app.db.models import Merchant

    with ctx.db.write() as s:  # longer than the form allows: as an import or old row could be
        s.get(Merchant, m.id).name = name
    title = "T" + "很长的标题" * 8_000
    if not ctx.db.is_sqlite:
        title = title[:300]
    world = scenario.build_one(ctx, users, tmp_path / "src", m, title)
    out = run_job(reporting.export_notice(qm, tmp_path / "h.pdf", case_number=world))
    reader = PdfReader(str(out))
    assert len(reader.pages) < 40
    text = " ".join(p.extract_text() for p in reader.pages)
    assert "Huge" in text and "…" in text  # shortened where the layout has no room
    assert text.count("很长的标题") < 8_000 * 3 // 4  # the heading is cut, the cells capped
    subject = reader.metadata.subject
    assert "\x07" not in subject and all(ord(c) >= 32 for c in subject)
    assert b"Helvetica" not in out.read_bytes()


def test_undrawable_characters_are_reported(ctx, users, qm, tmp_path):
    m = merchants.create_merchant(qm, "EMOJI-1", "Emoji shop")
    case = scenario.build_one(ctx, users, tmp_path / "src", m, "Broken 😀 and 𠀀 rare")
    out = run_job(reporting.export_notice(qm, tmp_path / "e.pdf", case_number=case))
    assert "😀" in out.undrawable and "𠀀" in out.undrawable
    assert "Broken" in pdftotext(out)


def test_today_is_the_clock(qm, world, tmp_path):
    data = reporting.notice_data(qm, case_number=world.open_case)
    assert data.issued_on == clock.today()
