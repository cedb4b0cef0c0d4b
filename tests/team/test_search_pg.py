"""Findings search on PostgreSQL: a pg_trgm GIN index answers phrases of 3+ characters
(migration 0008), and every term length finds exactly the rows that contain it, as on
SQLite."""

from __future__ import annotations

import random

from sqlalchemy import select, text

from inspector_app.db import migrate
from inspector_app.db.models import Finding
from inspector_app.db.search import finding_text_clause
from inspector_app.services.context import open_context
from tests.db.test_team_migrations import downgrade

WORDS = ["纽扣脱落", "领口开线", "色差明显", "包装破损", "纤维含量不合格", "Seam splits", "拉链卡顿"]


def test_trigram_index_and_exact_matches(empty_database, tmp_path):
    _name, url = empty_database
    ctx = open_context(url, data_folder=str(tmp_path / "data"))
    try:
        with ctx.db.engine.begin() as conn:
            indexes = set(conn.exec_driver_sql(
                "SELECT indexname FROM pg_indexes WHERE tablename = 'findings'").scalars())
            assert {"ix_findings_title_trgm", "ix_findings_observed_trgm"} <= indexes
            conn.exec_driver_sql(
                "INSERT INTO users (id, display_name, role, active, uid, created_at, updated_at)"
                " VALUES (1, 'u', 'admin', true, 'u1', now(), now());"
                "INSERT INTO merchants (id, name, shop_id, category, contact, key_merchant,"
                " status, status_reason, uid, created_at, updated_at) VALUES (1, 'm', 's', '',"
                " '', false, 'active', '', 'm1', now(), now());"
                "INSERT INTO purchases (id, merchant_id, buyer_alias, delivery_address, status,"
                " notes, uid, created_at, updated_at) VALUES (1, 1, '', '', 'received', '',"
                " 'p1', now(), now())")
            rnd = random.Random(5)
            titles = [f"{rnd.choice(WORDS)} {n}" for n in range(3000)]
            conn.execute(text(
                "INSERT INTO findings (purchase_id, category, severity, title, description,"
                " expected, observed, rule_ref, uid, created_at, updated_at) VALUES (1, 'other',"
                " 'minor', :t, '', '', :o, '', :u, now(), now())"),
                [{"t": t, "o": "" if n % 7 else "扣子松动", "u": f"f{n}"}
                 for n, t in enumerate(titles)])
            conn.exec_driver_sql("ANALYZE findings")
        for term in ("纽扣脱落", "纽扣", "扣", "SEAM", "松动"):
            clause = finding_text_clause("postgresql", term)
            with ctx.db.read() as s:
                got = len(s.scalars(select(Finding.id).where(clause)).all())
            want = sum(term.lower() in t.lower() for t in titles) + sum(
                1 for n, t in enumerate(titles) if n % 7 == 0 and term in "扣子松动"
                and term.lower() not in t.lower())
            assert got == want, term
        with ctx.db.read() as s:
            s.execute(text("SET LOCAL enable_seqscan = off"))
            q = select(Finding.id).where(finding_text_clause("postgresql", "纽扣脱落"))
            plan = "\n".join(s.execute(text("EXPLAIN " + str(q.compile(
                ctx.db.engine, compile_kwargs={"literal_binds": True})))).scalars())
        assert "ix_findings_title_trgm" in plan
        downgrade(ctx.db, "0007")
        with ctx.db.engine.connect() as conn:
            assert not conn.exec_driver_sql(
                "SELECT 1 FROM pg_indexes WHERE indexname = 'ix_findings_title_trgm'").first()
        migrate.upgrade(ctx.db, None)
    finally:
        ctx.db.dispose()
