"""The `inspector` command: global options, the command registry, and error handling."""

from __future__ import annotations

import argparse
import contextlib
import importlib
import logging
import logging.handlers
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from inspector_app.cli.invocation import Invocation
from inspector_app.cli.options import EXIT_USAGE, CommandParser, global_options, lang_option
from inspector_app.cli.translated import TranslatedHelpFormatter, install_argparse_words
from inspector_app.domain.messages import t

logger = logging.getLogger(__name__)

#: Modules that add commands; each defines `register(subparsers)`. One line per area.
COMMAND_MODULES: tuple[str, ...] = (
    "inspector_app.cli.cmd_init",
    "inspector_app.cli.cmd_users",
    "inspector_app.cli.cmd_demo",
    "inspector_app.cli.cmd_list",
    "inspector_app.cli.cmd_catalog",
    "inspector_app.cli.cmd_case",
    "inspector_app.cli.cmd_photos",
    "inspector_app.cli.cmd_maintenance",
    "inspector_app.cli.cmd_reports",
    "inspector_app.cli.cmd_risk",
    "inspector_app.cli.cmd_workorders",
    "inspector_app.cli.cmd_review",
    "inspector_app.cli.cmd_goods",
    "inspector_app.cli.cmd_team",
    "inspector_app.cli.cmd_sync",
)

#: Exit status when something unexpected went wrong (the traceback is in the log file).
EXIT_UNEXPECTED = 1
#: Exit status after Ctrl+C.
EXIT_INTERRUPTED = 130
#: The command line's log file, in the data folder's logs/.
LOG_FILE_NAME = "cli.log"

def build_parser() -> CommandParser:
    """The full parser, with every command from COMMAND_MODULES registered."""
    parser = CommandParser(
        prog="inspector",
        description="Inspector: mystery purchases, findings, photos and merchant "
        "rectification cases, from the command line.",
        # A literal, so that tools/messages.py collects it and --help prints it translated
        # like every other help text (the command lines stay as they are typed).
        epilog="""\
examples:
  inspector init
  inspector users add "Admin" --role admin
  inspector demo --purchases 1000
  inspector cases --status open --json
  inspector case advance RC-2026-0042 --to notified --as "Admin"
  inspector photos add --finding 17 --as 王芳 IMG_0012.jpg IMG_0013.jpg
  inspector check

Run 'inspector COMMAND --help' for a command's options. A user error prints one line
on stderr and exits with status 2; --json output is UTF-8 JSON on stdout.
""",
        parents=[global_options(suppress_defaults=False)],
        formatter_class=TranslatedHelpFormatter,
    )
    from inspector_app.about import version_line

    parser.add_argument("--version", action="version", version=version_line("inspector"))
    subparsers = parser.add_subparsers(
        title="commands", metavar="COMMAND", parser_class=CommandParser
    )
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the exit status (0 ok, 1 problems found, 2 user error)."""
    from inspector_app.cli import safety
    from inspector_app.resources import ResourcesMissing, check_resources

    args_seen = sys.argv[1:] if argv is None else list(argv)
    try:  # a broken installation stops here, with one line (before any language is chosen)
        if "--version" not in args_seen:
            check_resources()
    except ResourcesMissing as exc:
        print(f"inspector: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    _use_language_of_environment()
    _prefer_utf8_output()
    argv = list(argv if argv is not None else sys.argv[1:])
    chosen = lang_option(argv)
    if chosen in ("en", "zh_CN"):
        from inspector_app.domain.messages import set_language

        set_language(chosen)
    install_argparse_words()
    problem = safety.argv_problem(argv)
    if problem:
        return _usage_error(problem)
    parser = build_parser()
    try:
        args, extras = parser.parse_known_args(argv)
        if extras:  # named by the command they were given to: its --help lists what it takes
            _command_parser(parser, args).error(
                t("unrecognized arguments: %s") % " ".join(extras))
    except SystemExit as exc:  # --help, --version, or a one-line argument error
        return int(exc.code or 0) if not isinstance(exc.code, str) else EXIT_USAGE
    handler = getattr(args, "handler", None)
    if handler is None:
        return _usage_error(t("say which command to run (see 'inspector --help')"))
    problem = safety.arguments_problem(args) or safety.data_folder_problem(
        getattr(args, "data_dir", None)
    )
    if problem:
        return _usage_error(problem)
    log_file, handlers = _configure_logging(args)
    inv = Invocation(args)
    try:
        from inspector_app.version import app_version

        logger.info("inspector %s: %s", app_version(), safety.one_line(" ".join(argv), 2_000))
        status = int(handler(inv) or 0)
        logger.info("exit %s", status)
        return status
    except KeyboardInterrupt:
        print(f"inspector: {t('interrupted')}", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader (e.g. `| head`) went away: stop quietly, and keep Python from
        # complaining again when it flushes stdout at exit.
        _silence_stdout()
        return 0
    except Exception as exc:  # noqa: BLE001 - the one place every error ends up
        message = _user_error_message(exc) or _damage_message(exc, args)
        if message is not None:
            logger.info("user error: %s", message)
            return _usage_error(message)
        logger.exception("unexpected error")
        where = t(" (details in {log_file})", log_file=log_file) if log_file else ""
        print(
            safety.one_line(
                f"inspector: {t('unexpected error')}: {type(exc).__name__}: {_one_line(exc)}"
            ) + where,
            file=sys.stderr,
        )
        return EXIT_UNEXPECTED
    finally:
        inv.close()
        for h in handlers:  # main() may run again in the same process (tests)
            logging.getLogger("inspector_app").removeHandler(h)
            h.close()


def _command_parser(parser: argparse.ArgumentParser,
                    args: argparse.Namespace) -> argparse.ArgumentParser:
    """The command's own parser (the one that set `args.handler`), else `parser`."""
    handler = getattr(args, "handler", None)
    todo = [parser]
    while todo and handler is not None:
        current = todo.pop()
        if current is not parser and current.get_default("handler") is handler:
            return current
        for action in current._actions:
            if isinstance(action, argparse._SubParsersAction):
                todo.extend(action.choices.values())
    return parser


def _usage_error(message: str) -> int:
    """Print a user error as one line on stderr; the exit status for it."""
    from inspector_app.cli.safety import one_line

    print(one_line(f"inspector: {t('error')}: {message}"), file=sys.stderr)
    return EXIT_USAGE


def _use_language_of_environment() -> None:
    """Messages in the language LC_ALL / LC_MESSAGES / LANG ask for (English or Chinese)."""
    from inspector_app.domain.messages import language_from_environment, set_language

    set_language(language_from_environment())


def _user_error_message(exc: BaseException) -> str | None:
    """The one line to show for an error the user caused, or None for a bug."""
    from inspector_app.domain.errors import InspectorError

    if isinstance(exc, InspectorError):
        return _one_line(exc)
    if isinstance(exc, OSError):
        # A missing file, a full disk, a read-only folder, a name too long: the system's
        # words about the user's path, not a bug.
        name = f"{exc.filename}: " if exc.filename else ""
        return f"{name}{exc.strerror or exc}"
    if isinstance(exc, UnicodeError):
        return t("text that is not valid UTF-8 ({problem})", problem=_one_line(exc))
    from sqlalchemy import exc as sa_exc

    if isinstance(exc, (sa_exc.ArgumentError, sa_exc.NoSuchModuleError)):
        return t("bad database URL: {error}", error=_one_line(exc))
    if isinstance(exc, sa_exc.DBAPIError):
        from inspector_app.db.server_errors import describe_refusal

        refused = describe_refusal(exc)
        if refused is not None:
            return refused
    if isinstance(exc, sa_exc.OperationalError) and not _is_sqlite_error(exc):
        return t("cannot reach the database: {error}", error=_one_line(exc.orig or exc))
    if isinstance(exc, sa_exc.DatabaseError):
        text = str(getattr(exc, "orig", exc))
        if "unable to open database file" in text or "file is not a database" in text:
            return t("cannot open the database: {error}", error=text)
    return None


def _damage_message(exc: BaseException, args: argparse.Namespace) -> str | None:
    """One line for a database found damaged or read-only half-way through a command."""
    import sqlite3

    from sqlalchemy.exc import DBAPIError

    from inspector_app.db.health import damaged, is_damage_error

    if not isinstance(exc, (DBAPIError, sqlite3.DatabaseError)):
        return None
    text = _one_line(getattr(exc, "orig", None) or exc)
    where = _database_path(args)
    if is_damage_error(exc):
        return _one_line(damaged(where or "", text))
    if "readonly database" in text or "read-only" in text:
        return t(
            "The database {path} is read-only; Inspector needs to write to it and to its "
            "folder (check the file's permissions, or copy it somewhere writable).", path=where,
        )
    return None


def _database_path(args: argparse.Namespace) -> str | None:
    from inspector_app.paths import data_dir, database_url
    from inspector_app.services.context import sqlite_file

    try:
        url = database_url(getattr(args, "db", None), data_dir(getattr(args, "data_dir", None)))
        path = sqlite_file(url)
    except Exception:  # noqa: BLE001 - only for the message
        return None
    return str(path) if path else url


def _is_sqlite_error(exc: BaseException) -> bool:
    return type(getattr(exc, "orig", None)).__module__.startswith("sqlite3")


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text or type(exc).__name__


def _configure_logging(args: argparse.Namespace) -> tuple[Path | None, list[logging.Handler]]:
    """Log to logs/cli.log in the data folder (rotating); to stderr too with --verbose."""
    from inspector_app.cli.safety import BestEffortFileHandler, one_line
    from inspector_app.paths import data_dir

    app_logger = logging.getLogger("inspector_app")
    app_logger.setLevel(logging.INFO)
    handlers: list[logging.Handler] = []
    if getattr(args, "verbose", False):
        to_stderr = logging.StreamHandler(sys.stderr)
        to_stderr.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        handlers.append(to_stderr)
    path: Path | None = None
    try:
        logs = data_dir(getattr(args, "data_dir", None)).logs
        logs.mkdir(parents=True, exist_ok=True)
        path = logs / LOG_FILE_NAME
        to_file = BestEffortFileHandler(
            path,
            maxBytes=1_000_000,
            backupCount=3,
            encoding="utf-8",
            errors="backslashreplace",
            delay=True,
        )
        to_file.setFormatter(
            logging.Formatter("%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s")
        )
        handlers.append(to_file)
    except OSError as exc:
        print(
            one_line(f"inspector: warning: cannot write the log file: {exc.strerror or exc}"),
            file=sys.stderr,
        )
        path = None
    for h in handlers:
        app_logger.addHandler(h)
    return path, handlers


def _prefer_utf8_output() -> None:
    """JSON and Chinese names go out as UTF-8 even under a non-UTF-8 locale."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding != "utf8" and hasattr(stream, "reconfigure"):
            with contextlib.suppress(ValueError, OSError):  # a closed or odd stream
                stream.reconfigure(encoding="utf-8", errors="backslashreplace")


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # pragma: no cover
        pass


if __name__ == "__main__":
    raise SystemExit(main())
