"""The monthly merchant review: rules against an independent computation, the held-out slow
merchant, merchants apart, decisions in one transaction and who may record them."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from inspector_app.db.models import MerchantStatusChange, ReviewDecisionRecord
from inspector_app.domain.enums import Role
from inspector_app.domain.errors import NotFound, PermissionDenied, ValidationError
from inspector_app.services import merchants as merchant_service
from inspector_app.services import review, review_decisions, risk
from tests.services.review_world import JUNE_START, MAY_START, MONTH, plant


@pytest.fixture
def manager(ctx, users):
    return ctx.as_actor(users[Role.QUALITY_MANAGER])


@pytest.fixture
def world(manager):
    return plant(manager)


def _expected(world):
    """Who the review's own rules pick, computed here from the planted rows alone."""
    out = {}
    for shop, rows in world.work_orders.items():
        hours = [
            ((handled or JUNE_START) - applied).total_seconds() / 3600
            for kind, applied, handled in rows
            if kind == "after_sales" and MAY_START <= applied < JUNE_START
        ]
        late = sum(h > 72 for h in hours)
        month_c = sum(1 for kind, applied, _ in rows
                      if kind == "complaint" and MAY_START <= applied < JUNE_START)
        from tests.services.review_world import HISTORY_START

        before = sum(1 for kind, applied, _ in rows
                     if kind == "complaint" and HISTORY_START <= applied < MAY_START)
        reasons = set()
        if len(hours) >= 5 and late > len(hours) / 2:
            reasons.add("late_work_orders")
        if month_c >= 10 and month_c >= 3 * max(before / 6, 1):
            reasons.add("complaint_surge")
        # The stages by the default limits, every planted work order open (no closing) and
        # judged at the month's end: pickup within 24 h of the application (no first review
        # here), reverse-logistics information within 48 h and arrival within 72 h of pickup.
        breaches, by_stage = 0, {}
        for (kind, applied, _handled), pickup in zip(rows, world.pickups[shop], strict=True):
            if kind != "after_sales" or not MAY_START <= applied < JUNE_START:
                continue
            late_here = []
            if ((pickup or JUNE_START) - applied).total_seconds() > 24 * 3600:
                late_here.append("pickup")
            if pickup and (JUNE_START - pickup).total_seconds() > 48 * 3600:
                late_here.append("return_info")
            if pickup and (JUNE_START - pickup).total_seconds() > 72 * 3600:
                late_here.append("arrival")
            breaches += bool(late_here)
            for st in late_here:
                by_stage[st] = by_stage.get(st, 0) + 1
        out[shop] = (len(hours), late, month_c, reasons, breaches, by_stage)
    return out


def test_rules_match_an_independent_computation(manager, world):
    result = review.month_review(manager, MONTH)
    expected = _expected(world)
    seen = 0
    for row in result.rows:
        n, late, complaints, reasons, breaches, by_stage = expected.get(
            row.shop_id, (0, 0, 0, set(), 0, {}))
        assert row.stage_breaches == breaches, row.shop_id
        assert row.breaches_by_stage == by_stage, row.shop_id
        assert (row.work_orders, row.over_72h, row.complaints) == (n, late, complaints), row.shop_id
        assert set(row.reasons) - {"risk_score"} == reasons, row.shop_id
        assert row.candidate == bool(set(row.reasons)), row.shop_id
        assert row.findings == world.findings.get(row.shop_id, 0), row.shop_id
        seen += bool(reasons)
    assert seen >= 3  # the world exercises the rules, not just the planted merchant


def test_the_slow_merchant_is_a_candidate_and_the_suspended_one_apart(manager, world):
    ranked = risk.ranking(manager, now=JUNE_START)
    # The weighted score alone: the suspended merchant on top, SLOW no candidate.
    assert ranked[0].shop_id == "TOP" and ranked[0].status == "suspended"
    slow = next(r for r in ranked if r.shop_id == "SLOW")
    assert not slow.is_new_candidate and ranked.index(slow) >= 1

    result = review.month_review(manager, MONTH)
    row = next(r for r in result.rows if r.shop_id == "SLOW")
    assert row.candidate and "late_work_orders" in row.reasons
    assert "complaint_surge" in row.reasons  # 33 complaints in 25 days, none before
    assert (row.work_orders, row.over_72h, row.complaints) == (51, 51, 33)
    assert row.stage_breaches == 51 and row.breaches_by_stage["pickup"] > 0
    assert row.suggestion == "watch"
    assert row.duration_median is not None and row.duration_median > 90
    assert {r.shop_id for r in result.apart} == {"TOP", "GONE"}
    assert all(r.status in ("active", "watch") for r in result.rows)
    assert not any(r.candidate for r in result.apart)
    assert result.rows[0].candidate  # candidates come first


def test_decisions_are_one_transaction_and_reuse_the_status_history(manager, world, users):
    ids = [world.ids["SLOW"], world.ids["R00"], world.ids["R04"]]  # R04 is on watch
    done = review_decisions.record_decisions(manager, MONTH, ids, "watch", "工单处理太慢")
    assert [d.shop_id for d in done] == ["SLOW", "R00", "R04"]
    assert [d.to_status for d in done] == ["watch", "watch", None]  # R04 was on watch already
    assert len({d.batch for d in done}) == 1
    assert merchant_service.get_merchant(manager, world.ids["SLOW"]).status == "watch"
    history = merchant_service.status_history(manager, world.ids["SLOW"])
    assert history[-1].reason == "工单处理太慢" and history[-1].to_status == "watch"

    # A batch naming a missing merchant saves nothing at all.
    with manager.db.read() as s:
        before = (s.scalar(select(func.count()).select_from(ReviewDecisionRecord)),
                  s.scalar(select(func.count()).select_from(MerchantStatusChange)))
    with pytest.raises(NotFound):
        review_decisions.record_decisions(manager, MONTH, [world.ids["R01"], 99999],
                                          "suspend", "x")
    with manager.db.read() as s:
        after = (s.scalar(select(func.count()).select_from(ReviewDecisionRecord)),
                 s.scalar(select(func.count()).select_from(MerchantStatusChange)))
    assert after == before
    assert merchant_service.get_merchant(manager, world.ids["R01"]).status == "active"

    review_decisions.record_decisions(manager, MONTH, [world.ids["R01"]], "no_action", "看过了")
    result = review.month_review(manager, MONTH)
    decided = {r.shop_id: r.decision for r in result.rows if r.decision}
    assert decided == {"SLOW": "watch", "R00": "watch", "R04": "watch", "R01": "no_action"}
    assert len(result.decisions) == 4


@pytest.mark.parametrize("role", [Role.INSPECTOR, Role.MERCHANT_MANAGER])
def test_only_managers_record_decisions(ctx, users, world, role):
    other = ctx.as_actor(users[role])
    assert not review_decisions.may_decide(other)
    with pytest.raises(PermissionDenied):
        review_decisions.record_decisions(other, MONTH, [world.ids["SLOW"]], "watch", "x")


@pytest.mark.parametrize(
    "month, decision, reason",
    [("2026", "watch", "x"), ("2026-13", "watch", "x"), (MONTH, "ban", "x"),
     (MONTH, "watch", "  ")],
)
def test_bad_input_is_one_clear_error(manager, world, month, decision, reason):
    with pytest.raises(ValidationError) as e:
        review_decisions.record_decisions(manager, month, [world.ids["SLOW"]], decision, reason)
    assert "\n" not in str(e.value)


def test_a_month_not_started_is_refused(manager):
    from inspector_app.domain import clock

    today = clock.today()
    following = f"{today.year + today.month // 12:04d}-{today.month % 12 + 1:02d}"
    with pytest.raises(ValidationError, match="has not started"):
        review.month_review(manager, following)
