"""The two-writers test of tests/db/test_stale_edits.py on PostgreSQL (MVCC, READ COMMITTED):
the second UPDATE of the same version matches no row and is refused the same way."""

from __future__ import annotations

from inspector_app.services.context import open_context
from tests.db.test_stale_edits import check_race, seed


def test_two_processes_save_the_same_finding_and_case_on_postgresql(empty_database, tmp_path):
    _name, url = empty_database
    ctx = open_context(url, data_folder=str(tmp_path / "data"))
    try:
        c, finding_id, case_number = seed(ctx)
        check_race(c, url, ctx.paths.root, tmp_path, finding_id, case_number)
    finally:
        ctx.db.dispose()
