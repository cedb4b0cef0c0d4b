"""PhotoListModel: a list model over `services.photos.list_photos` results, with thumbnails.

One row per PhotoInfo. Roles: DisplayRole = caption (or the file name when there is none),
DecorationRole = the thumbnail (a placeholder icon while it loads), EditRole = the caption,
ToolTipRole = file name, size, when taken and caption, ID_ROLE = photo id, ROW_ROLE = the
PhotoInfo. Editing a caption emits `caption_edited(photo_id, text)`; the owner writes it
through the service and puts the result back with `update_photo`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QIcon

from inspector_app.services.photos import PhotoInfo
from inspector_app.ui.i18n import enum_label, tr
from inspector_app.ui.models.columns import ID_ROLE, ROW_ROLE
from inspector_app.ui.photos.images import THUMB_EDGE, Key, image_cache, placeholder_icon, thumb_key

if TYPE_CHECKING:
    from inspector_app.photos.store import PhotoStore

logger = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex


def describe_size(info: PhotoInfo) -> str:
    size = info.byte_size
    amount = f"{size / 1048576:.1f} MB" if size >= 1048576 else f"{max(1, round(size / 1024))} KB"
    return f"{info.width} × {info.height} px · {amount}"


def photo_tooltip(info: PhotoInfo) -> str:
    lines = [info.original_name, describe_size(info), enum_label(info.role)]
    if info.taken_at is not None:
        when = info.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")
        lines.append(tr("Taken %1").replace("%1", when))
    if info.annotations:
        lines.append(tr("Annotations: %1").replace("%1", str(len(info.annotations))))
    if info.caption:
        lines.append(info.caption)
    return "\n".join(lines)


class PhotoListModel(QAbstractListModel):
    """The photos of one owner, in the order the service lists them."""

    caption_edited = Signal(int, str)

    def __init__(self, store: Callable[[], PhotoStore], parent: Any = None) -> None:
        super().__init__(parent)
        self._store = store
        self._photos: list[PhotoInfo] = []
        self._rows_by_sha: dict[str, list[int]] = {}
        self.editable = False
        self.icon_edge = 128
        self._icons: dict[str, QIcon] = {}
        image_cache().loaded.connect(self._on_loaded)

    # -- data in -----------------------------------------------------------------------

    def set_photos(self, photos: list[PhotoInfo]) -> None:
        """Show these photos; a list of the same ids only refreshes the rows (keeps selection)."""
        if [p.id for p in photos] == [p.id for p in self._photos]:
            self._photos = list(photos)
            if photos:
                self.dataChanged.emit(self.index(0), self.index(len(photos) - 1))
            return
        self.beginResetModel()
        self._photos = list(photos)
        self._reindex()
        self.endResetModel()

    def update_photo(self, info: PhotoInfo) -> None:
        row = self.row_of(info.id)
        if row is not None:
            self._photos[row] = info
            self.dataChanged.emit(self.index(row), self.index(row))

    def remove_photo(self, photo_id: int) -> None:
        row = self.row_of(photo_id)
        if row is not None:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._photos[row]
            self._reindex()
            self.endRemoveRows()

    def _reindex(self) -> None:
        self._rows_by_sha = {}
        for row, p in enumerate(self._photos):
            self._rows_by_sha.setdefault(p.sha256, []).append(row)

    # -- data out ----------------------------------------------------------------------

    def photos(self) -> list[PhotoInfo]:
        return list(self._photos)

    def photo(self, row: int) -> PhotoInfo:
        return self._photos[row]

    def row_of(self, photo_id: int) -> int | None:
        return next((i for i, p in enumerate(self._photos) if p.id == photo_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self._photos)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        f = (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )
        if self.editable:
            f |= Qt.ItemFlag.ItemIsEditable
        return f

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._photos) or index.column() != 0:
            return None
        p = self._photos[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return p.caption.splitlines()[0] if p.caption else p.original_name
        if role == Qt.ItemDataRole.EditRole:
            return p.caption
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icon(p.sha256)
        if role == Qt.ItemDataRole.ToolTipRole:
            return photo_tooltip(p)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return p.caption or p.original_name
        if role == ID_ROLE:
            return p.id
        if role == ROW_ROLE:
            return p
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or not self.editable:
            return False
        p = self._photos[index.row()]
        text = str(value or "").strip()
        if text == p.caption:
            return False
        self.caption_edited.emit(p.id, text)
        return True

    # -- thumbnails --------------------------------------------------------------------

    def _icon(self, sha: str) -> QIcon:
        icon = self._icons.get(sha)
        if icon is not None:
            return icon
        cache = image_cache()
        store = self._store()
        pm = cache.thumbnail(store, sha, THUMB_EDGE)
        if pm is None:
            broken = cache.failed_reason(store, thumb_key(sha)) is not None
            return placeholder_icon(self.icon_edge, broken)
        icon = self._icons[sha] = QIcon(pm)
        if len(self._icons) > 2 * max(64, len(self._photos)):
            self._icons.clear()  # icons of photos no longer listed; the pixmaps stay cached
            self._icons[sha] = icon
        return icon

    @Slot(object)
    def _on_loaded(self, key: Key) -> None:
        if key[0] != "thumb" or key[2] != THUMB_EDGE:
            return
        for row in self._rows_by_sha.get(key[1], ()):
            if row < len(self._photos):
                idx = self.index(row)
                self.dataChanged.emit(idx, idx, [Qt.ItemDataRole.DecorationRole])
