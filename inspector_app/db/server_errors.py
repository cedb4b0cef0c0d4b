"""One clear sentence for what goes wrong between the application and a team server."""

from __future__ import annotations

import logging

from sqlalchemy.engine import URL

from inspector_app.domain.messages import t

logger = logging.getLogger(__name__)

#: PostgreSQL's SQLSTATE for "insufficient privilege".
INSUFFICIENT_PRIVILEGE = "42501"


def needs_password(exc: BaseException) -> bool:
    """The server wants a password and none was given."""
    return "no password supplied" in str(getattr(exc, "orig", exc))


#: What libpq and psycopg say when the server could not be reached (not a refusal of the
#: login), by reason (the driver's own text goes to the log, not into the sentence).
_REFUSED = ("Connection refused",)
_UNKNOWN_HOST = ("could not translate host name", "failed to resolve host",
                 "Name or service not known", "Temporary failure in name resolution")
_TIMEOUT = ("timeout expired",)
_NO_ROUTE = ("No route to host", "Network is unreachable")
_DROPPED = ("server closed the connection",)
UNREACHABLE = (*_REFUSED, *_UNKNOWN_HOST, *_TIMEOUT, *_NO_ROUTE, *_DROPPED, "could not connect")


def _reason(text: str) -> str:
    if any(k in text for k in _REFUSED):
        return t("nothing answers at that address and port")
    if any(k in text for k in _UNKNOWN_HOST):
        return t("the server's name is not known")
    if any(k in text for k in _TIMEOUT):
        return t("no answer in time")
    if any(k in text for k in _NO_ROUTE):
        return t("no network route to it")
    if any(k in text for k in _DROPPED):
        return t("the connection was dropped")
    return t("the connection failed")


def unreachable(exc: BaseException) -> bool:
    """The server could not be reached or dropped the connection: a network reason, not a
    refused login (the application then offers to work offline, docs/sync.md)."""
    text = " ".join(str(getattr(exc, "orig", exc)).split())
    if "FATAL" in text or "no password supplied" in text:  # the server answered: refused
        return False
    return any(k in text for k in UNREACHABLE)


def describe_connect_error(exc: BaseException, url: URL) -> str | None:
    """The sentence for a failed connection to a PostgreSQL server, or None if it is not one."""
    text = " ".join(str(getattr(exc, "orig", exc)).split())
    login = url.username or ""
    server = f"{url.host or 'localhost'}:{url.port or 5432}"
    if "password authentication failed" in text or "no password supplied" in text:
        return t("The server {server} refused the login '{login}': wrong password, "
                 "or the login has expired", server=server, login=login)
    if "is not permitted to log in" in text:
        return t("The login '{login}' is disabled on {server}; ask your administrator",
                 login=login, server=server)
    if "permission denied for database" in text:
        return t("The login '{login}' may not use the database {database}",
                 login=login, database=url.database or "")
    if "does not exist" in text and "database" in text:
        return t("There is no database {database} on {server}",
                 database=url.database or "", server=server)
    if "does not exist" in text and "role" in text:
        return t("The server {server} refused the login '{login}': wrong password, "
                 "or the login has expired", server=server, login=login)
    if unreachable(exc):
        logger.info("cannot reach %s: %s", server, text[:300])
        return t("Cannot reach the database server {server}: {reason}. Is it running and on "
                 "the network?", server=server, reason=_reason(text))
    return None


def describe_refusal(exc: BaseException) -> str | None:
    """The sentence for a statement the server refused for lack of privilege."""
    orig = getattr(exc, "orig", None)
    if getattr(orig, "sqlstate", None) != INSUFFICIENT_PRIVILEGE:
        return None
    first = " ".join(str(orig).split("\n")[0].split())
    return t("The team server refused this for your login: {error}", error=first)
