"""The Case menu: every move of the workflow with a mnemonic (and a shortcut for the common
ones), editing and printing; what the shown case or the current user cannot do is disabled,
with the services' reason as its tooltip and status tip (docs/architecture.md, "Case moves")."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from inspector_app.domain.enums import CaseStatus as S
from inspector_app.domain.labels import join_list
from inspector_app.ui.i18n import QT_TR_NOOP, enum_label, tr

# services.case_moves is imported when a case is shown: the menu is built before the
# window's first paint, which loads no ORM models (tests/ui/test_startup.py).

logger = logging.getLogger(__name__)

#: (workflow move name, target) -> (menu text with its mnemonic, shortcut or "").
MOVE_TEXTS: dict[tuple[str, S], tuple[str, str]] = {
    ("Notify merchant", S.NOTIFIED): (QT_TR_NOOP("&Notify merchant…"), "Ctrl+Shift+N"),
    ("Record response", S.RESPONDED): (QT_TR_NOOP("Record &response…"), "Ctrl+Shift+E"),
    ("Accept response", S.RECTIFYING): (QT_TR_NOOP("&Accept response…"), "Ctrl+Shift+A"),
    ("Rectified", S.AWAITING_VERIFICATION): (QT_TR_NOOP("Mark as rec&tified…"), "Ctrl+Shift+T"),
    ("Verify and close", S.CLOSED): (QT_TR_NOOP("&Verify and close…"), "Ctrl+Shift+V"),
    ("Verification failed", S.RECTIFYING): (QT_TR_NOOP("Verification &failed…"), "Ctrl+Shift+F"),
    ("Escalate", S.ESCALATED): (QT_TR_NOOP("Esca&late…"), "Ctrl+Shift+L"),
    ("De-escalate", S.NOTIFIED): (QT_TR_NOOP("Back to n&otified…"), ""),
    ("De-escalate", S.RECTIFYING): (QT_TR_NOOP("Back to rectif&ying…"), ""),
    ("De-escalate", S.AWAITING_VERIFICATION): (QT_TR_NOOP("Back to awaiting verificat&ion…"), ""),
    ("De-escalate", S.CLOSED): (QT_TR_NOOP("Clo&se after escalation…"), ""),
    ("Cancel", S.CANCELLED): (QT_TR_NOOP("&Cancel case…"), ""),
    ("Waive", S.WAIVED): (QT_TR_NOOP("&Waive…"), ""),
}
#: Shortcuts of the menu's other entries.
EDIT_KEYS, PRINT_KEYS, SAVE_PDF_KEYS = "Ctrl+E", "Ctrl+Shift+P", "Ctrl+Shift+S"


def refusal_text(refusal, case=None, actor=None) -> str:
    """A refusal (services.case_moves.Refusal) in the UI's words ("" for none)."""
    if refusal is None:
        return ""
    kind = refusal.kind
    if kind == "no_case":
        return tr("Choose a case on the Cases screen first")
    if kind == "no_user":
        return tr("Choose a user first (User menu)")
    if kind == "final" and case is not None:
        return (tr("Case %1 is %2 and can no longer change")
                .replace("%1", case.case_number).replace("%2", enum_label(case.status).lower()))
    if kind == "not_from" and case is not None:
        return (tr("Only for a case that is %1; case %2 is %3")
                .replace("%1", join_list(enum_label(s).lower() for s in refusal.sources))
                .replace("%2", case.case_number).replace("%3", enum_label(case.status).lower()))
    if kind == "role" and actor is not None:
        return (tr("That is for: %1 (you act as %2)")
                .replace("%1", join_list(enum_label(r) for r in refusal.roles))
                .replace("%2", enum_label(actor.role)))
    return refusal.message


class CaseMenu(QMenu):
    """Built once; `refresh()` sets each entry from `case_moves` for the shown case.

    `page()` returns the case page of the Cases screen while it is the current screen, else
    None (the entries are then disabled: "Choose a case first").
    """

    def __init__(self, page: Callable[[], QWidget | None], get_ctx, parent: QWidget) -> None:
        super().__init__(tr("&Case"), parent)
        self.setObjectName("case_menu")
        self.setToolTipsVisible(True)
        self._page = page
        self._get_ctx = get_ctx
        self.move_actions: dict[tuple[str, S], QAction] = {}
        for label, target in MOVE_TEXTS:  # services.case_moves.menu_entries() order
            if label in ("Escalate", "Cancel"):  # moves out of the flow stand apart
                self.addSeparator()
            text, keys = MOVE_TEXTS[(label, target)]
            action = self._add(tr(text), keys, lambda _=False, t=target: self._move(t))
            action.setObjectName(f"case_move_{label.lower().replace(' ', '_')}_{target.value}")
            self.move_actions[(label, target)] = action
        self.addSeparator()
        self.edit_action = self._add(tr("&Edit case…"), EDIT_KEYS, lambda: self._call("edit_case"))
        self.print_action = self._add(tr("&Print notice…"), PRINT_KEYS,
                                      lambda: self._call("print_notice"))
        self.save_pdf_action = self._add(tr("Save notice as P&DF…"), SAVE_PDF_KEYS,
                                         lambda: self._call("save_notice_pdf"))
        self.aboutToShow.connect(self.refresh)
        self.refresh()

    def _add(self, text: str, keys: str, slot) -> QAction:
        action = QAction(text, self)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        self.addAction(action)
        # The menu is on the menu bar, so its shortcuts work from every screen.
        parent = self.parentWidget()
        if parent is not None:
            parent.addAction(action)
        return action

    def _case(self):
        page = self._page()
        return page, getattr(page, "case", None)  # the case page's case, or none

    @Slot()
    def refresh(self) -> None:
        """Enable what the shown case and the current user allow; say why not elsewhere."""
        page, case = self._case()
        if case is None:
            no_case = tr("Choose a case on the Cases screen first")
            for action in (*self.move_actions.values(), self.edit_action, self.print_action,
                           self.save_pdf_action):
                self._set(action, False, no_case)
            return
        from inspector_app.services import case_moves

        ctx = self._get_ctx()

        def why(refusal) -> str:
            return refusal_text(refusal, case, ctx.actor)

        for move in case_moves.menu_moves(ctx, case):
            self._set(self.move_actions[(move.label, move.target)], move.allowed, why(move.refusal))
        edit_why = why(case_moves.why_not_manage(ctx, case, "edit"))
        notice_why = why(case_moves.why_not_manage(ctx, case, "notice"))
        self._set(self.edit_action, not edit_why, edit_why)
        self._set(self.print_action, not notice_why, notice_why)
        self._set(self.save_pdf_action, not notice_why and hasattr(page, "save_notice_pdf"),
                  notice_why)

    @staticmethod
    def _set(action: QAction, enabled: bool, reason: str) -> None:
        action.setEnabled(enabled)
        text = action.text().replace("&", "").rstrip("…")
        action.setToolTip(text if enabled else reason)
        action.setStatusTip("" if enabled else reason)

    def _move(self, target: S) -> None:
        page, case = self._case()
        if page is not None and case is not None:
            page.move_to(target.value)

    def _call(self, name: str) -> None:
        page, case = self._case()
        if page is not None and case is not None and hasattr(page, name):
            getattr(page, name)()
