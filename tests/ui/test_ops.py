"""The one write path (ui/ops.py): screens refresh from what an op changed, bulk actions are
one transaction, Cancel rolls a long op back, and no user-interface module says by hand what
it changed."""

from __future__ import annotations

import ast
import time
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget
from sqlalchemy import select

import inspector_app.ui
from inspector_app.db.models import Finding
from inspector_app.domain.enums import Role
from inspector_app.services import bulk, purchases
from inspector_app.services import cases as case_service
from inspector_app.services import changes as kinds
from inspector_app.services.changes import Changes
from inspector_app.ui import changes, tasks
from inspector_app.ui.models import ROW_ROLE
from inspector_app.ui.ops import in_op, run_op
from inspector_app.ui.screens import create_screen
from inspector_app.ui.screens.findings import FindingsScreen
from tests.services.builders import make_finding, make_merchant, make_purchase
from tests.ui.findings_world import env_as, make_world

UI = Path(inspector_app.ui.__file__).parent
#: The only calls of ChangeHub.notify left in the user interface, and why: switching the
#: acting user changes who acts, not data (no op to run).
NOTIFY_ALLOWED = {("state.py", "set_actor")}


def _notify_calls() -> set[tuple[str, str]]:
    found = set()
    for path in UI.rglob("*.py"):
        if path.name == "changes.py" and path.parent == UI:
            continue  # the hub itself
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for func in [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)]:
            for call in ast.walk(func):
                if not isinstance(call, ast.Call):
                    continue
                name = getattr(call.func, "attr", None) or getattr(call.func, "id", None)
                if name == "notify":
                    found.add((str(path.relative_to(UI)), func.name))
    return found


def test_no_hand_written_notify_in_the_user_interface():
    assert _notify_calls() == NOTIFY_ALLOWED


def _deleted(ctx, ids) -> list[int]:
    with ctx.db.read() as s:
        return list(s.scalars(select(Finding.id).where(Finding.id.in_(ids), Finding.deleted_at.is_not(None))))


def _select(screen, titles: set[str]) -> None:
    table, model = screen.view.table, screen.view.model
    sel = table.selectionModel()
    sel.clearSelection()
    for r in range(model.rowCount()):
        if model.row_object(r).title in titles:
            sel.select(model.index(r, 0), QItemSelectionModel.SelectionFlag.Select
                       | QItemSelectionModel.SelectionFlag.Rows)


def _show(qtbot, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    widget.resize(1100, 650)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _settle(screen) -> None:
    for _ in range(500):
        if not screen.view.model.busy:
            return
        QTest.qWait(10)
    raise AssertionError("the findings table is still reloading")


def _listed(screen, kind: str) -> set[int]:
    model = screen.model
    return {model.index(r, 0).data(ROW_ROLE).id for r in range(model.rowCount())
            if model.index(r, 0).data(ROW_ROLE).kind == kind}


def test_a_delete_in_one_screen_refreshes_another_open_screen(qtbot, env, users, ctx, message_boxes):
    """Findings deleted on the Findings screen appear at once on the open "Deleted items"
    screen: nothing in either screen told the other (the op's recorded changes did)."""
    world = make_world(ctx, users)
    findings_screen = _show(qtbot, FindingsScreen(env_as(env, users, Role.QUALITY_MANAGER)))
    basket = _show(qtbot, create_screen("deleted", env))
    basket.activate()
    qtbot.waitUntil(lambda: not getattr(basket.model, "busy", False), timeout=5000)
    assert _listed(basket, "finding") == set()
    _settle(findings_screen)
    chosen = {"Zip pull broken", "Colour differs from the photos"}
    _select(findings_screen, chosen)
    spy: list[tuple[str, list]] = []
    changes.changes().changed.connect(lambda entity, ids: spy.append((entity, ids)))

    findings_screen.view.delete_selected()

    ids = {world.finding[t] for t in chosen}
    qtbot.waitUntil(lambda: _listed(basket, "finding") == ids, timeout=5000)
    assert (kinds.FINDING, sorted(ids)) in spy
    # A finding's purchase shows its findings: it is announced too.
    assert (kinds.PURCHASE, sorted([world.acme_purchase, world.beta_purchase])) in spy
    assert findings_screen.view.undo_button.isVisible()


def test_a_bulk_delete_refused_half_way_deletes_nothing(qtbot, env, users, ctx, message_boxes):
    """Six findings selected, the fourth under a case: one sentence names it, none is deleted
    (a real SQLite file; the service's test runs it on PostgreSQL too)."""
    insp = ctx.as_actor(users[Role.INSPECTOR])
    shop = make_merchant(insp, "shop-bulk", "Bulk Store")
    purchase = make_purchase(insp, shop.id, order_number="ORD-BULK")
    ids = [make_finding(insp, purchase.id, title=f"Defect {i}").id for i in range(6)]
    case_service.open_case(ctx.as_actor(users[Role.QUALITY_MANAGER]), [ids[3]])
    screen = _show(qtbot, FindingsScreen(env_as(env, users, Role.QUALITY_MANAGER)))
    _settle(screen)
    _select(screen, {f"Defect {i}" for i in range(6)})
    assert len(screen.view.selected_rows()) == 6

    screen.view.delete_selected()

    assert _deleted(ctx, ids) == []
    texts = message_boxes.texts()
    assert texts[-1].startswith(f"Nothing was deleted: finding {ids[3]} cannot be deleted (Finding {ids[3]} is part of case")
    assert not screen.view.undo_button.isVisible()


def test_cancel_rolls_a_long_op_back(qtbot, env, users, ctx):
    """A slow, cancellable bulk delete in the background: Cancel in its progress dialog
    stops it, the transaction is rolled back and nothing is announced."""
    insp = ctx.as_actor(users[Role.INSPECTOR])
    shop = make_merchant(insp, "shop-long", "Long Store")
    purchase = make_purchase(insp, shop.id, order_number="ORD-LONG")
    ids = [make_finding(insp, purchase.id, title=f"Defect {i}").id for i in range(40)]
    parent = _show(qtbot, QWidget())
    reached: list[int] = []

    def slow_delete():
        steps = bulk.delete_steps(insp, "finding", ids)
        while True:
            try:
                step = next(steps)
            except StopIteration as stop:
                return stop.value
            reached.append(step[0])
            time.sleep(0.03)  # 40 rows: over a second, time to press Cancel
            yield step

    spy: list[Changes] = []
    changes.changes().broadcasted.connect(spy.append)
    outcome: list[str] = []
    op = run_op(parent, insp, slow_delete, label="Deleting…", slow=True, cancellable=True,
                on_success=lambda _r: outcome.append("done"), on_cancel=lambda: outcome.append("cancelled"))
    assert op.task is not None and not tasks.is_inline()
    dialog = parent.findChild(QProgressDialog)
    qtbot.waitUntil(lambda: dialog.isVisible() and len(reached) > 5, timeout=5000)
    button = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Cancel")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: op.done, timeout=5000)
    assert outcome == ["cancelled"] and op.cancelled
    assert len(reached) < len(ids)
    assert _deleted(ctx, ids) == []
    assert spy == [] and not op.changes


def test_a_quick_op_reports_and_broadcasts_what_it_changed(qtbot, env, users, ctx):
    insp = ctx.as_actor(users[Role.INSPECTOR])
    shop = make_merchant(insp, "shop-quick", "Quick Store")
    purchase = make_purchase(insp, shop.id, order_number="ORD-QUICK")
    seen: list[bool] = []

    def work():
        seen.append(in_op())
        return purchases.set_verdict(insp, purchase.id, "pass")

    with qtbot.waitSignal(changes.changes().broadcasted) as blocker:
        op = run_op(None, insp, work)
    assert op.ok and op.result.id == purchase.id and seen == [True] and not in_op()
    assert blocker.args[0].ids(kinds.PURCHASE) == frozenset([purchase.id])


def test_a_refusal_is_one_sentence_and_changes_nothing(qtbot, env, users, ctx, message_boxes):
    mm = ctx.as_actor(users[Role.MERCHANT_MANAGER])
    insp = ctx.as_actor(users[Role.INSPECTOR])
    shop = make_merchant(insp, "shop-no", "No Store")
    purchase = make_purchase(insp, shop.id, order_number="ORD-NO")
    spy: list[Changes] = []
    changes.changes().broadcasted.connect(spy.append)
    op = run_op(None, mm, lambda: purchases.set_verdict(mm, purchase.id, "pass"))
    assert not op.ok and op.done
    (box,) = [b for b in message_boxes.shown if b["kind"] == "exec"]
    assert "\n" not in box["text"] and "may not" in box["text"]
    assert spy == []
    assert purchases.get_purchase(insp, purchase.id).verdict is None


def test_undo_of_a_bulk_delete_is_one_transaction(qtbot, env, users, ctx, message_boxes):
    world = make_world(ctx, users)
    screen = _show(qtbot, FindingsScreen(env_as(env, users, Role.QUALITY_MANAGER)))
    _settle(screen)
    _select(screen, set(world.finding))
    screen.view.delete_selected()
    assert sorted(_deleted(ctx, world.finding.values())) == sorted(world.finding.values())
    screen.view.undo_delete()
    assert _deleted(ctx, world.finding.values()) == []
    assert not screen.view.undo_button.isVisible()


def test_the_write_guard_catches_a_write_that_bypasses_the_runner(qtbot, ctx, _writes_go_through_the_runner):
    """The guard every UI test runs under (tests/ui/write_guard.py) can fail: a function
    compiled as if it were in inspector_app/ui/ writes outside an op and is named."""
    from sqlalchemy import text

    from tests.ui.write_guard import WriteGuard

    source = "def bypass(ctx):\n    with ctx.db.write() as s:\n        s.execute(text('SELECT 1'))\n"
    namespace: dict = {"text": text}
    exec(compile(source, str(UI / "probe.py"), "exec"), namespace)
    with WriteGuard() as guard:
        namespace["bypass"](ctx)
    assert guard.found == ["probe.py:3 bypass"]
    assert _writes_go_through_the_runner.found == guard.found  # the one every UI test runs under
    _writes_go_through_the_runner.found.clear()
    with WriteGuard() as guard:
        run_op(None, ctx, lambda: namespace["bypass"](ctx))
    assert guard.found == []


def test_a_refresh_keeps_the_selection_and_the_current_row(qtbot, env, users, ctx):
    """Lists refresh themselves after an op, lazily (the rows fetched so far), and the rows
    the user had selected stay selected."""
    from inspector_app.services import findings
    from inspector_app.services.findings import FindingInput

    world = make_world(ctx, users)
    screen = _show(qtbot, FindingsScreen(env_as(env, users, Role.QUALITY_MANAGER)))
    _settle(screen)
    chosen = {"Zip pull broken", "鞋底开胶"}
    _select(screen, chosen)
    table, model = screen.view.table, screen.view.model
    current = model.index(model.row_of_id(world.finding["鞋底开胶"]), 0)
    table.selectionModel().setCurrentIndex(current, QItemSelectionModel.SelectionFlag.NoUpdate)
    insp = ctx.as_actor(users[Role.INSPECTOR])
    other = world.finding["Seam splits at the shoulder"]
    old = findings.get_finding(insp, other)
    generation = model._generation

    op = run_op(None, insp, lambda: findings.update_finding(insp, other, FindingInput(
        category=old.category, severity=old.severity, title="Seam splits at the collar",
        version=old.version)))

    assert op.ok
    qtbot.waitUntil(lambda: model._generation > generation and not model.busy, timeout=5000)
    assert "Seam splits at the collar" in {model.row_object(r).title for r in range(model.rowCount())}
    assert {model.row_object(i.row()).title for i in table.selectionModel().selectedRows()} == chosen
    assert table.current_id() == world.finding["鞋底开胶"]


def test_one_op_that_changes_findings_and_purchases_reloads_a_screen_once(
        qtbot, env, users, ctx, monkeypatch):
    """A finding saved announces its purchase too; a screen watching both reloads once per
    operation (ChangeHub.reload_once), still before the op returns."""
    from inspector_app.ui.findings.view import FindingsView
    from inspector_app.ui.purchases.list_page import PurchaseListPage

    make_world(ctx, users)
    qm_env = env_as(env, users, Role.QUALITY_MANAGER)
    findings_screen = _show(qtbot, FindingsScreen(qm_env))
    purchases_screen = _show(qtbot, create_screen("purchases", qm_env))
    _settle(findings_screen)
    reloads: list[str] = []
    monkeypatch.setattr(FindingsView, "refresh", lambda self: reloads.append("findings"))
    monkeypatch.setattr(PurchaseListPage, "refresh", lambda self: reloads.append("purchases"))
    changes.changes().broadcast(Changes.of(kinds.FINDING, [1]) | Changes.of(kinds.PURCHASE, [2]))
    assert sorted(reloads) == ["findings", "purchases"]
    # Outside an operation (another program changed the database) each notice reloads
    # each screen watching it, at once.
    changes.changes().notify(kinds.FINDING, [1])
    changes.changes().notify(kinds.PURCHASE, [2])
    assert reloads.count("findings") == 3 and reloads.count("purchases") == 3
    assert purchases_screen is not None
