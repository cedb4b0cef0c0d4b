"""Images for the PDFs: checked for metadata and size before ReportLab embeds them."""

from __future__ import annotations

import hashlib
import io
import logging
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from inspector_app.domain.errors import InspectorError
from inspector_app.domain.messages import t

logger = logging.getLogger(__name__)

#: Longest edge, in pixels, of a photo embedded in a PDF (sharp at ~150 dpi on half A4).
PHOTO_MAX_EDGE = 1200
#: JPEG quality used when an image has to be re-encoded here.
JPEG_QUALITY = 82
#: JPEG markers that carry metadata: APP1..APP15 (EXIF, XMP, ICC, IPTC...) and COM.
_METADATA_MARKERS = frozenset([*range(0xE1, 0xF0), 0xFE])
#: Start-of-frame markers (SOF0-SOF15; C4, C8 and CC are other segments).
_FRAME_MARKERS = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}
#: Baseline, extended and progressive Huffman JPEGs: what PDF readers display everywhere.
_PLAIN_FRAMES = frozenset([0xC0, 0xC1, 0xC2])


@dataclass(frozen=True)
class PreparedImage:
    """An image file ready to embed: no metadata, orientation applied, within the size limit."""

    path: Path
    width: int
    height: int


def _jpeg_headers(fh: BinaryIO) -> tuple[list[int], int | None, tuple[int, int] | None]:
    """Walk a JPEG's header segments up to its first scan, seeking over their contents.

    Returns the metadata markers found, the frame (SOFn) marker and the frame's (w, h).
    """
    found: list[int] = []
    frame: int | None = None
    size: tuple[int, int] | None = None
    if fh.read(2) != b"\xff\xd8":
        return found, frame, size
    while True:
        head = fh.read(2)
        if len(head) < 2 or head[0] != 0xFF:
            break
        marker = head[1]
        if marker == 0xFF:  # fill byte: the marker follows
            fh.seek(-1, 1)
            continue
        if marker in (0xD9, 0xDA):  # end of image / start of scan: no more headers
            break
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:
            continue
        raw = fh.read(2)
        if len(raw) < 2:
            break
        (length,) = struct.unpack(">H", raw)
        body = 0
        if marker in _METADATA_MARKERS:
            found.append(marker)
        elif marker in _FRAME_MARKERS and frame is None:
            sof = fh.read(5)
            body = len(sof)
            if body == 5:
                _, height, width = struct.unpack(">BHH", sof)
                frame, size = marker, (width, height)
        fh.seek(length - 2 - body, 1)
    return found, frame, size


def jpeg_metadata_markers(data: bytes) -> list[int]:
    """The metadata segment markers (APP1-APP15, COM) found in the JPEG header `data`."""
    return _jpeg_headers(io.BytesIO(data))[0]


def _clean_small_jpeg(path: Path, max_edge: int) -> PreparedImage | None:
    """`path` as it is, when its headers alone show a clean JPEG within `max_edge`.

    The store's clean copies all pass here, so a notice with 100 photos reads a few hundred
    header bytes of each instead of opening it with Pillow; anything else returns None.
    """
    try:
        with path.open("rb") as fh:
            markers, frame, size = _jpeg_headers(fh)
    except OSError:
        return None  # prepare_image reports it
    if markers or frame not in _PLAIN_FRAMES or size is None:
        return None
    if min(size) <= 0 or max(size) > max_edge:
        return None
    return PreparedImage(path, size[0], size[1])


def _needs_rewrite(path: Path, fmt: str | None, size: tuple[int, int], max_edge: int) -> bool:
    if fmt not in ("JPEG", "PNG"):
        return True
    if max(size) > max_edge:
        return True
    if fmt == "JPEG":
        with path.open("rb") as fh:
            return bool(_jpeg_headers(fh)[0])
    # ReportLab decodes PNGs to raw pixels, so their text chunks never reach the PDF.
    return False


def prepare_image(path: Path | str, workdir: Path, max_edge: int = PHOTO_MAX_EDGE) -> PreparedImage:
    """`path` itself when it is a clean, small JPEG or PNG; otherwise a clean copy in `workdir`.

    The copy has its EXIF orientation applied, is shrunk to `max_edge` and is saved with no
    metadata at all. Photos from the photo store's clean copies pass through untouched.
    """
    from PIL import Image, ImageOps, UnidentifiedImageError

    src = Path(path)
    fast = _clean_small_jpeg(src, max_edge)
    if fast is not None:
        return fast
    try:
        with Image.open(src) as im:
            fmt, size = im.format, im.size
            if not _needs_rewrite(src, fmt, size, max_edge):
                return PreparedImage(src, size[0], size[1])
            im.draft("RGB", (max_edge, max_edge))
            ImageOps.exif_transpose(im, in_place=True)
            im.thumbnail((max_edge, max_edge))
            has_alpha = im.mode in ("RGBA", "LA", "PA") or "transparency" in im.info
            digest = hashlib.sha256(f"{src.resolve()}:{max_edge}".encode()).hexdigest()[:16]
            workdir.mkdir(parents=True, exist_ok=True)
            if has_alpha:
                out = workdir / f"{digest}.png"
                clean = im.convert("RGBA")
                clean.info = {}  # no text chunks, no ICC profile, no EXIF
                clean.save(out, "PNG")
            else:
                out = workdir / f"{digest}.jpg"
                clean = im.convert("RGB")
                clean.info = {}  # else Pillow writes the source's JPEG comment back
                clean.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
            logger.debug("Re-encoded %s for the PDF (%s, %s)", src.name, fmt, size)
            return PreparedImage(out, clean.width, clean.height)
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as exc:
        raise InspectorError(
            t("Cannot use the image {file} in the PDF: {problem}", file=src.name, problem=exc)
        ) from exc


def fit(width: int, height: int, max_w: float, max_h: float) -> tuple[float, float]:
    """The largest (w, h) with the image's aspect ratio inside max_w x max_h points."""
    if width <= 0 or height <= 0:
        return max_w, max_h
    scale = min(max_w / width, max_h / height)
    return width * scale, height * scale


#: JPEG quality of copies shrunk to fit a size budget, and the smallest edge tried.
BUDGET_QUALITY = 75
BUDGET_MIN_EDGE = 480


def fit_budget(image: PreparedImage, workdir: Path, max_bytes: int) -> PreparedImage:
    """`image` if its file is at most `max_bytes`, else a smaller re-encoded copy.

    JPEG size grows roughly with the pixel count, so the first try scales the edge by the
    square root of the excess; a second, smaller try follows only when that overshoots.
    """
    from PIL import Image

    size = image.path.stat().st_size
    if size <= max_bytes:
        return image
    digest = hashlib.sha256(str(image.path.resolve()).encode()).hexdigest()[:16]
    workdir.mkdir(parents=True, exist_ok=True)
    edge = max(image.width, image.height)
    best = image
    for _ in range(3):
        edge = max(BUDGET_MIN_EDGE, int(edge * min(0.9, (max_bytes / size) ** 0.5 * 0.95)))
        with Image.open(image.path) as im:
            im.draft("RGB", (edge, edge))
            im.thumbnail((edge, edge))
            small = im.convert("RGB")
        small.info = {}
        out = workdir / f"{digest}-{edge}.jpg"
        small.save(out, "JPEG", quality=BUDGET_QUALITY, optimize=True)
        best = PreparedImage(out, small.width, small.height)
        size = out.stat().st_size
        if size <= max_bytes or edge == BUDGET_MIN_EDGE:
            break
    logger.debug("Shrank %s to %d bytes (%d px) for the size budget", image.path.name, size, edge)
    return best
