"""What every service relies on: input cleaning, live-row lookup, and the acting user's context."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from inspector_app.db.models import Merchant
from inspector_app.domain.enums import Role
from inspector_app.domain.errors import NotFound, PermissionDenied, ValidationError
from inspector_app.paths import DB_FILE_NAME
from inspector_app.services import merchants
from inspector_app.services.common import (
    MAX_LINE,
    as_date,
    aware,
    clean_line,
    clean_text,
    get_live,
    now,
)
from inspector_app.services.context import SYSTEM, Actor, open_context


def test_clean_line_collapses_whitespace():
    assert clean_line("  Down \t jacket\n XL ", "title") == "Down jacket XL"
    assert clean_line(None, "title") == ""
    assert clean_line("x" * MAX_LINE, "title") == "x" * MAX_LINE


def test_clean_line_required_and_limit_name_the_field():
    with pytest.raises(ValidationError, match="Order number is required") as info:
        clean_line("   ", "order_number", required=True)
    assert info.value.field == "order_number"
    with pytest.raises(ValidationError, match="longer than 5") as info:
        clean_line("abcdef", "shop_id", limit=5)
    assert info.value.field == "shop_id"


def test_clean_text_keeps_lines_and_normalises_endings():
    assert clean_text("  first\r\nsecond  \n", "notes") == "first\nsecond"
    assert clean_text(None, "notes") == ""
    with pytest.raises(ValidationError) as info:
        clean_text("x" * 11, "notes", limit=10)
    assert info.value.field == "notes"


def test_aware_converts_to_utc_and_refuses_naive():
    local = datetime(2026, 6, 1, 8, 0, tzinfo=timezone(timedelta(hours=8)))
    got = aware(local, "ordered_at")
    assert got == local and got.tzinfo is UTC and got.hour == 0
    assert aware(None, "ordered_at") is None
    with pytest.raises(ValidationError) as info:
        aware(datetime(2026, 6, 1, 8, 0), "ordered_at")
    assert info.value.field == "ordered_at"


def test_as_date_and_now():
    assert as_date(datetime(2026, 6, 1, 23, 59, tzinfo=UTC)) == date(2026, 6, 1)
    assert as_date(date(2026, 6, 1)) == date(2026, 6, 1)
    assert as_date(None) is None
    assert now().tzinfo is UTC


def test_get_live_hides_soft_deleted_rows(qm, shop):
    with qm.db.read() as s:
        assert get_live(s, Merchant, shop.id, "merchant").shop_id == "shop-acme"
        with pytest.raises(NotFound, match="No merchant with id 999"):
            get_live(s, Merchant, 999, "merchant")
    merchants.delete_merchant(qm, shop.id)
    with qm.db.read() as s, pytest.raises(NotFound):
        get_live(s, Merchant, shop.id, "merchant")


def test_require(ctx, users):
    with pytest.raises(PermissionDenied, match="Choose a user before you sign"):
        ctx.require(action="sign")
    ivy = users[Role.INSPECTOR]
    as_ivy = ctx.as_actor(ivy)
    assert as_ivy.require() == ivy
    assert as_ivy.require(Role.INSPECTOR, Role.ADMIN) == ivy
    with pytest.raises(PermissionDenied) as info:
        as_ivy.require(Role.QUALITY_MANAGER, Role.ADMIN, action="close cases")
    msg = str(info.value)
    assert msg.startswith("Ivy Inspector (inspector) may not close cases")
    assert "quality_manager, admin" in msg


def test_as_actor_leaves_the_original_alone(ctx, users):
    other = ctx.as_actor(users[Role.ADMIN])
    assert ctx.actor is None
    assert other.db is ctx.db and other.paths == ctx.paths
    assert other.actor_id == users[Role.ADMIN].id
    assert ctx.actor_id is None
    assert ctx.as_actor(SYSTEM).actor_id is None  # the system actor is nobody in the tables
    assert ctx.as_actor(Actor(5, "x", Role.INSPECTOR)).actor_id == 5


def test_open_context_makes_the_data_folder(tmp_path):
    folder = tmp_path / "fresh"
    c = open_context(data_folder=str(folder))
    try:
        assert (folder / DB_FILE_NAME).is_file()
        for sub in ("photos", "thumbnails", "backups", "logs", "reports"):
            assert (folder / sub).is_dir()
        assert c.db.sqlite_path == folder / DB_FILE_NAME
        assert c.actor is None
    finally:
        c.db.dispose()
