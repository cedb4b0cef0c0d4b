"""Keeping every bad command line to one line on stderr: arguments, the log file, the system.

Arguments arrive as Python decoded them (non-UTF-8 bytes as lone surrogates, see PEP 383);
they are checked here before a service sees them. The log file is best effort: when it
cannot be written (full disk, read-only data folder) the command says so once and goes on.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import logging.handlers
import sys
from collections.abc import Sequence
from pathlib import Path

from inspector_app.domain.messages import t

logger = logging.getLogger(__name__)

#: Longest command-line argument accepted (a file path stops at 4,096 bytes on Linux).
MAX_ARGUMENT_CHARS = 10_000
#: Longest error line printed; longer messages are cut with an ellipsis.
MAX_LINE_CHARS = 500
#: Arguments that are paths: undecodable bytes are fine in a file name.
PATH_ARGUMENTS = frozenset({"data_dir", "file", "files", "out", "xlsx", "to", "dest", "paths"})


def one_line(text: str, limit: int = MAX_LINE_CHARS) -> str:
    """`text` as one printable line: no line breaks or control characters, cut to `limit`."""
    text = text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    text = " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())
    return text if len(text) <= limit else text[:limit] + "…"


def argv_problem(argv: Sequence[str]) -> str | None:
    """Why the raw arguments are refused before parsing (one far too long), or None."""
    for arg in argv:
        if len(arg) > MAX_ARGUMENT_CHARS:
            return t(
                "an argument of {count} characters is too long (at most {limit})",
                count=f"{len(arg):,}", limit=f"{MAX_ARGUMENT_CHARS:,}",
            )
    return None


def arguments_problem(args: argparse.Namespace) -> str | None:
    """Why the parsed text arguments cannot be used (undecodable bytes, control characters)."""
    from inspector_app.domain.text_rules import text_problem

    for name, value in sorted(vars(args).items()):
        if name in PATH_ARGUMENTS or not isinstance(value, str):
            continue
        problem = text_problem(value, multiline=True)  # a --reason may have line breaks
        if problem:
            option = "--" + name.replace("_", "-")
            if name == "acting_user":
                option = "--as"
            return f"{option} {problem}"  # the problem is already translated
    return None


class BestEffortFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log file that, when it cannot be written, warns once and stops trying."""

    failed = False

    def emit(self, record: logging.LogRecord) -> None:
        if self.failed:
            return
        super().emit(record)

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        if self.failed:
            return
        self.failed = True
        exc = sys.exc_info()[1]
        problem = getattr(exc, "strerror", None) or exc
        print(
            one_line(t(
                "inspector: warning: cannot write the log file {path}: {problem}",
                path=self.baseFilename, problem=problem,
            )),
            file=sys.stderr,
        )
        with contextlib.suppress(OSError):  # the stream could not even be closed
            self.close()


def data_folder_problem(data_dir: str | None) -> str | None:
    """Why --data-dir (or INSPECTOR_DATA_DIR) cannot be the data folder, or None."""
    from inspector_app.paths import data_dir as resolve

    try:
        root = resolve(data_dir).root
    except (OSError, ValueError) as exc:
        return t("the data folder cannot be used: {problem}", problem=exc)
    path = Path(root)
    try:
        if path.exists() and not path.is_dir():
            return t("the data folder {path} is a file, not a folder", path=path)
    except OSError as exc:  # ENAMETOOLONG, ELOOP, EACCES
        return t("the data folder {path} cannot be used: {problem}", path=path,
                 problem=exc.strerror or exc)
    return None
