"""db/server_errors.py: one sentence per way a team server cannot be reached, the driver's
own words only in the log; each counts as unreachable (the login dialog then offers Retry
and Work offline), and an answer from the server never does. Real psycopg errors."""

from __future__ import annotations

import socket

import pytest
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from inspector_app.db.server_errors import describe_connect_error, unreachable

psycopg = pytest.importorskip("psycopg")


def _error_from(conninfo: str) -> OperationalError:
    try:
        psycopg.connect(conninfo, connect_timeout=2).close()
    except psycopg.OperationalError as exc:
        return OperationalError("connect", {}, exc)
    raise AssertionError("connected")


def _closed_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def test_nothing_listening_is_unreachable_with_its_reason():
    port = _closed_port()
    exc = _error_from(f"host=127.0.0.1 port={port} user=ivy dbname=team")
    said = describe_connect_error(exc, make_url(f"postgresql+psycopg://ivy@127.0.0.1:{port}/team"))
    assert unreachable(exc)
    assert said == (f"Cannot reach the database server 127.0.0.1:{port}: nothing answers at "
                    "that address and port. Is it running and on the network?")


def test_an_unknown_host_is_unreachable_with_its_reason():
    exc = _error_from("host=no-such-host.invalid user=ivy dbname=team")
    said = describe_connect_error(exc, make_url("postgresql+psycopg://ivy@no-such-host.invalid/team"))
    assert unreachable(exc)
    assert said is not None and "the server's name is not known" in said
    assert "resolve" not in said and "translate" not in said  # the driver's words: log only


def test_a_silent_server_is_unreachable_for_want_of_an_answer():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    s.listen(1)
    try:
        port = s.getsockname()[1]
        exc = _error_from(f"host=127.0.0.1 port={port} user=ivy dbname=team")
    finally:
        s.close()
    said = describe_connect_error(exc, make_url(f"postgresql+psycopg://ivy@127.0.0.1:{port}/team"))
    assert unreachable(exc) and said is not None and "no answer in time" in said


@pytest.mark.parametrize("text", [
    'connection failed: FATAL:  password authentication failed for user "ivy"',
    'connection failed: FATAL:  database "team" does not exist',
])
def test_an_answer_from_the_server_is_never_unreachable(text):
    assert not unreachable(OperationalError("connect", {}, Exception(text)))
