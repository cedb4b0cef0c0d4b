"""After-sales statistics of a month and a year checked against plain SQL over the same rows
(statistics.median/quantiles for the percentiles), on SQLite and PostgreSQL; rates per order
from imported volumes, and per month, said so, when there are none."""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from datetime import UTC, timedelta

import pytest
from sqlalchemy import text

from inspector_app.domain import clock
from inspector_app.services import stats
from inspector_app.services.complaints import import_work_orders
from inspector_app.services.order_volumes import import_volumes
from tests.workorders import generated as g


@pytest.fixture
def loaded(wctx, wshops, tmp_path):
    rows = g.generate(clock.now(), n=600, seed=33)
    g.write_csv(tmp_path / "wo.csv", rows, chinese=False, encoding="utf-8")
    assert import_work_orders(wctx, tmp_path / "wo.csv", tz=g.CST).added == len(rows)
    return wctx


def _naive(dt):
    return dt.astimezone(UTC).replace(tzinfo=None)


def _expected(ctx, period: stats.Period) -> dict:
    a, b = (_naive(x) for x in period.bounds())
    af = _naive(stats.Period(period.start - timedelta(days=150), period.end, "").bounds()[0])
    p = {"a": a, "b": b, "af": af}
    with ctx.db.read() as s:
        kinds = dict(s.execute(text(
            "SELECT kind, count(*) FROM work_orders WHERE applied_at >= :a AND applied_at < :b"
            " GROUP BY kind"), p).all())
        types = s.execute(text(
            "SELECT type, count(*) FROM work_orders WHERE kind = 'after_sales' AND"
            " applied_at >= :a AND applied_at < :b GROUP BY type"), p).all()
        closed = ("kind = 'after_sales' AND closed_at >= :a AND closed_at < :b"
                  " AND applied_at >= :af")
        results = dict(s.execute(text(
            f"SELECT coalesce(result, 'other'), count(*) FROM work_orders WHERE {closed}"
            " GROUP BY coalesce(result, 'other')"), p).all())
        timed = s.execute(text(
            "SELECT m.shop_id, w.duration_hours FROM work_orders w JOIN merchants m"
            f" ON m.id = w.merchant_id WHERE {closed} AND duration_hours IS NOT NULL"), p).all()
        per_merchant = s.execute(text(
            "SELECT merchant_id, kind, count(*) FROM work_orders WHERE applied_at >= :a AND"
            " applied_at < :b GROUP BY merchant_id, kind"), p).all()
        volumes = s.execute(text(
            "SELECT merchant_id, count(*), sum(orders) FROM order_volumes WHERE month IN"
            f" ({', '.join(repr(m) for m in _months(period))}) GROUP BY merchant_id")).all()
    hours = [h for _, h in timed]
    shops = defaultdict(list)
    for shop, h in timed:
        shops[shop].append(h)
    full = {mid: int(n) for mid, k, n in volumes if k == len(_months(period))}
    return {
        "after_sales": kinds.get("after_sales", 0), "complaints": kinds.get("complaint", 0),
        "by_type": sorted(((t, n) for t, n in types), key=lambda r: (-r[1], r[0])),
        "by_result": results, "timed": len(hours),
        "bands": [sum(h <= 24 for h in hours), sum(24 < h <= 48 for h in hours),
                  sum(48 < h <= 72 for h in hours), sum(h > 72 for h in hours)],
        "median": statistics.median(hours),
        "p90": statistics.quantiles(hours, n=10, method="inclusive")[8],
        "over60": sorted((shop, len(v), sum(v) / len(v)) for shop, v in shops.items()
                         if sum(v) / len(v) > 60),
        "full": full, "per_merchant": per_merchant,
    }


def _months(period: stats.Period) -> list[str]:
    out, d = [], period.start
    while d < period.end:
        out.append(f"{d.year:04d}-{d.month:02d}")
        d = (d.replace(day=28) + timedelta(days=4)).replace(day=1)
    return out


@pytest.mark.parametrize("label", ["2026-05", "2026"])
def test_figures_equal_plain_sql(loaded, label):
    period = stats.Period.parse(label)
    got = stats.figures(loaded, period).after_sales
    want = _expected(loaded, period)
    assert want["timed"] > 20 and want["after_sales"] > 20  # the data reaches the period
    for key in ("after_sales", "complaints", "by_result", "timed", "bands"):
        assert got[key] == want[key], key
    assert [tuple(r) for r in got["by_type"]] == want["by_type"]
    assert got["median"] == pytest.approx(want["median"])
    assert got["p90"] == pytest.approx(want["p90"])
    assert [(s, n, pytest.approx(h)) for s, _, n, h in got["shops_over_60h"]] == [
        (s, n, pytest.approx(h, abs=0.01)) for s, n, h in sorted(
            want["over60"], key=lambda r: (-r[2], r[0]))]
    assert "S3" in {r[0] for r in got["shops_over_60h"]}  # the planted slow merchant
    # No volumes imported: rates per month, and the figures say so.
    assert got["rate_basis"] == "per_month"
    assert got["after_sales_rate"] == pytest.approx(want["after_sales"] / len(_months(period)))


def test_rates_per_order_from_imported_volumes(loaded, tmp_path):
    period = stats.Period.parse("2026-05")
    path = tmp_path / "v.csv"
    path.write_text("shop_id,month,orders\nS1,2026-05,2000\nS2,2026-05,500\nS3,2026-04,900\n",
                    encoding="utf-8")
    assert not import_volumes(loaded, path).errors
    got = stats.figures(loaded, period).after_sales
    want = _expected(loaded, period)
    assert got["rate_basis"] == "per_order" and got["orders"] == 2500 == sum(want["full"].values())
    counts = Counter()
    for mid, kind, n in want["per_merchant"]:
        if mid in want["full"]:
            counts[kind] += n
    assert got["after_sales_rate"] == pytest.approx(counts["after_sales"] / 2500)
    assert got["complaint_rate"] == pytest.approx(counts["complaint"] / 2500)
    active = {mid for mid, _, _ in want["per_merchant"]}
    assert got["merchants_without_volume"] == len(active - set(want["full"])) == 3
    trend = {m: r for m, *r in got["trend"]}
    assert len(got["trend"]) == 12 and trend["2026-05"][0] == want["after_sales"]
    assert trend["2026-05"][3] == pytest.approx(got["after_sales_rate"])
    assert trend["2026-03"][3] is None  # no volume in March: no rate per order
    april = _expected(loaded, stats.Period.parse("2026-04"))
    s3 = sum(n for mid, kind, n in april["per_merchant"] if mid in april["full"]
             and kind == "after_sales")
    assert set(april["full"]) == {3} and trend["2026-04"][3] == pytest.approx(s3 / 900)


def test_monthly_report_prints_the_after_sales_figures_and_the_rate_basis(loaded, tmp_path):
    from pypdf import PdfReader

    from inspector_app.reports.progress import run_job
    from inspector_app.services.quality_reports import export_quality_report

    period = stats.Period.parse("2026-05")
    want = _expected(loaded, period)
    out = run_job(export_quality_report(loaded, "2026-05", tmp_path / "m.pdf", record=False))
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(str(out)).pages)
    assert "After-sales work orders 售后工单" in text
    assert f"{want['median']:.1f} h" in text and f"{want['p90']:.1f} h" in text
    assert "No order volumes imported for this period" in text
    assert "售后服务时长超过60小时的店铺" in text and "S3" in text
    path = tmp_path / "v.csv"
    path.write_text("shop_id,month,orders\nS1,2026-05,2000\n", encoding="utf-8")
    import_volumes(loaded, path)
    out = run_job(export_quality_report(loaded, "2026-05", tmp_path / "m2.pdf", record=False))
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(str(out)).pages)
    assert "Rates per order, over 2,000 orders" in text
    assert "4 merchants with work orders have no order volume" in text
