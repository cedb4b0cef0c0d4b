"""Importing photos from the desktop: dropped or pasted data to files, and the import task.

`files_from_mime(mime)` turns dropped/pasted data into file paths (folders are walked for
photo files); `image_from_mime(mime)` saves a bare image (a screenshot on the clipboard, a
picture dragged from a browser) as a PNG in the data folder's `tmp/` to be imported like a
file. `start_import(...)` runs `services.photos.add_photos` through `run_op`: progress
"n of N", cancel after the current file, and `on_finished(ImportOutcome)` in the GUI thread
(also after a cancel, with what was done).
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from inspector_app.domain import clock
from inspector_app.domain.enums import PhotoRole
from inspector_app.services import photos as photo_service
from inspector_app.services.context import Context
from inspector_app.ui.errors import show_error
from inspector_app.ui.i18n import tr
from inspector_app.ui.ops import run_op
from inspector_app.ui.tasks import DIALOG_DELAY_MS, Task

logger = logging.getLogger(__name__)

#: File name endings looked for inside dropped folders (single files are passed as they are,
#: so that a wrong file is reported rather than silently skipped).
PHOTO_SUFFIXES = (".jpg", ".jpeg", ".jpe", ".png", ".webp", ".heic", ".heif")
#: The file dialog's filter.
FILE_FILTER = "*.jpg *.jpeg *.png *.webp"
#: Most files one drop may bring in (a dropped home folder should not start a 50,000 import).
MAX_FILES = 2000
#: Rejected files listed in the summary's main text (the rest are in its details).
SHOWN_REJECTIONS = 8


def file_dialog_filter() -> str:
    photos, everything = tr("Photos"), tr("All files (*)")
    return f"{photos} (JPEG, PNG, WebP) ({FILE_FILTER} *.JPG *.JPEG *.PNG *.WEBP);;{everything}"


def _walk(folder: Path) -> list[Path]:
    found = []
    for path in sorted(folder.rglob("*")):
        if (
            path.suffix.lower() in PHOTO_SUFFIXES
            and path.is_file()
            and not path.name.startswith(".")
        ):
            found.append(path)
    return found


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given, folders replaced by the photo files in them; duplicates dropped."""
    out: list[Path] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        for p in _walk(path) if path.is_dir() else [path]:
            if p not in seen:
                seen.add(p)
                out.append(p)
            if len(out) >= MAX_FILES:
                logger.info("Drop limited to the first %d files", MAX_FILES)
                return out
    return out


def files_from_mime(mime: QMimeData) -> list[Path]:
    """The local files and folders named in `mime`, folders expanded; [] when none."""
    if not mime.hasUrls():
        return []
    local = [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]
    return expand_paths(p for p in local if p)


def has_importable(mime: QMimeData) -> bool:
    return (mime.hasUrls() and any(u.isLocalFile() for u in mime.urls())) or mime.hasImage()


def image_from_mime(mime: QMimeData, folder: Path) -> Path | None:
    """Save the image carried by `mime` as a PNG under `folder`; None when it has none."""
    if not mime.hasImage():
        return None
    image = mime.imageData()
    if not isinstance(image, QImage) or image.isNull():
        return None
    folder.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="paste-", dir=folder))
    # The name becomes the photo's original name: say what it was and when.
    name = (
        tr("Pasted image %1").replace("%1", clock.local_now().strftime("%Y-%m-%d %H.%M.%S")) + ".png"
    )
    path = work / name
    if not image.save(str(path), "PNG"):
        shutil.rmtree(work, ignore_errors=True)
        raise OSError(f"could not write {path}")
    return path


def temp_folder(ctx: Context) -> Path:
    """Where pasted images wait for their import (inside the data folder, removed after)."""
    return ctx.paths.root / "tmp"


@dataclass
class ImportOutcome:
    """What an import did, file by file, and whether it was cancelled."""

    total: int
    results: list[photo_service.AddResult] = field(default_factory=list)
    cancelled: bool = False

    def by_status(self, status: str) -> list[photo_service.AddResult]:
        return [r for r in self.results if r.status == status]

    @property
    def stored(self) -> list[photo_service.AddResult]:
        return self.by_status(photo_service.STORED)

    @property
    def already(self) -> list[photo_service.AddResult]:
        return self.by_status(photo_service.ALREADY_STORED)

    @property
    def rejected(self) -> list[photo_service.AddResult]:
        return self.by_status(photo_service.REJECTED)

    @property
    def flagged(self) -> list[photo_service.AddResult]:
        """Stored files whose picture is already evidence of another purchase."""
        return [r for r in self.results if r.flag]

    @property
    def photo_ids(self) -> list[int]:
        return [r.photo_id for r in self.results if r.photo_id is not None]

    def summary(self) -> str:
        """One line: 'Photo import: 2 stored, 1 already stored, 0 rejected.' (and a cancel)."""
        text = (
            tr("Photo import: %1 stored, %2 already stored, %3 rejected.")
            .replace("%1", str(len(self.stored)))
            .replace("%2", str(len(self.already)))
            .replace("%3", str(len(self.rejected)))
        )
        if self.cancelled and len(self.results) < self.total:
            left = self.total - len(self.results)
            text += " " + tr("Cancelled; files not imported: %1.").replace("%1", str(left))
        return text


def _import_steps(
    outcome: ImportOutcome, results: Iterable[photo_service.AddResult], names: list[str]
):
    """The generator run_task drives: one step per file, so a cancel stops after a file."""
    total = outcome.total
    yield (
        0,
        total,
        tr("Importing photo %1 of %2: %3")
        .replace("%1", "1")
        .replace("%2", str(total))
        .replace("%3", names[0] if names else ""),
    )
    try:
        for result in results:
            outcome.results.append(result)
            done = len(outcome.results)
            if done < total:
                label = (
                    tr("Importing photo %1 of %2: %3")
                    .replace("%1", str(done + 1))
                    .replace("%2", str(total))
                    .replace("%3", names[done])
                )
            else:
                label = tr("Imported %1 of %2").replace("%1", str(done)).replace("%2", str(total))
            yield done, total, label
    finally:
        close = getattr(results, "close", None)
        if close is not None:
            close()
    return outcome


class _ImportProgress:
    """The import's progress dialog, owned here rather than by run_task.

    QProgressDialog.setValue runs the event loop once the dialog shows, so the task may
    finish inside it; this object never touches the dialog again after it is closed.
    """

    def __init__(self, parent: QWidget, total: int) -> None:
        self.dialog: QProgressDialog | None = QProgressDialog(
            tr("Importing photos…"), tr("Cancel"), 0, max(total, 1), parent
        )
        self.dialog.setWindowTitle(tr("Photo import"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(DIALOG_DELAY_MS)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.setMinimumWidth(420)
        self.dialog.setValue(0)
        self.task: Task | None = None
        self.dialog.canceled.connect(self._cancel)

    def _cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
        if self.dialog is not None:
            self.dialog.setLabelText(tr("Cancelling after the current photo…"))

    def update(self, done: int, total: int, label: str) -> None:
        dialog = self.dialog
        if dialog is None or (self.task is not None and self.task.is_cancelled):
            return
        dialog.setLabelText(label)
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, total))  # may run the event loop: nothing after this

    def close(self) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.canceled.disconnect(self._cancel)
            dialog.reset()
            dialog.hide()
            dialog.deleteLater()


def start_import(
    ctx: Context,
    paths: list[Path],
    owner: dict[str, int],
    role: PhotoRole,
    *,
    parent: QWidget,
    on_finished: Callable[[ImportOutcome], None],
    cleanup: Callable[[], None] | None = None,
) -> Task:
    """Import `paths` for `owner` (e.g. {"purchase_id": 3}) off the GUI thread.

    The role and owner are checked here, at once (so a refusal is raised before any
    progress shows). `on_finished(outcome)` also follows a cancel; an error is shown over
    `parent`. `cleanup` runs after the task ends in any way (in inline mode too).
    """
    results = photo_service.add_photos(ctx, paths, role=role, **owner)
    outcome = ImportOutcome(total=len(paths))
    progress = _ImportProgress(parent, len(paths))

    ended: list[bool] = []

    def end() -> None:  # once, whatever the outcome (also after an unexpected error)
        if ended:
            return
        ended.append(True)
        progress.close()
        if cleanup is not None:
            cleanup()

    def finished(_value: object = None) -> None:
        end()
        on_finished(outcome)

    def cancelled() -> None:
        outcome.cancelled = True
        end()
        on_finished(outcome)

    def failed(exc: BaseException) -> None:
        end()
        show_error(parent, exc)  # a refusal; anything else run_op shows itself

    # Each photo commits on its own (services.photos.add_photos): a cancel keeps those done.
    task = run_op(
        parent, ctx, partial(_import_steps, outcome, results, [p.name for p in paths]),
        on_success=finished, on_failure=failed, on_cancel=cancelled, on_progress=progress.update,
        on_finished=end, label=tr("Importing photos…"), slow=True, cancellable=True, transaction=False, dialog=False,
    ).task
    assert task is not None
    progress.task = task
    return task


def show_summary(parent: QWidget, outcome: ImportOutcome) -> None:
    """The import summary as a message box; each rejected file with its reason, each flagged
    one with its flag."""
    box = QMessageBox(parent)
    box.setWindowTitle(tr("Photo import"))
    warn = outcome.rejected or outcome.flagged
    box.setIcon(QMessageBox.Icon.Warning if warn else QMessageBox.Icon.Information)
    box.setText(outcome.summary())
    lines = [r.reason for r in outcome.rejected]
    info = ""
    if lines:
        info = (
            tr("Not imported:") + "\n" + "\n".join(f"• {line}" for line in lines[:SHOWN_REJECTIONS])
        )
        if len(lines) > SHOWN_REJECTIONS:
            info += "\n" + tr("…and %1 more (see the details).").replace(
                "%1", str(len(lines) - SHOWN_REJECTIONS)
            )
    if outcome.already:
        info += (
            ("\n\n" if info else "")
            + tr("Already attached:")
            + "\n"
            + "\n".join(f"• {r.path.name}" for r in outcome.already[:SHOWN_REJECTIONS])
        )
    if outcome.flagged:
        info += (
            ("\n\n" if info else "")
            + tr("Stored, but already evidence of another purchase:")
            + "\n"
            + "\n".join(f"• {r.path.name}: {r.flag}" for r in outcome.flagged[:SHOWN_REJECTIONS])
        )
    box.setInformativeText(info)
    if len(lines) > SHOWN_REJECTIONS:
        box.setDetailedText("\n".join(lines))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()
