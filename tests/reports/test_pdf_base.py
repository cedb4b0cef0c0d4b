"""The PDF frame: fonts, footer, metadata, tables and cleaned photos."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from inspector_app.reports.pdf_base import (
    DocInfo,
    Letterhead,
    build_pdf,
    key_value_table,
    photo_grid,
    section,
    table,
)
from inspector_app.reports.pdf_images import PreparedImage, jpeg_metadata_markers, prepare_image
from inspector_app.reports.pdf_text import para
from tests.reports.conftest import assert_no_image_metadata, pdf_text


def test_document_frame(tmp_path, photo_factory):
    logo = photo_factory(size=(800, 300), orientation=1, color="green")
    photos = [(photo_factory(), f"照片 {i} <b>caption</b>") for i in range(3)]
    story = [
        section("整改通知书 Rectification notice"),
        para("商家 & <i>unclosed"),
        key_value_table([("Merchant", "好店 <a href='x'>Shop</a>"), ("Deadline", "2026-11-30")]),
        table(
            [["a" * 6000, "中" * 3000, 12], ["<img src='x'/>", "b", 3.5]] * 3,
            [200, 200, 93],
            header=["Col 1", "列二", "N"],
        ),
        photo_grid(photos, tmp_path / "work"),
    ]
    out = build_pdf(
        tmp_path / "doc.pdf",
        story,
        Letterhead("质量检查部 Quality Dept", logo, "Building 1"),
        DocInfo("Notice RC-2026-0001", "Rectification", "RC-2026-0001"),
        tmp_path / "work",
    )
    reader = PdfReader(str(out))
    meta = reader.metadata
    assert meta.author == "质量检查部 Quality Dept"
    assert meta.title == "Notice RC-2026-0001"
    n = len(reader.pages)
    assert n >= 3
    text = pdf_text(out)
    assert f"Page 1 of {n}" in text and f"Page {n} of {n}" in text
    assert "整改通知书" in text and "质量检查部" in text
    assert "<i>unclosed" in text and "<img src='x'/>" in text and "[truncated]" in text
    assert assert_no_image_metadata(out) == 4  # the logo and three photos


def test_prepare_image_strips_metadata_and_applies_orientation(tmp_path, photo_factory):
    src = photo_factory(size=(1600, 1200), orientation=6)
    assert jpeg_metadata_markers(src.read_bytes())
    prepared = prepare_image(src, tmp_path / "work")
    assert prepared.path != src
    assert (prepared.width, prepared.height) == (900, 1200)  # rotated, then shrunk
    assert jpeg_metadata_markers(prepared.path.read_bytes()) == []
    again = prepare_image(prepared.path, tmp_path / "work")
    assert again.path == prepared.path  # clean and small: used as is


def test_letterhead_is_one_form_shared_by_every_page(tmp_path, photo_factory):
    logo = photo_factory(size=(800, 300), orientation=1, color="green")
    story = [para(f"Paragraph {i} 段落 " * 40) for i in range(40)]
    out = build_pdf(
        tmp_path / "long.pdf",
        story,
        Letterhead("质量检查部 Quality Dept", logo, "Building 1 一号楼"),
        DocInfo("Notice RC-2026-0009", "Rectification", "RC-2026-0009"),
        tmp_path / "work",
    )
    reader = PdfReader(str(out))
    n = len(reader.pages)
    assert n >= 4
    forms = set()
    for page in reader.pages:
        xobjects = page["/Resources"]["/XObject"]
        refs = [r for r in xobjects.values() if r.get_object()["/Subtype"] == "/Form"]
        assert len(refs) == 1  # the letterhead, logo inside it
        forms.add(refs[0].idnum)
    assert len(forms) == 1  # drawn once, referenced by every page
    for i in range(1, n + 1):
        page_text = pdf_text(out, page=i)
        for expected in (
            "质量检查部 Quality Dept",
            "一号楼",
            "Notice RC-2026-0009",
            "RC-2026-0009",
        ):
            assert expected in page_text, (i, expected)
        assert f"Page {i} of {n}" in page_text
    assert assert_no_image_metadata(out) == 1  # the logo, found inside the form


def test_image_takes_a_prepared_image_without_opening_it(tmp_path, monkeypatch):
    import inspector_app.reports.pdf_base as pdf_base

    def refuse(*_a, **_k):
        raise AssertionError("a prepared image was opened again")

    from PIL import Image

    path = tmp_path / "p.jpg"
    Image.new("RGB", (1200, 900), "white").save(path, "JPEG")
    monkeypatch.setattr(pdf_base, "prepare_image", refuse)
    flowable = pdf_base.image(PreparedImage(path, 1200, 900), 200, 100, tmp_path)
    assert (flowable.drawWidth, flowable.drawHeight) == (pytest.approx(133.333, abs=0.01), 100)


def test_clean_small_jpegs_are_checked_from_their_headers(tmp_path, monkeypatch):
    from PIL import Image

    clean = tmp_path / "clean.jpg"
    Image.new("RGB", (1000, 700), "white").save(clean, "JPEG", quality=80)
    progressive = tmp_path / "progressive.jpg"
    Image.new("RGB", (640, 1200), "white").save(progressive, "JPEG", progressive=True)
    big = tmp_path / "big.jpg"
    Image.new("RGB", (1600, 900), "white").save(big, "JPEG")
    commented = tmp_path / "commented.jpg"
    Image.new("RGB", (300, 200), "white").save(commented, "JPEG", comment=b"Ms Secret")
    # A fill byte before a marker is legal; the walk must not stop there.
    filled = tmp_path / "filled.jpg"
    data = commented.read_bytes()
    filled.write_bytes(data[:2] + b"\xff" + data[2:])
    assert jpeg_metadata_markers(filled.read_bytes()) == [0xFE]

    def no_pillow(*_a, **_k):
        raise AssertionError("opened with Pillow")

    monkeypatch.setattr("PIL.Image.open", no_pillow)
    work = tmp_path / "work"
    assert prepare_image(clean, work) == PreparedImage(clean, 1000, 700)
    assert prepare_image(progressive, work) == PreparedImage(progressive, 640, 1200)
    monkeypatch.undo()
    for needs_copy in (big, commented, filled):
        prepared = prepare_image(needs_copy, work)
        assert prepared.path.parent == work
        assert jpeg_metadata_markers(prepared.path.read_bytes()) == []
    assert max(prepare_image(big, work).width, prepare_image(big, work).height) == 1200
