"""Resizing annotations by their handles: live geometry, one save per drag, same report picture."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QImage, QPainter

from inspector_app.services import photos as photo_service
from inspector_app.ui.photos import PhotoViewer
from inspector_app.ui.photos.handles import GRAB_MARGIN, HANDLE_PX, SIZE, ResizeHandle
from tests.ui.photos.conftest import activate
from tests.ui.photos.mouse import click, drag_points, hover

W, H = 800, 600
GREEN = "#00ff00"
RECT = {"type": "rect", "x1": 0.2, "y1": 0.2, "x2": 0.5, "y2": 0.5, "color": GREEN, "width": 0.01}
ELLIPSE = {**RECT, "type": "ellipse"}
ARROW = {
    "type": "arrow", "x1": 0.1, "y1": 0.9, "x2": 0.3, "y2": 0.7, "color": "#ffffff", "width": 0.005
}
TEXT = {"type": "text", "x": 0.55, "y": 0.2, "text": "Seam open", "color": "#ff00ff", "size": 0.04}
Cursor = Qt.CursorShape


@pytest.fixture
def open_viewer(qtbot, env, purchase, attach, wait_images):
    """open_viewer(shapes, read_only=False) -> a shown PhotoViewer on a photo with these shapes."""

    def make(shapes: list[dict], *, read_only: bool = False) -> PhotoViewer:
        (photo,) = attach(1, purchase_id=purchase.id, size=(W, H))
        info = photo_service.set_annotations(env.ctx, photo.id, shapes)
        v = PhotoViewer(env, [info], 0, read_only=read_only)
        v.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)  # qtbot closes it
        qtbot.addWidget(v)
        v.resize(1100, 800)
        v.show()
        qtbot.waitExposed(v)
        activate(qtbot, v)
        v.view.setFocus()
        wait_images(lambda: v.is_loaded)
        return v

    return make


@pytest.fixture
def saves(monkeypatch):
    """Every shape list sent to services.photos.set_annotations (one call = one transaction)."""
    calls: list[list] = []
    real = photo_service.set_annotations

    def spy(ctx, photo_id, shapes):
        calls.append(shapes)
        return real(ctx, photo_id, shapes)

    monkeypatch.setattr(photo_service, "set_annotations", spy)
    return calls


def at(fx: float, fy: float) -> QPointF:
    return QPointF(fx * W, fy * H)


def handles(viewer) -> list[ResizeHandle]:
    return [i for i in viewer.scene.items() if isinstance(i, ResizeHandle) and i.isVisible()]


def handle(viewer, role) -> ResizeHandle:
    return next(h for h in handles(viewer) if h.role == role)


def cursor_over(viewer, role) -> Qt.CursorShape:
    hover(viewer.view, handle(viewer, role).scenePos())
    return viewer.view.viewport().cursor().shape()


def stored(env, viewer) -> list[dict]:
    return photo_service.get_photo(env.ctx, viewer.current.id).annotations


def resize(qtbot, viewer, role, to: QPointF) -> None:
    with qtbot.waitSignal(viewer.photo_changed):
        drag_points(viewer.view, handle(viewer, role).scenePos(), to)


def approx(shape: dict, **values) -> None:
    for key, value in values.items():
        assert shape[key] == pytest.approx(value, abs=0.004), (key, shape)


def renders(env, viewer) -> tuple[QImage, Image.Image]:
    """The scene as drawn on screen (no selection) and the report's rendering, both W x H."""
    viewer.scene.clearSelection()
    screen = QImage(W, H, QImage.Format.Format_RGB32)
    painter = QPainter(screen)
    viewer.scene.render(painter, QRectF(0, 0, W, H), viewer.scene.sceneRect())
    painter.end()
    data = photo_service.annotated_render(env.ctx, viewer.current.id, max_edge=W)
    report = Image.open(io.BytesIO(data)).convert("RGB")
    assert report.size == (W, H)
    return screen, report


def assert_same_colour_at(screen, report, points, is_colour) -> None:
    for (x, y), expected in points:
        q = screen.pixelColor(int(x), int(y)).getRgb()[:3]
        r = report.getpixel((int(x), int(y)))
        assert is_colour(q) == expected, ("screen", x, y, q)
        assert is_colour(r) == expected, ("report", x, y, r)


def green(rgb) -> bool:
    return rgb[1] > 200 and rgb[0] < 80 and rgb[2] < 80


def test_rectangle_corner_resize_saves_once_renders_the_same_and_undoes(
    qtbot, env, open_viewer, saves
):
    v = open_viewer([RECT, ARROW])
    saves.clear()
    assert handles(v) == []
    click(v.view, at(0.2, 0.35))  # on the left edge
    assert [i.kind for i in v.scene.selectedItems()] == ["rect"]
    assert sorted(h.role for h in handles(v)) == [(1, 1), (1, 2), (2, 1), (2, 2)]
    assert handle(v, (2, 2)).scenePos() == at(0.5, 0.5)
    assert cursor_over(v, (2, 2)) == Cursor.SizeFDiagCursor
    assert cursor_over(v, (1, 2)) == Cursor.SizeBDiagCursor  # bottom-left
    assert saves == []  # selecting is no edit

    resize(qtbot, v, (2, 2), at(0.7, 0.8))
    assert len(saves) == 1
    rect, arrow = stored(env, v)
    approx(rect, x1=0.2, y1=0.2, x2=0.7, y2=0.8)
    assert arrow == ARROW and rect["width"] == 0.01
    assert handle(v, (2, 2)).scenePos() == at(0.7, 0.8)  # the handle followed the corner
    assert handle(v, (2, 1)).scenePos() == at(0.7, 0.2)

    # The report draws the stored rectangle where the screen drew it (8 px stroke inside).
    screen, report = renders(env, v)
    assert_same_colour_at(
        screen,
        report,
        [
            ((0.7 * W - 4, 0.5 * H), True),  # new right edge
            ((0.7 * W + 4, 0.5 * H), False),
            ((0.45 * W, 0.8 * H - 4), True),  # new bottom edge
            ((0.5 * W - 4, 0.35 * H), False),  # where the old right edge was
        ],
        green,
    )

    with qtbot.waitSignal(v.photo_changed):
        qtbot.keyClick(v.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(env, v) == [RECT, ARROW] and len(saves) == 2


def test_a_box_dragged_inside_out_keeps_its_corner_under_the_mouse(
    qtbot, env, open_viewer, saves
):
    v = open_viewer([ELLIPSE])
    saves.clear()
    click(v.view, at(0.2, 0.35))  # the ellipse's left-most point
    assert cursor_over(v, (1, 1)) == Cursor.SizeFDiagCursor
    resize(qtbot, v, (1, 1), at(0.65, 0.7))  # top-left dragged past the bottom-right
    assert len(saves) == 1
    (ellipse,) = stored(env, v)
    approx(ellipse, x1=0.65, y1=0.7, x2=0.5, y2=0.5)
    assert handle(v, (1, 1)).scenePos() == at(0.65, 0.7)
    assert cursor_over(v, (1, 1)) == Cursor.SizeFDiagCursor  # now the bottom-right corner
    assert cursor_over(v, (2, 1)) == Cursor.SizeBDiagCursor  # (0.5, 0.7): bottom-left
    screen, report = renders(env, v)
    assert_same_colour_at(
        screen,
        report,
        [
            ((0.5 * W + 3, 0.6 * H), True),  # left-most point of the new ellipse
            ((0.65 * W - 3, 0.6 * H), True),  # right-most
            ((0.575 * W, 0.6 * H), False),  # its centre
            ((0.2 * W + 3, 0.35 * H), False),  # the old left edge
        ],
        green,
    )


def test_arrow_ends_move_one_at_a_time(qtbot, env, open_viewer, saves):
    v = open_viewer([ARROW])
    saves.clear()
    click(v.view, at(0.2, 0.8))  # the middle of the shaft
    assert sorted(h.role for h in handles(v)) == [(1, 1), (2, 2)]
    assert cursor_over(v, (2, 2)) == Cursor.SizeAllCursor
    resize(qtbot, v, (2, 2), at(0.6, 0.4))  # the tip
    (arrow,) = stored(env, v)
    approx(arrow, x1=0.1, y1=0.9, x2=0.6, y2=0.4)
    resize(qtbot, v, (1, 1), at(0.05, 0.5))  # the tail
    (arrow,) = stored(env, v)
    approx(arrow, x1=0.05, y1=0.5, x2=0.6, y2=0.4)
    assert len(saves) == 2
    screen, report = renders(env, v)

    def white(rgb) -> bool:
        return min(rgb) > 200

    tip = (0.6 * W - 3, 0.4 * H + 1)  # just behind the tip, inside the head
    assert_same_colour_at(
        screen, report, [(tip, True), ((0.6 * W + 6, 0.4 * H), False)], white
    )


def test_text_size_handle_scales_the_text_and_the_report_follows(qtbot, env, open_viewer, saves):
    v = open_viewer([TEXT])
    saves.clear()
    item = v.scene.shape_items()[0]
    click(v.view, item.mapToScene(item.boundingRect().center()))
    assert [h.role for h in handles(v)] == [SIZE]
    assert cursor_over(v, SIZE) == Cursor.SizeFDiagCursor
    anchor = at(0.55, 0.2)
    start = handle(v, SIZE).scenePos()
    resize(qtbot, v, SIZE, anchor + (start - anchor) * 2)  # twice as far from the anchor
    (text,) = stored(env, v)
    assert text["size"] == pytest.approx(0.08, abs=0.004)
    assert (text["x"], text["y"], text["text"]) == (0.55, 0.2, "Seam open")
    assert len(saves) == 1

    # The glyphs (magenta) start and end at the same heights on screen and in the report;
    # the fonts differ (Qt's UI font, Pillow's), so widths only roughly agree.
    screen, report = renders(env, v)

    def ink(get) -> tuple[int, int, int, int]:
        xs, ys = [], []
        for y in range(0, H // 2):
            for x in range(W // 2, W):
                r, g, b = get(x, y)
                if r > 200 and g < 90 and b > 200:
                    xs.append(x)
                    ys.append(y)
        return min(xs), min(ys), max(xs), max(ys)

    qs = ink(lambda x, y: screen.pixelColor(x, y).getRgb()[:3])
    rs = ink(lambda x, y: report.getpixel((x, y)))
    px = 0.08 * H
    assert abs(qs[0] - rs[0]) <= 0.15 * px  # left
    assert abs(qs[1] - rs[1]) <= 0.15 * px  # cap height
    assert abs(qs[3] - rs[3]) <= 0.15 * px  # the descender of the p
    assert 0.8 < (qs[2] - qs[0]) / (rs[2] - rs[0]) < 1.25

    # The size stays within what photos.annotate accepts, even dragged past the photo's edge.
    click(v.view, item.mapToScene(item.boundingRect().center()))
    start = handle(v, SIZE).scenePos()
    resize(qtbot, v, SIZE, anchor + (start - anchor) * 5)
    assert stored(env, v)[0]["size"] == 0.25
    click(v.view, item.mapToScene(item.boundingRect().center()))
    resize(qtbot, v, SIZE, anchor)
    assert stored(env, v)[0]["size"] == 0.01
    assert len(saves) == 3


def test_collapsing_a_shape_to_a_dot_is_undone_and_not_saved(qtbot, env, open_viewer, saves):
    v = open_viewer([RECT])
    saves.clear()
    click(v.view, at(0.2, 0.35))
    drag_points(v.view, handle(v, (2, 2)).scenePos(), at(0.2, 0.2))
    qtbot.wait(20)
    assert saves == [] and stored(env, v) == [RECT]
    assert v.scene.shapes() == [RECT]
    assert handle(v, (2, 2)).scenePos() == at(0.5, 0.5)


def test_delete_key_and_where_handles_appear(qtbot, env, open_viewer, saves):
    v = open_viewer([RECT, ARROW])
    saves.clear()
    click(v.view, at(0.2, 0.35))
    assert len(handles(v)) == 4
    # Handles keep their size on screen when zoomed in.
    v.view.set_zoom(v.view.zoom() * 3)
    h = handle(v, (1, 1))
    box = h.deviceTransform(v.view.viewportTransform()).mapRect(h.boundingRect())
    assert box.width() == pytest.approx(HANDLE_PX + 2 * GRAB_MARGIN, abs=2)
    v.view.fit()
    # A drawing tool takes the handles away (and the selection).
    qtbot.keyClick(v.view, Qt.Key.Key_R)
    assert handles(v) == [] and v.scene.selectedItems() == []
    qtbot.keyClick(v.view, Qt.Key.Key_S)
    click(v.view, at(0.2, 0.35))
    # Clicking the photo beside the shapes deselects.
    click(v.view, at(0.85, 0.15))
    assert handles(v) == []
    click(v.view, at(0.2, 0.35))
    with qtbot.waitSignal(v.photo_changed):
        qtbot.keyClick(v.view, Qt.Key.Key_Delete)
    assert stored(env, v) == [ARROW] and len(saves) == 1
    assert handles(v) == []


def test_read_only_viewer_has_no_handles(qtbot, env, open_viewer, saves):
    v = open_viewer([RECT], read_only=True)
    saves.clear()
    click(v.view, at(0.2, 0.35))
    assert v.scene.selectedItems() == [] and handles(v) == []
    assert saves == []
