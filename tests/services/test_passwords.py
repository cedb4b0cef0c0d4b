"""One-laptop passwords (hashlib.scrypt): set by the user or an admin, checked on switching."""

from __future__ import annotations

import pytest

from inspector_app.db.models import User
from inspector_app.domain.enums import Role
from inspector_app.domain.errors import PermissionDenied
from inspector_app.services import passwords


def test_set_check_and_remove_a_password(ctx, users):
    ivy = users[Role.INSPECTOR]
    assert not passwords.has_password(ctx, ivy.id)
    assert passwords.check_password(ctx, ivy.id, "anything")  # no password: nothing to check
    passwords.set_password(ctx.as_actor(ivy), ivy.id, "ivy-secret")
    with ctx.db.read() as s:
        stored = s.get(User, ivy.id).password_hash
    assert stored.startswith("scrypt$") and "ivy-secret" not in stored
    assert passwords.check_password(ctx, ivy.id, "ivy-secret")
    assert not passwords.check_password(ctx, ivy.id, "ivy-secreT")
    passwords.set_password(ctx.as_actor(users[Role.ADMIN]), ivy.id, None)
    assert not passwords.has_password(ctx, ivy.id)


def test_only_the_user_or_an_admin_sets_it(ctx, users):
    with pytest.raises(PermissionDenied):
        passwords.set_password(ctx.as_actor(users[Role.QUALITY_MANAGER]),
                               users[Role.INSPECTOR].id, "x-secret")


def test_two_hashes_of_one_password_differ_and_bad_hashes_do_not_match():
    a, b = passwords.hash_password("同一个密码"), passwords.hash_password("同一个密码")
    assert a != b and passwords.verify_password("同一个密码", a)
    assert not passwords.verify_password("x", "not-a-hash")
