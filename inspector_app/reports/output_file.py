"""Writing a file the user named: never over an existing one unless asked, never to a device.

Every export, report and template goes through `output_file()`: the content is written to
a temporary file in the same folder, flushed to disk and renamed over the chosen name only
when complete, so a failure (full disk, I/O error, a bug) leaves no half file and the old
file, if any, as it was. Errors name the user's path, never the temporary file.
"""

from __future__ import annotations

import errno
import logging
import os
import secrets
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from inspector_app.domain.errors import InspectorError, ValidationError
from inspector_app.domain.messages import t
from inspector_app.durable import fsync_file

logger = logging.getLogger(__name__)

#: Characters of the chosen name kept in the temporary file's name (file names stop at 255 bytes).
TEMP_NAME_CHARS = 60


def claim_output(out: Path | str | None, *, force: bool = False) -> Path:
    """`out` as a Path, if a file may be written there; else ValidationError saying why.

    Refused: an empty name, a folder, a device, pipe or socket (even with `force`), and an
    existing file unless `force`.
    """
    text = os.fspath(out) if out is not None else ""
    if not str(text).strip():
        raise ValidationError(t("No output file given"))
    path = Path(text).expanduser()
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return path
    except OSError as exc:
        raise cannot_write(path, exc) from None
    if stat.S_ISDIR(st.st_mode):
        raise ValidationError(t("{path} is a folder; give a file name", path=path))
    if not stat.S_ISREG(st.st_mode):
        raise ValidationError(t(
            "{path} is not a regular file (a device, pipe or socket); refusing to write to it",
            path=path,
        ))
    if not force:
        raise ValidationError(t("{path} already exists; use --force to replace it", path=path))
    return path


def cannot_write(path: Path, exc: BaseException) -> InspectorError:
    """The one-line error for a failed write, naming the user's path."""
    if isinstance(exc, OSError):
        problem = exc.strerror or str(exc)
        if exc.errno == errno.ENAMETOOLONG:
            problem = t("the file name is too long")
    else:
        problem = f"{type(exc).__name__}: {exc}"
    return InspectorError(t("cannot write {path}: {problem}", path=path, problem=problem))


@contextmanager
def output_file(out: Path | str | None, *, force: bool = False) -> Iterator[Path]:
    """A temporary path to write to; renamed to `out` when the block completes.

    On any error the temporary file is removed and `out` is untouched; an OSError (or a
    writer library's I/O error) is raised again as an InspectorError naming `out`.
    """
    path = claim_output(out, force=force)
    tmp = path.with_name(f".~{path.name[:TEMP_NAME_CHARS]}.{secrets.token_hex(4)}.tmp")
    try:
        if len(os.fsencode(path.name)) > 255:
            raise OSError(errno.ENAMETOOLONG, os.strerror(errno.ENAMETOOLONG))
        path.parent.mkdir(parents=True, exist_ok=True)
        # Created here, opened normally (not mkstemp's 0600): the file gets the usual mode,
        # and an unwritable folder is reported before any work is done.
        os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    except OSError as exc:
        raise cannot_write(path, exc) from None
    try:
        yield tmp
        fsync_file(tmp)
        if not force and os.path.lexists(path):  # appeared while we were writing
            claim_output(path, force=False)
        os.replace(tmp, path)
    except BaseException as exc:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:  # pragma: no cover - the folder went away
            logger.warning("could not remove %s", tmp)
        if isinstance(exc, OSError) or _is_writer_io_error(exc):
            raise cannot_write(path, exc) from exc
        raise
    logger.info("Wrote %s", path)




def _is_writer_io_error(exc: BaseException) -> bool:
    """lxml's serialiser reports a failed write as its own error, not OSError."""
    return type(exc).__module__.startswith("lxml") and "IO" in str(exc).upper()
