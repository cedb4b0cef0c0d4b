"""A full or failing disk at every write of every import and export changes nothing.

Each operation runs again and again with OSError(ENOSPC or EIO) raised from its 1st, 2nd,
3rd ... write (files and database statements, see faults.py) until it completes. After each
failure: the database dump is byte for byte what it was, the output folder is empty (no half
file, no temporary file), and the error is one the command line shows as one line.
"""

from __future__ import annotations

import errno
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from inspector_app.cli.main import _user_error_message
from inspector_app.domain import clock
from inspector_app.domain.enums import CaseStatus, Role
from inspector_app.reports import merchant_xlsx as mx
from inspector_app.reports.progress import run_job
from inspector_app.services import (
    cases,
    complaints,
    quality_reports,
    records_import,
    reporting,
    responses,
    workbooks,
)
from tests.reports import scenario
from tests.reports.faults import FAIL_POINTS, FaultInjector, dump_digest, failing_writes

CODES = {"ENOSPC": errno.ENOSPC, "EIO": errno.EIO}


@pytest.fixture
def world(ctx, users, tmp_path):
    return scenario.build(ctx, users, tmp_path / "src")


def _until_success(ctx, op: Callable[[int], object], out_dir: Path, code: int) -> dict:
    """Run op(n) with a fault at the n-th write for n in FAIL_POINTS until it succeeds."""
    db_file = ctx.db.sqlite_path or ctx.db.url
    out_dir.mkdir(exist_ok=True)
    before = dump_digest(db_file)
    points = FAIL_POINTS if code == errno.ENOSPC else FAIL_POINTS[::3]
    failures = 0
    for n in points:
        injector = FaultInjector(n, code)
        try:
            with failing_writes(injector, ctx.db.engine):
                op(n)
        except Exception as exc:  # noqa: BLE001 - every kind is checked below
            if not injector.fired:
                raise
            failures += 1
            assert _user_error_message(exc) is not None, f"write {n}: {exc!r} is not one line"
            assert dump_digest(db_file) == before, f"write {n}: the database changed"
            left = sorted(p.name for p in out_dir.iterdir())
            assert left == [], f"write {n}: left behind {left}"
        else:
            result = {"failures": failures, "writes": injector.count, "last_point": n}
            print(f"{errno.errorcode[code]}: {result}")
            return result
    raise AssertionError(f"never completed within {points[-1]} writes")


def _records_file(tmp: Path) -> Path:
    template = records_import.write_template(None, tmp / "template.xlsx")
    wb = load_workbook(template)
    when = (clock.local_now() - timedelta(days=30)).replace(tzinfo=None, microsecond=0)
    rows = {
        "Merchants": [[f"R-{i}", f"Shop {i}", "", "", "no"] for i in range(4)],
        "Products": [[f"RL-{i}", f"Product {i}", "B", "", 10 + i] for i in range(4)],
        "Purchases": [
            [f"RO-{i}", f"R-{i}", f"RL-{i}", None, when, 9.5, when, "fail", None, None, None, None]
            for i in range(4)
        ],
        "Findings": [
            [f"RO-{i}", "product_quality", "minor", f"Defect {i}", None, None, None, None]
            for i in range(4)
        ],
    }
    for sheet, values in rows.items():
        for r, row in enumerate(values, 2):
            for c, v in enumerate(row, 1):
                wb[sheet].cell(r, c).value = v
    wb.save(tmp / "records.xlsx")
    return tmp / "records.xlsx"


@pytest.mark.parametrize("code", CODES.values(), ids=CODES.keys())
def test_records_import(ctx, users, world, tmp_path, code):
    insp = ctx.as_actor(users[Role.INSPECTOR])
    path = _records_file(tmp_path)
    result = _until_success(ctx, lambda n: records_import.import_records(insp, path),
                            tmp_path / "out", code)
    report = records_import.import_records(insp, path)  # the completed run kept everything
    assert report.unchanged["Purchases"] == 4 and report.unchanged["Findings"] == 4
    # The bulk writer makes few writes (one executemany per sheet chunk); each was failed
    # (EIO tries every third: on PostgreSQL, without SQLite's index rebuild, that is two).
    assert result["failures"] >= (2 if code == errno.EIO and not ctx.db.is_sqlite else 3), result


@pytest.mark.parametrize("code", CODES.values(), ids=CODES.keys())
def test_complaints_import(ctx, users, world, tmp_path, code, monkeypatch):
    monkeypatch.setattr(complaints, "CHUNK_ROWS", 7)  # several bulk inserts in one file
    qm = ctx.as_actor(users[Role.QUALITY_MANAGER])
    lines = ["shop_id,order_id,kind,applied_at"] + [
        f"{world.merchant_shop},W-{i},complaint,2026-10-{1 + i % 28:02d} 10:00" for i in range(30)
    ]
    path = tmp_path / "wo.csv"
    path.write_text("\n".join(lines), "utf-8")
    result = _until_success(ctx, lambda n: complaints.import_work_orders(qm, path),
                            tmp_path / "out", code)
    assert complaints.import_work_orders(qm, path).duplicates == 30
    assert result["failures"] >= 2, result


@pytest.mark.parametrize("code", CODES.values(), ids=CODES.keys())
def test_responses_import(ctx, users, world, tmp_path, code):
    qm = ctx.as_actor(users[Role.QUALITY_MANAGER])
    mm = ctx.as_actor(users[Role.MERCHANT_MANAGER])
    cases.advance(qm, world.open_case, CaseStatus.NOTIFIED)
    path = responses.export_merchant_workbook(mm, world.merchant_shop, tmp_path / "m.xlsx")
    wb = load_workbook(path)
    ws = wb[mx.RESPONSES]
    col = {c.value: c.column for c in ws[1]}
    ws.cell(2, col[mx.RESPONSE]).value = "Fixed 已整改"
    wb.save(tmp_path / "filled.xlsx")
    result = _until_success(
        ctx, lambda n: responses.import_responses(mm, tmp_path / "filled.xlsx"),
        tmp_path / "out", code,
    )
    assert cases.get_case(mm, world.open_case).status == CaseStatus.RESPONDED
    assert result["failures"] >= 2, result


# openpyxl's write-only sheets are generators; one abandoned by a failed save complains when
# it is collected, after the test has checked that nothing was left behind.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.parametrize("code", CODES.values(), ids=CODES.keys())
@pytest.mark.parametrize("kind", ["xlsx", "notice", "report", "merchant", "template"])
def test_exports(ctx, users, world, tmp_path, code, kind):
    qm = ctx.as_actor(users[Role.QUALITY_MANAGER])
    out = tmp_path / "out"

    def op(n: int) -> Path:
        if kind == "xlsx":
            return run_job(workbooks.export_findings(qm, out / f"f{n}.xlsx"))
        if kind == "notice":
            return run_job(reporting.export_notice(qm, out / f"n{n}.pdf",
                                                   case_number=world.open_case))
        if kind == "report":
            return run_job(quality_reports.export_quality_report(qm, "2026-10", out / f"r{n}.pdf"))
        if kind == "merchant":
            return responses.export_merchant_workbook(qm, world.merchant_shop, out / f"m{n}.xlsx")
        return records_import.write_template(qm, out / f"t{n}.xlsx")

    responses.workbook_key(qm)  # made once, before: a refused export must not be what makes it
    if kind == "merchant":  # the responses workbook lists the cases awaiting a reply
        cases.advance(qm, world.open_case, CaseStatus.NOTIFIED)
    result = _until_success(ctx, op, out, code)
    written = list(out.iterdir())
    assert len(written) == 1 and written[0].stat().st_size > 0
    assert result["failures"] >= 1, result
