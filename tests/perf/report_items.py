"""Documents: the findings workbook, the rectification notice and the monthly report.

Each is timed through the same service call the screens and the command line use, beside
the raw library doing the same work: openpyxl write-only writing the same cells, ReportLab
building the same story from the same pre-scaled images, and the report's SQL replayed in
plain sqlite3.
"""

from __future__ import annotations

import json
import logging
import shutil
from datetime import date, timedelta
from pathlib import Path

from inspector_app.domain import clock as app_clock
from tests.perf.bigdb import STAMP, cached_world, raw_connection, scratch
from tests.perf.harness import (
    MemorySampler,
    Result,
    diagnose,
    mb,
    median,
    profile_path,
    profiled,
    ratio_result,
    runs,
    secs,
    timed,
)
from tests.perf.sqlreplay import capture, replay

logger = logging.getLogger(__name__)


def _system_ctx(folder: Path):
    from inspector_app.services.context import SYSTEM, open_context

    return open_context(data_folder=str(folder)).as_actor(SYSTEM)


def _drain(gen):
    """Run a generator of Progress to its end; its return value."""
    while True:
        try:
            next(gen)
        except StopIteration as done:
            return done.value


# ---- Excel ------------------------------------------------------------------------------


def _window_for(ctx, wanted: int) -> tuple[date, int]:
    """The first day of the most recent days holding about `wanted` findings, and the count."""
    from inspector_app.services import browse

    today = app_clock.today()
    lo, hi = 1, 800
    while lo < hi:  # the fewest days back whose findings reach `wanted`
        mid = (lo + hi) // 2
        n = browse.count_findings(ctx, browse.FindingFilter(since=today - timedelta(days=mid)))
        if n >= wanted:
            hi = mid
        else:
            lo = mid + 1
    since = today - timedelta(days=lo)
    return since, browse.count_findings(ctx, browse.FindingFilter(since=since))


def _capture_cells(ctx, filt, out: Path) -> dict[str, list[list]]:
    """The cells the export writes, sheet by sheet, as plain values (untimed set-up)."""
    import inspector_app.reports.findings_xlsx as fx
    from inspector_app.reports.xlsx_safe import plain_value
    from inspector_app.services import workbooks

    captured: dict = {}
    real = fx.write_findings_workbook

    def grab(export, _out, **_kw):
        captured["export"] = export
        if False:  # a generator, like the real one
            yield None
        return _out

    fx.write_findings_workbook = grab
    try:
        _drain(workbooks.export_findings(ctx, out, filt, force=True))
    finally:
        fx.write_findings_workbook = real
    e = captured["export"]

    def plain(rows):
        return [[plain_value(v) for v in row] for row in rows]

    # The rows first: the Summary's figures are tallied from them as they stream.
    findings = [[c.header for c in fx.FINDING_COLUMNS], *plain(e.finding_rows)]
    cases = [[c.header for c in fx.CASE_COLUMNS], *plain(e.case_rows)]
    merchants = [[c.header for c in fx.MERCHANT_COLUMNS], *plain(e.merchant_rows)]
    s = e.summary()
    summary = [[e.title], [], *[[k, v] for k, v in e.filters], [], *[[k, v] for k, v in s.figures]]
    for heading, items in s.breakdowns:
        summary += [[], [heading], *[[k, n] for k, n in items]]
    return {"Summary": plain(summary), "Findings": findings, "Cases": cases,
            "Merchants": merchants}


def _raw_openpyxl(cells: dict[str, list[list]], out: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    for title, rows in cells.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    wb.save(out)


def excel_export(folder: Path, sz) -> Result:
    """export_findings for ~100,000 findings, beside openpyxl write-only writing the same cells."""
    from inspector_app.services import workbooks

    ctx = _system_ctx(folder)
    work = scratch("excel")
    try:
        since, n = _window_for(ctx, sz.export_findings)
        filt = workbooks.ExportFilter(since=since)
        cells = _capture_cells(ctx, filt, work / "capture.xlsx")
        n_cells = sum(len(r) for rows in cells.values() for r in rows)

        growth = {"ours": [], "baseline": []}

        def ours():
            with MemorySampler() as m:
                _drain(workbooks.export_findings(ctx, work / "ours.xlsx", filt, force=True))
            growth["ours"].append(m.growth)

        def base():
            with MemorySampler() as m:
                _raw_openpyxl(cells, work / "raw.xlsx")
            growth["baseline"].append(m.growth)

        o, b = _alternate(ours, base)
        go, gb = median(growth["ours"]), median(growth["baseline"])
        flat = go <= gb + 64 * 1048576
        notes = [
            f"{n:,} findings recorded since {since} (all four sheets, {n_cells:,} cells)",
            f"memory growth while writing: ours {mb(go)}, raw openpyxl {mb(gb)} "
            f"({'flat' if flat else 'NOT flat'}: ours within raw + 64 MB)",
            "baseline: openpyxl write-only appending the same values (already read and "
            "converted) to the same four sheets, then saving",
        ]
        result = ratio_result("excel_export", "Excel export of 100,000 findings", o, b, 1.15,
                              notes=notes)
        result.ok = bool(result.ok and flat)
        if diagnose(result.ok):
            result.notes.append(_excel_breakdown(ctx, filt, work, median(o), median(b)))
            with profiled("excel_export"):
                _drain(workbooks.export_findings(ctx, work / "ours.xlsx", filt, force=True))
            result.notes.append(f"profile: {profile_path('excel_export')}")
        return result
    finally:
        ctx.db.dispose()
        shutil.rmtree(work, ignore_errors=True)


def _excel_breakdown(ctx, filt, work: Path, ours: float, raw: float) -> str:
    """Ours minus raw openpyxl, split: reading rows from SQL, typing the cells."""
    import inspector_app.reports.findings_xlsx as fx
    from inspector_app.reports.xlsx_rows import add_typed_sheet
    from inspector_app.reports.xlsx_safe import NUMBER_FORMATS, new_workbook
    from inspector_app.services import workbooks

    captured: dict = {}
    real = fx.write_findings_workbook

    def grab(export, _out, **_kw):
        captured["export"] = export
        if False:
            yield None
        return _out

    fx.write_findings_workbook = grab
    try:
        read, _ = timed(lambda: _drain(workbooks.export_findings(ctx, work / "x.xlsx", filt, force=True)))
        e = captured["export"]
        rows_time, rows = timed(lambda: [list(r) for r in e.finding_rows])
    finally:
        fx.write_findings_workbook = real
    ws = add_typed_sheet(new_workbook(), "x", [NUMBER_FORMATS.get(c.kind)
                                               for c in fx.FINDING_COLUMNS])
    # Binding each row's values to typed, guarded cells, without writing them.
    typing, _ = timed(lambda: [list(ws._values_to_row(r, i)) for i, r in enumerate(rows, 2)])
    return (
        f"why: ours {secs(ours)} vs raw openpyxl {secs(raw)}; of the difference, reading the "
        f"findings from SQL in chunks (and tallying the Summary's figures) takes "
        f"{secs(rows_time)}, the counts for the progress bar before writing {secs(read)}, and "
        f"typing and guarding the cells (TypedRowSheet, one prepared style per column) "
        f"{secs(typing)}; openpyxl also writes each styled cell more slowly than a plain value"
    )


def _alternate(ours, base) -> tuple[list[float], list[float]]:
    ours()
    base()
    a, b = [], []
    for _ in range(runs()):
        a.append(timed(ours)[0])
        b.append(timed(base)[0])
    return a, b


# ---- rectification notice ---------------------------------------------------------------


def _notice_world(sz) -> tuple[Path, str]:
    """A small database with one case whose findings carry `notice_photos` 12 MP photos.

    Cached under .cache/notice-<size>/ (importing the photos takes a while).
    """
    from inspector_app.domain.enums import PhotoRole
    from inspector_app.services import browse
    from inspector_app.services import photos as photo_service
    from inspector_app.services.demo import load_demo
    from tests.perf.photo_set import photo_files

    def build(folder: Path) -> dict:
        ctx = _system_ctx(folder)
        try:
            load_demo(ctx, seed=3, purchases=300, photos=0)
            cases = browse.fetch_cases(ctx, browse.CaseFilter(active_only=True), limit=50)
            case = max(cases, key=lambda c: c.finding_count)
            findings = browse.fetch_findings(ctx, browse.FindingFilter(), limit=10_000)
            mine = [f for f in findings if f.case_number == case.case_number]
            files = photo_files(sz.notice_photos)
            # Most photos on the findings (evidence), a tenth on the case (rectification).
            n_case = max(1, len(files) // 10)
            for i, path in enumerate(files[n_case:]):
                for r in photo_service.add_photos(ctx, [path], finding_id=mine[i % len(mine)].id):
                    assert r.ok, r.reason
            for r in photo_service.add_photos(ctx, files[:n_case], case_id=case.id,
                                              role=PhotoRole.RECTIFICATION):
                assert r.ok, r.reason
            return {"case_number": case.case_number}
        finally:
            ctx.db.dispose()

    folder = cached_world(f"notice-{sz.name}", build)
    return folder, json.loads((folder / STAMP).read_text())["case_number"]


def _notice_story_data(ctx, case_number: str, workdir: Path):
    """The notice's data with every photo already prepared as write_notice prepares it."""
    from inspector_app.reports.notice import PHOTO_BUDGET_BYTES
    from inspector_app.reports.notice_data import with_photo_paths
    from inspector_app.reports.pdf_images import PHOTO_MAX_EDGE, fit_budget, prepare_image
    from inspector_app.services import reporting

    data = reporting.notice_data(ctx, case_number=case_number)
    gate = reporting.notice_gate(ctx, data.merchant_shop_id)
    paths = _drain(reporting._resolve_photos(ctx, data, workdir, None, gate))
    share = PHOTO_BUDGET_BYTES // max(len(paths), 1)
    prepared = {
        pid: fit_budget(prepare_image(p, workdir, PHOTO_MAX_EDGE), workdir, share)
        for pid, p in paths.items()
    }
    sizes = {str(p.path): p for p in prepared.values()}
    return with_photo_paths(data, {pid: p.path for pid, p in prepared.items()}), sizes


def _raw_reportlab(data, workdir: Path, out: Path, sizes: dict) -> tuple[float, float]:
    """ReportLab making the notice's flowables and laying them out into a PDF.

    The images are the already prepared files; looking up their size is a dict lookup here
    (the product opens each file again to check it). Returns (story + build, build alone).
    """
    import time

    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    import inspector_app.reports.pdf_base as pdf_base
    from inspector_app.reports.notice import _NoticeLayout
    from inspector_app.reports.pdf_base import configure_reportlab
    from inspector_app.reports.privacy_gate import PrivacyGate

    configure_reportlab()
    real = pdf_base.prepare_image
    pdf_base.prepare_image = lambda path, *_a, **_k: sizes[str(path)]
    try:
        start = time.perf_counter()
        story = _NoticeLayout(data, workdir, PrivacyGate(())).story()
        made = time.perf_counter()
        SimpleDocTemplate(str(out), pagesize=A4).build(story)
        end = time.perf_counter()
    finally:
        pdf_base.prepare_image = real
    return end - start, end - made


def _notice_breakdown(ctx, case_number: str, data, sizes: dict, work: Path) -> str:
    """Where ours spends more than ReportLab: measured piece by piece (medians of 3)."""

    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    import inspector_app.reports.pdf_base as pdf_base
    from inspector_app.reports.notice import _NoticeLayout
    from inspector_app.reports.pdf_base import DocInfo, Letterhead, build_pdf
    from inspector_app.reports.privacy_gate import PrivacyGate
    from inspector_app.services import reporting

    def t(fn) -> float:
        return median([timed(fn)[0] for _ in range(3)])

    def story(stub: bool):
        real = pdf_base.prepare_image
        if stub:
            pdf_base.prepare_image = lambda path, *_a, **_k: sizes[str(path)]
        try:
            return _NoticeLayout(data, work, PrivacyGate(())).story()
        finally:
            pdf_base.prepare_image = real

    reopen = t(lambda: story(False)) - t(lambda: story(True))
    head = Letterhead(data.organisation, data.logo_path)
    info = DocInfo("t", "s", "k", "notice")
    decorated = t(lambda: build_pdf(work / "b.pdf", story(True), head, info, work, force=True))
    plain = t(lambda: SimpleDocTemplate(str(work / "c.pdf"), pagesize=A4).build(story(True)))
    def resolve():
        data = reporting.notice_data(ctx, case_number=case_number)
        gate = reporting.notice_gate(ctx, data.merchant_shop_id)
        return _drain(reporting._resolve_photos(ctx, data, work, None, gate))

    read = t(resolve)
    return (
        f"why: beyond ReportLab's own work, ours spends {secs(decorated - plain)} on the "
        f"letterhead and 'page x of y' (drawn on every page in a second pass), "
        f"{secs(reopen)} opening every prepared photo again while laying out (pdf_base.image "
        f"calls prepare_image on files write_notice has just prepared), {secs(read)} reading "
        "the case and finding the photos' clean copies"
    )


def notice(folder: Path | None, sz) -> Result:
    """export_notice for a case with 100 photos as the user runs it (the PDF archived with its
    hash), beside ReportLab building the same prepared story."""
    from inspector_app.services import reporting

    world, case_number = _notice_world(sz)
    ctx = _system_ctx(world)
    work = scratch("notice")
    try:
        data, sizes = _notice_story_data(ctx, case_number, work)
        n_photos = len(sizes)
        outs: list[Path] = []

        def ours():
            # As the Reports screen and `inspector export pdf` run it: a new file each time,
            # recorded in the report archive with its SHA-256 (record=True is the default).
            outs.append(work / f"ours-{len(outs)}.pdf")
            _drain(reporting.export_notice(ctx, outs[-1], case_number=case_number))

        ours()  # warm-up: the store's clean copies are made once, then reused
        _raw_reportlab(data, work, work / "raw.pdf", sizes)
        o, b, build_only = [], [], []
        for _ in range(runs()):
            o.append(timed(ours)[0])
            both, build = _raw_reportlab(data, work, work / "raw.pdf", sizes)
            b.append(both)
            build_only.append(build)
        out = outs[-1]
        size = out.stat().st_size
        recorded = reporting.list_archive(ctx, reporting.NOTICE, case_number)
        if not recorded or recorded[0].file_sha256 != _sha256_of(out):
            raise AssertionError("the notice was not archived with its file's hash")
        notes = [
            f"case {case_number}: {n_photos} photos of 12 MP on its findings and the case; "
            f"PDF {mb(size)} ({size:,} bytes; goal < 20 MB)",
            "ours: the whole export as the user runs it (read the case, the store's cached "
            "clean copies, fit the photo budget, lay out with letterhead and page numbers, "
            "write, record it in the report archive with the file's SHA-256) after one warm-up "
            "that made the clean copies",
            "baseline: ReportLab making the same story's flowables (Paragraphs, Tables, Images "
            "of the prepared files) and SimpleDocTemplate.build; the build alone took "
            f"{secs(median(build_only))}",
        ]
        result = ratio_result("notice", "rectification notice with 100 photos", o, b, 1.3,
                              notes=notes)
        if size >= 20_000_000:
            result.ok = False
        if diagnose(result.ok):
            result.notes.append(_notice_breakdown(ctx, case_number, data, sizes, work))
            with profiled("notice"):
                ours()
            result.notes.append(f"profile: {profile_path('notice')}")
        return result
    finally:
        ctx.db.dispose()
        shutil.rmtree(work, ignore_errors=True)


def _sha256_of(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


# ---- monthly report ---------------------------------------------------------------------


def monthly_report(folder: Path, sz) -> Result:
    """export_quality_report for last month on the big database, beside its SQL replayed raw."""
    from inspector_app.services import quality_reports, stats

    ctx = _system_ctx(folder)
    raw = raw_connection(folder)
    work = scratch("monthly")
    period = stats.previous_month(app_clock.today()).label
    try:
        statements: list = []

        def ours():
            with capture(ctx.db.engine) as sql:
                _drain(quality_reports.export_quality_report(ctx, period, work / "report.pdf",
                                                            force=True))
            statements[:] = sql

        ours()
        replay(raw, statements)
        own, b, total = [], [], []
        for _ in range(runs()):
            whole = timed(ours)[0]
            sql = replay(raw, statements)
            total.append(whole)
            own.append(whole - sql)
            b.append(sql)
        notes = [
            f"period {period}: figures, charts and the PDF, as `inspector report` makes it; "
            f"whole report {secs(median(total))} ({median(total) / median(b):.2f}x its queries)",
            "ours = the report's own time: the whole report minus its queries replayed raw "
            "(SQLAlchemy, figures in Python, charts, ReportLab)",
            f"baseline: the {len(statements)} SELECTs the report sent, replayed in raw sqlite3",
        ]
        result = ratio_result("monthly_report", "monthly report on the big database", own, b,
                              2.0, notes=notes)
        if diagnose(result.ok):
            with profiled("monthly_report"):
                ours()
            result.notes.append(f"profile: {profile_path('monthly_report')}")
        return result
    finally:
        raw.close()
        ctx.db.dispose()
        shutil.rmtree(work, ignore_errors=True)

