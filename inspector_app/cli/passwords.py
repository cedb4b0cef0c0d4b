"""Reading a password: standard input when it is not a terminal (scripts pipe it), else
asked without echo (twice for a new one)."""

from __future__ import annotations

import getpass
import logging
import sys

from inspector_app.domain.errors import ValidationError
from inspector_app.domain.messages import t

logger = logging.getLogger(__name__)


def read_password(prompt: str, *, new: bool = False) -> str:
    stdin = sys.stdin
    if stdin is None or not stdin.isatty():
        line = stdin.readline() if stdin is not None else ""
        password = line.rstrip("\r\n")
        if not password:
            raise ValidationError(t("No password on standard input"))
        return password
    password = getpass.getpass(prompt)
    if new and getpass.getpass(t("Again: ")) != password:
        raise ValidationError(t("The two passwords differ"))
    if not password:
        raise ValidationError(t("No password given"))
    return password
