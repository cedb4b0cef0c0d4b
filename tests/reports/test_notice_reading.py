"""How a notice is read and laid out: every case in a fixed number of queries, no reopening."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import event

import inspector_app.reports.pdf_base as pdf_base
from inspector_app.domain import clock
from inspector_app.domain.enums import PhotoRole, Role
from inspector_app.reports.progress import run_job
from inspector_app.services import cases, catalog, findings, merchants, reporting
from inspector_app.services.findings import FindingInput
from tests.reports import scenario
from tests.reports.conftest import assert_no_image_metadata, pdf_text


@pytest.fixture
def world(ctx, users, tmp_path):
    return scenario.build(ctx, users, tmp_path / "src")


def _selects(ctx, fn) -> int:
    seen: list[str] = []

    def grab(_conn, _cursor, statement, *_rest) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append(statement)

    event.listen(ctx.db.engine, "before_cursor_execute", grab)
    try:
        fn()
    finally:
        event.remove(ctx.db.engine, "before_cursor_execute", grab)
    return len(seen)


def _second_open_case(ctx, users, world, tmp_path) -> tuple[str, list[int]]:
    """Another open case for the same merchant: one finding with two photos, one case photo."""
    insp = ctx.as_actor(users[Role.INSPECTOR])
    qm = ctx.as_actor(users[Role.QUALITY_MANAGER])
    m = merchants.find_by_shop_id(qm, world.merchant_shop)
    prod = catalog.create_product(insp, "Socks 袜子", brand="BrandY", listing_id="L-2002")
    when = clock.now() - timedelta(days=5)
    p = scenario._purchase(insp, m.id, prod.id, "ORD-0099", users[Role.INSPECTOR].id, when)
    f = findings.add_finding(
        insp,
        p.id,
        FindingInput(category="other", severity="minor", title="Missing care label 缺洗标"),
    )
    photo_ids = scenario._photos(insp, tmp_path, 2, finding_id=f.id)
    case = cases.open_case(qm, [f.id], summary="Labels")
    case_photo = scenario._photos(qm, tmp_path, 1, case_id=case.id, role=PhotoRole.RECTIFICATION)
    return case.case_number, photo_ids + case_photo


def test_merchant_notice_reads_all_cases_in_the_same_queries(ctx, users, world, tmp_path):
    qm = ctx.as_actor(users[Role.QUALITY_MANAGER])
    one = _selects(ctx, lambda: reporting.notice_data(qm, shop_id=world.merchant_shop))
    number, photo_ids = _second_open_case(ctx, users, world, tmp_path / "more")
    data = None

    def read() -> None:
        nonlocal data
        data = reporting.notice_data(qm, shop_id=world.merchant_shop)

    assert _selects(ctx, read) == one  # a second case costs no extra query
    by_number = {c.case_number: c for c in data.cases}
    assert set(by_number) == {world.open_case, number}
    first, second = by_number[world.open_case], by_number[number]
    assert [len(f.photos) for f in first.findings] == [3, 1]
    assert sum(p.annotated for f in first.findings for p in f.photos) == 1
    assert [f.title for f in second.findings] == ["Missing care label 缺洗标"]
    assert second.findings[0].product == "BrandY Socks 袜子 (listing L-2002)"
    assert [p.photo_id for p in second.findings[0].photos] == photo_ids[:2]
    assert [p.photo_id for p in second.rectification_photos] == photo_ids[2:]
    assert not first.rectification_photos
    index = [c.case_number for c in data.cases].index(number) + 1
    assert second.findings[0].number == f"{index}.1"
    assert "Missing care label 缺洗标" not in [f.title for f in first.findings]

    out = run_job(reporting.export_notice(qm, tmp_path / "m.pdf", shop_id=world.merchant_shop))
    text = pdf_text(out)
    assert number in text and "缺洗标" in text and "L-2002" in text
    # Logo and 8 photos; the scenario reuses colours, and identical photos share one image.
    assert assert_no_image_metadata(out) >= 6


def test_layout_never_reopens_prepared_photos(ctx, users, world, tmp_path, monkeypatch):
    qm = ctx.as_actor(users[Role.QUALITY_MANAGER])
    opened: list[str] = []
    real = pdf_base.prepare_image

    def spy(path, *args, **kwargs):
        opened.append(str(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(pdf_base, "prepare_image", spy)
    out = run_job(reporting.export_notice(qm, tmp_path / "n.pdf", case_number=world.closed_case))
    assert opened == [str(reporting.notice_data(qm, case_number=world.closed_case).logo_path)]
    text = pdf_text(out)
    assert "Merchant's evidence" in text and "Re-check" in text
    assert assert_no_image_metadata(out) >= 4
