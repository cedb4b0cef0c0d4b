"""Photo validation, EXIF times, thumbnails and metadata-free clean copies (real files)."""

from __future__ import annotations

import io
import os
import time
import warnings
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PIL import Image, ImageFile
from PIL.JpegImagePlugin import JpegImageFile

from inspector_app.domain.errors import PhotoRejected
from inspector_app.photos import imaging
from tests.photos import samples


def _open(data: bytes) -> Image.Image:
    im = Image.open(io.BytesIO(data))
    im.load()
    return im


def test_probe_jpeg_applies_orientation_and_reads_taken_at():
    probe = imaging.probe(samples.jpeg_bytes((1600, 1200), orientation=6), "IMG_1.jpg")
    assert probe.media_type == "image/jpeg"
    assert (probe.width, probe.height) == (1200, 1600)  # displayed size, rotated
    assert probe.taken_at == datetime(2024, 5, 1, 2, 30, tzinfo=UTC)  # 10:30 at +08:00


@pytest.mark.parametrize(
    ("data", "media_type", "size"),
    [
        (samples.png_bytes((640, 480)), "image/png", (640, 480)),
        (samples.webp_bytes((800, 600)), "image/webp", (800, 600)),
        (samples.jpeg_bytes((300, 200), orientation=1, taken=None), "image/jpeg", (300, 200)),
    ],
)
def test_probe_accepts_png_webp_and_plain_jpeg(data, media_type, size):
    probe = imaging.probe(data, "x")
    assert (probe.media_type, (probe.width, probe.height), probe.taken_at) == (
        media_type, size, None,
    )  # fmt: skip


def test_multi_picture_jpeg_is_a_jpeg():
    """Phones write MPO (a JPEG plus a gain map or preview); Pillow calls it MPO."""
    first, second = Image.new("RGB", (64, 48), "red"), Image.new("RGB", (32, 24), "blue")
    buf = io.BytesIO()
    first.save(buf, "MPO", save_all=True, append_images=[second])
    probe = imaging.probe(buf.getvalue(), "IMG_2.jpg")
    assert (probe.media_type, probe.format, probe.width, probe.height) == (
        "image/jpeg", "JPEG", 64, 48,
    )  # fmt: skip
    assert _open(imaging.make_clean_copy(buf.getvalue())).size == (64, 48)


@pytest.fixture
def shanghai_time(monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.skipif(not hasattr(time, "tzset"), reason="needs time.tzset")
def test_naive_exif_time_is_local_time(shanghai_time):
    data = samples.jpeg_bytes((64, 48), taken="2024:05:01 10:30:00", offset=None)
    assert imaging.probe(data, "x.jpg").taken_at == datetime(2024, 5, 1, 2, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    "value",
    [None, "", "0000:00:00 00:00:00", "    :  :     :  :  ", "2024:13:45 25:61:00",
     "1850:01:01 00:00:00", "garbage", 12345, b"\xff\xfe", ("",)],
)  # fmt: skip
def test_garbage_exif_times_give_none(value):
    assert imaging.parse_exif_time(value) is None


def test_exif_time_variants():
    assert imaging.parse_exif_time(b"2024:05:01 10:30:00\x00", "-05:00") == datetime(
        2024, 5, 1, 15, 30, tzinfo=UTC
    )
    assert imaging.parse_exif_time("2024-05-01T10:30:00", "+00:00") == datetime(
        2024, 5, 1, 10, 30, tzinfo=UTC
    )
    # An unusable offset falls back to local time rather than failing.
    assert imaging.parse_exif_time("2024:05:01 10:30:00", "bogus") is not None


def test_garbage_date_in_a_good_photo_is_ignored():
    probe = imaging.probe(samples.jpeg_bytes((64, 48), taken="not a date"), "x.jpg")
    assert probe.taken_at is None


REJECTS = {
    "corrupt.jpg": (samples.corrupt_jpeg, "damaged"),
    "truncated.jpg": (samples.truncated_jpeg, "ends before the picture"),
    "bomb.png": (samples.png_bomb, "decompression bomb"),
    "huge-bomb.png": (lambda: samples.png_bomb(20000, 20000), "decompression bomb"),
    "notes.jpg": (lambda: b"These are my notes, not a photo.\n" * 10, "text file"),
    "anim.jpg": (lambda: samples.other_format_bytes("GIF"), "GIF image"),
    "scan.jpg": (lambda: samples.other_format_bytes("BMP"), "BMP image"),
    "scan2.png": (lambda: samples.other_format_bytes("TIFF"), "TIFF image"),
    "empty.jpg": (lambda: b"", "empty"),
}


@pytest.mark.parametrize("name", sorted(REJECTS))
def test_bad_files_are_rejected_with_a_clear_message(name):
    make, words = REJECTS[name]
    with pytest.raises(PhotoRejected) as err:
        imaging.probe(make(), name)
    message = str(err.value)
    assert name in message and words in message, message
    assert "\n" not in message
    assert ImageFile.LOAD_TRUNCATED_IMAGES is False


def test_bomb_is_rejected_quickly():
    data = samples.png_bomb()
    assert len(data) < 64_000
    start = time.perf_counter()
    with pytest.raises(PhotoRejected):
        imaging.probe(data, "bomb.png")
    assert time.perf_counter() - start < 0.5


def test_bomb_is_rejected_even_if_another_thread_reset_the_warning_filters(monkeypatch):
    """warnings.catch_warnings is process-global; a worker thread may undo our filter."""
    monkeypatch.setattr(warnings, "simplefilter", lambda *a, **k: None)
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", category=Image.DecompressionBombWarning)
        with pytest.raises(PhotoRejected, match="decompression bomb"):
            imaging.probe(samples.png_bomb(), "bomb.png")
        with pytest.raises(PhotoRejected):
            imaging.make_thumbnail(samples.png_bomb(), 64)


def test_oversized_and_missing_files_are_rejected(tmp_path):
    big = samples.write(tmp_path, "big.jpg", samples.jpeg_bytes((64, 48)))
    with pytest.raises(PhotoRejected, match="'big.jpg' is .* MB; photos larger than"):
        imaging.read_photo_file(big, max_bytes=1000)
    with pytest.raises(PhotoRejected, match="'gone.jpg' was not found"):
        imaging.read_photo_file(tmp_path / "gone.jpg")
    with pytest.raises(PhotoRejected, match="is not a file"):
        imaging.read_photo_file(tmp_path)
    assert imaging.read_photo_file(big) == big.read_bytes()


def test_a_file_growing_while_read_is_read_whole_within_the_limit(tmp_path, monkeypatch):
    path = samples.write(tmp_path, "growing.jpg", b"x" * 5000)
    real_stat = Path.stat

    def stat_before_it_grew(self, **kw):
        st = real_stat(self, **kw)
        return os.stat_result((*st[:6], 1000, *st[7:])) if self == path else st

    monkeypatch.setattr(Path, "stat", stat_before_it_grew)
    assert imaging.read_photo_file(path) == b"x" * 5000
    with pytest.raises(PhotoRejected, match="'growing.jpg' is .* MB; photos larger than"):
        imaging.read_photo_file(path, max_bytes=3000)


def _assert_no_metadata(data: bytes) -> None:
    im = _open(data)
    assert im.format == "JPEG"
    assert len(im.getexif()) == 0
    for key in ("exif", "xmp", "comment", "icc_profile", "Comment", "Author"):
        assert key not in im.info, key
    assert not [k for k in im.info if k.startswith(("XML", "Raw profile"))]
    for needle in (samples.SECRET, b"Exif\x00\x00", b"xmpmeta", b"SecretCam", b"ICC_PROFILE"):
        assert needle not in data, needle


def test_clean_copy_is_oriented_downscaled_and_has_no_metadata():
    data = imaging.make_clean_copy(samples.jpeg_bytes((1600, 1200), orientation=6))
    _assert_no_metadata(data)
    im = _open(data)
    assert im.size == (900, 1200)
    # Orientation 6 turns the stored top-left marker into the displayed top-right corner.
    r, g, b = im.getpixel((im.width - 20, 20))
    assert r > 200 and g < 60 and b < 60
    r, g, b = im.getpixel((20, 20))
    assert b > 200 and r < 60


def test_clean_copy_of_png_with_text_and_alpha():
    data = imaging.make_clean_copy(samples.png_bytes((2400, 600), alpha=True), max_edge=1200)
    _assert_no_metadata(data)
    im = _open(data)
    assert im.size == (1200, 300) and im.mode == "RGB"
    r, g, b = im.getpixel((5, 5))
    assert min(r, g, b) > 240  # transparent pixels become white, not black


def test_small_photo_is_not_enlarged():
    data = imaging.make_clean_copy(samples.webp_bytes((800, 600)))
    _assert_no_metadata(data)
    assert _open(data).size == (800, 600)


def test_thumbnail_fits_box_oriented_without_metadata():
    data = imaging.make_thumbnail(samples.jpeg_bytes((4000, 3000), orientation=6), 256)
    _assert_no_metadata(data)
    assert _open(data).size == (192, 256)


def test_thumbnail_uses_jpeg_draft_mode(monkeypatch):
    calls = []
    original = JpegImageFile.draft

    def spy(self, mode, size):
        calls.append(size)
        return original(self, mode, size)

    monkeypatch.setattr(JpegImageFile, "draft", spy)
    imaging.make_thumbnail(samples.jpeg_bytes((2000, 1500)), 200)
    assert calls[0] == (200, 200)  # before thumbnail() decodes anything


def test_broken_exif_does_not_reject_a_good_photo():
    good = samples.jpeg_bytes((320, 240), orientation=1, taken=None)
    # Damage the EXIF segment's TIFF header so parsing it fails.
    pos = good.index(b"Exif\x00\x00") + 6
    bad = good[:pos] + b"XX" + good[pos + 2 :]
    probe = imaging.probe(bad, "x.jpg")
    assert (probe.width, probe.height, probe.taken_at) == (320, 240, None)
    assert _open(imaging.make_thumbnail(bad, 64)).size == (64, 48)


def test_accepted_names_lists_formats():
    assert imaging.accepted_names().startswith("JPEG, PNG")
    assert os.environ.get("INSPECTOR_DATA_DIR")  # the autouse fixture isolates the data dir


def _noisy_jpeg(size: tuple[int, int], *, progressive: bool = False) -> bytes:
    """A JPEG whose scan is as dense as a photo's (noise), so damage lands in real data."""
    im = Image.merge("RGB", [Image.effect_noise(size, 40 + 10 * i) for i in range(3)])
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=90, progressive=progressive)
    return buf.getvalue()


def _full_decode_refuses(data: bytes) -> bool:
    try:
        with Image.open(io.BytesIO(data)) as im:
            im.load()
    except Exception:  # noqa: BLE001 - any refusal counts
        return True
    return False


def test_jpeg_validation_decodes_in_draft_mode_and_reports_the_true_size(monkeypatch):
    calls = []
    original = JpegImageFile.draft

    def spy(self, mode, size):
        calls.append((self.size, size))
        return original(self, mode, size)

    monkeypatch.setattr(JpegImageFile, "draft", spy)
    probe = imaging.probe(samples.jpeg_bytes((4000, 3000), orientation=6), "IMG.jpg")
    assert calls == [((4000, 3000), (1, 1))]  # 1/8 scale: the cheapest decode there is
    assert (probe.width, probe.height) == (3000, 4000)  # the photo's, not the draft's
    checked = imaging.check_photo(samples.jpeg_bytes((4000, 3000)), "IMG.jpg", thumb_edge=256)
    # One decode serves validation and thumbnail (thumbnail()'s own draft call comes after
    # the decode, at the drafted size, and changes nothing).
    assert calls[1] == ((4000, 3000), (256, 256)) and calls[2][0] == (500, 375)
    assert (checked.probe.width, checked.probe.height) == (3000, 4000)


@pytest.mark.parametrize("progressive", [False, True])
def test_draft_validation_refuses_exactly_what_a_full_decode_refuses(progressive):
    """Draft mode skips only the inverse DCT: every entropy-coded block is still read."""
    import random

    good = _noisy_jpeg((1200, 900), progressive=progressive)
    rnd = random.Random(5)
    refused = 0
    for i in range(24):
        pos = rnd.randrange(1000, len(good) - 10)
        if i % 3 == 0:
            bad = good[:pos]  # an interrupted copy
        elif i % 3 == 1:
            bad = good[:pos] + rnd.randbytes(64) + good[pos + 64 :]  # garbage in the scan
        else:
            bad = good[:pos] + good[pos + 5000 :]  # a hole
        try:
            imaging.probe(bad, "bad.jpg")
            ours = False
        except PhotoRejected:
            ours = True
        assert ours == _full_decode_refuses(bad), (i, pos)
        refused += ours
    assert refused >= 8  # at least every truncated one


def test_a_truncated_big_jpeg_is_refused_although_decoded_at_one_eighth():
    good = _noisy_jpeg((2400, 1800))
    with pytest.raises(PhotoRejected, match="'cut.jpg' is damaged.*ends before the picture"):
        imaging.check_photo(good[: len(good) * 2 // 3], "cut.jpg", thumb_edge=256)
    with pytest.raises(PhotoRejected, match="ends before the picture"):
        imaging.probe(good[:-5000], "cut.jpg")


@pytest.mark.parametrize(
    "data",
    [
        samples.jpeg_bytes((4000, 3000), orientation=6),  # EXIF turn and an ICC profile
        samples.jpeg_bytes((1000, 700), orientation=3),
        samples.png_bytes((1200, 900), alpha=True),
        samples.webp_bytes((900, 600)),
        samples.jpeg_bytes((100, 80), orientation=8),  # smaller than the box: not enlarged
    ],
    ids=["jpeg-12mp-turned", "jpeg-upside-down", "png-alpha", "webp", "jpeg-small"],
)
def test_thumbnail_from_the_validating_decode_is_the_stored_thumbnail(data):
    checked = imaging.check_photo(data, "x", thumb_edge=256)
    assert checked.thumbnail == imaging.make_thumbnail(data, 256)
    _assert_no_metadata(checked.thumbnail)
    assert checked.probe == imaging.probe(data, "x")


def test_png_chunk_checksums_are_still_verified():
    good = samples.png_bytes((64, 48))
    pos = good.index(b"IDAT") + 10
    bad = good[:pos] + bytes([good[pos] ^ 0xFF]) + good[pos + 1 :]
    with pytest.raises(PhotoRejected, match="damaged"):
        imaging.check_photo(bad, "crc.png", thumb_edge=64)
