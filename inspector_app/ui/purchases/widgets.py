"""Small widgets the purchase screens share: field errors, optional date-times, the undo bar."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QDateTime, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from inspector_app.domain import clock
from inspector_app.domain.errors import InspectorError
from inspector_app.ui.first_start import ERROR_STYLE
from inspector_app.ui.i18n import tr

logger = logging.getLogger(__name__)

#: Display format of date-time editors (local time).
DATETIME_FORMAT = "yyyy-MM-dd HH:mm"
#: Milliseconds an undo offer stays visible.
UNDO_MS = 15_000
#: Style of the "private" marker next to private fields.
PRIVATE_STYLE = "color: #8a5a00;"


def error_label(parent: QWidget, name: str) -> QLabel:
    """A hidden red label under a field for its validation message."""
    label = QLabel(parent)
    label.setObjectName(f"{name}_error")
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


class FieldErrors:
    """Maps form field names (as ValidationError.field names them) to their error labels.

    Errors with no field, or a field the form does not show, go to the form's general label.
    """

    def __init__(self, general: QLabel) -> None:
        self.general = general
        self._labels: dict[str, QLabel] = {}
        self._primary: dict[str, QLabel] = {}

    def add(self, field: str, label: QLabel, *aliases: str) -> QLabel:
        """Register `label` for `field` (and for other names a service may use for it)."""
        self._primary[field] = label
        for name in (field, *aliases):
            self._labels[name] = label
        return label

    def label(self, field: str) -> QLabel:
        return self._labels[field]

    def set(self, field: str | None, message: str) -> None:
        label = self._labels.get(field or "", self.general)
        label.setText(message)
        label.setVisible(bool(message))

    def clear(self, field: str) -> None:
        self.set(field, "")

    def clear_all(self) -> None:
        for label in {*self._labels.values(), self.general}:
            label.clear()
            label.hide()

    def show_exception(self, exc: InspectorError) -> None:
        """Put a service's refusal next to the field it names (or in the general label);
        a refusal with several problems (InvalidForm) shows each next to its field."""
        shown: set[str | None] = set()
        for problem in getattr(exc, "problems", None) or [exc]:
            field = getattr(problem, "field", None)
            target = field if field in self._labels else None
            if target not in shown:  # the first problem of a field is the one to fix first
                shown.add(target)
                self.set(target, str(problem))

    def messages(self) -> dict[str, str]:
        """Visible messages by field name ("" for the general label)."""
        out = {name: lab.text() for name, lab in self._primary.items() if not lab.isHidden()}
        if not self.general.isHidden():
            out[""] = self.general.text()
        return out


def to_aware(value: QDateTime) -> datetime:
    """A local QDateTime as an aware datetime (what the services accept)."""
    return value.toPython().astimezone()


def from_aware(value: datetime) -> QDateTime:
    """An aware (UTC) datetime as a local QDateTime for an editor."""
    local = value.astimezone().replace(tzinfo=None)
    return QDateTime(local)


class OptionalDateTime(QObject):
    """A checkbox that says whether there is a time (it serves as the form label), and a
    local date-time editor beside it.

    `value()` is an aware datetime or None; `changed` fires on any edit.
    """

    changed = Signal()

    def __init__(self, name: str, check_text: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.check = QCheckBox(check_text, parent)
        self.check.setObjectName(f"{name}_set")
        self.check.setToolTip(tr("Tick when the time is known"))
        self.edit = QDateTimeEdit(parent)
        self.edit.setObjectName(f"{name}_edit")
        self.edit.setDisplayFormat(DATETIME_FORMAT)
        self.edit.setCalendarPopup(True)
        self.edit.setDateTime(from_aware(clock.now()))
        self.edit.setEnabled(False)
        self.edit.setMinimumWidth(170)
        self._loaded: datetime | None = None
        self.check.toggled.connect(self._on_toggled)
        self.edit.dateTimeChanged.connect(lambda _v: self.changed.emit())

    @Slot(bool)
    def _on_toggled(self, on: bool) -> None:
        self.edit.setEnabled(on)
        if on:
            self.edit.setFocus()
        self.changed.emit()

    def value(self) -> datetime | None:
        if not self.check.isChecked():
            return None
        shown = self.edit.dateTime().toString(DATETIME_FORMAT)
        if self._loaded is not None and shown == from_aware(self._loaded).toString(DATETIME_FORMAT):
            # Unchanged: keep the stored instant (the editor shows minutes, not microseconds).
            return self._loaded
        return to_aware(self.edit.dateTime())

    def set_value(self, value: datetime | None) -> None:
        self._loaded = value
        self.check.setChecked(value is not None)
        self.edit.setDateTime(from_aware(value) if value else from_aware(clock.now()))


class UndoBar(QFrame):
    """A slim message bar with an Undo button, shown after a soft delete for a while."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("undo_bar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("QFrame#undo_bar { background: #fff4ce; border: 1px solid #e3c46f; }")
        self.message = QLabel(self)
        self.message.setObjectName("undo_message")
        self.button = QPushButton(tr("Undo"), self)
        self.button.setObjectName("undo_button")
        self.close_button = QPushButton(tr("Dismiss"), self)
        self.close_button.setObjectName("undo_dismiss")
        self.close_button.setFlat(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 6, 4)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.button)
        layout.addWidget(self.close_button)
        self._undo: Callable[[], None] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.dismiss)
        self.button.clicked.connect(self.undo)
        self.close_button.clicked.connect(self.dismiss)
        self.hide()

    def offer(self, message: str, undo: Callable[[], None]) -> None:
        self.message.setText(message)
        self._undo = undo
        self.show()
        self._timer.start(UNDO_MS)

    @Slot()
    def undo(self) -> None:
        action, self._undo = self._undo, None
        self.dismiss()
        if action is not None:
            action()

    @Slot()
    def dismiss(self) -> None:
        self._timer.stop()
        self._undo = None
        self.hide()


def title_label(text: str, parent: QWidget, scale: float = 1.35) -> QLabel:
    """A bold heading label."""
    label = QLabel(text, parent)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
