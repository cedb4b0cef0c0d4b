"""The argument parser every command shares: one-line errors, global options, argument types."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from inspector_app.cli.translated import TranslatedHelpFormatter
from inspector_app.domain.messages import t, tc

if TYPE_CHECKING:
    from inspector_app.cli.invocation import Invocation

logger = logging.getLogger(__name__)

#: Exit status of a user error: bad arguments, a missing file, an InspectorError.
EXIT_USAGE = 2
#: What --lang accepts.
LANGUAGES = ("en", "zh_CN")


def lang_option(argv: Sequence[str]) -> str | None:
    """The value of --lang in `argv` (read before the parser is built, so that its help
    texts are in that language), else None."""
    for i, arg in enumerate(argv):
        if arg == "--":
            return None
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


class CommandParser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are one line on stderr (exit 2), not a usage dump."""

    def error(self, message: str) -> NoReturn:
        from inspector_app.cli.safety import one_line

        hint = t("{message} (see '{help}')", message=message, help=f"{self.prog} --help")
        sys.stderr.write(one_line(f"{self.prog}: {t('error')}: {hint}") + "\n")
        raise SystemExit(EXIT_USAGE)


def global_options(*, suppress_defaults: bool) -> argparse.ArgumentParser:
    """--db, --data-dir and -v, accepted before and after the command name.

    Sub-commands get a copy with suppressed defaults, so a value given before the command
    is not overwritten by the sub-command's default.
    """
    default = argparse.SUPPRESS if suppress_defaults else None
    p = CommandParser(add_help=False)
    g = p.add_argument_group("global options")
    g.add_argument(
        "--db",
        metavar="URL",
        default=default,
        help="database URL, or the path of a SQLite file (default: INSPECTOR_DB_URL, else the "
        "SQLite file in the data folder)",
    )
    g.add_argument(
        "--data-dir",
        metavar="DIR",
        default=default,
        help="data folder for the database, photos, backups and logs "
        "(default: INSPECTOR_DATA_DIR, else the per-user data folder)",
    )
    g.add_argument(
        "--lang",
        metavar="LANG",
        choices=LANGUAGES,
        default=default,
        help="language of messages, tables and help: en or zh_CN (default: INSPECTOR_LANGUAGE, "
        "else LC_ALL / LC_MESSAGES / LANG)",
    )
    g.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        default=argparse.SUPPRESS if suppress_defaults else False,
        help="log progress to stderr",
    )
    return p


_SUB_GLOBALS = global_options(suppress_defaults=True)


def add_command(
    subparsers: argparse._SubParsersAction,
    name: str,
    handler: Callable[[Invocation], int] | None,
    *,
    help: str,
    description: str | None = None,
    epilog: str | None = None,
) -> CommandParser:
    """Add one (sub-)command that runs `handler(invocation)` and accepts the global options."""
    parser = subparsers.add_parser(
        name,
        help=help,
        description=description or help[:1].upper() + help[1:] + ".",
        epilog=epilog,
        parents=[_SUB_GLOBALS],
        formatter_class=TranslatedHelpFormatter,
    )
    if handler is not None:
        parser.set_defaults(handler=handler)
    return parser


def add_acting_user(parser: argparse.ArgumentParser) -> None:
    """--as USER for commands that change data."""
    parser.add_argument(
        "--as",
        dest="acting_user",
        metavar="USER",
        help="act as this user (id or display name; default: the INSPECTOR_USER variable)",
    )


def iso_date(text: str) -> date:
    """An argument type for YYYY-MM-DD dates."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            t("'{value}' is not a date (use YYYY-MM-DD)", value=shown(text))
        ) from None


def month_arg(text: str) -> str:
    """YYYY-MM, a real month of the years FIRST_YEAR-LAST_YEAR."""
    return _period_arg(text, 7)


def year_arg(text: str) -> str:
    """YYYY, a year of FIRST_YEAR-LAST_YEAR."""
    return _period_arg(text, 4)


def _period_arg(text: str, length: int) -> str:
    from inspector_app.domain.errors import ValidationError
    from inspector_app.services.stats import Period

    try:
        period = Period.parse(text)
    except ValidationError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    if len(period.label) != length:
        raise argparse.ArgumentTypeError(
            t("'{value}' is not a month (2026-10)", value=shown(text))
            if length == 7
            else t("'{value}' is not a year (2026)", value=shown(text))
        )
    return period.label


def output_path(text: str) -> Path:
    """A file to write: not empty, not absurdly long (the command refuses existing files)."""
    if not text.strip():
        raise argparse.ArgumentTypeError(t("the file name is empty"))
    if len(text) > MAX_PATH_CHARS:
        raise argparse.ArgumentTypeError(t("the file name is too long"))
    return Path(text).expanduser()


def input_file(text: str) -> Path:
    """A file to read: it must exist and be a regular file (no folder, pipe or device)."""
    from inspector_app.services.input_files import check_input_file

    path = output_path(text)
    try:
        check_input_file(path)
    except Exception as exc:  # noqa: BLE001 - an InspectorError or OSError, said in one line
        raise argparse.ArgumentTypeError(str(exc)) from None
    return path


def add_force(parser: argparse.ArgumentParser) -> None:
    """--force: replace an existing output file."""
    parser.add_argument(
        "--force", action="store_true", help="replace the output file if it exists"
    )


def add_output(parser: argparse.ArgumentParser, what: str) -> None:
    """--out FILE (required) and --force, for commands that write a file."""
    parser.add_argument(
        "--out",
        required=True,
        type=output_path,
        metavar="FILE",
        help=t(
            "{what}; an existing file is refused unless --force. Written to a temporary file "
            "in the same folder and renamed when complete", what=what,
        ),
    )
    add_force(parser)


#: Largest whole number an argument may be (SQLite and PostgreSQL store 64-bit integers).
MAX_INT = 2**63 - 1
#: Longest file name argument (Linux's PATH_MAX).
MAX_PATH_CHARS = 4_096


def shown(text: str, limit: int = 40) -> str:
    """An argument as an error message quotes it: printable, cut to `limit` characters."""
    text = text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    text = "".join(ch if ch.isprintable() else "?" for ch in text)
    return text if len(text) <= limit else text[:limit] + "…"


def any_int(text: str) -> int:
    """A whole number that fits in 64 bits (seeds may be negative)."""
    stripped = text.strip()
    if len(stripped) > 30 or not stripped.lstrip("+-").isdigit() or not stripped.isascii():
        raise argparse.ArgumentTypeError(
            t("'{value}' is not a whole number", value=shown(text))
        ) from None
    value = int(stripped)
    if not -MAX_INT <= value <= MAX_INT:
        raise argparse.ArgumentTypeError(
            t("'{value}' is too large (at most {limit})", value=shown(text), limit=MAX_INT)
        )
    return value


def non_negative_int(text: str) -> int:
    value = any_int(text)
    if value < 0:
        raise argparse.ArgumentTypeError(t("'{value}' must not be negative", value=shown(text)))
    return value


def positive_int(text: str) -> int:
    value = non_negative_int(text)
    if value == 0:
        raise argparse.ArgumentTypeError(t("must be at least 1"))
    return value


def choice_of(values: Sequence[str], what: str) -> Callable[[str], str]:
    """An argument type accepting one of `values` (case-insensitive), naming them when wrong."""

    def parse(text: str) -> str:
        value = text.strip().lower().replace("-", "_")
        if value in values:
            return value
        raise argparse.ArgumentTypeError(t(
            "'{value}' is not a {what}; use one of: {values}",
            value=text, what=_argument_kind(what), values=", ".join(values),
        ))

    parse.__name__ = what
    return parse


def _argument_kind(what: str) -> str:
    """The translated name of what choice_of() accepts ("case status")."""
    return {
        "case status": tc("argument", "case status"),
        "category": tc("argument", "category"),
        "photo role": tc("argument", "photo role"),
        "role": tc("argument", "role"),
        "severity": tc("argument", "severity"),
        "status": tc("argument", "status"),
    }.get(what, what)
