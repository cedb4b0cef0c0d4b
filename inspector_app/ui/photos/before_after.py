"""BeforeAfterView: a case's photos side by side: defect evidence, rectification, verification.

    view = BeforeAfterView(env, parent)
    view.set_case(case_id, read_only=case.is_final, verification=True)
    view.photos_changed.connect(...)

Column 1 holds the photos of the case's findings (as the rectification notice shows them;
never editable here); column 2 the merchant's rectification evidence and column 3 the
verification re-check photos, both attached to the case and editable like a PhotoPanel
(drop, paste, add, delete) unless `read_only` or the user's role may not. Clicking a photo
in a read-only column opens the viewer; in an editable one Enter or a double-click does.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QSplitter, QVBoxLayout, QWidget

from inspector_app.domain.enums import PhotoRole
from inspector_app.services import cases as case_service
from inspector_app.services import photos as photo_service
from inspector_app.ui.i18n import tr
from inspector_app.ui.photos.panel import PhotoPanel

logger = logging.getLogger(__name__)

#: Thumbnail edge in the columns (smaller than a PhotoPanel's own default).
COLUMN_THUMB = 104


def finding_photos(ctx, case_id: int) -> list[photo_service.PhotoInfo]:
    """The photos of the case's findings, finding by finding (the notice's evidence)."""
    case = case_service.get_case_by_id(ctx, case_id)
    out: list[photo_service.PhotoInfo] = []
    for finding_id in case.finding_ids:
        out.extend(photo_service.list_photos(ctx, finding_id=finding_id))
    return out


class _Column(QWidget):
    def __init__(self, env, title: str, name: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName(f"{name}_column")
        self.title = title
        self.panel = PhotoPanel(env, self)
        self.panel.setObjectName(f"{name}_photos")
        self.panel.set_thumbnail_size(COLUMN_THUMB)
        self.panel.set_heading(title + " (%1)")
        self.panel.set_compact(True)
        self.panel.view.clicked.connect(self._clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addWidget(self.panel, 1)

    def _clicked(self, index) -> None:
        from PySide6.QtWidgets import QApplication

        plain = QApplication.keyboardModifiers() == Qt.KeyboardModifier.NoModifier
        if plain and not self.panel.editable and index.isValid():
            self.panel.open_viewer(index.row())


class BeforeAfterView(QWidget):
    """Two or three photo columns of one rectification case."""

    #: Emitted when photos were added, deleted or edited in any column.
    photos_changed = Signal()

    def __init__(self, env, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.setObjectName("before_after_view")
        self.case_id: int | None = None
        self.evidence = _Column(env, tr("Defect evidence"), "evidence", self)
        self.rectification = _Column(
            env, tr("Merchant’s rectification evidence"), "rectification", self
        )
        self.verification = _Column(env, tr("Verification re-check"), "verification", self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("before_after_splitter")
        self.splitter.setChildrenCollapsible(False)
        for column in self.columns():
            self.splitter.addWidget(column)
            column.panel.photos_changed.connect(self.photos_changed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

    def columns(self) -> list[_Column]:
        return [self.evidence, self.rectification, self.verification]

    def set_case(self, case_id: int, *, read_only: bool = False, verification: bool = True) -> None:
        """Show the case's photos; `verification=False` leaves out the third column."""
        self.case_id = case_id
        self.evidence.panel.set_source(lambda ctx: finding_photos(ctx, case_id), read_only=True)
        self.rectification.panel.set_owner(
            case_id=case_id, role=PhotoRole.RECTIFICATION, read_only=read_only
        )
        self.verification.panel.set_owner(
            case_id=case_id, role=PhotoRole.VERIFICATION, read_only=read_only
        )
        self.verification.setVisible(verification)

    def set_read_only(self, read_only: bool) -> None:
        self.rectification.panel.set_read_only(read_only)
        self.verification.panel.set_read_only(read_only)

    def reload(self) -> None:
        for column in self.columns():
            column.panel.reload()
