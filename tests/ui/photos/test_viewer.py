"""PhotoViewer: EXIF orientation, zoom (keys, Ctrl+wheel, fit, 100%), next/previous, captions."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QWheelEvent
from PySide6.QtWidgets import QApplication

from inspector_app.domain.enums import Role
from inspector_app.services import photos as photo_service
from inspector_app.ui.photos import PhotoPanel, PhotoViewer
from inspector_app.ui.photos.zoom_view import STEP
from tests.ui.photos.conftest import activate


def open_viewer(qtbot, env, photos, index=0, read_only=False) -> PhotoViewer:
    viewer = PhotoViewer(env, photos, index, read_only=read_only)
    qtbot.addWidget(viewer)
    viewer.resize(1000, 760)
    viewer.show()
    qtbot.waitExposed(viewer)
    activate(qtbot, viewer)
    viewer.view.setFocus()
    return viewer


def red(color: QColor) -> bool:
    return color.red() > 200 and color.green() < 80 and color.blue() < 80


def test_exif_orientation_is_applied(qtbot, env, purchase, files, wait_images):
    # Stored 640x480 with orientation 6 (rotate 90° clockwise): shown 480 wide, 640 high,
    # and the red block of the stored top-left corner appears at the top right.
    path = files("sideways.jpg", size=(640, 480), orientation=6)
    [result] = photo_service.add_photos(env.ctx, [path], purchase_id=purchase.id)
    info = photo_service.get_photo(env.ctx, result.photo_id)
    assert (info.width, info.height) == (480, 640)
    viewer = open_viewer(qtbot, env, [info])
    wait_images(lambda: viewer.is_loaded)
    assert viewer.scene.sceneRect().size().toSize().toTuple() == (480, 640)
    image = viewer.scene.photo_item.pixmap().toImage()
    assert (image.width(), image.height()) == (480, 640)
    assert red(image.pixelColor(470, 10)) and not red(image.pixelColor(10, 10))


def test_zoom_with_keys_wheel_fit_and_actual_size(qtbot, env, purchase, attach, wait_images):
    photos = attach(2, purchase_id=purchase.id, size=(1600, 1200))
    viewer = open_viewer(qtbot, env, photos)
    wait_images(lambda: viewer.is_loaded)
    view = viewer.view
    fitted = view.zoom()
    assert view.fit_mode and 0.2 < fitted < 1.0
    assert viewer.zoom_label.text() == f"{fitted * 100:.0f}%"
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert view.zoom() == pytest.approx(fitted * STEP) and not view.fit_mode
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    assert view.zoom() == pytest.approx(fitted / STEP)
    qtbot.keyClick(view, Qt.Key.Key_1)
    assert view.zoom() == pytest.approx(1.0) and viewer.zoom_label.text() == "100%"
    assert view.horizontalScrollBar().maximum() > 0  # 1600 px do not fit: it can pan
    qtbot.keyClick(view, Qt.Key.Key_F)
    assert view.zoom() == pytest.approx(fitted) and view.fit_mode
    # Ctrl+wheel zooms; a plain wheel does not.
    at = QPointF(view.viewport().rect().center())
    for modifiers in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ControlModifier):
        wheel = QWheelEvent(
            at,
            QPointF(view.viewport().mapToGlobal(at.toPoint())),
            QPoint(),
            QPoint(0, 120),
            Qt.MouseButton.NoButton,
            modifiers,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(view.viewport(), wheel)
    assert view.zoom() == pytest.approx(fitted * STEP)
    # Pan: with the select tool, dragging the photo scrolls it.
    qtbot.keyClick(view, Qt.Key.Key_1)
    before = view.horizontalScrollBar().value()
    start = view.viewport().rect().center()
    qtbot.mousePress(view.viewport(), Qt.MouseButton.MiddleButton, pos=start)
    qtbot.mouseMove(view.viewport(), start + QPoint(-100, 0))
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.MiddleButton, pos=start + QPoint(-100, 0))
    assert view.horizontalScrollBar().value() == before + 100


def test_arrow_keys_and_buttons_navigate(qtbot, env, purchase, attach, wait_images):
    photos = attach(3, purchase_id=purchase.id)
    photo_service.set_caption(env.ctx, photos[1].id, "Second photo")
    photos[1] = photo_service.get_photo(env.ctx, photos[1].id)
    viewer = open_viewer(qtbot, env, photos)
    seen = []
    viewer.current_changed.connect(seen.append)
    assert viewer.windowTitle() == "Photo 1 of 3 — photo-0.jpg"
    assert not viewer.prev_action.isEnabled()
    qtbot.keyClick(viewer.view, Qt.Key.Key_Right)
    assert viewer.index == 1 and viewer.caption_edit.text() == "Second photo"
    assert viewer.position_label.text() == "2 of 3"
    qtbot.keyClick(viewer.view, Qt.Key.Key_Right)
    qtbot.keyClick(viewer.view, Qt.Key.Key_Right)  # already at the last one
    assert viewer.index == 2 and not viewer.next_action.isEnabled()
    qtbot.keyClick(viewer.view, Qt.Key.Key_Left)
    assert viewer.index == 1
    prev_button = viewer.nav_bar.widgetForAction(viewer.prev_action)
    qtbot.mouseClick(prev_button, Qt.MouseButton.LeftButton)
    assert viewer.index == 0
    assert seen == [photos[1].id, photos[2].id, photos[1].id, photos[0].id]
    wait_images(lambda: viewer.is_loaded)


def test_caption_edited_in_the_viewer_is_saved_and_reaches_the_panel(
    qtbot, env, purchase, attach, wait_images
):
    attach(2, purchase_id=purchase.id)
    panel = PhotoPanel(env)
    qtbot.addWidget(panel)
    panel.set_owner(purchase_id=purchase.id)
    panel.show()
    viewer = panel.open_viewer(1)
    qtbot.waitExposed(viewer)
    activate(qtbot, viewer)
    viewer.caption_edit.setFocus()
    viewer.caption_edit.selectAll()
    qtbot.keyClicks(viewer.caption_edit, "Torn stitching, close-up")
    with qtbot.waitSignal(panel.photos_changed):
        qtbot.keyClick(viewer.caption_edit, Qt.Key.Key_Return)
    photo_id = panel.photos()[1].id
    assert photo_service.get_photo(env.ctx, photo_id).caption == "Torn stitching, close-up"
    assert panel.model.data(panel.model.index(1)) == "Torn stitching, close-up"
    # Left/Right inside the caption move the cursor, not the photo.
    qtbot.keyClick(viewer.caption_edit, Qt.Key.Key_Left)
    assert viewer.index == 1
    viewer.close()
    qtbot.waitUntil(lambda: not shiboken6.isValid(viewer))  # it deletes itself
    # Opening again (Enter on a thumbnail) makes a new viewer.
    panel.view.setCurrentIndex(panel.model.index(0))
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert panel.viewer is not viewer and panel.viewer.isVisible() and panel.viewer.index == 0
    panel.viewer.close()
    wait_images()


def test_read_only_viewer_shows_but_does_not_edit(
    qtbot, env, state, users, purchase, attach, wait_images
):
    photos = attach(1, purchase_id=purchase.id)
    photo_service.set_annotations(
        env.ctx, photos[0].id, [{"type": "rect", "x1": 0.1, "y1": 0.1, "x2": 0.5, "y2": 0.5}]
    )
    state.set_actor(users[Role.MERCHANT_MANAGER])
    panel = PhotoPanel(env)
    qtbot.addWidget(panel)
    panel.set_owner(purchase_id=purchase.id)
    viewer = panel.open_viewer(0)
    qtbot.waitExposed(viewer)
    assert viewer.read_only and viewer.caption_edit.isReadOnly()
    assert not viewer.toolbar.tool_actions["arrow"].isVisible()
    assert viewer.toolbar.show_action.isVisible()
    assert len(viewer.scene.shape_items()) == 1  # existing shapes are shown
    viewer.close()
    wait_images()
