"""`inspector export|report|import` through the command's own parser and handlers."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from inspector_app.cli import cmd_reports
from inspector_app.cli.invocation import Invocation
from inspector_app.cli.options import CommandParser, global_options
from inspector_app.domain.enums import CaseStatus, Role
from inspector_app.domain.errors import ValidationError
from inspector_app.services import cases
from tests.reports import scenario


def run(*argv: str) -> tuple[int, str, str]:
    parser = CommandParser(prog="inspector", parents=[global_options(suppress_defaults=False)])
    cmd_reports.register(parser.add_subparsers(parser_class=CommandParser))
    args = parser.parse_args(list(argv))
    out, err = io.StringIO(), io.StringIO()
    inv = Invocation(args, out=out, err=err)
    try:
        status = args.handler(inv)
    finally:
        inv.close()
    return status, out.getvalue(), err.getvalue()


@pytest.fixture
def world(ctx, users, tmp_path):
    return scenario.build(ctx, users, tmp_path / "src")


def test_cli_documents(ctx, users, world, tmp_path):
    qm = ["--as", "Quinn Manager"]
    qm_ctx = ctx.as_actor(users[Role.QUALITY_MANAGER])
    status, out, _ = run(
        "export", "pdf", "--case", world.open_case, "--out", str(tmp_path / "n.pdf"), *qm
    )
    assert status == 0 and "Wrote" in out and len(PdfReader(str(tmp_path / "n.pdf")).pages) >= 1
    assert f"Now notified (the notice was sent): {world.open_case}" in out
    # A reprint (--force) keeps the number and notifies nobody again.
    status, out, _ = run(
        "export", "pdf", "--case", world.open_case, "--out", str(tmp_path / "n.pdf"), "--force", *qm
    )
    assert status == 0 and "Now notified" not in out
    assert (
        run(
            "export",
            "pdf",
            "--merchant",
            world.merchant_shop,
            "--out",
            str(tmp_path / "m.pdf"),
            *qm,
        )[0]
        == 0
    )
    assert run("report", "--month", "2026-10", "--out", str(tmp_path / "r.pdf"), *qm)[0] == 0
    assert run("report", "--year", "2026", "--out", str(tmp_path / "y.pdf"), *qm)[0] == 0
    assert (
        run(
            "export",
            "xlsx",
            "--merchant",
            world.merchant_shop,
            "--internal",
            "--since",
            "2000-01-01",
            "--out",
            str(tmp_path / "f.xlsx"),
            *qm,
        )[0]
        == 0
    )
    # The internal workbook says so in its file name and on every sheet.
    assert not (tmp_path / "f.xlsx").exists()
    assert load_workbook(tmp_path / "f-内部.xlsx").sheetnames[1] == "Findings 内部"
    with pytest.raises(ValidationError, match="--internal"):
        run(
            "export", "xlsx", "--merchant", world.merchant_shop, "--since", "2000-01-01",
            "--out", str(tmp_path / "g.xlsx"), *qm,
        )
    status, out, _ = run(
        "export", "xlsx", "--merchant", world.merchant_shop, "--out", str(tmp_path / "g.xlsx"), *qm
    )
    assert status == 0 and "Private values redacted:" in out
    assert load_workbook(tmp_path / "g.xlsx").sheetnames == ["Findings 问题"]
    # The notice printed above sent the case to the merchant.
    assert cases.get_case(qm_ctx, world.open_case).status == CaseStatus.NOTIFIED
    assert run("import", "template", str(tmp_path / "t.xlsx"))[0] == 0
    status, out, _ = run("import", "records", str(tmp_path / "t.xlsx"), "--as", "Ivy Inspector")
    assert status == 0 and "0 new" in out
    mm = ["--as", "Mia Merchant-Manager"]
    assert (
        run(
            "export",
            "responses",
            "--merchant",
            world.merchant_shop,
            "--out",
            str(tmp_path / "resp.xlsx"),
            *mm,
        )[0]
        == 0
    )
    status, out, _ = run("import", "responses", str(tmp_path / "resp.xlsx"), *mm)
    assert status == 0 and "Responses recorded: 0;" in out and "rows left blank: 1;" in out


def test_cli_refused_rows_exit_one(ctx, users, world, tmp_path):
    mm = ["--as", "Mia Merchant-Manager"]
    cases.advance(ctx.as_actor(users[Role.QUALITY_MANAGER]), world.open_case, CaseStatus.NOTIFIED)
    run(
        "export",
        "responses",
        "--merchant",
        world.merchant_shop,
        "--out",
        str(tmp_path / "resp.xlsx"),
        *mm,
    )
    wb = load_workbook(tmp_path / "resp.xlsx")
    ws = wb["Responses"]
    ws["G2"] = "answer"
    ws["K2"] = "not a date"
    wb.save(tmp_path / "bad.xlsx")
    status, out, err = run("import", "responses", str(tmp_path / "bad.xlsx"), *mm)
    assert status == 1 and "rows refused: 1" in out and "Responses row 2" in err
