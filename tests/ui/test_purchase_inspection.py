"""Inspecting a purchase: findings through the editor, the verdict, a case as the next step, undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from inspector_app.domain.enums import PurchaseStatus, Role, Severity, Verdict
from inspector_app.services import cases as case_service
from inspector_app.services import findings as finding_service
from inspector_app.services import purchases as purchase_service
from inspector_app.ui.changes import changes
from inspector_app.ui.purchases.findings_model import FindingListModel
from inspector_app.ui.purchases.form import PurchaseForm
from inspector_app.ui.screens import ScreenEnv
from tests.ui.purchase_helpers import click, drive_modal, make_sample


@pytest.fixture
def navigated():
    return []


@pytest.fixture
def sample(state, users):
    return make_sample(state.ctx, inspector_id=users[Role.INSPECTOR].id)


@pytest.fixture
def screen(qtbot, state, settings, navigated, sample):
    from inspector_app.ui.screens.purchases import PurchasesScreen

    env = ScreenEnv(
        state=state, settings=settings, changes=changes(),
        navigate=lambda name, item_id=None: navigated.append((name, item_id)),
    )
    w = PurchasesScreen(env)
    qtbot.addWidget(w)
    w.resize(1300, 850)
    w.show()
    qtbot.waitExposed(w)
    return w


def _open(screen, sample, number):
    screen.open_item(sample.purchases[number])
    assert screen.stack.currentWidget() is screen.inspect_page
    return screen.inspect_page


def _fill(qtbot, editor, *, category, severity, title, description="", expected="", observed="", rule=""):
    editor.category.setCurrentIndex(editor.category.findData(category))
    editor.severity.setCurrentIndex(editor.severity.findData(severity))
    editor.title.clear()
    qtbot.keyClicks(editor.title, title)
    qtbot.keyClicks(editor.rule_ref, rule)
    qtbot.keyClicks(editor.description, description)
    qtbot.keyClicks(editor.expected, expected)
    qtbot.keyClicks(editor.observed, observed)


def _click_finding(qtbot, page, row):
    view = page.findings.view
    rect = view.visualRect(page.findings.model.index(row, 2))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_add_two_findings_fail_the_purchase_and_open_a_case(qtbot, screen, sample, state, navigated, message_boxes):
    page = _open(screen, sample, "A-101")
    assert page.title.text().startswith("A-101 · Trail runner")
    assert page.facts.text("merchant") == "Acme Shoes (1001)"
    assert page.facts.text("price") == "99.00"
    assert page.facts.text("buyer_alias") == "alias-A-101"
    assert page.findings.label.text() == "Findings (0)"
    assert page.verdict.badge.text() == "Not inspected yet"

    # Failing without findings: the service's message, next to the verdict.
    click(qtbot, page.verdict.fail_button)
    assert page.verdict.message.isVisible()
    assert page.verdict.message.text() == "Record at least one finding before failing a purchase"
    assert purchase_service.get_purchase(state.ctx, sample.purchases["A-101"]).verdict is None

    editor = page.editor
    assert editor.heading.text() == "New finding"
    click(qtbot, editor.save_button)  # no title
    assert editor.errors.messages() == {"title": "Title is required"}

    _fill(qtbot, editor, category="size_mismatch", severity="critical", title="Sole 1 cm short",
          description="Left sole measures 26 cm", expected="27 cm (EU 42)", observed="26 cm", rule="Listing size chart")
    assert not editor.errors.label("title").isVisible()
    click(qtbot, editor.save_button)
    assert page.findings.model.rowCount() == 1
    first = page.findings.model.finding(0)
    assert first.title == "Sole 1 cm short" and first.severity == Severity.CRITICAL
    assert (first.expected, first.observed, first.rule_ref) == ("27 cm (EU 42)", "26 cm", "Listing size chart")
    assert editor.heading.text() == f"Finding #{first.id}"
    assert page.findings.label.text() == "Findings (1)"
    assert page.findings.model.index(0, 0).data() == "Critical"
    assert page.findings.model.index(0, 1).data() == "Size / specification mismatch"

    click(qtbot, page.findings.add_button)
    assert editor.heading.text() == "New finding" and editor.title.text() == ""
    _fill(qtbot, editor, category="packaging_damage", severity="minor", title="Box crushed")
    click(qtbot, editor.save_button)
    assert page.findings.model.rowCount() == 2
    assert page.current_finding_id() == page.findings.model.finding(1).id  # the new one stays selected
    assert page.findings.label.text() == "Findings (2)"

    # Back to the first: the editor shows it; an edit is saved in place.
    _click_finding(qtbot, page, 0)
    assert editor.title.text() == "Sole 1 cm short"
    qtbot.keyClicks(editor.title, " (left shoe)")
    # Leaving unsaved edits asks first; Cancel keeps them.
    message_boxes.answer = QMessageBox.StandardButton.Cancel
    _click_finding(qtbot, page, 1)
    assert message_boxes.texts()[-1] == "Discard the changes to this finding?"
    assert page.current_finding_id() == first.id and editor.title.text() == "Sole 1 cm short (left shoe)"
    screen.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is screen, timeout=2000)
    editor.title.setFocus()
    qtbot.keyClick(editor.title, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # Ctrl+S saves
    assert finding_service.get_finding(state.ctx, first.id).title == "Sole 1 cm short (left shoe)"

    click(qtbot, page.verdict.fail_button)
    assert page.verdict.badge.text() == "Fail"
    saved = purchase_service.get_purchase(state.ctx, sample.purchases["A-101"])
    assert saved.verdict == Verdict.FAIL and saved.status == PurchaseStatus.INSPECTED
    assert page.facts.text("status") == "Inspected"
    assert not page.verdict.fail_button.isEnabled() and page.verdict.pass_button.isEnabled()

    # The next step: a rectification case with both findings, then the Cases screen.
    assert page.verdict.case_button.isVisible()
    message_boxes.answer = QMessageBox.StandardButton.Yes
    click(qtbot, page.verdict.case_button)
    assert "Acme Shoes" in message_boxes.texts()[-1]
    assert navigated and navigated[-1][0] == "cases"
    case = case_service.get_case_by_id(state.ctx, navigated[-1][1])
    assert sorted(case.finding_ids) == sorted(f.id for f in page.findings.model.findings())
    assert case.merchant_name == "Acme Shoes"

    # A finding under a case cannot be deleted: the service says why, in the editor.
    click(qtbot, editor.delete_button)
    assert "is part of case" in editor.general_error.text()


def test_delete_a_finding_and_undo(qtbot, screen, sample, state, message_boxes):
    from inspector_app.services.findings import FindingInput

    finding_service.add_finding(
        state.ctx, sample.purchases["A-101"], FindingInput("wrong_item", "major", "Blade chipped")
    )
    page = _open(screen, sample, "A-101")
    assert page.findings.model.rowCount() == 1
    fid = page.findings.model.finding(0).id
    assert page.editor.title.text() == "Blade chipped"
    page.findings.view.setFocus()
    qtbot.keyClick(page.findings.view, Qt.Key.Key_Delete)
    assert message_boxes.texts()[-1].startswith("Delete the finding “Blade chipped”?")
    assert page.findings.model.rowCount() == 0
    assert finding_service.list_for_purchase(state.ctx, sample.purchases["A-101"]) == []
    assert page.undo_bar.isVisible()
    click(qtbot, page.undo_bar.button)
    assert [f.id for f in page.findings.model.findings()] == [fid]
    assert page.current_finding_id() == fid


def test_pass_and_clear_the_verdict(qtbot, screen, sample, state):
    page = _open(screen, sample, "C-300")
    click(qtbot, page.verdict.pass_button)
    assert page.verdict.badge.text() == "Pass"
    assert not page.verdict.case_button.isVisible()
    click(qtbot, page.verdict.clear_button)
    info = purchase_service.get_purchase(state.ctx, sample.purchases["C-300"])
    assert info.verdict is None and info.status == PurchaseStatus.RECEIVED
    assert page.verdict.badge.text() == "Not inspected yet"


def test_photo_panels_follow_the_purchase_and_the_selected_finding(qtbot, screen, sample, state, tmp_path, inline_tasks):
    from PIL import Image

    from inspector_app.services import photos as photo_service

    page = _open(screen, sample, "B-200")
    fid = page.current_finding_id()
    assert page.finding_photos_stack.currentWidget() is page.finding_photos
    assert page.purchase_photos.editable and page.finding_photos.editable
    files = []
    for i, colour in enumerate(("red", "blue")):
        path = tmp_path / f"defect{i}.jpg"
        Image.new("RGB", (64, 48), colour).save(path)
        files.append(path)
    page.finding_photos.add_files([files[0]])
    page.purchase_photos.add_files([files[1]])
    qtbot.waitUntil(lambda: len(page.finding_photos.photos()) == 1 and len(page.purchase_photos.photos()) == 1)
    assert [p.id for p in photo_service.list_photos(state.ctx, finding_id=fid)] == [
        p.id for p in page.finding_photos.photos()
    ]
    assert len(photo_service.list_photos(state.ctx, purchase_id=sample.purchases["B-200"])) == 1
    click(qtbot, page.findings.add_button)
    assert page.finding_photos_stack.currentIndex() == 0  # a new finding has no photos yet
    _click_finding(qtbot, page, 0)
    assert page.finding_photos_stack.currentIndex() == 1 and len(page.finding_photos.photos()) == 1


def test_edit_and_delete_the_purchase_from_its_page(qtbot, screen, sample, state, message_boxes):
    page = _open(screen, sample, "A-100")

    def change_notes(form: PurchaseForm) -> None:
        form.notes.setPlainText("Box re-taped by the courier")
        click(qtbot, form.save_button)

    driven = drive_modal(qtbot, PurchaseForm, change_notes)
    click(qtbot, page.edit_button)
    assert driven
    assert page.facts.text("notes") == "Box re-taped by the courier"

    click(qtbot, page.delete_button)
    assert screen.stack.currentWidget() is screen.list_page
    assert screen.list_page.model.total == 5
    assert screen.list_page.undo_bar.isVisible()
    click(qtbot, screen.list_page.undo_bar.button)
    assert screen.list_page.model.total == 6
    assert not purchase_service.get_purchase(state.ctx, sample.purchases["A-100"]).deleted


def test_a_deleted_purchase_opens_read_only_with_restore(qtbot, screen, sample, state):
    purchase_service.delete_purchase(state.ctx, sample.purchases["C-300"])
    page = _open(screen, sample, "C-300")
    assert page.deleted_label.isVisible() and page.restore_button.isVisible()
    assert not page.edit_button.isEnabled() and not page.findings.add_button.isEnabled()
    assert not page.verdict.pass_button.isEnabled()
    click(qtbot, page.restore_button)
    assert not page.deleted_label.isVisible() and page.edit_button.isEnabled()


def test_merchant_manager_reads_only_and_sees_nothing_private(qtbot, screen, sample, state, users):
    state.set_actor(users[Role.MERCHANT_MANAGER])
    page = _open(screen, sample, "B-200")
    assert not page.facts.values["buyer_alias"].isVisible()
    assert not page.facts.values["delivery_address"].isVisible()
    assert page.facts.text("buyer_alias") == "—"  # the service withheld it
    for key in ("inspector", "notes"):  # who inspected, and the inspector's notes
        assert not page.facts.values[key].isVisible() and page.facts.text(key) == "—"
    for button in (page.edit_button, page.delete_button, page.findings.add_button, page.verdict.pass_button,
                   page.verdict.clear_button, page.editor.save_button, page.editor.delete_button):
        assert not button.isEnabled(), button.objectName()
    assert page.editor.title.isReadOnly()
    assert not page.verdict.case_button.isVisible()


def test_only_managers_are_offered_a_case(qtbot, screen, sample, state, users):
    state.set_actor(users[Role.INSPECTOR])
    page = _open(screen, sample, "B-200")
    assert page.verdict.badge.text() == "Fail"
    assert not page.verdict.case_button.isVisible()
    assert page.facts.values["buyer_alias"].isVisible()
    state.set_actor(users[Role.QUALITY_MANAGER])
    assert page.verdict.case_button.isVisible()


def test_findings_model_passes_the_model_tester(qtmodeltester, screen, sample, state):
    model = FindingListModel()
    qtmodeltester.check(model)
    model.set_findings(finding_service.list_for_purchase(state.ctx, sample.purchases["B-200"]))
    qtmodeltester.check(model)
    assert model.rowCount() == 1


def test_a_stale_save_is_refused_and_reload_keeps_the_typed_text(qtbot, screen, sample, state,
                                                                monkeypatch):
    from inspector_app.services.findings import FindingInput

    finding_service.add_finding(
        state.ctx, sample.purchases["A-101"], FindingInput("wrong_item", "major", "Blade chipped"))
    page = _open(screen, sample, "A-101")
    editor = page.editor
    fid = editor.finding.id
    # Someone else saves the finding while it is open here.
    finding_service.update_finding(state.ctx, fid, FindingInput(
        "wrong_item", "critical", "Blade chipped twice", version=editor.finding.version))
    asked = []
    monkeypatch.setattr(editor, "ask_reload", lambda message, typed: asked.append(message) or True)
    editor.title.clear()
    qtbot.keyClicks(editor.title, "My careful title")
    click(qtbot, editor.save_button)
    assert "changed by Admin at" in asked[0]
    assert finding_service.get_finding(state.ctx, fid).title == "Blade chipped twice"
    # Reloaded: their version in the form, mine visible below it; one click brings mine back.
    assert editor.title.text() == "Blade chipped twice"
    assert editor.unsaved_label.isVisible() and "My careful title" in editor.unsaved_label.text()
    click(qtbot, editor.use_unsaved_button)
    assert editor.title.text() == "My careful title" and not editor.unsaved_label.isVisible()
    click(qtbot, editor.save_button)
    assert finding_service.get_finding(state.ctx, fid).title == "My careful title"
