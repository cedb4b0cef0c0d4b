"""Run the `inspector` command line as a subprocess against a data folder of the test's own."""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from inspector_app.domain import clock as app_clock

#: Purchases in the shared demo database (small: the whole CLI suite stays fast).
DEMO_PURCHASES = 200


class Cli:
    """`inspector ...` with INSPECTOR_DATA_DIR pointing at `data_dir`.

    By default a real subprocess (`python -m inspector_app.cli.main`); `in_process` runs
    `main()` directly with redirected output, the same code without the start-up cost, for
    the many small calls of filter matrices.
    """

    def __init__(self, data_dir: Path, *, in_process: bool = False) -> None:
        self.data_dir = data_dir
        self.in_process = in_process

    def __call__(self, *args: str, user: str | None = None, timeout: float = 120):
        if self.in_process:
            return self._in_process(list(args), user)
        env = {k: v for k, v in os.environ.items() if not k.startswith("INSPECTOR_")}
        env["INSPECTOR_DATA_DIR"] = str(self.data_dir)
        # The child reads the same (fixed) clock as this process, where it stands now.
        env[app_clock.CLOCK_ENV] = app_clock.now().isoformat()
        env["PYTHONIOENCODING"] = "utf-8"
        if user is not None:
            env["INSPECTOR_USER"] = user
        return subprocess.run(
            [sys.executable, "-m", "inspector_app.cli.main", *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=env,
            timeout=timeout,
        )

    def _in_process(self, args: list[str], user: str | None) -> subprocess.CompletedProcess:
        from inspector_app.cli.main import main

        out, err = io.StringIO(), io.StringIO()
        saved = {k: os.environ.get(k) for k in ("INSPECTOR_DATA_DIR", "INSPECTOR_USER")}
        os.environ["INSPECTOR_DATA_DIR"] = str(self.data_dir)
        os.environ.pop("INSPECTOR_USER", None)
        if user is not None:
            os.environ["INSPECTOR_USER"] = user
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                code = main(args)
        finally:
            for k, v in saved.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v
        return subprocess.CompletedProcess(args, code, out.getvalue(), err.getvalue())

    def json(self, *args: str) -> list[dict]:
        result = self(*args, "--json")
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)

    def users(self) -> dict[str, list[str]]:
        """Display names by role."""
        out: dict[str, list[str]] = {}
        for u in self.json("users"):
            out.setdefault(u["role"], []).append(u["display_name"])
        return out


def assert_user_error(result, *words: str) -> str:
    """Exit 2, exactly one line on stderr (naming `words`), and no traceback."""
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    for w in words:
        assert w in lines[0], (w, lines[0])
    return lines[0]


@pytest.fixture
def cli(tmp_path) -> Cli:
    """A CLI on a fresh, empty data folder."""
    return Cli(tmp_path / "cli-data")


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    """A data folder with a small demo, made once per session; copy it before changing it."""
    folder = tmp_path_factory.mktemp("demo") / "data"
    assert Cli(folder)("init").returncode == 0
    result = Cli(folder)("demo", "--purchases", str(DEMO_PURCHASES), "--seed", "3")
    assert result.returncode == 0, result.stderr
    return folder


@pytest.fixture
def demo_cli(demo_template) -> Cli:
    """The shared demo, read-only (list commands, check), as a subprocess."""
    return Cli(demo_template)


@pytest.fixture
def demo_main(demo_template) -> Cli:
    """The shared demo, read-only, calling main() in this process (for filter matrices)."""
    return Cli(demo_template, in_process=True)


@pytest.fixture
def demo_copy(demo_template, tmp_path) -> Cli:
    """A private copy of the demo, for commands that change data (as a subprocess)."""
    target = tmp_path / "demo-copy"
    shutil.copytree(demo_template, target, symlinks=True)
    return Cli(target)
