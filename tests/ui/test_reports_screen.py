"""The Reports screen driven through its widgets: PDFs and workbooks saved, cancel, preview, print, imports."""

from __future__ import annotations

import re
import shutil
from datetime import date, datetime
from pathlib import Path

import pypdf
import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QPushButton

from inspector_app.domain import clock
from inspector_app.domain.enums import CaseStatus, Role
from inspector_app.reports import merchant_xlsx as mx
from inspector_app.services import browse, cases, reporting
from inspector_app.services.demo import load_demo
from inspector_app.ui import changes, tasks
from inspector_app.ui.pdf_print import printing_available
from inspector_app.ui.reports import jobs, kinds
from inspector_app.ui.reports.imports import ImportResultDialog
from inspector_app.ui.screens.reports import ReportsScreen
from tests.ui.purchase_helpers import POPUP_LOG_IGNORE, click, pick_from_popup

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def demo(ctx, users):
    return load_demo(ctx.as_actor(users[Role.ADMIN]), seed=1, purchases=120)


@pytest.fixture
def screen(qtbot, env, demo):
    s = ReportsScreen(env)
    qtbot.addWidget(s)
    s.resize(1300, 860)
    s.show()
    qtbot.waitExposed(s)
    return s


@pytest.fixture
def save_dialog(monkeypatch):
    """Patch the save dialog: answers with `answer.path`, records what it was asked."""

    class Answer:
        path: Path | None = None
        asked: list[str] = []

    answer = Answer()

    def fake(parent, caption, directory, filters, *args, **kwargs):
        answer.asked.append(directory)
        return (str(answer.path) if answer.path else "", filters)

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    return answer


@pytest.fixture
def open_dialog(monkeypatch):
    class Answer:
        path: Path | None = None

    answer = Answer()
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName",
        staticmethod(lambda *a, **k: (str(answer.path) if answer.path else "", "")),
    )
    return answer


@pytest.fixture
def result_dialogs(monkeypatch):
    shown: list[ImportResultDialog] = []

    def fake_exec(self):
        shown.append(self)
        return 0

    monkeypatch.setattr(ImportResultDialog, "exec", fake_exec)
    return shown


def choose_kind(qtbot, screen, kind: str) -> None:
    view = screen.chooser.kind_list
    row = list(kinds.KINDS).index(kind)
    rect = view.visualItemRect(view.item(row))
    qtbot.mouseClick(view.viewport(), LEFT, pos=rect.center())
    assert screen.chooser.kind == kind


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in pypdf.PdfReader(str(path)).pages)


# -- saving -------------------------------------------------------------------------------


def test_monthly_report_saved_as_pdf_and_archived(qtbot, screen, save_dialog, tmp_path, inline_tasks):
    choose_kind(qtbot, screen, kinds.MONTHLY)
    combo = screen.chooser.params.pages[kinds.MONTH_PAGE].combo
    assert combo.isVisible()
    combo.setCurrentIndex(0)  # this month
    period = clock.today().strftime("%Y-%m")
    assert combo.currentData() == period
    save_dialog.path = tmp_path / "out" / "monthly.pdf"
    save_dialog.path.parent.mkdir()
    click(qtbot, screen.chooser.save_button)
    assert save_dialog.asked[-1].endswith(f"{period}-quality-report.pdf")  # the default name
    assert save_dialog.path.is_file()
    text = pdf_text(save_dialog.path)
    assert "Monthly quality report" in text and period in text
    assert screen.chooser.folder_button.isEnabled()
    assert str(save_dialog.path) in screen.chooser.saved_label.text()
    model = screen.archive.model
    assert model.rowCount() == 1
    assert model.index(0, 0).data() == "Monthly quality report"
    assert model.index(0, 1).data() == period
    assert "purchases" in model.index(0, 3).data()


def test_notice_for_a_case_picked_by_typing(qtbot, screen, save_dialog, tmp_path, inline_tasks, ctx):
    row = browse.fetch_cases(ctx, browse.CaseFilter(status=CaseStatus.NOTIFIED), limit=1)[0]
    choose_kind(qtbot, screen, kinds.NOTICE_CASE)
    picker = screen.chooser.params.pages[kinds.CASE_PAGE].picker
    # Save as without a case: the message is next to the field and nothing is asked.
    click(qtbot, screen.chooser.save_button)
    error = screen.chooser.params.pages[kinds.CASE_PAGE].error
    assert error.isVisible() and "Choose a case" in error.text()
    assert save_dialog.asked == []
    qtbot.keyClicks(picker.edit, row.case_number)
    pick_from_popup(qtbot, picker, row.case_number)
    assert picker.case_number == row.case_number and not error.isVisible()
    save_dialog.path = tmp_path / "notice.pdf"
    click(qtbot, screen.chooser.save_button)
    assert save_dialog.asked[-1].endswith(f"{row.case_number}-notice.pdf")
    text = pdf_text(save_dialog.path)
    assert row.case_number in text and row.merchant in text
    archived = reporting.list_archive(ctx, reporting.NOTICE)
    assert [a.period for a in archived] == [row.case_number]


test_notice_for_a_case_picked_by_typing = POPUP_LOG_IGNORE(test_notice_for_a_case_picked_by_typing)


def test_notice_for_a_merchants_open_cases(qtbot, screen, save_dialog, tmp_path, inline_tasks, ctx, message_boxes):
    from inspector_app.services import merchants

    case = browse.fetch_cases(ctx, browse.CaseFilter(active_only=True), limit=1)[0]
    choose_kind(qtbot, screen, kinds.NOTICE_MERCHANT)
    picker = screen.chooser.params.pages[kinds.MERCHANT_PAGE].picker
    qtbot.keyClicks(picker.edit, case.merchant_shop_id)
    pick_from_popup(qtbot, picker, case.merchant_shop_id)
    save_dialog.path = tmp_path / "merchant-notice.pdf"
    click(qtbot, screen.chooser.save_button)
    assert case.case_number in pdf_text(save_dialog.path)
    # A merchant without open cases: the service's message, and no file.
    quiet = merchants.create_merchant(ctx.as_actor(screen.env.actor), "QUIET-1", "Quiet Shop")
    picker.edit.clear()
    qtbot.keyClicks(picker.edit, "QUIET-1")
    pick_from_popup(qtbot, picker, "QUIET-1")
    save_dialog.path = tmp_path / "quiet.pdf"
    click(qtbot, screen.chooser.save_button)
    assert not save_dialog.path.exists()
    assert any("no open rectification cases" in t for t in message_boxes.texts()), quiet


test_notice_for_a_merchants_open_cases = POPUP_LOG_IGNORE(test_notice_for_a_merchants_open_cases)


def test_findings_workbook_read_back(qtbot, screen, save_dialog, tmp_path, inline_tasks, ctx):
    choose_kind(qtbot, screen, kinds.FINDINGS)
    page = screen.chooser.params.pages[kinds.FINDINGS_PAGE]
    assert not screen.chooser.preview_button.isEnabled()  # workbooks have no preview
    assert not page.dates_row.isVisible()  # "All dates"
    page.preset.setCurrentIndex(5)  # custom range
    assert page.dates_row.isVisible() and page.since_edit.isEnabled()
    page.since_edit.setDate(date(2030, 1, 1))
    click(qtbot, screen.chooser.save_button)
    assert page.range_error.isVisible()  # start after end
    page.preset.setCurrentIndex(0)
    save_dialog.path = tmp_path / "findings"  # the suffix is added
    click(qtbot, screen.chooser.save_button)
    out = tmp_path / "findings.xlsx"  # the name chosen in the dialog (it proposes "-内部")
    wb = load_workbook(out, read_only=True)
    assert wb.sheetnames == ["Summary 内部", "Findings 内部", "Cases 内部", "Merchants 内部"]
    rows = list(wb["Findings 内部"].iter_rows(values_only=True))
    wb.close()
    n = browse.count_findings(ctx, browse.FindingFilter())
    assert len(rows) - 1 == n > 0
    assert isinstance(rows[1][0], int) and isinstance(rows[1][1], datetime)


def test_cancelled_export_leaves_no_file(qtbot, screen, save_dialog, tmp_path, inline_tasks, monkeypatch, ctx):
    real = jobs.export_job
    out = tmp_path / "cancelled.pdf"
    seen = []

    def cancelling(ctx, req, path):
        job = real(ctx, req, path)
        for step in job:  # the real report, cancelled once its file is complete
            seen.append(Path(path).exists())
            if Path(path).exists():
                for task in tasks.running_tasks():
                    task.cancel()
            yield step
        return path

    monkeypatch.setattr(jobs, "export_job", cancelling)
    statuses = []
    screen.env.show_status = statuses.append
    choose_kind(qtbot, screen, kinds.MONTHLY)
    save_dialog.path = out
    click(qtbot, screen.chooser.save_button)
    assert seen[-1], "cancelled after the complete file was there"
    assert not out.exists()
    assert not list(tmp_path.glob(".~*"))
    assert statuses[-1] == "Cancelled; nothing was saved."
    assert reporting.list_archive(ctx) == []  # not archived either
    assert not screen.chooser.folder_button.isEnabled()


def test_cancel_button_of_the_progress_dialog_stops_an_export(
    qtbot, screen, save_dialog, tmp_path, inline_tasks, monkeypatch, ctx
):
    """The export's progress dialog has a Cancel button, and pressing it mid-export works."""
    real = jobs.export_job
    out = tmp_path / "pressed.pdf"
    buttons = []

    def pressing_cancel(ctx, req, path):
        for i, step in enumerate(real(ctx, req, path)):
            if i == 1:
                (task,) = tasks.running_tasks()
                button = task.dialog.findChild(QPushButton)
                buttons.append(button)
                assert button is not None, "the progress dialog has a Cancel button"
                button.click()
            yield step
        return path

    monkeypatch.setattr(jobs, "export_job", pressing_cancel)
    statuses = []
    screen.env.show_status = statuses.append
    choose_kind(qtbot, screen, kinds.MONTHLY)
    save_dialog.path = out
    click(qtbot, screen.chooser.save_button)
    assert buttons and buttons[0] is not None
    assert not out.exists()
    assert not list(tmp_path.glob(".~*"))
    assert statuses[-1] == "Cancelled; nothing was saved."
    assert reporting.list_archive(ctx) == []


def test_cancelled_save_keeps_the_file_it_would_have_replaced(tmp_path):
    out = tmp_path / "old.pdf"
    out.write_bytes(b"the old report")

    def slow():
        yield (0, 2, "")
        yield (1, 2, "")
        return out

    job = jobs.guarded(slow(), out)
    next(job)
    job.close()
    assert out.read_bytes() == b"the old report"


# -- preview and print ---------------------------------------------------------------------


needs_poppler = pytest.mark.needs_poppler


@needs_poppler
def test_preview_shows_pages_and_save_archives_what_is_issued(qtbot, screen, save_dialog, tmp_path, inline_tasks, ctx):
    choose_kind(qtbot, screen, kinds.ANNUAL)
    click(qtbot, screen.chooser.preview_button)
    pane = screen.preview
    assert pane.page_count >= 1
    first = pane.page_labels()[0]
    assert first.isVisible() and not first.pixmap().isNull()
    assert first.pixmap().width() <= 1000
    doc = screen.report_actions.document
    assert doc is not None and doc.folder.is_relative_to(ctx.paths.reports)
    assert re.search(r"\b\d+ pages?\b", pane.title.text())
    assert reporting.list_archive(ctx) == []  # a preview is not issued: nothing archived
    save_dialog.path = tmp_path / "annual.pdf"
    click(qtbot, screen.chooser.save_button)
    assert save_dialog.path.read_bytes().startswith(b"%PDF")
    assert len(reporting.list_archive(ctx)) == 1  # saving issues it
    # A change of data marks the preview; a change of choice drops it and its folder.
    changes.notify(changes.FINDING, [1])
    assert pane.banner.isVisible()
    screen.chooser.params.pages[kinds.YEAR_PAGE].combo.setCurrentIndex(1)
    assert pane.page_count == 0 and not doc.folder.exists()


@needs_poppler
def test_preview_cancelled_removes_its_folder(qtbot, screen, inline_tasks, monkeypatch, ctx):
    real = jobs.render_pages

    drawn = []

    def cancel_while_drawing(pdf, folder, dpi=jobs.PREVIEW_DPI):
        drawn.append(pdf)
        for task in tasks.running_tasks():
            task.cancel()
        return (yield from real(pdf, folder, dpi))

    monkeypatch.setattr(jobs, "render_pages", cancel_while_drawing)
    choose_kind(qtbot, screen, kinds.MONTHLY)
    click(qtbot, screen.chooser.preview_button)
    assert drawn and screen.report_actions.document is None and screen.preview.page_count == 0
    preview_root = ctx.paths.reports / "preview"
    assert not any(preview_root.iterdir())


def test_preview_without_pdftoppm_still_saves(qtbot, screen, save_dialog, tmp_path, inline_tasks, monkeypatch):
    monkeypatch.setattr(jobs, "pdftoppm", lambda: None)
    choose_kind(qtbot, screen, kinds.MONTHLY)
    click(qtbot, screen.chooser.preview_button)
    assert "poppler-utils" in screen.preview.message.text()
    save_dialog.path = tmp_path / "m.pdf"
    click(qtbot, screen.chooser.save_button)
    assert pypdf.PdfReader(str(save_dialog.path)).pages


@needs_poppler
@pytest.mark.skipif(not printing_available(), reason="QtPrintSupport not installed")
def test_print_sends_the_preview_pages(qtbot, screen, inline_tasks, monkeypatch, tmp_path):
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printed = tmp_path / "printed.pdf"

    def fake_exec(dialog):
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(printed))
        return 1

    monkeypatch.setattr(QPrintDialog, "exec", fake_exec)
    choose_kind(qtbot, screen, kinds.MONTHLY)
    assert screen.chooser.print_button.isVisible()
    click(qtbot, screen.chooser.print_button)  # previews first, then prints
    assert screen.preview.page_count >= 1
    assert len(pypdf.PdfReader(str(printed)).pages) == screen.preview.page_count


def test_open_folder_shows_the_last_saved_file(qtbot, screen, save_dialog, tmp_path, inline_tasks, monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True))
    choose_kind(qtbot, screen, kinds.TEMPLATE)
    save_dialog.path = tmp_path / "sub" / "template.xlsx"
    save_dialog.path.parent.mkdir()
    click(qtbot, screen.chooser.save_button)
    assert save_dialog.path.is_file()
    click(qtbot, screen.chooser.folder_button)
    assert [u.toLocalFile() for u in opened] == [str(save_dialog.path.parent)]


def test_role_refusal_is_shown(qtbot, env, demo, users, save_dialog, tmp_path, inline_tasks, message_boxes):
    env.state.set_actor(users[Role.INSPECTOR])
    s = ReportsScreen(env)
    qtbot.addWidget(s)
    s.show()
    choose_kind(qtbot, s, kinds.ANNUAL)
    save_dialog.path = tmp_path / "a.pdf"
    click(qtbot, s.chooser.save_button)
    assert not save_dialog.path.exists()
    assert any("may not produce quality reports" in t for t in message_boxes.texts())


# -- archive --------------------------------------------------------------------------------


def test_archived_report_reproduced(qtbot, screen, save_dialog, tmp_path, inline_tasks, ctx, qtmodeltester):
    choose_kind(qtbot, screen, kinds.MONTHLY)
    save_dialog.path = tmp_path / "first.pdf"
    click(qtbot, screen.chooser.save_button)
    screen.tabs.setCurrentWidget(screen.archive)
    qtmodeltester.check(screen.archive.model)
    assert screen.archive.reproduce_button.isEnabled()  # the newest row is selected
    save_dialog.path = tmp_path / "again.pdf"
    click(qtbot, screen.archive.reproduce_button)
    text = pdf_text(save_dialog.path)
    assert "reproduced from archived report" in text
    assert len(reporting.list_archive(ctx)) == 1  # reproducing archives nothing new


# -- imports -------------------------------------------------------------------------------


def _notified_case(ctx):
    found = browse.fetch_cases(ctx, browse.CaseFilter(status=CaseStatus.NOTIFIED), limit=50)
    assert found, "the demo has notified cases"
    return found[0]


def test_merchant_workbook_import_lists_the_bad_row(
    qtbot, screen, save_dialog, open_dialog, result_dialogs, tmp_path, inline_tasks, ctx, qtmodeltester
):
    case = _notified_case(ctx)
    choose_kind(qtbot, screen, kinds.MERCHANT_WORKBOOK)
    picker = screen.chooser.params.pages[kinds.MERCHANT_PAGE].picker
    qtbot.keyClicks(picker.edit, case.merchant_shop_id)
    pick_from_popup(qtbot, picker, case.merchant_shop_id)
    save_dialog.path = tmp_path / "responses.xlsx"
    click(qtbot, screen.chooser.save_button)
    assert save_dialog.asked[-1].endswith(".xlsx") and case.merchant_shop_id in save_dialog.asked[-1]

    wb = load_workbook(save_dialog.path)
    ws = wb[mx.RESPONSES]
    col = {ws.cell(1, c).value: c for c in range(1, ws.max_column + 1)}
    good = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, col[mx.CASE_NUMBER]).value == case.case_number)
    bad = ws.max_row + 1
    for c in range(1, ws.max_column + 1):
        ws.cell(bad, c).value = ws.cell(good, c).value
    ws.cell(good, col[mx.RESPONSE]).value = "Seams re-sewn 已整改"
    ws.cell(bad, col[mx.RESPONSE]).value = "A later answer"
    ws.cell(bad, col[mx.DUE]).value = datetime(2031, 1, 1)  # a protected column edited
    wb.save(tmp_path / "returned.xlsx")

    seen = []
    changes.changes().changed.connect(lambda entity, ids: seen.append(entity))
    open_dialog.path = tmp_path / "returned.xlsx"
    click(qtbot, screen.chooser.import_responses_button)
    assert len(result_dialogs) == 1
    dialog = result_dialogs[0]
    assert "1 response applied" in dialog.summary.text()
    qtmodeltester.check(dialog.model)
    assert dialog.model.rowCount() == 1
    assert dialog.model.index(0, 1).data() == str(bad)
    assert "protected column" in dialog.model.index(0, 2).data()
    assert f"\t{bad}\t" in dialog.refused_text()
    assert changes.CASE in seen
    assert cases.get_case(ctx, case.case_number).status == CaseStatus.RESPONDED


test_merchant_workbook_import_lists_the_bad_row = POPUP_LOG_IGNORE(test_merchant_workbook_import_lists_the_bad_row)


def test_records_import_from_the_saved_template(
    qtbot, screen, save_dialog, open_dialog, result_dialogs, tmp_path, inline_tasks, ctx
):
    save_dialog.path = tmp_path / "template.xlsx"
    click(qtbot, screen.chooser.template_button)
    assert save_dialog.asked[-1].endswith("inspector-records-template.xlsx")
    wb = load_workbook(save_dialog.path)
    ws = wb["Merchants"]
    ws.cell(2, 1).value, ws.cell(2, 2).value = "NEW-77", "Seventy-Seven Store"
    ws.cell(3, 1).value = "NEW-78"  # no name: refused
    wb.save(tmp_path / "filled.xlsx")
    seen = []
    changes.changes().changed.connect(lambda entity, ids: seen.append(entity))
    open_dialog.path = tmp_path / "filled.xlsx"
    click(qtbot, screen.chooser.import_records_button)
    dialog = result_dialogs[0]
    # All or nothing: the refused row is listed and nothing of the file was kept.
    assert "Nothing of the file was imported" in dialog.summary.text()
    assert [(r.sheet, r.row) for r in dialog.outcome.refused] == [("Merchants", 3)]
    ws.cell(3, 1).value = None
    wb.save(tmp_path / "filled.xlsx")
    click(qtbot, screen.chooser.import_records_button)
    dialog = result_dialogs[-1]
    assert "Merchants: 1 new" in dialog.summary.text()
    assert dialog.outcome.refused == []
    assert changes.MERCHANT in seen


def test_template_kind_needs_no_choices(qtbot, screen):
    choose_kind(qtbot, screen, kinds.TEMPLATE)
    assert screen.chooser.params.currentWidget() is screen.chooser.params.pages[kinds.NO_PAGE]
    assert not screen.chooser.print_button.isEnabled()


def test_default_file_names():
    req = kinds.ReportRequest
    today = date(2026, 11, 3)
    assert kinds.default_file_name(req(kinds.NOTICE_CASE, case_number="RC-2026-0042")) == "RC-2026-0042-notice.pdf"
    assert kinds.default_file_name(req(kinds.MONTHLY, period="2026-10")) == "2026-10-quality-report.pdf"
    assert kinds.default_file_name(req(kinds.ANNUAL, period="2026")) == "2026-annual-quality-report.pdf"
    name = kinds.default_file_name(
        req(kinds.FINDINGS, shop_id="S1", since=date(2026, 1, 1), until=date(2026, 3, 31)), today
    )
    assert name == "findings-S1-2026-01-01-to-2026-03-31-内部.xlsx"


def test_old_previews_are_purged(tmp_path):
    old = tmp_path / "preview" / "old"
    old.mkdir(parents=True)
    import os

    os.utime(old, (0, 0))
    fresh = jobs.new_preview_folder(tmp_path)
    jobs.purge_old_previews(tmp_path)
    assert not old.exists() and fresh.exists()
    shutil.rmtree(fresh)


@needs_poppler
def test_preview_runs_in_a_worker(qtbot, screen):
    choose_kind(qtbot, screen, kinds.MONTHLY)
    click(qtbot, screen.chooser.preview_button)
    assert screen.report_actions.busy() or screen.preview.page_count
    qtbot.waitUntil(lambda: screen.preview.page_count >= 1, timeout=30_000)
    assert not screen.report_actions.busy()
