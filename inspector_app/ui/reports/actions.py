"""What the report buttons do: preview, save, print and reproduce, each as a task with cancel."""

from __future__ import annotations

import inspect
import logging
import shutil
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from inspector_app.ui import pdf_print
from inspector_app.ui.i18n import tr
from inspector_app.ui.ops import run_op
from inspector_app.ui.reports import jobs, kinds
from inspector_app.ui.reports.files import FolderMemory, ask_save_path, open_folder
from inspector_app.ui.reports.jobs import PreviewDocument
from inspector_app.ui.reports.kinds import ReportRequest
from inspector_app.ui.reports.preview import PreviewPane
from inspector_app.ui.tasks import Task

logger = logging.getLogger(__name__)


def document_title(req: ReportRequest) -> str:
    """What a document is, for titles and progress labels."""
    if req.kind == kinds.NOTICE_CASE:
        return tr("Rectification notice for %1").replace("%1", req.case_number)
    if req.kind == kinds.NOTICE_MERCHANT:
        return tr("Rectification notice for the open cases of %1").replace("%1", req.shop_id)
    if req.kind == kinds.MONTHLY:
        return tr("Quality report for %1").replace("%1", req.period)
    if req.kind == kinds.ANNUAL:
        return tr("Annual quality report %1").replace("%1", req.period)
    return tr(req.spec.title)


class ReportActions(QObject):
    """Runs the report jobs for the screen; emits what happened so the screen can update."""

    #: A file was written (its path).
    saved = Signal(object)
    #: A report was generated and archived (preview or save): the archive list is out of date.
    archived = Signal()
    #: The previewed document changed (None: no preview).
    preview_changed = Signal(object)

    def __init__(self, env, parent: QWidget, preview: PreviewPane, memory: FolderMemory) -> None:
        super().__init__(parent)
        self.env = env
        self.parent_widget = parent
        self.preview = preview
        self.memory = memory
        self.document: PreviewDocument | None = None
        #: The data changed since the preview was made: Save as… writes the report afresh.
        self.document_stale = False
        self.task: Task | None = None
        jobs.purge_old_previews(env.ctx.paths.reports)

    # -- preview -------------------------------------------------------------------------

    def preview_request(self, req: ReportRequest, then=None) -> Task | None:
        """Write the report into a preview folder and show its pages; `then(doc)` afterwards."""
        if not req.spec.is_pdf:
            self.preview.show_message(
                tr("Workbooks have no preview here: save the workbook and open it in your "
                   "spreadsheet program."),
                document_title(req),
            )
            return None
        folder = jobs.new_preview_folder(self.env.ctx.paths.reports)
        title = document_title(req)

        def done(doc: PreviewDocument) -> None:
            self._set_document(doc)
            self.archived.emit()
            if then is not None:
                then(doc)

        return self._run(
            partial(jobs.preview_job, self.env.ctx, req, folder), done,
            tr("Preparing the preview: %1…").replace("%1", title), f"preview {req.kind}",
        )

    def _set_document(self, doc: PreviewDocument | None) -> None:
        old, self.document = self.document, doc
        self.document_stale = False
        if old is not None and (doc is None or old.folder != doc.folder):
            shutil.rmtree(old.folder, ignore_errors=True)
        if doc is None:
            self.preview_changed.emit(None)
            return
        title = document_title(doc.request)
        if doc.pages:
            pages_text = tr("%n page(s)", None, len(doc.pages))
            self.preview.show_pages(f"{title} — {pages_text}", list(doc.pages))
        elif doc.note == "no-pdftoppm":
            self.preview.show_message(
                tr("The preview needs poppler-utils (the pdftoppm program), which is not "
                   "installed. The report is ready: use Save as… to keep it."),
                title,
            )
        else:
            self.preview.show_message(
                tr("The pages could not be drawn (%1). The report is ready: use Save as… "
                   "to keep it.").replace("%1", doc.note),
                title,
            )
        self.preview_changed.emit(doc)

    def forget_preview(self) -> None:
        """The choice changed: the preview no longer shows it."""
        if self.document is not None:
            self._set_document(None)
            self.preview.show_message(
                tr("Press Preview to see the report you chose.")
            )

    def data_changed(self) -> None:
        """The data changed since the preview: say so; Save as… writes the report afresh."""
        if self.document is not None and not self.document_stale:
            self.document_stale = True
            self.preview.set_banner(
                tr("The data changed since this preview was made. Press Preview to see the "
                   "report as it would be now.")
            )

    def current_document(self, req: ReportRequest) -> PreviewDocument | None:
        doc = self.document
        return doc if doc is not None and doc.request == req and not self.document_stale else None

    # -- save ----------------------------------------------------------------------------

    def save_request(self, req: ReportRequest) -> Task | None:
        """Ask where, then write the report there (and archive it: a preview is not archived)."""
        out = ask_save_path(
            self.parent_widget, self.memory, tr("Save %1").replace("%1", document_title(req)),
            kinds.default_file_name(req),
        )
        if out is None:
            return None

        def done(path) -> None:
            self._saved(Path(path), _gate_note(path))
            if req.spec.is_pdf:
                self.archived.emit()

        return self._run(
            partial(jobs.save_job, self.env.ctx, req, out), done,
            tr("Writing %1…").replace("%1", out.name), f"save {req.kind}",
        )

    def reproduce(self, archive_id: int, period: str) -> Task | None:
        """Write an archived quality report again to a file the user chooses."""
        out = ask_save_path(
            self.parent_widget, self.memory, tr("Reproduce archived report"),
            f"{period}-quality-report-as-issued-{archive_id}.pdf",
        )
        if out is None:
            return None
        job = partial(jobs.guarded_reproduce, self.env.ctx, archive_id, out)
        return self._run(job, lambda path: self._saved(Path(path)),
                         tr("Writing %1…").replace("%1", out.name), "reproduce")

    def _saved(self, path: Path, note: str = "") -> None:
        self.memory.last_file = path
        self.memory.remember(path)
        logger.info("Saved %s", path)
        self.env.show_status(" ".join(x for x in (tr("Saved %1").replace("%1", str(path)), note) if x))
        self.saved.emit(path)

    # -- print and folder ----------------------------------------------------------------

    def can_print(self) -> bool:
        return pdf_print.printing_available()

    def print_request(self, req: ReportRequest) -> Task | None:
        """Print the previewed document (writing the preview first when needed)."""
        doc = self.current_document(req)
        if doc is not None:
            self._print(doc)
            return None
        return self.preview_request(req, then=self._print)

    def _print(self, doc: PreviewDocument) -> None:
        """Qt's print dialog, then the PDF's pages drawn at the printer's resolution
        (ui/pdf_print.py; no page images or pdftoppm needed)."""
        title = document_title(doc.request)
        printer = pdf_print.ask_printer(self.parent_widget, title, pdf_print.page_count(doc.pdf))
        if printer is None:
            return

        def printed(pages: int) -> None:
            if pages:
                self.env.show_status(tr("Sent %n page(s) to the printer", None, pages))

        pdf_print.print_pdf_task(printer, doc.pdf, self.parent_widget, printed)

    def open_folder(self) -> None:
        target = self.memory.last_file if self.memory.last_file else self.memory.folder
        open_folder(target)

    # -- running -------------------------------------------------------------------------

    def busy(self) -> bool:
        return self.task is not None and not self.task.is_done

    def _run(self, job, done, label: str, name: str) -> Task | None:
        if self.busy():
            return None
        # An export archives what it wrote (a notice also marks its cases notified) in one
        # transaction of its own, not held while the pages are drawn.
        self.task = run_op(
            self.parent_widget, self.env.ctx, job, on_success=done, label=label, step_labels=False,
            on_cancel=lambda: self.env.show_status(tr("Cancelled; nothing was saved.")),
            slow=True, cancellable=inspect.isgeneratorfunction(getattr(job, "func", job)),
            transaction=False,
        ).task
        return self.task


def _gate_note(path: object) -> str:
    """What the privacy gate did for a merchant-facing file ("" for internal files)."""
    redacted = getattr(path, "redacted", None)
    if redacted is None:
        return ""
    note = tr("Private values redacted: %1.").replace("%1", str(redacted))
    missing = getattr(path, "undrawable", "")
    if missing:
        note += " " + tr("Characters no bundled font can draw: %1").replace("%1", " ".join(missing))
    return note
