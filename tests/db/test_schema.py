"""Migrations (empty, previous revision, too new), append-only case events, connection pragmas."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest
from sqlalchemy import exc, inspect, text

from inspector_app.cli.main import main as cli_main
from inspector_app.db import migrate
from inspector_app.db.engine import BUSY_TIMEOUT_MS, Database
from inspector_app.db.models import Base
from inspector_app.domain import clock
from inspector_app.domain.errors import DatabaseTooNew
from inspector_app.paths import data_dir
from inspector_app.services.context import open_context

#: The revision before head; upgrading from it is what an installed copy does next.
PREVIOUS = "0001"


def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_empty_database_to_head(tmp_path):
    ctx = open_context(data_folder=str(tmp_path / "d"))
    try:
        assert migrate.current_revision(ctx.db) == migrate.head_revision()
        tables = set(inspect(ctx.db.engine).get_table_names())
        assert set(Base.metadata.tables) <= tables
        with ctx.db.engine.connect() as conn:
            triggers = {
                r[0]
                for r in conn.exec_driver_sql(
                    "SELECT name FROM sqlite_master WHERE type = 'trigger'"
                )
            }
        assert {"case_events_no_update", "case_events_no_delete", "findings_fts_ai"} <= triggers
        assert not any(ctx.paths.backups.iterdir())  # nothing to back up on a new file
    finally:
        ctx.db.dispose()


def test_upgrade_from_previous_revision_backs_up_first(tmp_path):
    paths = data_dir(tmp_path / "d").ensure()
    db = Database(f"sqlite:///{paths.database}")
    migrate.upgrade(db, paths.backups, target=PREVIOUS)
    now = clock.now().replace(tzinfo=None).isoformat(" ")
    common = "uid, created_at, updated_at"
    with db.engine.begin() as conn:  # data written by the previous version
        conn.execute(
            text(
                f"INSERT INTO merchants (id, name, shop_id, category, contact, key_merchant, status,"
                f" status_reason, {common}) VALUES (1, '旧店', 'S1', '', '', 0, 'active', '', 'u1',"
                f" :t, :t)"
            ),
            {"t": now},
        )
        conn.execute(
            text(
                f"INSERT INTO purchases (id, merchant_id, buyer_alias, delivery_address, status,"
                f" notes, {common}) VALUES (1, 1, '', '', 'planned', '', 'u2', :t, :t)"
            ),
            {"t": now},
        )
        conn.execute(
            text(
                f"INSERT INTO findings (id, purchase_id, category, severity, title, description,"
                f" expected, observed, rule_ref, {common}) VALUES (1, 1, 'product_quality', 'major',"
                f" '耐水洗色牢度不合格', '', '', '', '', 'u3', :t, :t)"
            ),
            {"t": now},
        )
    db.dispose()

    backup = migrate.upgrade(Database(f"sqlite:///{paths.database}"), paths.backups)
    assert backup is not None and backup.exists() and PREVIOUS in backup.name
    old = sqlite3.connect(backup)
    assert old.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert old.execute("SELECT version_num FROM alembic_version").fetchone() == (PREVIOUS,)
    assert old.execute("SELECT count(*) FROM findings").fetchone() == (1,)
    old.close()
    new = sqlite3.connect(paths.database)
    assert new.execute("SELECT version_num FROM alembic_version").fetchone() == (
        migrate.head_revision(),
    )
    # The search index added by the upgrade covers the rows written before it.
    hits = new.execute("SELECT rowid FROM findings_fts WHERE findings_fts MATCH '\"色牢度\"'")
    assert hits.fetchall() == [(1,)]
    new.close()


def test_upgrade_from_0003_keeps_deleted_rows_without_a_deleter(tmp_path):
    """0004 adds deleted_by_id: what was deleted before stays deleted, by nobody known."""
    from inspector_app.services import merchants
    from inspector_app.services.browse.deleted import DeletedFilter, fetch_deleted
    from inspector_app.services.context import SYSTEM

    paths = data_dir(tmp_path / "d").ensure()
    db = Database(f"sqlite:///{paths.database}")
    migrate.upgrade(db, paths.backups, target="0003")
    now = clock.now().replace(tzinfo=None).isoformat(" ")
    with db.engine.begin() as conn:
        for mid, deleted in ((1, now), (2, None)):
            conn.execute(
                text(
                    "INSERT INTO merchants (id, name, shop_id, category, contact, key_merchant,"
                    " status, status_reason, uid, created_at, updated_at, deleted_at) VALUES"
                    " (:id, :name, :shop, '', '', 0, 'active', '', :uid, :t, :t, :d)"
                ),
                {"id": mid, "name": f"店{mid}", "shop": f"S{mid}", "uid": f"u{mid}", "t": now,
                 "d": deleted},
            )
    db.dispose()
    ctx = open_context(data_folder=str(tmp_path / "d")).as_actor(SYSTEM)
    try:
        assert migrate.current_revision(ctx.db) == migrate.head_revision()
        assert any("0003" in p.name for p in paths.backups.iterdir())
        (old,) = fetch_deleted(ctx, DeletedFilter())
        assert (old.id, old.deleted_by) == (1, "")
        merchants.delete_merchant(ctx, 2)  # the system actor has no user row: still nobody
        con = sqlite3.connect(paths.database)
        assert con.execute("SELECT id, deleted_by_id FROM merchants ORDER BY id").fetchall() == [
            (1, None), (2, None)]
        con.close()
    finally:
        ctx.db.dispose()


def _newer_database(tmp_path, journal_mode: str):
    ctx = open_context(data_folder=str(tmp_path / "d"))
    path = ctx.db.sqlite_path
    ctx.db.dispose()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = 'zz99_from_the_future'")
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute(f"PRAGMA journal_mode = {journal_mode}")
    conn.close()
    return path


def test_newer_database_is_refused_and_left_untouched(tmp_path, capsys):
    path = _newer_database(tmp_path, "WAL")
    before = _sha(path)
    with pytest.raises(DatabaseTooNew) as refused:
        open_context(data_folder=str(tmp_path / "d"))
    message = str(refused.value)
    assert "newer version" in message and "zz99_from_the_future" in message
    assert "not changed" in message
    assert _sha(path) == before
    # The command line says the same in one line, exit status 2.
    assert cli_main(["--data-dir", str(tmp_path / "d"), "init"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "newer version" in err[0]
    assert _sha(path) == before
    assert not list((tmp_path / "d" / "backups").iterdir())


def test_newer_database_in_rollback_journal_mode_is_left_untouched(tmp_path):
    path = _newer_database(tmp_path, "DELETE")
    before = _sha(path)
    with pytest.raises(DatabaseTooNew):
        open_context(data_folder=str(tmp_path / "d"))
    assert _sha(path) == before


def test_case_events_refuse_update_and_delete(tmp_path):
    ctx = open_context(data_folder=str(tmp_path / "d"))
    now = clock.now().replace(tzinfo=None).isoformat(" ")
    common = "uid, created_at, updated_at"
    try:
        with ctx.db.engine.begin() as conn:
            conn.execute(
                text(
                    f"INSERT INTO merchants (id, name, shop_id, category, contact, key_merchant,"
                    f" status, status_reason, {common}) VALUES (1, 'M', 'S1', '', '', 0, 'active',"
                    f" '', 'm1', :t, :t)"
                ),
                {"t": now},
            )
            conn.execute(
                text(
                    f"INSERT INTO rectification_cases (id, case_number, year, sequence, merchant_id,"
                    f" status, summary, response_text, root_cause, corrective_action,"
                    f" preventive_action, verification_note, status_reason, {common}) VALUES"
                    f" (1, 'RC-2026-0001', 2026, 1, 1, 'open', '', '', '', '', '', '', '', 'c1', :t,"
                    f" :t)"
                ),
                {"t": now},
            )
            conn.execute(
                text(
                    f"INSERT INTO case_events (id, case_id, at, kind, to_status, note, {common})"
                    f" VALUES (1, 1, :t, 'opened', 'open', '', 'e1', :t, :t)"
                ),
                {"t": now},
            )
        for sql in (
            "UPDATE case_events SET note = 'rewritten' WHERE id = 1",
            "DELETE FROM case_events WHERE id = 1",
        ):
            with (
                pytest.raises(exc.IntegrityError, match="append-only"),
                ctx.db.engine.begin() as conn,
            ):
                conn.execute(text(sql))
        with ctx.db.engine.connect() as conn:
            assert conn.execute(text("SELECT note FROM case_events")).scalar_one() == ""
    finally:
        ctx.db.dispose()


def test_pragmas_on_every_connection(tmp_path):
    db = Database(f"sqlite:///{tmp_path / 'p.sqlite3'}")
    try:
        with db.engine.connect() as a, db.engine.connect() as b:  # two pooled connections
            for conn in (a, b):
                assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
                assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
                assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
                assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == BUSY_TIMEOUT_MS
        with db.write() as s:  # a write session begins IMMEDIATE: it holds the write lock
            s.execute(text("CREATE TABLE t (x)"))
            other = sqlite3.connect(tmp_path / "p.sqlite3", timeout=0)
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
            other.close()
    finally:
        db.dispose()
