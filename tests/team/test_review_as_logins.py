"""The monthly review, its decisions and the goods' end on a team server, as the logins:
the review's queries on PostgreSQL, a batch decision under the grants, the decisions
append-only, spend figures."""

from __future__ import annotations

from datetime import timedelta

import psycopg
import pytest

from inspector_app.domain import clock
from inspector_app.domain.enums import Role, WorkOrderKind
from inspector_app.domain.errors import PermissionDenied
from inspector_app.services import merchants, purchases, review, review_decisions, stats
from tests.services.builders import received_input


@pytest.fixture(scope="module")
def people(team_server, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("review")
    return {role: team_server.context(team_server.login_url(role), tmp) for role in Role}


def test_review_decisions_and_spend_as_the_logins(team_server, people):
    from inspector_app.db.models import WorkOrder

    ivy, qm = people[Role.INSPECTOR], people[Role.QUALITY_MANAGER]
    slow = merchants.create_merchant(qm, "REV-SLOW", "慢店")
    other = merchants.create_merchant(qm, "REV-OK", "快店")
    month = clock.today().strftime("%Y-%m")
    start = stats.Period.parse(month).bounds()[0]
    with qm.db.write() as s:  # quality managers may write work orders (imports)
        for k in range(8):
            applied = start + timedelta(hours=1 + k)
            s.add(WorkOrder(merchant_id=slow.id, kind=WorkOrderKind.AFTER_SALES,
                            order_ref=f"R{k}", applied_at=applied,
                            first_handled_at=applied + timedelta(hours=90), duration_hours=90.0,
                            source_key=f"REV-SLOW|after_sales|R{k}"))
    result = review.month_review(qm, month)
    row = next(r for r in result.rows if r.shop_id == "REV-SLOW")
    assert row.candidate and "late_work_orders" in row.reasons and row.over_72h == 8

    done = review_decisions.record_decisions(qm, month, [slow.id, other.id], "watch", "慢")
    assert [d.to_status for d in done] == ["watch", "watch"]
    assert merchants.get_merchant(qm, slow.id).status == "watch"
    with pytest.raises(PermissionDenied):
        review_decisions.record_decisions(ivy, month, [slow.id], "eliminate", "x")
    # Append-only on the server: even a quality manager's login cannot rewrite a decision.
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        team_server.sql(Role.QUALITY_MANAGER, "UPDATE review_decisions SET reason = 'x'")

    p = purchases.create_purchase(ivy, received_input(other.id, inspector_id=ivy.actor.id))
    got = purchases.set_disposition(ivy, p.id, "returned", refund=p.price_paid_cents,
                                    lightning_refund=True)
    assert got.lightning_refund
    fig = stats.figures(qm, stats.Period.parse(month))
    assert fig.refunds_cents == p.price_paid_cents and fig.lightning_refunds == 1
    assert [d[1] for d in fig.review_decisions] == ["REV-SLOW", "REV-OK"]
