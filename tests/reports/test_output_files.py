"""Nothing overwritten without asking: --force, temporary file and rename, no devices."""

from __future__ import annotations

import contextlib
import io
import logging
import os

import pytest
from openpyxl import load_workbook

from inspector_app.cli.main import main
from inspector_app.domain.enums import Role
from inspector_app.domain.errors import InspectorError, ValidationError
from inspector_app.reports.output_file import claim_output, output_file


def _cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def test_claim_output_rules(tmp_path):
    existing = tmp_path / "a.pdf"
    existing.write_bytes(b"old")
    with pytest.raises(ValidationError, match="already exists; use --force"):
        claim_output(existing)
    assert claim_output(existing, force=True) == existing
    for special in ("/dev/null", "/dev/zero", "/dev/full"):
        with pytest.raises(ValidationError, match="not a regular file"):
            claim_output(special, force=True)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(ValidationError, match="not a regular file"):
        claim_output(fifo, force=True)
    with pytest.raises(ValidationError, match="is a folder"):
        claim_output(tmp_path, force=True)
    with pytest.raises(ValidationError, match="No output file"):
        claim_output("  ")


def test_failed_write_leaves_old_file_and_no_temp(tmp_path):
    target = tmp_path / "report.pdf"
    target.write_bytes(b"the old report")
    with pytest.raises(RuntimeError), output_file(target, force=True) as tmp:
        tmp.write_bytes(b"half a new rep")
        raise RuntimeError("writer crashed")
    assert target.read_bytes() == b"the old report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.pdf"]
    with output_file(target, force=True) as tmp:
        tmp.write_bytes(b"the new report")
    assert target.read_bytes() == b"the new report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.pdf"]


def test_errors_name_the_users_path_not_the_temporary_file(tmp_path):
    a_file = tmp_path / "plain"
    a_file.write_text("x")
    target = a_file / "out.xlsx"
    with pytest.raises(InspectorError) as caught, output_file(target):
        pass
    assert str(target) in str(caught.value) and ".tmp" not in str(caught.value)
    long_name = tmp_path / ("n" * 300 + ".pdf")
    with pytest.raises(InspectorError, match="too long") as caught, output_file(long_name):
        pass
    assert ".~" not in str(caught.value)


def test_import_template_refuses_a_filled_workbook_unless_forced(ctx, users, tmp_path):
    path = tmp_path / "records.xlsx"
    assert _cli("import", "template", str(path))[0] == 0
    wb = load_workbook(path)
    wb["Merchants"]["A2"] = "S-filled"
    wb.save(path)
    code, _, err = _cli("import", "template", str(path))
    assert code == 2 and "already exists; use --force" in err and str(path) in err
    assert load_workbook(path)["Merchants"]["A2"].value == "S-filled"  # the rows are kept
    assert _cli("import", "template", str(path), "--force")[0] == 0
    assert load_workbook(path)["Merchants"]["A2"].value is None
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".~")] == []


@pytest.mark.parametrize(
    "argv",
    [
        ["export", "xlsx", "--as", "Admin", "--out"],
        ["report", "--month", "2026-10", "--as", "Admin", "--out"],
        ["risk", "--xlsx"],
    ],
)
def test_exports_refuse_existing_files_and_devices(ctx, users, tmp_path, argv):
    existing = tmp_path / "keep.bin"
    existing.write_bytes(b"precious")
    code, _, err = _cli(*argv, str(existing))
    assert code == 2 and "--force" in err and existing.read_bytes() == b"precious", err
    code, _, err = _cli(*argv, "/dev/full", "--force")
    assert code == 2 and "not a regular file" in err, err
    code, _, err = _cli(*argv, str(existing), "--force")
    assert code == 0, err
    assert existing.read_bytes() != b"precious"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".~")) == []


def test_ui_export_jobs_replace_the_file_the_dialog_asked_about(ctx, users, tmp_path):
    from inspector_app.reports.progress import run_job
    from inspector_app.ui.reports.kinds import FINDINGS, ReportRequest, export_job

    out = tmp_path / "findings.xlsx"
    out.write_bytes(b"old")  # Qt's save dialog asked "replace?" and the user said yes
    qm = ctx.as_actor(users[Role.QUALITY_MANAGER])
    run_job(export_job(qm, ReportRequest(FINDINGS), out))
    assert load_workbook(out).sheetnames[0] == "Summary 内部"


def test_log_file_on_a_full_disk_warns_once(tmp_path, capsys):
    from inspector_app.cli.safety import BestEffortFileHandler

    handler = BestEffortFileHandler("/dev/full", encoding="utf-8")
    log = logging.getLogger("inspector_app.test_full_disk")
    log.addHandler(handler)
    try:
        for i in range(5):
            log.warning("line %d", i)
    finally:
        log.removeHandler(handler)
    err = capsys.readouterr().err
    assert err.count("cannot write the log file") == 1 and "Traceback" not in err, err
    assert len(err.splitlines()) == 1
