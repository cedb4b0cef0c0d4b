"""The Case menu: every move of the workflow, by keyboard shortcut too; what the case or the
user cannot do is disabled with the services' reason, in English and Chinese."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from inspector_app.domain.enums import CaseStatus, Role
from inspector_app.services import case_moves
from inspector_app.services import cases as case_service
from inspector_app.ui.cases.case_menu import MOVE_TEXTS, refusal_text
from inspector_app.ui.i18n import install_translator, tr
from tests.ui.findings_world import make_world

S = CaseStatus


@pytest.fixture
def case(ctx, users):
    world = make_world(ctx, users)
    qm = ctx.as_actor(users[Role.QUALITY_MANAGER])
    return case_service.open_case(qm, [world.finding["Seam splits at the shoulder"]])


def menu_state(window):
    menu = window.case_menu
    menu.refresh()
    return {key: (a.isEnabled(), a.toolTip()) for key, a in menu.move_actions.items()}


def test_every_move_is_in_the_menu_with_a_mnemonic(window):
    menu = window.case_menu
    assert list(menu.move_actions) == case_moves.menu_entries() == list(MOVE_TEXTS)
    # The menu words the service's refusal kinds by name.
    assert (case_moves.NO_CASE, case_moves.NO_USER, case_moves.FINAL, case_moves.NOT_FROM,
            case_moves.ROLE) == ("no_case", "no_user", "final", "not_from", "role")
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    mnemonics = [t[t.index("&") + 1].lower() for t in texts]
    assert all("&" in t for t in texts) and len(set(mnemonics)) == len(mnemonics)
    # Not on the Cases screen: nothing to act on, and the menu says why.
    assert all(not enabled and tip == "Choose a case on the Cases screen first"
               for enabled, tip in menu_state(window).values())


def test_the_menu_follows_the_case_and_the_user(qtbot, window, users, case, message_boxes):
    window.navigate("cases", case.id)
    state = menu_state(window)
    assert state[("Notify merchant", S.NOTIFIED)] == (True, "Notify merchant")
    enabled, tip = state[("Record response", S.RESPONDED)]
    assert not enabled and tip == f"Only for a case that is notified; case {case.case_number} is open"
    assert not state[("De-escalate", S.CLOSED)][0]
    assert window.case_menu.edit_action.isEnabled()
    # The shortcut makes the move (after the confirmation that it cannot be taken back).
    action = window.case_menu.move_actions[("Notify merchant", S.NOTIFIED)]
    assert action.shortcut() == QKeySequence("Ctrl+Shift+N")
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert message_boxes.shown[-1]["kind"] == "question"
    assert case_service.get_case_by_id(window.state.ctx, case.id).status == S.NOTIFIED
    state = menu_state(window)
    assert not state[("Notify merchant", S.NOTIFIED)][0] and state[("Record response", S.RESPONDED)][0]
    # An inspector may not move cases: every move disabled, the reason names the role.
    window.state.set_actor(users[Role.INSPECTOR])
    window.built_screen("cases").page.reload()
    enabled, tip = menu_state(window)[("Escalate", S.ESCALATED)]
    assert not enabled and tip == "That is for: Quality manager, Administrator (you act as Inspector)"
    assert not window.case_menu.edit_action.isEnabled()
    assert "(you act as Inspector)" in window.case_menu.edit_action.statusTip()


def test_the_reasons_in_chinese(window, case):
    assert install_translator("zh_CN")
    window.navigate("cases", case.id)
    enabled, tip = menu_state(window)[("Record response", S.RESPONDED)]
    assert not enabled and tip == f"仅适用于状态为已通知的整改单；整改单 {case.case_number} 为待通知"
    assert refusal_text(case_moves.why_not_manage(window.state.ctx, None, "edit")) == "请先在“整改”页面选择一个整改单"
    assert tr(MOVE_TEXTS[("Notify merchant", S.NOTIFIED)][0]) == "通知商家(&N)…"
