"""Fixtures for the service tests: contexts acting in each role and a little base data."""

from __future__ import annotations

import shutil

import pytest
from sqlalchemy import text

from inspector_app.db.migrate import current_revision, head_revision
from inspector_app.domain.enums import Role
from inspector_app.paths import data_dir
from inspector_app.services.context import open_context
from tests.services.builders import make_merchant, make_purchase


@pytest.fixture(scope="session")
def _migrated_database(tmp_path_factory):
    """One database file migrated to head per session (migrations have their own tests)."""
    folder = tmp_path_factory.mktemp("migrated")
    c = open_context(data_folder=str(folder))
    with c.db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    c.db.dispose()
    return c.paths.database


@pytest.fixture
def ctx(_isolated_data_dir, _migrated_database, database_url):
    """As tests/conftest.py's ctx: a fresh database at head, acting as nobody, on each backend
    (tests/backends.py).

    The SQLite file is a copy of the session's migrated one, so the ~250 service tests do not
    each run every migration (PostgreSQL: a copy of a migrated template database); opening it
    still goes through open_context's upgrade check.
    """
    paths = data_dir(str(_isolated_data_dir)).ensure()
    if database_url is None:
        shutil.copyfile(_migrated_database, paths.database)
    c = open_context(database_url, data_folder=str(_isolated_data_dir))
    assert current_revision(c.db) == head_revision()
    with c.db.read() as s:
        assert s.scalar(text("SELECT count(*) FROM users")) == 0
    yield c
    c.db.dispose()


@pytest.fixture
def as_role(ctx, users):
    """as_role(Role.X) -> the context acting as the user with that role."""
    return lambda role: ctx.as_actor(users[role])


@pytest.fixture
def admin(as_role):
    return as_role(Role.ADMIN)


@pytest.fixture
def qm(as_role):
    return as_role(Role.QUALITY_MANAGER)


@pytest.fixture
def insp(as_role):
    return as_role(Role.INSPECTOR)


@pytest.fixture
def mm(as_role):
    return as_role(Role.MERCHANT_MANAGER)


@pytest.fixture
def shop(insp):
    return make_merchant(insp, "shop-acme", "Acme Store")


@pytest.fixture
def purchase(insp, shop):
    return make_purchase(insp, shop.id, order_number="ORD-1001")
