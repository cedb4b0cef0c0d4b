"""PhotoPanel: drop, paste, file dialog, bad files reported, cancel, delete with undo, captions."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication, QIcon, QImage
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMessageBox, QPushButton

from inspector_app.domain.enums import PhotoRole, Role
from inspector_app.services import photos as photo_service
from inspector_app.ui import changes
from inspector_app.ui.models.columns import ID_ROLE, ROW_ROLE
from inspector_app.ui.photos import PhotoListModel, PhotoPanel
from inspector_app.ui.photos.images import image_cache, placeholder_icon
from tests.services.builders import make_purchase
from tests.ui.photos.conftest import activate, url_mime


def make_panel(qtbot, env, **owner) -> PhotoPanel:
    panel = PhotoPanel(env)
    qtbot.addWidget(panel)
    panel.resize(800, 500)
    panel.show()
    qtbot.waitExposed(panel)
    activate(qtbot, panel)
    if owner:
        panel.set_owner(**owner)
    return panel


def finish(qtbot, panel: PhotoPanel) -> None:
    assert panel.task is not None
    if not panel.task.is_done:
        with qtbot.waitSignal(panel.task.finished, timeout=15_000):
            pass


def drop(panel: PhotoPanel, mime: QMimeData) -> QDropEvent:
    """A real drag-enter and drop on the grid's viewport, as the window system sends them."""
    target = panel.view.viewport()
    at = QPoint(40, 40)
    enter = QDragEnterEvent(
        at,  # QDragEnterEvent takes a QPoint (QDropEvent a QPointF)
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    event = QDropEvent(
        QPointF(at),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(target, event)
    return event


def names(ctx, **owner) -> list[str]:
    return [p.original_name for p in photo_service.list_photos(ctx, **owner)]


def test_dropping_two_files_imports_them_and_shows_thumbnails(
    qtbot, env, purchase, files, wait_images
):
    panel = make_panel(qtbot, env, purchase_id=purchase.id)
    assert panel.model.rowCount() == 0 and panel.buttons["add"].isVisibleTo(panel)
    a, b = files("front.jpg"), files("label.png")
    seen = []
    env.changes.changed.connect(lambda entity, ids: seen.append((entity, ids)))
    with qtbot.waitSignal(panel.photos_changed, timeout=15_000):
        event = drop(panel, url_mime(a, b))
    assert event.isAccepted()
    assert names(env.ctx, purchase_id=purchase.id) == ["front.jpg", "label.png"]
    assert panel.model.rowCount() == 2
    assert panel.count_label.text() == "Photos: 2"
    assert "Photo import: 2 stored, 0 already stored, 0 rejected." in panel.message_bar.label.text()
    assert any(e == changes.PHOTO and len(ids) == 2 for e, ids in seen)
    # Thumbnails: a placeholder first, then the real picture, loaded by a worker.
    index = panel.model.index(0)
    wait_images(
        lambda: (
            panel.model.data(index, Qt.ItemDataRole.DecorationRole).cacheKey()
            != placeholder_icon(panel.model.icon_edge).cacheKey()
        )
    )
    icon = panel.model.data(index, Qt.ItemDataRole.DecorationRole)
    assert isinstance(icon, QIcon)
    pm = icon.pixmap(64, 64)
    assert not pm.isNull() and pm.toImage().pixelColor(2, 2).red() > 200  # the red corner


def test_dropping_a_folder_imports_the_photos_in_it(qtbot, env, purchase, files):
    a = files("box/one.jpg")
    files("box/sub/two.jpg")
    (a.parent / "notes.txt").write_text("not a photo")
    panel = make_panel(qtbot, env, purchase_id=purchase.id)
    with qtbot.waitSignal(panel.photos_changed, timeout=15_000):
        drop(panel, url_mime(a.parent))
    assert sorted(names(env.ctx, purchase_id=purchase.id)) == ["one.jpg", "two.jpg"]


def test_a_bad_file_is_reported_with_its_reason(
    qtbot, env, purchase, files, tmp_path, message_boxes
):
    good = files("good.jpg")
    bad = tmp_path / "in" / "invoice.jpg"
    bad.write_text("this is a text file, not a photo")
    twin = good.with_name("good copy.jpg")
    twin.write_bytes(good.read_bytes())
    panel = make_panel(qtbot, env, purchase_id=purchase.id)
    panel.add_files([good, bad, twin])
    finish(qtbot, panel)
    assert names(env.ctx, purchase_id=purchase.id) == ["good.jpg"]
    box = message_boxes.shown[-1]
    assert box["text"] == "Photo import: 1 stored, 1 already stored, 1 rejected."
    assert (
        "'invoice.jpg' is not a JPEG, PNG or WebP photo; it looks like a text file."
        in box["informative"]
    )
    assert "Already attached:\n• good copy.jpg" in box["informative"]


def test_pasting_an_image_from_the_clipboard(qtbot, env, purchase, wait_images):
    panel = make_panel(qtbot, env, purchase_id=purchase.id)
    image = QImage(320, 200, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.darkGreen)
    QGuiApplication.clipboard().setImage(image)
    panel.view.setFocus()
    with qtbot.waitSignal(panel.photos_changed, timeout=15_000):
        qtbot.keyClick(panel.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    finish(qtbot, panel)
    [info] = photo_service.list_photos(env.ctx, purchase_id=purchase.id)
    assert info.original_name.startswith("Pasted image ") and info.original_name.endswith(".png")
    assert (info.width, info.height, info.media_type) == (320, 200, "image/png")
    tmp = env.ctx.paths.root / "tmp"
    assert not tmp.exists() or not any(tmp.iterdir())  # the temporary file is gone


def test_pasting_copied_files(qtbot, env, purchase, files):
    panel = make_panel(qtbot, env, purchase_id=purchase.id)
    QGuiApplication.clipboard().setMimeData(url_mime(files("a.jpg"), files("b.jpg")))
    with qtbot.waitSignal(panel.photos_changed, timeout=15_000):
        assert panel.paste()
    assert names(env.ctx, purchase_id=purchase.id) == ["a.jpg", "b.jpg"]


def test_pasting_text_says_there_is_nothing_to_import(qtbot, env, purchase):
    panel = make_panel(qtbot, env, purchase_id=purchase.id)
    QGuiApplication.clipboard().setText("hello")
    assert not panel.paste()
    assert panel.message_bar.label.text() == "The clipboard holds no image or photo files."


def test_file_dialog_adds_the_chosen_files(qtbot, env, purchase, files, monkeypatch):
    chosen = [str(files("x.jpg")), str(files("y.png"))]
    seen = {}

    def fake(parent, title, folder, filters):
        seen["filters"] = filters
        return chosen, filters

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(fake))
    panel = make_panel(qtbot, env, purchase_id=purchase.id)
    with qtbot.waitSignal(panel.photos_changed, timeout=15_000):
        qtbot.mouseClick(panel.buttons["add"], Qt.MouseButton.LeftButton)
    assert "*.jpg" in seen["filters"] and "*.png" in seen["filters"] and "*.webp" in seen["filters"]
    assert names(env.ctx, purchase_id=purchase.id) == ["x.jpg", "y.png"]


def test_cancel_stops_after_the_current_file(qtbot, env, purchase, files):
    paths = [files(f"p{i}.jpg", size=(1600, 1200)) for i in range(40)]
    panel = make_panel(qtbot, env, purchase_id=purchase.id)
    outcomes = []
    panel.importer.finished.connect(outcomes.append)
    task = panel.add_files(paths)
    task.progressed.connect(lambda done, total, label: task.cancel())
    finish(qtbot, panel)
    [outcome] = outcomes
    assert outcome.cancelled and 0 < len(outcome.results) < 40
    stored = photo_service.list_photos(env.ctx, purchase_id=purchase.id)
    assert len(stored) == len(outcome.stored)  # nothing half-imported
    assert (
        f"Cancelled; files not imported: {40 - len(outcome.results)}."
        in panel.message_bar.label.text()
    )


def test_delete_asks_and_can_be_undone(qtbot, env, purchase, attach, message_boxes):
    attach(3, purchase_id=purchase.id)
    panel = make_panel(qtbot, env, purchase_id=purchase.id)
    panel.view.setFocus()
    panel.view.setCurrentIndex(panel.model.index(1))
    message_boxes.answer = QMessageBox.StandardButton.No
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert message_boxes.shown[-1]["text"] == "Delete this photo?"
    assert panel.model.rowCount() == 3
    message_boxes.answer = QMessageBox.StandardButton.Yes
    with qtbot.waitSignal(panel.photos_changed):
        qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert panel.model.rowCount() == 2
    assert len(photo_service.list_photos(env.ctx, purchase_id=purchase.id)) == 2
    assert panel.message_bar.isVisible() and panel.message_bar.action_button.text() == "Undo"
    with qtbot.waitSignal(panel.photos_changed):
        qtbot.mouseClick(panel.message_bar.action_button, Qt.MouseButton.LeftButton)
    assert [p.original_name for p in panel.photos()] == [
        "photo-0.jpg",
        "photo-1.jpg",
        "photo-2.jpg",
    ]
    assert panel.selected_ids() == [panel.photos()[1].id]


def test_caption_edited_in_the_grid_is_saved(qtbot, env, purchase, attach):
    [info] = attach(1, purchase_id=purchase.id)
    panel = make_panel(qtbot, env, purchase_id=purchase.id)
    panel.view.setFocus()
    panel.view.setCurrentIndex(panel.model.index(0))
    qtbot.keyClick(panel.view, Qt.Key.Key_F2)
    editor = panel.view.findChild(QLineEdit)
    assert editor is not None and editor.isVisible()
    editor.selectAll()
    qtbot.keyClicks(editor, "Seam open at the left shoulder")
    with qtbot.waitSignal(panel.photos_changed):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert photo_service.get_photo(env.ctx, info.id).caption == "Seam open at the left shoulder"
    assert panel.model.data(panel.model.index(0)) == "Seam open at the left shoulder"


def test_merchant_manager_sees_evidence_read_only(
    qtbot, env, state, users, purchase, attach, files
):
    attach(2, purchase_id=purchase.id)
    state.set_actor(users[Role.MERCHANT_MANAGER])
    panel = make_panel(qtbot, env, purchase_id=purchase.id)
    assert not panel.editable
    assert not panel.buttons["add"].isVisibleTo(panel) and not panel.buttons["delete"].isVisibleTo(
        panel
    )
    assert panel.model.rowCount() == 2
    assert not panel.model.flags(panel.model.index(0)) & Qt.ItemFlag.ItemIsEditable
    assert panel.add_files([files("z.jpg")]) is None
    # The same person may add the merchant's rectification evidence to a case.
    panel.set_owner(purchase_id=purchase.id, read_only=True)
    assert not panel.editable


def test_panel_filters_by_role_and_follows_changes_elsewhere(qtbot, env, finding, attach):
    attach(1, finding_id=finding.id)
    panel = make_panel(qtbot, env, finding_id=finding.id, role=PhotoRole.VERIFICATION)
    assert panel.model.rowCount() == 0
    attach(2, finding_id=finding.id, role="verification")
    changes.notify(changes.PHOTO, [])
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2)


def test_model_passes_qtmodeltester(qtmodeltester, qtbot, env, purchase, attach, wait_images):
    infos = attach(3, purchase_id=purchase.id)
    model = PhotoListModel(lambda: env.ctx.photos)
    model.set_photos(infos)
    qtmodeltester.check(model)
    assert model.data(model.index(1), ID_ROLE) == infos[1].id
    assert model.data(model.index(1), ROW_ROLE) is infos[1]
    assert "640 × 480 px" in model.data(model.index(1), Qt.ItemDataRole.ToolTipRole)
    model.set_photos(infos[:2])
    qtmodeltester.check(model)
    model.set_photos([])
    qtmodeltester.check(model)
    wait_images()
    assert image_cache() is not None


def test_inline_tasks_import_at_once_and_clean_up(qtbot, env, purchase, inline_tasks):
    """With tasks run inline (as other screens' tests do), a paste imports before returning."""
    panel = make_panel(qtbot, env, purchase_id=purchase.id)
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.red)
    mime = QMimeData()
    mime.setImageData(image)
    assert panel.add_from_mime(mime)
    assert panel.task.is_done and panel.model.rowCount() == 1
    assert not any((env.ctx.paths.root / "tmp").iterdir())
    assert panel.add_action.isEnabled()


def test_progress_dialog_shows_n_of_n_and_its_cancel_button_works(
    qtbot, env, purchase, files, monkeypatch
):
    import time

    from PySide6.QtWidgets import QProgressDialog

    # Paced at >= 50 ms a photo, so the import outlasts the dialog's 400 ms delay however
    # fast the machine imports (it once relied on big files being slow, and got flaky).
    real_add = photo_service.add_photos

    def paced(*args, **kwargs):
        results = real_add(*args, **kwargs)  # checks at once, like the real one

        def one_by_one():
            for result in results:
                time.sleep(0.05)
                yield result

        return one_by_one()

    monkeypatch.setattr(photo_service, "add_photos", paced)
    paths = [files(f"big{i}.jpg", size=(1200, 900)) for i in range(60)]
    panel = make_panel(qtbot, env, purchase_id=purchase.id)
    outcomes = []
    panel.importer.finished.connect(outcomes.append)
    panel.add_files(paths)

    def dialog():
        found = [d for d in panel.findChildren(QProgressDialog) if d.isVisible()]
        return found[0] if found else None

    qtbot.waitUntil(
        lambda: dialog() is not None and " of 60: " in dialog().labelText(), timeout=10_000
    )
    assert dialog().labelText().startswith("Importing photo ")
    qtbot.mouseClick(dialog().findChild(QPushButton), Qt.MouseButton.LeftButton)
    finish(qtbot, panel)
    [outcome] = outcomes
    assert outcome.cancelled and len(outcome.results) < 60
    assert len(photo_service.list_photos(env.ctx, purchase_id=purchase.id)) == len(outcome.stored)
    qtbot.waitUntil(lambda: dialog() is None)


def test_a_picture_already_evidence_of_another_purchase_is_flagged(
    qtbot, env, state, purchase, finding, files, message_boxes
):
    reused = files("reused.jpg")
    (first,) = photo_service.add_photos(state.ctx, [reused], finding_id=finding.id)
    other = make_purchase(state.ctx, purchase.merchant_id, order_number="ORD-PHOTO-2")
    panel = make_panel(qtbot, env, purchase_id=other.id)
    panel.add_files([reused])
    finish(qtbot, panel)
    assert names(env.ctx, purchase_id=other.id) == ["reused.jpg"]  # stored all the same
    box = message_boxes.shown[-1]
    assert box["text"] == "Photo import: 1 stored, 0 already stored, 0 rejected."
    assert (
        "Stored, but already evidence of another purchase:\n"
        f"• reused.jpg: already evidence for finding {finding.id}"
    ) in box["informative"]
    assert first.flag == ""
