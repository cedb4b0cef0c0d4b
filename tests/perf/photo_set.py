"""A cached set of distinct 12-megapixel JPEGs (4000x3000, ~4 MB, EXIF like a phone's).

A quick run (harness.is_quick) uses 800x600 pictures instead: the same code paths in seconds.

A few base pictures are drawn once (gradients and sensor-like noise, so they compress like
photos); every file is a base picture with its own JPEG comment, so each has its own
content hash while decoding costs exactly what a real photo of that size costs.
"""

from __future__ import annotations

import io
import struct
from pathlib import Path

from tests.perf.harness import cache_dir, is_quick

#: Distinct pictures the files are made from.
BASES = 8
FULL_SIZE = (4000, 3000)
QUICK_SIZE = (800, 600)


def picture_size() -> tuple[int, int]:
    return QUICK_SIZE if is_quick() else FULL_SIZE


def set_dir() -> Path:
    width, height = picture_size()
    return cache_dir() / f"photos-{width}x{height}"


def _base(i: int) -> bytes:
    from PIL import Image

    WIDTH, HEIGHT = picture_size()  # noqa: N806 - the constants they were
    g = Image.linear_gradient("L").resize((WIDTH, HEIGHT))
    if i % 2:
        g = g.transpose(Image.Transpose.FLIP_TOP_BOTTOM)
    other = Image.linear_gradient("L").transpose(Image.Transpose.ROTATE_90).resize((WIDTH, HEIGHT))
    noise = 22 + 3 * i
    r = Image.blend(g, Image.effect_noise((WIDTH, HEIGHT), noise), 0.4)
    b = Image.blend(other, Image.effect_noise((WIDTH, HEIGHT), noise), 0.35)
    im = Image.merge("RGB", (r, b, Image.blend(g, other, 0.3 + 0.05 * i)))
    exif = Image.Exif()
    exif[0x010F] = "Bench"  # Make
    exif[0x0110] = "Phone 12MP"  # Model
    exif[0x0112] = 6 if i % 4 == 3 else 1  # Orientation: some shot upright
    exif.get_ifd(0x8769)[0x9003] = f"2026:10:{10 + i:02d} 14:3{i}:00"  # DateTimeOriginal
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=92, exif=exif.tobytes())
    return buf.getvalue()


def _with_comment(jpeg: bytes, text: str) -> bytes:
    """The same JPEG with a COM segment right after SOI (a different file, the same picture)."""
    payload = text.encode()
    return jpeg[:2] + b"\xff\xfe" + struct.pack(">H", len(payload) + 2) + payload + jpeg[2:]


def photo_files(n: int) -> list[Path]:
    """`n` distinct photo files (made on first use, then reused)."""
    folder = set_dir()
    folder.mkdir(parents=True, exist_ok=True)
    bases: dict[int, bytes] = {}
    out = []
    for k in range(n):
        path = folder / f"IMG_{k:04d}.jpg"
        if not path.exists():
            b = k % BASES
            if b not in bases:
                bases[b] = _base(b)
            tmp = path.with_suffix(".tmp")
            tmp.write_bytes(_with_comment(bases[b], f"bench photo {k}"))
            tmp.rename(path)
        out.append(path)
    return out
