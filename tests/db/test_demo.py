"""The demo data: every status and category present, consistent histories, reproducible, atomic."""

from __future__ import annotations

from collections import defaultdict

import pytest
from sqlalchemy import func, select, text

from inspector_app.db.base import UTCDateTime
from inspector_app.db.models import (
    Base,
    CaseEvent,
    Finding,
    Merchant,
    MerchantStatusChange,
    Purchase,
    RectificationCase,
    User,
)
from inspector_app.domain import clock
from inspector_app.domain.enums import (
    CaseStatus,
    FindingCategory,
    MerchantStatus,
    Role,
    Severity,
    Verdict,
)
from inspector_app.domain.errors import ConflictError
from inspector_app.domain.workflow import FINAL_STATUSES, check_transition
from inspector_app.services.context import SYSTEM, open_context
from inspector_app.services.demo import iter_demo, load_demo
from inspector_app.services.photos import check_store

PURCHASES = 400


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    ctx = open_context(data_folder=str(tmp_path_factory.mktemp("demo") / "d")).as_actor(SYSTEM)
    summary = load_demo(ctx, seed=11, purchases=PURCHASES)
    yield ctx, summary
    ctx.db.dispose()


def test_summary_matches_the_database(demo):
    ctx, summary = demo
    with ctx.db.read() as s:
        count = lambda model: s.scalar(select(func.count()).select_from(model))  # noqa: E731
        assert count(Purchase) == summary.purchases == PURCHASES
        assert count(Finding) == summary.findings > 0
        assert count(RectificationCase) == summary.cases > 0
        assert count(CaseEvent) == summary.case_events
        fts = s.execute(text("SELECT count(*) FROM findings_fts")).scalar()
        assert fts == summary.findings  # indexed for search in one pass


def test_people_merchants_and_vocabulary(demo):
    ctx, _ = demo
    with ctx.db.read() as s:
        roles = defaultdict(list)
        for name, role in s.execute(select(User.display_name, User.role)):
            roles[Role(role)].append(name)
        assert set(roles) == set(Role)
        inspectors = roles[Role.INSPECTOR]
        assert any(n.isascii() for n in inspectors) and any(not n.isascii() for n in inspectors)
        statuses = {MerchantStatus(m) for m in s.scalars(select(Merchant.status))}
        assert statuses == set(MerchantStatus)
        assert s.scalar(select(func.count()).where(Merchant.key_merchant.is_(True))) > 0
        for m in s.scalars(select(Merchant).where(Merchant.status != MerchantStatus.ACTIVE)):
            changes = list(
                s.scalars(
                    select(MerchantStatusChange)
                    .where(MerchantStatusChange.merchant_id == m.id)
                    .order_by(MerchantStatusChange.changed_at)
                )
            )
            assert changes and changes[-1].to_status == m.status and m.status_reason
            assert changes[-1].changed_at == m.status_changed_at
            if m.status == MerchantStatus.ELIMINATED:
                last = s.scalar(
                    select(func.max(Purchase.ordered_at)).where(Purchase.merchant_id == m.id)
                )
                assert last is None or last < m.status_changed_at
        cats = {FindingCategory(c) for c in s.scalars(select(Finding.category).distinct())}
        assert len(cats) >= 8
        assert {Severity(v) for v in s.scalars(select(Finding.severity).distinct())} == set(
            Severity
        )
        assert s.scalar(select(func.count()).where(Finding.rule_ref.like("GB%"))) > 0
        # A failed purchase has findings; a passed one has none.
        for verdict, n in s.execute(
            select(Purchase.verdict, func.count(Finding.id))
            .join(Finding, Finding.purchase_id == Purchase.id, isouter=True)
            .where(Purchase.verdict.is_not(None))
            .group_by(Purchase.id)
        ):
            assert (n > 0) == (Verdict(verdict) == Verdict.FAIL)


def test_cases_have_consistent_histories(demo):
    ctx, summary = demo
    today_overdue = 0
    with ctx.db.read() as s:
        cases = list(s.scalars(select(RectificationCase)))
        assert {CaseStatus(c.status) for c in cases} == set(CaseStatus)
        for c in cases:
            events = list(
                s.scalars(select(CaseEvent).where(CaseEvent.case_id == c.id).order_by(CaseEvent.id))
            )
            assert events[0].kind == "opened" and events[0].to_status == "open"
            moves = [e for e in events if e.kind == "status"]
            status = CaseStatus.OPEN
            roles = {u.id: Role(u.role) for u in s.scalars(select(User))}
            for e in moves:
                assert e.from_status == status
                check_transition(
                    c.case_number, status, CaseStatus(e.to_status), roles[e.actor_id], e.note
                )
                status = CaseStatus(e.to_status)
            assert status == c.status
            assert [e.at for e in events] == sorted(e.at for e in events)
            first = {}
            for e in moves:
                first.setdefault(e.to_status, e.at)
            assert c.notified_at == first.get("notified")
            assert c.first_response_at == first.get("responded")
            if c.status in FINAL_STATUSES:
                assert c.closed_at == moves[-1].at
            else:
                assert c.closed_at is None
                today_overdue += c.due_date is not None and c.due_date < clock.today()
            if c.verification_purchase_id:
                p = s.get(Purchase, c.verification_purchase_id)
                assert p.merchant_id == c.merchant_id and p.verdict == Verdict.PASS
        assert today_overdue == summary.overdue_cases > 0
        assert any(c.verification_purchase_id for c in cases)


def test_nothing_happens_in_the_future(demo):
    ctx, _ = demo
    now = clock.now()
    with ctx.db.read() as s:
        for table in Base.metadata.sorted_tables:
            for column in table.columns:
                if isinstance(column.type, UTCDateTime):
                    latest = s.scalar(select(func.max(column)))
                    assert latest is None or latest <= now, (table.name, column.name, latest)


def test_photos_pass_the_store_check(demo):
    ctx, summary = demo
    report = check_store(ctx)
    assert report.ok, report.problems()
    assert report.rows_checked == summary.photos and report.files_checked == summary.photo_files


def test_same_seed_same_data_and_refuses_a_second_load(demo, tmp_path):
    ctx, _ = demo
    other = open_context(data_folder=str(tmp_path / "again")).as_actor(SYSTEM)
    try:
        load_demo(other, seed=11, purchases=PURCHASES)
        query = select(Merchant.shop_id, Merchant.name).order_by(Merchant.id)
        titles = select(Finding.title).order_by(Finding.id)
        with ctx.db.read() as a, other.db.read() as b:
            assert a.execute(query).all() == b.execute(query).all()
            assert a.scalars(titles).all() == b.scalars(titles).all()
        with pytest.raises(ConflictError, match="already holds data"):
            load_demo(other, purchases=10)
    finally:
        other.db.dispose()


def test_stopping_the_demo_leaves_the_database_as_it_was(tmp_path):
    ctx = open_context(data_folder=str(tmp_path / "d")).as_actor(SYSTEM)
    try:
        steps = iter_demo(ctx, purchases=300)
        for step in steps:
            if step.label.startswith("findings") or "cases" in step.label:
                break
        steps.close()  # what the UI's Cancel does
        with ctx.db.read() as s:
            assert s.scalar(select(func.count()).select_from(Merchant)) == 0
            assert s.scalar(select(func.count()).select_from(User)) == 0
            triggers = s.execute(
                text("SELECT count(*) FROM sqlite_master WHERE name = 'findings_fts_ai'")
            ).scalar()
            assert triggers == 1  # the search trigger paused for the bulk load is back
        load_demo(ctx, purchases=20)  # and it can be loaded afterwards
    finally:
        ctx.db.dispose()


def test_many_findings_per_purchase_stay_in_the_past(tmp_path):
    """At benchmark density (dozens of findings per failed purchase) times still fit."""
    ctx = open_context(data_folder=str(tmp_path / "d")).as_actor(SYSTEM)
    try:
        summary = load_demo(ctx, purchases=150, findings=4000, photos=20)
        assert summary.findings == 4000 and summary.photos <= 20
        with ctx.db.read() as s:
            latest = s.scalar(select(func.max(Finding.created_at)))
        assert latest <= clock.now()
    finally:
        ctx.db.dispose()


def _same_title_twice(s) -> list:
    return s.execute(
        select(Finding.purchase_id, Finding.title, func.count())
        .where(Finding.deleted_at.is_(None))
        .group_by(Finding.purchase_id, Finding.title)
        .having(func.count() > 1)
    ).all()


def test_a_purchase_records_each_defect_once_and_summaries_keep_one_language(demo):
    import re

    ctx, _ = demo
    with ctx.db.read() as s:
        assert _same_title_twice(s) == []
        # Three letters make an English word ("pH值" is Chinese).
        latin, cjk = re.compile("[A-Za-z]{3,}"), re.compile("[\u4e00-\u9fff]")
        rows = s.execute(
            select(RectificationCase.summary, Merchant.name, User.display_name)
            .join(Merchant, Merchant.id == RectificationCase.merchant_id)
            .join(User, User.id == RectificationCase.assignee_id)
        ).all()
        assert rows
        for summary, merchant, manager in rows:
            words = summary.replace(merchant, "")  # a shop's name is a name in any sentence
            if manager.isascii():  # an English-speaking manager writes English
                assert not cjk.search(words), summary
            else:
                assert not latin.search(words), summary

