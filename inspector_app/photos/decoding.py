"""Opening a photo for decoding within the memory budget: the formats decoded at all, the
pixel budget of one decode, JPEG draft scaling, and what a failed decode is said to be."""

from __future__ import annotations

import io
import logging
from functools import cache
from pathlib import Path

from PIL import Image, ImageFile

from inspector_app.domain.messages import t

logger = logging.getLogger(__name__)

#: The memory budget of one decode, in pixels: a photo is decoded whole only if it has at
#: most this many (a 64 MP RGBA decode is 256 MB). JPEGs decode at 1/2, 1/4 or 1/8 scale
#: (draft mode) and are held to it at 1/8; PNG and WebP, decoded at full size, are refused
#: above it. Pillow's own bomb limit (~89 MP) would let one PNG cost over 700 MB.
MAX_DECODED_PIXELS = 64_000_000
#: Bytes a decoded pixel takes in Pillow (RGB is stored as RGBX).
DECODED_PIXEL_BYTES = 4
#: Pillow format name -> media type of the formats accepted without optional packages.
BASE_FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}


@cache
def accepted_formats() -> dict[str, str]:
    """Pillow format name -> media type; HEIC is added when pillow-heif can be imported."""
    formats = dict(BASE_FORMATS)
    try:
        import pillow_heif

        pillow_heif.register_heif_opener()
        formats["HEIF"] = "image/heic"
    except Exception:  # noqa: BLE001 - optional; any import problem just means no HEIC
        logger.debug("pillow-heif not available; HEIC photos are refused")
    return formats


class OverBudget(Exception):
    """The image would decode to more than MAX_DECODED_PIXELS."""

    def __init__(self, width: int, height: int) -> None:
        super().__init__(f"{width}x{height} pixels")
        self.width, self.height = width, height


def decoded_pixels(im: Image.Image) -> int:
    """Pixels a decode of `im` holds at the least: a JPEG at 1/8 scale, others whole."""
    if im.format in ("JPEG", "MPO"):
        return -(-im.width // 8) * -(-im.height // 8)
    return im.width * im.height


def open_image(source: bytes | Path) -> ImageFile.ImageFile:
    fp = io.BytesIO(source) if isinstance(source, bytes | bytearray) else source
    im = Image.open(fp, formats=list(accepted_formats()))
    # The warnings filter set around this call is process-global and not thread-safe
    # (thumbnails are made on worker threads), so check the declared size here as well.
    limit = Image.MAX_IMAGE_PIXELS  # None when an embedding program turned the check off
    if limit is not None and im.width * im.height > limit:
        im.close()
        raise Image.DecompressionBombError(f"{im.width}x{im.height} pixels")
    if decoded_pixels(im) > MAX_DECODED_PIXELS:
        im.close()
        raise OverBudget(im.width, im.height)
    return im


def draft(im: Image.Image, max_edge: int) -> None:
    """Have a JPEG decode at the smallest 1/2, 1/4 or 1/8 scale still covering max_edge."""
    if im.format in ("JPEG", "MPO"):
        im.draft("RGB", (max_edge, max_edge))


def reason(e: Exception) -> str:
    text = str(e).strip() or type(e).__name__
    if "truncated" in text:
        return t("the file ends before the picture does, as after an interrupted copy")
    return text[:120]
