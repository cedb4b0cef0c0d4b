"""A finding that waits for a sync conflict is marked where people work: in the findings
list (icon and word, tooltip) and above its editor, with a way to the Conflicts dialog;
the mark goes once settled. Real server, real laptop copy, English and Chinese."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from sqlalchemy import select

from inspector_app.db.models import Finding
from inspector_app.domain.enums import Role
from inspector_app.domain.errors import ValidationError
from inspector_app.services import findings, merchants, purchases
from inspector_app.services.browse import FindingFilter
from inspector_app.services.sync.conflicts import conflicted_ids
from inspector_app.services.sync.membership import leave_check
from tests.services.builders import received_input
from tests.sync.conftest import join, sync
from tests.sync.test_join_ui import lang  # noqa: F401 - a fixture

pytest.importorskip("pytestqt")

MARK = {"en": ("Conflict · ", "Edited here and on the server; choose which to keep"),
        "zh_CN": ("冲突 · ", "此处和服务器上都改过；请选择保留哪个版本")}


def _conflicted_laptop(team_server, tmp_path, code: str, title: str):
    """A laptop copy where one finding of two was edited here and on the server."""
    ivy = team_server.context(team_server.login_url(Role.INSPECTOR), tmp_path / "srv")
    shop = merchants.create_merchant(ivy, code, "冲突标记")
    p = purchases.create_purchase(ivy, received_input(shop.id, inspector_id=ivy.actor.id))
    f = findings.add_finding(ivy, p.id, findings.FindingInput("product_quality", "major", title))
    findings.add_finding(ivy, p.id, findings.FindingInput("packaging_damage", "minor",
                                                          title + "没有冲突"))
    laptop = join(team_server, team_server.logins[Role.INSPECTOR], tmp_path / "a")
    with laptop.db.read() as s:
        local_id = s.scalar(select(Finding.id).where(Finding.uid == f.uid))
    findings.update_finding(laptop, local_id, findings.FindingInput(
        "product_quality", "major", title, description="笔记本"))
    findings.update_finding(ivy, f.id, findings.FindingInput(
        "product_quality", "major", title, description="服务器"))
    report = sync(laptop)
    assert len(report.conflicts) == 1
    return laptop, local_id


def _state(laptop, tmp_path):
    from inspector_app.ui.settings import AppSettings
    from inspector_app.ui.state import AppState

    state = AppState(laptop, AppSettings.at(tmp_path / "ui.ini"))
    state.restore_actor()
    return state


def test_the_findings_list_and_editor_mark_a_conflict_until_it_is_settled(
        qtbot, team_server, tmp_path, monkeypatch, lang):  # noqa: F811
    from inspector_app.ui.changes import changes
    from inspector_app.ui.findings.columns import FindingsModel
    from inspector_app.ui.purchases.finding_editor import FindingEditor
    from inspector_app.ui.screens import ScreenEnv
    from inspector_app.ui.sync.conflicts_dialog import ConflictsDialog

    title_text = f"原标题{lang}"
    laptop, local_id = _conflicted_laptop(team_server, tmp_path, f"MARK-{lang}", title_text)
    state = _state(laptop, tmp_path)
    model = FindingsModel(lambda: state.ctx)
    model.set_filters(FindingFilter(text=title_text))
    title = model.column_index("title")
    word, tip = MARK[lang]

    def cell(finding_id, role):
        row = model.row_of_id(finding_id)
        assert row >= 0
        return model.data(model.index(row, title), role)

    assert model.rowCount() == 2  # the conflicted finding and its neighbour
    assert cell(local_id, Qt.ItemDataRole.DisplayRole) == word + title_text
    icon = cell(local_id, Qt.ItemDataRole.DecorationRole)
    assert isinstance(icon, QIcon) and not icon.isNull()  # not colour alone
    assert cell(local_id, Qt.ItemDataRole.ToolTipRole).startswith(tip)
    (other,) = [model.row_id(r) for r in range(model.rowCount())
                if model.row_id(r) != local_id]
    assert cell(other, Qt.ItemDataRole.DisplayRole) == title_text + "没有冲突"
    assert cell(other, Qt.ItemDataRole.DecorationRole) is None
    assert conflicted_ids(laptop, "findings", [other, local_id]) == {local_id}

    with pytest.raises(ValidationError) as refused:  # "Keep mine" would still be sent
        leave_check(laptop)
    assert "1" in str(refused.value)
    env = ScreenEnv(state=state, settings=state.settings, changes=changes())
    editor = FindingEditor(env)
    qtbot.addWidget(editor)
    editor.set_purchase(findings.get_finding(laptop, local_id).purchase_id)
    editor.edit_finding(findings.get_finding(laptop, local_id))
    assert editor.conflict_banner.isVisibleTo(editor)
    assert tip in editor.conflict_banner.label.text()
    opened = []

    def settle(dialog):  # the dialog opens on this very finding; keep the server's
        opened.append(dialog._conflicts[dialog.list.currentRow()].uid)
        qtbot.mouseClick(dialog.keep_theirs, Qt.MouseButton.LeftButton)
        return 0

    monkeypatch.setattr(ConflictsDialog, "exec", settle)
    qtbot.mouseClick(editor.conflict_banner.button, Qt.MouseButton.LeftButton)
    with laptop.db.read() as s:
        assert opened == [s.scalar(select(Finding.uid).where(Finding.id == local_id))]
    assert not editor.conflict_banner.isVisibleTo(editor)
    editor.edit_finding(findings.get_finding(laptop, local_id))
    editor.edit_new()
    assert not editor.conflict_banner.isVisibleTo(editor)
    model.refresh()
    assert cell(local_id, Qt.ItemDataRole.DisplayRole) == title_text
    assert cell(local_id, Qt.ItemDataRole.DecorationRole) is None


def test_a_list_of_a_database_that_is_no_copy_asks_nothing(ctx, tmp_path):
    """One-laptop files and servers have no conflicts table to read: nothing is asked."""
    assert conflicted_ids(ctx, "findings", [1, 2, 3]) == set()


def test_the_purchases_list_marks_a_purchase_edited_here_and_on_the_server(
        qtbot, team_server, tmp_path, lang):  # noqa: F811
    from inspector_app.db.models import Purchase
    from inspector_app.ui.changes import changes
    from inspector_app.ui.purchases.list_page import PurchaseListPage
    from inspector_app.ui.screens import ScreenEnv

    ivy = team_server.context(team_server.login_url(Role.INSPECTOR), tmp_path / "srv")
    shop = merchants.create_merchant(ivy, f"PMARK-{lang}", "订单冲突")
    number = f"PM-{lang}-1"
    p = purchases.create_purchase(ivy, received_input(shop.id, inspector_id=ivy.actor.id,
                                                      order_number=number))
    laptop = join(team_server, team_server.logins[Role.INSPECTOR], tmp_path / "a")
    with laptop.db.read() as s:
        local = s.scalars(select(Purchase).where(Purchase.uid == p.uid)).one()
        local_id, local_shop = local.id, local.merchant_id
    purchases.update_purchase(laptop, local_id, received_input(
        local_shop, inspector_id=laptop.actor.id, order_number=number, notes="笔记本上的备注"))
    purchases.update_purchase(ivy, p.id, received_input(
        shop.id, inspector_id=ivy.actor.id, order_number=number, notes="服务器上的备注"))
    assert len(sync(laptop).conflicts) == 1
    state = _state(laptop, tmp_path)
    page = PurchaseListPage(ScreenEnv(state=state, settings=state.settings, changes=changes()))
    qtbot.addWidget(page)
    model = page.model
    column = model.column_index("order_number")
    row = model.row_of_id(local_id)
    assert row >= 0
    word, tip = MARK[lang]
    assert model.data(model.index(row, column)) == word + number
    assert isinstance(model.data(model.index(row, column), Qt.ItemDataRole.DecorationRole),
                      QIcon)
    assert model.data(model.index(row, column), Qt.ItemDataRole.ToolTipRole).startswith(tip)


def test_a_purchases_own_findings_table_marks_the_conflicted_one(
        qtbot, team_server, tmp_path, lang):  # noqa: F811
    from inspector_app.ui.main_window import MainWindow
    from inspector_app.ui.purchases.findings_section import FindingsSection

    title_text = f"页内{lang}"
    laptop, local_id = _conflicted_laptop(team_server, tmp_path, f"PAGE-{lang}", title_text)
    state = _state(laptop, tmp_path)
    window = MainWindow(state, state.settings)
    qtbot.addWidget(window)
    window.show()
    window.navigate("purchases", findings.get_finding(laptop, local_id).purchase_id)
    section = window.findChild(FindingsSection)
    qtbot.waitUntil(lambda: section.model.rowCount() == 2, timeout=10_000)
    model = section.model
    word, tip = MARK[lang]
    texts = {model.data(model.index(r, 2)) for r in range(2)}
    assert texts == {word + title_text, title_text + "没有冲突"}
    marked = model.row_of_id(local_id)
    assert isinstance(model.data(model.index(marked, 2), Qt.ItemDataRole.DecorationRole), QIcon)
    assert model.data(model.index(marked, 2), Qt.ItemDataRole.ToolTipRole).startswith(tip)


def test_the_cases_list_marks_a_response_edited_here_and_on_the_server(
        qtbot, team_server, tmp_path, lang):  # noqa: F811
    from inspector_app.db.models import RectificationCase
    from inspector_app.domain.enums import CaseStatus
    from inspector_app.services import cases
    from inspector_app.ui.cases.model import CasesModel
    from tests.services.builders import case_at

    admin = team_server.context(team_server.login_url(Role.ADMIN), tmp_path / "srv")
    shop = merchants.create_merchant(admin, f"CMARK-{lang}", "整改冲突")
    p = purchases.create_purchase(admin, received_input(shop.id, order_number=f"CM-{lang}"))
    case = case_at(admin, p.id, CaseStatus.RESPONDED)
    laptop = join(team_server, team_server.logins[Role.QUALITY_MANAGER], tmp_path / "a")
    cases.record_response(laptop, case.case_number, cases.ResponseInput(
        response_text="笔记本上记下的答复"))
    cases.record_response(admin, case.case_number, cases.ResponseInput(
        response_text="服务器上记下的答复"))
    assert any(case.case_number in c for c in sync(laptop).conflicts)
    with laptop.db.read() as s:
        local_id = s.scalar(select(RectificationCase.id).where(
            RectificationCase.uid == case.uid))
    state = _state(laptop, tmp_path)
    model = CasesModel(lambda: state.ctx)
    row = model.row_of_id(local_id) if model.rowCount() else -1
    assert row >= 0
    word, tip = MARK[lang]
    assert model.data(model.index(row, 0)) == word + case.case_number
    assert isinstance(model.data(model.index(row, 0), Qt.ItemDataRole.DecorationRole), QIcon)
    assert model.data(model.index(row, 0), Qt.ItemDataRole.ToolTipRole).startswith(tip)
