"""The first-start dialog on an empty database: create the first user, offer demo data."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.enums import Role
from inspector_app.services import users as user_service
from inspector_app.services.changes import Changes
from inspector_app.services.context import SYSTEM, Actor, Context
from inspector_app.ui.i18n import enum_label, tr
from inspector_app.ui.ops import run_op
from inspector_app.ui.tasks import Task

logger = logging.getLogger(__name__)

#: Style of a validation message shown under its field.
ERROR_STYLE = "color: #b3261e;"


def demo_loader() -> Callable[..., Any]:
    """The demo loader, a generator with progress and cancel (imported only when asked)."""
    from inspector_app.services.demo import iter_demo

    return iter_demo


def field_error_label(parent: QWidget) -> QLabel:
    """A hidden label under a field for its validation message."""
    label = QLabel(parent)
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


class FirstStartDialog(QDialog):
    """Creates the first user (an administrator) and may load demo data."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.actor: Actor | None = None
        self.demo_loaded = False
        self.task: Task | None = None
        self.setObjectName("first_start_dialog")
        self.setWindowTitle(tr("Welcome to Inspector"))
        self.setMinimumWidth(460)

        intro = QLabel(
            tr(
                "This database has no users yet. Create the first one: it is who you act as "
                "when you record purchases and findings. An administrator can add the rest of "
                "the team later in Settings."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("name_edit")
        self.name_edit.setPlaceholderText(tr("e.g. Wang Fang"))
        self.name_error = field_error_label(self)
        self.role_combo = QComboBox(self)
        self.role_combo.setObjectName("role_combo")
        # The first user adds everyone else, so it is an administrator (services.users).
        self.role_combo.addItem(enum_label(Role.ADMIN), Role.ADMIN.value)
        self.role_combo.setEnabled(False)
        self.demo_check = QCheckBox(tr("Load demo data to explore the application"), self)
        self.demo_check.setObjectName("demo_check")
        self._load_demo = demo_loader()

        form = QFormLayout()
        form.addRow(tr("Your name:"), self.name_edit)
        form.addRow("", self.name_error)
        form.addRow(tr("Role:"), self.role_combo)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Create user"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Quit"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(self.demo_check)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.name_edit.textChanged.connect(lambda _t: self.name_error.hide())
        self.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def submit(self) -> None:
        role = Role(self.role_combo.currentData())
        if not self.name_edit.text().strip():
            self._field_error(tr("Please enter a name."))
            return
        name = self.name_edit.text()

        def created(actor) -> None:
            self.actor = actor
            logger.info("First user created: %s", actor)
            if self.demo_check.isChecked():
                self._start_demo()
            else:
                self.accept()

        # A refusal (e.g. someone else created a user meanwhile) shows next to the name.
        run_op(self, self.ctx, lambda: user_service.create_user(self.ctx, name, role),
               on_success=created, on_failure=lambda exc: self._field_error(str(exc)))

    def _field_error(self, message: str) -> None:
        self.name_error.setText(message)
        self.name_error.show()
        self.name_edit.setFocus()

    def _start_demo(self) -> None:
        self.buttons.setEnabled(False)
        load = self._load_demo
        ctx = self.ctx.as_actor(SYSTEM)
        # The demo is one transaction of its own (services/demo); whatever happens, the
        # user exists and the application starts (without demo data after an error).
        self.task = run_op(
            self, self.ctx, partial(load, ctx), on_success=self._demo_done, on_finished=self.accept,
            label=tr("Loading demo data…"), step_labels=False, slow=True, cancellable=True,
            transaction=False, also_changed=Changes.everything(),
        ).task

    def _demo_done(self, _result: object) -> None:
        self.demo_loaded = True
