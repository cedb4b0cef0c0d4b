"""Fixtures for the work-order tests: a manager on SQLite or on PostgreSQL, five merchants."""

from __future__ import annotations

import os

import pytest

from inspector_app.db import migrate
from inspector_app.db.engine import Database
from inspector_app.domain.enums import Role
from inspector_app.paths import data_dir
from inspector_app.services import merchants as merchant_service
from inspector_app.services import users as user_service
from inspector_app.services.context import SYSTEM, Context


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.needs_postgres)])
def wctx(request, tmp_path):
    """A quality manager's context on a fresh SQLite file or on the test PostgreSQL database."""
    if request.param == "sqlite":
        ctx = request.getfixturevalue("ctx")
        owned = None
    else:
        owned = Database(os.environ["INSPECTOR_TEST_PG_URL"])
        with owned.engine.begin() as conn:
            conn.exec_driver_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
        migrate.upgrade(owned, None)
        ctx = Context(db=owned, paths=data_dir(tmp_path / "pgdata").ensure())
    user_service.create_user(ctx.as_actor(SYSTEM), "Ada Admin", Role.ADMIN)  # the first user
    qm = user_service.create_user(ctx.as_actor(SYSTEM), "Quinn Manager", Role.QUALITY_MANAGER)
    yield ctx.as_actor(qm)
    if owned is not None:
        owned.dispose()


@pytest.fixture
def wshops(wctx):
    """Shop id -> merchant id for S1..S5."""
    return {
        f"S{i}": merchant_service.create_merchant(wctx, f"S{i}", f"店铺{i}").id
        for i in range(1, 6)
    }


@pytest.fixture
def manager(ctx, users):
    """A quality manager on the test's SQLite file (the one the command line opens)."""
    return ctx.as_actor(users[Role.QUALITY_MANAGER])


@pytest.fixture
def shops(manager):
    """Shop id -> merchant id for S1..S5."""
    return {
        f"S{i}": merchant_service.create_merchant(manager, f"S{i}", f"店铺{i}").id
        for i in range(1, 6)
    }
