"""The findings table and the photo import on a PostgreSQL team server, at 1,000,000 findings.

Run when a PostgreSQL URL is set (tests/perf/pgdb.py); otherwise each row says so and is
not measured. The findings rows time the service calls the findings screen makes for a
page (`browse.fetch_findings`, 200 rows, as the table's source asks for them) through
SQLAlchemy and psycopg; the baseline replays the statements that call sent, with their
parameters, on a plain psycopg connection (the painting on top is the same as on SQLite,
see the SQLite rows). The photo import times `services.photos.add_photos` (what the import
task runs) into the server beside a plain psycopg INSERT of the same bytes plus SHA-256.
"""

from __future__ import annotations

import hashlib
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, event

from tests.perf import pgdb
from tests.perf.bigdb import scratch
from tests.perf.gui_findings import SEARCHES
from tests.perf.harness import (
    Result,
    diagnose,
    is_quick,
    median,
    ms,
    profile_path,
    profiled,
    runs,
)

#: Rows per page, as the findings table asks for them (ui/models/columns.PAGE_SIZE).
PAGE = 200
#: Photos per import run on the server (12 MP JPEGs).
PHOTOS = 60


@contextmanager
def _capture(engine: Engine) -> Iterator[list[tuple[str, object]]]:
    """Every SELECT sent through `engine` in the block, with its parameters as sent."""
    seen: list[tuple[str, object]] = []

    def before(_conn, _cursor, statement, parameters, _context, executemany) -> None:
        if not executemany and statement.lstrip().upper().startswith(("SELECT", "WITH")):
            seen.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", before)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", before)


def _replay(conn, statements) -> float:
    """Seconds to run the statements and fetch every row in one transaction, raw psycopg."""
    start = time.perf_counter()
    with conn.transaction(force_rollback=True):
        for sql, params in statements:
            conn.execute(sql, params or None).fetchall()
    return time.perf_counter() - start


class PgBench:
    def __init__(self, folder: Path, sz) -> None:
        import psycopg

        from inspector_app.db.engine import Database
        from inspector_app.paths import data_dir
        from inspector_app.services.context import SYSTEM, Context

        self.url = pgdb.ensure(folder, sz, log=lambda m: None)
        self.db = Database(self.url)
        self.ctx = Context(db=self.db, paths=data_dir(scratch("pg-data")).ensure()).as_actor(SYSTEM)
        # The same session settings as the application's connections (db/engine.py).
        self.raw = psycopg.connect(pgdb._libpq(self.url), options="-c jit=off")

    def plain(self, flt, key: str, desc: bool) -> list[tuple[str, object]]:
        """The page as one plain statement: every row of the filter ORDER BY the column and
        id, LIMIT PAGE (what the page's rows must equal; tests/team/test_sorted_search_pg.py),
        compiled for psycopg."""
        from inspector_app.db.models import Finding
        from inspector_app.services.browse.common import order, page
        from inspector_app.services.browse.findings import SORTS, _base

        q = page(order(_base(flt, "postgresql"), SORTS, key, desc, Finding.id, "created_at"),
                 0, PAGE)
        compiled = q.compile(dialect=self.db.engine.dialect,
                             compile_kwargs={"render_postcompile": True})
        return [(str(compiled), compiled.params)]

    def page(self, flt, key: str, desc: bool, n: int, *, plain: bool = False,
             ) -> tuple[list[float], list[float], int]:
        """n timed runs (after one warm-up) of the page, and of its statements replayed raw
        (with `plain`: of the plain statement instead, see `plain`)."""
        from inspector_app.services import browse

        ours: list[float] = []
        base: list[float] = []
        rows = 0
        baseline = self.plain(flt, key, desc) if plain else None
        for i in range(n + 1):
            with _capture(self.db.engine) as sql:
                start = time.perf_counter()
                rows = len(browse.fetch_findings(self.ctx, flt, sort=key, desc=desc, limit=PAGE))
                took = time.perf_counter() - start
            raw = _replay(self.raw, baseline or sql)
            if i:
                ours.append(took)
                base.append(raw)
        return ours, base, rows

    def close(self) -> None:
        self.raw.close()
        self.db.dispose()


def _not_measured(item: str, title: str) -> Result:
    return Result(item, title, notes=[pgdb.why_not()])


def _row(item, title, ours, base, goal_s, goal, notes, samples) -> Result:
    o, b = median(ours), median(base)
    return Result(item, title, ms(o), ms(b), f"{o / b:.1f}x" if b else "–", goal,
                  o < goal_s, notes, samples)


def first_page(folder: Path | None, sz) -> Result:
    title = "PostgreSQL: findings first page"
    if pgdb.server_url() is None or folder is None:
        return _not_measured("pg_findings_first_page", title)
    from inspector_app.services import browse

    b = PgBench(folder, sz)
    try:
        ours, base, rows = b.page(browse.FindingFilter(), "created_at", True, runs())
        return _row("pg_findings_first_page", title, ours, base, 0.100, "< 100 ms", [
            f"{rows} rows, newest first: browse.fetch_findings through SQLAlchemy/psycopg",
            "baseline: the statements it sent, replayed with plain psycopg (JIT off, as the "
            "application's connections have it)",
        ], {"ours": ours, "baseline": base})
    finally:
        b.close()


def search(folder: Path | None, sz) -> Result:
    title = "PostgreSQL: full-text search in findings (pg_trgm)"
    if pgdb.server_url() is None or folder is None:
        return _not_measured("pg_findings_search", title)
    from inspector_app.services import browse

    b = PgBench(folder, sz)
    try:
        per: dict[str, tuple[list[float], list[float]]] = {}
        for text in (*SEARCHES, "开胶"):
            ours, base, _ = b.page(browse.FindingFilter(text=text), "created_at", True, runs())
            per[text] = (ours, base)
        worst = max(SEARCHES, key=lambda t: median(per[t][0]))
        notes = [
            "the first page of each search, newest first (ours / raw): " + ", ".join(
                f"'{t}' {ms(median(o))} / {ms(median(bl))}" for t, (o, bl) in per.items()),
            "'开胶' has two characters (no trigram: a scan, no goal); the row shows the "
            f"slowest of the others, '{worst}'",
        ]
        return _row("pg_findings_search", title, per[worst][0], per[worst][1], 0.100,
                    "< 100 ms", notes, {k: v[0] for k, v in per.items()})
    finally:
        b.close()


def sort(folder: Path | None, sz) -> Result:
    title = "PostgreSQL: sort the findings, with and without a search"
    if pgdb.server_url() is None or folder is None:
        return _not_measured("pg_findings_sort", title)
    from inspector_app.services import browse
    from inspector_app.services.browse.findings import SORTS

    b = PgBench(folder, sz)
    try:
        keys = [k for k in SORTS if k != "id"]
        texts = ("", *SEARCHES) if not is_quick() else ("", SEARCHES[0])
        res: dict[str, tuple[list[float], list[float]]] = {}
        for text in texts:
            for key in keys:
                for desc in (False, True):
                    ours, base, _ = b.page(browse.FindingFilter(text=text), key, desc,
                                           max(1, runs() // 2), plain=True)
                    res[f"'{text}' {key} {'desc' if desc else 'asc'}"] = (ours, base)
        worst = max(res, key=lambda k: median(res[k][0]))
        per_text = []
        for text in texts:
            mine = {k: v for k, v in res.items() if k.startswith(f"'{text}' ")}
            slow = max(mine, key=lambda k: median(mine[k][0]))
            per_text.append(f"{'no search' if not text else repr(text)}: slowest "
                            f"{slow.split(' ', 1)[1]} {ms(median(mine[slow][0]))} (raw "
                            f"{ms(median(mine[slow][1]))})")
        notes = [
            f"the first page of each sort key in both directions, without a search and with "
            f"each search ({len(res)} pages, medians of {max(1, runs() // 2)} after a "
            f"warm-up); the row shows the slowest: {worst}",
            *per_text,
            "baseline: the plain statement (all columns of the filter's rows ORDER BY the "
            "column, id LIMIT 200) with plain psycopg, JIT off; the page's rows equal its "
            "rows (tests/team/test_sorted_search_pg.py)",
        ]
        return _row("pg_findings_sort", title, res[worst][0], res[worst][1], 0.200,
                    "< 200 ms", notes, {k: v[0] for k, v in res.items()})
    finally:
        b.close()


def _raw_import(conn, files: list[Path]) -> float:
    """SHA-256 and a plain INSERT of each file's bytes, a transaction each; then removed."""
    start = time.perf_counter()
    shas = []
    for path in files:
        data = path.read_bytes()
        sha = hashlib.sha256(data).hexdigest()
        with conn.transaction():
            conn.execute("INSERT INTO photo_blobs (sha256, byte_size, data, created_at) "
                         "VALUES (%s, %s, %s, now())",
                         (sha, len(data), data))
        shas.append(sha)
    took = time.perf_counter() - start
    with conn.transaction():
        conn.execute("DELETE FROM photo_blobs WHERE sha256 = ANY(%s)", (shas,))
    return took


def _our_import(b: PgBench, files: list[Path], purchase_id: int) -> float:
    from inspector_app.services import photos as photo_service

    store = b.ctx.paths.photos
    shutil.rmtree(store, ignore_errors=True)  # an empty local cache, as on a new machine
    store.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    results = list(photo_service.add_photos(b.ctx, files, purchase_id=purchase_id))
    took = time.perf_counter() - start
    assert all(r.status == photo_service.STORED for r in results), results[:3]
    ids = [r.photo_id for r in results]
    with b.raw.transaction():  # leave the benchmark database as it was
        b.raw.execute("DELETE FROM photos WHERE id = ANY(%s)", (ids,))
        b.raw.execute("DELETE FROM photo_blobs WHERE sha256 = ANY(%s)",
                      ([r.sha256 for r in results],))
    return took


def photo_import(folder: Path | None, sz) -> Result:
    title = "PostgreSQL: importing photos of 12 megapixels to the server"
    if pgdb.server_url() is None or folder is None:
        return _not_measured("pg_photo_import", title)
    from inspector_app.services import browse
    from tests.perf.photo_set import photo_files

    files = photo_files(min(PHOTOS, sz.import_photos))
    b = PgBench(folder, sz)
    try:
        purchase = browse.fetch_purchases(b.ctx, browse.PurchaseFilter(), limit=1)[0].id
        _our_import(b, files[:3], purchase)  # warm-up
        _raw_import(b.raw, files[:3])
        ours: list[float] = []
        base: list[float] = []
        for _ in range(runs()):
            ours.append(_our_import(b, files, purchase))
            base.append(_raw_import(b.raw, files))
        o, bl = median(ours), median(base)
        n = len(files)
        r = o / bl
        notes = [
            f"{n} JPEGs of 4000x3000 (~4.6 MB) per run into an existing purchase, the local "
            "photo cache emptied before each run; rows and bytes removed after it",
            f"per photo: ours {ms(o / n)}, raw {ms(bl / n)}",
            "ours: services.photos.add_photos (a JPEG's structure checked, not decoded, on a "
            "team server; no thumbnail until a screen shows it; SHA-256, the machine's "
            "cached copy, the row and its bytes in one transaction); raw: "
            "read, SHA-256, INSERT INTO photo_blobs and COMMIT per photo with psycopg",
        ]
        if diagnose(r <= 1.5):
            from inspector_app.services import photos as photo_service

            with profiled("pg_photo_import"):
                list(photo_service.add_photos(b.ctx, files[:10], purchase_id=purchase))
            shas = [hashlib.sha256(p.read_bytes()).hexdigest() for p in files[:10]]
            with b.raw.transaction():
                b.raw.execute("DELETE FROM photos WHERE purchase_id = %s AND sha256 = ANY(%s)",
                              (purchase, shas))
                b.raw.execute("DELETE FROM photo_blobs WHERE sha256 = ANY(%s)", (shas,))
            notes.append(f"profile (10 photos, on this thread): {profile_path('pg_photo_import')}")
        return Result("pg_photo_import", title, f"{o:.2f} s", f"{bl:.2f} s", f"{r:.2f}x",
                      "<= 1.5x", r <= 1.5, notes, {"ours": ours, "baseline": base})
    finally:
        b.close()
