"""`inspector-app --quit-after-paint`: measure start-up of a checkout or a built program.

Once the main window has gone through its first paint, prints `first paint: N ms` (since
the wall-clock time in $INSPECTOR_LAUNCHED_AT, set by whoever launched the program, else since
this process started) and quits; tests/perf and packaging/measure.py read that line.
"""

from __future__ import annotations

import logging
import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

logger = logging.getLogger(__name__)

#: Wall-clock time (time.time()) at which the measuring process launched this one.
LAUNCHED_AT_ENV = "INSPECTOR_LAUNCHED_AT"


def _process_start() -> float:
    """Wall-clock time this process started (Linux /proc; else the probe's import)."""
    try:
        from pathlib import Path

        ticks = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19])
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return time.time() - uptime + ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, AttributeError):
        return time.time()


class _FirstPaint(QObject):
    fired = False

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
        if not self.fired and event.type() == QEvent.Type.Paint:
            self.fired = True
            QTimer.singleShot(0, self.report)  # after this painting pass
        return False

    def report(self) -> None:
        start = os.environ.get(LAUNCHED_AT_ENV)
        since = float(start) if start else _process_start()
        ms = (time.time() - since) * 1000
        print(f"first paint: {ms:.0f} ms", flush=True)
        sys.stdout.flush()
        logger.info("first paint %.0f ms after launch", ms)
        QApplication.quit()


def quit_after_first_paint(window: QWidget) -> None:
    """Print the time to `window`'s first paint, then quit the application."""
    watcher = _FirstPaint(window)
    window.installEventFilter(watcher)
