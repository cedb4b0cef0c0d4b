"""Errors in the GUI: the excepthook (log + one dialog per storm) and `show_error` for dialogs."""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from types import TracebackType

from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from inspector_app.domain.errors import InspectorError, ValidationError
from inspector_app.ui.i18n import tr

logger = logging.getLogger(__name__)

#: Tracebacks kept in the details of the one open dialog (an exception storm can be long).
MAX_DETAILS = 5


def format_exception(exc: BaseException) -> str:
    return "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))


class ExceptionReporter(QObject):
    """Shows unexpected exceptions: at most one dialog at a time, later ones are counted.

    Exceptions may come from any thread; the dialog is always shown from the GUI thread
    (the signal is queued when emitted elsewhere).
    """

    _report = Signal(str, str)

    def __init__(self, log_file: str = "") -> None:
        super().__init__()
        self.log_file = log_file
        self.dialog_open = False
        self.suppressed = 0
        self.shown = 0
        self._pending: list[str] = []
        self._report.connect(self._on_report)

    def report(self, summary: str, details: str) -> None:
        self._report.emit(summary, details)

    @Slot(str, str)
    def _on_report(self, summary: str, details: str) -> None:
        if self.dialog_open:
            # Already showing one: keep the evidence in the log, not another dialog.
            self.suppressed += 1
            if len(self._pending) < MAX_DETAILS:
                self._pending.append(details)
            return
        self.dialog_open = True
        self.shown += 1
        try:
            show_unexpected(QApplication.activeWindow(), summary, details, self.log_file)
        finally:
            self.dialog_open = False
            if self.suppressed:
                logger.info("%d more unexpected errors while the dialog was open", self.suppressed)
            self.suppressed = 0
            self._pending.clear()


_reporter: ExceptionReporter | None = None
_previous_hook = sys.excepthook


def install_excepthook(log_file: str = "") -> ExceptionReporter:
    """Route uncaught exceptions (GUI thread, Qt slots, worker threads) to the log and a dialog."""
    global _reporter
    if _reporter is None:
        _reporter = ExceptionReporter(log_file)
    else:
        _reporter.log_file = log_file
    sys.excepthook = excepthook
    threading.excepthook = _thread_hook
    return _reporter


def uninstall_excepthook() -> None:
    sys.excepthook = _previous_hook
    threading.excepthook = threading.__excepthook__


def excepthook(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> None:
    """Log the exception with its traceback and report it in (at most) one dialog."""
    if issubclass(exc_type, KeyboardInterrupt):
        QApplication.quit()
        return
    details = "".join(traceback.format_exception(exc_type, exc, tb))
    logger.error("Unexpected error: %s", exc, exc_info=(exc_type, exc, tb))
    app = QApplication.instance()
    if app is None or _reporter is None:
        sys.__excepthook__(exc_type, exc, tb)
        return
    summary = f"{exc_type.__name__}: {exc}"
    _reporter.report(summary, details)


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is not None:
        excepthook(args.exc_type, args.exc_value, args.exc_traceback)


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """Show an error: an InspectorError's message as is, anything else as unexpected (logged)."""
    if isinstance(exc, InspectorError):
        logger.info("Refused: %s", exc)
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(tr("Inspector"))
        box.setText(str(exc))
        if isinstance(exc, ValidationError):
            box.setWindowTitle(tr("Please check your input"))
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.exec()
        return
    logger.error("Unexpected error: %s", exc, exc_info=(type(exc), exc, exc.__traceback__))
    log_file = _reporter.log_file if _reporter is not None else ""
    show_unexpected(parent, f"{type(exc).__name__}: {exc}", format_exception(exc), log_file)


def show_unexpected(parent: QWidget | None, summary: str, details: str, log_file: str = "") -> None:
    """The dialog for an unexpected error: what happened, where the log is, copyable details."""
    app = QApplication.instance()
    if app is None or QThread.currentThread() is not app.thread():
        logger.error("show_unexpected called outside the GUI thread: %s", summary)
        return
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(tr("Unexpected error"))
    box.setText(tr("Something went wrong. Your data is safe; the last action may not have completed."))
    info = summary
    if log_file:
        info += "\n\n" + tr("The details were written to the log file:\n%1").replace("%1", log_file)
    box.setInformativeText(info)
    box.setDetailedText(details)
    copy = box.addButton(tr("Copy details"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)
    # The copy button must not close the box.
    copy.clicked.disconnect()
    copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(f"{summary}\n\n{details}"))
    box.exec()
