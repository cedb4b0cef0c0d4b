"""The Linux desktop entry and AppStream metadata agree with the package and validate."""

from __future__ import annotations

import configparser
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
METAINFO = LINUX / "org.inspector.Inspector.metainfo.xml"


def test_the_newest_release_in_the_metainfo_is_the_package_version():
    version = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]
    releases = ET.parse(METAINFO).getroot().find("releases")
    assert releases[0].get("version") == version, "add a <release> for the new version"


def test_the_desktop_entry_starts_the_app_with_its_icon():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(LINUX / "inspector-app.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Exec"].split()[0] == "inspector-app"
    assert desktop["Icon"] == "inspector-app" and desktop["Type"] == "Application"
    launchable = ET.parse(METAINFO).getroot().find("launchable").text
    assert launchable == "inspector-app.desktop"


@pytest.mark.needs_appstream
def test_appstream_validates():
    done = subprocess.run(["appstreamcli", "validate", "--no-net", str(METAINFO)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr
