"""PhotoViewer: a photo at screen size with zoom, pan, next/previous, caption and annotations.

    viewer = PhotoViewer(env, photos, index, read_only=False, parent=widget)
    viewer.photo_changed.connect(...)   # a PhotoInfo whose caption or shapes were saved
    viewer.show()

Keys: Left/Right or PageUp/PageDown previous/next; + and - (or Ctrl+wheel) zoom; F or Ctrl+0
fit; 1 or Ctrl+1 100%; S/A/R/E/T the annotation tools; Delete deletes the selected shapes;
Ctrl+Z undoes; H shows or hides the annotations; Esc closes. The selected shape's handles
resize it. The viewer's size and place are kept in the preferences. The photo is shown with its
EXIF orientation applied (Qt's auto-transform on the original, else the store's clean copy);
the thumbnail stands in while the full image loads. Shapes and captions are saved through
services.photos as soon as a change is finished; the original file is never altered.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from inspector_app.services import photos as photo_service
from inspector_app.ui.errors import show_error
from inspector_app.ui.i18n import tr
from inspector_app.ui.ops import run_op
from inspector_app.ui.photos.annotation_scene import AnnotationScene
from inspector_app.ui.photos.annotation_toolbar import AnnotationToolBar
from inspector_app.ui.photos.images import Key, display_key, image_cache
from inspector_app.ui.photos.model import describe_size
from inspector_app.ui.photos.zoom_view import ZoomView
from inspector_app.ui.settings import PHOTO_VIEWER_GEOMETRY

logger = logging.getLogger(__name__)


class PhotoViewer(QDialog):
    """Browse a list of photos; edit captions and shapes unless read-only."""

    #: A photo whose caption or annotations were saved (the new PhotoInfo).
    photo_changed = Signal(object)
    #: The id of the photo now shown.
    current_changed = Signal(int)

    def __init__(
        self,
        env,
        photos: list[photo_service.PhotoInfo],
        index: int = 0,
        *,
        read_only: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.env = env
        self.setObjectName("photo_viewer")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.photos = list(photos)
        self.index = -1
        self._full_shown = False
        self.read_only = read_only
        self._store = env.ctx.photos

        self.scene = AnnotationScene(self)
        self.scene.shapes_edited.connect(self._save_shapes)
        self.scene.selectionChanged.connect(self._update_tools)
        self.view = ZoomView(self.scene, self)
        self.view.zoom_changed.connect(self._show_zoom)
        self.view.setAccessibleName(tr("Photo"))
        self.toolbar = AnnotationToolBar(self.scene, self)
        self.nav_bar = QToolBar(tr("View"), self)
        self.nav_bar.setObjectName("viewer_nav_bar")
        self.nav_bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.prev_action = self._nav(
            tr("◀ Previous"), ["Left", "PgUp"], self.previous, tr("Previous photo (Left)")
        )
        self.next_action = self._nav(
            tr("Next ▶"), ["Right", "PgDown"], self.next, tr("Next photo (Right)")
        )
        self.nav_bar.addSeparator()
        self.zoom_out_action = self._nav(
            tr("−"), ["-", "Ctrl+-"], self.view.zoom_out, tr("Zoom out (-, Ctrl+wheel)"), name=tr("Zoom out")
        )
        self.zoom_label = QLabel(self)
        self.zoom_label.setObjectName("zoom_label")
        self.zoom_label.setMinimumWidth(48)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom_label.setToolTip(tr("Zoom"))
        self.nav_bar.addWidget(self.zoom_label)
        self.zoom_in_action = self._nav(
            tr("+"),
            ["+", "=", "Ctrl++", "Ctrl+="],
            self.view.zoom_in,
            tr("Zoom in (+, Ctrl+wheel)"),
            name=tr("Zoom in"),
        )
        self._nav(tr("Fit"), ["F", "Ctrl+0"], self.view.fit, tr("Fit the photo in the window (F)"))
        self._nav(
            tr("Actual size"),
            ["1", "Ctrl+1"],
            self.view.actual_size,
            tr("Show the photo's own pixels (1)"),
        )

        self.position_label = QLabel(self)
        self.position_label.setObjectName("photo_position")
        self.info_label = QLabel(self)
        self.info_label.setObjectName("photo_info")
        self.info_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.caption_edit = QLineEdit(self)
        self.caption_edit.setObjectName("caption_edit")
        self.caption_edit.setMaxLength(photo_service.MAX_CAPTION)
        self.caption_edit.setPlaceholderText(tr("Describe what the photo shows"))
        self.caption_edit.editingFinished.connect(self.save_caption)
        caption_label = QLabel(tr("&Caption:"), self)
        caption_label.setBuddy(self.caption_edit)

        bars = QHBoxLayout()
        bars.setContentsMargins(0, 0, 0, 0)
        bars.addWidget(self.toolbar, 1)
        bars.addWidget(self.nav_bar)
        bottom = QHBoxLayout()
        bottom.addWidget(caption_label)
        bottom.addWidget(self.caption_edit, 1)
        info_row = QHBoxLayout()
        info_row.addWidget(self.position_label)
        info_row.addStretch(1)
        info_row.addWidget(self.info_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bars)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)
        layout.addLayout(info_row)

        image_cache().loaded.connect(self._on_loaded)
        self.toolbar.set_editable(not read_only)
        self.caption_edit.setReadOnly(read_only)
        self._restore_geometry()
        self.view.setFocus()
        if self.photos:
            self.show_photo(min(max(index, 0), len(self.photos) - 1))

    def _nav(self, text: str, keys: list[str], slot, tip: str, name: str = "") -> QAction:
        """A toolbar action; `name` is what a screen reader says for a symbol-only button."""
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setToolTip(tip)
        action.triggered.connect(lambda _c=False: slot())
        self.nav_bar.addAction(action)
        button = self.nav_bar.widgetForAction(action)
        if button is not None:
            button.setAccessibleName(name or text)
            button.setAccessibleDescription(tip)
        return action

    def _restore_geometry(self) -> None:
        # The size and place the user gave the viewer last time (restoreGeometry moves it
        # back on screen if that screen is gone); the first time, most of the screen.
        saved = self.env.settings.get(PHOTO_VIEWER_GEOMETRY)
        if saved.isEmpty() or not self.restoreGeometry(saved):
            self._size_to_screen()

    def _save_geometry(self) -> None:
        if self.isVisible():
            self.env.settings.set(PHOTO_VIEWER_GEOMETRY, self.saveGeometry())

    def _size_to_screen(self) -> None:
        screen = (self.parentWidget() or self).screen()
        area = screen.availableGeometry() if screen is not None else None
        if area is not None and area.width() > 200:
            self.resize(int(area.width() * 0.85), int(area.height() * 0.85))
        else:
            self.resize(1200, 850)

    # -- showing a photo ---------------------------------------------------------------

    @property
    def current(self) -> photo_service.PhotoInfo | None:
        return self.photos[self.index] if 0 <= self.index < len(self.photos) else None

    @property
    def is_loaded(self) -> bool:
        """Whether the full-size image (not the thumbnail stand-in) is shown."""
        info = self.current
        return (
            info is not None
            and image_cache().pixmap(display_key(info.sha256)) is not None
            and self._full_shown
        )

    def show_photo(self, index: int) -> None:
        if not 0 <= index < len(self.photos):
            return
        if self.index != index and self.current is not None:
            self.save_caption()
        self.index = index
        info = self.photos[index]
        self._full_shown = False
        self.scene.set_photo_size(info.width, info.height)
        self.scene.load_shapes(info.annotations)
        cache = image_cache()
        full = cache.display_image(self._store, info.sha256)
        if full is not None:
            self.scene.set_pixmap(full)
            self._full_shown = True
        else:
            thumb = cache.thumbnail(self._store, info.sha256)
            if thumb is not None:
                self.scene.set_pixmap(thumb)
        self.view.fit()
        self.caption_edit.setText(info.caption)
        self.caption_edit.setCursorPosition(0)
        self.setWindowTitle(
            tr("Photo %1 of %2 — %3")
            .replace("%1", str(index + 1))
            .replace("%2", str(len(self.photos)))
            .replace("%3", info.original_name)
        )
        self.position_label.setText(
            tr("%1 of %2").replace("%1", str(index + 1)).replace("%2", str(len(self.photos)))
        )
        when = info.taken_at.astimezone().strftime("%Y-%m-%d %H:%M") if info.taken_at else ""
        self.info_label.setText(
            "  ·  ".join(x for x in (info.original_name, describe_size(info), when) if x)
        )
        self.prev_action.setEnabled(index > 0)
        self.next_action.setEnabled(index < len(self.photos) - 1)
        self._update_tools()
        self.current_changed.emit(info.id)

    @Slot(object)
    def _on_loaded(self, key: Key) -> None:
        info = self.current
        if info is None or key[1] != info.sha256:
            return
        cache = image_cache()
        if key == display_key(info.sha256):
            pm = cache.pixmap(key)
            if pm is not None:
                self.scene.set_pixmap(pm)
                self._full_shown = True
            elif reason := cache.failed_reason(self._store, key):
                self.info_label.setText(tr("The photo could not be shown: %1").replace("%1", reason))
        elif not self._full_shown:
            pm = cache.pixmap(key)
            if pm is not None:
                self.scene.set_pixmap(pm)

    def previous(self) -> None:
        self.show_photo(self.index - 1)

    def next(self) -> None:
        self.show_photo(self.index + 1)

    @Slot(float)
    def _show_zoom(self, factor: float) -> None:
        self.zoom_label.setText(f"{factor * 100:.0f}%")

    def _update_tools(self) -> None:
        self.toolbar.update_state()

    # -- saving ------------------------------------------------------------------------

    def _replace(self, info: photo_service.PhotoInfo) -> None:
        for i, p in enumerate(self.photos):
            if p.id == info.id:
                self.photos[i] = info
        self.photo_changed.emit(info)

    @Slot(list)
    def _save_shapes(self, shapes: list) -> None:
        info = self.current
        if info is None or self.read_only:
            return

        def refused(exc: Exception) -> None:
            self.scene.revert()
            show_error(self, exc)

        def saved(result: photo_service.PhotoInfo) -> None:
            self._replace(result)
            self._update_tools()

        run_op(self, self.env.ctx, lambda: photo_service.set_annotations(self.env.ctx, info.id, shapes),
               on_success=saved, on_failure=refused)

    def save_caption(self) -> None:
        info = self.current
        if info is None or self.read_only:
            return
        text = self.caption_edit.text().strip()
        if text == info.caption.strip():
            return

        def refused(exc: Exception) -> None:
            self.caption_edit.setText(info.caption)
            show_error(self, exc)

        run_op(self, self.env.ctx, lambda: photo_service.set_caption(self.env.ctx, info.id, text),
               on_success=self._replace, on_failure=refused)

    def done(self, result: int) -> None:
        self.save_caption()
        self._save_geometry()
        super().done(result)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.save_caption()
        self._save_geometry()
        super().closeEvent(event)
