"""A built wheel carries the resources: found after `pip install --user` and in a fresh venv.

The wheel is built from a copy of the checkout; it is installed without its dependencies
(the resources lookup and the message catalogs are pure Python), so this needs no network
beyond the build backend pip fetches for the build.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
#: Run by each installed interpreter: where it found the resources, and what they give.
PROBE = """
import json, sys
from inspector_app import resources
from inspector_app.domain import messages
from inspector_app.version import app_version
try:
    root = resources.check_resources()
except resources.ResourcesMissing as exc:
    print(json.dumps({"missing": str(exc)})); sys.exit(3)
print(json.dumps({
    "root": str(root),
    "how": [how for how, p in resources.candidates() if p == root][0],
    "module": resources.__file__,
    "font_bytes": resources.cjk_font_path().stat().st_size,
    "zh_CN": messages.set_language("zh_CN"),
    "summary": messages.t("Summary"),
    "version": app_version(),
}))
"""


def _run(cmd, **kw) -> subprocess.CompletedProcess:
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=180, **kw)
    assert done.returncode == 0, f"{cmd} failed:\n{done.stdout}\n{done.stderr}"
    return done


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    src = work / "src"
    shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns(
        ".venv", ".git", "dist", "build", "*.egg-info", "tests", "docs", "__pycache__",
        ".pytest_cache", ".ruff_cache", ".hypothesis", "out", "tmp",
    ))
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(work / "out"), str(src)])
    (built,) = (work / "out").glob("inspector_app-*.whl")
    return built


def _base_python() -> str:
    return getattr(sys, "_base_executable", None) or sys.executable


def _probe(python: str, env: dict[str, str], cwd: Path) -> dict:
    done = subprocess.run([python, "-c", PROBE], capture_output=True, text=True, env=env,
                          cwd=cwd, timeout=60)
    return json.loads(done.stdout.strip().splitlines()[-1])


def _clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("INSPECTOR_", "PYTHON", "PIP_USER", "VIRTUAL_ENV"))}
    env.update(extra)
    return env


def test_the_wheel_holds_the_resources_as_package_data(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for rel in ("fonts/DroidSansFallbackFull.ttf", "fonts/LICENSE-DroidSansFallback.txt",
                "i18n/inspector_zh_CN.qm", "i18n/inspector_en.qm", "i18n/messages_zh_CN.json",
                "icons/inspector-256.png", "icons/inspector.ico"):
        assert f"inspector_app/_resources/{rel}" in names
    assert not any(n.endswith(".ts") for n in names), "the .ts sources are not needed at run time"
    assert not any(".data/data/" in n for n in names), "nothing outside the package"


def test_user_install_finds_font_and_chinese_catalogs(wheel, tmp_path):
    home, userbase = tmp_path / "home", tmp_path / "userbase"
    home.mkdir()
    env = _clean_env(HOME=str(home), PYTHONUSERBASE=str(userbase))
    _run([_base_python(), "-m", "pip", "install", "--user", "--no-deps", "--no-index", "-q",
          "--no-warn-script-location", str(wheel)], env=env)
    found = _probe(_base_python(), env, tmp_path)
    assert found["how"] == "package"
    assert Path(found["root"]).is_relative_to(userbase)
    assert found["font_bytes"] > 1_000_000
    assert (found["zh_CN"], found["summary"]) == ("zh_CN", "汇总")
    assert found["version"] == _version()


def test_fresh_venv_finds_them_and_a_missing_catalog_is_one_line(wheel, tmp_path):
    venv = tmp_path / "venv"
    _run([_base_python(), "-m", "venv", "--without-pip", str(venv)])
    python = str(venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python"))
    _run([sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index",
          "-q", str(wheel)], env=_clean_env())
    found = _probe(python, _clean_env(), tmp_path)
    assert found["how"] == "package" and Path(found["root"]).is_relative_to(venv)
    assert (found["zh_CN"], found["summary"]) == ("zh_CN", "汇总")

    (Path(found["root"]) / "i18n" / "inspector_zh_CN.qm").unlink()
    broken = _probe(python, _clean_env(), tmp_path)
    assert "inspector_zh_CN.qm" in broken["missing"] and "\n" not in broken["missing"]


def _version() -> str:
    import tomllib

    return tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]
