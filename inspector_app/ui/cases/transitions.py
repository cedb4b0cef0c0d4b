"""The case's workflow buttons: one per move the current user may make; reasons asked in a dialog."""

from __future__ import annotations

import logging

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.enums import CaseStatus
from inspector_app.domain.workflow import transition_for
from inspector_app.ui.confirm import DiscardGuard, confirm
from inspector_app.ui.first_start import field_error_label
from inspector_app.ui.fit import FlowLayout
from inspector_app.ui.i18n import QT_TR_NOOP, enum_label, tr
from inspector_app.ui.keys import confirm_on_ctrl_return

logger = logging.getLogger(__name__)

# The workflow's action names (domain.workflow Transition.label), marked for translation.
_ACTION_NAMES = (
    QT_TR_NOOP("Notify merchant"),
    QT_TR_NOOP("Record response"),
    QT_TR_NOOP("Accept response"),
    QT_TR_NOOP("Rectified"),
    QT_TR_NOOP("Verify and close"),
    QT_TR_NOOP("Verification failed"),
    QT_TR_NOOP("Escalate"),
    QT_TR_NOOP("Cancel"),
    QT_TR_NOOP("Waive"),
)
#: Moves that leave the normal flow; shown apart, after the flow's own buttons.
EXCEPTIONAL = frozenset({CaseStatus.ESCALATED, CaseStatus.CANCELLED, CaseStatus.WAIVED})
#: Moves that cannot be taken back: asked before they are made (docs/ workflow: no move back).
IRREVERSIBLE = frozenset({
    CaseStatus.NOTIFIED, CaseStatus.AWAITING_VERIFICATION, CaseStatus.CLOSED,
    CaseStatus.CANCELLED, CaseStatus.WAIVED,
})


def is_irreversible(source: CaseStatus, target: CaseStatus) -> bool:
    """Whether the move is asked first: a final status, notifying, accepting, "Rectified"."""
    return target in IRREVERSIBLE or (source, target) == (CaseStatus.RESPONDED, CaseStatus.RECTIFYING)


def action_text(source: CaseStatus, target: CaseStatus) -> str:
    """The button text of a move, with "…" when it asks for something first."""
    t = transition_for(source, target)
    label = t.label if t is not None else ""
    if label == "De-escalate" or not label:
        text = tr("Back to %1").replace("%1", enum_label(target).lower())
    elif label == "Cancel":
        text = tr("Cancel case")
    else:
        text = tr(label)
    asks = (t is not None and t.needs_note) or target == CaseStatus.RESPONDED
    return text + ("…" if asks else "")


def _needs_note(source: CaseStatus, target: CaseStatus) -> bool:
    t = transition_for(source, target)
    return t is not None and t.needs_note


class ReasonDialog(DiscardGuard, QDialog):
    """Asks for the reason a move needs (cancelling, waiving, escalating, a failed check)."""

    def __init__(
        self, action: str, case_number: str, parent: QWidget | None = None, final: bool = False
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reason_dialog")
        self.setWindowTitle(tr("Reason"))
        self.setMinimumWidth(420)
        prompt = QLabel(tr("Why “%1” for case %2?").replace("%1", action.rstrip("…")).replace("%2", case_number), self)
        prompt.setWordWrap(True)
        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setObjectName("reason_edit")
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(100)
        self.error = field_error_label(self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setToolTip(tr("Ctrl+Return"))
        buttons.accepted.connect(self._accept_if_given)
        buttons.rejected.connect(self.reject)
        # Return types a new line in the reason; Ctrl+Return (or Ctrl+Enter) confirms.
        confirm_on_ctrl_return(self.note_edit, self._accept_if_given)
        layout = QVBoxLayout(self)
        layout.addWidget(prompt)
        layout.addWidget(self.note_edit)
        self.warning = QLabel(tr("This cannot be taken back: the case stays as it is then."), self)
        self.warning.setObjectName("reason_warning")
        self.warning.setWordWrap(True)
        self.warning.setVisible(final)
        if final:
            self.ok_button.setText(action.rstrip("…"))
        layout.addWidget(self.warning)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.note_edit.textChanged.connect(self.error.hide)

    def reason(self) -> str:
        return self.note_edit.toPlainText().strip()

    def has_unsaved(self) -> bool:
        """A reason typed (DiscardGuard asks before it is thrown away)."""
        return self.result() != QDialog.DialogCode.Accepted and bool(self.reason())

    @Slot()
    def _accept_if_given(self) -> None:
        if not self.reason():
            self.error.setText(tr("Please give a reason."))
            self.error.show()
            return
        self.accept()


def ask_reason(parent: QWidget, action: str, case_number: str, final: bool = False) -> str | None:
    """The reason typed, or None when the user cancelled (tests patch this function).

    `final`: the move cannot be taken back; the dialog says so and its OK button names the move.
    """
    dialog = ReasonDialog(action, case_number, parent, final)
    try:
        return dialog.reason() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def confirm_move(parent: QWidget, action: str, case_number: str, target: CaseStatus) -> bool:
    """Ask before a move that cannot be taken back; True when the user goes ahead."""
    text = (
        tr("“%1” for case %2: the case becomes “%3”. This cannot be taken back. Go ahead?")
        .replace("%1", action.rstrip("…")).replace("%2", case_number)
        .replace("%3", enum_label(target).lower())
    )
    return confirm(parent, action.rstrip("…"), text)


class TransitionBar(QWidget):
    """Buttons for the allowed moves; `move_requested(target status value)` when one is clicked.

    The flow's moves come first, then moves out of the flow (escalate, cancel, waive), then
    extra actions; they wrap onto further lines on a narrow page, so they never widen the
    window (docs/architecture.md, "Small screens"). The Case menu offers the same moves.
    """

    move_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("transition_bar")
        self._row = FlowLayout(self, spacing=6)
        self._row.setContentsMargins(0, 0, 0, 0)
        self.buttons: dict[CaseStatus, QPushButton] = {}
        self.extra: list[QWidget] = []

    def set_moves(self, source: CaseStatus, targets: list[CaseStatus]) -> None:
        for button in self.buttons.values():
            button.hide()
            button.deleteLater()
        self.buttons.clear()
        while self._row.count():
            self._row.takeAt(0)
        # The ordinary step forward (no reason needed) leads; moves needing a reason follow.
        flow = sorted((t for t in targets if t not in EXCEPTIONAL), key=lambda t: _needs_note(source, t))
        other = [t for t in targets if t in EXCEPTIONAL]
        for i, target in enumerate(flow):
            button = self._button(source, target)
            if i == 0 and not _needs_note(source, target):
                button.setDefault(True)
                button.setStyleSheet("font-weight: bold;")
            self._row.addWidget(button)
        for target in other:
            self._row.addWidget(self._button(source, target))
        for w in self.extra:
            self._row.addWidget(w)
        self._row.invalidate()

    def _button(self, source: CaseStatus, target: CaseStatus) -> QPushButton:
        button = QPushButton(action_text(source, target), self)
        button.setObjectName(f"move_{target.value}")
        button.clicked.connect(lambda _c=False, t=target: self.move_requested.emit(t.value))
        # Shown at once: a layout would only show it from the event loop, after this click.
        button.show()
        self.buttons[target] = button
        return button

    def add_extra(self, widget: QWidget) -> None:
        """A widget kept after the moves (e.g. "Print notice…")."""
        self.extra.append(widget)
        self._row.addWidget(widget)
