"""A JPEG's structure checked without decoding it (photos/jpeg_scan.py), as an import to a
team server validates JPEGs: it refuses what the decoding check refuses among damaged files
and describes good files exactly as that check does."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from inspector_app.domain.errors import PhotoRejected
from inspector_app.photos import imaging
from inspector_app.photos.jpeg_scan import Damaged, check_jpeg
from tests.photos import samples
from tests.photos.test_imaging import REJECTS


def _jpeg(mode: str = "RGB", **save) -> bytes:
    im = Image.new(mode, (333, 217), "red" if mode == "RGB" else 90)
    im.paste(Image.effect_noise((100, 100), 60).convert(mode), (20, 20))
    out = io.BytesIO()
    im.save(out, "JPEG", **save)
    return out.getvalue()


def _mpo() -> bytes:
    first, second = Image.new("RGB", (200, 100), "blue"), Image.new("RGB", (200, 100), "green")
    out = io.BytesIO()
    first.save(out, "MPO", save_all=True, append_images=[second])
    return out.getvalue()


GOOD = {
    "camera-like.jpg": samples.jpeg_bytes,
    "baseline.jpg": _jpeg,
    "progressive.jpg": lambda: _jpeg(progressive=True),
    "optimised-444.jpg": lambda: _jpeg(optimize=True, subsampling=0, quality=95),
    "grey.jpg": lambda: _jpeg("L"),
    "cmyk.jpg": lambda: _jpeg("CMYK"),
    "restarts.jpg": lambda: _jpeg(restart_marker_blocks=1),
    "two-frames.jpg": _mpo,
}


@pytest.mark.parametrize("name", sorted(GOOD))
def test_good_jpegs_pass_and_are_described_as_the_decoding_check_does(name):
    data = GOOD[name]()
    check_jpeg(data)
    assert imaging.check_photo(data, name, decode=False).probe == imaging.probe(data, name)


@pytest.mark.parametrize("name", sorted(REJECTS))
def test_what_the_decoding_check_refuses_is_refused_with_the_same_words(name):
    make, words = REJECTS[name]
    with pytest.raises(PhotoRejected) as err:
        imaging.check_photo(make(), name, decode=False)
    message = str(err.value)
    assert name in message and words in message and "\n" not in message, message


@pytest.mark.parametrize("name", ["baseline.jpg", "progressive.jpg", "restarts.jpg"])
def test_a_jpeg_cut_anywhere_is_refused(name):
    data = GOOD[name]()
    for cut in range(2, len(data) - 1, max(1, len(data) // 400)):
        with pytest.raises(Damaged):
            check_jpeg(data[:cut])
        with pytest.raises(PhotoRejected):
            imaging.check_photo(data[:cut], name, decode=False)


def _without_segment(data: bytes, marker: int) -> bytes:
    pos = data.index(bytes([0xFF, marker]))
    length = int.from_bytes(data[pos + 2:pos + 4], "big")
    return data[:pos] + data[pos + 2 + length:]


@pytest.mark.parametrize("marker, what", [(0xDB, "quantisation table"), (0xC0, "frame")])
def test_missing_tables_are_refused_as_by_a_decoder(marker, what):
    broken = _without_segment(_jpeg(), marker)
    with pytest.raises(PhotoRejected):
        imaging.probe(broken, "x.jpg")  # the decoder refuses it too
    with pytest.raises(PhotoRejected) as err:
        imaging.check_photo(broken, "x.jpg", decode=False)
    assert "damaged" in str(err.value) or "not a" in str(err.value)


def test_a_segment_longer_than_the_file_is_refused():
    data = bytearray(_jpeg())
    pos = data.index(b"\xff\xdb")
    data[pos + 2:pos + 4] = (60000).to_bytes(2, "big")
    with pytest.raises(Damaged, match="runs past"):
        check_jpeg(bytes(data))
