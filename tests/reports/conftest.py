"""Fixtures for the report tests: the database on each backend, photos full of metadata, PDF
text extraction."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from inspector_app.services.context import open_context


@pytest.fixture
def ctx(_isolated_data_dir, database_url):
    """As tests/conftest.py's ctx (a fresh database at head, acting as nobody), on SQLite and
    on PostgreSQL (tests/backends.py)."""
    c = open_context(database_url, data_folder=str(_isolated_data_dir))
    yield c
    c.db.dispose()


def make_photo(path: Path, *, size=(1600, 1200), orientation: int = 6, color="red") -> Path:
    """A JPEG with EXIF (orientation, camera, GPS), a comment and XMP: everything to strip."""
    im = Image.new("RGB", size, color)
    # A marker in the top-left corner so orientation can be checked after transposing.
    im.paste((0, 0, 255), (0, 0, size[0] // 4, size[1] // 8))
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = "SecretCam"
    exif[0x0131] = "InspectorPhone 1.0"
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (31.0, 14.0, 0.0)
    path.parent.mkdir(parents=True, exist_ok=True)
    im.save(
        path,
        "JPEG",
        exif=exif,
        comment=b"buyer alias: Ms Secret",
        xmp=b"<x:xmpmeta>Ms Secret</x:xmpmeta>",
        quality=80,
    )
    return path


@pytest.fixture
def photo_factory(tmp_path):
    counter = iter(range(10_000))

    def factory(**kw) -> Path:
        return make_photo(tmp_path / "photos" / f"p{next(counter)}.jpg", **kw)

    return factory


def pdf_text(path: Path, *, layout: bool = False, page: int | None = None) -> str:
    """The text of a PDF (all pages, or page number `page` from 1), read back with pypdf.

    `layout` keeps what stands on one printed line on one text line (a table row, a label and
    its value), like ``pdftotext -layout``; otherwise the reading-order text.
    """
    reader = PdfReader(str(path))
    pages = reader.pages if page is None else [reader.pages[page - 1]]
    mode = "layout" if layout else "plain"
    return "\n".join(p.extract_text(extraction_mode=mode) or "" for p in pages)



def embedded_images(path: Path) -> list[tuple[str, bytes]]:
    """(name, raw bytes as embedded) of every image XObject in the PDF.

    Follows form XObjects too: the letterhead (with the logo) is one form shared by pages.
    """
    out = []
    reader = PdfReader(str(path))
    seen = set()

    def visit(resources) -> None:
        xobjects = (resources or {}).get("/XObject") or {}
        for name, ref in xobjects.items():
            obj = ref.get_object()
            key = getattr(ref, "idnum", id(obj))
            if key in seen:
                continue
            seen.add(key)
            if obj.get("/Subtype") == "/Form":
                visit(obj.get("/Resources"))
            elif obj.get("/Subtype") == "/Image":
                raw = obj.get_data() if obj.get("/Filter") != "/DCTDecode" else obj._data
                out.append((name, raw))

    for page in reader.pages:
        visit(page.get("/Resources"))
    return out


def assert_no_image_metadata(path: Path) -> int:
    """Every embedded JPEG has no APPn/COM segment; returns how many images were checked."""
    from inspector_app.reports.pdf_images import jpeg_metadata_markers

    images = embedded_images(path)
    for name, data in images:
        if data[:2] == b"\xff\xd8":
            assert jpeg_metadata_markers(data) == [], name
            for needle in (b"Exif", b"SecretCam", b"Ms Secret", b"http://ns.adobe.com/xap"):
                assert needle not in data, (name, needle)
    return len(images)
