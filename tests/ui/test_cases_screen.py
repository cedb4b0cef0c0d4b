"""The Cases screen and case page driven through their widgets: the whole workflow, roles, read-only, overdue."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QMessageBox

from inspector_app.domain import clock
from inspector_app.domain.enums import CaseStatus, Role
from inspector_app.services import cases as case_service
from inspector_app.services.cases import ResponseInput
from inspector_app.ui.cases import edit_dialog, transitions
from inspector_app.ui.cases.findings_tab import CaseFindingsModel
from inspector_app.ui.cases.history import EventsModel
from inspector_app.ui.findings import view as findings_view
from inspector_app.ui.screens.cases import CasesScreen
from inspector_app.ui.screens.findings import FindingsScreen
from tests.ui.findings_world import Navigation, env_as, make_world

S = CaseStatus
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def world(ctx, users):
    return make_world(ctx, users)


@pytest.fixture
def qm(ctx, users):
    return ctx.as_actor(users[Role.QUALITY_MANAGER])


def cases_screen(qtbot, env):
    screen = CasesScreen(env)
    qtbot.addWidget(screen)
    screen.resize(1300, 800)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


def open_case(qm, world, *titles, due: date | None = None):
    ids = [world.finding[t] for t in titles or ("Seam splits at the shoulder",)]
    return case_service.open_case(qm, ids, due_date=due)


def buttons(screen) -> set[S]:
    return {t for t, b in screen.page.transitions.buttons.items() if b.isVisibleTo(screen)}


def click_move(qtbot, screen, target: S) -> None:
    button = screen.page.transitions.buttons[target]
    assert button.isVisible() and button.isEnabled()
    qtbot.mouseClick(button, LEFT)


def status(screen) -> S:
    return screen.page.case.status


def test_open_a_case_on_findings_and_take_it_to_closed(qtbot, env, users, world, ctx, monkeypatch, message_boxes):
    nav = Navigation()
    qm_env = env_as(env, users, Role.QUALITY_MANAGER, nav)

    # Findings: select the two Acme findings and open one case for them.
    findings = FindingsScreen(qm_env)
    qtbot.addWidget(findings)
    findings.show()
    model, sel = findings.view.model, findings.view.table.selectionModel()
    for r in range(model.rowCount()):
        if model.row_object(r).title in ("Seam splits at the shoulder", "Zip pull broken"):
            sel.select(model.index(r, 0), QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)

    def submit(dialog):
        qtbot.keyClicks(dialog.summary_edit, "Seams and zips")
        qtbot.mouseClick(dialog.open_button, LEFT)
        return dialog.result()

    monkeypatch.setattr(findings_view.OpenCaseDialog, "exec", submit)
    qtbot.mouseClick(findings.view.open_case_button, LEFT)
    name, case_id = nav.calls[-1]
    assert name == "cases"

    # Cases: the navigation opens the new case's page.
    screen = cases_screen(qtbot, qm_env)
    screen.open_item(case_id)
    page = screen.page
    assert page.header.number_label.text().startswith("RC-")
    assert page.header.status_label.text() == "Open"
    assert page.header.merchant_label.text() == "Acme Store (shop-acme)"
    assert page.header.summary_label.text() == "Seams and zips"
    assert page.findings_tab.model.rowCount() == 2
    assert screen.list.table.current_id() == case_id
    assert buttons(screen) == {S.NOTIFIED, S.ESCALATED, S.CANCELLED, S.WAIVED}
    assert page.notice_button.isVisible()

    click_move(qtbot, screen, S.NOTIFIED)
    assert status(screen) == S.NOTIFIED
    assert page.header.status_label.text() == "Notified"

    # "Record response…" leads to the response form; saving it makes the case responded.
    click_move(qtbot, screen, S.RESPONDED)
    assert page.tabs.currentWidget() is page.response_tab
    assert status(screen) == S.NOTIFIED
    qtbot.keyClicks(page.response_tab.response_edit, "We will fix the seams")
    qtbot.keyClicks(page.response_tab.root_cause_edit, "Thread too thin")
    qtbot.keyClicks(page.response_tab.corrective_edit, "Recall the batch")
    qtbot.keyClicks(page.response_tab.preventive_edit, "Thread check at intake")
    qtbot.mouseClick(page.response_tab.save_button, LEFT)
    assert status(screen) == S.RESPONDED
    saved = case_service.get_case_by_id(ctx, case_id)
    assert (saved.root_cause, saved.preventive_action) == ("Thread too thin", "Thread check at intake")
    assert saved.response_date == clock.today()

    click_move(qtbot, screen, S.RECTIFYING)  # "Accept response"
    assert status(screen) == S.RECTIFYING
    click_move(qtbot, screen, S.AWAITING_VERIFICATION)
    assert status(screen) == S.AWAITING_VERIFICATION

    # "Verification failed…" needs a reason: the dialog is asked; cancelling it changes nothing.
    asked = []
    monkeypatch.setattr(transitions, "ask_reason", lambda parent, action, number: asked.append(action))
    click_move(qtbot, screen, S.RECTIFYING)
    assert asked == ["Verification failed…"]
    assert status(screen) == S.AWAITING_VERIFICATION
    monkeypatch.setattr(transitions, "ask_reason", lambda parent, action, number: "Seams still split")
    click_move(qtbot, screen, S.RECTIFYING)
    assert status(screen) == S.RECTIFYING
    click_move(qtbot, screen, S.AWAITING_VERIFICATION)
    click_move(qtbot, screen, S.CLOSED)  # "Verify and close"
    assert status(screen) == S.CLOSED
    # Every move that cannot be taken back was asked first (Yes is the test's answer).
    assert [b["title"] for b in message_boxes.shown] == [
        "Notify merchant", "Accept response", "Rectified", "Rectified", "Verify and close",
    ]
    assert all(b["kind"] == "question" and "cannot be taken back" in b["text"] for b in message_boxes.shown)

    # The whole history, with the reason, oldest first.
    events = page.history.model_
    moves = [events.index(r, 3).data() for r in range(events.rowCount())]
    assert "Open → Notified" in moves and moves[-1] == "Awaiting verification → Closed"
    assert "Seams still split" in [events.index(r, 4).data() for r in range(events.rowCount())]

    # A closed case is read-only.
    assert buttons(screen) == set()
    assert_read_only(page)
    # The list follows: the Closed tab counts it, Active no longer does.
    counts = screen.list.tabs.counts
    assert counts["closed"] == 1 and counts["active"] == 0


def assert_read_only(page) -> None:
    r = page.response_tab
    assert all(e.isReadOnly() for e in (r.response_edit, r.root_cause_edit, r.corrective_edit, r.preventive_edit))
    assert not r.save_button.isEnabled() and not r.date_edit.isEnabled()
    v = page.verification_tab
    assert not v.save_button.isEnabled() and not v.passed_radio.isEnabled() and not v.purchase_combo.isEnabled()
    assert v.note_edit.isReadOnly()
    assert not page.rectification_photos.editable
    assert not page.edit_button.isEnabled()
    assert not any(c.panel.editable for c in page.before_after.columns())


def test_merchant_manager_sees_only_its_moves(qtbot, env, users, world, qm, message_boxes):
    case = open_case(qm, world)
    case_service.advance(qm, case.case_number, S.NOTIFIED)
    screen = cases_screen(qtbot, env_as(env, users, Role.MERCHANT_MANAGER))
    screen.open_item(case.id)
    page = screen.page
    assert buttons(screen) == {S.RESPONDED}
    assert page.notice_button.isVisible()  # merchant managers send the notices out
    assert not page.edit_button.isVisible()
    assert not page.response_tab.response_edit.isReadOnly()
    assert page.rectification_photos.editable  # merchant managers bring the evidence
    assert not page.verification_tab.save_button.isEnabled()

    qtbot.keyClicks(page.response_tab.response_edit, "Merchant answered by phone")
    click_move(qtbot, screen, S.RESPONDED)  # with a response typed, the button saves it
    assert status(screen) == S.RESPONDED
    assert buttons(screen) == set()  # accepting the response is the quality manager's

    case_service.advance(qm, case.case_number, S.RECTIFYING)
    screen.refresh()
    assert buttons(screen) == {S.AWAITING_VERIFICATION}
    click_move(qtbot, screen, S.AWAITING_VERIFICATION)
    assert status(screen) == S.AWAITING_VERIFICATION
    assert buttons(screen) == set()


def test_inspector_cannot_move_or_respond(qtbot, env, users, world, qm):
    case = open_case(qm, world)
    screen = cases_screen(qtbot, env_as(env, users, Role.INSPECTOR))
    screen.open_item(case.id)
    assert buttons(screen) == set()
    assert screen.page.response_tab.response_edit.isReadOnly()
    assert not screen.page.response_tab.save_button.isVisible()


def test_response_errors_show_next_to_the_field(qtbot, env, users, world, qm):
    case = open_case(qm, world)
    case_service.advance(qm, case.case_number, S.NOTIFIED)
    screen = cases_screen(qtbot, env_as(env, users, Role.QUALITY_MANAGER))
    screen.open_item(case.id)
    tab = screen.page.response_tab
    screen.page.tabs.setCurrentWidget(tab)
    qtbot.mouseClick(tab.save_button, LEFT)
    error = tab.errors["response_text"]
    assert error.isVisible() and error.text() == "The response is empty"
    qtbot.keyClicks(tab.response_edit, "x")
    assert not error.isVisible()


def test_verification_form_failed_needs_a_note_then_passes_with_a_repurchase(
    qtbot, env, users, world, qm, ctx, message_boxes
):
    case = open_case(qm, world)
    case_service.advance(qm, case.case_number, S.NOTIFIED)
    case_service.record_response(qm, case.case_number, ResponseInput(response_text="ok"))
    for target in (S.RECTIFYING, S.AWAITING_VERIFICATION):
        case_service.advance(qm, case.case_number, target)
    screen = cases_screen(qtbot, env_as(env, users, Role.QUALITY_MANAGER))
    screen.open_item(case.id)
    tab = screen.page.verification_tab
    screen.page.tabs.setCurrentWidget(tab)
    assert tab.save_button.isEnabled()

    # Neither result is preselected: saving without one says so and changes nothing.
    assert not tab.passed_radio.isChecked() and not tab.failed_radio.isChecked()
    qtbot.mouseClick(tab.save_button, LEFT)
    assert tab.errors["result"].isVisible() and tab.errors["result"].text() == "Choose Passed or Failed."
    assert status(screen) == S.AWAITING_VERIFICATION

    qtbot.mouseClick(tab.failed_radio, LEFT)
    qtbot.mouseClick(tab.save_button, LEFT)
    assert tab.errors["note"].isVisible() and "needs a reason" in tab.errors["note"].text()
    assert status(screen) == S.AWAITING_VERIFICATION

    qtbot.keyClicks(tab.note_edit, "Zip still breaks")
    qtbot.mouseClick(tab.save_button, LEFT)
    assert status(screen) == S.RECTIFYING
    assert not tab.save_button.isEnabled()  # nothing to verify while rectifying

    case_service.advance(qm, case.case_number, S.AWAITING_VERIFICATION)
    screen.refresh()
    qtbot.mouseClick(tab.passed_radio, LEFT)
    tab.note_edit.clear()
    tab.purchase_combo.setCurrentIndex(tab.purchase_combo.findData(world.acme_purchase))
    assert tab.purchase_combo.currentText().startswith("ORD-ACME-1")
    assert tab.purchase_combo.findData(world.beta_purchase) == -1  # only this merchant's
    # "Passed" closes the case for good: asked first; No leaves it as it was.
    message_boxes.answer = QMessageBox.StandardButton.No
    qtbot.mouseClick(tab.save_button, LEFT)
    assert status(screen) == S.AWAITING_VERIFICATION
    assert message_boxes.texts() == [f"Close case {case.case_number} as passed? A closed case cannot be reopened."]
    message_boxes.answer = QMessageBox.StandardButton.Yes
    qtbot.mouseClick(tab.save_button, LEFT)
    closed = case_service.get_case_by_id(ctx, case.id)
    assert closed.status == S.CLOSED and closed.verification_purchase_id == world.acme_purchase
    assert_read_only(screen.page)
    assert len(message_boxes.shown) == 2


def test_notify_answered_no_leaves_the_case_open(qtbot, env, users, world, qm, message_boxes):
    case = open_case(qm, world)
    screen = cases_screen(qtbot, env_as(env, users, Role.QUALITY_MANAGER))
    screen.open_item(case.id)
    message_boxes.answer = QMessageBox.StandardButton.No
    click_move(qtbot, screen, S.NOTIFIED)
    assert status(screen) == S.OPEN
    assert case_service.get_case_by_id(qm, case.id).status == S.OPEN
    assert message_boxes.shown[0]["text"] == (
        f"“Notify merchant” for case {case.case_number}: the case becomes “notified”. "
        "This cannot be taken back. Go ahead?"
    )


def test_cancel_asks_for_a_reason_and_leaves_the_case_read_only(qtbot, env, users, world, qm, monkeypatch):
    case = open_case(qm, world)
    screen = cases_screen(qtbot, env_as(env, users, Role.QUALITY_MANAGER))
    screen.open_item(case.id)
    finals = []
    monkeypatch.setattr(transitions, "ask_reason", lambda parent, action, number, **_k: None)
    click_move(qtbot, screen, S.CANCELLED)
    assert status(screen) == S.OPEN
    monkeypatch.setattr(transitions, "ask_reason",
                        lambda parent, action, number, **kw: finals.append(kw) or "Opened by mistake")
    click_move(qtbot, screen, S.CANCELLED)
    assert finals == [{"final": True}]  # the reason dialog warns that this is for good
    assert status(screen) == S.CANCELLED
    assert screen.page.header.reason_label.text() == "Reason: Opened by mistake"
    assert buttons(screen) == set()
    assert_read_only(screen.page)


def test_ctrl_return_confirms_the_reason_dialog(qtbot):
    dialog = transitions.ReasonDialog("Cancel case…", "RC-2026-0001", final=True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.warning.isVisibleTo(dialog) and dialog.ok_button.text() == "Cancel case"
    qtbot.keyClicks(dialog.note_edit, "Opened twice")
    qtbot.keyClick(dialog.note_edit, Qt.Key.Key_Return)  # Return: a new line, not OK
    assert dialog.isVisible() and dialog.note_edit.toPlainText() == "Opened twice\n"
    qtbot.keyClick(dialog.note_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == transitions.QDialog.DialogCode.Accepted
    assert dialog.reason() == "Opened twice"


def test_reason_dialog_refuses_an_empty_reason(qtbot):
    dialog = transitions.ReasonDialog("Waive…", "RC-2026-0001")
    qtbot.addWidget(dialog)
    dialog.show()
    ok = dialog.findChild(transitions.QDialogButtonBox).button(transitions.QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, LEFT)
    assert dialog.isVisible() and dialog.error.isVisible()
    qtbot.keyClicks(dialog.note_edit, "Product delisted")
    qtbot.mouseClick(ok, LEFT)
    assert dialog.result() == transitions.QDialog.DialogCode.Accepted
    assert dialog.reason() == "Product delisted"


def test_overdue_cases_are_marked_by_icon_words_and_colour(qtbot, env, users, world, qm):
    late = open_case(qm, world, "Seam splits at the shoulder", due=clock.today() - timedelta(days=3))
    on_time = open_case(qm, world, "Zip pull broken", due=clock.today() + timedelta(days=5))
    screen = cases_screen(qtbot, env_as(env, users, Role.QUALITY_MANAGER))
    model = screen.list.model
    rows = {model.row_object(r).id: r for r in range(model.rowCount())}
    days_col, due_col = model.column_index("days_left"), model.column_index("due_date")
    late_row, ok_row = rows[late.id], rows[on_time.id]
    assert model.index(late_row, days_col).data() == "3 d overdue"
    assert model.index(ok_row, days_col).data() == "5 d left"
    assert model.index(late_row, 0).data(Qt.ItemDataRole.DecorationRole) is not None
    assert model.index(ok_row, 0).data(Qt.ItemDataRole.DecorationRole) is None
    assert model.index(late_row, due_col).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert "Overdue" in model.index(late_row, 0).data(Qt.ItemDataRole.ToolTipRole)

    tabs = screen.list.tabs
    assert tabs.tabText(tabs.currentIndex()) == "Active (2)"
    tabs.select("overdue")
    assert tabs.tabText(tabs.currentIndex()) == "Overdue (1)"
    assert [model.row_object(r).id for r in range(model.rowCount())] == [late.id]
    assert screen.list.count_label.text() == "1 case"

    screen.list.table.selectRow(0)
    header = screen.page.header
    assert header.due_label.text().endswith("3 d overdue")
    assert header.due_icon.isVisibleTo(screen)


def test_search_and_merchant_filter_narrow_the_list(qtbot, env, users, world, qm):
    a = open_case(qm, world, "Seam splits at the shoulder")
    b = open_case(qm, world, "Colour differs from the photos")
    screen = cases_screen(qtbot, env_as(env, users, Role.QUALITY_MANAGER))
    model = screen.list.model
    assert model.total == 2
    qtbot.keyClicks(screen.list.search, b.case_number)
    qtbot.waitUntil(lambda: model.total == 1, timeout=2000)
    assert model.row_object(0).id == b.id
    screen.list.search.clear()
    assert model.total == 2
    screen.list.merchant.set_merchant(world.acme_id, "Acme Store (shop-acme)")
    assert [model.row_object(r).id for r in range(model.rowCount())] == [a.id]
    assert screen.list.tabs.counts["all"] == 1


def test_models_pass_the_model_tester(qtbot, env, users, world, qm, qtmodeltester):
    case = open_case(qm, world, "Seam splits at the shoulder", "Zip pull broken", due=clock.today() - timedelta(days=1))
    case_service.advance(qm, case.case_number, S.NOTIFIED)
    open_case(qm, world, "Colour differs from the photos")
    screen = cases_screen(qtbot, env_as(env, users, Role.QUALITY_MANAGER))
    qtmodeltester.check(screen.list.model)
    screen.open_item(case.id)
    events = screen.page.history.model_
    assert isinstance(events, EventsModel) and events.rowCount() == 2
    qtmodeltester.check(events)
    found = screen.page.findings_tab.model
    assert isinstance(found, CaseFindingsModel) and found.rowCount() == 2
    qtmodeltester.check(found)


def test_main_window_navigates_from_findings_to_the_case(qtbot, window, world, qm):
    case = open_case(qm, world)
    screen = window.navigate("cases", case.id)
    assert isinstance(screen, CasesScreen)
    assert screen.page.case.id == case.id
    assert screen.page.stack.currentIndex() == 1
    findings = window.navigate("findings")
    assert isinstance(findings, FindingsScreen)
    qtbot.waitUntil(lambda: findings.view.count == 5, timeout=5000)


def test_edit_the_due_date_and_summary(qtbot, env, users, world, qm, monkeypatch):
    case = open_case(qm, world)
    screen = cases_screen(qtbot, env_as(env, users, Role.QUALITY_MANAGER))
    screen.open_item(case.id)
    new_due = clock.today() + timedelta(days=30)

    def edit(dialog):
        dialog.due_edit.setDate(new_due)
        dialog.summary_edit.clear()
        qtbot.keyClicks(dialog.summary_edit, "Replace every zip")
        qtbot.mouseClick(dialog.save_button, LEFT)
        return dialog.result()

    monkeypatch.setattr(edit_dialog.EditCaseDialog, "exec", edit)
    qtbot.mouseClick(screen.page.edit_button, LEFT)
    header = screen.page.header
    assert header.due_label.text() == f"{new_due.isoformat()} · 30 d left"
    assert header.summary_label.text() == "Replace every zip"
    events = screen.page.history.model_
    assert events.index(events.rowCount() - 1, 2).data() == "Edited"


def test_tab_leaves_the_cases_table(qtbot, env, users, world, qm):
    open_case(qm, world)
    open_case(qm, world, "Zip pull broken")
    screen = cases_screen(qtbot, env_as(env, users, Role.QUALITY_MANAGER))
    table = screen.list.table
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    row = table.currentIndex().row()
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert not table.hasFocus(), "Tab moved within the table instead of leaving it"
    assert table.currentIndex().row() == row


def test_case_page_labels_have_readable_contrast(qtbot, env, users, world, qm):
    """Secondary labels on the case page: contrast >= 4.5:1 on the window (was 184 on 239)."""
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QLabel

    from inspector_app.ui.contrast import contrast_ratio

    case = open_case(qm, world)
    screen = cases_screen(qtbot, env_as(env, users, Role.QUALITY_MANAGER))
    screen.open_item(case.id)
    header = screen.page.header
    captions = [w for w in header.findChildren(QLabel) if w.text() in ("Merchant:", "Due:", "Assignee:")]
    assert len(captions) == 3
    window = header.palette().color(QPalette.ColorRole.Window)
    for label in (*captions, header.dates_label, screen.page.response_tab.state_label):
        style = label.styleSheet()
        assert "palette(mid)" not in style
        color = QColor(style.split("color:")[1].split(";")[0].strip())
        assert contrast_ratio(color, window) >= 4.5, (label.text(), color.name(), window.name())
    # The default light theme's old grey failed this.
    assert contrast_ratio(QColor(184, 184, 184), QColor(239, 239, 239)) < 4.5
