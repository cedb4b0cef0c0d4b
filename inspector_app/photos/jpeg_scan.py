"""A JPEG's structure checked without decoding its pixels (docs/performance.md, "Photos").

Decoding a 12-megapixel JPEG costs ~40 ms of CPU even at 1/8 scale (libjpeg still decodes
every block's coefficients), twice what storing it on a team server costs. What a decode
refuses is, in practice, structure: a file cut short (an interrupted copy), headers or
tables overwritten, a marker segment running past the end; damaged bits inside the
compressed data are mostly decoded into wrong pixels with a warning, not refused. This walks
the file's marker segments from the start-of-image to the end-of-image marker in C-speed
searches (a few ms), checking each segment's length against the file, that the frame header
(SOF) comes before the first scan, that the quantisation tables it names were defined
before it, that each scan names the frame's components, and that the compressed data of the
last scan ends with the end-of-image marker. (Missing Huffman tables are not refused: a
decoder supplies the standard ones, as for motion-JPEG frames.)
"""

from __future__ import annotations

import re

#: In compressed data 0xFF is followed by 0x00 (a stuffed byte), a restart marker
#: (0xD0-0xD7) or more 0xFF fill bytes; anything else is the next marker. (One 0xFF in
#: the pattern, not `\xff+`: that makes the search ~14x slower.)
_NEXT_MARKER = re.compile(rb"\xff[^\x00\xd0-\xd7\xff]")
#: Start-of-frame markers (0xC4 DHT, 0xC8 JPG and 0xCC DAC are not frames).
_SOF = {m for m in range(0xC0, 0xD0)} - {0xC4, 0xC8, 0xCC}
_DQT, _SOS, _EOI, _SOI = 0xDB, 0xDA, 0xD9, 0xD8


class Damaged(Exception):
    """The file's structure is broken; the message says how (for the log)."""


def check_jpeg(data: bytes) -> None:
    """Raise Damaged unless `data` is a structurally complete JPEG up to its first EOI
    (an MPO's further frames after it are not looked at, as a decoder does)."""
    if not data.startswith(b"\xff\xd8"):
        raise Damaged("no start-of-image marker")
    end = len(data)
    pos = 2
    frame = False
    components: set[int] = set()
    quant: set[int] = set()
    wanted_quant: set[int] = set()
    scans = 0
    while True:
        if pos + 2 > end:
            raise Damaged("truncated: the file ends between segments")
        if data[pos] != 0xFF:
            raise Damaged(f"no marker at byte {pos}")
        while pos + 1 < end and data[pos + 1] == 0xFF:  # fill bytes
            pos += 1
        if pos + 2 > end:
            raise Damaged("truncated: the file ends in fill bytes")
        marker = data[pos + 1]
        if marker == _EOI:
            if not frame or not scans:
                raise Damaged("end of image before any picture")
            return
        if marker == _SOI or 0xD0 <= marker <= 0xD7 or marker == 0x01:
            pos += 2  # markers without a length
            continue
        if pos + 4 > end:
            raise Damaged("truncated: the file ends in a segment's header")
        length = int.from_bytes(data[pos + 2:pos + 4], "big")
        body = data[pos + 4:pos + 2 + length]
        if length < 2 or pos + 2 + length > end:
            raise Damaged(f"segment 0x{marker:02X} runs past the end of the file")
        if marker in _SOF:
            if len(body) < 6 or len(body) != 6 + 3 * body[5] or body[5] == 0:
                raise Damaged("bad frame header")
            if int.from_bytes(body[3:5], "big") == 0 or int.from_bytes(body[1:3], "big") == 0:
                raise Damaged("frame of no size")
            frame = True
            components = {body[6 + 3 * i] for i in range(body[5])}
            wanted_quant = {body[8 + 3 * i] for i in range(body[5])}
        elif marker == _DQT:
            i = 0
            while i < len(body):
                size = 64 * (2 if body[i] >> 4 else 1)
                quant.add(body[i] & 0x0F)
                i += 1 + size
            if i != len(body):
                raise Damaged("bad quantisation table")
        elif marker == _SOS:
            if not frame:
                raise Damaged("scan before the frame header")
            if not wanted_quant <= quant:
                raise Damaged("a quantisation table is missing")
            n = body[0] if body else 0
            if n == 0 or len(body) != 4 + 2 * n:
                raise Damaged("bad scan header")
            if any(body[1 + 2 * k] not in components for k in range(n)):
                raise Damaged("a scan names a component the frame has not")
            scans += 1
            found = _NEXT_MARKER.search(data, pos + 2 + length)
            if found is None:
                raise Damaged("truncated: the compressed data has no end")
            pos = found.start()
            continue
        pos += 2 + length
