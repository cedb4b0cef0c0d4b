"""The light user reads of start-up (services.actors) agree with the users service."""

from __future__ import annotations

import subprocess
import sys

from sqlalchemy import text

from inspector_app.domain.enums import Role
from inspector_app.services import actors
from inspector_app.services import users as svc


def test_count_users_counts_inactive_users_too(ctx, users):
    assert actors.count_users(ctx) == svc.count_users(ctx) == 4
    svc.deactivate(ctx.as_actor(users[Role.ADMIN]), users[Role.INSPECTOR].id)
    assert actors.count_users(ctx) == svc.count_users(ctx) == 4


def test_an_empty_database_has_no_users_and_no_default(ctx):
    assert actors.count_users(ctx) == 0
    assert actors.default_actor(ctx) is None
    assert actors.active_actor(ctx, 1) is None


def test_active_actor_is_the_users_service_actor(ctx, users):
    for actor in users.values():
        assert actors.active_actor(ctx, actor.id) == svc.find_user(ctx, actor.id) == actor


def test_a_deactivated_or_unknown_user_is_not_restored(ctx, users):
    ivy = users[Role.INSPECTOR]
    svc.deactivate(ctx.as_actor(users[Role.ADMIN]), ivy.id)
    assert actors.active_actor(ctx, ivy.id) is None
    assert actors.active_actor(ctx, 9999) is None


def test_default_actor_is_the_first_active_admin_by_name(ctx, users):
    admin = ctx.as_actor(users[Role.ADMIN])
    assert actors.default_actor(ctx) == users[Role.ADMIN]
    # "Aaron" sorts before "Admin"; a deactivated "Aardvark" admin does not count.
    aaron = svc.create_user(admin, "Aaron Second-Admin", Role.ADMIN)
    aardvark = svc.create_user(admin, "Aardvark Old-Admin", Role.ADMIN)
    svc.deactivate(admin, aardvark.id)
    assert actors.default_actor(ctx) == aaron
    everyone = svc.list_users(ctx)
    assert aaron == next(a for a in everyone if a.role == Role.ADMIN)


def test_without_an_admin_the_default_is_the_first_user_by_name(ctx):
    first = svc.create_user(ctx, "Zed Admin", Role.ADMIN)
    zed = ctx.as_actor(first)
    svc.create_user(zed, "Bea Inspector", Role.INSPECTOR)
    svc.create_user(zed, "Al Manager", Role.QUALITY_MANAGER)
    # Demote the only admin directly in SQL (the service keeps one admin on purpose).
    with ctx.db.write() as s:
        s.execute(text("UPDATE users SET role = 'inspector' WHERE id = :id"), {"id": first.id})
    default = actors.default_actor(ctx)
    assert default is not None and default.display_name == "Al Manager"
    assert default == svc.list_users(ctx)[0]


def test_the_light_reads_load_no_orm_models(ctx, users):
    url = None if ctx.db.is_sqlite else ctx.db.url.render_as_string(hide_password=False)
    code = (
        "import sys\n"
        "from inspector_app.services import actors\n"
        "from inspector_app.services.context import open_context\n"
        f"c = open_context({url!r}, data_folder={str(ctx.paths.root)!r})\n"
        "print(actors.count_users(c), actors.default_actor(c).display_name)\n"
        "print('inspector_app.db.models' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split("\n")[:2] == ["4 Admin", "False"], out.stderr
