"""The screenshot tool writes a PNG of every registered screen (run as a separate process)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from inspector_app.ui.screens import SCREENS


@pytest.mark.slow
def test_screenshots_of_every_screen(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-m", "inspector_app.tools.screenshots", str(tmp_path), "--lang", "zh_CN"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr
    pictures = sorted(p.name for p in (tmp_path / "zh_CN").glob("*.png"))
    assert set(pictures) >= {f"{name}.png" for name in SCREENS}
    assert {"case_page.png", "purchase_inspection.png"} <= set(pictures)
    assert all((tmp_path / "zh_CN" / name).stat().st_size > 5_000 for name in pictures)
