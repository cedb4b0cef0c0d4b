"""Switching the acting user on a one-laptop database: a user with a password is asked
for it first (services/passwords.py); a team server has no switching at all."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from inspector_app.services import passwords
from inspector_app.services.context import Actor
from inspector_app.ui.i18n import tr
from inspector_app.ui.ops import run_op

logger = logging.getLogger(__name__)


def ask_password(parent: QWidget | None, actor: Actor) -> str | None:
    """The password typed for `actor`, or None when cancelled."""
    text, ok = QInputDialog.getText(
        parent, tr("Switch user"), tr("Password of %1:").replace("%1", actor.display_name),
        QLineEdit.EchoMode.Password)
    return text if ok else None


def switch_to(parent: QWidget | None, state, actor: Actor) -> bool:
    """Act as `actor` if allowed (their password when they have one); True when switched."""
    if state.is_team:
        return False
    ctx = state.ctx
    if passwords.has_password(ctx, actor.id):
        typed = ask_password(parent, actor)
        if typed is None:
            return False
        if not passwords.check_password(ctx, actor.id, typed):
            logger.info("Wrong password switching to %s", actor.display_name)
            QMessageBox.warning(parent, tr("Switch user"),
                                tr("Wrong password for %1.").replace("%1", actor.display_name))
            return False
    state.set_actor(actor)
    return True


def set_own_password(parent: QWidget | None, state) -> bool:
    """Set or remove the current user's password (empty removes it)."""
    actor = state.actor
    if actor is None or state.is_team:
        return False
    text, ok = QInputDialog.getText(
        parent, tr("Password"),
        tr("New password for %1 (empty: none):").replace("%1", actor.display_name),
        QLineEdit.EchoMode.Password)
    if not ok:
        return False
    return run_op(parent, state.ctx, lambda: passwords.set_password(state.ctx, actor.id, text or None)).ok
