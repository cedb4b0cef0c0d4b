"""Photo validation with Pillow: reading a photo file, probing and checking it on import.

Decoding within the memory budget is in photos/decoding.py, thumbnails and metadata-free
copies in photos/renditions.py; their public names are importable from here as before.

Only JPEG, PNG and WebP (and HEIC when pillow-heif is installed) are ever decoded; every
other file, every damaged or truncated file and every decompression bomb is refused with a
`PhotoRejected` whose message names the file. Pillow's `LOAD_TRUNCATED_IMAGES` is never set.
"""

from __future__ import annotations

import logging
import os
import warnings
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PIL import Image

from inspector_app.domain.errors import PhotoRejected
from inspector_app.domain.labels import join_list
from inspector_app.domain.messages import t
from inspector_app.photos.decoding import (  # noqa: F401 - public names stay importable here
    BASE_FORMATS,
    DECODED_PIXEL_BYTES,
    MAX_DECODED_PIXELS,
    OverBudget,
    accepted_formats,
    decoded_pixels,
    draft,
    open_image,
    reason,
)
from inspector_app.photos.exif import orientation, taken_at_from_exif
from inspector_app.photos.exif import parse_exif_time as parse_exif_time  # re-exported
from inspector_app.photos.jpeg_scan import check_jpeg
from inspector_app.photos.renditions import (  # noqa: F401 - public names stay importable here
    CLEAN_MAX_EDGE,
    JPEG_QUALITY,
    THUMB_QUALITY,
    clean_image,
    encode_clean_jpeg,
    make_clean_copy,
    make_thumbnail,
    thumbnail_of,
)

logger = logging.getLogger(__name__)

#: Largest photo file accepted, in bytes; phone photos are 2-15 MB, RAW-sized JPEGs ~40 MB.
MAX_FILE_BYTES = 60 * 1024 * 1024
#: Leading bytes of formats people commonly rename to .jpg, to say what a refused file is
#: (the key of its description in _kind()).
_MAGIC = [
    (b"GIF8", "gif"),
    (b"BM", "bmp"),
    (b"II*\x00", "tiff"),
    (b"MM\x00*", "tiff"),
    (b"%PDF", "pdf"),
    (b"PK\x03\x04", "zip"),
    (b"\x00\x00\x01\x00", "icon"),
    (b"8BPS", "psd"),
    (b"<svg", "svg"),
    (b"<?xml", "xml"),
]


@dataclass(frozen=True)
class ImageProbe:
    """What a validated photo is: its media type, displayed size and when it was taken."""

    media_type: str
    format: str
    width: int  # after EXIF orientation, i.e. as displayed
    height: int
    taken_at: datetime | None  # aware UTC, from EXIF DateTimeOriginal when usable


def accepted_names() -> str:
    """'JPEG, PNG or WebP' (with HEIC when available), for messages."""
    names = ["HEIC" if f == "HEIF" else ("WebP" if f == "WEBP" else f) for f in accepted_formats()]
    return t("{formats} or {last}", formats=join_list(names[:-1]), last=names[-1])


def read_photo_file(path: str | os.PathLike[str], *, max_bytes: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a photo file, refusing missing, empty, unreadable and oversized files."""
    p = Path(path)
    name = p.name or str(p)
    try:
        st = p.stat()
    except FileNotFoundError:
        raise PhotoRejected(t("'{name}' was not found.", name=name)) from None
    except OSError as e:
        raise _unreadable(name, e) from None
    if not p.is_file():
        raise PhotoRejected(t("'{name}' is not a file.", name=name))
    if st.st_size > max_bytes:
        raise PhotoRejected(_too_big(name, st.st_size, max_bytes))
    try:
        with p.open("rb") as f:
            # Ask for the size it has (a buffer of max_bytes would be fresh memory each time).
            data = f.read(st.st_size + 1)
            if len(data) > st.st_size:  # it grew while we looked: read on, within the limit
                data += f.read(max_bytes + 1 - len(data))
    except OSError as e:
        raise _unreadable(name, e) from None
    if len(data) > max_bytes:
        raise PhotoRejected(_too_big(name, len(data), max_bytes))
    return data


def _unreadable(name: str, e: OSError) -> PhotoRejected:
    return PhotoRejected(
        t("'{name}' could not be read ({problem}).", name=name, problem=e.strerror or e)
    )


def _too_big(name: str, size: int, limit: int) -> str:
    return t(
        "'{name}' is {size} MB; photos larger than {limit} MB are not accepted.",
        name=name, size=f"{size / 1048576:.1f}", limit=f"{limit / 1048576:.0f}",
    )


def _what_is(data: bytes) -> str | None:
    """The kind of a file that is no photo we take (a key of _kind()), when it is recognised."""
    head = data[:16]
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return what
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in (b"heic", b"heix", b"mif1", b"msf1", b"hevc", b"heim", b"heis"):
            return "heic"
        if brand in (b"avif", b"avis"):
            return "avif"
        return "mp4"
    if head.lstrip()[:1] in (b"{", b"[") or all(32 <= b < 127 or b in (9, 10, 13) for b in head):
        return "text"
    return None


def _kind(key: str) -> str:
    """What a kind of file is called in messages ("a GIF image")."""
    return {
        "jpeg": t("a JPEG image"),
        "png": t("a PNG image"),
        "webp": t("a WebP image"),
        "gif": t("a GIF image"),
        "bmp": t("a BMP image"),
        "tiff": t("a TIFF image"),
        "pdf": t("a PDF document"),
        "zip": t("a ZIP archive or Office document"),
        "icon": t("an icon file"),
        "psd": t("a Photoshop document"),
        "svg": t("an SVG drawing"),
        "xml": t("an XML file"),
        "heic": t("a HEIC image"),
        "avif": t("an AVIF image"),
        "mp4": t("a video or MP4-family file"),
        "text": t("a text file"),
    }.get(key, key)


@dataclass(frozen=True)
class CheckedPhoto:
    """A validated photo: what it is, and its thumbnail when one was asked for."""

    probe: ImageProbe
    thumbnail: bytes | None  # JPEG as make_thumbnail makes it, from the validating decode


def probe(data: bytes, name: str) -> ImageProbe:
    """Validate a photo (see check_photo) and describe it; else PhotoRejected."""
    return check_photo(data, name).probe


def check_photo(data: bytes, name: str, *, thumb_edge: int | None = None,
                decode: bool = True) -> CheckedPhoto:
    """Validate a photo by decoding all its image data; with `thumb_edge`, also thumbnail it.

    JPEGs decode at reduced scale (draft mode, 1/8 when no thumbnail is asked for): libjpeg
    still entropy-decodes every block, so a truncated or damaged scan is refused exactly as
    by a full decode, at half its cost. The thumbnail comes from that same decode and is the
    same JPEG `make_thumbnail(data, thumb_edge)` would make. Else PhotoRejected.

    `decode=False` (an import to a team server): a JPEG's structure is checked instead of
    decoding it (photos/jpeg_scan.py, ~2 ms against ~40 ms) and no thumbnail is made; other
    formats are decoded as above.
    """
    if not data:
        raise PhotoRejected(t("'{name}' is empty.", name=name))
    if len(data) > MAX_FILE_BYTES:
        raise PhotoRejected(_too_big(name, len(data), MAX_FILE_BYTES))
    thumb = None
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            im = open_image(data)
            if type(im).verify is not Image.Image.verify:
                # verify() checks what load() does not (PNG chunk CRCs); it needs its own open.
                with im:
                    im.verify()
                im = open_image(data)
            with im:
                fmt = im.format or ""
                width, height = im.size
                if not decode and fmt in ("JPEG", "MPO"):
                    check_jpeg(data)
                    exif = _safe_exif(im, name)
                    turned = orientation(exif) in (5, 6, 7, 8)
                    taken_at = taken_at_from_exif(exif)
                    return _checked(fmt, width, height, turned, taken_at, name, None)
                draft(im, thumb_edge or 1)
                # Hand the decoder all the data at once: it then decodes without the GIL in
                # one call, instead of retaking the GIL every 64 KB (on an import's worker
                # thread, beside the storing thread and the GUI, that cost up to 3x).
                im.decodermaxblock = max(im.decodermaxblock, len(data))
                im.load()  # decodes all image data: truncated or corrupt data fails here
                exif = _safe_exif(im, name)
                # Before the thumbnail: exif_transpose removes the orientation from `exif`.
                turned = orientation(exif) in (5, 6, 7, 8)
                taken_at = taken_at_from_exif(exif)
                if thumb_edge:
                    thumb = thumbnail_of(im, thumb_edge, name)
        except OverBudget as e:
            raise PhotoRejected(t(
                "'{name}' is {width} x {height} pixels ({megapixels} MP); a {kind} photo is "
                "decoded whole and may have at most {limit} MP (memory budget {mb} MB).",
                name=name, width=e.width, height=e.height,
                megapixels=f"{e.width * e.height / 1e6:.0f}", kind=_kind_of(data),
                limit=f"{MAX_DECODED_PIXELS / 1e6:.0f}",
                mb=f"{MAX_DECODED_PIXELS * DECODED_PIXEL_BYTES / 1048576:.0f}",
            )) from None
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise PhotoRejected(t(
                "'{name}' declares more pixels than a photo has (over {pixels}); "
                "it looks like a decompression bomb and was refused.",
                name=name, pixels=f"{Image.MAX_IMAGE_PIXELS:,}",
            )) from None
        except Image.UnidentifiedImageError:
            if looks := _accepted_magic(data):
                raise PhotoRejected(t(
                    "'{name}' starts like {kind} but is damaged and could not be read.",
                    name=name, kind=_kind(looks),
                )) from None
            what = _what_is(data)
            if what == "heic":
                detail = t("it looks like a HEIC image (install pillow-heif to import HEIC photos)")
            elif what:
                detail = t("it looks like {kind}", kind=_kind(what))
            else:
                detail = t("its contents are not a known photo format")
            raise PhotoRejected(t(
                "'{name}' is not a {formats} photo; {detail}.",
                name=name, formats=accepted_names(), detail=detail,
            )) from None
        except Exception as e:  # noqa: BLE001 - Pillow raises many types on damaged data
            logger.info("rejected %s: %r", name, e)
            raise PhotoRejected(t(
                "'{name}' is damaged or incomplete and could not be read ({problem}).",
                name=name, problem=reason(e),
            )) from None
    return _checked(fmt, width, height, turned, taken_at, name, thumb)


def _checked(fmt: str, width: int, height: int, turned: bool, taken_at, name: str,
             thumb: bytes | None) -> CheckedPhoto:
    if fmt == "MPO":  # a JPEG with extra frames (HDR gain maps, previews): still a JPEG
        fmt = "JPEG"
    media_type = accepted_formats().get(fmt)
    if media_type is None:  # cannot happen with formats=[...], but never trust a plugin
        raise PhotoRejected(
            t("'{name}' is not a {formats} photo.", name=name, formats=accepted_names())
        )
    if turned:
        width, height = height, width
    return CheckedPhoto(ImageProbe(media_type, fmt, width, height, taken_at), thumb)


def _kind_of(data: bytes) -> str:
    magic = _accepted_magic(data)
    return {"png": "PNG", "webp": "WebP", "jpeg": "JPEG"}.get(magic or "", "PNG/WebP")


def _accepted_magic(data: bytes) -> str | None:
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    return None


def _safe_exif(im: Image.Image, name: str) -> Image.Exif | None:
    try:
        return im.getexif()
    except Exception as e:  # noqa: BLE001 - garbage EXIF must not refuse a good photo
        logger.info("ignoring unreadable EXIF in %s: %r", name, e)
        return None


