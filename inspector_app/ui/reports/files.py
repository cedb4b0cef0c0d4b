"""File dialogs of the Reports screen: where to save or what to import, and the folder last used."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget

from inspector_app.ui.i18n import tr

logger = logging.getLogger(__name__)


def pdf_filter() -> str:
    return tr("PDF documents (*.pdf)")


def xlsx_filter() -> str:
    return tr("Excel workbooks (*.xlsx)")


class FolderMemory:
    """The folder the user last saved to or imported from (this session)."""

    def __init__(self) -> None:
        docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        self.folder = Path(docs) if docs and Path(docs).is_dir() else Path.home()
        #: The last file written (Open folder shows its folder).
        self.last_file: Path | None = None

    def remember(self, path: Path) -> None:
        self.folder = path.parent


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
        parent, title, str(memory.folder), xlsx_filter() + ";;" + tr("All files (*)")
    )
    if not chosen:
        return None
    path = Path(chosen)
    memory.remember(path)
    return path


def open_folder(path: Path) -> bool:
    """Show a folder in the system's file manager."""
    folder = path if path.is_dir() else path.parent
    logger.info("Opening folder %s", folder)
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
