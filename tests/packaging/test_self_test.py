"""`inspector-app --self-test` from the checkout, its PDF font reader, and the version stamps."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from inspector_app.resources import resources_dir
from inspector_app.ui.self_test import check_pdf, embedded_font_names
from inspector_app.version import app_version, producer

START = "from inspector_app.ui.app import main; raise SystemExit(main(['inspector-app', *%r]))"


def _app(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", START % (args,)], capture_output=True, text=True,
                          env=env, timeout=120)


@pytest.mark.slow
def test_the_checkout_self_test_passes_without_touching_the_data_folder(tmp_path):
    env = {**os.environ, "INSPECTOR_DATA_DIR": str(tmp_path / "mine")}
    done = _app("--self-test", env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("self-test passed") and producer() in done.stdout
    assert not (tmp_path / "mine").exists(), "the self-test used its own temporary folder"


def test_a_missing_catalog_fails_the_self_test_in_one_line(tmp_path):
    broken = tmp_path / "resources"
    shutil.copytree(resources_dir(), broken)
    (broken / "i18n" / "inspector_zh_CN.qm").unlink()
    env = {**os.environ, "INSPECTOR_RESOURCES_DIR": str(broken)}
    done = _app("--self-test", env=env)
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("self-test failed")
    assert "inspector_zh_CN.qm" in lines[0]




def _pdf(tmp_path: Path, text: str) -> Path:
    from inspector_app.reports.pdf_base import DocInfo, Letterhead, build_pdf
    from inspector_app.reports.pdf_text import para

    return build_pdf(tmp_path / "t.pdf", [para(text)], Letterhead("Org"), DocInfo("T"), tmp_path)


def test_the_font_reader_agrees_with_pypdf_and_the_version_is_in_the_metadata(tmp_path):
    from pypdf import PdfReader

    path = _pdf(tmp_path, "整改通知书 notice")
    names = embedded_font_names(path.read_bytes())
    reader = PdfReader(path)
    by_pypdf = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            for desc in [font.get("/FontDescriptor")] + [
                d.get_object().get("/FontDescriptor") for d in font.get("/DescendantFonts", [])
            ]:
                if desc is not None and "/FontFile2" in desc.get_object():
                    by_pypdf.add(str(desc.get_object()["/FontName"]).lstrip("/"))
    assert set(names) == by_pypdf
    assert any(n.endswith("+DroidSansFallback") for n in names)
    assert reader.metadata.creator == producer() and reader.metadata.producer == producer()
    check_pdf(path, "DroidSansFallback", producer())


def test_a_pdf_without_the_font_fails_the_check(tmp_path):
    from inspector_app.ui.self_test import SelfTestFailed

    path = _pdf(tmp_path, "only latin")
    assert not any("DroidSansFallback" in n for n in embedded_font_names(path.read_bytes()))
    with pytest.raises(SelfTestFailed, match="DroidSansFallback is not embedded"):
        check_pdf(path, "DroidSansFallback", producer())


def test_workbooks_name_the_program_and_version(tmp_path):
    from openpyxl import load_workbook

    from inspector_app.reports.records_xlsx import write_template

    path = write_template(tmp_path / "template.xlsx")
    props = load_workbook(path).properties
    assert (props.creator, props.lastModifiedBy, props.version) == (producer(), producer(), app_version())


def test_version_on_both_programs(capsys):
    from inspector_app.cli.main import main

    done = _app("--version")
    assert done.returncode == 0 and done.stdout.split()[:2] == ["inspector-app", app_version()]
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.split()[:2] == ["inspector", app_version()]
