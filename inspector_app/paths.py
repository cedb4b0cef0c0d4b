"""Where Inspector keeps its files: the data folder and everything under it."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_path

logger = logging.getLogger(__name__)

#: Environment variable that overrides the per-user data folder (tests, portable installs).
DATA_DIR_ENV = "INSPECTOR_DATA_DIR"
#: Environment variable that overrides the database URL.
DB_URL_ENV = "INSPECTOR_DB_URL"
#: File name of the embedded SQLite database inside the data folder.
DB_FILE_NAME = "inspector.sqlite3"
#: The photo folder's identity file (services/store_identity.py); not a photo.
STORE_MARKER = ".inspector-store.json"


@dataclass(frozen=True)
class DataPaths:
    """The folders under one data folder."""

    root: Path

    @property
    def database(self) -> Path:
        return self.root / DB_FILE_NAME

    @property
    def photos(self) -> Path:
        return self.root / "photos"

    @property
    def thumbnails(self) -> Path:
        return self.root / "thumbnails"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def quarantine(self) -> Path:
        """What a repair set aside, in dated folders, until the user empties it."""
        return self.root / "quarantine"

    @property
    def reports(self) -> Path:
        return self.root / "reports"

    def ensure(self) -> DataPaths:
        for p in (self.root, self.photos, self.thumbnails, self.backups, self.logs, self.reports):
            p.mkdir(parents=True, exist_ok=True)
        return self


def data_dir(override: str | os.PathLike[str] | None = None) -> DataPaths:
    """The data folder: the override, else INSPECTOR_DATA_DIR, else the per-user folder."""
    if override:
        root = Path(override)
    elif os.environ.get(DATA_DIR_ENV):
        root = Path(os.environ[DATA_DIR_ENV])
    else:
        root = user_data_path("Inspector", appauthor=False)
    return DataPaths(root.expanduser().resolve())


def database_url(cli_url: str | None = None, paths: DataPaths | None = None) -> str:
    """The database URL: --db, else INSPECTOR_DB_URL, else the SQLite file in the data folder."""
    given = cli_url or os.environ.get(DB_URL_ENV)
    if given:
        return given if "://" in given else sqlite_url(Path(given))
    paths = paths or data_dir()
    return f"sqlite:///{paths.database}"


def sqlite_url(path: Path) -> str:
    """The URL of a SQLite file given as a plain path (relative, or with ~)."""
    return f"sqlite:///{path.expanduser().absolute()}"
