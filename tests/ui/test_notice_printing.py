"""Printing a case's notice on a real QPrinter (PDF output to a file, read back), and
"Save notice as PDF…" that never replaces a file without asking; both mark the case notified."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog, QMessageBox

from inspector_app.domain.enums import CaseStatus, Role
from inspector_app.services import cases as case_service
from inspector_app.services import reporting
from inspector_app.ui import pdf_print
from tests.ui.findings_world import env_as, make_world

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def case(ctx, users):
    world = make_world(ctx, users)
    qm = ctx.as_actor(users[Role.QUALITY_MANAGER])
    return case_service.open_case(qm, [world.finding["Seam splits at the shoulder"]])


def case_page(qtbot, env, users, case):
    from inspector_app.ui.screens.cases import CasesScreen

    screen = CasesScreen(env_as(env, users, Role.QUALITY_MANAGER))
    qtbot.addWidget(screen)
    screen.show()
    screen.open_item(case.id)
    return screen.page


def pdf_printer(out: Path):
    printer = pdf_print.new_printer("test")
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    printer.setResolution(150)
    return printer


def inked(pdf: Path, page: int = 0) -> float:
    """Share of the page that is not white, as PDFium draws it."""
    image = pdf_print.render_page(pdf, page, 40).convertToFormat(QImage.Format.Format_Grayscale8)
    dark = sum(1 for y in range(image.height()) for x in range(image.width())
               if image.pixelColor(x, y).value() < 200)
    return dark / (image.width() * image.height())


def _pages(pdf: Path) -> int:
    """Pages of a finished PDF; 0 while it is still being written."""
    try:
        return len(PdfReader(str(pdf)).pages)
    except Exception:  # noqa: BLE001 - any half-written file reads as "not yet"
        return 0


def test_print_notice_prints_every_page_and_notifies(qtbot, env, users, case, ctx, tmp_path,
                                                     monkeypatch, inline_tasks):
    printed = tmp_path / "printed.pdf"
    monkeypatch.setattr(pdf_print, "ask_printer", lambda parent, title, pages=0: pdf_printer(printed))
    page = case_page(qtbot, env, users, case)
    assert page.notice_button.isVisible()
    qtbot.mouseClick(page.notice_button, LEFT)
    qtbot.waitUntil(lambda: printed.exists() and printed.stat().st_size > 0, timeout=30_000)
    copies = list((ctx.paths.reports / "notices").glob(f"{case.case_number}-notice-*.pdf"))
    assert len(copies) == 1
    written, out = PdfReader(str(copies[0])), PdfReader(str(printed))
    assert len(out.pages) == len(written.pages) >= 1
    assert abs(float(out.pages[0].mediabox.width) - 595) < 2  # A4
    assert inked(printed) > 0.01  # the page was drawn, not left blank
    assert case_service.get_case_by_id(ctx.as_actor(users[Role.QUALITY_MANAGER]), case.id).status \
        == CaseStatus.NOTIFIED
    assert page.case.status == CaseStatus.NOTIFIED  # the page followed


def test_cancelling_the_print_dialog_changes_nothing(qtbot, env, users, case, ctx, monkeypatch,
                                                    inline_tasks):
    monkeypatch.setattr(pdf_print, "ask_printer", lambda parent, title, pages=0: None)
    page = case_page(qtbot, env, users, case)
    page.print_notice()
    qm = ctx.as_actor(users[Role.QUALITY_MANAGER])
    assert reporting.list_archive(qm, reporting.NOTICE) == []
    assert case_service.get_case_by_id(qm, case.id).status == CaseStatus.OPEN


def test_save_as_pdf_asks_before_replacing_a_file(qtbot, env, users, case, ctx, tmp_path,
                                                 monkeypatch, inline_tasks, message_boxes):
    target = tmp_path / "out" / "notice"
    target.parent.mkdir()
    chosen = []

    def fake_dialog(parent, title, start, filters, selected, options):
        chosen.append((start, options))
        return str(target), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_dialog))
    page = case_page(qtbot, env, users, case)
    page.save_notice_pdf()
    saved = target.with_suffix(".pdf")
    qtbot.waitUntil(saved.exists, timeout=30_000)
    assert chosen[0][0].endswith(f"{case.case_number}-notice-20260617.pdf")
    assert chosen[0][1] & QFileDialog.Option.DontConfirmOverwrite  # asked by us instead
    first = saved.read_bytes()
    assert first.startswith(b"%PDF") and message_boxes.shown == []
    # The file exists now: No (the default) leaves it as it was.
    message_boxes.answer = QMessageBox.StandardButton.No
    page.save_notice_pdf()
    assert message_boxes.shown[-1]["title"] == "Replace file?" and saved.read_bytes() == first
    qm = ctx.as_actor(users[Role.QUALITY_MANAGER])
    assert len(reporting.list_archive(qm, reporting.NOTICE)) == 1
    # Yes replaces it: a reprint, with the same notice number.
    message_boxes.answer = QMessageBox.StandardButton.Yes
    page.save_notice_pdf()
    qtbot.waitUntil(lambda: len(reporting.list_archive(qm, reporting.NOTICE)) == 2, timeout=30_000)
    numbers = {a.figures["notice_number"] for a in reporting.list_archive(qm, reporting.NOTICE)}
    assert numbers == {f"{case.case_number}-N1"}


def test_a_merchant_manager_prints_the_notice_pages_drawn_off_the_gui_thread(
        qtbot, env, users, case, ctx, tmp_path, monkeypatch):
    """Merchant managers send notices out: the services let them print. The pages are drawn
    by PDFium on a worker (threads, not inline), painted on the GUI thread."""
    import threading

    printed = tmp_path / "printed-mm.pdf"
    monkeypatch.setattr(pdf_print, "ask_printer", lambda parent, title, pages=0: pdf_printer(printed))
    drawn_on = []
    real = pdf_print._page_pixels

    def recording(doc, index, dpi):
        drawn_on.append(threading.current_thread() is threading.main_thread())
        return real(doc, index, dpi)

    monkeypatch.setattr(pdf_print, "_page_pixels", recording)
    from inspector_app.ui.screens.cases import CasesScreen

    screen = CasesScreen(env_as(env, users, Role.MERCHANT_MANAGER))
    qtbot.addWidget(screen)
    screen.show()
    screen.open_item(case.id)
    page = screen.page
    assert page.notice_button.isVisible() and page.save_pdf_button.isVisible()
    qtbot.mouseClick(page.notice_button, LEFT)
    notices = ctx.paths.reports / "notices"
    qtbot.waitUntil(lambda: any(notices.glob(f"{case.case_number}-notice-*.pdf")), timeout=30_000)
    copy = next(notices.glob(f"{case.case_number}-notice-*.pdf"))
    qtbot.waitUntil(lambda: _pages(copy) > 0, timeout=30_000)
    expected = _pages(copy)
    qtbot.waitUntil(lambda: _pages(printed) == expected, timeout=30_000)  # the run has ended
    assert len(drawn_on) == expected
    assert drawn_on and not any(drawn_on)  # never on the GUI thread
    assert inked(printed) > 0.01
    qm = ctx.as_actor(users[Role.QUALITY_MANAGER])
    assert case_service.get_case_by_id(qm, case.id).status == CaseStatus.NOTIFIED


def test_an_inspector_is_not_offered_the_notice(qtbot, env, users, case):
    from inspector_app.ui.screens.cases import CasesScreen

    screen = CasesScreen(env_as(env, users, Role.INSPECTOR))
    qtbot.addWidget(screen)
    screen.show()
    screen.open_item(case.id)
    assert not screen.page.notice_button.isVisible()


def test_printing_shows_progress_and_cancel_aborts_the_run(qtbot, ctx, users, case, tmp_path):
    from PySide6.QtWidgets import QPushButton, QWidget

    qm = ctx.as_actor(users[Role.QUALITY_MANAGER])
    from inspector_app.reports.progress import run_job

    pdf = run_job(reporting.export_notice(qm, tmp_path / "n.pdf", case_number=case.case_number))
    parent = QWidget()
    qtbot.addWidget(parent)
    out = tmp_path / "cancelled.pdf"
    done = []
    task = pdf_print.print_pdf_task(pdf_printer(out), pdf, parent, done.append)
    assert task.dialog is not None and task.dialog.findChild(QPushButton) is not None  # Cancel
    task.cancel()
    qtbot.waitUntil(lambda: task.is_done, timeout=10_000)
    assert done == []  # not reported as printed
    # Nothing was drawn: the run was abandoned (a PDF printer leaves at most a blank page).
    assert not out.exists() or _pages(out) == 0 or inked(out) < 0.001


def test_printing_in_chinese(qtbot, env, users, case, ctx, tmp_path):
    """The merchant manager's case page offers the notice in Chinese; printing says so."""
    from PySide6.QtWidgets import QWidget

    from inspector_app.reports.progress import run_job
    from inspector_app.ui.i18n import install_translator
    from inspector_app.ui.screens.cases import CasesScreen

    assert install_translator("zh_CN")
    screen = CasesScreen(env_as(env, users, Role.MERCHANT_MANAGER))
    qtbot.addWidget(screen)
    screen.show()
    screen.open_item(case.id)
    assert screen.page.notice_button.isVisible()
    assert screen.page.notice_button.text() == "打印通知书…"
    qm = ctx.as_actor(users[Role.QUALITY_MANAGER])
    pdf = run_job(reporting.export_notice(qm, tmp_path / "n.pdf", case_number=case.case_number))
    parent = QWidget()
    qtbot.addWidget(parent)
    task = pdf_print.print_pdf_task(pdf_printer(tmp_path / "zh.pdf"), pdf, parent)
    assert task.dialog.labelText() == "正在打印 n.pdf…"
    qtbot.waitUntil(lambda: task.is_done, timeout=30_000)
    assert _pages(tmp_path / "zh.pdf") == _pages(pdf)
