"""Storage guarantees the services rely on: append-only case events and aware UTC times."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import delete, select, text, update
from sqlalchemy.exc import DBAPIError, StatementError

from inspector_app.db.base import UTCDateTime
from inspector_app.db.models import CaseEvent, Merchant
from inspector_app.domain.enums import CaseStatus
from inspector_app.services import cases
from tests.backends import plain_sql
from tests.services.builders import case_at, count

BEIJING = timezone(timedelta(hours=8))


@pytest.fixture
def events(admin, purchase):
    c = case_at(admin, purchase.id, CaseStatus.NOTIFIED)
    assert count(admin, CaseEvent) == 2
    return c


def test_update_of_a_case_event_is_refused(ctx, events):
    with pytest.raises(DBAPIError, match="append-only"), ctx.db.write() as s:
        s.execute(update(CaseEvent).values(note="rewritten"))
    with ctx.db.read() as s:
        assert "rewritten" not in s.scalars(select(CaseEvent.note)).all()


def test_delete_of_a_case_event_is_refused(ctx, events):
    with pytest.raises(DBAPIError, match="append-only"), ctx.db.write() as s:
        s.execute(delete(CaseEvent))
    assert count(ctx, CaseEvent) == 2


def test_orm_edit_of_a_case_event_is_refused(ctx, events):
    with pytest.raises(DBAPIError, match="append-only"), ctx.db.write() as s:
        s.scalars(select(CaseEvent)).first().note = "edited"


def test_trigger_holds_outside_sqlalchemy(ctx, events):
    with plain_sql(ctx) as db:
        for sql in ("UPDATE case_events SET to_status = 'closed'", "DELETE FROM case_events"):
            with pytest.raises(Exception, match="append-only"):
                db.run(sql)
            db.conn.rollback()
        assert db.one("SELECT count(*) FROM case_events") == (2,)


def test_events_still_append(admin, events):
    cases.advance(admin, events.case_number, CaseStatus.RESPONDED)
    assert count(admin, CaseEvent) == 3


def test_triggers_are_installed(ctx):
    if ctx.db.is_sqlite:
        sql, wanted = "SELECT name FROM sqlite_master WHERE type = 'trigger'", {
            "case_events_no_update", "case_events_no_delete"}
    else:
        sql, wanted = "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal", {
            "case_events_no_change"}
    with ctx.db.read() as s:
        names = set(s.scalars(text(sql)))
    assert wanted <= names


# --- UTCDateTime ------------------------------------------------------------------------


def test_utc_type_refuses_naive_datetimes():
    with pytest.raises(ValueError, match="naive"):
        UTCDateTime().process_bind_param(datetime(2026, 1, 1, 12, 0), None)


def test_utc_type_converts_to_naive_utc_and_back():
    t = UTCDateTime()
    stored = t.process_bind_param(datetime(2026, 1, 1, 20, 0, tzinfo=BEIJING), None)
    assert stored == datetime(2026, 1, 1, 12, 0)
    assert stored.tzinfo is None
    back = t.process_result_value(stored, None)
    assert back == datetime(2026, 1, 1, 12, 0, tzinfo=UTC)
    assert back.tzinfo is UTC
    assert t.process_bind_param(None, None) is None
    assert t.process_result_value(None, None) is None


def _merchant_with_time(ctx, when):
    with ctx.db.write() as s:
        m = Merchant(shop_id="t-1", name="T", status_changed_at=when)
        s.add(m)
        s.flush()
        return m.id


def test_naive_datetime_never_reaches_the_database(ctx):
    with pytest.raises(StatementError, match="naive"):
        _merchant_with_time(ctx, datetime(2026, 1, 1, 12, 0))
    assert count(ctx, Merchant) == 0


def test_aware_datetime_round_trips_as_utc(ctx):
    when = datetime(2026, 7, 15, 23, 30, 5, 123456, tzinfo=BEIJING)
    mid = _merchant_with_time(ctx, when)
    with ctx.db.read() as s:
        got = s.get(Merchant, mid).status_changed_at
        raw = s.scalar(text("SELECT status_changed_at FROM merchants WHERE id = :i"), {"i": mid})
    assert got == when
    assert got.tzinfo is UTC
    assert (got.hour, got.microsecond) == (15, 123456)
    assert str(raw).startswith("2026-07-15 15:30:05.123456")
