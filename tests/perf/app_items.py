"""Start-up time and memory of the whole application on the big database (separate processes)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from tests.perf.harness import (
    Result,
    cache_dir,
    diagnose,
    mb,
    median,
    profile_dir,
    profile_path,
    ratio_result,
    runs,
)

CHILD = [sys.executable, "-m", "tests.perf.app_children"]
#: The application's preferences file in the data folder (removed so each start is a first).
SETTINGS_FILE = "desktop-settings.ini"


def _child_env() -> dict[str, str]:
    """The children's environment, with their .pyc files kept and reused.

    With PYTHONDONTWRITEBYTECODE set (as in some shells and CI), every start compiled the
    application's own modules from source again (~20 ms), while the baseline's libraries have
    their .pyc from pip; an installed application has its .pyc too. The warm-up start writes
    them, for both, under a prefix of our own cache (nothing lands in the source tree).
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(cache_dir() / "pycache")
    return env


def _child(args: list[str], timeout: float = 600, env: dict[str, str] | None = None) -> dict:
    proc = subprocess.run(
        CHILD + args, stdout=subprocess.PIPE, text=True, timeout=timeout, check=False, env=env
    )
    for line in proc.stdout.splitlines():
        if line.startswith("{"):
            return json.loads(line)
    raise RuntimeError(f"{' '.join(args[:1])} printed no result (exit {proc.returncode})")


def _start_app(folder: Path) -> dict:
    (folder / SETTINGS_FILE).unlink(missing_ok=True)
    return _child(["app", str(folder), repr(time.monotonic())], env=_child_env())


def _start_bare() -> dict:
    return _child(["bare", repr(time.monotonic())], env=_child_env())


def startup(folder: Path, sz) -> Result:
    """Process start to the first painted main window, against a bare Qt window + sqlalchemy."""
    _start_app(folder)  # warm the page cache and .pyc files for both
    _start_bare()
    ours: list[float] = []
    base: list[float] = []
    imported: set[str] = set()
    for _ in range(runs()):
        r = _start_app(folder)
        ours.append(r["seconds"])
        imported.update(r["imported"])
        base.append(_start_bare()["seconds"])
    lazy_broken = sorted(imported & {"openpyxl", "reportlab", "PIL"})
    notes = [
        "from launching `python` to the main window's first paint (the dashboard; its figures "
        "are computed in the background afterwards); settings file removed before each start",
        "baseline: `import sqlalchemy.orm`, QApplication, QMainWindow shown, first paint",
        "imported at first paint: " + (", ".join(sorted(imported)) or "nothing watched"),
    ]
    result = ratio_result("startup", "start to the first painted main window on the big database",
                          ours, base, 1.5, notes=notes)
    if lazy_broken:
        result.ok = False
        result.notes.append("FAIL: imported before needed: " + ", ".join(lazy_broken))
    else:
        result.notes.append("openpyxl, ReportLab and Pillow are not imported at start-up")
    if diagnose(result.ok):
        (folder / SETTINGS_FILE).unlink(missing_ok=True)
        steps = _child(["timeline", str(folder), repr(time.monotonic())], env=_child_env())["steps"]
        result.notes.append(
            "why (one start, ms per step; the baseline has the interpreter, PySide6 and "
            "sqlalchemy.orm imports too): " + "; ".join(f"{k} {v}" for k, v in steps if v)
        )
        _profile_startup(folder)
        result.notes.append(f"profile: {profile_path('startup')}")
    return result


def _profile_startup(folder: Path) -> None:
    profile_dir().mkdir(parents=True, exist_ok=True)
    out = profile_dir() / "startup.txt"
    (folder / SETTINGS_FILE).unlink(missing_ok=True)
    subprocess.run(
        [sys.executable, "-m", "pyinstrument", "-r", "text", "--show", "*", "-o", str(out),
         "-m", "tests.perf.app_children", "app", str(folder), repr(time.monotonic()), "profile"],
        stdout=subprocess.DEVNULL, check=False, timeout=600, env=_child_env(),
    )


def memory(folder: Path, sz) -> Result:
    """Resident memory after visiting every screen, against a view holding every finding."""
    ours: list[float] = []
    base: list[float] = []
    screens: dict = {}
    peak = 0
    for run in range(runs()):
        r = _child(["visit", str(folder)])
        ours.append(r["VmRSS"])
        peak = max(peak, r["VmHWM"])
        screens = r["screens"]
        if run < 3:  # the baseline is slow and steady: three runs
            b = _child(["load_all", str(folder)])
            base.append(b["VmRSS"])
    o, bl = median(ours), median(base)
    notes = [
        "resident memory (VmRSS) after opening the main window and visiting every screen, "
        f"waiting for each one's background work; peak during the run {mb(peak)}",
        "seconds per screen visit (incl. background work): "
        + ", ".join(f"{k} {v}" for k, v in screens.items()),
        f"baseline: a QTableView over a model holding every live finding's row "
        f"(median of {len(base)})",
    ]
    limit = 350 * 1048576
    return Result(
        "memory", "memory with the big database open, after visiting every screen",
        mb(o), mb(bl), f"{o / bl:.2f}x", "< 350 MB", o < limit, notes,
        {"ours": ours, "baseline": base},
    )
