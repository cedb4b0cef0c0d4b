"""Where the inspection page puts a photo panel: the real PhotoPanel, or a labelled stand-in."""

from __future__ import annotations

import importlib
import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from inspector_app.ui.i18n import tr

logger = logging.getLogger(__name__)


class PhotoPanelPlaceholder(QWidget):
    """Stands in for inspector_app.ui.photos.PhotoPanel until that module is there."""

    def __init__(self, env, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("photo_panel_placeholder")
        self.owner: dict = {}
        label = QLabel(tr("Photos appear here."), self)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setStyleSheet("color: #6b7280;")
        layout = QVBoxLayout(self)
        layout.addWidget(label)

    def set_owner(self, *, purchase_id=None, finding_id=None, case_id=None, role=None, read_only=False) -> None:
        self.owner = {
            "purchase_id": purchase_id, "finding_id": finding_id, "case_id": case_id,
            "role": role, "read_only": read_only,
        }


def make_photo_panel(env, parent: QWidget) -> QWidget:
    """`PhotoPanel(env, parent)` from inspector_app.ui.photos, else the placeholder."""
    try:
        module = importlib.import_module("inspector_app.ui.photos")
        panel_class = getattr(module, "PhotoPanel", None)
    except ImportError:
        panel_class = None
    if panel_class is None:
        logger.info("PhotoPanel not available yet; showing a placeholder")
        return PhotoPanelPlaceholder(env, parent)
    return panel_class(env, parent)
