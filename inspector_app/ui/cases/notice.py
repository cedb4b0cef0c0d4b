"""Printing a case's rectification notice: the PDF export runs as a task, then opens."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from inspector_app.domain import clock
from inspector_app.ui import changes
from inspector_app.ui.i18n import tr
from inspector_app.ui.tasks import Task, run_task

logger = logging.getLogger(__name__)


def notice_path(reports_dir: Path, case_number: str) -> Path:
    stamp = clock.local_now().strftime("%Y%m%d-%H%M%S")
    folder = reports_dir / "notices"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{case_number}-notice-{stamp}.pdf"


def _as_tuples(job):
    # reports yield Progress objects; run_task wants (done, total, label).
    while True:
        try:
            step = next(job)
        except StopIteration as stop:
            return stop.value
        yield (step.done, step.total, step.label)


def print_notice(ctx, case_number: str, parent: QWidget, on_done: Callable[[Path], None] | None = None) -> Task:
    """Export the notice PDF off the GUI thread (progress + cancel), then open it."""
    from inspector_app.services import reporting

    out = notice_path(ctx.paths.reports, case_number)

    def job():
        return (yield from _as_tuples(reporting.export_notice(ctx, out, case_number=case_number)))

    def done(path) -> None:
        logger.info("Notice for %s written to %s", case_number, path)
        # Printing marked an open case notified (services.reporting.export_notice).
        changes.notify(changes.CASE)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        if on_done is not None:
            on_done(Path(path))

    return run_task(
        job, done, progress=parent, label=tr("Writing the rectification notice for %1…").replace("%1", case_number),
        name=f"notice {case_number}",
    )
