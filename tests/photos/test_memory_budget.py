"""Decoding stays within the stated memory budget (imaging.MAX_DECODED_PIXELS).

Peak memory is measured in a child process (ru_maxrss): Pillow's pixel buffers are C
allocations that tracemalloc does not see. The PNGs are streamed out row by row with zlib,
so making them costs no memory either.
"""

from __future__ import annotations

import json
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from inspector_app.domain.errors import PhotoRejected
from inspector_app.photos import imaging

CHILD = r"""
import json, resource, sys
from pathlib import Path
from inspector_app.domain.errors import PhotoRejected
from inspector_app.photos import imaging
data = Path(sys.argv[1]).read_bytes()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
try:
    probe = imaging.check_photo(data, "big.png", thumb_edge=256).probe
    outcome = f"accepted {probe.width}x{probe.height}"
except PhotoRejected as exc:
    outcome = "refused: " + str(exc)
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"outcome": outcome, "peak_growth_kb": after - before}))
"""


def write_png(path: Path, width: int, height: int) -> Path:
    """A grey RGB PNG of width x height, written row by row (flat memory)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(
            ">I", zlib.crc32(kind + body) & 0xFFFFFFFF
        )

    row = b"\x00" + b"\x80" * (3 * width)
    packer = zlib.compressobj(9)
    with path.open("wb") as fh:
        fh.write(b"\x89PNG\r\n\x1a\n")
        fh.write(chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)))
        parts = []
        for _ in range(height):
            parts.append(packer.compress(row))
        parts.append(packer.flush())
        fh.write(chunk(b"IDAT", b"".join(parts)))
        fh.write(chunk(b"IEND", b""))
    return path


def _measure(png: Path) -> dict:
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, str(png)], capture_output=True, text=True, timeout=300
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_png_just_under_pillows_bomb_limit_is_refused_within_budget(tmp_path):
    side = int(imaging.Image.MAX_IMAGE_PIXELS ** 0.5)  # 9459 x 9459 = 89.47 MP
    assert side * side <= imaging.Image.MAX_IMAGE_PIXELS
    png = write_png(tmp_path / "huge.png", side, side)
    result = _measure(png)
    assert result["outcome"].startswith("refused") and "64 MP" in result["outcome"], result
    assert result["peak_growth_kb"] < 32 * 1024, result  # refused before any decoding


def test_png_under_the_budget_decodes_within_it(tmp_path):
    side = int(imaging.MAX_DECODED_PIXELS ** 0.5) - 10  # 7990 x 7990 = 63.8 MP
    png = write_png(tmp_path / "big.png", side, side)
    result = _measure(png)
    assert result["outcome"] == f"accepted {side}x{side}", result
    budget_kb = imaging.MAX_DECODED_PIXELS * imaging.DECODED_PIXEL_BYTES // 1024
    slack_kb = png.stat().st_size // 1024 + 48 * 1024  # the file's bytes, the thumbnail
    print(f"peak growth {result['peak_growth_kb'] / 1024:.0f} MB (budget {budget_kb / 1024:.0f} MB)")
    assert result["peak_growth_kb"] < budget_kb + slack_kb, result


def test_jpeg_is_held_to_the_budget_at_one_eighth_scale(tmp_path):
    from PIL import Image

    im = Image.new("RGB", (64, 48))
    im.save(tmp_path / "small.jpg")
    with Image.open(tmp_path / "small.jpg") as opened:
        assert imaging.decoded_pixels(opened) == 8 * 6
    png = write_png(tmp_path / "wide.png", 9000, 7200)  # 64.8 MP: over the budget
    with pytest.raises(PhotoRejected, match="at most 64 MP"):
        imaging.check_photo(png.read_bytes(), "wide.png")
