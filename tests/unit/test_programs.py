"""A test that needs a missing program skips with one summary line, or fails when CI requires it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SAMPLE = '''
import pytest

@pytest.mark.needs_soffice
def test_opens_a_workbook():
    pass

@pytest.mark.needs_poppler
def test_draws_pages():
    pass

def test_pure_python():
    pass
'''


def _run(tmp_path: Path, **env: str) -> subprocess.CompletedProcess:
    (tmp_path / "test_sample.py").write_text(SAMPLE, encoding="utf-8")
    empty = tmp_path / "no-programs"
    empty.mkdir(exist_ok=True)
    base = {k: v for k, v in os.environ.items() if k != "INSPECTOR_REQUIRE_SYSTEM_PROGRAMS"}
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "tests.programs", "-p", "no:cacheprovider",
         "-o", "addopts=", "--rootdir", str(tmp_path), str(tmp_path / "test_sample.py")],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
        env={**base, "PATH": str(empty), "PYTHONPATH": str(ROOT), **env},
    )


def test_missing_programs_skip_with_one_line_naming_them(tmp_path):
    result = _run(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 passed, 2 skipped" in result.stdout
    lines = [x for x in result.stdout.splitlines() if "skipped for missing system programs" in x]
    assert lines == [
        "skipped for missing system programs: soffice (apt install libreoffice-calc-nogui): "
        "1 test; pdftoppm/pdfinfo (apt install poppler-utils): 1 test"
    ]


def test_ci_turns_those_skips_into_failures(tmp_path):
    result = _run(tmp_path, INSPECTOR_REQUIRE_SYSTEM_PROGRAMS="1")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "1 passed, 2 errors" in result.stdout
    assert "soffice not available (apt install libreoffice-calc-nogui)" in result.stdout
    assert "skipped for missing system programs" not in result.stdout
