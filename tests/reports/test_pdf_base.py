"""The PDF frame: fonts, footer, metadata, tables and cleaned photos."""

from __future__ import annotations

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
from inspector_app.reports.pdf_images import jpeg_metadata_markers, prepare_image
from inspector_app.reports.pdf_text import para
from tests.reports.conftest import assert_no_image_metadata, pdftotext


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
    text = pdftotext(out)
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
