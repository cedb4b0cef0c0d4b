"""Restarting the application (after a change of language): the same program and arguments,
less what would pin the old language (--lang, INSPECTOR_LANGUAGE)."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QProcess, QProcessEnvironment
from PySide6.QtWidgets import QApplication, QWidget

from inspector_app.domain.messages import LANGUAGE_VARIABLE

logger = logging.getLogger(__name__)


def restart_command(argv: list[str] | None = None, frozen: bool | None = None) -> tuple[str, list[str]]:
    """The program and arguments that start this application again."""
    argv = list(sys.argv if argv is None else argv)
    frozen = getattr(sys, "frozen", False) if frozen is None else frozen
    args: list[str] = []
    rest = iter(argv[1:])
    for arg in rest:
        if arg == "--lang":
            next(rest, None)  # and its value
        elif not arg.startswith("--lang="):
            args.append(arg)
    if frozen:
        return sys.executable, args
    return sys.executable, ["-m", "inspector_app", *args]


def start_again(drop: tuple[str, ...] = ()) -> bool:
    """Start a new instance, detached; True when it started. `drop`: environment variables
    the new instance must not see (INSPECTOR_DB_URL after joining a team on this laptop)."""
    program, args = restart_command()
    process = QProcess()
    process.setProgram(program)
    process.setArguments(args)
    env = QProcessEnvironment.systemEnvironment()
    env.remove(LANGUAGE_VARIABLE)
    for name in drop:
        env.remove(name)
    process.setProcessEnvironment(env)
    started, _pid = process.startDetached()
    logger.info("Restarting: %s %s (%s)", program, " ".join(args), "started" if started else "failed")
    return bool(started)


def restart(window: QWidget) -> bool:
    """Close `window` (it asks about unsaved input first) and start the application again.

    False when the user kept their input or the new instance did not start (the window stays).
    """
    if hasattr(window, "may_quit") and not window.may_quit():
        return False
    if not start_again():
        return False
    window.close()
    QApplication.quit()
    return True
