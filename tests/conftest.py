"""Shared fixtures: every test gets its own data folder and database file; Qt runs offscreen."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("INSPECTOR_DB_URL", None)

import pytest  # noqa: E402

from inspector_app.domain.enums import Role  # noqa: E402
from inspector_app.services.context import Actor, Context, open_context  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path, monkeypatch):
    """Never touch the user's real profile: point the data folder at the test's tmp dir."""
    data = tmp_path / "data"
    monkeypatch.setenv("INSPECTOR_DATA_DIR", str(data))
    monkeypatch.delenv("INSPECTOR_DB_URL", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    # The command line speaks the locale's language; tests assert on the English messages.
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    yield data
    from inspector_app.domain import messages

    messages.set_language("en")


@pytest.fixture
def ctx(_isolated_data_dir) -> Context:
    """A context on a fresh SQLite file (migrated to head), acting as nobody."""
    c = open_context(data_folder=str(_isolated_data_dir))
    yield c
    c.db.dispose()


@pytest.fixture
def users(ctx):
    """One user per role; returns {role: Actor}."""
    from inspector_app.services import users as user_service
    from inspector_app.services.context import SYSTEM

    sys_ctx = ctx.as_actor(SYSTEM)
    out: dict[Role, Actor] = {}
    for role, name in [
        (Role.ADMIN, "Admin"),
        (Role.INSPECTOR, "Ivy Inspector"),
        (Role.QUALITY_MANAGER, "Quinn Manager"),
        (Role.MERCHANT_MANAGER, "Mia Merchant-Manager"),
    ]:
        out[role] = user_service.create_user(sys_ctx, name, role)
    return out
