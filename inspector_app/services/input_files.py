"""Files an import may read: regular files only, of bounded size; cells of bounded length.

A named pipe would block an import for ever and /dev/zero would fill memory, so the
path is checked with os.stat before it is opened and the open file again with fstat.
"""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from inspector_app.domain.errors import InspectorError
from inspector_app.domain.limits import MAX_CELL_CHARS, MAX_IMPORT_BYTES
from inspector_app.domain.messages import t
from inspector_app.domain.text_rules import text_problem

logger = logging.getLogger(__name__)


def _refuse_special(path: Path, st: os.stat_result) -> None:
    if stat.S_ISDIR(st.st_mode):
        raise InspectorError(t("{path} is a folder, not a file", path=path))
    if not stat.S_ISREG(st.st_mode):
        raise InspectorError(t(
            "{path} is not a regular file (a device, pipe or socket); only files are imported",
            path=path,
        ))
    if st.st_size > MAX_IMPORT_BYTES:
        raise InspectorError(t(
            "{path} is {size} bytes; an import reads at most {limit}",
            path=path, size=f"{st.st_size:,}", limit=f"{MAX_IMPORT_BYTES:,}",
        ))


def check_input_file(path: Path | str) -> Path:
    """`path` if it names a regular file of acceptable size; else InspectorError saying why."""
    path = Path(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise InspectorError(t("{path} does not exist", path=path)) from None
    except OSError as exc:
        raise InspectorError(
            t("{path} cannot be read: {problem}", path=path, problem=exc.strerror or exc)
        ) from None
    _refuse_special(path, st)
    return path


@contextmanager
def open_input(path: Path | str) -> Iterator[IO[bytes]]:
    """The file opened for reading in binary, after checking (again, on the open file) that
    it is a regular file."""
    path = check_input_file(path)
    try:
        # O_NONBLOCK: a pipe swapped in after the check cannot block the open.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise InspectorError(
            t("{path} cannot be read: {problem}", path=path, problem=exc.strerror or exc)
        ) from None
    try:
        _refuse_special(path, os.fstat(fd))
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    with os.fdopen(fd, "rb") as fh:
        yield fh


def cell_problem(value: Any, *, multiline: bool = True) -> str | None:
    """Why one imported cell cannot be stored: too long, control characters; or None."""
    if not isinstance(value, str):
        return None
    if len(value) > MAX_CELL_CHARS:
        return t(
            "a cell of {count} characters is longer than the limit of {limit}",
            count=f"{len(value):,}", limit=f"{MAX_CELL_CHARS:,}",
        )
    return text_problem(value, multiline=multiline)
