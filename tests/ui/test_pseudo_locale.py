"""The pseudo-locale renders the real UI, Qt's own strings and t() messages accented and longer."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from inspector_app.domain import messages, pseudo
from inspector_app.tools.screenshots import clipped_texts
from inspector_app.ui.i18n import current_language, install_translator, tr


def test_the_main_window_in_the_pseudo_locale(qtbot, state, settings):
    from inspector_app.ui.main_window import MainWindow

    assert install_translator(pseudo.LANGUAGE)
    assert current_language() == pseudo.LANGUAGE
    window = MainWindow(state, settings)
    qtbot.addWidget(window)
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles[0] == "[Ðàšĥƀöàŕð ··]"
    assert all(pseudo.is_pseudo(t) for t in titles)
    # Plural forms: Qt fills %n after the translator answered.
    assert tr("%n photo(s)", "", 3) == "[3 þĥöţö(š) ···]"
    # Qt's own strings too (standard buttons), and the Qt-free layers' messages.
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert pseudo.is_pseudo(box.button(QDialogButtonBox.StandardButton.Cancel).text())
    assert messages.t("No case {case}", case="RC-1") == "[Ñö çàšé RC-1 ····]"

    assert install_translator("en")
    assert tr("Settings") == "Settings" and messages.t("No case {case}", case="RC-1") == "No case RC-1"


def test_the_command_line_takes_the_pseudo_locale_from_the_environment(monkeypatch):
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("INSPECTOR_LANGUAGE", "pseudo")
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert messages.language_from_environment() == "pseudo"
    monkeypatch.delenv("INSPECTOR_LANGUAGE")
    assert messages.language_from_environment() == "zh_CN"


def test_the_screenshot_tool_sees_a_label_too_narrow_for_its_text(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    label = QLabel(pseudo.pseudo("Response hours (median)"), window)
    label.setObjectName("tight")
    layout.addWidget(label)
    window.show()
    assert clipped_texts(window) == []  # the layout gave it room
    layout.removeWidget(label)
    label.setGeometry(0, 0, 40, 20)  # a fixed geometry that is too small
    found = clipped_texts(window)
    assert len(found) == 1 and "QLabel tight" in found[0] and "has 40" in found[0]
