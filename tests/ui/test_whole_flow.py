"""The whole desktop flow in the real MainWindow, by user actions only: the acceptance test of the desktop application.

Dashboard → Ctrl+N → purchase form (merchant and product created inline from the type-ahead
pickers, typed times, price) → the purchase opened with Enter → two photos dropped on the
parcel's panel (dropped again: stored once) → two findings through the editor, one photo on a
finding → Fail → as the quality manager, "Open rectification case…" → the Cases screen →
notified → responded (typed response) → rectifying → awaiting verification → (verification
failed, with a reason typed in the real dialog) → closed → the Dashboard's figures moved.

The data the flow makes comes only from widgets; services are used to seed some unrelated
history beforehand (so the figures do not start at zero) and to check the outcome afterwards.
Background tasks run on their threads as in the app; the test waits on their signals.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox, QWidget

from inspector_app.domain import clock
from inspector_app.domain.enums import CaseStatus, PurchaseStatus, Role, Severity, Verdict
from inspector_app.services import cases as case_service
from inspector_app.services import catalog, merchants
from inspector_app.services import findings as finding_service
from inspector_app.services import photos as photo_service
from inspector_app.services import purchases as purchase_service
from inspector_app.ui.cases.transitions import ReasonDialog
from inspector_app.ui.purchases.form import PurchaseForm
from inspector_app.ui.purchases.quick_create import NewMerchantDialog, NewProductDialog
from inspector_app.ui.purchases.widgets import DATETIME_FORMAT
from tests.ui.photos.conftest import activate, photo_file, url_mime
from tests.ui.photos.test_panel import drop
from tests.ui.purchase_helpers import (
    POPUP_LOG_IGNORE,
    click,
    drive_modal,
    make_sample,
    pick_from_popup,
)
from tests.ui.test_cases_screen import buttons, click_move

S = CaseStatus
LEFT = Qt.MouseButton.LeftButton
ALT, CTRL = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier
#: Generous: a photo import or a figures task runs on a worker thread.
TASK_MS = 15_000


@pytest.fixture
def history(state, users):
    """Some earlier purchases (one failed with a finding), so the figures start above zero."""
    return make_sample(state.ctx, inspector_id=users[Role.INSPECTOR].id)


def guarded(action: Callable[[QWidget], None]) -> Callable[[QWidget], None]:
    """A drive_modal action that never leaves its dialog open (a failed step would hang exec())."""

    def run(dialog: QWidget) -> None:
        try:
            action(dialog)
        finally:
            if dialog.isVisible():
                dialog.reject()

    return run


def act_as(qtbot, window, name: str) -> None:
    """Switch user the way a person does: the User menu in the menu bar, then the name."""
    bar, menu = window.menuBar(), window.user_menu
    qtbot.mouseClick(bar, LEFT, pos=bar.actionGeometry(menu.menuAction()).center())
    qtbot.waitUntil(menu.isVisible, timeout=3000)
    action = next(a for a in menu.actions() if a.text().startswith(f"{name} — "))
    with qtbot.waitSignal(window.state.actor_changed, timeout=3000):
        qtbot.mouseClick(menu, LEFT, pos=menu.actionGeometry(action).center())
    qtbot.waitUntil(lambda: not menu.isVisible(), timeout=3000)
    assert window.user_label.text().startswith(f"User: {name} (")


def go(qtbot, window, key: Qt.Key, name: str) -> QWidget:
    """Alt+<digit> to a screen."""
    activate(qtbot, window)
    qtbot.keyClick(window, key, ALT)
    assert window.current_screen_name() == name
    return window.current_screen()


def fresh_figures(qtbot, dashboard, old):
    """Wait for the figures task the dashboard started on showing, and return its result."""
    qtbot.waitUntil(lambda: dashboard.figures not in (None, old), timeout=TASK_MS)
    return dashboard.figures


def choose(qtbot, combo: QComboBox, value: str) -> None:
    """Pick a combo box entry with the arrow keys, as a keyboard user does.

    (Typing the label's start is keyboard search, which joins keys typed within
    QApplication.keyboardInputInterval() across searches: too quick for a test.)
    """
    target = combo.findData(value)
    assert target >= 0, value
    key = Qt.Key.Key_Down if target > combo.currentIndex() else Qt.Key.Key_Up
    for _ in range(abs(target - combo.currentIndex())):
        qtbot.keyClick(combo, key)
    assert combo.currentData() == value, combo.currentText()


def type_time(qtbot, field, moment: datetime) -> None:
    """Tick the time's box, then type the time over the editor's text."""
    click(qtbot, field.check)
    assert field.edit.isEnabled() and field.edit.hasFocus()  # ticking moves to the editor
    qtbot.keyClick(field.edit, Qt.Key.Key_A, CTRL)
    text = moment.strftime("%Y-%m-%d %H:%M")
    qtbot.keyClicks(field.edit, text)
    assert field.edit.dateTime().toString(DATETIME_FORMAT) == text


def times_this_month() -> tuple[datetime, datetime]:
    """Local order and delivery times in the past but inside this month (the dashboard's)."""
    # Computed on real instants, then shown as local wall-clock times: naive arithmetic
    # would land in the hour that does not exist when the clocks go forward.
    now = clock.now().replace(second=0, microsecond=0)
    today = clock.today()
    month_start = datetime(today.year, today.month, 1).astimezone()
    ordered = max(month_start, now - timedelta(hours=6))
    received = max(ordered, now - timedelta(hours=1))
    return ordered.astimezone().replace(tzinfo=None), received.astimezone().replace(tzinfo=None)


def dropped_photos(qtbot, panel, *paths, stored: int) -> str:
    """Drop files on a PhotoPanel's grid, wait for the import task, return the panel's summary."""
    with qtbot.waitSignal(panel.importer.finished, timeout=TASK_MS) as finished:
        event = drop(panel, url_mime(*paths))
    assert event.isAccepted()
    assert len(finished.args[0].stored) == stored
    return panel.message_bar.label.text()


@POPUP_LOG_IGNORE
def test_purchase_to_closed_case_and_the_dashboard_follows(
    qtbot, history, window, state, users, tmp_path, message_boxes
):
    ctx = state.ctx
    ivy, quinn = users[Role.INSPECTOR], users[Role.QUALITY_MANAGER]

    # -- 1. The Dashboard opens first; note its figures. ----------------------------------
    assert window.current_screen_name() == "dashboard"
    dashboard = window.current_screen()
    before = fresh_figures(qtbot, dashboard, None)
    tiles = dashboard.tiles
    assert tiles["purchases"].value.text() == f"{before.purchases:,}"
    # The history's one finding counts in the month its purchase was ordered (40 days ago):
    # this month shows it only when that was this month (docs/domain.md, "The figures").
    assert before.findings in (0, 1)
    assert tiles["findings"].value.text() == f"{before.findings}"
    assert tiles["problem_products"].value.text() == f"{before.problem_products}"
    assert tiles["merchants_with_findings"].value.text() == f"{before.merchants_with_findings}"
    assert tiles["cases_open_now"].value.text() == "0"
    assert tiles["rectification_rate"].value.text() == "–"
    assert tiles["response_median"].value.text() == "–"

    # The inspector records the purchase.
    act_as(qtbot, window, ivy.display_name)

    # -- 2. Ctrl+N: the purchase form, merchant and product created from the pickers. --------
    ordered, received = times_this_month()

    def new_merchant(dialog: NewMerchantDialog) -> None:
        assert dialog.name.text() == "Harbor Outdoor"
        qtbot.keyClicks(dialog.shop_id, "5005")
        qtbot.keyClicks(dialog.category, "Outdoor")
        click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))

    def new_product(dialog: NewProductDialog) -> None:
        assert dialog.name.text() == "Summit rain jacket"
        qtbot.keyClicks(dialog.brand, "Peakline")
        qtbot.keyClicks(dialog.list_price, "599")
        click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))

    def fill_form(form: PurchaseForm) -> None:
        activate(qtbot, form)
        assert form.merchant.edit.hasFocus()  # the form starts on the merchant
        qtbot.keyClicks(form.merchant.edit, "Harbor Outdoor")
        made = drive_modal(qtbot, NewMerchantDialog, guarded(new_merchant))
        pick_from_popup(qtbot, form.merchant, "Create new merchant “Harbor Outdoor”")
        assert made and form.merchant.text() == "Harbor Outdoor (5005)"

        qtbot.keyClicks(form.product.edit, "Summit rain jacket")
        made = drive_modal(qtbot, NewProductDialog, guarded(new_product))
        pick_from_popup(qtbot, form.product, "Create new product “Summit rain jacket”")
        assert made and form.product.text() == "Summit rain jacket — Peakline"
        # The offscreen platform has no window manager to hand activation back to the form.
        activate(qtbot, form)

        choose(qtbot, form.status, PurchaseStatus.RECEIVED.value)
        qtbot.keyClicks(form.order_number, "HB-2026-0042")
        type_time(qtbot, form.ordered_at, ordered)
        type_time(qtbot, form.received_at, received)
        qtbot.keyClicks(form.price, "459.00")
        qtbot.keyClicks(form.buyer_alias, "mountain_goat")
        assert form.inspector.currentData() == ivy.id  # the one recording it, by default
        click(qtbot, form.save_button)

    form_seen = drive_modal(qtbot, PurchaseForm, guarded(fill_form), timeout_ms=20_000)
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    assert form_seen, "Ctrl+N did not open the purchase form"
    assert form_seen[0].saved is not None, form_seen[0].errors.messages()
    purchase_id = form_seen[0].saved.id

    # The saved purchase opened; back to the table (Alt+Left), where it is the current row.
    purchases_screen = window.current_screen()
    assert window.current_screen_name() == "purchases"
    page = purchases_screen.inspect_page
    assert purchases_screen.stack.currentWidget() is page
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_Left, ALT)
    list_page = purchases_screen.list_page
    # A button's shortcut "animates" the click: clicked() comes a moment later.
    qtbot.waitUntil(lambda: purchases_screen.stack.currentWidget() is list_page, timeout=2000)
    assert list_page.count_label.text() == f"{len(history.purchases) + 1} purchases"
    assert list_page.table.current_id() == purchase_id

    # -- 3. Enter opens it for inspection. ---------------------------------------------------
    qtbot.keyClick(list_page.table, Qt.Key.Key_Return)
    assert purchases_screen.stack.currentWidget() is page
    assert page.title.text() == "HB-2026-0042 · Summit rain jacket"
    assert page.facts.text("merchant") == "Harbor Outdoor (5005)"
    assert page.facts.text("price") == "459.00"
    assert page.findings.label.text() == "Findings (0)"
    assert page.verdict.badge.text() == "Not inspected yet"

    # Two real photos dropped on the parcel's panel; dropping them again adds nothing.
    photos_in = tmp_path / "camera"
    box = photo_file(photos_in, "crushed-box.jpg", seed=1)
    seam = photo_file(photos_in, "shoulder-seam.jpg", seed=2, color=(30, 120, 60))
    parcel = page.purchase_photos
    assert parcel.editable
    summary = dropped_photos(qtbot, parcel, box, seam, stored=2)
    assert "Photo import: 2 stored, 0 already stored, 0 rejected." in summary
    assert parcel.count_label.text() == "Photos: 2"
    summary = dropped_photos(qtbot, parcel, box, seam, stored=0)
    assert "Photo import: 0 stored, 2 already stored, 0 rejected." in summary
    assert parcel.count_label.text() == "Photos: 2"

    # Two findings through the editor: the first saved with its button, the second with Ctrl+S.
    editor = page.editor
    assert editor.heading.text() == "New finding"
    choose(qtbot, editor.category, "product_quality")
    choose(qtbot, editor.severity, Severity.CRITICAL.value)
    qtbot.keyClicks(editor.title, "Taped seams leak at the shoulder")
    qtbot.keyClicks(editor.description, "Water through the left shoulder seam after 2 min of spray")
    qtbot.keyClicks(editor.expected, "Waterproof, 10,000 mm")
    qtbot.keyClicks(editor.observed, "Leaks at the seam tape")
    click(qtbot, editor.save_button)
    assert page.findings.model.rowCount() == 1
    first_id = page.findings.model.finding(0).id
    assert editor.heading.text() == f"Finding #{first_id}"

    click(qtbot, page.findings.add_button)
    assert editor.heading.text() == "New finding" and editor.title.hasFocus()
    choose(qtbot, editor.category, "packaging_damage")
    choose(qtbot, editor.severity, Severity.MINOR.value)
    qtbot.keyClicks(editor.title, "Outer box crushed")
    activate(qtbot, window)  # shortcuts fire in the active window only
    click(qtbot, editor.title)
    qtbot.keyClick(editor.title, Qt.Key.Key_S, CTRL)
    assert page.findings.label.text() == "Findings (2)"
    second_id = page.current_finding_id()
    assert second_id is not None and second_id != first_id
    assert editor.title.text() == "Outer box crushed" and not editor.dirty

    # The crushed-box photo also goes on the packaging finding (same file: stored once).
    assert page.finding_photos_stack.currentWidget() is page.finding_photos
    summary = dropped_photos(qtbot, page.finding_photos, box, stored=1)
    assert "Photo import: 1 stored, 0 already stored, 0 rejected." in summary
    assert page.finding_photos.count_label.text() == "Photos: 1"
    assert parcel.count_label.text() == "Photos: 2"

    click(qtbot, page.verdict.fail_button)
    assert page.verdict.badge.text() == "Fail"
    assert page.facts.text("status") == "Inspected"
    assert not page.verdict.case_button.isVisible()  # inspectors do not open cases

    # -- 4. The quality manager opens the case from the purchase. ---------------------------
    act_as(qtbot, window, quinn.display_name)
    assert page.verdict.case_button.isVisible()
    click(qtbot, page.verdict.case_button)
    assert message_boxes.texts() == [
        "Open a rectification case for Harbor Outdoor with 2 findings of this purchase?\n\n"
        "The deadline follows the most severe finding; you can change it on the case."
    ]
    assert window.current_screen_name() == "cases"
    cases_screen = window.current_screen()
    case_page = cases_screen.page
    case = case_page.case
    assert case is not None and sorted(case.finding_ids) == sorted([first_id, second_id])
    assert cases_screen.list.table.current_id() == case.id
    assert case_page.header.status_label.text() == "Open"
    assert case_page.header.merchant_label.text() == "Harbor Outdoor (5005)"
    assert case_page.findings_tab.model.rowCount() == 2

    # A look at the Dashboard meanwhile: one case open now. Then back to the case.
    go(qtbot, window, Qt.Key.Key_1, "dashboard")
    middle = fresh_figures(qtbot, dashboard, before)
    assert middle.cases_open_now == 1 and tiles["cases_open_now"].value.text() == "1"
    assert go(qtbot, window, Qt.Key.Key_5, "cases") is cases_screen
    assert case_page.case.id == case.id

    # -- 5. The case through its workflow buttons. ------------------------------------------
    assert buttons(cases_screen) == {S.NOTIFIED, S.ESCALATED, S.CANCELLED, S.WAIVED}
    click_move(qtbot, cases_screen, S.NOTIFIED)
    assert case_page.header.status_label.text() == "Notified"

    click_move(qtbot, cases_screen, S.RESPONDED)  # "Record response…" shows the form
    response = case_page.response_tab
    assert case_page.tabs.currentWidget() is response and case_page.case.status == S.NOTIFIED
    qtbot.keyClicks(response.response_edit, "We will re-tape the seams and re-pack the stock")
    qtbot.keyClicks(response.root_cause_edit, "Seam tape applied too cold")
    qtbot.keyClicks(response.corrective_edit, "All 120 jackets in stock re-taped")
    qtbot.keyClicks(response.preventive_edit, "Heat check every shift")
    click(qtbot, response.save_button)
    assert case_page.header.status_label.text() == "Responded"

    click_move(qtbot, cases_screen, S.RECTIFYING)  # "Accept response"
    assert case_page.header.status_label.text() == "Rectifying"
    click_move(qtbot, cases_screen, S.AWAITING_VERIFICATION)  # "Rectified"
    assert case_page.header.status_label.text() == "Awaiting verification"

    # "Verification failed…" asks for a reason in its dialog: refused empty, then typed.
    def give_reason(dialog: ReasonDialog) -> None:
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        click(qtbot, ok)
        assert dialog.isVisible() and dialog.error.text() == "Please give a reason."
        qtbot.keyClicks(dialog.note_edit, "Re-test: the seam still leaks")
        click(qtbot, ok)

    reasoned = drive_modal(qtbot, ReasonDialog, guarded(give_reason))
    click_move(qtbot, cases_screen, S.RECTIFYING)
    assert reasoned, "the reason dialog did not open"
    assert case_page.header.status_label.text() == "Rectifying"
    click_move(qtbot, cases_screen, S.AWAITING_VERIFICATION)
    click_move(qtbot, cases_screen, S.CLOSED)  # "Verify and close"
    assert case_page.header.status_label.text() == "Closed"
    assert buttons(cases_screen) == set()
    events = case_page.history.model_
    moves = [events.index(r, 3).data() for r in range(events.rowCount())]
    assert moves[-1] == "Awaiting verification → Closed"
    notes = [events.index(r, 4).data() for r in range(events.rowCount())]
    assert "Re-test: the seam still leaks" in notes
    # Besides "open a case?": notify, accept, "Rectified" twice and close were each asked first.
    assert [b["title"] for b in message_boxes.shown[1:]] == [
        "Notify merchant", "Accept response", "Rectified", "Rectified", "Verify and close",
    ]

    # -- 6. Back on the Dashboard, the figures moved. ---------------------------------------
    go(qtbot, window, Qt.Key.Key_1, "dashboard")
    after = fresh_figures(qtbot, dashboard, middle)
    assert tiles["purchases"].value.text() == f"{before.purchases + 1:,}"
    assert tiles["purchases"].note.text() == (
        f"{before.inspected + 1} inspected, {before.failed + 1} failed"
    )
    assert tiles["brands"].value.text() == f"{before.brands + 1:,}"
    assert tiles["styles"].value.text() == f"{before.styles + 1:,}"
    assert tiles["findings"].value.text() == f"{before.findings + 2}"
    assert tiles["findings"].note.text() == (
        f"{before.by_severity.get('critical', 0) + 1} critical, "
        f"{before.by_severity.get('major', 0)} major"
    )
    assert tiles["problem_products"].value.text() == f"{before.problem_products + 1}"
    assert tiles["merchants_with_findings"].value.text() == f"{before.merchants_with_findings + 1}"
    assert tiles["merchants_with_findings"].note.text() == (
        f"of {before.merchants_bought + 1} bought from"
    )
    assert tiles["cases_open_now"].value.text() == "0"
    assert tiles["cases_open_now"].note.text() == "1 opened this month"
    assert tiles["rectification_rate"].value.text() == "100%"
    assert tiles["response_median"].value.text() == "0"  # hours: it all took seconds
    assert tiles["closure_median"].value.text() == "0"
    assert ("Harbor Outdoor", 2) in dashboard.top_merchants.items
    assert after.findings == before.findings + 2 and after.cases_closed == before.cases_closed + 1

    # -- What was stored, read back through the services. -----------------------------------
    saved = purchase_service.get_purchase(ctx, purchase_id)
    shop = merchants.find_by_shop_id(ctx, "5005")
    [product] = catalog.search_products(ctx, "Summit rain jacket")
    assert (saved.merchant_id, saved.product_id) == (shop.id, product.id)
    assert (shop.name, shop.category, product.brand, product.list_price_cents) == (
        "Harbor Outdoor", "Outdoor", "Peakline", 59900
    )
    assert saved.order_number == "HB-2026-0042" and saved.price_paid_cents == 45900
    minute = "%Y-%m-%d %H:%M"  # the editors show minutes; stored aware, read back local
    assert saved.ordered_at.astimezone().strftime(minute) == ordered.strftime(minute)
    assert saved.received_at.astimezone().strftime(minute) == received.strftime(minute)
    assert (saved.status, saved.verdict, saved.inspector_id) == (
        PurchaseStatus.INSPECTED, Verdict.FAIL, ivy.id
    )
    assert saved.buyer_alias == "mountain_goat"
    found = finding_service.list_for_purchase(ctx, purchase_id)
    assert [(f.title, f.severity) for f in found] == [
        ("Taped seams leak at the shoulder", Severity.CRITICAL),
        ("Outer box crushed", Severity.MINOR),
    ]

    closed = case_service.get_case_by_id(ctx, case.id)
    assert closed.status == S.CLOSED and closed.merchant_id == shop.id
    assert closed.first_response_at is not None and closed.closed_at is not None
    assert closed.notified_at <= closed.first_response_at <= closed.closed_at
    assert closed.response_text == "We will re-tape the seams and re-pack the stock"
    assert closed.preventive_action == "Heat check every shift"

    # The two photos: one row each on the purchase, one file each in the store; the finding's
    # photo is a second row for the crushed-box file, which is not stored again.
    on_parcel = photo_service.list_photos(ctx, purchase_id=purchase_id)
    assert sorted(p.original_name for p in on_parcel) == ["crushed-box.jpg", "shoulder-seam.jpg"]
    [on_finding] = photo_service.list_photos(ctx, finding_id=second_id)
    by_name = {p.original_name: p.sha256 for p in on_parcel}
    assert on_finding.sha256 == by_name["crushed-box.jpg"]
    assert photo_service.list_photos(ctx, finding_id=first_id) == []
    assert sorted(ctx.photos.iter_stored()) == sorted(by_name.values())
    assert QApplication.activeModalWidget() is None
