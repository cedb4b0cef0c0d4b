"""The photo widgets remember across sessions: the add-photos folder, the viewer's geometry."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt

from inspector_app.ui.photos import PhotoPanel, PhotoViewer
from inspector_app.ui.settings import (
    EXPORT_SAVE_DIR,
    IMPORT_OPEN_DIR,
    PHOTO_ADD_DIR,
    PHOTO_VIEWER_GEOMETRY,
)
from tests.ui.photos.conftest import activate
from tests.ui.state_helpers import env_with, fake_dialogs, reopened

LEFT = Qt.MouseButton.LeftButton


def test_photo_add_dialog_opens_where_photos_came_from_last_time(
    qtbot, env, settings, purchase, files, monkeypatch
):
    dialogs = fake_dialogs(monkeypatch)
    chosen = files("a.jpg")
    panel = PhotoPanel(env)
    qtbot.addWidget(panel)
    panel.set_owner(purchase_id=purchase.id)
    panel.show()
    fallback = settings.folder(PHOTO_ADD_DIR)  # nothing remembered yet: Documents or home
    dialogs.answer = [str(chosen)]
    with qtbot.waitSignal(panel.photos_changed, timeout=15_000):
        qtbot.mouseClick(panel.buttons["add"], LEFT)
    assert dialogs.last_start() == fallback

    # A new session: new preferences object, new panel.
    later = env_with(env, reopened(settings))
    again = PhotoPanel(later)
    qtbot.addWidget(again)
    again.set_owner(purchase_id=purchase.id)
    again.show()
    dialogs.answer = []
    qtbot.mouseClick(again.buttons["add"], LEFT)
    assert dialogs.last_start() == chosen.parent
    assert later.settings.get(EXPORT_SAVE_DIR) == "" and later.settings.get(IMPORT_OPEN_DIR) == ""


def test_photo_viewer_reopens_with_its_last_size_and_place(
    qtbot, env, settings, purchase, attach
):
    photos = attach(1, purchase_id=purchase.id)
    viewer = PhotoViewer(env, photos, 0)
    qtbot.addWidget(viewer)
    viewer.show()
    qtbot.waitExposed(viewer)
    viewer.setGeometry(QRect(60, 40, 610, 430))
    qtbot.waitUntil(lambda: viewer.size().width() == 610)
    place = viewer.pos()
    activate(qtbot, viewer)
    qtbot.keyClick(viewer.view, Qt.Key.Key_Escape)  # Esc closes (done), as users do
    qtbot.waitUntil(lambda: not viewer.isVisible())  # and deleted (WA_DeleteOnClose)
    assert not settings.get(PHOTO_VIEWER_GEOMETRY).isEmpty()

    again = PhotoViewer(env_with(env, reopened(settings)), photos, 0)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert (again.width(), again.height()) == (610, 430)
    assert again.pos() == place
