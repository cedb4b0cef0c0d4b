"""What is made from a stored photo: thumbnails and metadata-free copies, oriented as
displayed, in sRGB, decoded within the memory budget (photos/decoding.py)."""

from __future__ import annotations

import io
import logging
import warnings
from pathlib import Path

from PIL import Image, ImageOps

from inspector_app.domain.errors import PhotoRejected
from inspector_app.domain.messages import t
from inspector_app.photos.decoding import draft, open_image, reason

logger = logging.getLogger(__name__)

#: Longest edge of the clean copy put into merchant-facing documents.
CLEAN_MAX_EDGE = 1200
#: JPEG quality of clean copies.
JPEG_QUALITY = 85
#: JPEG quality of thumbnails.
THUMB_QUALITY = 80

def thumbnail_of(im: Image.Image, edge: int, name: str) -> bytes | None:
    """make_thumbnail's JPEG from an image already decoded; None (made later) if it fails."""
    try:
        return encode_clean_jpeg(_displayed(im, edge), quality=THUMB_QUALITY)
    except Exception as e:  # noqa: BLE001 - the photo is good; its thumbnail is made on demand
        logger.info("no thumbnail for %s at import: %r", name, e)
        return None


def _display_image(source: bytes | Path, max_edge: int) -> Image.Image:
    """The photo as it should look: oriented, sRGB, RGB, fitting in max_edge x max_edge."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            im = open_image(source)
        except Exception as e:  # noqa: BLE001
            raise PhotoRejected(
                t("A stored photo could not be read ({problem}).", problem=reason(e))
            ) from None
    with im:
        try:
            draft(im, max_edge)
            im.thumbnail((max_edge, max_edge), Image.Resampling.LANCZOS)
        except Exception as e:  # noqa: BLE001
            raise PhotoRejected(
                t("A stored photo could not be read ({problem}).", problem=reason(e))
            ) from None
        return _displayed(im, max_edge)


def _displayed(im: Image.Image, max_edge: int) -> Image.Image:
    """An opened (drafted) image fitted into max_edge, oriented, sRGB RGB, no metadata."""
    im.thumbnail((max_edge, max_edge), Image.Resampling.LANCZOS)  # no-op when already done
    try:
        ImageOps.exif_transpose(im, in_place=True)
    except Exception as e:  # noqa: BLE001 - broken EXIF: show it unrotated
        logger.info("could not apply EXIF orientation: %r", e)
    icc = im.info.get("icc_profile")
    out = _to_srgb(im, icc) if icc and im.mode in ("RGB", "CMYK", "L") else None
    if out is None:
        out = _to_rgb(im)
    out.info.clear()
    return out


def _to_rgb(im: Image.Image) -> Image.Image:
    if im.mode in ("I;16", "I;16B", "I;16L", "I", "F"):
        return im.convert("I").point(lambda v: v * (1 / 256)).convert("L").convert("RGB")
    if im.mode in ("RGBA", "LA", "PA", "RGBa", "La") or (
        im.mode == "P" and "transparency" in im.info
    ):
        rgba = im.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(white, rgba).convert("RGB")
    return im.convert("RGB") if im.mode != "RGB" else im.copy()


def _to_srgb(im: Image.Image, icc: bytes) -> Image.Image | None:
    """RGB converted from the embedded colour profile, so it looks right without it."""
    try:
        from PIL import ImageCms

        src = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        return ImageCms.profileToProfile(im, src, ImageCms.createProfile("sRGB"), outputMode="RGB")
    except Exception as e:  # noqa: BLE001 - a bad profile: keep the pixels as they are
        logger.info("ignoring unusable ICC profile: %r", e)
        return None


def encode_clean_jpeg(im: Image.Image, *, quality: int = JPEG_QUALITY) -> bytes:
    """JPEG bytes with no metadata at all: no EXIF, GPS, XMP, ICC, comment or text."""
    clean = Image.new("RGB", im.size)
    clean.paste(im.convert("RGB") if im.mode != "RGB" else im)
    buf = io.BytesIO()
    clean.save(buf, "JPEG", quality=quality, optimize=True, exif=b"")
    return buf.getvalue()


def clean_image(source: bytes | Path, max_edge: int = CLEAN_MAX_EDGE) -> Image.Image:
    """An oriented, downscaled RGB copy of the photo with no metadata, for drawing on."""
    return _display_image(source, max_edge)


def make_thumbnail(source: bytes | Path, size: int) -> bytes:
    """A JPEG thumbnail fitting size x size, oriented as displayed, without metadata."""
    return encode_clean_jpeg(_display_image(source, size), quality=THUMB_QUALITY)


def make_clean_copy(source: bytes | Path, max_edge: int = CLEAN_MAX_EDGE) -> bytes:
    """The copy for merchant-facing documents: oriented, at most max_edge, JPEG, no metadata."""
    return encode_clean_jpeg(_display_image(source, max_edge))
