"""Annotation shapes: validation and normalisation, and drawing them scaled onto an image."""

from __future__ import annotations

import json

import pytest
from PIL import Image

from inspector_app.domain.errors import ValidationError
from inspector_app.photos.annotate import draw_shapes, parse_shapes, shapes_to_json


def test_parse_normalises_and_round_trips():
    text = json.dumps(
        [
            {"type": "arrow", "x1": 0, "y1": 1, "x2": 0.5, "y2": 0.5},
            {"type": "text", "x": 0.1, "y": 0.2, "text": " 开线 ", "color": "#ABC", "size": 0.1},
        ]
    )
    shapes = parse_shapes(text)
    assert shapes == [
        {"type": "arrow", "x1": 0.0, "y1": 1.0, "x2": 0.5, "y2": 0.5, "color": "#ff0000",
         "width": 0.005},
        {"type": "text", "x": 0.1, "y": 0.2, "text": "开线", "color": "#aabbcc", "size": 0.1},
    ]  # fmt: skip
    assert parse_shapes(shapes_to_json(shapes)) == shapes
    assert "开线" in shapes_to_json(shapes)
    assert parse_shapes(None) == parse_shapes("") == parse_shapes("  ") == parse_shapes([]) == []
    assert shapes_to_json([]) == ""


@pytest.mark.parametrize(
    "bad",
    [
        [{"type": "rect", "x1": 0, "y1": 0, "x2": float("nan"), "y2": 1}],
        [{"type": "rect", "x1": 0, "y1": 0, "x2": "1", "y2": 1}],
        [{"type": "rect", "x1": -0.1, "y1": 0, "x2": 1, "y2": 1}],
        [{"type": "rect", "x1": 0, "y1": 0, "x2": 1, "y2": 1, "width": 0.5}],
        [{"type": "text", "x": 0, "y": 0, "text": "x" * 501}],
        [{"type": "text", "x": 0, "y": 0, "text": "x", "size": 0.001}],
        ["rect"],
        [{"x": 0}],
    ],
)
def test_parse_refuses_bad_shapes(bad):
    with pytest.raises(ValidationError) as err:
        parse_shapes(bad)
    assert err.value.field == "annotations" and str(err.value).startswith("Annotation 1:")


def _count(im: Image.Image, color: tuple[int, int, int]) -> int:
    return dict((c, n) for n, c in im.getcolors(im.width * im.height)).get(color, 0)


def test_draw_scales_fractions_to_the_image():
    for size in ((400, 300), (120, 90)):
        im = Image.new("RGB", size, (0, 0, 0))
        shapes = parse_shapes(
            [{"type": "rect", "x1": 0.5, "y1": 0.5, "x2": 0.25, "y2": 0.25, "color": "#00ff00"}]
        )
        draw_shapes(im, shapes)
        w, h = size
        assert im.getpixel((w // 4, h // 3)) == (0, 255, 0)  # the left edge
        assert im.getpixel((w * 3 // 8, h * 3 // 8)) == (0, 0, 0)  # the inside stays clear
        assert im.getpixel((w * 3 // 4, h * 3 // 4)) == (0, 0, 0)


def test_draw_arrow_ellipse_and_mixed_text():
    im = Image.new("RGB", (400, 300), (0, 0, 0))
    draw_shapes(
        im,
        parse_shapes(
            [
                {"type": "arrow", "x1": 0.1, "y1": 0.9, "x2": 0.9, "y2": 0.9, "width": 0.01},
                {"type": "ellipse", "x1": 0.1, "y1": 0.1, "x2": 0.4, "y2": 0.4, "color": "#0000ff"},
                {"type": "text", "x": 0.5, "y": 0.1, "text": "开线\nseam", "color": "#ffffff"},
            ]
        ),
    )
    assert im.getpixel((200, 270)) == (255, 0, 0)  # the shaft
    assert im.getpixel((355, 270)) == (255, 0, 0)  # the head, near the tip
    assert _count(im, (0, 0, 255)) > 100
    assert im.crop((200, 0, 400, 150)).getbbox() is not None  # the text
    assert im.crop((0, 150, 400, 240)).getbbox() is None  # nothing stray
