"""Findings workbooks and merchant response workbooks, read back with openpyxl."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from inspector_app.domain import clock
from inspector_app.domain.enums import CaseStatus, Role
from inspector_app.domain.errors import InspectorError
from inspector_app.reports import merchant_xlsx as mx
from inspector_app.reports.progress import run_job
from inspector_app.services import cases, responses, workbooks
from inspector_app.services.workbooks import ExportFilter
from tests.reports import scenario


@pytest.fixture
def world(ctx, users, tmp_path):
    return scenario.build(ctx, users, tmp_path / "src")


def _sheet_rows(ws):
    rows = list(ws.iter_rows(values_only=True))
    header = rows[0]
    return [dict(zip(header, r, strict=False)) for r in rows[1:]]


def test_findings_workbook_types_and_sheets(ctx, users, world, tmp_path):
    mm = ctx.as_actor(users[Role.MERCHANT_MANAGER])
    steps = []
    out = run_job(workbooks.export_findings(mm, tmp_path / "f.xlsx"), steps.append)
    assert steps[-1].done == steps[-1].total
    wb = load_workbook(out)
    assert wb.sheetnames == ["Summary 内部", "Findings 内部", "Cases 内部", "Merchants 内部"]
    findings = wb["Findings 内部"]
    assert findings.freeze_panes == "A2" and findings.auto_filter.ref == "A1:S5"
    rows = _sheet_rows(findings)
    assert len(rows) == 4
    first = rows[0]
    assert isinstance(first["Recorded"], datetime)
    assert isinstance(first["Ordered"], datetime)  # a date cell (openpyxl reads datetimes)
    assert findings["F2"].number_format == "yyyy-mm-dd"
    assert first["Finding id"] == world.finding_ids[0] and findings["A2"].data_type == "n"
    assert first["Price paid"] == 129.9 and findings["S2"].data_type == "n"
    assert first["Title"] == world.hostile_title
    assert first["Case number"] == world.open_case and first["Case status"] == "open"
    # Formula-like user text stays text.
    case_rows = _sheet_rows(wb["Cases 内部"])
    closed = next(r for r in case_rows if r["Case number"] == world.closed_case)
    assert closed["Response"] == "=We replaced the supplier"
    cell = next(c for c in wb["Cases 内部"]["N"] if c.value == "=We replaced the supplier")
    assert cell.data_type == "s"
    assert isinstance(closed["Hours to response"], float)
    merchants = _sheet_rows(wb["Merchants 内部"])
    assert merchants[0]["Shop id"] == world.merchant_shop and merchants[0]["Findings"] == 3
    summary = [r for r in wb["Summary 内部"].iter_rows(values_only=True) if r and r[0]]
    assert ("Findings", 4) in [tuple(r[:2]) for r in summary]
    for ws in wb.worksheets:  # nothing private in any sheet
        for row in ws.iter_rows(values_only=True):
            for v in row:
                assert scenario.ALIAS not in str(v) and "Hidden Lane" not in str(v)


def test_hours_to_response_count_to_the_response_date(ctx, users, world, tmp_path, clock):
    """Typed in five days after the notice, dated the notice's day: under a day, not 120 h."""
    qm = ctx.as_actor(users[Role.QUALITY_MANAGER])
    notified = cases.advance(qm, world.other_case, CaseStatus.NOTIFIED).notified_at
    notice_day = clock.today()
    clock.advance(days=5)
    cases.record_response(qm, world.other_case, cases.ResponseInput(
        response_text="fixed", response_date=notice_day))
    out = run_job(workbooks.export_findings(qm, tmp_path / "f.xlsx"))
    row = next(r for r in _sheet_rows(load_workbook(out)["Cases 内部"])
               if r["Case number"] == world.other_case)
    end_of_day = datetime.combine(notice_day + timedelta(days=1), datetime.min.time()).astimezone()
    assert row["Hours to response"] == pytest.approx(
        (end_of_day - notified).total_seconds() / 3600, abs=1e-3)
    assert row["Hours to response"] < 24


def test_findings_workbook_filters(ctx, users, world, tmp_path):
    mm = ctx.as_actor(users[Role.MERCHANT_MANAGER])
    out = run_job(
        workbooks.export_findings(mm, tmp_path / "g.xlsx", ExportFilter(shop_id=world.other_shop))
    )
    wb = load_workbook(out)
    assert [r["Shop id"] for r in _sheet_rows(wb["Findings 内部"])] == [world.other_shop]
    assert [r["Case number"] for r in _sheet_rows(wb["Cases 内部"])] == [world.other_case]
    out = run_job(
        workbooks.export_findings(mm, tmp_path / "h.xlsx", ExportFilter(status=CaseStatus.CLOSED))
    )
    assert [r["Case number"] for r in _sheet_rows(load_workbook(out)["Findings 内部"])] == [
        world.closed_case
    ]
    out = run_job(
        workbooks.export_findings(
            mm, tmp_path / "i.xlsx", ExportFilter(since=date(2000, 1, 1), until=date(2000, 12, 31))
        )
    )
    wb = load_workbook(out)
    assert _sheet_rows(wb["Findings 内部"]) == [] and wb["Findings 内部"]["A1"].value == "Finding id"


def _sql_figures(db_url, since: date, today: date):
    """What the workbook's figures must say, counted by plain SQL (sqlite3 or psycopg) from
    the database."""
    from tests.backends import PlainSQL

    def utc(d: date) -> str:
        local = datetime.combine(d, datetime.min.time()).astimezone()
        return local.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")

    con = PlainSQL(db_url)
    live = (
        "FROM findings f JOIN purchases p ON p.id = f.purchase_id JOIN merchants m "
        "ON m.id = p.merchant_id WHERE f.deleted_at IS NULL AND p.deleted_at IS NULL "
        "AND f.created_at >= ?"
    )
    a, day = utc(since), today.isoformat()
    ids = [r[0] for r in con.rows(f"SELECT f.id {live} ORDER BY f.id", (a,))]
    by_cat = [tuple(r) for r in con.rows(
        f"SELECT f.category, count(*) n {live} GROUP BY 1 ORDER BY n DESC, 1", (a,)
    )]
    by_status = [tuple(r) for r in con.rows(
        "SELECT status, count(*) FROM rectification_cases WHERE created_at >= ? GROUP BY 1",
        (a,),
    )]
    per_merchant = {}
    for shop, n, crit in con.rows(
        f"SELECT m.shop_id, count(*), sum(CASE WHEN f.severity = 'critical' THEN 1 ELSE 0 END)"
        f" {live} GROUP BY 1", (a,)
    ):
        per_merchant[shop] = [n, crit, 0, 0, 0]
    active = "('open','notified','responded','rectifying','awaiting_verification','escalated')"
    for shop, o, d, c in con.rows(
        f"SELECT m.shop_id, sum(CASE WHEN rc.status IN {active} THEN 1 ELSE 0 END), "
        f"sum(CASE WHEN rc.status IN {active} AND rc.due_date < ? THEN 1 ELSE 0 END), "
        "sum(CASE WHEN rc.status = 'closed' THEN 1 ELSE 0 END) "
        "FROM rectification_cases rc JOIN merchants m ON m.id = rc.merchant_id "
        "WHERE rc.created_at >= ? GROUP BY 1",
        (day, a),
    ):
        per_merchant.setdefault(shop, [0, 0, 0, 0, 0])[2:] = [o, d, c]
    con.close()
    return ids, by_cat, sorted(by_status), per_merchant


def test_findings_workbook_figures_agree_with_sql(ctx, users, tmp_path, monkeypatch):
    """Summary and Merchants figures are tallied from the streamed rows: they must equal
    the aggregates counted independently, deleted findings and purchases left out."""
    from inspector_app.services import findings as finding_service
    from inspector_app.services import purchases as purchase_service
    from inspector_app.services.context import SYSTEM
    from inspector_app.services.demo import load_demo
    from tests.backends import PlainSQL

    load_demo(ctx.as_actor(SYSTEM), seed=5, purchases=800, photos=0)
    qm = ctx.as_actor(users[Role.QUALITY_MANAGER])
    db_file = ctx.db.url
    con = PlainSQL(db_file)
    # A purchase with findings but no case, and a finding: both soft-deleted.
    free = "f.id NOT IN (SELECT finding_id FROM case_findings)"
    gone_purchase = con.one(
        f"SELECT f.purchase_id FROM findings f WHERE {free} ORDER BY f.id DESC LIMIT 1"
    )[0]
    gone_finding = con.one(
        f"SELECT max(f.id) FROM findings f WHERE {free} AND f.purchase_id != ? AND "
        "(SELECT count(*) FROM findings o WHERE o.purchase_id = f.purchase_id) > 1",
        (gone_purchase,),
    )[0]
    of_gone_purchase = [
        r[0] for r in con.rows("SELECT id FROM findings WHERE purchase_id = ?", (gone_purchase,))
    ]
    con.close()
    purchase_service.delete_purchase(qm, gone_purchase)
    finding_service.delete_finding(qm, gone_finding)
    monkeypatch.setattr(workbooks, "CHUNK", 17)  # many keyset chunks
    today = clock.today()
    since = today.replace(day=1) - timedelta(days=150)
    out = run_job(
        workbooks.export_findings(qm, tmp_path / "f.xlsx", ExportFilter(since=since), today=today)
    )

    ids, by_cat, by_status, per_merchant = _sql_figures(db_file, since, today)
    assert len(ids) > 100 and gone_finding not in ids
    assert max(of_gone_purchase) > ids[0] and not set(of_gone_purchase) & set(ids)
    # The data exercises every figure (otherwise the comparison below proves little).
    assert len(by_cat) > 3 and len(by_status) > 3
    assert all(any(m[i] for m in per_merchant.values()) for i in range(5))
    wb = load_workbook(out)
    assert wb.sheetnames == ["Summary 内部", "Findings 内部", "Cases 内部", "Merchants 内部"]
    assert [r["Finding id"] for r in _sheet_rows(wb["Findings 内部"])] == ids
    summary = [r[:2] for r in wb["Summary 内部"].iter_rows(values_only=True)]
    assert ("Findings", len(ids)) in summary
    assert ("Cases", sum(n for _, n in by_status)) in summary
    start = summary.index(("Findings by category", None)) + 1
    assert summary[start : start + len(by_cat)] == by_cat
    start = summary.index(("Cases by status", None)) + 1
    assert summary[start : start + len(by_status)] == by_status
    merchants = _sheet_rows(wb["Merchants 内部"])
    figures = ["Findings", "Critical", "Open cases", "Overdue cases", "Closed cases"]
    assert {r["Shop id"]: [r[k] for k in figures] for r in merchants} == per_merchant
    assert [r["Findings"] for r in merchants] == sorted(
        (r["Findings"] for r in merchants), reverse=True
    )


def _fill(path, edits: dict[int, dict[str, object]], out):
    """Play the merchant: type into cells of the returned workbook (protection as Excel would)."""
    wb = load_workbook(path)
    ws = wb[mx.RESPONSES]
    col = {c.value: c.column for c in ws[1]}
    for row, values in edits.items():
        for header, value in values.items():
            ws.cell(row, col[header]).value = value
    wb.save(out)
    return out


def test_merchant_workbook_round_trip(ctx, users, world, tmp_path):
    qm = ctx.as_actor(users[Role.QUALITY_MANAGER])
    mm = ctx.as_actor(users[Role.MERCHANT_MANAGER])
    # A second open case for the merchant, notified, so two rows can be answered.
    cases.advance(qm, world.open_case, CaseStatus.NOTIFIED)
    path = responses.export_merchant_workbook(mm, world.merchant_shop, tmp_path / "m.xlsx")
    wb = load_workbook(path)
    ws = wb[mx.RESPONSES]
    assert ws.protection.sheet and wb[mx.META].sheet_state == "hidden"
    assert ws.column_dimensions["A"].hidden and ws.column_dimensions["B"].hidden
    header = [c.value for c in ws[1]]
    assert header == mx.HEADERS
    numbers = [ws.cell(r, 3).value for r in range(2, ws.max_row + 1)]
    assert numbers == [world.open_case]  # only this merchant's active cases
    assert not ws.cell(2, header.index(mx.RESPONSE) + 1).protection.locked
    assert ws.cell(2, header.index(mx.CASE_NUMBER) + 1).protection.locked
    kinds = {dv.type for dv in ws.data_validations.dataValidation}
    assert kinds == {"textLength", "date"}
    text = " ".join(str(c.value) for w in wb.worksheets for row in w.iter_rows() for c in row)
    for secret in (
        scenario.ALIAS,
        "Hidden Lane",
        scenario.OTHER_MERCHANT,
        "ORD-0000",
        world.inspector_name,
    ):
        assert secret not in text

    good = _fill(
        path,
        {
            2: {
                mx.RESPONSE: "- Fixed the seams",
                mx.ACTION: "New thread",
                mx.RESPONSE_DATE: datetime(2026, 10, 20),
            }
        },
        tmp_path / "good.xlsx",
    )
    report = responses.import_responses(mm, good)
    assert (report.applied, report.errors) == (1, [])
    case = cases.get_case(mm, world.open_case)
    assert case.status == CaseStatus.RESPONDED and case.response_text == "- Fixed the seams"
    assert case.response_date == date(2026, 10, 20)
    again = responses.import_responses(mm, good)
    assert (again.applied, again.unchanged, again.errors) == (0, 1, [])


def test_merchant_workbook_bad_rows_reported_good_rows_applied(ctx, users, world, tmp_path):
    qm = ctx.as_actor(users[Role.QUALITY_MANAGER])
    mm = ctx.as_actor(users[Role.MERCHANT_MANAGER])
    cases.advance(qm, world.open_case, CaseStatus.NOTIFIED)
    path = responses.export_merchant_workbook(mm, world.merchant_shop, tmp_path / "m.xlsx")
    other_id = cases.get_case(qm, world.other_case).id
    wb = load_workbook(path)
    ws = wb[mx.RESPONSES]
    # Rows 3-6 copied from row 2 and then spoiled, as a careless merchant would.
    for r in range(3, 7):
        for c in range(1, len(mx.HEADERS) + 1):
            ws.cell(r, c).value = ws.cell(2, c).value
    col = {h: i + 1 for i, h in enumerate(mx.HEADERS)}
    ws.cell(2, col[mx.RESPONSE]).value = "Good answer 已整改"
    ws.cell(3, col[mx.RESPONSE]).value = "bad date"
    ws.cell(3, col[mx.RESPONSE_DATE]).value = "next week"
    ws.cell(4, col[mx.RESPONSE]).value = "edited protected"
    ws.cell(4, col[mx.DUE]).value = datetime(2030, 1, 1)
    ws.cell(5, col[mx.RESPONSE]).value = "unknown"
    ws.cell(5, col[mx.CASE_ID]).value = 99999
    ws.cell(6, col[mx.RESPONSE]).value = "other merchant's case"
    ws.cell(6, col[mx.CASE_ID]).value = other_id
    ws.cell(7, col[mx.CASE_ID]).value = ws.cell(2, col[mx.CASE_ID]).value  # blank response
    wb.save(tmp_path / "mixed.xlsx")
    report = responses.import_responses(mm, tmp_path / "mixed.xlsx")
    assert report.applied == 1
    reasons = {e.row: e.reason for e in report.errors}
    assert set(reasons) == {3, 4, 5, 6}, reasons
    assert "not a date" in reasons[3]
    assert "protected column" in reasons[4]
    assert "unknown case" in reasons[5]
    assert "another merchant" in reasons[6] and world.other_shop in reasons[6]
    assert cases.get_case(mm, world.open_case).response_text == "Good answer 已整改"
    assert cases.get_case(mm, world.other_case).response_text == ""


def test_foreign_or_broken_workbook_refused(ctx, users, world, tmp_path):
    mm = ctx.as_actor(users[Role.MERCHANT_MANAGER])
    cases.advance(ctx.as_actor(users[Role.QUALITY_MANAGER]), world.open_case, CaseStatus.NOTIFIED)
    path = responses.export_merchant_workbook(mm, world.merchant_shop, tmp_path / "m.xlsx")
    wb = load_workbook(path)
    wb[mx.META]["B2"].value = world.other_shop  # pretend it was another merchant's
    wb.save(tmp_path / "forged.xlsx")
    with pytest.raises(InspectorError, match="hidden sheet was edited"):
        responses.import_responses(mm, tmp_path / "forged.xlsx")
    (tmp_path / "text.xlsx").write_text("hello")
    with pytest.raises(InspectorError, match="not an Excel workbook"):
        responses.import_responses(mm, tmp_path / "text.xlsx")
    assert Decimal("1") == 1
