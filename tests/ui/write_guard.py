"""A guard that notes every write transaction user-interface code begins outside an op.

Every change a widget makes is one op (ui/ops.py), which says what changed; a write that
bypasses it would leave the screens showing stale data. tests/ui/conftest.py wraps every UI
test in this guard: the test that exercises such a write fails, naming the line. Writes by
the test itself (fixtures building data) are not user-interface code and pass.
"""

from __future__ import annotations

import sys
import threading

from sqlalchemy import event
from sqlalchemy.orm import Session

from inspector_app.ui.ops import in_op

UI_DIR = "/inspector_app/ui/"
#: Writes user-interface code may begin outside `run_op` (file, function), and why: opening
#: the database migrates it and pairs the photo folder with it, before any screen exists.
WRITES_OUTSIDE_OPS = {("/inspector_app/services/context.py", "open_context")}


class WriteGuard:
    """While active: `found` lists "file:line function" of each such write (any thread)."""

    def __init__(self) -> None:
        self.found: list[str] = []
        self._lock = threading.Lock()

    def __enter__(self) -> WriteGuard:
        event.listen(Session, "after_begin", self._check)
        return self

    def __exit__(self, *exc) -> None:
        event.remove(Session, "after_begin", self._check)

    def _check(self, _session, _transaction, connection) -> None:
        if not connection.get_execution_options().get("inspector_write") or in_op():
            return
        frame, ui_frame = sys._getframe(1), None
        while frame is not None:
            name = frame.f_code.co_filename.replace("\\", "/")
            if any(name.endswith(f) and frame.f_code.co_name == fn for f, fn in WRITES_OUTSIDE_OPS):
                return
            if ui_frame is None and UI_DIR in name:
                ui_frame = f"{name.split(UI_DIR)[1]}:{frame.f_lineno} {frame.f_code.co_name}"
            frame = frame.f_back
        if ui_frame is not None:
            with self._lock:
                self.found.append(ui_frame)
