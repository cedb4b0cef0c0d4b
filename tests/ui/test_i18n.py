"""Translations: the shipped .qm loads, every string is translated, Chinese renders."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtGui import QColor, QFont, QFontDatabase, QFontMetrics
from PySide6.QtWidgets import QApplication, QLabel

from inspector_app import resources
from inspector_app.domain.enums import CaseStatus, PurchaseStatus, Role
from inspector_app.ui.app import install_cjk_font
from inspector_app.ui.i18n import current_language, enum_label, install_translator, tr


def test_resources_are_found():
    assert resources.cjk_font_path().is_file()
    assert resources.qm_path("zh_CN").is_file()
    assert (resources.resources_dir() / "fonts" / "LICENSE-DroidSansFallback.txt").is_file()


def test_chinese_translation_loads_and_switches_back():
    assert install_translator("zh_CN")
    assert current_language() == "zh_CN"
    assert tr("Settings") == "设置"
    assert tr("Purchases") == "神买"
    assert tr("%n photo(s)", "", 3) == "3 张照片"
    assert enum_label(Role.INSPECTOR) == "质检员"
    # The same English word, told apart by its disambiguation.
    assert enum_label(PurchaseStatus.CANCELLED) == "已取消"
    assert enum_label(CaseStatus.CANCELLED) == "已撤销"
    assert install_translator("en")
    assert tr("Settings") == "Settings"
    assert enum_label(Role.INSPECTOR) == "Inspector"


def test_unknown_language_falls_back_to_english():
    install_translator("xx")
    assert current_language() == "en"


#: The foundation modules whose strings must all be translated in the shipped .ts (screens
#: written by others are checked by their own tests).
FOUNDATION = [
    "app.py", "errors.py", "first_start.py", "i18n.py", "main_window.py", "tasks.py",
    "models/paged.py", "models/columns.py", "screens/__init__.py", "screens/settings_screen.py", "screens/backup_panel.py",
]


def test_every_foundation_string_is_translated():
    ui = Path(__file__).resolve().parents[2] / "inspector_app" / "ui"
    code = "\n".join((ui / name).read_text(encoding="utf-8") for name in FOUNDATION)
    root = ET.parse(resources.ts_path("zh_CN")).getroot()
    missing = []
    for m in root.iter("message"):
        translation = m.find("translation")
        if translation is not None and translation.get("type") != "unfinished":
            continue
        source, comment = re.escape(m.findtext("source") or ""), m.findtext("comment")
        if comment:
            pattern = rf'\btr\(\s*"{source}",\s*"{re.escape(comment)}"'
        else:
            pattern = rf'\b(tr|QT_TR_NOOP)\(\s*"{source}"\s*(\)|,\s*""|,\s*None)'
        if re.search(pattern, code):
            missing.append(f"{comment}::{m.findtext('source')}" if comment else m.findtext("source"))
    assert missing == [], (
        "untranslated strings: fill them in resources/i18n/inspector_zh_CN.ts (Qt Linguist, or "
        "python -m inspector_app.tools.translations --fill FILE.json)"
    )


def test_main_window_in_chinese(qtbot, state, settings):
    from inspector_app.ui.main_window import MainWindow

    install_translator("zh_CN")
    window = MainWindow(state, settings)
    qtbot.addWidget(window)
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles == ["概览", "神买", "问题", "商家", "整改", "风险", "工单", "月度商家评审", "抽检计划", "报表",
                      "设置", "回收站"]
    assert window.user_label.text() == "用户：Admin（管理员）"


def test_bundled_font_registers_and_renders_chinese(qtbot, qapp):
    family = install_cjk_font(qapp)
    assert family == "Droid Sans Fallback"
    assert family in QFontDatabase.families()
    font = QFont(family, 20)
    assert QFontMetrics(font).inFontUcs4(ord("神"))
    label = QLabel("神买抽检 整改通知书")
    label.setFont(font)
    label.setStyleSheet("background: white; color: black;")
    qtbot.addWidget(label)
    label.resize(label.sizeHint())
    image = label.grab().toImage()
    dark = sum(
        1
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
        if QColor(image.pixel(x, y)).lightness() < 128
    )
    assert dark > 50  # glyphs were drawn, not blank boxes or nothing
    assert QApplication.font().families()[-1] == family  # the fallback for every widget
