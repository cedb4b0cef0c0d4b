"""The findings of a month as the Dashboard counts them (FindingFilter.bought_since/until):
on purchases ordered in the month, not planned or cancelled; the list a chart bar opens."""

from __future__ import annotations

from datetime import timedelta

from inspector_app.domain.enums import PurchaseStatus
from inspector_app.services import browse, purchases, stats
from tests.services.builders import make_finding, make_purchase, now


def test_a_months_findings_match_its_figures(insp, shop):
    june = now() - timedelta(hours=3)
    may = june - timedelta(days=28)
    a = make_purchase(insp, shop.id, ordered_at=june, received_at=june)
    b = make_purchase(insp, shop.id, ordered_at=may, received_at=may + timedelta(hours=1))
    make_finding(insp, a.id, title="June one")
    make_finding(insp, a.id, title="June two")
    make_finding(insp, b.id, title="May one")
    # Cancelled after the finding: out of the figures, so out of the list too.
    c = make_purchase(insp, shop.id, ordered_at=june, received_at=june)
    make_finding(insp, c.id, title="Cancelled one")
    purchases.update_purchase(insp, c.id, purchases.PurchaseInput(
        merchant_id=shop.id, order_number=c.order_number, ordered_at=june, received_at=june,
        status=PurchaseStatus.CANCELLED))

    month = stats.Period.month(june.year, june.month)
    flt = browse.FindingFilter(bought_since=month.start, bought_until=month.end - timedelta(days=1))
    rows = browse.fetch_findings(insp, flt, limit=50)
    assert sorted(r.title for r in rows) == ["June one", "June two"]
    assert browse.count_findings(insp, flt) == stats.figures(insp, month).findings == 2
    earlier = stats.Period.month(may.year, may.month)
    assert browse.count_findings(insp, browse.FindingFilter(
        bought_since=earlier.start, bought_until=earlier.end - timedelta(days=1),
        category="product_quality")) == 1
