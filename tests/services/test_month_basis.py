"""A month's purchases and its findings are counted on the same basis: the purchase's order
month, whenever the finding was recorded (docs/domain.md, "The figures")."""

from __future__ import annotations

from datetime import UTC, datetime

from inspector_app.db.models import Finding, Merchant, Purchase
from inspector_app.domain.enums import FindingCategory, PurchaseStatus, Severity, Verdict
from inspector_app.services import stats
from tests.backends import PlainSQL

#: 2026-05-31 23:00 in Shanghai (the tests' zone): ordered in May, inspected in June.
EDGE = datetime(2026, 5, 31, 15, 0, tzinfo=UTC)
JUNE_3 = datetime(2026, 6, 3, 2, 0, tzinfo=UTC)


def test_a_purchase_straddling_months_counts_in_its_order_month(ctx):
    with ctx.db.write() as s:
        m = Merchant(shop_id="EDGE", name="跨月店")
        s.add(m)
        s.flush()
        p = Purchase(merchant_id=m.id, order_number="EDGE-1", ordered_at=EDGE,
                     received_at=JUNE_3, inspected_at=JUNE_3, status=PurchaseStatus.INSPECTED,
                     verdict=Verdict.FAIL)
        june = Purchase(merchant_id=m.id, order_number="JUNE-1", ordered_at=JUNE_3,
                        status=PurchaseStatus.ORDERED)
        s.add_all([p, june])
        s.flush()
        for k in range(3):  # recorded in June, on the May purchase
            s.add(Finding(purchase_id=p.id, category=FindingCategory.OTHER,
                          severity=Severity.MINOR, title=f"缺陷 {k}", created_at=JUNE_3))
    may = stats.figures(ctx, stats.Period.parse("2026-05"))
    jun = stats.figures(ctx, stats.Period.parse("2026-06"))
    assert (may.purchases, may.findings, may.problem_purchases) == (1, 3, 1)
    assert (jun.purchases, jun.findings, jun.problem_purchases) == (1, 0, 0)
    assert dict((label, (n_p, n_f)) for label, n_p, n_f in jun.trend)["2026-05"] == (1, 3)

    # The same counts in plain SQL over the same rows (local month of the order time).
    month = ("strftime('%Y-%m', p.ordered_at, '+8 hours')" if ctx.db.is_sqlite
             else "to_char(p.ordered_at + interval '8 hours', 'YYYY-MM')")
    with PlainSQL(ctx.db.url) as db:
        plain = [tuple(r) for r in db.rows(
            f"SELECT {month}, count(DISTINCT p.id), count(f.id) "
            "FROM purchases p LEFT JOIN findings f ON f.purchase_id = p.id "
            "AND f.deleted_at IS NULL "
            "WHERE p.deleted_at IS NULL AND p.status NOT IN ('planned', 'cancelled') "
            "GROUP BY 1 ORDER BY 1")]
    assert plain == [("2026-05", 1, 3), ("2026-06", 1, 0)]
