"""The same schema and services on PostgreSQL (the team server); skipped without a server.

`.ci/run` starts a local PostgreSQL and sets INSPECTOR_TEST_PG_URL.
"""

from __future__ import annotations

import os
from datetime import timedelta

import pytest
from sqlalchemy import text

from inspector_app.db import migrate
from inspector_app.db.engine import Database
from inspector_app.domain import clock
from inspector_app.domain.enums import PurchaseStatus, Role
from inspector_app.paths import data_dir
from inspector_app.services import (
    browse,
    cases,
    catalog,
    findings,
    merchants,
    purchases,
    stats,
    users,
)
from inspector_app.services.context import SYSTEM, Context

PG_URL = os.environ.get("INSPECTOR_TEST_PG_URL")
pytestmark = pytest.mark.needs_postgres


@pytest.fixture
def pg_ctx(tmp_path):
    db = Database(PG_URL)
    with db.engine.begin() as conn:
        conn.exec_driver_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    migrate.upgrade(db, None)
    yield Context(db=db, paths=data_dir(tmp_path / "pgdata").ensure())
    db.dispose()


def test_migrations_reach_head(pg_ctx):
    assert migrate.current_revision(pg_ctx.db) == migrate.head_revision()


def test_full_case_flow_and_reads(pg_ctx):
    admin = users.create_user(pg_ctx.as_actor(SYSTEM), "Admin", Role.ADMIN)
    c = pg_ctx.as_actor(admin)
    m = merchants.create_merchant(c, "PG1", "优品旗舰店")
    p = catalog.create_product(c, "纯棉T恤", brand="优衣")
    t = clock.now() - timedelta(days=2)
    pu = purchases.create_purchase(c, purchases.PurchaseInput(
        merchant_id=m.id, product_id=p.id, order_number="PG-O1", ordered_at=t,
        received_at=t + timedelta(hours=20), status=PurchaseStatus.RECEIVED))
    f = findings.add_finding(c, pu.id, findings.FindingInput("product_quality", "major", "领口开线"))
    purchases.set_verdict(c, pu.id, "fail")
    k = cases.open_case(c, [f.id])
    for to in ("notified", "responded", "rectifying", "awaiting_verification", "closed"):
        k = cases.advance(c, k.case_number, to)
    assert k.status == "closed" and k.closed_at is not None
    assert browse.count_findings(c, browse.FindingFilter(text="开线")) == 1
    assert browse.fetch_merchants(c, browse.MerchantFilter(), sort="defect_rate")[0].failed == 1
    fig = stats.figures(c, stats.month_of(clock.today()))
    assert fig.findings == 1 and fig.rectification_rate == 1.0


def test_case_events_append_only(pg_ctx):
    admin = users.create_user(pg_ctx.as_actor(SYSTEM), "Admin", Role.ADMIN)
    c = pg_ctx.as_actor(admin)
    m = merchants.create_merchant(c, "PG2", "Shop")
    pu = purchases.create_purchase(c, purchases.PurchaseInput(
        merchant_id=m.id, order_number="PG-O2", ordered_at=clock.now() - timedelta(days=1),
        status=PurchaseStatus.ORDERED))
    f = findings.add_finding(c, pu.id, findings.FindingInput("other", "minor", "x"))
    cases.open_case(c, [f.id])
    with pytest.raises(Exception, match="append-only"), pg_ctx.db.write() as s:
        s.execute(text("UPDATE case_events SET note = 'x'"))
    with pytest.raises(Exception, match="append-only"), pg_ctx.db.write() as s:
        s.execute(text("DELETE FROM case_events"))
