"""Real photo files for the photo tests, made with Pillow: good ones, damaged ones, impostors."""

from __future__ import annotations

import io
import random
import struct
import zlib
from pathlib import Path

from PIL import ExifTags, Image, ImageCms
from PIL.PngImagePlugin import PngInfo

#: Marker colour painted in the stored image's top-left corner, to check orientation.
MARKER = (255, 0, 0)
#: Text hidden in metadata that a clean copy must not carry.
SECRET = b"Ms Secret"


def jpeg_bytes(
    size: tuple[int, int] = (1600, 1200),
    *,
    orientation: int = 6,
    taken: str | None = "2024:05:01 10:30:00",
    offset: str | None = "+08:00",
    color: tuple[int, int, int] = (0, 0, 255),
    noise: int | None = None,
) -> bytes:
    """A JPEG with EXIF orientation, DateTimeOriginal, GPS, a comment, XMP and an ICC profile."""
    im = Image.new("RGB", size, color)
    im.paste(MARKER, (0, 0, size[0] // 4, size[1] // 4))
    if noise is not None:  # unique content per seed, for the store
        rnd = random.Random(noise)
        im.paste(Image.frombytes("RGB", (16, 16), rnd.randbytes(16 * 16 * 3)), (size[0] // 2, 0))
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.Base.Make] = "SecretCam"
    sub = exif.get_ifd(ExifTags.IFD.Exif)
    if taken is not None:
        sub[ExifTags.Base.DateTimeOriginal] = taken
    if offset is not None:
        sub[ExifTags.Base.OffsetTimeOriginal] = offset
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (31.0, 14.0, 5.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (121.0, 28.0, 9.0)
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    buf = io.BytesIO()
    im.save(
        buf, "JPEG", quality=85, exif=exif, comment=b"buyer: " + SECRET,
        xmp=b"<x:xmpmeta xmlns:x='adobe:ns:meta/'>" + SECRET + b"</x:xmpmeta>", icc_profile=icc,
    )  # fmt: skip
    return buf.getvalue()


def png_bytes(size: tuple[int, int] = (640, 480), *, alpha: bool = False) -> bytes:
    """A PNG with a text chunk (and transparency when `alpha`)."""
    im = Image.new("RGBA" if alpha else "RGB", size, (0, 128, 0, 0) if alpha else (0, 128, 0))
    info = PngInfo()
    info.add_text("Comment", SECRET.decode())
    info.add_itxt("Author", "买家 " + SECRET.decode())
    buf = io.BytesIO()
    im.save(buf, "PNG", pnginfo=info)
    return buf.getvalue()


def webp_bytes(size: tuple[int, int] = (800, 600)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, (200, 100, 0)).save(buf, "WEBP", quality=80)
    return buf.getvalue()


def other_format_bytes(fmt: str) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (64, 48), (10, 20, 30)).save(buf, fmt)
    return buf.getvalue()


def png_bomb(width: int = 13000, height: int = 13000) -> bytes:
    """A small, valid PNG (1-bit, all zero) that declares width x height pixels."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    row = b"\x00" * (1 + (width + 7) // 8)
    comp = zlib.compressobj(9)
    idat = b"".join(comp.compress(row) for _ in range(height)) + comp.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    )


def corrupt_jpeg() -> bytes:
    """A JPEG whose headers were overwritten with garbage after the first bytes."""
    good = jpeg_bytes((320, 240))
    return good[:20] + bytes(range(256)) * 8 + good[20 + 2048 :]


def truncated_jpeg() -> bytes:
    good = jpeg_bytes((320, 240))
    return good[: len(good) * 2 // 3]


def write(directory: Path, name: str, data: bytes) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / name
    path.write_bytes(data)
    return path
