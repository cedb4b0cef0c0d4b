"""A case's rectification notice: printed on a printer the user chooses, or saved as a PDF
where the user chooses (never over a file without asking). Either way the notice is written
and archived by the service, which marks an open case notified (services.reporting)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from inspector_app.domain import clock
from inspector_app.ui import pdf_print
from inspector_app.ui.confirm import confirm
from inspector_app.ui.i18n import tr
from inspector_app.ui.ops import run_op
from inspector_app.ui.reports.files import FolderMemory, pdf_filter
from inspector_app.ui.tasks import Task

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


def _export(ctx, case_number: str, out: Path, parent: QWidget, done: Callable[[Path], None],
            force: bool = False) -> Task:
    """Write the notice off the GUI thread (progress + cancel); `done(path)` on the GUI thread."""
    from inspector_app.services import reporting

    def job():
        return (yield from _as_tuples(
            reporting.export_notice(ctx, out, case_number=case_number, force=force)))

    def finished(path) -> None:
        logger.info("Notice for %s written to %s", case_number, path)
        done(Path(path))

    # Writing it archives the notice and marks an open case notified, in one transaction of
    # its own (services.reporting.export_notice), not held while the pages are drawn.
    op = run_op(
        parent, ctx, job, on_success=finished, slow=True, cancellable=True, transaction=False,
        label=tr("Writing the rectification notice for %1…").replace("%1", case_number),
    )
    assert op.task is not None
    return op.task


def print_notice(ctx, case_number: str, parent: QWidget,
                 on_done: Callable[[Path, int], None] | None = None) -> Task | None:
    """Ask for a printer first (cancelling changes nothing), then write the notice into the
    data folder's notices/ and print it there; `on_done(path, pages printed)`."""
    printer = pdf_print.ask_printer(
        parent, tr("Rectification notice %1").replace("%1", case_number))
    if printer is None:
        return None

    def done(path: Path) -> None:
        # The pages are drawn on a worker too, with progress and Cancel (ui/pdf_print.py).
        pdf_print.print_pdf_task(
            printer, path, parent,
            None if on_done is None else (lambda pages: on_done(path, pages)))

    return _export(ctx, case_number, notice_path(ctx.paths.reports, case_number), parent, done)


def ask_new_pdf(parent: QWidget, title: str, start: Path) -> tuple[Path, bool] | None:
    """Where to save a PDF, and whether an existing file there may be replaced (asked here,
    No by default); None when the user cancelled either question."""
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, title, str(start), pdf_filter(), "",
        QFileDialog.Option.DontConfirmOverwrite,
    )
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    exists = path.exists()
    if exists and not confirm(parent, tr("Replace file?"),
                              tr("%1 already exists. Replace it?").replace("%1", str(path))):
        return None
    return path, exists


def save_notice_pdf(ctx, settings, case_number: str, parent: QWidget,
                    on_done: Callable[[Path], None] | None = None) -> Task | None:
    """Ask where, then write the notice there (archived: a saved notice is one sent)."""
    memory = FolderMemory(settings)
    stamp = clock.today().strftime("%Y%m%d")
    answer = ask_new_pdf(parent, tr("Save notice %1 as PDF").replace("%1", case_number),
                         memory.folder / f"{case_number}-notice-{stamp}.pdf")
    if answer is None:
        return None
    out, replace = answer
    memory.remember(out)

    def done(path: Path) -> None:
        if on_done is not None:
            on_done(path)

    return _export(ctx, case_number, out, parent, done, force=replace)
