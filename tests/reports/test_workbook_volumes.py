"""The findings workbook's Merchants sheet: orders of the last 12 months and the after-sales rate
per order from the imported volumes (plain SQL computes the same); blank without volumes."""

from __future__ import annotations

from openpyxl import load_workbook
from sqlalchemy import text

from inspector_app.domain import clock
from inspector_app.domain.enums import Role
from inspector_app.reports.progress import run_job
from inspector_app.services import workbooks
from inspector_app.services.complaints import import_work_orders
from inspector_app.services.order_volumes import import_volumes
from tests.reports import scenario


def test_merchants_sheet_has_orders_and_after_sales_rate(ctx, users, tmp_path):
    world = scenario.build(ctx, users, tmp_path / "src")
    qm = ctx.as_actor(users[Role.QUALITY_MANAGER])
    shop = world.merchant_shop
    month = clock.today().strftime("%Y-%m")
    day = clock.today().replace(day=1).isoformat()
    wo = tmp_path / "wo.csv"
    wo.write_text("shop_id,order_id,kind,applied_at\n" + "".join(
        f"{shop},A{i},售后,{day} 1{i}:00\n" for i in range(6)) + f"{shop},C1,投诉,{day} 09:00\n"
        f"{world.other_shop},B1,售后,{day} 10:00\n", encoding="utf-8")
    assert import_work_orders(qm, wo).added == 8
    vol = tmp_path / "v.csv"
    vol.write_text(f"shop_id,month,orders\n{shop},{month},300\n{shop},2020-01,999\n",
                   encoding="utf-8")
    assert not import_volumes(qm, vol).errors
    out = run_job(workbooks.export_findings(qm, tmp_path / "f.xlsx"))
    ws = load_workbook(out, read_only=True)["Merchants 内部"]
    rows = list(ws.iter_rows(values_only=True))
    header = rows[0]
    got = {r[0]: dict(zip(header, r, strict=False)) for r in rows[1:]}
    with ctx.db.read() as s:
        n = s.execute(text(
            "SELECT count(*) FROM work_orders w JOIN merchants m ON m.id = w.merchant_id"
            " WHERE m.shop_id = :shop AND w.kind = 'after_sales'"), {"shop": shop}).scalar()
    mine = got[shop]
    assert mine["Orders, last 12 months 近12个月订单量"] == 300
    assert abs(mine["After-sales rate 售后率"] - n / 300) < 1e-9 and n == 6
    if world.other_shop in got:
        other = got[world.other_shop]
        assert other.get("Orders, last 12 months 近12个月订单量") is None
        assert other.get("After-sales rate 售后率") is None
