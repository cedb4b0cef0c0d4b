"""Optional passwords of one-laptop users (hashlib.scrypt).

They keep a colleague from switching to someone else in the User menu; they do not protect
the file: whoever can open the SQLite file can read and change it (README). A team server
checks its logins' passwords itself and enforces the roles (db/team.py).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import secrets

from sqlalchemy import select

from inspector_app.db.models import User
from inspector_app.domain.enums import Role
from inspector_app.domain.errors import NotFound, PermissionDenied, ValidationError
from inspector_app.domain.messages import t
from inspector_app.services.context import Context

logger = logging.getLogger(__name__)

#: scrypt cost parameters (n, r, p): ~50 ms and 16 MB here, OWASP's minimum or above.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
#: Shortest password accepted.
MIN_LENGTH = 4


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    key = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P)
    b64 = base64.b64encode
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${b64(salt).decode()}${b64(key).decode()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        kind, n, r, p, salt, key = stored.split("$")
        if kind != "scrypt":
            return False
        want = base64.b64decode(key)
        got = hashlib.scrypt(password.encode("utf-8"), salt=base64.b64decode(salt), n=int(n),
                             r=int(r), p=int(p), dklen=len(want))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, want)


def has_password(ctx: Context, user_id: int) -> bool:
    with ctx.db.read() as s:
        return bool(s.scalar(select(User.password_hash).where(User.id == user_id)))


def check_password(ctx: Context, user_id: int, password: str) -> bool:
    """Whether `password` is this user's (True for a user without a password)."""
    with ctx.db.read() as s:
        stored = s.scalar(select(User.password_hash).where(User.id == user_id))
    return not stored or verify_password(password or "", stored)


def set_password(ctx: Context, user_id: int, password: str | None) -> None:
    """Set (or with None/"" remove) a user's password: the user themself or an admin."""
    actor = ctx.require(action=t("set passwords"))
    if actor.id != user_id and actor.role != Role.ADMIN:
        raise PermissionDenied(t("Only an administrator may set another user's password"))
    if password and len(password) < MIN_LENGTH:
        raise ValidationError(t("A password needs at least {n} characters", n=MIN_LENGTH),
                              field="password")
    with ctx.db.write() as s:
        user = s.get(User, user_id)
        if user is None:
            raise NotFound(t("No user with id {id}", id=user_id))
        user.password_hash = hash_password(password) if password else None
    logger.info("password of user %s %s", user_id, "set" if password else "removed")
