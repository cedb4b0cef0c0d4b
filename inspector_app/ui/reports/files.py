"""File dialogs of the Reports screen: where to save or what to import, and the folder last used."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget

from inspector_app.ui.i18n import tr
from inspector_app.ui.settings import EXPORT_SAVE_DIR, IMPORT_OPEN_DIR, AppSettings

logger = logging.getLogger(__name__)


def pdf_filter() -> str:
    return tr("PDF documents (*.pdf)")


def xlsx_filter() -> str:
    return tr("Excel workbooks (*.xlsx)")


class FolderMemory:
    """The folders the user last saved to and imported from, kept in the preferences."""

    def __init__(self, settings: AppSettings) -> None:
        self.settings = settings
        #: The last file written this session (Open folder shows its folder).
        self.last_file: Path | None = None

    @property
    def folder(self) -> Path:
        """Where save dialogs start: the folder saved to last, else Documents."""
        return self.settings.folder(EXPORT_SAVE_DIR)

    @property
    def import_folder(self) -> Path:
        """Where import dialogs start: the folder imported from last, else Documents."""
        return self.settings.folder(IMPORT_OPEN_DIR)

    def remember(self, path: Path) -> None:
        """A file was saved at `path`."""
        self.settings.remember_folder(EXPORT_SAVE_DIR, path)

    def remember_import(self, path: Path) -> None:
        self.settings.remember_folder(IMPORT_OPEN_DIR, path)


def ask_save_path(parent: QWidget, memory: FolderMemory, title: str, name: str) -> Path | None:
    """Ask where to save `name` (a PDF or a workbook by its suffix); None when cancelled."""
    is_pdf = name.lower().endswith(".pdf")
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, title, str(memory.folder / name), pdf_filter() if is_pdf else xlsx_filter()
    )
    if not chosen:
        return None
    path = Path(chosen)
    suffix = ".pdf" if is_pdf else ".xlsx"
    if path.suffix.lower() != suffix:
        path = path.with_name(path.name + suffix)
    memory.remember(path)
    return path


def ask_workbook(parent: QWidget, memory: FolderMemory, title: str) -> Path | None:
    """Ask for a workbook to import; None when cancelled."""
    chosen, _filter = QFileDialog.getOpenFileName(
        parent, title, str(memory.import_folder), xlsx_filter() + ";;" + tr("All files (*)")
    )
    if not chosen:
        return None
    path = Path(chosen)
    memory.remember_import(path)
    return path


def open_folder(path: Path) -> bool:
    """Show a folder in the system's file manager."""
    folder = path if path.is_dir() else path.parent
    logger.info("Opening folder %s", folder)
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
