"""Annotations drawn with the mouse are stored in the photos.annotate JSON and round-trip."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QInputDialog, QPlainTextEdit, QToolButton

from inspector_app.photos.annotate import parse_shapes
from inspector_app.services import photos as photo_service
from inspector_app.ui.photos import PhotoViewer, annotation_scene
from inspector_app.ui.photos.shapes import TextItem, TwoPointItem
from tests.ui.photos.conftest import activate
from tests.ui.photos.mouse import send
from tests.ui.purchase_helpers import drive_modal

W, H = 800, 600


@pytest.fixture
def viewer(qtbot, env, purchase, attach, wait_images):
    photos = attach(2, purchase_id=purchase.id, size=(W, H))
    v = PhotoViewer(env, photos, 0)
    v.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)  # qtbot closes it at the end
    qtbot.addWidget(v)
    v.resize(1100, 800)
    v.show()
    qtbot.waitExposed(v)
    activate(qtbot, v)
    v.view.setFocus()
    wait_images(lambda: v.is_loaded)
    return v


def drag(view, a: tuple[float, float], b: tuple[float, float]) -> None:
    """Press at fraction a of the photo, move in steps, release at fraction b."""
    p, q = QPointF(a[0] * W, a[1] * H), QPointF(b[0] * W, b[1] * H)
    send(view, QEvent.Type.MouseButtonPress, p)
    for t in (0.25, 0.5, 0.75, 1.0):
        send(view, QEvent.Type.MouseMove, p + (q - p) * t)
    send(view, QEvent.Type.MouseButtonRelease, q)


def stored(env, viewer) -> list[dict]:
    return photo_service.get_photo(env.ctx, viewer.current.id).annotations


def test_draw_an_arrow_and_a_rectangle_and_they_round_trip(qtbot, env, viewer):
    qtbot.keyClick(viewer.view, Qt.Key.Key_A)
    assert viewer.scene.tool == "arrow"
    with qtbot.waitSignal(viewer.photo_changed):
        drag(viewer.view, (0.10, 0.80), (0.45, 0.40))
    qtbot.keyClick(viewer.view, Qt.Key.Key_R)
    viewer.toolbar.choose_color("#ffcc00")
    with qtbot.waitSignal(viewer.photo_changed):
        drag(viewer.view, (0.50, 0.30), (0.75, 0.55))
    shapes = stored(env, viewer)
    assert [s["type"] for s in shapes] == ["arrow", "rect"]
    arrow, rect = shapes
    tol = 2 / viewer.view.zoom() / W + 1e-4  # a screen pixel or so
    for key, value in {"x1": 0.10, "y1": 0.80, "x2": 0.45, "y2": 0.40}.items():
        assert arrow[key] == pytest.approx(value, abs=tol)
    for key, value in {"x1": 0.50, "y1": 0.30, "x2": 0.75, "y2": 0.55}.items():
        assert rect[key] == pytest.approx(value, abs=tol)
    assert arrow["color"] == "#ff0000" and rect["color"] == "#ffcc00"
    assert arrow["width"] == rect["width"] == 0.005
    assert parse_shapes(shapes) == shapes  # exactly the documented format
    # Round trip: a new viewer shows the same shapes, and saving them again changes nothing.
    photo_id = viewer.current.id
    viewer.close()
    again = PhotoViewer(env, [photo_service.get_photo(env.ctx, photo_id)], 0)
    qtbot.addWidget(again)
    assert again.scene.shapes() == shapes
    assert [type(i) for i in again.scene.shape_items()] == [TwoPointItem, TwoPointItem]
    photo_service.set_annotations(env.ctx, again.current.id, again.scene.shapes())
    assert photo_service.get_photo(env.ctx, again.current.id).annotations == shapes


def test_a_click_is_not_a_shape(qtbot, env, viewer):
    qtbot.keyClick(viewer.view, Qt.Key.Key_E)
    drag(viewer.view, (0.5, 0.5), (0.5005, 0.5))
    assert viewer.scene.shapes() == [] and stored(env, viewer) == []


def test_text_select_delete_undo_and_hide(qtbot, env, viewer, monkeypatch):
    monkeypatch.setattr(annotation_scene, "multiline_text", lambda *a, **k: ("Seam open\n开线", True))
    qtbot.keyClick(viewer.view, Qt.Key.Key_T)
    with qtbot.waitSignal(viewer.photo_changed):
        send(viewer.view, QEvent.Type.MouseButtonPress, QPointF(0.2 * W, 0.1 * H))
        send(viewer.view, QEvent.Type.MouseButtonRelease, QPointF(0.2 * W, 0.1 * H))
    qtbot.keyClick(viewer.view, Qt.Key.Key_E)
    with qtbot.waitSignal(viewer.photo_changed):
        drag(viewer.view, (0.3, 0.4), (0.7, 0.9))
    text, ellipse = stored(env, viewer)
    assert text == {
        "type": "text",
        "x": pytest.approx(0.2, abs=0.005),
        "y": pytest.approx(0.1, abs=0.005),
        "text": "Seam open\n开线",
        "color": "#ff0000",
        "size": 0.04,
    }
    assert ellipse["type"] == "ellipse"
    # Select the ellipse by clicking its outline, delete it, then undo.
    qtbot.keyClick(viewer.view, Qt.Key.Key_S)
    send(viewer.view, QEvent.Type.MouseButtonPress, QPointF(0.3 * W, 0.65 * H))
    send(viewer.view, QEvent.Type.MouseButtonRelease, QPointF(0.3 * W, 0.65 * H))
    assert [i.kind for i in viewer.scene.selectedItems()] == ["ellipse"]
    with qtbot.waitSignal(viewer.photo_changed):
        qtbot.keyClick(viewer.view, Qt.Key.Key_Delete)
    assert [s["type"] for s in stored(env, viewer)] == ["text"]
    with qtbot.waitSignal(viewer.photo_changed):
        qtbot.keyClick(viewer.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [s["type"] for s in stored(env, viewer)] == ["text", "ellipse"]
    # Move the text by dragging it in select mode.
    item = next(i for i in viewer.scene.shape_items() if isinstance(i, TextItem))
    grab = item.mapToScene(item.boundingRect().center())
    with qtbot.waitSignal(viewer.photo_changed):
        send(viewer.view, QEvent.Type.MouseButtonPress, grab)
        send(viewer.view, QEvent.Type.MouseMove, grab + QPointF(80, 60))
        send(viewer.view, QEvent.Type.MouseButtonRelease, grab + QPointF(80, 60))
    moved = stored(env, viewer)[0]
    assert moved["x"] == pytest.approx(0.2 + 80 / W, abs=0.01) and moved["y"] == pytest.approx(
        0.1 + 60 / H, abs=0.01
    )
    # "Show annotations" hides the shapes (and leaves them stored).
    qtbot.keyClick(viewer.view, Qt.Key.Key_H)
    assert not viewer.toolbar.show_action.isChecked()
    assert all(not i.isVisible() for i in viewer.scene.shape_items())
    assert len(stored(env, viewer)) == 2
    # Shapes belong to their photo: the next one has none; coming back shows them again.
    qtbot.keyClick(viewer.view, Qt.Key.Key_H)
    qtbot.keyClick(viewer.view, Qt.Key.Key_Right)
    assert viewer.scene.shape_items() == []
    qtbot.keyClick(viewer.view, Qt.Key.Key_Left)
    assert len(viewer.scene.shape_items()) == 2


def test_screen_drawing_matches_the_report_rendering(qtbot, env, viewer):
    """The scene and photos.annotate (used by the reports) put the same strokes in the same place."""
    shapes = [
        {
            "type": "rect",
            "x1": 0.2,
            "y1": 0.2,
            "x2": 0.6,
            "y2": 0.7,
            "color": "#00ff00",
            "width": 0.01,
        },
        {"type": "arrow", "x1": 0.9, "y1": 0.9, "x2": 0.7, "y2": 0.8, "color": "#ffffff"},
    ]
    info = photo_service.set_annotations(env.ctx, viewer.current.id, shapes)
    viewer.photos[0] = info
    viewer.show_photo(0)
    screen = QImage(W, H, QImage.Format.Format_RGB32)
    painter = QPainter(screen)
    viewer.scene.render(painter, QRectF(0, 0, W, H), viewer.scene.sceneRect())
    painter.end()
    report = Image.open(
        io.BytesIO(photo_service.annotated_render(env.ctx, info.id, max_edge=W))
    ).convert("RGB")
    assert report.size == (W, H)
    # On the rectangle's left edge (8 px wide, inside the box) both are green; just outside neither is.
    for x, y, green in [
        (0.2 * W + 3, 0.5 * H, True),
        (0.2 * W - 4, 0.5 * H, False),
        (0.6 * W - 4, 0.3 * H, True),
    ]:
        q = screen.pixelColor(int(x), int(y))
        r, g, b = report.getpixel((int(x), int(y)))
        assert (q.green() > 200 and q.red() < 80) == green, (x, y, q.name())
        assert (g > 200 and r < 80) == green, (x, y, (r, g, b))
    # The arrow's tip is white in both.
    tip = (int(0.7 * W) + 3, int(0.8 * H) + 1)
    assert min(screen.pixelColor(*tip).getRgb()[:3]) > 200
    assert min(report.getpixel(tip)) > 200


def test_ctrl_return_confirms_the_text_annotation_dialog(qtbot, monkeypatch):
    """The text annotation dialog: Return is a new line, Ctrl+Return is OK."""
    from inspector_app.ui import keys

    answers = []

    def type_and_confirm(dialog):
        edit = dialog.findChild(QPlainTextEdit)
        qtbot.keyClicks(edit, "Seam")
        qtbot.keyClick(edit, Qt.Key.Key_Return)
        qtbot.keyClicks(edit, "open")
        assert dialog.isVisible()
        qtbot.keyClick(edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        answers.append(dialog.result())

    drive_modal(qtbot, QInputDialog, type_and_confirm)
    assert keys.multiline_text(None, "Text annotation", "Text:") == ("Seam\nopen", True)
    assert answers == [QInputDialog.DialogCode.Accepted]


def test_symbol_only_buttons_have_accessible_names(viewer):
    """"−" and "+" are read out as "Zoom out" and "Zoom in"; every nav button has a name."""
    out_button = viewer.nav_bar.widgetForAction(viewer.zoom_out_action)
    in_button = viewer.nav_bar.widgetForAction(viewer.zoom_in_action)
    assert (out_button.text(), out_button.accessibleName()) == ("−", "Zoom out")
    assert (in_button.text(), in_button.accessibleName()) == ("+", "Zoom in")
    for action in viewer.nav_bar.actions():
        button = viewer.nav_bar.widgetForAction(action)
        if isinstance(button, QToolButton):
            assert button.accessibleName(), action.text()
