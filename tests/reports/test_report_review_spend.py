"""The monthly and annual reports state what the team spent (checked against plain SQL) and
the month's review decisions, read back from the PDF."""

from __future__ import annotations

import pytest

from inspector_app.domain import clock
from inspector_app.domain.enums import Role
from inspector_app.domain.errors import InvalidForm, ValidationError
from inspector_app.reports.progress import run_job
from inspector_app.services import merchants, purchases, quality_reports, review_decisions, stats
from tests.backends import PlainSQL
from tests.reports import scenario
from tests.reports.conftest import pdf_text


@pytest.fixture
def world(ctx, users, tmp_path):
    return scenario.build(ctx, users, tmp_path / "src")


def _row(text: str, label: str) -> str:
    for line in text.splitlines():
        if label in line:
            return line.split(label, 1)[1].strip()
    raise AssertionError(f"{label!r} not in the report")


def _plain_spend(ctx, month: str) -> tuple[int, int, int]:
    local_month = ("strftime('%Y-%m', ordered_at, '+8 hours')" if ctx.db.is_sqlite
                   else "to_char(ordered_at + interval '8 hours', 'YYYY-MM')")
    with PlainSQL(ctx.db.url) as db:
        spend, refunds, lightning = db.one(
            "SELECT coalesce(sum(price_paid_cents), 0),"
            " coalesce(sum(CASE WHEN disposition = 'returned' THEN refund_cents ELSE 0 END), 0),"
            " coalesce(sum(CASE WHEN disposition = 'returned' AND lightning_refund"
            " THEN 1 ELSE 0 END), 0)"
            " FROM purchases WHERE deleted_at IS NULL AND status NOT IN ('planned', 'cancelled')"
            f" AND {local_month} = ?", (month,))
    return spend, refunds, lightning


def test_spend_and_decisions_in_the_monthly_and_annual_reports(ctx, users, world, tmp_path):
    insp = ctx.as_actor(users[Role.INSPECTOR])
    qm = ctx.as_actor(users[Role.QUALITY_MANAGER])
    ids = {n: purchases.find_by_order_number(insp, n).id for n in
           ("ORD-0000", "ORD-0001", "ORD-0002", "ORD-0003")}
    purchases.set_disposition(insp, ids["ORD-0000"], "returned", refund="129.90",
                              lightning_refund=True)
    purchases.set_disposition(insp, ids["ORD-0001"], "returned", refund="100.00")
    purchases.set_disposition(insp, ids["ORD-0002"], "sample", sample_location="样品柜 A-3")
    purchases.set_disposition(insp, ids["ORD-0003"], "disposed")
    month = clock.today().strftime("%Y-%m")
    shop = merchants.find_by_shop_id(qm, world.merchant_shop)
    review_decisions.record_decisions(qm, month, [shop.id], "watch", "三个问题未整改 unfixed")

    spend, refunds, lightning = _plain_spend(ctx, month)
    assert refunds == 22990 and lightning == 1
    fig = stats.figures(qm, stats.Period.parse(month))
    assert (fig.spend_cents, fig.refunds_cents, fig.net_cost_cents) == (
        spend, refunds, spend - refunds)
    assert (fig.goods_returned, fig.goods_kept, fig.goods_disposed) == (2, 1, 1)

    out = run_job(quality_reports.export_quality_report(qm, month, tmp_path / "m.pdf"))
    text = pdf_text(out, layout=True)
    assert _row(text, "Spend on purchases 采购支出").startswith(f"¥{spend / 100:,.2f}")
    assert _row(text, "Refunds received 收到退款").startswith("¥229.90")
    assert _row(text, "Net cost 净成本").startswith(f"¥{(spend - refunds) / 100:,.2f}")
    assert _row(text, "Goods: Kept as sample 留样").startswith("1")
    assert "Merchant review decisions 商家月度评审决定" in text
    decision_line = next(line for line in text.splitlines() if world.merchant_shop in line
                         and "Watch 观察" in line)
    assert month in decision_line and "三个问题未整改" in decision_line

    year = month[:4]
    out = run_job(quality_reports.export_quality_report(qm, year, tmp_path / "y.pdf"))
    text = pdf_text(out, layout=True)
    assert _row(text, "Net cost 净成本").startswith(f"¥{(spend - refunds) / 100:,.2f}")
    assert "Watch 观察" in text


def test_disposition_rules(ctx, users, world):
    insp = ctx.as_actor(users[Role.INSPECTOR])
    pid = purchases.find_by_order_number(insp, "ORD-0000").id
    for kwargs in (
        {"disposition": "returned"},  # no refund given
        {"disposition": "returned", "refund": "500.00"},  # more than was paid
        {"disposition": "sample"},  # no location
        {"disposition": "disposed", "refund": "1.00"},
        {"disposition": "lost"},
    ):
        d = kwargs.pop("disposition")
        with pytest.raises((ValidationError, InvalidForm)):
            purchases.set_disposition(insp, pid, d, **kwargs)
    got = purchases.set_disposition(insp, pid, "returned", refund="50", lightning_refund=True)
    assert (got.disposition, got.refund_cents, got.lightning_refund) == ("returned", 5000, True)
    # Changing the end clears what no longer applies.
    got = purchases.set_disposition(insp, pid, "sample", sample_location="Shelf 2")
    assert (got.refund_cents, got.lightning_refund, got.sample_location) == (None, False, "Shelf 2")
