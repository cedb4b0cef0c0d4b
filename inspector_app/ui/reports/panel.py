"""The left column of the Reports screen: the report list, its parameters, buttons and imports."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from inspector_app.ui.i18n import tr
from inspector_app.ui.reports import kinds
from inspector_app.ui.reports.params import ParameterPanel

logger = logging.getLogger(__name__)

#: Width of the column (px): room for the pickers' labels without squeezing the preview.
PANEL_WIDTH = 400


def _button(text: str, name: str, parent: QWidget, tip: str = "") -> QPushButton:
    button = QPushButton(text, parent)
    button.setObjectName(name)
    if tip:
        button.setToolTip(tip)
    return button


class ReportChooser(QWidget):
    """Choose a report and its parameters; the buttons are wired by the screen."""

    kind_changed = Signal(str)

    def __init__(self, env, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("report_chooser")
        self.setFixedWidth(PANEL_WIDTH)

        self.kind_list = QListWidget(self)
        self.kind_list.setObjectName("report_kinds")
        self.kind_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for kind in kinds.KINDS.values():
            item = QListWidgetItem(self._kind_text(kind), self.kind_list)
            item.setData(Qt.ItemDataRole.UserRole, kind.key)
            item.setToolTip(tr(kind.description))
        rows = self.kind_list.count()
        self.kind_list.setFixedHeight(
            self.kind_list.sizeHintForRow(0) * rows + 2 * self.kind_list.frameWidth() + 4
        )
        self.description = QLabel(self)
        self.description.setObjectName("report_description")
        self.description.setWordWrap(True)
        self.description.setStyleSheet("QLabel { color: palette(dark); }")
        self.params = ParameterPanel(env, self)

        self.preview_button = _button(tr("&Preview"), "preview_button", self,
                                      tr("Write the report and show its pages (Ctrl+Return)"))
        self.save_button = _button(tr("&Save as…"), "save_button", self,
                                   tr("Write the report to a file you choose (Ctrl+S)"))
        self.print_button = _button(tr("P&rint…"), "print_button", self,
                                    tr("Print the report's pages (Ctrl+P)"))
        self.folder_button = _button(tr("Open &folder"), "open_folder_button", self,
                                     tr("Show the folder of the last file saved"))
        self.saved_label = QLabel(self)
        self.saved_label.setObjectName("saved_label")
        self.saved_label.setWordWrap(True)
        self.saved_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.saved_label.hide()

        report_box = QGroupBox(tr("Report"), self)
        box = QVBoxLayout(report_box)
        box.addWidget(self.kind_list)
        box.addWidget(self.description)
        params_box = QGroupBox(tr("Choices"), self)
        params_layout = QVBoxLayout(params_box)
        params_layout.addWidget(self.params)
        buttons = QGridLayout()
        buttons.addWidget(self.preview_button, 0, 0)
        buttons.addWidget(self.save_button, 0, 1)
        buttons.addWidget(self.print_button, 1, 0)
        buttons.addWidget(self.folder_button, 1, 1)
        params_layout.addLayout(buttons)
        params_layout.addWidget(self.saved_label)

        self.import_responses_button = _button(
            tr("Import merchant &responses…"), "import_responses_button", self,
            tr("Read a merchant response workbook that came back filled in"))
        self.import_records_button = _button(
            tr("Import &records…"), "import_records_button", self,
            tr("Read merchants, products, purchases and findings from the records template"))
        self.template_button = _button(
            tr("Save import &template…"), "template_button", self,
            tr("Save the empty records template to fill in"))
        import_box = QGroupBox(tr("Imports"), self)
        imports = QVBoxLayout(import_box)
        hint = QLabel(
            tr("Rows with problems are listed with their row number and reason. A records file "
               "is imported whole or not at all; responses and work orders keep their good "
               "rows. Importing a file twice changes nothing."),
            import_box,
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("QLabel { color: palette(dark); }")
        imports.addWidget(hint)
        for button in (self.import_responses_button, self.import_records_button,
                       self.template_button):
            imports.addWidget(button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(report_box)
        layout.addWidget(params_box)
        layout.addWidget(import_box)
        layout.addStretch(1)
        for box_widget in (report_box, params_box, import_box):
            box_widget.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

        self.kind_list.currentItemChanged.connect(self._on_kind)
        self.kind_list.setCurrentRow(0)
        self.setTabOrder(self.kind_list, self.params)

    @staticmethod
    def _kind_text(kind: kinds.ReportKind) -> str:
        return f"{tr(kind.title)}  ({kind.file_format.upper()})"

    @property
    def kind(self) -> str:
        item = self.kind_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else kinds.NOTICE_CASE

    def set_kind(self, kind: str) -> None:
        for row in range(self.kind_list.count()):
            if self.kind_list.item(row).data(Qt.ItemDataRole.UserRole) == kind:
                self.kind_list.setCurrentRow(row)
                return
        raise KeyError(kind)

    def _on_kind(self, current: QListWidgetItem | None, _previous) -> None:
        if current is None:
            return
        kind = current.data(Qt.ItemDataRole.UserRole)
        spec = kinds.KINDS[kind]
        self.description.setText(tr(spec.description))
        self.params.set_kind(kind)
        self.params.updateGeometry()
        self.preview_button.setEnabled(spec.is_pdf)
        self.kind_changed.emit(kind)

    def show_saved(self, text: str) -> None:
        self.saved_label.setText(text)
        self.saved_label.setVisible(bool(text))
