"""Users service: the first user, admin-only changes, finding by id or name, deactivation."""

from __future__ import annotations

import pytest

from inspector_app.db.models import User
from inspector_app.domain.enums import Role
from inspector_app.domain.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from inspector_app.services import users as svc


def test_first_user_needs_no_actor_and_is_an_administrator(ctx):
    assert svc.count_users(ctx) == 0
    with pytest.raises(ValidationError, match="first user must be an administrator"):
        svc.create_user(ctx, "Quinn", Role.QUALITY_MANAGER)
    first = svc.create_user(ctx, "  Quinn  ", Role.ADMIN)
    assert first.display_name == "Quinn"
    assert first.role is Role.ADMIN
    assert first.id > 0
    assert svc.count_users(ctx) == 1


def test_later_users_need_an_actor(ctx):
    svc.create_user(ctx, "First", Role.ADMIN)
    with pytest.raises(PermissionDenied, match="Choose a user"):
        svc.create_user(ctx, "Second", Role.INSPECTOR)
    assert svc.count_users(ctx) == 1


@pytest.mark.parametrize("role", [Role.INSPECTOR, Role.QUALITY_MANAGER, Role.MERCHANT_MANAGER])
def test_only_an_admin_creates_later_users(ctx, users, role):
    actor = users[role]
    with pytest.raises(PermissionDenied) as info:
        svc.create_user(ctx.as_actor(actor), "Newcomer", Role.INSPECTOR)
    assert actor.display_name in str(info.value)
    assert role.value in str(info.value)
    assert "Newcomer" not in [u.display_name for u in svc.list_users(ctx)]


def test_admin_creates_users_and_is_recorded_as_creator(ctx, users):
    admin = users[Role.ADMIN]
    new = svc.create_user(ctx.as_actor(admin), "Nina", "inspector")
    assert new.role is Role.INSPECTOR
    with ctx.db.read() as s:
        assert s.get(User, new.id).created_by_id == admin.id


@pytest.mark.parametrize("name", ["", "   ", None])
def test_a_name_is_required(ctx, name):
    with pytest.raises(ValidationError) as info:
        svc.create_user(ctx, name, Role.ADMIN)
    assert info.value.field == "display_name"


def test_unknown_role_is_a_validation_error(ctx):
    with pytest.raises(ValidationError, match="superuser") as info:
        svc.create_user(ctx, "X", "superuser")
    assert info.value.field == "role"


def test_names_are_unique(ctx, users):
    with pytest.raises(ConflictError, match="Admin") as info:
        svc.create_user(ctx.as_actor(users[Role.ADMIN]), " Admin ", Role.INSPECTOR)
    assert info.value.field == "display_name"


def test_list_users_is_sorted_and_hides_inactive(ctx, users):
    admin = ctx.as_actor(users[Role.ADMIN])
    names = [u.display_name for u in svc.list_users(ctx)]
    assert names == sorted(names)
    assert len(names) == 4
    svc.deactivate(admin, users[Role.INSPECTOR].id)
    assert "Ivy Inspector" not in [u.display_name for u in svc.list_users(ctx)]
    assert "Ivy Inspector" in [u.display_name for u in svc.list_users(ctx, include_inactive=True)]


def test_find_user_by_id_or_name(ctx, users):
    ivy = users[Role.INSPECTOR]
    assert svc.find_user(ctx, ivy.id) == ivy
    assert svc.find_user(ctx, str(ivy.id)) == ivy
    assert svc.find_user(ctx, "Ivy Inspector") == ivy


def test_find_unknown_user(ctx, users):
    with pytest.raises(NotFound, match="nobody"):
        svc.find_user(ctx, "nobody")
    with pytest.raises(NotFound):
        svc.find_user(ctx, 9999)


def test_deactivated_user_is_refused(ctx, users):
    ivy = users[Role.INSPECTOR]
    svc.deactivate(ctx.as_actor(users[Role.ADMIN]), ivy.id)
    for ref in (ivy.id, "Ivy Inspector"):
        with pytest.raises(ValidationError, match="deactivated"):
            svc.find_user(ctx, ref)


def test_set_role(ctx, users):
    ivy = users[Role.INSPECTOR]
    changed = svc.set_role(ctx.as_actor(users[Role.ADMIN]), ivy.id, "quality_manager")
    assert changed.role is Role.QUALITY_MANAGER
    assert svc.find_user(ctx, ivy.id).role is Role.QUALITY_MANAGER


@pytest.mark.parametrize("role", [Role.INSPECTOR, Role.QUALITY_MANAGER, Role.MERCHANT_MANAGER])
def test_only_an_admin_changes_roles_or_deactivates(ctx, users, role):
    actor = ctx.as_actor(users[role])
    target = users[Role.INSPECTOR].id
    with pytest.raises(PermissionDenied, match=role.value):
        svc.set_role(actor, target, Role.ADMIN)
    with pytest.raises(PermissionDenied, match=users[role].display_name):
        svc.deactivate(actor, target)
    assert svc.find_user(ctx, target).role is Role.INSPECTOR


def test_set_role_and_deactivate_unknown_user(ctx, users):
    admin = ctx.as_actor(users[Role.ADMIN])
    with pytest.raises(NotFound):
        svc.set_role(admin, 9999, Role.ADMIN)
    with pytest.raises(NotFound):
        svc.deactivate(admin, 9999)


def test_set_role_unknown_role_is_a_validation_error(ctx, users):
    # Regression: this raised a bare ValueError.
    ivy = users[Role.INSPECTOR]
    with pytest.raises(ValidationError, match="superuser") as info:
        svc.set_role(ctx.as_actor(users[Role.ADMIN]), ivy.id, "superuser")
    assert info.value.field == "role"
    assert svc.find_user(ctx, ivy.id).role is Role.INSPECTOR


def test_the_first_user_is_an_administrator_whoever_creates_it(ctx):
    from inspector_app.services.context import SYSTEM

    with pytest.raises(ValidationError, match="first user must be an administrator"):
        svc.create_user(ctx.as_actor(SYSTEM), "Ivy", Role.INSPECTOR)
    assert svc.count_users(ctx) == 0


def test_the_last_active_administrator_stays_one(ctx, users):
    admin = ctx.as_actor(users[Role.ADMIN])
    me = users[Role.ADMIN].id
    for change in (lambda: svc.set_role(admin, me, Role.INSPECTOR),
                   lambda: svc.deactivate(admin, me)):
        with pytest.raises(ValidationError, match="last administrator"):
            change()
    # A second administrator, deactivated, does not count.
    ann = svc.create_user(admin, "Ann Admin", Role.ADMIN)
    svc.deactivate(admin, ann.id)
    with pytest.raises(ValidationError, match="last administrator"):
        svc.set_role(admin, me, Role.QUALITY_MANAGER)
    svc.set_active(admin, ann.id, True)
    svc.set_role(admin, me, Role.QUALITY_MANAGER)  # Ann is active now
    rows = {r.display_name: r for r in svc.list_accounts(ctx.as_actor(ann))}
    assert (rows["Admin"].role, rows["Ann Admin"].role) == (Role.QUALITY_MANAGER, Role.ADMIN)
    with pytest.raises(ValidationError, match="Ann Admin is the last administrator"):
        svc.deactivate(ctx.as_actor(ann), ann.id)


def test_the_users_accounts_are_for_administrators(ctx, users):
    from inspector_app.services.passwords import set_password

    admin = ctx.as_actor(users[Role.ADMIN])
    set_password(admin, users[Role.INSPECTOR].id, "secret1")
    svc.deactivate(admin, users[Role.MERCHANT_MANAGER].id)
    rows = svc.list_accounts(admin)
    assert [r.display_name for r in rows] == sorted(r.display_name for r in rows)
    by_name = {r.display_name: r for r in rows}
    assert by_name["Ivy Inspector"].has_password and not by_name["Admin"].has_password
    assert not by_name["Mia Merchant-Manager"].active
    assert svc.manage_users_reason(admin) is None
    qm = ctx.as_actor(users[Role.QUALITY_MANAGER])
    assert "may not manage users" in (svc.manage_users_reason(qm) or "")
    # Anyone else reads the roster only: no passwords, no logins.
    roster = {r.display_name: r for r in svc.list_accounts(qm)}
    assert set(roster) == set(by_name)
    assert not roster["Ivy Inspector"].has_password
    assert not roster["Mia Merchant-Manager"].active
    assert all(r.login is None for r in roster.values())
    with pytest.raises(PermissionDenied):
        svc.set_active(qm, users[Role.MERCHANT_MANAGER].id, True)
    svc.set_active(admin, users[Role.MERCHANT_MANAGER].id, True)
    assert svc.find_user(ctx, "Mia Merchant-Manager").role is Role.MERCHANT_MANAGER
