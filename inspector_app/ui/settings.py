"""The desktop preferences: one typed wrapper over QSettings with declared keys and defaults."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

from inspector_app.paths import DataPaths

logger = logging.getLogger(__name__)

T = TypeVar("T")

#: File name of the preferences file inside the data folder (kept with the data it refers to,
#: so a portable data folder or a test's tmp folder carries its own preferences).
SETTINGS_FILE = "desktop-settings.ini"


@dataclass(frozen=True)
class Key(Generic[T]):
    """One declared preference: where it is stored, its type and its default."""

    name: str
    kind: type
    default: T


#: UI language code ("en", "zh_CN"); "" follows the system locale.
LANGUAGE: Key[str] = Key("ui/language", str, "")
#: Id of the user the application acts as; 0 when none was chosen yet.
CURRENT_USER_ID: Key[int] = Key("session/current_user_id", int, 0)
#: Main window geometry (QWidget.saveGeometry).
WINDOW_GEOMETRY: Key[QByteArray] = Key("window/geometry", QByteArray, QByteArray())
#: Main window toolbars/docks (QMainWindow.saveState).
WINDOW_STATE: Key[QByteArray] = Key("window/state", QByteArray, QByteArray())
#: Registry name of the screen shown when the window closed.
LAST_SCREEN: Key[str] = Key("window/last_screen", str, "dashboard")
#: Folder last used to choose a backup to restore from.
LAST_RESTORE_DIR: Key[str] = Key("backup/last_restore_dir", str, "")
#: Folder of the last photos added with the photo panel's file dialog.
PHOTO_ADD_DIR: Key[str] = Key("dialogs/photo_add_dir", str, "")
#: Folder last saved to by an export or report save dialog.
EXPORT_SAVE_DIR: Key[str] = Key("dialogs/export_save_dir", str, "")
#: Folder last opened by an import dialog (workbooks, work orders).
IMPORT_OPEN_DIR: Key[str] = Key("dialogs/import_open_dir", str, "")
#: Photo viewer size and position (QWidget.saveGeometry).
PHOTO_VIEWER_GEOMETRY: Key[QByteArray] = Key("photo_viewer/geometry", QByteArray, QByteArray())
#: Whether the daily background backup runs.
DAILY_BACKUP: Key[bool] = Key("backup/daily", bool, True)
#: Number of daily backups kept.
DAILY_BACKUP_KEEP: Key[int] = Key("backup/daily_keep", int, 7)
#: The login last used on a team server (never its password).
TEAM_LOGIN: Key[str] = Key("team/login", str, "")

KEYS: tuple[Key[Any], ...] = (
    LANGUAGE,
    CURRENT_USER_ID,
    TEAM_LOGIN,
    WINDOW_GEOMETRY,
    WINDOW_STATE,
    LAST_SCREEN,
    LAST_RESTORE_DIR,
    PHOTO_ADD_DIR,
    EXPORT_SAVE_DIR,
    IMPORT_OPEN_DIR,
    PHOTO_VIEWER_GEOMETRY,
    DAILY_BACKUP,
    DAILY_BACKUP_KEEP,
)


def _coerce(value: Any, key: Key[T]) -> T:
    """INI files hand back strings; turn a stored value into the key's type or its default."""
    if value is None:
        return key.default
    try:
        if key.kind is bool:
            if isinstance(value, str):
                return value.strip().lower() in ("1", "true", "yes", "on")  # type: ignore[return-value]
            return bool(value)  # type: ignore[return-value]
        if key.kind is QByteArray:
            return value if isinstance(value, QByteArray) else QByteArray(value)  # type: ignore[return-value]
        return key.kind(value)
    except (TypeError, ValueError):
        logger.warning("Ignoring bad value %r for setting %s", value, key.name)
        return key.default


class AppSettings:
    """Typed access to the preferences; only declared keys, and a few per-name families."""

    def __init__(self, qsettings: QSettings) -> None:
        self._q = qsettings

    @classmethod
    def for_paths(cls, paths: DataPaths) -> AppSettings:
        """The preferences file in this data folder."""
        return cls.at(paths.root / SETTINGS_FILE)

    @classmethod
    def at(cls, file: Path) -> AppSettings:
        file.parent.mkdir(parents=True, exist_ok=True)
        return cls(QSettings(str(file), QSettings.Format.IniFormat))

    @property
    def file_name(self) -> str:
        return self._q.fileName()

    def get(self, key: Key[T]) -> T:
        if key not in KEYS:
            raise KeyError(key.name)
        return _coerce(self._q.value(key.name), key)

    def set(self, key: Key[T], value: T) -> None:
        if key not in KEYS:
            raise KeyError(key.name)
        self._q.setValue(key.name, value)

    def reset(self, key: Key[Any]) -> None:
        self._q.remove(key.name)

    # Folders of file dialogs: one str key per purpose (PHOTO_ADD_DIR, EXPORT_SAVE_DIR, ...).

    def folder(self, key: Key[str]) -> Path:
        """Where a file dialog starts: the folder stored under `key` if it still exists (a USB
        stick may be gone), else the user's Documents folder (else home)."""
        value = self.get(key)
        if value and Path(value).is_dir():
            return Path(value)
        docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(docs) if docs and Path(docs).is_dir() else Path.home()

    def remember_folder(self, key: Key[str], chosen: Path | str) -> None:
        """Store the folder of `chosen` (a file, or a folder itself) under `key`."""
        path = Path(chosen)
        self.set(key, str(path if path.is_dir() else path.parent))

    # Families keyed by a widget's name (splitters, table headers); values are Qt state blobs.

    def splitter_state(self, name: str) -> QByteArray:
        return self._blob(f"splitters/{name}")

    def set_splitter_state(self, name: str, state: QByteArray) -> None:
        self._q.setValue(f"splitters/{name}", state)

    def column_layout(self, table: str) -> QByteArray:
        """The saved QHeaderView state of a table (column order, widths, sort); empty if none."""
        return self._blob(f"columns/{table}")

    def set_column_layout(self, table: str, state: QByteArray) -> None:
        self._q.setValue(f"columns/{table}", state)

    def sync(self) -> None:
        self._q.sync()
        if self._q.status() != QSettings.Status.NoError:
            logger.warning("Could not write settings to %s: %s", self.file_name, self._q.status())

    def _blob(self, name: str) -> QByteArray:
        value = self._q.value(name)
        if isinstance(value, QByteArray):
            return value
        return QByteArray(value) if isinstance(value, bytes) else QByteArray()
