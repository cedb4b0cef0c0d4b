"""Importing work orders: encodings, Chinese headers, Excel dates, bad rows, idempotence."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select

from inspector_app.db.models import WorkOrder
from inspector_app.domain.enums import Role, WorkOrderKind
from inspector_app.domain.errors import PermissionDenied
from inspector_app.services import complaints
from inspector_app.services.complaints import import_work_orders, parse_time

CST = timezone(timedelta(hours=8))
HEADER_EN = "shop_id,order_id,kind,type,applied_at,first_handled_at,closed_at,outcome"
HEADER_ZH = "店铺ID,订单号,类别,类型,申请时间,首次处理时间,完结时间,结果"
GOOD = [
    "S1,O-1,complaint,质量问题,2026-10-03 14:05,2026-10-03 20:05,2026-10-05 09:00,退款",
    "S1,O-2,after_sales,尺码不符,2026/10/03 14:05:00,2026/10/04 14:05:00,,换货",
    "S2,O-3,投诉,物流破损,2026-10-04 08:00,,,",
    "S3,O-4,售后,少件,2026-10-05T09:30,2026-10-05T10:00,2026-10-06T10:00,补发",
]


def _count(ctx) -> int:
    with ctx.db.read() as s:
        return s.scalar(select(func.count()).select_from(WorkOrder))


def _write(tmp_path, name, lines, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes("\n".join(lines).encode(encoding))
    return path


def test_utf8_csv_is_imported_and_times_stored_in_utc(manager, shops, tmp_path):
    path = _write(tmp_path, "wo.csv", [HEADER_EN, *GOOD])
    res = import_work_orders(manager, path, tz=CST)
    assert (res.source_format, res.rows, res.added, res.duplicates, res.errors) == (
        "utf-8",
        4,
        4,
        0,
        [],
    )
    with manager.db.read() as s:
        first = s.scalar(select(WorkOrder).where(WorkOrder.order_ref == "O-1"))
        assert first.kind == WorkOrderKind.COMPLAINT
        assert first.merchant_id == shops["S1"]
        assert first.applied_at == datetime(2026, 10, 3, 6, 5, tzinfo=UTC)
        assert first.first_handled_at == datetime(2026, 10, 3, 12, 5, tzinfo=UTC)
        assert (first.type, first.outcome) == ("质量问题", "退款")
        third = s.scalar(select(WorkOrder).where(WorkOrder.order_ref == "O-3"))
        assert third.first_handled_at is None and third.kind == WorkOrderKind.COMPLAINT


def test_reimporting_the_same_file_adds_nothing(manager, shops, tmp_path):
    path = _write(tmp_path, "wo.csv", [HEADER_EN, *GOOD, GOOD[0]])  # a repeated row too
    first = import_work_orders(manager, path, tz=CST)
    assert (first.added, first.duplicates) == (4, 1)
    again = import_work_orders(manager, path, tz=CST)
    assert (again.added, again.duplicates, again.errors) == (0, 5, [])
    assert _count(manager) == 4


def test_reimporting_under_another_time_zone_adds_nothing(manager, shops, tmp_path):
    path = _write(tmp_path, "wo.csv", [HEADER_EN, *GOOD])
    assert import_work_orders(manager, path, tz=CST).added == 4
    assert import_work_orders(manager, path, tz=UTC).duplicates == 4
    assert import_work_orders(manager, path).duplicates == 4


def test_gb18030_with_chinese_headers(manager, shops, tmp_path):
    path = _write(tmp_path, "投诉.csv", [HEADER_ZH, *GOOD], encoding="gb18030")
    res = import_work_orders(manager, path, tz=CST)
    assert (res.source_format, res.added, res.errors) == ("gb18030", 4, [])
    with manager.db.read() as s:
        assert s.scalar(select(WorkOrder.type).where(WorkOrder.order_ref == "O-2")) == "尺码不符"


def test_utf8_bom_and_reordered_columns(manager, shops, tmp_path):
    lines = ["结果,类别,店铺ID,申请时间,订单号", "退款,投诉,S4,2026-10-03 14:05,X-9"]
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbf" + "\n".join(lines).encode("utf-8"))
    res = import_work_orders(manager, path, tz=CST)
    assert (res.source_format, res.added, res.errors) == ("utf-8-sig", 1, [])


def test_each_bad_row_is_reported_with_its_row_number_and_nothing_is_stored(
    manager, shops, tmp_path
):
    bad = [
        "S9,O-10,complaint,,2026-10-03 14:05,,,",  # row 6
        "S1,O-11,complaint,,2026-13-03 14:05,,,",  # row 7
        "S1,O-12,complaint,,2026-10-03 14:05,2026-10-03 13:00,,",  # row 8
        "S1,O-13,refund,,2026-10-03 14:05,,,",  # row 9
        "S1,,complaint,,2026-10-03 14:05,,,",  # row 10
        "S1,O-15,complaint,,,,,",  # row 11
        ",O-16,complaint,,2026-10-03 14:05,,,",  # row 12
        "S1,O-17,complaint,,2026-10-03 14:05,yesterday,,",  # row 13
        "S1,O-18,售后,,2026-10-03 14:05,,2026-10-01 00:00,",  # row 14
    ]
    path = _write(tmp_path, "mixed.csv", [HEADER_EN, *GOOD, *bad])
    res = import_work_orders(manager, path, tz=CST)
    assert (res.added, res.refused, _count(manager)) == (0, True, 0)
    reasons = {e.row: e.reason for e in res.errors}
    assert reasons == {
        6: "unknown shop id 'S9'",
        7: "applied_at (申请时间): '2026-13-03 14:05' is not a real date and time",
        8: "first_handled_at (首次处理时间) is before applied_at",
        9: "kind 'refund' is neither complaint/投诉 nor after_sales/售后",
        10: "order_id (订单号) is empty",
        11: "applied_at (申请时间) is empty",
        12: "shop_id (店铺ID) is empty",
        13: "first_handled_at (首次处理时间): 'yesterday' is not a date and time "
        "(use 2026-10-03 14:05)",
        14: "closed_at (完结时间) is before applied_at",
    }
    assert res.error_count == 9 and res.rows == 13


def test_deleted_merchant_is_reported(manager, shops, tmp_path):
    from inspector_app.services import merchants

    merchants.delete_merchant(manager, shops["S5"])
    path = _write(tmp_path, "d.csv", [HEADER_EN, "S5,O-1,complaint,,2026-10-03 14:05,,,"])
    res = import_work_orders(manager, path, tz=CST)
    assert [(e.row, e.reason) for e in res.errors] == [(2, "merchant 'S5' is deleted")]


def test_missing_columns_reject_the_file_with_a_clear_reason(manager, shops, tmp_path):
    path = _write(tmp_path, "m.csv", ["shop_id,order_id,type", "S1,O-1,x"])
    res = import_work_orders(manager, path)
    assert res.added == 0
    assert [(e.row, e.reason) for e in res.errors] == [
        (1, "missing columns: kind (类别), applied_at (申请时间)")
    ]


def test_undecodable_and_empty_files(manager, shops, tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"\n\n")
    assert import_work_orders(manager, empty).errors[0].reason == "the file has no header row"


def test_big_files_are_written_in_chunks(manager, shops, tmp_path, monkeypatch):
    monkeypatch.setattr(complaints, "CHUNK_ROWS", 7)
    rows = [f"S{i % 5 + 1},O-{i},售后,,2026-10-01 10:00,2026-10-01 12:00,," for i in range(40)]
    seen = []
    res = import_work_orders(
        manager, _write(tmp_path, "big.csv", [HEADER_EN, *rows]), tz=CST, progress=seen.append
    )
    assert res.added == 40 and seen[-1] == 40 and len(seen) >= 6
    assert import_work_orders(manager, tmp_path / "big.csv", tz=CST).duplicates == 40


def test_inspectors_may_not_import(ctx, users, shops, tmp_path):
    inspector = ctx.as_actor(users[Role.INSPECTOR])
    with pytest.raises(PermissionDenied):
        import_work_orders(inspector, _write(tmp_path, "x.csv", [HEADER_EN, *GOOD]))


def test_excel_with_real_datetimes_serial_numbers_and_text(manager, shops, tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(HEADER_ZH.split(","))
    ws.append(["S1", "E-1", "投诉", "质量", datetime(2026, 10, 3, 14, 5), None, None, ""])
    # 46298.5868... is 2026-10-03 14:05:00 as an Excel serial; an order number as a number.
    ws.append(["S2", 123456789012, "售后", "", 46298 + (14 * 60 + 5) / 1440, 46299, None, ""])
    ws.append(["S3", "E-3", "售后", "", "2026/10/03 14:05", "2026-10-03 15:05", None, ""])
    ws.append(["S3", "E-4", "售后", "", "not a date", None, None, ""])
    ws.append([None] * 8)
    path = tmp_path / "wo.xlsx"
    wb.save(path)
    res = import_work_orders(manager, path, tz=CST)
    assert (res.source_format, res.added, res.refused) == ("xlsx", 0, True)
    assert [(e.row, e.reason.split(":")[0]) for e in res.errors] == [(5, "applied_at (申请时间)")]
    ws.delete_rows(5)
    wb.save(path)
    res = import_work_orders(manager, path, tz=CST)
    assert (res.added, res.errors) == (3, [])
    expected = datetime(2026, 10, 3, 6, 5, tzinfo=UTC)
    with manager.db.read() as s:
        rows = {
            ref: (applied, handled)
            for ref, applied, handled in s.execute(
                select(WorkOrder.order_ref, WorkOrder.applied_at, WorkOrder.first_handled_at)
            )
        }
    assert set(rows) == {"E-1", "123456789012", "E-3"}
    assert all(applied == expected for applied, _ in rows.values())
    assert rows["123456789012"][1] == datetime(2026, 10, 3, 16, 0, tzinfo=UTC)
    assert import_work_orders(manager, path, tz=CST).duplicates == 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-10-03 14:05", datetime(2026, 10, 3, 6, 5, tzinfo=UTC)),
        ("2026/10/03 14:05:00", datetime(2026, 10, 3, 6, 5, tzinfo=UTC)),
        ("2026/1/3 9:05", datetime(2026, 1, 3, 1, 5, tzinfo=UTC)),
        ("2026年10月3日 14:05", datetime(2026, 10, 3, 6, 5, tzinfo=UTC)),
        ("2026-10-03T14:05:00Z", datetime(2026, 10, 3, 14, 5, tzinfo=UTC)),
        ("2026-10-03 14:05+02:00", datetime(2026, 10, 3, 12, 5, tzinfo=UTC)),
        ("2026-10-03", datetime(2026, 10, 2, 16, 0, tzinfo=UTC)),
        ("46298.5", datetime(2026, 10, 3, 4, 0, tzinfo=UTC)),
        ("", None),
    ],
)
def test_parse_time_formats(text, expected):
    assert parse_time(text, CST) == expected


def test_naive_times_default_to_the_local_zone():
    local = datetime(2026, 10, 3, 14, 5).astimezone()
    assert parse_time("2026-10-03 14:05") == local.astimezone(UTC)
    with pytest.raises(ValueError):
        parse_time("0")
