"""PhotoPanel: the photos of one purchase, finding or case, as a thumbnail grid with editing.

    panel = PhotoPanel(env, parent)
    panel.set_owner(finding_id=12, role=PhotoRole.EVIDENCE, read_only=False)
    panel.photos_changed.connect(...)

Adding: drop files or folders on the grid, "Add photos…" (Ctrl+O), or paste (Ctrl+V) an image
or copied files. Enter or a double-click opens the PhotoViewer; F2 edits the caption; Delete
deletes (after asking) with Undo in the panel's message bar. The panel is read-only when
`read_only` is set or the current user may not change photos of that role.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QMimeData, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.enums import PhotoRole
from inspector_app.domain.errors import InspectorError
from inspector_app.services import photos as photo_service
from inspector_app.ui import changes
from inspector_app.ui.errors import show_error
from inspector_app.ui.fit import ElidedLabel, FlowLayout
from inspector_app.ui.i18n import tr
from inspector_app.ui.ops import run_op
from inspector_app.ui.photos.grid import PhotoGridView
from inspector_app.ui.photos.message_bar import MessageBar
from inspector_app.ui.photos.model import PhotoListModel
from inspector_app.ui.photos.panel_delete import PanelDeleter
from inspector_app.ui.photos.panel_import import PanelImporter
from inspector_app.ui.tasks import Task

if TYPE_CHECKING:  # imported when first opened: the viewer is not needed at start-up
    from inspector_app.ui.photos.viewer import PhotoViewer

logger = logging.getLogger(__name__)


class PhotoPanel(QWidget):
    """A thumbnail grid of one owner's photos with add, paste, drop, caption, delete and undo."""

    #: Emitted after this panel (or its viewer) added, deleted, restored or changed photos.
    photos_changed = Signal()

    def __init__(self, env, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.setObjectName("photo_panel")
        self._owner: dict[str, int] | None = None
        self._role = PhotoRole.EVIDENCE
        self._read_only = False
        self._include_findings = False
        self._loader = None  # (ctx) -> list[PhotoInfo], for owners set_owner cannot express
        self._heading = ""
        self._compact = False
        self.viewer: PhotoViewer | None = None
        self.importer = PanelImporter(self)
        self.deleter = PanelDeleter(self)

        self.model = PhotoListModel(lambda: self.env.ctx.photos, self)
        self.model.caption_edited.connect(self._save_caption)
        self.view = PhotoGridView(self)
        self.view.setModel(self.model)
        self.view.dropped.connect(self.add_from_mime)
        self.view.activated.connect(lambda idx: self.open_viewer(idx.row()))
        self.view.selectionModel().selectionChanged.connect(self._update_actions)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)

        self.count_label = ElidedLabel("", self)
        self.count_label.setObjectName("photo_count")
        self.add_action = self._action(
            tr("Add photos…"), QKeySequence.StandardKey.Open, self.choose_files
        )
        self.paste_action = self._action(tr("Paste"), QKeySequence.StandardKey.Paste, self.paste)
        self.open_action = self._action(tr("Open"), None, self.open_viewer)
        self.caption_action = self._action(tr("Caption"), QKeySequence("F2"), self.edit_caption)
        self.delete_action = self._action(
            tr("Delete"), QKeySequence.StandardKey.Delete, self.delete_selected
        )
        self.add_action.setToolTip(
            tr("Add photos from files (Ctrl+O); you can also drop files or folders here")
        )
        self.paste_action.setToolTip(tr("Paste an image or copied photo files (Ctrl+V)"))
        self.open_action.setToolTip(tr("Open the selected photo (Enter)"))
        self.caption_action.setToolTip(tr("Edit the caption of the selected photo (F2)"))
        self.delete_action.setToolTip(tr("Delete the selected photos (Delete); you can undo it"))

        # The count, then the buttons; they wrap onto a second line in a narrow panel rather
        # than widen the window.
        button_box = QWidget(self)
        button_flow = FlowLayout(button_box, spacing=2)
        button_flow.setContentsMargins(0, 0, 0, 0)
        self.count_label.setParent(button_box)
        button_flow.addWidget(self.count_label)
        self.buttons: dict[str, QToolButton] = {}
        for name, action in (
            ("add", self.add_action),
            ("paste", self.paste_action),
            ("open", self.open_action),
            ("caption", self.caption_action),
            ("delete", self.delete_action),
        ):
            button = QToolButton(button_box)
            button.setObjectName(f"photo_{name}_button")
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            self.buttons[name] = button
            button_flow.addWidget(button)
        self.view.setAccessibleName(tr("Photos"))
        previous = None
        for widget in [*self.buttons.values(), self.view]:
            if previous is not None:
                QWidget.setTabOrder(previous, widget)
            previous = widget
        # Same height with or without buttons, so panels side by side line up.
        self.count_label.setMinimumHeight(self.buttons["add"].sizeHint().height())
        self.message_bar = MessageBar(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(button_box)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message_bar)

        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.timeout.connect(self.reload)
        env.changes.changed.connect(self._on_changed)
        self._apply_mode()

    def _action(self, text: str, keys, slot) -> QAction:
        action = QAction(text, self)
        if keys is not None:
            action.setShortcut(keys)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    # -- owner -------------------------------------------------------------------------

    def set_owner(
        self,
        *,
        purchase_id: int | None = None,
        finding_id: int | None = None,
        case_id: int | None = None,
        role: PhotoRole | None = PhotoRole.EVIDENCE,
        read_only: bool = False,
        include_findings: bool = False,
    ) -> None:
        """Show the photos of `role` attached to exactly one purchase, finding or case.

        New photos are attached to that owner with that role. `include_findings` also lists
        a purchase's finding photos (new ones still go to the purchase).
        """
        given = {
            k: v
            for k, v in (
                ("purchase_id", purchase_id),
                ("finding_id", finding_id),
                ("case_id", case_id),
            )
            if v is not None
        }
        if len(given) != 1:
            raise ValueError("set_owner needs exactly one of purchase_id, finding_id, case_id")
        self._owner, self._loader = given, None
        self._role = PhotoRole(role) if role is not None else PhotoRole.EVIDENCE
        self._read_only = read_only
        self._include_findings = include_findings
        self.deleter.forget()
        self.message_bar.dismiss()
        self._apply_mode()
        self.reload()

    def clear(self) -> None:
        """Show nothing (no owner)."""
        self._owner, self._loader = None, None
        self.deleter.forget()
        self.message_bar.dismiss()
        self.model.set_photos([])
        self._apply_mode()

    def set_source(self, loader, *, read_only: bool = True) -> None:
        """Show what `loader(ctx) -> list[PhotoInfo]` returns; nothing can be added (internal)."""
        self._owner, self._loader = None, loader
        self._read_only = read_only
        self._apply_mode()
        self.reload()

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self._apply_mode()

    def set_thumbnail_size(self, edge: int) -> None:
        self.model.icon_edge = edge
        self.view.set_icon_edge(edge)

    @property
    def editable(self) -> bool:
        """Whether the current user may add and change photos here."""
        return (
            self._owner is not None
            and not self._read_only
            and self.env.state.has_role(*photo_service.roles_for(self._role))
        )

    @property
    def role(self) -> PhotoRole:
        return self._role

    def photos(self) -> list[photo_service.PhotoInfo]:
        return self.model.photos()

    def selected_ids(self) -> list[int]:
        rows = sorted(i.row() for i in self.view.selectionModel().selectedIndexes())
        return [self.model.photo(r).id for r in rows]

    def select_photo(self, photo_id: int) -> None:
        row = self.model.row_of(photo_id)
        if row is not None:
            self.view.setCurrentIndex(self.model.index(row))

    # -- loading -----------------------------------------------------------------------

    @Slot()
    def reload(self) -> None:
        self._reload_timer.stop()
        try:
            photos = self._list()
        except InspectorError as exc:
            logger.info("Cannot list photos: %s", exc)
            self.model.set_photos([])
            self.message_bar.show_message(str(exc))
            photos = []
        self.model.set_photos(photos)
        self._update_actions()

    def _list(self) -> list[photo_service.PhotoInfo]:
        ctx = self.env.ctx
        if self._loader is not None:
            return self._loader(ctx)
        if self._owner is None:
            return []
        photos = photo_service.list_photos(
            ctx, include_findings=self._include_findings, **self._owner
        )
        return [p for p in photos if p.role == self._role]

    @Slot(str, list)
    def _on_changed(self, entity: str, _ids: list) -> None:
        if entity in (changes.PHOTO, changes.DATABASE, changes.ACTOR):
            if entity == changes.ACTOR:
                self._apply_mode()
            self._reload_timer.start(0)

    def _apply_mode(self) -> None:
        editable = self.editable
        self.model.editable = editable
        self.view.accepting_drops = editable
        self.view.empty_text = (
            tr("No photos yet. Drop photos or folders here, paste (Ctrl+V) or use “Add photos…”.")
            if editable
            else tr("No photos.")
        )
        for name in ("add", "paste", "caption", "delete"):
            self.buttons[name].setVisible(editable)
        if self._compact:
            self.buttons["open"].hide()
            self.buttons["caption"].hide()
        self.view.viewport().update()
        self._update_actions()

    def _update_actions(self) -> None:
        n = len(self.view.selectionModel().selectedIndexes()) if self.view.selectionModel() else 0
        editable = self.editable
        busy = self.importer.busy
        self.add_action.setEnabled(editable and not busy)
        self.paste_action.setEnabled(editable and not busy)
        self.open_action.setEnabled(self.model.rowCount() > 0)
        self.caption_action.setEnabled(editable and n == 1)
        self.delete_action.setEnabled(editable and n > 0)
        template = self._heading or tr("Photos: %1")
        self.count_label.setText(template.replace("%1", str(self.model.rowCount())))

    def set_heading(self, template: str) -> None:
        """Show `template` ("Defect evidence (%1)", %1 = the count) in bold above the grid."""
        self._heading = template
        font = self.count_label.font()
        font.setBold(bool(template))
        self.count_label.setFont(font)
        self._update_actions()

    def set_compact(self, compact: bool) -> None:
        """Fewer buttons (Open and Caption stay on Enter, F2 and the context menu)."""
        self._compact = compact
        self._apply_mode()

    def _context_menu(self, pos) -> None:
        menu = QMenu(self)
        for action in (self.open_action, self.caption_action, self.delete_action):
            if action is self.open_action or self.editable:
                menu.addAction(action)
        if self.editable:
            menu.addSeparator()
            menu.addAction(self.add_action)
            menu.addAction(self.paste_action)
        menu.popup(self.view.viewport().mapToGlobal(pos))

    # -- adding (the work is in panel_import.PanelImporter) ------------------------------

    @property
    def task(self) -> Task | None:
        """The running or last import."""
        return self.importer.task

    def owner(self) -> dict[str, int]:
        """Where new photos go, e.g. {"purchase_id": 7}; {} when nothing can be added."""
        return dict(self._owner or {})

    def choose_files(self) -> None:
        """Ask for files with the file dialog (JPEG/PNG/WebP) and import them."""
        self.importer.choose_files()

    def paste(self) -> bool:
        """Import what the clipboard holds: an image, or copied photo files."""
        return self.importer.paste()

    @Slot(QMimeData)
    def add_from_mime(self, mime: QMimeData) -> bool:
        """Import dropped or pasted data: file/folder URLs, else an image; False if none."""
        return self.importer.add_from_mime(mime)

    def add_files(self, paths, cleanup=None) -> Task | None:
        """Import files (folders are walked) off the GUI thread; the Task, or None if refused."""
        task = self.importer.add_files(paths, cleanup)
        self._update_actions()
        return task

    # -- editing -----------------------------------------------------------------------

    def edit_caption(self) -> None:
        index = self.view.currentIndex()
        if self.editable and index.isValid():
            self.view.edit(index)

    @Slot(int, str)
    def _save_caption(self, photo_id: int, text: str) -> None:

        def refused(exc: Exception) -> None:
            QTimer.singleShot(0, self, lambda: show_error(self, exc))  # not inside the editor's commit

        def saved(info: photo_service.PhotoInfo) -> None:
            self.model.update_photo(info)
            self.photos_changed.emit()

        run_op(self, self.env.ctx, lambda: photo_service.set_caption(self.env.ctx, photo_id, text),
               on_success=saved, on_failure=refused)

    def delete_selected(self) -> None:
        """Delete the selected photos after asking; Undo is offered in the message bar."""
        self.deleter.delete_selected()

    def undo_delete(self) -> None:
        """Restore the photos deleted last."""
        self.deleter.undo()

    # -- viewer ------------------------------------------------------------------------

    def open_viewer(self, row: int | None = None):
        """Open the PhotoViewer on `row` (default: the current photo); returns the viewer."""
        if row is None:
            row = self.view.currentIndex().row()
        if self.model.rowCount() == 0:
            return None
        from inspector_app.ui.photos.viewer import PhotoViewer

        if self.viewer is not None and shiboken6.isValid(self.viewer):
            self.viewer.close()  # one viewer per panel; it deletes itself when closed
        self.viewer = PhotoViewer(
            self.env, self.model.photos(), max(row, 0), read_only=not self.editable, parent=self
        )
        self.viewer.photo_changed.connect(self._viewer_changed)
        self.viewer.current_changed.connect(self.select_photo)
        self.viewer.show()
        return self.viewer

    @Slot(object)
    def _viewer_changed(self, info: photo_service.PhotoInfo) -> None:
        self.model.update_photo(info)
        self.photos_changed.emit()
