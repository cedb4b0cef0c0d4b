"""What an empty list says: what to do first, with the next step as a button (New purchase,
Load demo data, Open a case from Findings)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from inspector_app.ui.fit import FlowLayout
from inspector_app.ui.i18n import tr
from inspector_app.ui.ops import Op, run_op

logger = logging.getLogger(__name__)

_STYLE = ("QFrame#%s { background: #eef4ff; border: 1px solid #b6cdf5; border-radius: 6px; }"
          " QLabel { color: #1f2933; }")


class EmptyState(QFrame):
    """A sentence and buttons, shown by its list while the list has no rows at all."""

    def __init__(self, name: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setStyleSheet(_STYLE % name)
        self.label = QLabel(text, self)
        self.label.setObjectName(f"{name}_text")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._buttons = QWidget(self)
        self._flow = FlowLayout(self._buttons, spacing=8)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.addWidget(self.label)
        layout.addWidget(self._buttons)
        self.buttons: dict[str, QPushButton] = {}
        self.hide()

    def add_button(self, key: str, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self._buttons)
        button.setObjectName(f"{self.objectName()}_{key}")
        button.clicked.connect(lambda _c=False: slot())
        self._flow.addWidget(button)
        self.buttons[key] = button
        return button


def load_demo_data(parent: QWidget, ctx) -> Op:
    """The demo data (as at first start), off the GUI thread with progress and Cancel;
    every screen reloads after it."""
    from inspector_app.services.changes import Changes
    from inspector_app.services.context import SYSTEM
    from inspector_app.services.demo import iter_demo

    def demo():  # one transaction of its own (services/demo), so none around it
        yield from iter_demo(ctx.as_actor(SYSTEM))
        return Changes.everything()

    return run_op(
        parent, ctx, demo, label=tr("Loading demo data…"), slow=True, cancellable=True,
        transaction=False, step_labels=False,
    )
