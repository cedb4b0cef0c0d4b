"""`inspector-app`: logging, QApplication, font and translator, the context, first start, window."""

from __future__ import annotations

import argparse
import logging
import logging.handlers
import os
import sys
from collections.abc import Sequence
from functools import partial
from pathlib import Path

# The Qt-free layers first, SQLAlchemy above all: once PySide6 is imported, its import hook
# reads the source of every module imported after it (sqlalchemy.orm takes ~190 ms before
# PySide6 and ~255 ms after). The SQLite dialect is what create_engine would load later.
import sqlalchemy.dialects.sqlite  # noqa: F401

from inspector_app import APP_NAME, APP_ORG, __version__, resources
from inspector_app.domain import messages
from inspector_app.domain.errors import InspectorError
from inspector_app.paths import DataPaths, data_dir
from inspector_app.services.actors import count_users
from inspector_app.services.context import Context, open_context

# isort: split
from PySide6.QtCore import QObject, QSize, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from inspector_app.ui.errors import format_exception, install_excepthook, show_unexpected
from inspector_app.ui.i18n import install_translator, system_language, tr
from inspector_app.ui.settings import (
    CURRENT_USER_ID,
    DAILY_BACKUP,
    DAILY_BACKUP_KEEP,
    LANGUAGE,
    AppSettings,
)

logger = logging.getLogger(__name__)

#: The rotating log file in the data folder's logs/.
LOG_FILE = "inspector.log"
#: Size of one log file and how many old ones are kept.
LOG_BYTES, LOG_COUNT = 2_000_000, 5
#: Context extra set when the login dialog opened the laptop copy offline (docs/sync.md).
OFFLINE_START = "offline_start"
#: First daily-backup check after start-up, then the interval between checks (ms).
BACKUP_FIRST_MS, BACKUP_EVERY_MS = 15_000, 3_600_000


def setup_logging(paths: DataPaths, level: int = logging.INFO) -> Path:
    """Log to a rotating file in the data folder (and warnings to stderr)."""
    paths.logs.mkdir(parents=True, exist_ok=True)
    log_file = paths.logs / LOG_FILE
    root = logging.getLogger()
    root.setLevel(level)
    if not any(getattr(h, "inspector_log", False) for h in root.handlers):
        handler = logging.handlers.RotatingFileHandler(
            log_file, maxBytes=LOG_BYTES, backupCount=LOG_COUNT, encoding="utf-8"
        )
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        handler.inspector_log = True  # type: ignore[attr-defined]
        root.addHandler(handler)
        console = logging.StreamHandler()
        console.setLevel(logging.WARNING)
        console.inspector_log = True  # type: ignore[attr-defined]
        root.addHandler(console)
    return log_file


def _qt_message(mode: QtMsgType, context, message: str) -> None:
    # Qt's own messages go to the log file with everything else.
    level = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
    }.get(mode, logging.ERROR)
    logging.getLogger("qt").log(level, "%s", message)


def install_cjk_font(app: QApplication) -> str | None:
    """Register the bundled CJK font and make it the fallback family; its family name."""
    path = resources.cjk_font_path()
    font_id = QFontDatabase.addApplicationFont(str(path))
    if font_id < 0:
        logger.warning("Could not load the CJK font %s", path)
        return None
    families = QFontDatabase.applicationFontFamilies(font_id)
    if not families:
        return None
    font = QFont(app.font())
    primary = font.family()
    font.setFamilies([primary, families[0]] if primary != families[0] else [primary])
    app.setFont(font)
    logger.debug("CJK fallback font %s after %s", families[0], primary)
    return families[0]


def create_application(argv: Sequence[str]) -> QApplication:
    app = QApplication.instance() or QApplication(list(argv))
    if not isinstance(app, QApplication):  # a QCoreApplication made by someone else
        raise RuntimeError("the desktop application needs a QApplication, not a QCoreApplication")
    app.setOrganizationName(APP_ORG)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    QApplication.setDesktopFileName("inspector-app")  # packaging/linux/inspector-app.desktop
    install_cjk_font(app)
    QApplication.setWindowIcon(application_icon())
    return app


def application_icon() -> QIcon:
    """The application icon (resources/icons, drawn by packaging/make_icon.py), every size."""
    icon = QIcon()
    for size in resources.ICON_SIZES:
        path = resources.icon_path(size)
        if path.is_file():
            icon.addFile(str(path), QSize(size, size))
    return icon


class DailyBackup(QObject):
    """Takes the day's backup in the background (services.backups.rotate_daily), hourly checks."""

    def __init__(self, state, settings: AppSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.settings = settings
        self.running = False
        self.timer = QTimer(self)
        self.timer.setInterval(BACKUP_EVERY_MS)
        self.timer.timeout.connect(self.check)

    def start(self, first_ms: int = BACKUP_FIRST_MS) -> None:
        QTimer.singleShot(first_ms, self.check)
        self.timer.start()

    def check(self) -> None:
        from inspector_app.services import backups
        from inspector_app.ui.tasks import run_task

        if self.running or not self.settings.get(DAILY_BACKUP):
            return
        self.running = True
        run_task(
            partial(backups.rotate_daily, self.state.ctx, self.settings.get(DAILY_BACKUP_KEEP)),
            on_done=self._done,
            on_error=self._failed,
            name="daily_backup",
        )

    def _done(self, folder) -> None:
        self.running = False
        if folder is not None:
            logger.info("Daily backup written to %s", folder)

    def _failed(self, exc: BaseException) -> None:
        # A background chore: log it, do not interrupt the user with a dialog.
        self.running = False
        logger.error("Daily backup failed: %s", exc, exc_info=(type(exc), exc, exc.__traceback__))


def create_main_window(ctx: Context, settings: AppSettings):
    """The application state and main window on an open context (also used by tools/tests)."""
    from inspector_app.ui.main_window import MainWindow
    from inspector_app.ui.state import AppState

    state = AppState(ctx, settings)
    state.restore_actor()
    return state, MainWindow(state, settings)


def _database_exists(paths: DataPaths) -> bool:
    """True unless the database is an SQLite file that is missing or empty (a server counts)."""
    from inspector_app.paths import database_url
    from inspector_app.services.context import sqlite_file

    path = sqlite_file(database_url(None, paths))
    return path is None or (path.exists() and (not path.is_file() or path.stat().st_size > 0))


def _ask_to_create(paths: DataPaths) -> bool:
    """The first start (or a database gone missing): create a new, empty one only if asked."""
    answer = QMessageBox.question(
        None,
        tr("Create a new database?"),
        tr(
            "There is no database at\n%1\n\nCreate a new, empty one? If you have been using "
            "Inspector, choose No and check the data folder, or restore a backup."
        ).replace("%1", str(paths.database)),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def _refuse(message: str, details: str = "") -> int:
    if details:
        show_unexpected(None, message, details)
    else:
        box = QMessageBox(QMessageBox.Icon.Critical, tr("Inspector cannot start"), message)
        box.exec()
    return 2


def _parse(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="inspector-app", description="Inspector desktop application")
    parser.add_argument("--data-dir", help="data folder (default: INSPECTOR_DATA_DIR or the user folder)")
    parser.add_argument("--lang", choices=["en", "zh_CN", "pseudo"],
                        help="language of the user interface (default: INSPECTOR_LANGUAGE, then "
                             "the setting; pseudo: accented and longer, to find clipped text)")
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation on a temporary database (offscreen) and exit 0 if it works",
    )
    # Measuring start-up (tests/perf, packaging): quit once the main window has painted.
    parser.add_argument("--quit-after-paint", action="store_true", help=argparse.SUPPRESS)
    args, _qt_args = parser.parse_known_args(list(argv)[1:])
    return args


def _open_or_log_in(paths: DataPaths, settings: AppSettings) -> Context | None:
    """The context: the local database as today, or a team server after logging in (the
    login is remembered, the password never)."""
    from inspector_app.paths import database_url

    url = database_url(None, paths)
    if not url.startswith("postgresql"):
        return open_context(data_folder=str(paths.root))
    from inspector_app.paths import sqlite_url
    from inspector_app.services.sync.membership import read_file_binding, same_server
    from inspector_app.ui.login import LoginDialog
    from inspector_app.ui.settings import TEAM_LOGIN

    # The login remembered here, else that of this folder's copy of the same server (a
    # laptop that joined from the command line starts online with its own login).
    login = settings.get(TEAM_LOGIN)
    copy = read_file_binding(paths.database)
    if not login and copy is not None and same_server(copy.server_url, url):
        login = copy.login
    dialog = LoginDialog(url, login,
                         lambda u: open_context(u, data_folder=str(paths.root)),
                         paths=paths, offline_opener=lambda: open_context(
                             sqlite_url(paths.database), str(paths.root), create=False))
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.ctx is None:
        return None
    settings.set(TEAM_LOGIN, dialog.login)
    if dialog.offline:  # the status bar says so once the window shows (main)
        dialog.ctx._extras[OFFLINE_START] = True
    return dialog.ctx


def main(argv: Sequence[str] | None = None) -> int:
    """Start the desktop application; the exit code (2 when the database cannot be opened)."""
    argv = list(sys.argv if argv is None else argv)
    args = _parse(argv)
    if args.version:
        from inspector_app.about import version_line

        print(version_line("inspector-app"))
        return 0
    if args.self_test:
        from inspector_app.ui.self_test import run

        return run(argv)
    paths = data_dir(args.data_dir).ensure()
    log_file = setup_logging(paths)
    logger.info("Inspector %s starting; data folder %s", __version__, paths.root)
    try:
        resources.check_resources()
    except resources.ResourcesMissing as exc:
        # One line on stderr and in the log (setup_logging's handlers), and a dialog.
        logger.error("%s", exc)
        QApplication.instance() or QApplication(list(argv))
        return _refuse(str(exc))
    if QApplication.instance() is None:
        qInstallMessageHandler(_qt_message)  # (a test harness keeps its own handler)
    app = create_application(argv)
    settings = AppSettings.for_paths(paths)
    lang = (args.lang or os.environ.get(messages.LANGUAGE_VARIABLE) or settings.get(LANGUAGE)
            or system_language())
    install_translator(lang)
    install_excepthook(str(log_file))

    if not _database_exists(paths) and not _ask_to_create(paths):
        logger.info("No database at %s; the user chose not to create one", paths.database)
        return 0
    try:
        ctx = _open_or_log_in(paths, settings)
        if ctx is None:
            return 0  # the login was cancelled
    except InspectorError as exc:
        logger.error("Cannot open the database: %s", exc)
        return _refuse(str(exc))
    except Exception as exc:
        logger.exception("Cannot open the database")
        return _refuse(tr("The database could not be opened."), format_exception(exc))

    if count_users(ctx) == 0:
        from inspector_app.ui.first_start import FirstStartDialog

        dialog = FirstStartDialog(ctx)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            logger.info("First start cancelled")
            ctx.db.dispose()
            return 0
        # Act as the user just created, not as whoever the demo data added.
        settings.set(CURRENT_USER_ID, dialog.actor.id)
    state, window = create_main_window(ctx, settings)
    window.show()
    if ctx._extras.get(OFFLINE_START):
        window.statusBar().showMessage(tr(
            "Working offline on this laptop's copy: File → Sync when the server answers"), 60_000)
    if args.quit_after_paint:
        from inspector_app.ui.startup_probe import quit_after_first_paint

        quit_after_first_paint(window)
    daily = DailyBackup(state, settings, window)
    daily.start()
    try:
        return app.exec()
    finally:
        from inspector_app.ui.tasks import wait_for_tasks

        wait_for_tasks()
        settings.sync()
        ctx.db.dispose()
        logger.info("Inspector stopped")


if __name__ == "__main__":
    raise SystemExit(main())
