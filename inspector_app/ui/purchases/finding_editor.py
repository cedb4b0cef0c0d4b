"""The finding editor: category, severity, title, description, expected, observed, rule broken."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.enums import FindingCategory, Severity
from inspector_app.domain.errors import InspectorError, StaleEdit
from inspector_app.services import findings as finding_service
from inspector_app.services.findings import FindingInfo, FindingInput
from inspector_app.ui.fit import shrinkable_combo
from inspector_app.ui.i18n import enum_label, tr
from inspector_app.ui.ops import run_op
from inspector_app.ui.purchases.widgets import FieldErrors, error_label

logger = logging.getLogger(__name__)

#: Height of the multi-line fields, in pixels.
TEXT_HEIGHT = 58


def _text_edit(parent: QWidget, name: str, placeholder: str) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setObjectName(name)
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)
    edit.setMinimumHeight(TEXT_HEIGHT)
    return edit


class FindingEditor(QWidget):
    """Edits one finding of a purchase, or a new one; saves through the findings service.

    Emits `saved(finding_id)` after a write (the change hub is notified as well) and
    `delete_requested(finding_id)` for the page to ask, delete and offer Undo.
    """

    saved = Signal(int)
    delete_requested = Signal(int)

    def __init__(self, env, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.setObjectName("finding_editor")
        self.purchase_id: int | None = None
        self.finding: FindingInfo | None = None
        self._read_only = False
        self._dirty = False
        self.general_error = error_label(self, "finding_general")
        self.errors = FieldErrors(self.general_error)

        self.heading = QLabel(self)
        self.heading.setObjectName("finding_heading")
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.category = QComboBox(self)
        self.category.setObjectName("category_combo")
        for c in FindingCategory:
            self.category.addItem(enum_label(c), c.value)
        self.severity = QComboBox(self)
        self.severity.setObjectName("severity_combo")
        for s in Severity:
            self.severity.addItem(enum_label(s), s.value)
        self.severity.setCurrentIndex(self.severity.findData(Severity.MAJOR.value))
        for combo in (self.category, self.severity):
            shrinkable_combo(combo)
        self.title = QLineEdit(self)
        self.title.setObjectName("title_edit")
        self.title.setPlaceholderText(tr("A short statement of the problem"))
        self.rule_ref = QLineEdit(self)
        self.rule_ref.setObjectName("rule_ref_edit")
        self.rule_ref.setPlaceholderText(tr("e.g. GB 18401-2010 §5.3, or the listing's promise"))
        self.description = _text_edit(self, "description_edit", tr("What is wrong, where, how it was found"))
        self.expected = _text_edit(self, "expected_edit", tr("What the listing or the standard promises"))
        self.observed = _text_edit(self, "observed_edit", tr("What the parcel actually held"))

        self.save_button = QPushButton(tr("Save finding"), self)
        self.save_button.setObjectName("save_finding_button")
        self.save_button.setToolTip(tr("Save this finding (Ctrl+S)"))
        self.delete_button = QPushButton(tr("Delete finding"), self)
        self.delete_button.setObjectName("delete_finding_button")
        self.revert_button = QPushButton(tr("Revert"), self)
        self.revert_button.setObjectName("revert_finding_button")

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        kind = QHBoxLayout()
        kind.addWidget(self.category, 2)
        kind.addWidget(QLabel(tr("Severity:"), self))
        kind.addWidget(self.severity, 1)
        form.addRow(tr("Category:"), kind)
        self._errors_row(form, "category", "severity")
        form.addRow(tr("Title:"), self.title)
        self._errors_row(form, "title")
        form.addRow(tr("Standard or rule broken:"), self.rule_ref)
        self._errors_row(form, "rule_ref")
        form.addRow(tr("Description:"), self.description)
        self._errors_row(form, "description")
        pair = QGridLayout()
        pair.addWidget(QLabel(tr("Expected:"), self), 0, 0)
        pair.addWidget(QLabel(tr("Observed:"), self), 0, 1)
        pair.addWidget(self.expected, 1, 0)
        pair.addWidget(self.observed, 1, 1)
        for col, name in ((0, "expected"), (1, "observed")):
            pair.addWidget(self.errors.add(name, error_label(self, name)), 2, col)
        buttons = QHBoxLayout()
        buttons.addWidget(self.general_error, 1)
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        from inspector_app.ui.sync.conflict_banner import ConflictBanner

        #: Shown when this finding waits for a sync conflict to be settled (docs/sync.md).
        self.conflict_banner = ConflictBanner(env, "findings", self)
        layout.addWidget(self.conflict_banner)
        layout.addLayout(form)
        layout.addLayout(pair)
        layout.addLayout(buttons)
        # After a refused stale save and a reload: what the person had typed stays visible,
        # and one click puts it back over the reloaded version (services/versions.py).
        self.unsaved: FindingInput | None = None
        self.unsaved_label = QLabel(self)
        self.unsaved_label.setObjectName("unsaved_label")
        self.unsaved_label.setWordWrap(True)
        self.unsaved_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.use_unsaved_button = QPushButton(tr("Use my text"), self)
        self.use_unsaved_button.setObjectName("use_unsaved_button")
        self.use_unsaved_button.clicked.connect(self._use_unsaved)
        unsaved = QHBoxLayout()
        unsaved.addWidget(self.unsaved_label, 1)
        unsaved.addWidget(self.use_unsaved_button)
        layout.addLayout(unsaved)
        self._show_unsaved(None)
        QWidget.setTabOrder(self.category, self.severity)
        QWidget.setTabOrder(self.severity, self.title)
        QWidget.setTabOrder(self.title, self.rule_ref)
        QWidget.setTabOrder(self.rule_ref, self.description)
        QWidget.setTabOrder(self.description, self.expected)
        QWidget.setTabOrder(self.expected, self.observed)
        QWidget.setTabOrder(self.observed, self.save_button)

        shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.save)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        self.delete_button.clicked.connect(self._ask_delete)
        for combo in (self.category, self.severity):
            combo.currentIndexChanged.connect(self._mark_dirty)
        for line in (self.title, self.rule_ref):
            line.textEdited.connect(self._mark_dirty)
        for text in (self.description, self.expected, self.observed):
            text.textChanged.connect(self._mark_dirty)
        self.title.textEdited.connect(lambda _t: self.errors.clear("title"))
        self.title.editingFinished.connect(self._check_title)
        self.set_purchase(None)

    def _errors_row(self, form: QFormLayout, field: str, *aliases: str) -> None:
        form.addRow("", self.errors.add(field, error_label(self, field), *aliases))

    # -- state -----------------------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        return self._dirty

    def set_purchase(self, purchase_id: int | None, read_only: bool = False) -> None:
        self.purchase_id = purchase_id
        self._read_only = read_only
        self.edit_new()

    def edit_new(self) -> None:
        """Empty fields for a new finding of the current purchase."""
        self.finding = None
        self._fill(None)

    def edit_finding(self, finding: FindingInfo) -> None:
        self.finding = finding
        self._fill(finding)

    def _fill(self, f: FindingInfo | None) -> None:
        self.errors.clear_all()
        widgets = (self.category, self.severity, self.title, self.rule_ref, self.description, self.expected, self.observed)
        for w in widgets:
            w.blockSignals(True)
        try:
            category = f.category if f else FindingCategory.PRODUCT_QUALITY
            severity = f.severity if f else Severity.MAJOR
            self.category.setCurrentIndex(self.category.findData(category.value))
            self.severity.setCurrentIndex(self.severity.findData(severity.value))
            self.title.setText(f.title if f else "")
            self.rule_ref.setText(f.rule_ref if f else "")
            self.description.setPlainText(f.description if f else "")
            self.expected.setPlainText(f.expected if f else "")
            self.observed.setPlainText(f.observed if f else "")
        finally:
            for w in widgets:
                w.blockSignals(False)
        self._dirty = False
        self.conflict_banner.show_for(f.id if f else None)
        if self.purchase_id is None:
            self.heading.setText(tr("Finding"))
        elif f is None:
            self.heading.setText(tr("New finding"))
        else:
            self.heading.setText(tr("Finding %1").replace("%1", f"#{f.id}"))
        self._update_enabled()

    def _update_enabled(self) -> None:
        editable = self.purchase_id is not None and not self._read_only
        for combo in (self.category, self.severity):
            combo.setEnabled(editable)
        for line in (self.title, self.rule_ref):
            line.setReadOnly(not editable)
        for text in (self.description, self.expected, self.observed):
            text.setReadOnly(not editable)
        self.save_button.setEnabled(editable)
        self.revert_button.setEnabled(editable and self._dirty)
        self.delete_button.setEnabled(editable and self.finding is not None)

    @Slot()
    def _mark_dirty(self, *_args) -> None:
        self._dirty = True
        self.revert_button.setEnabled(self.purchase_id is not None and not self._read_only)

    @Slot()
    def _check_title(self) -> None:
        if self._dirty and not self.title.text().strip():
            self.errors.set("title", tr("Give the finding a title."))

    # -- actions ---------------------------------------------------------------------------

    def form_input(self) -> FindingInput:
        return FindingInput(
            category=FindingCategory(self.category.currentData()),
            severity=Severity(self.severity.currentData()),
            title=self.title.text(),
            description=self.description.toPlainText(),
            expected=self.expected.toPlainText(),
            observed=self.observed.toPlainText(),
            rule_ref=self.rule_ref.text(),
            version=self.finding.version if self.finding is not None else None,
        )

    @Slot()
    def save(self) -> bool:
        """Add or update the finding; errors go next to their fields. True when saved."""
        if self.purchase_id is None or self._read_only:
            return False
        self.errors.clear_all()
        purchase_id, data = self.purchase_id, self.form_input()
        finding_id = self.finding.id if self.finding is not None else None

        def save() -> FindingInfo:
            if finding_id is None:
                return finding_service.add_finding(self.env.ctx, purchase_id, data)
            return finding_service.update_finding(self.env.ctx, finding_id, data)

        def refused(exc: InspectorError) -> None:
            if isinstance(exc, StaleEdit):
                self._stale(exc)  # offer their version, keep what was typed visible
            else:
                self.errors.show_exception(exc)

        def saved(info: FindingInfo) -> None:
            self._show_unsaved(None)
            self.edit_finding(info)
            self.saved.emit(info.id)

        return run_op(self, self.env.ctx, save, on_success=saved, on_failure=refused).ok

    def _stale(self, exc: StaleEdit) -> None:
        """Someone saved this finding since it was opened: offer their version, keeping
        what was typed here visible below the form."""
        typed = self.form_input()
        self.errors.show_exception(exc)
        if not self.ask_reload(str(exc), typed) or self.finding is None:
            return
        fresh = finding_service.get_finding(self.env.ctx, self.finding.id)
        self.edit_finding(fresh)
        self._show_unsaved(typed)

    def ask_reload(self, message: str, typed: FindingInput) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning, tr("Finding changed meanwhile"), message,
                          QMessageBox.StandardButton.NoButton, self)
        box.setDetailedText(_describe(typed))
        reload = box.addButton(tr("Reload (keep my text visible)"),
                               QMessageBox.ButtonRole.AcceptRole)
        box.addButton(tr("Keep editing"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is reload

    def _show_unsaved(self, typed: FindingInput | None) -> None:
        self.unsaved = typed
        if typed is not None:
            self.unsaved_label.setText(tr("Your unsaved text:") + "\n" + _describe(typed))
        self.unsaved_label.setVisible(typed is not None)
        self.use_unsaved_button.setVisible(typed is not None)

    @Slot()
    def _use_unsaved(self) -> None:
        """Put the unsaved text back over the reloaded version (saving it then overwrites
        knowingly: the form now carries the reloaded version)."""
        typed, current = self.unsaved, self.finding
        if typed is None or current is None:
            return
        self._fill(FindingInfo(**{**current.__dict__, **{
            k: getattr(typed, k) for k in ("title", "description", "expected", "observed",
                                           "rule_ref")},
            "category": FindingCategory(typed.category), "severity": Severity(typed.severity)}))
        self._mark_dirty()
        self._show_unsaved(None)

    @Slot()
    def revert(self) -> None:
        self._fill(self.finding)

    @Slot()
    def _ask_delete(self) -> None:
        if self.finding is not None:
            self.delete_requested.emit(self.finding.id)


def _describe(typed: FindingInput) -> str:
    parts = [typed.title, typed.description, typed.expected, typed.observed, typed.rule_ref]
    return "\n".join(p for p in parts if p)
