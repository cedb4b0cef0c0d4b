"""The experiments of the issue as tests: imports stopped half-way keep nothing, limits hold.

Each failing import is checked against a dump of the database taken before it.
"""

from __future__ import annotations

import os
from datetime import datetime, timedelta

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from inspector_app.db.models import AppSetting, Product, WorkOrder
from inspector_app.domain import clock
from inspector_app.domain.enums import CaseStatus, Role
from inspector_app.domain.errors import InspectorError
from inspector_app.reports import merchant_xlsx as mx
from inspector_app.services import cases, complaints, records_import, responses
from tests.reports import scenario
from tests.reports.faults import dump_digest


@pytest.fixture
def world(ctx, users, tmp_path):
    return scenario.build(ctx, users, tmp_path / "src")


def _count(ctx, model) -> int:
    with ctx.db.read() as s:
        return s.scalar(select(func.count()).select_from(model))


# -- complaints -------------------------------------------------------------------------------


def test_complaints_huge_cell_after_6000_good_rows_keeps_nothing(ctx, users, world, tmp_path):
    qm = ctx.as_actor(users[Role.QUALITY_MANAGER])
    path = tmp_path / "wo.csv"
    with path.open("w", encoding="utf-8") as fh:
        fh.write("shop_id,order_id,kind,type,applied_at\n")
        for i in range(6000):
            fh.write(f"{world.merchant_shop},O-{i},complaint,x,2026-10-01 10:00\n")
        fh.write(f'{world.merchant_shop},O-big,complaint,"{"x" * 10_000_000}",2026-10-01 10:00\n')
    before = dump_digest(ctx.db.sqlite_path or ctx.db.url)
    with pytest.raises(InspectorError) as caught:
        complaints.import_work_orders(qm, path)
    message = str(caught.value)
    assert "row 6002" in message and "32,767" in message and "nothing was imported" in message
    assert dump_digest(ctx.db.sqlite_path or ctx.db.url) == before
    assert _count(ctx, WorkOrder) == 0


def test_complaints_rows_with_nul_bad_dates_are_refused_and_nothing_stored(ctx, users, world, tmp_path):
    qm = ctx.as_actor(users[Role.QUALITY_MANAGER])
    s = world.merchant_shop
    path = tmp_path / "wo.csv"
    path.write_text(
        "shop_id,order_id,kind,applied_at,closed_at\n"
        f"{s},O-1,complaint,2026-10-01 10:00,\n"
        f"{s},O-\x00,complaint,2026-10-01 10:00,\n"
        f"{s},O-3,complaint,9999-12-31 10:00,\n"
        f"{s},O-4,complaint,1999-12-31 10:00,\n"
        f"{s},O-5,complaint,2026-10-01 10:00,2101-01-02 00:00\n"
        f"{s},O-6\x07,complaint,2026-10-01 10:00,\n",
        "utf-8",
    )
    result = complaints.import_work_orders(qm, path)
    reasons = {e.row: e.reason for e in result.errors}
    assert result.added == 0 and result.refused and set(reasons) == {3, 4, 5, 6, 7}, reasons
    assert "U+0000" in reasons[3] and "U+0007" in reasons[7]
    assert all("2000-2100" in reasons[r] for r in (4, 5, 6)), reasons
    with ctx.db.read() as sess:
        assert sess.scalars(select(WorkOrder.order_ref)).all() == []


def test_complaints_refuse_pipes_devices_and_folders(ctx, users, world, tmp_path):
    qm = ctx.as_actor(users[Role.QUALITY_MANAGER])
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    for path in (fifo, "/dev/zero", tmp_path):
        with pytest.raises(InspectorError, match="not a regular file|is a folder"):
            complaints.import_work_orders(qm, path)


# -- records ----------------------------------------------------------------------------------


def _records(tmp_path, rows: dict[str, list[list]]):
    template = records_import.write_template(None, tmp_path / "template.xlsx")
    wb = load_workbook(template)
    for sheet, values in rows.items():
        for r, row in enumerate(values, 2):
            for c, v in enumerate(row, 1):
                wb[sheet].cell(r, c).value = v
    wb.save(tmp_path / "records.xlsx")
    return tmp_path / "records.xlsx"


def test_records_refused_row_keeps_nothing_of_the_file(ctx, users, world, tmp_path):
    insp = ctx.as_actor(users[Role.INSPECTOR])
    when = (clock.local_now() - timedelta(days=30)).replace(tzinfo=None, microsecond=0)
    path = _records(tmp_path, {
        "Merchants": [["N-1", "New shop", "", "", "no"]],
        "Purchases": [
            # A new product by name, then refused for its unknown inspector.
            ["P-1", "N-1", None, "Brand-new product", when, None, None, None, "Nobody", None,
             None, None],
            # A LibreOffice round trip turned =A1 into the header's text: a product name.
            ["P-2", "N-1", None, "Order number", "=A1", None, None, None, None, None, None, None],
            ["P-3", "N-1", None, None, datetime(9999, 12, 31), None, None, None, None, None,
             None, None],
            # openpyxl cannot even write a control character; an oversized cell it can.
            ["P-4", "N-1", None, None, when, None, None, None, None, None, None, "a" * 40_000],
        ],
    })
    products = _count(ctx, Product)
    before = dump_digest(ctx.db.sqlite_path or ctx.db.url)
    report = records_import.import_records(insp, path)
    reasons = {(e.sheet, e.row): e.reason for e in report.errors}
    assert set(reasons) == {("Purchases", r) for r in (2, 3, 4, 5)}, reasons
    assert "Nobody" in reasons[("Purchases", 2)]
    assert "2000-2100" in reasons[("Purchases", 4)] and "longer than" in reasons[("Purchases", 5)]
    assert dump_digest(ctx.db.sqlite_path or ctx.db.url) == before  # not even the good merchant row
    assert _count(ctx, Product) == products


# -- responses --------------------------------------------------------------------------------


def test_refused_responses_import_writes_nothing_not_even_the_key(ctx, users, world, tmp_path):
    mm = ctx.as_actor(users[Role.MERCHANT_MANAGER])
    cases.advance(ctx.as_actor(users[Role.QUALITY_MANAGER]), world.open_case, CaseStatus.NOTIFIED)
    path = responses.export_merchant_workbook(mm, world.merchant_shop, tmp_path / "m.xlsx")
    with ctx.db.write() as s:  # a database that never exported: no key yet
        s.query(AppSetting).filter(AppSetting.key == responses.WORKBOOK_KEY).delete()
    before = dump_digest(ctx.db.sqlite_path or ctx.db.url)
    with pytest.raises(InspectorError, match="not exported by this team"):
        responses.import_responses(mm, path)
    assert dump_digest(ctx.db.sqlite_path or ctx.db.url) == before


def test_responses_hidden_id_formula_and_chunked_lookups(ctx, users, world, tmp_path, monkeypatch):
    monkeypatch.setattr(responses, "LOOKUP_CHUNK", 2)  # many IN lists of 2, as 500 at scale
    qm = ctx.as_actor(users[Role.QUALITY_MANAGER])
    mm = ctx.as_actor(users[Role.MERCHANT_MANAGER])
    cases.advance(qm, world.open_case, CaseStatus.NOTIFIED)
    path = responses.export_merchant_workbook(mm, world.merchant_shop, tmp_path / "m.xlsx")
    wb = load_workbook(path)
    ws = wb[mx.RESPONSES]
    col = {h: i + 1 for i, h in enumerate(mx.HEADERS)}
    for r in range(3, 6):
        for c in range(1, len(mx.HEADERS) + 1):
            ws.cell(r, c).value = ws.cell(2, c).value
    ws.cell(2, col[mx.RESPONSE]).value = "Fixed 已整改"
    ws.cell(3, col[mx.RESPONSE]).value = "huge id"
    ws.cell(3, col[mx.CASE_ID]).value = 10**30
    ws.cell(4, col[mx.RESPONSE]).value = "=B2"  # a formula saved without its value
    ws.cell(5, col[mx.RESPONSE]).value = "negative id"
    ws.cell(5, col[mx.CASE_ID]).value = -5
    wb.save(tmp_path / "filled.xlsx")
    report = responses.import_responses(mm, tmp_path / "filled.xlsx")
    reasons = {e.row: e.reason for e in report.errors}
    assert report.applied == 1 and set(reasons) == {3, 4, 5}, reasons
    assert "hidden case id" in reasons[3] and "out of range" in reasons[3]
    assert "formula" in reasons[4] and "hidden case id" in reasons[5]
    assert cases.get_case(mm, world.open_case).response_text == "Fixed 已整改"
