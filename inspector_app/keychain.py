"""A team server's password in the operating system's keyring, when the person asks for it.

Optional: it needs the `keyring` package (`pip install keyring`) and a keyring that keeps
secrets encrypted (the Secret Service on Linux, the macOS Keychain, Windows' Credential
Locker). A password is never written to a plain file: keyring's plain-text backends (the
`keyrings.alt` file keyrings) and the "fail"/"null" backends count as no keyring. Without
one, `unavailable()` says why and the login dialog keeps its "Remember" box off.

Entries are keyed by the server and database (`postgresql://host:port/database`) and the
login, so the same login on two servers keeps two passwords. Every keyring error is logged
and treated as "nothing remembered": a broken keyring never stops a login.
"""

from __future__ import annotations

import logging
import sys

from sqlalchemy.engine import URL, make_url

from inspector_app.domain.messages import t

logger = logging.getLogger(__name__)

#: The keyring "service" of every entry (what the OS keyring manager shows).
SERVICE = "Inspector team server"
#: Backends that keep nothing, or keep it in a plain file: not a place for a password.
_NOT_SAFE = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt.file",
             "keyrings.alt.Gnome")


def _backend():
    """The keyring backend in use, or (None, why not)."""
    try:
        import keyring
    except ImportError:
        if getattr(sys, "frozen", False):  # the built program does not bundle it (packaging/)
            return None, t("This installation cannot remember passwords (no keyring support)")
        return None, t("Install the keyring package to remember the password")
    try:
        backend = keyring.get_keyring()
    except Exception as exc:  # noqa: BLE001 - a misconfigured keyring: say so, go on
        logger.warning("keyring: %s", exc)
        return None, t("The system keyring cannot be used: {problem}", problem=exc)
    module = type(backend).__module__
    if module.startswith(_NOT_SAFE) or getattr(backend, "priority", 0) <= 0:
        return None, t("No system keyring that encrypts passwords is available")
    return backend, None


def unavailable() -> str | None:
    """Why no password can be remembered here, or None when it can."""
    return _backend()[1]


def entry(server_url: str | URL) -> str:
    """The keyring service name of one team database (no login, no password)."""
    url = make_url(server_url)
    return f"{SERVICE} {url.host or 'localhost'}:{url.port or 5432}/{url.database or ''}"


def get(server_url: str | URL, login: str) -> str | None:
    backend, _why = _backend()
    if backend is None or not login:
        return None
    try:
        return backend.get_password(entry(server_url), login)
    except Exception as exc:  # noqa: BLE001 - see the module's text
        logger.warning("keyring: cannot read the password of %s: %s", login, exc)
        return None


def remember(server_url: str | URL, login: str, password: str) -> bool:
    """Keep the password; False (logged) when the keyring refused."""
    backend, why = _backend()
    if backend is None:
        logger.info("keyring: not remembering the password of %s: %s", login, why)
        return False
    try:
        backend.set_password(entry(server_url), login, password)
    except Exception as exc:  # noqa: BLE001 - see the module's text
        logger.warning("keyring: cannot keep the password of %s: %s", login, exc)
        return False
    logger.info("keyring: remembered the password of %s", login)
    return True


def forget(server_url: str | URL, login: str) -> None:
    """Remove a remembered password (nothing when there is none)."""
    backend, _why = _backend()
    if backend is None or not login:
        return
    try:
        if backend.get_password(entry(server_url), login) is not None:
            backend.delete_password(entry(server_url), login)
            logger.info("keyring: forgot the password of %s", login)
    except Exception as exc:  # noqa: BLE001 - see the module's text
        logger.warning("keyring: cannot remove the password of %s: %s", login, exc)
