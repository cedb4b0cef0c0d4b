"""The case page: header, workflow buttons, and tabs for findings, response, verification, history."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QLabel, QPushButton, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from inspector_app.domain.enums import CaseStatus, PhotoRole, Role
from inspector_app.domain.errors import InspectorError
from inspector_app.domain.workflow import transition_for
from inspector_app.services import case_moves, team_settings
from inspector_app.services import cases as case_service
from inspector_app.services import findings as finding_service
from inspector_app.services.cases import CaseInfo
from inspector_app.services.context import MANAGERS
from inspector_app.ui.cases import notice, transitions
from inspector_app.ui.cases.edit_dialog import EditCaseDialog
from inspector_app.ui.cases.findings_tab import CaseFindingsTab
from inspector_app.ui.cases.header import CaseHeader
from inspector_app.ui.cases.history import HistoryView
from inspector_app.ui.cases.response_tab import ResponseTab
from inspector_app.ui.cases.verification_tab import VerificationTab
from inspector_app.ui.contrast import muted_style
from inspector_app.ui.errors import show_error
from inspector_app.ui.fit import scrolling
from inspector_app.ui.i18n import enum_label, tr
from inspector_app.ui.ops import run_op
from inspector_app.ui.photos import BeforeAfterView, PhotoPanel

logger = logging.getLogger(__name__)

#: Who records merchants' responses (services.cases.record_response checks the same).
RESPONDERS = (Role.MERCHANT_MANAGER, *MANAGERS)


class CasePage(QWidget):
    """Everything about one case; only the moves the current user may make are offered."""

    #: The case changed here (its id), so the list can refresh.
    case_changed = Signal(int)
    #: Another case (or none) is shown, or the shown one was read again (the Case menu follows).
    case_shown = Signal()

    def __init__(self, env, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.case: CaseInfo | None = None
        self.setObjectName("case_page")
        self.header = CaseHeader(self)
        self.transitions = transitions.TransitionBar(self)
        self.transitions.move_requested.connect(self.move_to)
        self.notice_button = QPushButton(tr("Print notice…"), self)
        self.notice_button.setObjectName("print_notice_button")
        self.notice_button.setToolTip(
            tr("Print the rectification notice (Ctrl+Shift+P); printing it notifies the merchant"))
        self.notice_button.clicked.connect(self.print_notice)
        self.save_pdf_button = QPushButton(tr("Save notice as PDF…"), self)
        self.save_pdf_button.setObjectName("save_notice_pdf_button")
        self.save_pdf_button.setToolTip(
            tr("Save the rectification notice as a PDF file (Ctrl+Shift+S) to send it"))
        self.save_pdf_button.clicked.connect(self.save_notice_pdf)
        self.edit_button = QPushButton(tr("Edit case…"), self)
        self.edit_button.setObjectName("edit_case_button")
        self.edit_button.setToolTip(tr("Change the due date, the assignee or the summary"))
        self.edit_button.clicked.connect(self.edit_case)
        self.transitions.add_extra(self.edit_button)
        self.transitions.add_extra(self.notice_button)
        self.transitions.add_extra(self.save_pdf_button)

        self.finding_photos = PhotoPanel(env, self)
        self.finding_photos.setObjectName("finding_photos")
        self.findings_tab = CaseFindingsTab(self.finding_photos, self)
        self.findings_tab.finding_chosen.connect(
            lambda fid: self.finding_photos.set_owner(finding_id=fid, role=PhotoRole.EVIDENCE, read_only=True)
        )
        self.findings_tab.open_purchase.connect(lambda pid: self.env.navigate("purchases", pid))
        self.rectification_photos = PhotoPanel(env, self)
        self.rectification_photos.setObjectName("rectification_photos")
        self.response_tab = ResponseTab(env, self.rectification_photos, self)
        self.response_tab.saved.connect(self._after_write)
        self.before_after = BeforeAfterView(env, self)
        self.verification_tab = VerificationTab(env, self.before_after, self)
        self.verification_tab.saved.connect(self._after_write)
        self.history = HistoryView(self)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("case_tabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.findings_tab, tr("Findings"))
        self.tabs.addTab(self.response_tab, tr("Merchant's response"))
        self.tabs.addTab(self.verification_tab, tr("Verification"))
        self.tabs.addTab(self.history, tr("History"))
        # A narrow page shortens the tab names (whole in their tooltips) rather than scroll.
        self.tabs.setUsesScrollButtons(False)
        self.tabs.setElideMode(Qt.TextElideMode.ElideRight)
        for i in range(self.tabs.count()):
            self.tabs.setTabToolTip(i, self.tabs.tabText(i))

        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(12, 10, 12, 8)
        layout.addWidget(self.header)
        layout.addWidget(self.transitions)
        layout.addWidget(self.tabs, 1)
        self.placeholder = QLabel(tr("Choose a case in the table to see it here."), self)
        self.placeholder.setObjectName("case_placeholder")
        self.placeholder.setWordWrap(True)
        self.placeholder.setStyleSheet(f"{muted_style(self)} padding: 24px;")
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.placeholder)
        # On a low screen (1366x768) the page scrolls rather than make the window taller.
        self.stack.addWidget(scrolling(body))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)

    # -- showing -------------------------------------------------------------------------

    def load(self, case_id: int | None) -> None:
        """Show the case with this id (None: the placeholder)."""
        if case_id is None:
            self.case = None
            self.stack.setCurrentWidget(self.placeholder)
            self.case_shown.emit()
            return
        try:
            case = case_service.get_case_by_id(self.env.ctx, case_id)
        except InspectorError as exc:
            logger.info("Cannot show case %s: %s", case_id, exc)
            self.load(None)
            return
        self.show_case(case)

    def reload(self, findings: bool = False) -> None:
        """Show the current case again; `findings` also re-reads its findings (they changed)."""
        if self.case is not None:
            case_id = self.case.id
            if findings:
                self.case = None
            self.load(case_id)

    def show_case(self, case: CaseInfo) -> None:
        same = self.case is not None and self.case.id == case.id
        self.case = case
        ctx = self.env.ctx
        read_only = case.is_final
        allowed = case_service.allowed_targets(ctx, case)
        self.header.show_case(case, team_settings.warning_days(ctx))
        self.transitions.set_moves(case.status, allowed)
        self.transitions.setToolTip(case_service.offline_reason(ctx) or "")
        manager = self.env.state.has_role(*MANAGERS)
        self.edit_button.setVisible(manager)
        self.edit_button.setEnabled(manager and not read_only)
        # The services say who prints and saves notices (merchant managers too).
        sends_notices = case_moves.why_not_manage(ctx, case, "notice") is None
        self.notice_button.setVisible(sends_notices)
        self.save_pdf_button.setVisible(sends_notices)
        if not same:
            try:
                found = [finding_service.get_finding(ctx, fid) for fid in case.finding_ids]
            except InspectorError as exc:
                logger.info("Cannot list the findings of %s: %s", case.case_number, exc)
                found = []
            self.findings_tab.set_findings(found)
            if not found:
                self.finding_photos.clear()
        self.response_tab.show_case(case, editable=not read_only and self.env.state.has_role(*RESPONDERS))
        self.rectification_photos.set_owner(case_id=case.id, role=PhotoRole.RECTIFICATION, read_only=read_only)
        # Both outcomes of a re-check must be open to the user for the form to make sense.
        can_verify = CaseStatus.CLOSED in allowed and CaseStatus.RECTIFYING in allowed
        self.verification_tab.show_case(case, can_verify)
        self.before_after.set_case(case.id, read_only=read_only)
        self.history.set_events(case.events)
        self.stack.setCurrentIndex(1)
        self.case_shown.emit()

    # -- actions -------------------------------------------------------------------------

    @Slot(str)
    def move_to(self, target_value: str) -> None:
        if self.case is None:
            return
        target = CaseStatus(target_value)
        case = self.case
        if target == CaseStatus.RESPONDED:
            # A case becomes "responded" by recording the merchant's response.
            self.tabs.setCurrentWidget(self.response_tab)
            if self.response_tab.response_edit.toPlainText().strip():
                self.response_tab.save()
            else:
                self.response_tab.focus_response()
                self.env.show_status(tr("Type the merchant's response, then save it."))
            return
        t = transition_for(case.status, target)
        note = ""
        action = transitions.action_text(case.status, target)
        final = transitions.is_irreversible(case.status, target)
        if t is not None and t.needs_note:
            # The reason dialog is the confirmation: for a final move it says so.
            reason = (transitions.ask_reason(self, action, case.case_number, final=True) if final
                      else transitions.ask_reason(self, action, case.case_number))
            if reason is None:
                return
            note = reason
        elif final and not transitions.confirm_move(self, action, case.case_number, target):
            return

        def moved(updated: CaseInfo) -> None:
            self.env.show_status(
                tr("%1 is now %2").replace("%1", updated.case_number)
                .replace("%2", enum_label(updated.status).lower())
            )
            self._after_write(updated)

        def refused(exc: Exception) -> None:
            show_error(self, exc)
            self.reload()

        run_op(self, self.env.ctx, lambda: case_service.advance(self.env.ctx, case.case_number, target, note),
               on_success=moved, on_failure=refused)

    def _after_write(self, case: CaseInfo) -> None:
        self.show_case(case)
        self.case_changed.emit(case.id)

    @Slot()
    def edit_case(self) -> None:
        if self.case is None or self.case.is_final:
            return
        dialog = EditCaseDialog(self.env, self.case, self)
        try:
            if dialog.exec() == EditCaseDialog.DialogCode.Accepted and dialog.updated is not None:
                self._after_write(dialog.updated)
        finally:
            dialog.deleteLater()

    @Slot()
    def print_notice(self) -> None:
        if self.case is None:
            return
        notice.print_notice(
            self.env.ctx, self.case.case_number, self,
            on_done=lambda path, pages: self.env.show_status(
                tr("Sent %n page(s) of the notice to the printer; a copy is in %1", None, pages)
                .replace("%1", str(path))),
        )

    @Slot()
    def save_notice_pdf(self) -> None:
        if self.case is None:
            return
        notice.save_notice_pdf(
            self.env.ctx, self.env.settings, self.case.case_number, self,
            on_done=lambda path: self.env.show_status(tr("Saved %1").replace("%1", str(path))),
        )
