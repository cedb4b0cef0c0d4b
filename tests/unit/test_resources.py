"""Where the bundled resources are found: override, frozen bundle, package data, checkout."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from inspector_app import resources
from inspector_app.resources import (
    ResourcesMissing,
    candidates,
    check_resources,
    find_resources,
    required_files,
)

CHECKOUT = Path(__file__).resolve().parents[2] / "resources"


def _tree(root: Path) -> Path:
    """A complete resources folder under `root` (small stand-in files)."""
    for path in required_files(root):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x")
    return root


@pytest.fixture(autouse=True)
def _no_override(monkeypatch):
    monkeypatch.delenv(resources.RESOURCES_DIR_ENV, raising=False)
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)


def test_the_checkout_has_every_required_file():
    assert check_resources(CHECKOUT) == CHECKOUT


def test_package_data_comes_before_the_checkout(tmp_path):
    package = tmp_path / "site" / "inspector_app"
    _tree(package / "_resources")
    _tree(tmp_path / "site" / "resources")  # a stray folder beside an installed package
    places = candidates(package)
    assert [how for how, _ in places] == ["package", "checkout"]
    assert find_resources(places) == package / "_resources"


def test_a_checkout_without_package_data_uses_its_resources_folder(tmp_path):
    package = tmp_path / "repo" / "inspector_app"
    package.mkdir(parents=True)
    _tree(tmp_path / "repo" / "resources")
    assert find_resources(candidates(package)) == tmp_path / "repo" / "resources"


def test_a_frozen_application_looks_in_its_bundle_first(tmp_path, monkeypatch):
    bundle = tmp_path / "_internal"
    _tree(bundle / "resources")
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    places = candidates(tmp_path / "elsewhere" / "inspector_app")
    assert places[0] == ("frozen", bundle / "resources")
    assert find_resources(places) == bundle / "resources"


def test_the_override_is_the_only_place_looked_at(tmp_path, monkeypatch):
    monkeypatch.setenv(resources.RESOURCES_DIR_ENV, str(tmp_path / "empty"))
    places = candidates()
    assert places == [(resources.RESOURCES_DIR_ENV, tmp_path / "empty")]
    with pytest.raises(ResourcesMissing) as caught:
        find_resources(places)
    message = str(caught.value)
    assert "\n" not in message and str(tmp_path / "empty") in message


def test_nothing_found_names_every_place_in_one_line(tmp_path):
    places = candidates(tmp_path / "nowhere" / "inspector_app")
    with pytest.raises(ResourcesMissing) as caught:
        find_resources(places)
    message = str(caught.value)
    assert "\n" not in message
    assert all(str(folder) in message for _, folder in places)


@pytest.mark.parametrize("missing", ["i18n/inspector_zh_CN.qm", "i18n/messages_zh_CN.json",
                                     "fonts/LICENSE-DroidSansFallback.txt"])
def test_a_missing_catalog_or_licence_is_an_error_not_a_fallback(tmp_path, missing):
    root = _tree(tmp_path / "resources")
    (root / missing).unlink()
    with pytest.raises(ResourcesMissing, match=missing.split("/")[-1].replace(".", r"\.")):
        check_resources(root)
