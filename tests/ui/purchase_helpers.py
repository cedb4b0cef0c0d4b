"""Shared pieces of the Purchases screen tests: sample data, the screen, modal-dialog drivers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from inspector_app.domain import clock
from inspector_app.domain.enums import PurchaseStatus, Verdict
from inspector_app.services import catalog, findings, merchants, purchases
from inspector_app.services.findings import FindingInput
from inspector_app.services.purchases import PurchaseInput
from tests.ui.conftest import QT_LOG_IGNORE

#: For tests that open a completer popup: the offscreen platform cannot grab the keyboard
#: for it and says so (the closest qt_log_ignore marker wins, so repeat the shared list).
POPUP_LOG_IGNORE = pytest.mark.qt_log_ignore(*QT_LOG_IGNORE, "This plugin does not support grabbing the keyboard")


@dataclass
class Sample:
    """Three merchants, three products and six purchases in various states."""

    merchants: dict[str, int] = field(default_factory=dict)
    products: dict[str, int] = field(default_factory=dict)
    purchases: dict[str, int] = field(default_factory=dict)


def make_sample(ctx, inspector_id: int | None = None) -> Sample:
    """Six purchases: Acme has two, Bright three, Cosy one; two inspected (one failed)."""
    s = Sample()
    for shop, name in (("1001", "Acme Shoes"), ("2002", "Bright Kitchen"), ("3003", "Cosy Home")):
        s.merchants[name] = merchants.create_merchant(ctx, shop, name).id
    for name, brand in (("Trail runner", "Stride"), ("Chef knife", "Edge"), ("Wool blanket", "Nest")):
        s.products[name] = catalog.create_product(ctx, name, brand=brand).id
    now = clock.now()
    rows = [
        ("A-100", "Acme Shoes", "Trail runner", 20, "129.90", PurchaseStatus.RECEIVED),
        ("A-101", "Acme Shoes", "Trail runner", 12, "99.00", PurchaseStatus.RECEIVED),
        ("B-200", "Bright Kitchen", "Chef knife", 40, "349.00", PurchaseStatus.RECEIVED),
        ("B-201", "Bright Kitchen", "Chef knife", 5, "15.50", PurchaseStatus.ORDERED),
        ("B-202", "Bright Kitchen", "Chef knife", 3, "1,200.00", PurchaseStatus.RECEIVED),
        ("C-300", "Cosy Home", "Wool blanket", 60, "88.80", PurchaseStatus.RECEIVED),
    ]
    for number, merchant, product, days, price, status in rows:
        ordered = now - timedelta(days=days)
        info = purchases.create_purchase(ctx, PurchaseInput(
            merchant_id=s.merchants[merchant], product_id=s.products[product], order_number=number,
            ordered_at=ordered, received_at=ordered + timedelta(days=2) if status != PurchaseStatus.ORDERED else None,
            price_paid=price, buyer_alias=f"alias-{number}", delivery_address="1 Road, Hangzhou",
            status=status, inspector_id=inspector_id,
        ))
        s.purchases[number] = info.id
    purchases.set_verdict(ctx, s.purchases["A-100"], Verdict.PASS)
    findings.add_finding(ctx, s.purchases["B-200"], FindingInput("product_quality", "major", "Blade chipped"))
    purchases.set_verdict(ctx, s.purchases["B-200"], Verdict.FAIL)
    return s


def drive_modal(qtbot, cls: type, action: Callable[[QWidget], None], timeout_ms: int = 5000) -> list:
    """Run `action(dialog)` once a modal dialog of `cls` is open (call BEFORE opening it).

    Returns a list that receives the dialog, so the test can check it was driven.
    """
    seen: list = []
    timer = QTimer()
    timer.setInterval(20)
    waited = [0]

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, cls):
            timer.stop()
            seen.append(widget)
            action(widget)
            return
        waited[0] += 20
        if waited[0] > timeout_ms:
            timer.stop()

    timer.timeout.connect(poll)
    timer.start()
    drive_modal.timers.append(timer)  # keep it alive
    return seen


drive_modal.timers = []


def click(qtbot, widget: QWidget) -> None:
    assert widget.isVisible() and widget.isEnabled(), widget.objectName()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def pick_from_popup(qtbot, picker, label_part: str) -> None:
    """With the picker's popup open, move to the choice containing `label_part` and press Enter."""
    qtbot.waitUntil(picker.popup_visible, timeout=3000)
    labels = picker.choice_labels()
    target = next(i for i, text in enumerate(labels) if label_part in text)
    popup = picker.completer.popup()
    for _ in range(target + 1):
        qtbot.keyClick(popup, Qt.Key.Key_Down)
    assert popup.currentIndex().row() == target, (labels, popup.currentIndex().row())
    qtbot.keyClick(popup, Qt.Key.Key_Return)


def click_header(qtbot, view, column: int) -> None:
    header = view.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def column_values(model, key: str) -> list:
    from inspector_app.ui.models import SORT_ROLE

    col = model.column_index(key)
    return [model.index(r, col).data(SORT_ROLE) for r in range(model.rowCount())]
