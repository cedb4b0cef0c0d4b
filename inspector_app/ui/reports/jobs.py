"""Export and preview jobs: partial files removed on cancel, PDF pages drawn with pdftoppm."""

from __future__ import annotations

import logging
import re
import secrets
import shutil
import subprocess
import time
from collections.abc import Generator
from dataclasses import dataclass
from pathlib import Path

from inspector_app.domain import clock
from inspector_app.reports.progress import Progress, stage
from inspector_app.ui.reports.kinds import (
    ReportRequest,
    default_file_name,
    export_job,
    reproduce_job,
)

logger = logging.getLogger(__name__)

#: Resolution of the preview page images (also what Print… sends to the printer).
PREVIEW_DPI = 150
#: Seconds between looks at how far pdftoppm has got.
POLL_S = 0.05
#: Preview folders older than this (seconds) are removed when the screen opens.
STALE_PREVIEW_S = 24 * 3600


@dataclass(frozen=True)
class PreviewDocument:
    """A document written for preview: the PDF and its page images (None: no pdftoppm)."""

    request: ReportRequest
    pdf: Path
    folder: Path
    pages: tuple[Path, ...] | None
    #: Why there are no page images (empty when there are).
    note: str = ""


def pdftoppm() -> str | None:
    """The pdftoppm program (poppler-utils), if installed."""
    return shutil.which("pdftoppm")


def _signature(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_ino, st.st_mtime_ns


def remove_partial(out: Path, before: tuple[int, int] | None) -> None:
    """Remove `out` if it was (re)written since `before`, and any temporary sibling of it."""
    after = _signature(out)
    if after is not None and after != before:
        logger.info("Removing %s: the export did not finish", out)
        out.unlink(missing_ok=True)
    for tmp in out.parent.glob(f".~{glob_escape(out.name)}.*.tmp"):
        tmp.unlink(missing_ok=True)


def glob_escape(name: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", name)


def guarded(job: Generator[Progress, None, Path], out: Path) -> Generator[Progress, None, Path]:
    """Run `job`; if it is cancelled (closed) or fails, nothing it wrote stays at `out`."""
    before = _signature(out)
    finished = False
    try:
        result = yield from job
        finished = True
        return result
    finally:
        if not finished:
            remove_partial(out, before)


def save_job(ctx, req: ReportRequest, out: Path) -> Generator[Progress, None, Path]:
    """Write the report `req` to the file the user chose.

    A generator function itself (not one returning a generator), so the task runner sees a
    job it can cancel and gives its progress dialog a Cancel button.
    """
    return (yield from guarded(export_job(ctx, req, out), out))


def guarded_reproduce(ctx, archive_id: int, out: Path) -> Generator[Progress, None, Path]:
    """Write an archived quality report again to the file the user chose (cancellable)."""
    return (yield from guarded(reproduce_job(ctx, archive_id, out), out))


def page_count(pdf: Path) -> int:
    """Pages of a PDF according to pdfinfo (0 when unknown)."""
    exe = shutil.which("pdfinfo")
    if exe is None:
        return 0
    try:
        out = subprocess.run(
            [exe, str(pdf)], capture_output=True, text=True, timeout=30, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return 0
    found = re.search(r"^Pages:\s+(\d+)", out, re.MULTILINE)
    return int(found.group(1)) if found else 0


def _page_number(path: Path) -> int:
    return int(path.stem.rsplit("-", 1)[-1])


def render_pages(
    pdf: Path, folder: Path, dpi: int = PREVIEW_DPI
) -> Generator[Progress, None, tuple[Path, ...]]:
    """PNG images of every page (pdftoppm in a child process, killed when the job is closed)."""
    exe = pdftoppm()
    if exe is None:
        raise FileNotFoundError("pdftoppm")
    folder.mkdir(parents=True, exist_ok=True)
    total = page_count(pdf)
    proc = subprocess.Popen(
        [exe, "-png", "-r", str(dpi), str(pdf), str(folder / "page")],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        while proc.poll() is None:
            done = sum(1 for _ in folder.glob("page-*.png"))
            # The newest image may still be being written: count it once the next appears.
            yield Progress(max(done - 1, 0), total, f"Drawing page {done} of {total}")
            time.sleep(POLL_S)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    if proc.returncode != 0:
        raise RuntimeError(f"pdftoppm could not draw {pdf.name} (exit code {proc.returncode})")
    pages = tuple(sorted(folder.glob("page-*.png"), key=_page_number))
    yield Progress(len(pages), len(pages), "Done")
    return pages


def preview_job(ctx, req: ReportRequest, folder: Path) -> Generator[Progress, None, PreviewDocument]:
    """Write `req` into `folder` and draw its pages; the folder goes if the job does not finish."""
    finished = False
    try:
        pdf = folder / default_file_name(req)
        path = yield from stage(export_job(ctx, req, pdf, record=False), 0, 80, 100)
        pages, note = None, ""
        if pdftoppm() is None:
            note = "no-pdftoppm"
        else:
            try:
                pages = yield from stage(render_pages(path, folder / "pages"), 80, 20, 100)
            except (OSError, RuntimeError) as exc:
                logger.warning("Preview of %s failed: %s", path, exc)
                note = str(exc)
        finished = True
        return PreviewDocument(req, Path(path), folder, pages, note)
    finally:
        if not finished:
            shutil.rmtree(folder, ignore_errors=True)


def new_preview_folder(reports_dir: Path) -> Path:
    """A fresh folder under the data folder's reports/preview for one preview."""
    folder = reports_dir / "preview" / f"{clock.local_now().strftime('%Y%m%d-%H%M%S')}-{secrets.token_hex(3)}"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def purge_old_previews(reports_dir: Path, max_age_s: float = STALE_PREVIEW_S) -> None:
    """Remove preview folders left by earlier sessions."""
    root = reports_dir / "preview"
    if not root.is_dir():
        return
    limit = time.time() - max_age_s
    for child in root.iterdir():
        try:
            if child.is_dir() and child.stat().st_mtime < limit:
                shutil.rmtree(child, ignore_errors=True)
        except OSError:
            continue
