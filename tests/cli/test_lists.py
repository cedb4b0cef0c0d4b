"""`inspector merchants|purchases|findings|cases` on a small demo: filters, --json keys, tables."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

from inspector_app.cli.output import display_width, render_table
from inspector_app.domain import clock
from tests.cli.conftest import DEMO_PURCHASES, assert_user_error

REQUIRED_KEYS = {
    "merchants": {"shop_id", "name", "key_merchant", "status"},
    "purchases": {
        "order_number",
        "merchant_shop_id",
        "inspector",
        "buyer_alias",
        "delivery_address",
    },
    "findings": {"id", "uid", "order_number", "category", "severity"},
    "cases": {"case_number", "merchant_shop_id", "status", "due_date"},
}


def test_open_cases_as_json(demo_cli):
    result = demo_cli("cases", "--status", "open", "--json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert isinstance(rows, list) and rows
    assert all(r["status"] == "open" for r in rows)
    for r in rows:
        date.fromisoformat(r["due_date"])
        datetime.fromisoformat(r["created_at"])
        assert r["case_number"].startswith("RC-")


def test_every_list_has_its_keys_in_json(demo_main):
    for command, keys in REQUIRED_KEYS.items():
        rows = demo_main.json(command, "--limit", "0")
        assert rows, command
        assert keys <= set(rows[0]), (command, keys - set(rows[0]))
    purchases = demo_main.json("purchases", "--limit", "0")
    assert len(purchases) == DEMO_PURCHASES
    assert all(p["buyer_alias"] and p["delivery_address"] for p in purchases)  # system sees all


def test_filters_by_merchant_status_and_dates(demo_main):
    demo_cli = demo_main
    cases = demo_cli.json("cases", "--limit", "0")
    shop = max(
        {c["merchant_shop_id"] for c in cases},
        key=lambda s: sum(c["merchant_shop_id"] == s for c in cases),
    )
    for command in ("merchants", "purchases", "findings", "cases"):
        rows = demo_cli.json(command, "--merchant", shop, "--limit", "0")
        key = "shop_id" if command == "merchants" else "merchant_shop_id"
        assert rows and {r[key] for r in rows} == {shop}, command
    inspected = demo_cli.json("purchases", "--status", "inspected", "--limit", "0")
    assert inspected and {p["status"] for p in inspected} == {"inspected"}
    since = clock.today() - timedelta(days=60)
    until = clock.today() - timedelta(days=10)
    window = demo_cli.json(
        "purchases", "--since", since.isoformat(), "--until", until.isoformat(), "--limit", "0"
    )
    assert window
    for p in window:
        day = datetime.fromisoformat(p["ordered_at"]).astimezone().date()
        assert since <= day <= until
    assert len(demo_cli.json("findings", "--limit", "7")) == 7
    no_case = demo_cli.json("findings", "--status", "no_case", "--limit", "0")
    in_case = demo_cli.json("findings", "--status", "in_case", "--limit", "0")
    assert all(not f["case_number"] for f in no_case) and all(f["case_number"] for f in in_case)
    critical = demo_cli.json("findings", "--severity", "critical", "--limit", "0")
    assert {f["severity"] for f in critical} == {"critical"}


def test_table_output_and_limit_note(demo_main):
    demo_cli = demo_main
    result = demo_cli("purchases", "--limit", "5")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split()[:2] == ["ORDER", "NUMBER"] and set(lines[1]) <= {"-", " "}
    assert len(lines) == 2 + 5
    assert "--limit" in result.stderr  # says the list was cut, on stderr
    merchants = demo_cli("merchants", "--limit", "0")
    rule = merchants.stdout.splitlines()[1]
    starts = [i for i, ch in enumerate(rule) if ch == "-" and (i == 0 or rule[i - 1] == " ")]
    for line in merchants.stdout.splitlines()[2:]:
        # Every column starts where its rule starts, counting CJK characters as two cells.
        for start in starts[1:]:
            prefix = _cells_prefix(line, start)
            assert prefix.endswith("  ") or prefix[-1:] == " ", (line, start)


def _cells_prefix(line: str, cells: int) -> str:
    out, used = [], 0
    for ch in line:
        if used >= cells:
            break
        out.append(ch)
        used += display_width(ch)
    return "".join(out)


def test_nothing_found_is_not_an_error(demo_main):
    demo_cli = demo_main
    result = demo_cli("cases", "--merchant", "no-such-shop")
    assert result.returncode == 0 and result.stdout == "" and "nothing" in result.stderr
    assert demo_cli.json("cases", "--merchant", "no-such-shop") == []


def test_unknown_status_is_a_user_error(demo_main):
    demo_cli = demo_main
    assert_user_error(demo_cli("findings", "--status", "open"), "in_case", "no_case")


def test_render_table_aligns_wide_characters():
    rows = [
        {"name": "王芳", "n": 3},
        {"name": "Laura Mitchell", "n": 12},
        {"name": "锦程美妆旗舰店", "n": None},
    ]
    text = render_table(rows, [("name", "NAME"), ("n", "N")])
    lines = text.splitlines()
    widths = {display_width(line) for line in lines[:4]}
    assert widths == {18}, text  # as wide as the widest name + gap + number, CJK counted twice
    assert display_width(lines[4]) == 14
    long = render_table([{"t": "很长的标题" * 20}], [("t", "T")])
    assert long.splitlines()[2].endswith("…") and display_width(long.splitlines()[2]) <= 48


def test_a_merchant_manager_lists_no_buyer_address_or_inspector(demo_main):
    people = demo_main.users()
    mm = people["merchant_manager"][0]
    purchases = demo_main.json("purchases", "--limit", "20", "--as", mm)
    assert purchases and not any(
        p["buyer_alias"] or p["delivery_address"] or p["inspector"] for p in purchases)
    everyone = demo_main.json("purchases", "--limit", "20")
    assert any(p["inspector"] for p in everyone)
