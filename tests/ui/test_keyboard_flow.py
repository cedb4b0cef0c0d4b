"""The main flow with the keyboard only, in the real main window at 1280x800: log a purchase
(Ctrl+N, type-ahead pickers, Return), add a finding (Tab to it, Ctrl+S), fail the purchase and
open a case (Tab, Space), notify and save the notice as PDF from the Case menu's shortcuts.

Every input is a key event sent to the widget that has the focus; no widget is clicked and
no slot is called. The print and file dialogs are the system's: they are answered by patches.
"""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from inspector_app.domain.enums import CaseStatus, PurchaseStatus, Role, Verdict
from inspector_app.services import cases as case_service
from inspector_app.services import catalog, merchants, reporting
from inspector_app.ui.purchases.form import PurchaseForm
from tests.ui.photos.conftest import activate
from tests.ui.purchase_helpers import POPUP_LOG_IGNORE, drive_modal, pick_from_popup
from tests.ui.test_whole_flow import times_this_month

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
#: The most Tab presses a step may take (a keyboard user would give up long before).
MAX_TABS = 60


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def key(qtbot, k: Qt.Key, mods=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focused(), k, mods)


def type_text(qtbot, text: str) -> None:
    qtbot.keyClicks(focused(), text)


def tab_to(qtbot, target: QWidget) -> int:
    """Press Tab until `target` has the focus; how many presses it took."""
    stuck = 0
    for presses in range(MAX_TABS):
        if focused() is target:
            return presses
        popups = [w for w in QApplication.topLevelWidgets()
                  if w.isVisible() and w.windowType() == Qt.WindowType.Popup]
        if popups:  # a type-ahead list still open: Esc closes it, as a user does
            qtbot.keyClick(popups[0], Qt.Key.Key_Escape)
            continue
        before = focused()
        key(qtbot, Qt.Key.Key_Tab)
        qtbot.wait(20)  # a type-ahead search may be due: let it show its list first
        stuck = stuck + 1 if focused() is before else 0
        if stuck >= 2:  # Tab taken by a list that appeared meanwhile: Esc, as a user would
            key(qtbot, Qt.Key.Key_Escape)
            stuck = 0
    raise AssertionError(f"Tab never reached {target.objectName()} (stuck on {focused().objectName()})")


@pytest.fixture
def catalogue(ctx, users):
    admin = ctx.as_actor(users[Role.ADMIN])
    merchants.create_merchant(admin, "7001", "Keyboard Outfitters")
    catalog.create_product(admin, "Trail runner", brand="Fleetfoot")


@POPUP_LOG_IGNORE
def test_the_main_flow_by_keyboard_only(qtbot, window, ctx, users, catalogue, tmp_path,
                                         monkeypatch, message_boxes):
    window.resize(QSize(1280, 800))
    activate(qtbot, window)

    # -- Ctrl+N: the purchase form; the pickers by typing, Down and Return. ----------------
    ordered, received = times_this_month()
    def fill(form: PurchaseForm) -> None:
        try:
            activate(qtbot, form)
            assert focused() is form.merchant.edit
            type_text(qtbot, "Keyboard")
            pick_from_popup(qtbot, form.merchant, "Keyboard Outfitters")
            qtbot.waitUntil(lambda: form.merchant.selected_id is not None, timeout=3000)
            # The offscreen platform has no window manager to hand activation back to the
            # form when the list closes (a desktop does); without it Tab goes nowhere.
            activate(qtbot, form)
            tab_to(qtbot, form.product.edit)
            type_text(qtbot, "Trail")
            pick_from_popup(qtbot, form.product, "Trail runner")
            qtbot.waitUntil(lambda: form.product.selected_id is not None, timeout=3000)
            # The offscreen platform has no window manager to hand activation back to the
            # form when the list closes (a desktop does); without it Tab goes nowhere.
            activate(qtbot, form)
            tab_to(qtbot, form.status)
            for _ in range(form.status.count()):
                if form.status.currentData() == PurchaseStatus.RECEIVED.value:
                    break
                key(qtbot, Qt.Key.Key_Down)
            tab_to(qtbot, form.order_number)
            type_text(qtbot, "KB-0001")
            for field, moment in ((form.ordered_at, ordered), (form.received_at, received)):
                tab_to(qtbot, field.check)
                key(qtbot, Qt.Key.Key_Space)  # ticking the box moves on to its editor
                assert focused() is field.edit
                key(qtbot, Qt.Key.Key_A, CTRL)
                type_text(qtbot, moment.strftime("%Y-%m-%d %H:%M"))
            tab_to(qtbot, form.order_number)
            key(qtbot, Qt.Key.Key_Return)  # the default button: Save
        finally:
            if form.isVisible():
                form.reject()

    seen = drive_modal(qtbot, PurchaseForm, fill, timeout_ms=20_000)
    key(qtbot, Qt.Key.Key_N, CTRL)
    assert seen and seen[0].saved is not None, seen and seen[0].errors.messages()
    purchase = seen[0].saved
    assert window.current_screen_name() == "purchases"
    page = window.current_screen().inspect_page

    # -- A finding: Tab to the editor's title, type, Ctrl+S. -------------------------------
    activate(qtbot, window)
    editor = page.editor
    assert editor.heading.text() == "New finding"
    tab_to(qtbot, editor.title)
    type_text(qtbot, "Sole separates after one run")
    key(qtbot, Qt.Key.Key_S, CTRL)
    assert editor.errors.messages() == {}, editor.errors.messages()
    qtbot.waitUntil(lambda: page.findings.model.rowCount() == 1, timeout=5000)
    assert not editor.dirty

    # -- Fail (Tab, Space), then open the case (Tab, Space; Yes is the patched answer). ----
    tab_to(qtbot, page.verdict.fail_button)
    key(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.verdict.badge.text() == "Fail", timeout=5000)
    tab_to(qtbot, page.verdict.case_button)
    key(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.current_screen_name() == "cases", timeout=5000)
    case_page = window.current_screen().page
    case = case_page.case
    assert case is not None and case.status == CaseStatus.OPEN

    # -- The Case menu's shortcuts: notify (confirmed), then save the notice as PDF. -------
    activate(qtbot, window)
    key(qtbot, Qt.Key.Key_N, CTRL | SHIFT)
    qtbot.waitUntil(lambda: case_page.case.status == CaseStatus.NOTIFIED, timeout=5000)
    out = tmp_path / "notice.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args: (str(out), args[3])))
    activate(qtbot, window)
    key(qtbot, Qt.Key.Key_S, CTRL | SHIFT)
    qtbot.waitUntil(out.exists, timeout=30_000)
    assert f"{case.case_number}-N1" in "".join(p.extract_text() for p in PdfReader(str(out)).pages)

    # What the keys did, read back through the services.
    admin = ctx.as_actor(users[Role.ADMIN])
    stored = case_service.get_case_by_id(admin, case.id)
    assert stored.status == CaseStatus.NOTIFIED and len(stored.finding_ids) == 1
    assert len(reporting.list_archive(admin, reporting.NOTICE, case.case_number)) == 1
    from inspector_app.services import purchases as purchase_service

    assert purchase_service.get_purchase(admin, purchase.id).verdict == Verdict.FAIL
    assert window.size() == QSize(1280, 800)  # the window never grew
