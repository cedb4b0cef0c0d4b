"""Every main screen fits a 1280x800 laptop (and a 1366x768 one) in English, Chinese and the
pseudo-locale: no screen's minimum size exceeds the window, the window never grows by itself."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QLabel, QWidget

from inspector_app.domain import pseudo
from inspector_app.tools.screenshots import clipped_texts, detail_targets, load_data, settle
from inspector_app.ui.fit import ElidedLabel, FlowLayout, fits
from inspector_app.ui.i18n import install_translator
from inspector_app.ui.screens import SCREENS

#: The window on a 1280x800 screen.
SMALL = QSize(1280, 800)
#: The most height a window has on a 1366x768 screen: less a task bar and a title bar.
LOW_HEIGHT = 700


@pytest.fixture
def demo_ctx(ctx):
    load_data(ctx)
    return ctx


@pytest.mark.parametrize("lang", ["en", "zh_CN", pseudo.LANGUAGE])
def test_every_screen_fits_a_small_laptop(qtbot, qapp, demo_ctx, settings, lang):
    from inspector_app.services.actors import default_actor
    from inspector_app.services.context import SYSTEM
    from inspector_app.ui.main_window import MainWindow
    from inspector_app.ui.state import AppState

    assert install_translator(lang)
    state = AppState(demo_ctx, settings)
    state.set_actor(default_actor(demo_ctx.as_actor(SYSTEM)))
    window = MainWindow(state, settings)
    qtbot.addWidget(window)
    window.resize(SMALL)
    window.show()
    qtbot.waitExposed(window)
    visited = []
    for shot, name, item_id in [(n, n, None) for n in SCREENS] + detail_targets(demo_ctx):
        window.navigate(name, item_id)
        settle(qapp, 10.0)
        hint = window.minimumSizeHint()
        assert fits(window, SMALL), f"{lang} {shot}: the window needs {hint.width()}x{hint.height()}"
        assert hint.height() <= LOW_HEIGHT, f"{lang} {shot}: {hint.height()} px high"
        assert window.size() == SMALL, f"{lang} {shot}: the window grew to {window.size()}"
        grown = [line for line in clipped_texts(window, SMALL.width())
                 if line.startswith("window") or "tab bar scrolls" in line]
        assert grown == [], f"{lang} {shot}: {grown}"
        visited.append(shot)
    assert {"case_page", "purchase_inspection"} <= set(visited)
    # The case page offers its moves (buttons that wrap) on a case in progress.
    page = window.built_screen("cases").page
    assert page.case is not None and page.transitions.buttons


def test_a_flow_layout_wraps_instead_of_widening(qtbot):
    box = QWidget()
    qtbot.addWidget(box)
    flow = FlowLayout(box)
    labels = [QLabel(f"A rather long button text {i}", box) for i in range(6)]
    for label in labels:
        flow.addWidget(label)
    widest = max(label.sizeHint().width() for label in labels)
    assert flow.minimumSize().width() == widest
    assert flow.sizeHint().width() > 5 * widest
    one_line = flow.heightForWidth(flow.sizeHint().width())
    assert flow.heightForWidth(widest) > 5 * one_line  # one item a line


def test_an_elided_label_shrinks_and_tells_its_text(qtbot):
    label = ElidedLabel("Merchant’s rectification evidence")
    qtbot.addWidget(label)
    assert label.minimumSizeHint().width() < label.sizeHint().width()
    label.resize(60, 20)
    label.show()
    qtbot.waitExposed(label)
    assert label.is_elided() and label.toolTip() == "Merchant’s rectification evidence"
    label.resize(label.sizeHint().width() + 10, 20)
    assert not label.is_elided() and label.toolTip() == ""
