"""The records import's bulk path at a normal size: 5,000 rows, several chunks per sheet.

A file with bad rows spread through it keeps nothing (the database dump is unchanged) and
lists each bad row once; the same file without them imports exactly its rows, read back
with plain SQL; a second import adds nothing.
"""

from __future__ import annotations

from datetime import UTC, timedelta

from openpyxl import Workbook

from inspector_app.domain.enums import Role
from inspector_app.reports.records_xlsx import COLUMNS
from inspector_app.services import records_import
from tests.backends import PlainSQL
from tests.reports.faults import dump_digest

N = 5_000
#: Purchase rows made bad on purpose: (row index, what is wrong, a word of the reason).
BAD = {
    17: ("shop", "S-404"),
    2_222: ("date", "not a date"),
    3_999: ("fail", "finding"),
    4_501: ("inspector", "Nobody"),
}


def _workbook(path, when, *, bad: bool):
    wb = Workbook(write_only=True)
    sheets = {name: wb.create_sheet(name) for name in COLUMNS}
    for name, ws in sheets.items():
        ws.append([c.header for c in COLUMNS[name]])
    for m in range(40):
        sheets["Merchants"].append([f"S-{m}", f"店铺 {m}", "apparel", "", "yes" if m % 7 else "no"])
    for p in range(300):
        sheets["Products"].append([f"L-{p}", f"产品 {p}", f"Brand {p % 9}", "", 10 + p / 100])
    for i in range(N):
        shop, ordered, verdict, inspector = f"S-{i % 40}", when, "pass", "Ivy Inspector"
        if i % 10 == 0:
            verdict = "fail"
        if bad and i in BAD:
            kind = BAD[i][0]
            shop = "S-404" if kind == "shop" else shop
            ordered = "someday" if kind == "date" else ordered
            verdict = "fail" if kind == "fail" else verdict
            inspector = "Nobody" if kind == "inspector" else inspector
        listing = f"L-{i % 300}" if i % 2 else None
        name = None if listing else f"新产品 {i % 50}"
        sheets["Purchases"].append([
            f"ORD-{i}", shop, listing, name, ordered, 20 + i % 100, when, verdict, inspector,
            "alias", "地址", f"note {i}",
        ])
    for i in range(0, N, 10):
        sheets["Findings"].append([f"ORD-{i}", "product_quality", "major", f"线头松脱 {i}",
                                   "描述", "", "", "GB 18401"])
    if not bad:  # a finding for ORD-3999 (a pass here; a fail without it in the bad file)
        sheets["Findings"].append(["ORD-3999", "packaging_damage", "minor", "标签缺失", None, None,
                                   None, None])
    wb.save(path)
    return path


def test_bad_rows_keep_nothing_and_a_good_file_imports_exactly(ctx, users, tmp_path, clock):
    insp = ctx.as_actor(users[Role.INSPECTOR])
    when = (clock.local_now() - timedelta(days=3)).replace(tzinfo=None, microsecond=0)
    db = ctx.db.sqlite_path or ctx.db.url

    before = dump_digest(db)
    report = records_import.import_records(insp, _workbook(tmp_path / "bad.xlsx", when, bad=True))
    assert dump_digest(db) == before  # not one row of 5,340 good ones kept
    assert sum(report.created.values()) == 0 and report.error_count == len(BAD)
    reasons = {e.row: e.reason for e in report.errors if e.sheet == "Purchases"}
    assert {r - 2 for r in reasons} == set(BAD), reasons  # row 2 is ORD-0
    for i, (_, word) in BAD.items():
        assert word in reasons[i + 2] and "\n" not in reasons[i + 2]

    report = records_import.import_records(insp, _workbook(tmp_path / "good.xlsx", when, bad=False))
    assert report.errors == []
    assert dict(report.created) == {"Merchants": 40, "Products": 300, "Purchases": N,
                                    "Findings": N // 10 + 1}
    con = PlainSQL(ctx.db.url)
    try:
        q = lambda sql, *a: [tuple(r) for r in con.rows(sql, a)]  # noqa: E731
        assert q("SELECT count(*) FROM purchases") == [(N,)]
        # Products: 300 by listing id, 25 created by name (even rows) from the Purchases sheet.
        assert q("SELECT count(*) FROM products") == [(325,)]
        assert q("SELECT count(*) FROM brands") == [(9,)]
        row = q(
            "SELECT p.order_number, m.shop_id, pr.listing_id, p.price_paid_cents, p.status,"
            " p.verdict, u.display_name, p.buyer_alias, p.delivery_address, p.notes,"
            " p.ordered_at, p.inspected_at IS NOT NULL, p.version, p.created_by_id"
            " FROM purchases p JOIN merchants m ON m.id = p.merchant_id"
            " LEFT JOIN products pr ON pr.id = p.product_id"
            " LEFT JOIN users u ON u.id = p.inspector_id WHERE p.order_number = 'ORD-4321'"
        )
        utc = when.astimezone().astimezone(UTC).replace(tzinfo=None)
        stored = utc.isoformat(" ") + ".000000" if con.is_sqlite else utc  # text / timestamp
        assert row == [("ORD-4321", "S-1", "L-121", 4100, "inspected", "pass", "Ivy Inspector",
                        "alias", "地址", "note 4321", stored, 1, 1,
                        users[Role.INSPECTOR].id)]
        assert q("SELECT count(*) FROM purchases WHERE verdict = 'fail'") == [(N // 10,)]
        assert q("SELECT count(DISTINCT uid) FROM purchases") == [(N,)]
        by_name = q("SELECT pr.name FROM purchases p JOIN products pr ON pr.id = p.product_id"
                    " WHERE p.order_number = 'ORD-4320'")
        assert by_name == [("新产品 20",)]
        if con.is_sqlite:
            # Every finding is in the full-text index (indexed once at the end).
            assert q("SELECT count(*) FROM findings_fts WHERE findings_fts MATCH"
                     " '\"线头松脱\"'") == [(N // 10,)]
            assert q("SELECT count(*) FROM findings_fts WHERE findings_fts MATCH"
                     " '\"标签缺失\"'") == [(1,)]
            assert q("SELECT name FROM sqlite_master WHERE name = 'findings_fts_ai'") == [
                ("findings_fts_ai",)]  # the trigger is back
        else:
            assert q("SELECT count(*) FROM findings WHERE title LIKE '线头松脱%'") == [(N // 10,)]
        assert q("SELECT count(*) FROM merchants WHERE key_merchant") == [(34,)]
    finally:
        con.close()

    again = records_import.import_records(insp, tmp_path / "good.xlsx")
    assert sum(again.created.values()) == 0 and again.unchanged["Purchases"] == N
