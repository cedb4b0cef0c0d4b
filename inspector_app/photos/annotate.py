"""Annotation shapes drawn over a photo: validating the stored JSON and drawing it with Pillow.

A photo's annotations are a JSON list of shapes; the photo file itself is never altered.
Coordinates are fractions (0..1) of the photo *as displayed*, i.e. after EXIF orientation,
so the same shapes fit a thumbnail, the screen and a report copy alike:

    {"type": "arrow",   "x1": .1, "y1": .2, "x2": .5, "y2": .6, "color": "#ff0000", "width": .005}
    {"type": "rect",    "x1": .1, "y1": .2, "x2": .5, "y2": .6, "color": "#ffcc00"}
    {"type": "ellipse", "x1": .1, "y1": .2, "x2": .5, "y2": .6}
    {"type": "text",    "x": .1, "y": .1, "text": "Seam open", "color": "#ffffff", "size": .04}

`color` is "#rgb" or "#rrggbb" (default red); `width` is the stroke as a fraction of the
longer edge (default 0.005, at most 0.05); `size` is the text height as a fraction of the
image height (default 0.04, 0.01..0.25). Arrows point from (x1, y1) to (x2, y2).
"""

from __future__ import annotations

import json
import logging
import math
import re
from functools import cache
from itertools import groupby
from typing import TYPE_CHECKING, Any

from inspector_app.domain.errors import ValidationError
from inspector_app.domain.labels import join_list
from inspector_app.domain.messages import t

if TYPE_CHECKING:
    from PIL import Image, ImageDraw, ImageFont

logger = logging.getLogger(__name__)

#: The shape types the annotation editor and the report renderer know.
SHAPE_TYPES = ("arrow", "rect", "ellipse", "text")
#: Most shapes one photo may carry.
MAX_SHAPES = 200
#: Longest text of one text shape.
MAX_TEXT = 500
#: Colour when a shape names none: evidence red.
DEFAULT_COLOR = "#ff0000"
#: Stroke width, as a fraction of the longer edge, when a shape names none.
DEFAULT_WIDTH = 0.005
#: Text height, as a fraction of the image height, when a shape names none.
DEFAULT_TEXT_SIZE = 0.04

_COLOR = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
_BOX_KEYS = {"type", "x1", "y1", "x2", "y2", "color", "width"}
_TEXT_KEYS = {"type", "x", "y", "text", "color", "size"}
_FIELD = "annotations"


def _fail(index: int, message: str) -> ValidationError:
    return ValidationError(
        t("Annotation {number}: {problem}", number=index + 1, problem=message), field=_FIELD
    )


def _fraction(shape: dict, key: str, index: int, *, low: float = 0.0, high: float = 1.0) -> float:
    value = shape.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise _fail(index, t("'{key}' must be a number", key=key))
    if not low <= value <= high:
        raise _fail(index, t(
            "'{key}' must be between {low} and {high}, not {value}",
            key=key, low=f"{low:g}", high=f"{high:g}", value=f"{value:g}",
        ))
    return float(value)


def _color(shape: dict, index: int) -> str:
    value = shape.get("color", DEFAULT_COLOR)
    if not isinstance(value, str) or not _COLOR.match(value):
        raise _fail(index, t("colour {value} is not of the form #rrggbb", value=repr(value)))
    value = value.lower()
    if len(value) == 4:
        value = "#" + "".join(c * 2 for c in value[1:])
    return value


def _one_shape(shape: Any, index: int) -> dict:
    if not isinstance(shape, dict):
        raise _fail(index, t("each annotation must be an object"))
    kind = shape.get("type")
    if kind not in SHAPE_TYPES:
        raise _fail(index, t(
            "unknown type {type}; use one of {types}", type=repr(kind), types=join_list(SHAPE_TYPES)
        ))
    allowed = _TEXT_KEYS if kind == "text" else _BOX_KEYS
    extra = sorted(set(shape) - allowed)
    if extra:
        fields = join_list(extra)
        raise _fail(index, (
            t("unknown field {fields} for a {type}", fields=fields, type=kind)
            if len(extra) == 1
            else t("unknown fields {fields} for a {type}", fields=fields, type=kind)
        ))
    out: dict[str, Any] = {"type": kind}
    if kind == "text":
        out["x"] = _fraction(shape, "x", index)
        out["y"] = _fraction(shape, "y", index)
        text = shape.get("text")
        if not isinstance(text, str) or not text.strip():
            raise _fail(index, t("a text annotation needs some text"))
        if len(text) > MAX_TEXT:
            raise _fail(index, t("the text is longer than {limit} characters", limit=MAX_TEXT))
        out["text"] = text.strip()
        out["color"] = _color(shape, index)
        out["size"] = (
            _fraction(shape, "size", index, low=0.01, high=0.25)
            if "size" in shape
            else DEFAULT_TEXT_SIZE
        )
    else:
        for key in ("x1", "y1", "x2", "y2"):
            out[key] = _fraction(shape, key, index)
        out["color"] = _color(shape, index)
        out["width"] = (
            _fraction(shape, "width", index, low=0.0005, high=0.05)
            if "width" in shape
            else DEFAULT_WIDTH
        )
    return out


def parse_shapes(value: str | list | None) -> list[dict]:
    """The validated, normalised shape list from JSON text or a list; else ValidationError."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return []
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except json.JSONDecodeError as e:
            raise ValidationError(
                t("Annotations are not valid JSON ({problem})", problem=e.msg), field=_FIELD
            ) from None
    if not isinstance(value, list):
        raise ValidationError(t("Annotations must be a list of shapes"), field=_FIELD)
    if len(value) > MAX_SHAPES:
        raise ValidationError(
            t("A photo may carry at most {limit} annotations", limit=MAX_SHAPES), field=_FIELD
        )
    return [_one_shape(shape, i) for i, shape in enumerate(value)]


def shapes_to_json(shapes: list[dict]) -> str:
    """The stored form: compact JSON, or '' for no shapes."""
    return json.dumps(shapes, ensure_ascii=False, separators=(",", ":")) if shapes else ""


@cache
def _fonts(size: int) -> tuple[ImageFont.FreeTypeFont | ImageFont.ImageFont, ...]:
    """(Latin font, CJK font): the bundled CJK font has no Latin letters, Pillow's no CJK."""
    from PIL import ImageFont

    from inspector_app.resources import cjk_font_path

    latin = ImageFont.load_default(size)
    try:
        return latin, ImageFont.truetype(str(cjk_font_path()), size)
    except OSError:
        logger.warning("cannot load %s; Chinese text will not render", cjk_font_path())
        return latin, latin


def _is_cjk(ch: str) -> bool:
    return ord(ch) >= 0x2E80  # CJK radicals onwards: ideographs, kana, hangul, full-width forms


def _text(draw: ImageDraw.ImageDraw, shape: dict, w: int, h: int) -> None:
    size = max(8, round(shape["size"] * h))
    latin, cjk = _fonts(size)
    stroke = {"stroke_width": max(1, round(size / 14)), "stroke_fill": _contrast(shape["color"])}
    x0, baseline = shape["x"] * w, shape["y"] * h + size
    for line in shape["text"].split("\n"):
        x = x0
        for wide, chars in groupby(line, key=_is_cjk):
            run = "".join(chars)
            font = cjk if wide else latin
            draw.text((x, baseline), run, fill=shape["color"], font=font, anchor="ls", **stroke)
            x += font.getlength(run)
        baseline += round(size * 1.25)


def _contrast(color: str) -> str:
    r, g, b = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    return "#000000" if 0.299 * r + 0.587 * g + 0.114 * b > 150 else "#ffffff"


def draw_shapes(im: Image.Image, shapes: list[dict]) -> Image.Image:
    """Draw validated shapes onto `im` (RGB) in place, scaled to its size; returns `im`."""
    from PIL import ImageDraw

    w, h = im.size
    edge = max(w, h)
    draw = ImageDraw.Draw(im)
    for shape in shapes:
        color = shape["color"]
        if shape["type"] == "text":
            _text(draw, shape, w, h)
            continue
        stroke = max(1, round(shape["width"] * edge))
        x1, y1, x2, y2 = shape["x1"] * w, shape["y1"] * h, shape["x2"] * w, shape["y2"] * h
        if shape["type"] == "arrow":
            _arrow(draw, (x1, y1), (x2, y2), color, stroke)
        else:
            box = (min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2))
            if shape["type"] == "rect":
                draw.rectangle(box, outline=color, width=stroke)
            else:
                draw.ellipse(box, outline=color, width=stroke)
    return im


def _arrow(draw: ImageDraw.ImageDraw, start: tuple, tip: tuple, color: str, stroke: int) -> None:
    length = math.dist(start, tip)
    head = min(max(4 * stroke, 10), length * 0.6) if length else 0
    angle = math.atan2(tip[1] - start[1], tip[0] - start[0])
    # Stop the shaft at the head's base so the tip stays sharp.
    base = (tip[0] - head * 0.8 * math.cos(angle), tip[1] - head * 0.8 * math.sin(angle))
    draw.line([start, base], fill=color, width=stroke)
    if head:
        wings = [
            (tip[0] - head * math.cos(angle + s), tip[1] - head * math.sin(angle + s))
            for s in (math.radians(28), -math.radians(28))
        ]
        draw.polygon([tip, wings[0], wings[1]], fill=color)
