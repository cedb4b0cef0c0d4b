"""Importing records from the template: all or nothing, bad rows listed, twice is once."""

from __future__ import annotations

from datetime import timedelta

import pytest
from openpyxl import load_workbook

from inspector_app.domain import clock
from inspector_app.domain.enums import Role, Verdict
from inspector_app.domain.errors import NotFound
from inspector_app.reports.records_xlsx import COLUMNS, SHEET_ORDER
from inspector_app.services import purchases, records_import


def _fill(template, out, data: dict[str, list[list]]):
    wb = load_workbook(template)
    for sheet, rows in data.items():
        ws = wb[sheet]
        for r, values in enumerate(rows, 2):
            for c, v in enumerate(values, 1):
                ws.cell(r, c).value = v
    wb.save(out)
    return out


def test_template_and_round_trip(ctx, users, tmp_path):
    insp = ctx.as_actor(users[Role.INSPECTOR])
    template = records_import.write_template(insp, tmp_path / "template.xlsx")
    wb = load_workbook(template)
    assert wb.sheetnames == ["README", *SHEET_ORDER]
    for sheet in SHEET_ORDER:
        assert [c.value for c in wb[sheet][1]] == [c.header for c in COLUMNS[sheet]]
    lists = {str(dv.sqref).split(":")[0] for dv in wb["Findings"].data_validations.dataValidation}
    assert lists == {"B2", "C2"}  # category and severity drop-downs

    # A past local time (workbooks hold naive local times); a future order date is refused.
    when = (clock.local_now() - timedelta(days=5)).replace(tzinfo=None, microsecond=0)
    filled = _fill(
        template,
        tmp_path / "records.xlsx",
        {
            "Merchants": [
                ["S-1", "店铺一 Shop One", "apparel", "", "yes"],
                ["S-2", None, "", "", ""],  # row 3: no name
                ["S-3", "Third", "", "", "maybe"],
            ],  # row 4: bad flag
            "Products": [
                ["L-1", "T恤 Tee", "BrandA", "apparel", 99.5],
                [None, "Mug", "", "", "abc"],
            ],  # row 3: bad price
            "Purchases": [
                [
                    "100001",
                    "S-1",
                    "L-1",
                    None,
                    when,
                    99.5,
                    when,
                    "fail",
                    "Ivy Inspector",
                    "alias",
                    "addr",
                    "@note +1",
                ],
                ["100002", "S-9", None, None, when, None, None, None, None, None, None, None],
                ["100003", "S-1", None, "Cup", "someday", None, None, None, None, None, None, None],
                [100004, "S-1", None, "Cup", when, None, when, "fail", None, None, None, None],
                ["100005", "S-1", None, None, when, None, when, "pass", None, None, None, None],
            ],
            "Findings": [
                ["100001", "product_quality", "major", "Loose thread 线头", "d", "e", "o", "GB"],
                ["100001", "SAFETY_HAZARD", "Critical", "Sharp edge", None, None, None, None],
                ["999999", "other", "minor", "Orphan", None, None, None, None],
                ["100001", "nonsense", "minor", "Bad category", None, None, None, None],
            ],
        },
    )
    report = records_import.import_records(insp, filled)
    assert sum(report.created.values()) == 0  # all or nothing: rows were refused
    where = {(e.sheet, e.row) for e in report.errors}
    assert where == {
        ("Merchants", 3),
        ("Merchants", 4),
        ("Products", 3),
        ("Purchases", 3),
        ("Purchases", 4),
        ("Purchases", 5),
        ("Findings", 4),
        ("Findings", 5),
    }
    reasons = {(e.sheet, e.row): e.reason for e in report.errors}
    assert "Name" in reasons[("Merchants", 3)] and "S-9" in reasons[("Purchases", 3)]
    assert "not a date" in reasons[("Purchases", 4)]
    assert "finding" in reasons[("Purchases", 5)]  # fail without findings: verdict refused
    assert "999999" in reasons[("Findings", 4)] and "Category" in reasons[("Findings", 5)]
    assert "nothing was imported" in report.summary()
    for order in ("100001", "100004", "100005"):  # nothing of any row was kept
        with pytest.raises(NotFound):
            purchases.find_by_order_number(insp, order)

    # The refused rows taken out, the same file imports whole.
    good = _fill(
        template,
        tmp_path / "good.xlsx",
        {
            "Merchants": [["S-1", "店铺一 Shop One", "apparel", "", "yes"]],
            "Products": [["L-1", "T恤 Tee", "BrandA", "apparel", 99.5]],
            "Purchases": [
                [
                    "100001", "S-1", "L-1", None, when, 99.5, when, "fail", "Ivy Inspector",
                    "alias", "addr", "@note +1",
                ],
                ["100005", "S-1", None, None, when, None, when, "pass", None, None, None, None],
            ],
            "Findings": [
                ["100001", "product_quality", "major", "Loose thread 线头", "d", "e", "o", "GB"],
                ["100001", "SAFETY_HAZARD", "Critical", "Sharp edge", None, None, None, None],
            ],
        },
    )
    report = records_import.import_records(insp, good)
    assert report.errors == []
    assert dict(report.created) == {"Merchants": 1, "Products": 1, "Purchases": 2, "Findings": 2}
    p = purchases.find_by_order_number(insp, "100001")
    assert p.verdict == Verdict.FAIL and p.finding_count == 2 and p.notes == "@note +1"
    assert p.inspector == "Ivy Inspector" and p.ordered_at.astimezone().replace(tzinfo=None) == when
    assert purchases.find_by_order_number(insp, "100005").verdict == Verdict.PASS

    again = records_import.import_records(insp, good)
    assert sum(again.created.values()) == 0
    assert again.unchanged["Purchases"] == 2 and again.unchanged["Findings"] == 2


def test_imported_purchases_take_the_status_their_dates_give(ctx, users, tmp_path):
    """The rule of the purchase form (domain/purchase_status.py): order date -> ordered,
    received date -> received, verdict -> inspected; never a status set by hand."""
    insp = ctx.as_actor(users[Role.INSPECTOR])
    template = records_import.write_template(insp, tmp_path / "template.xlsx")
    when = (clock.local_now() - timedelta(days=5)).replace(tzinfo=None, microsecond=0)
    later = when + timedelta(days=2)
    filled = _fill(template, tmp_path / "records.xlsx", {
        "Merchants": [["S-1", "Shop One", "", "", ""]],
        "Purchases": [
            ["200001", "S-1", None, None, when, None, None, None, None, None, None, None],
            ["200002", "S-1", None, None, when, None, later, None, None, None, None, None],
            ["200003", "S-1", None, None, when, None, later, "pass", None, None, None, None],
        ],
    })
    report = records_import.import_records(insp, filled)
    assert not report.errors
    got = {n: purchases.find_by_order_number(insp, n) for n in ("200001", "200002", "200003")}
    assert {n: (p.status.value, p.status_set_by_hand) for n, p in got.items()} == {
        "200001": ("ordered", False), "200002": ("received", False),
        "200003": ("inspected", False),
    }
