"""Syncing a laptop with a team server (docs/sync.md), on a PostgreSQL database of its own.

Ours: the first `sync` of offline work (10,000 purchases, 40,000 findings, 2,000 photos at
full size) from a joined laptop, in this process; then an incremental sync after 100 edited
findings. Baseline: PostgreSQL `COPY ... FROM STDIN` of the same rows and photo bytes into
the tables they went to, as the owner (the same indexes, constraints and triggers; one
transaction, rolled back); beside it, in the notes, `COPY` into bare tables LIKE the real
ones and the server's own work as the login. Then a second laptop's sync of
the same amount is killed with SIGKILL at 20 random points and resumed: one copy of every
record and photo, hashes checked by PostgreSQL, the second sync transfers nothing.
Needs INSPECTOR_TEST_PG_URL (a role with CREATEDB and CREATEROLE, as .ci/run sets).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import time
import uuid

from tests.perf.bigdb import scratch
from tests.perf.harness import Result, is_quick, secs

TITLE = "first sync of 10,000 purchases, 40,000 findings, 2,000 photos (and incremental)"
#: (purchases, findings per purchase, photos, kills) per size.
FULL, QUICK = (10_000, 4, 2_000, 20), (60, 4, 6, 2)
#: Goals of the sync issue.
FIRST_GOAL, INCREMENTAL_GOAL = 3.0, 2.0


def _team(tmp):
    """A new team database: owner, quality manager and two inspectors; (server, cleanup)."""
    from tests.team import conftest as team_conftest

    problem = team_conftest._server_problem()
    if problem:
        raise RuntimeError(problem)
    gen = team_conftest.empty_database.__wrapped__()
    name, owner_url = next(gen)

    class _Factory:
        def mktemp(self, what):
            path = tmp / what
            path.mkdir(parents=True, exist_ok=True)
            return path

    server_gen = team_conftest.team_server.__wrapped__((name, owner_url), _Factory())
    server = next(server_gen)

    def cleanup():
        for g in (server_gen, gen):
            with contextlib.suppress(StopIteration):
                next(g)

    return server, cleanup


def _synced(prefix: str) -> dict[str, str]:
    """Table -> the WHERE clause of the rows a sync of `prefix` sent (parents first)."""
    purchases = f"SELECT id FROM purchases WHERE order_number LIKE '{prefix}-%'"
    return {
        "photo_blobs": f"sha256 IN (SELECT sha256 FROM photos WHERE purchase_id IN "
                       f"({purchases}))",
        "purchases": f"id IN ({purchases})",
        "findings": f"purchase_id IN ({purchases})",
        "photos": f"purchase_id IN ({purchases})",
    }


def _copied_out(conn, where: dict[str, str]) -> dict[str, bytes]:
    """Those rows of each table in COPY's binary format."""
    data: dict[str, bytes] = {}
    for name, clause in where.items():
        buf = io.BytesIO()
        with conn.cursor().copy(f"COPY (SELECT * FROM {name} WHERE {clause}) TO STDOUT "
                                "(FORMAT binary)") as copy:
            for chunk in copy:
                buf.write(chunk)
        data[name] = buf.getvalue()
    return data


def _copy_baseline(server, prefix: str) -> tuple[float, int]:
    """Seconds to COPY the rows and photo bytes the sync sent into bare tables LIKE the
    real ones; and those bytes."""
    import psycopg

    from tests.team.conftest import _admin_conninfo

    with psycopg.connect(_admin_conninfo(server.name)) as conn:
        data = _copied_out(conn, _synced(prefix))
        started = time.perf_counter()
        with conn.transaction():
            for name, payload in data.items():
                conn.execute(f"CREATE TEMP TABLE copy_{name} (LIKE {name})")
                with conn.cursor().copy(f"COPY copy_{name} FROM STDIN (FORMAT binary)") as c:
                    c.write(payload)
        elapsed = time.perf_counter() - started
    return elapsed, sum(len(v) for v in data.values())


def _copy_into_tables(server, prefix: str) -> float:
    """Seconds to COPY the same rows and photo bytes into the tables they went to, as the
    owner (the fastest load PostgreSQL has there): the synced rows are deleted first and
    copied back in the same transaction, through the same indexes, constraints and
    triggers; rolled back."""
    import psycopg

    from tests.team.conftest import _admin_conninfo

    where = _synced(prefix)
    with psycopg.connect(_admin_conninfo(server.name)) as conn:
        data = _copied_out(conn, where)
        for name, clause in where.items():
            conn.execute(f"CREATE TEMP TABLE gone_{name} AS SELECT * FROM {name} "
                         f"WHERE {clause}")
        for name in reversed(where):  # children first
            key = "sha256" if name == "photo_blobs" else "id"
            conn.execute(f"DELETE FROM {name} WHERE {key} IN (SELECT {key} FROM gone_{name})")
        started = time.perf_counter()
        for name, payload in data.items():
            with conn.cursor().copy(f"COPY {name} FROM STDIN (FORMAT binary)") as c:
                c.write(payload)
        elapsed = time.perf_counter() - started
        conn.rollback()
    return elapsed


def _server_floor(server, prefix: str, login: str) -> float:
    """Seconds the server itself takes to write the same rows as the login, whatever the
    client: INSERT ... SELECT from typed copies already on the server (new uids and order
    numbers), under the login's grants, row-level security, triggers, foreign keys and
    indexes; rolled back. (COPY into a table with row-level security is refused to a
    login subject to it, so no client can go below this.)"""
    import psycopg
    from sqlalchemy.engine import make_url

    from inspector_app.services.sync.tables import table, wire_columns

    url = make_url(server.url(login))
    info = psycopg.conninfo.make_conninfo(host=url.host or "localhost", port=url.port or 5432,
                                          user=url.username, password=url.password,
                                          dbname=url.database)

    def cols(name: str, swap: dict[str, str]) -> tuple[str, str]:
        names = [c.name for c in wire_columns(table(name)) if c.name != "version"]
        return (", ".join(names), ", ".join(swap.get(n, f"s.{n}") for n in names))

    new_uid = "gen_random_uuid()::text"
    with psycopg.connect(info) as conn:
        conn.execute(f"CREATE TEMP TABLE sp AS SELECT * FROM purchases "
                     f"WHERE order_number LIKE '{prefix}-%'")
        conn.execute("CREATE TEMP TABLE sf AS SELECT f.* FROM findings f JOIN sp "
                     "ON f.purchase_id = sp.id")
        conn.execute("CREATE TEMP TABLE sh AS SELECT h.* FROM photos h JOIN sp "
                     "ON h.purchase_id = sp.id")
        started = time.perf_counter()
        names, values = cols("purchases", {"uid": new_uid,
                                           "order_number": "s.order_number || '-F'"})
        conn.execute(f"INSERT INTO purchases ({names}) SELECT {values} FROM sp s")
        conn.execute("CREATE TEMP TABLE pm AS SELECT sp.id AS old, p.id AS new FROM sp "
                     "JOIN purchases p ON p.order_number = sp.order_number || '-F'")
        for name, stage in (("findings", "sf"), ("photos", "sh")):
            names, values = cols(name, {"uid": new_uid, "purchase_id": "pm.new"})
            conn.execute(f"INSERT INTO {name} ({names}) SELECT {values} FROM {stage} s "
                         "JOIN pm ON pm.old = s.purchase_id")
        elapsed = time.perf_counter() - started
        conn.rollback()
    return elapsed


def sync(_folder, _sz) -> Result:
    from tests.perf import pgdb

    if pgdb.server_url() is None:
        return Result("sync", TITLE, ok=None, notes=[pgdb.why_not()])
    # The team fixtures read this when first imported (below).
    os.environ.setdefault("INSPECTOR_TEST_PG_URL", pgdb.server_url() or "")
    from inspector_app.db.models import Finding
    from inspector_app.domain.enums import Role
    from inspector_app.services import merchants
    from inspector_app.services.sync.binding import pending_count
    from tests.sync.conftest import cli, join
    from tests.sync.conftest import sync as sync_laptop
    from tests.sync.dataset import offline_work
    from tests.sync.test_kill_resume import check_one_copy, kill_and_resume

    purchases, each, photos, kills = QUICK if is_quick() else FULL
    tmp = scratch(f"sync-{uuid.uuid4().hex[:6]}")
    try:
        server, cleanup = _team(tmp)
    except RuntimeError as exc:
        return Result("sync", TITLE, ok=None, notes=[f"not measured: {exc}"])
    notes = [f"{purchases:,} purchases, {purchases * each:,} findings, {photos:,} photos of "
             "40 KB, made offline on a laptop copy (SQLite) and pushed as the inspector's login"]
    try:
        qm = server.context(server.login_url(Role.QUALITY_MANAGER), tmp / "qm")
        merchants.create_merchant(qm, "BENCH-A", "基准商店甲")
        merchants.create_merchant(qm, "BENCH-B", "基准商店乙")
        a = join(server, server.logins[Role.INSPECTOR], tmp / "a")
        shas_a = offline_work(a, "BENCH-A", purchases=purchases, findings_each=each,
                              photos=photos, prefix="BA", seed=1)
        started = time.perf_counter()
        first = sync_laptop(a)
        first_s = time.perf_counter() - started
        assert first.refused == [] and first.pending == 0, first.refused[:3]
        copy_s, copy_bytes = _copy_baseline(server, "BA")
        into_s = min(_copy_into_tables(server, "BA") for _ in range(3))
        floor_s = _server_floor(server, "BA", server.logins[Role.INSPECTOR])
        notes.append(f"first sync: {first.pushed:,} records pushed, "
                     f"{first.photos_sent_bytes / 1048576:.0f} MB of photos, "
                     f"{secs(first_s)}; COPY of the same rows and bytes "
                     f"({copy_bytes / 1048576:.0f} MB binary) into the tables they went to, "
                     f"as the owner (indexes, constraints, triggers; best of 3) "
                     f"{secs(into_s)}: {first_s / into_s:.1f}x")
        notes.append(f"COPY of the same rows and bytes into bare tables (LIKE: no index, "
                     f"trigger, foreign key or row-level security) {secs(copy_s)}: the sync "
                     f"is {first_s / copy_s:.1f}x that; no client can come near it, since "
                     f"the server's own work for the same rows as the login (INSERT ... "
                     f"SELECT from copies on the server: grants, row-level security, "
                     f"triggers, foreign keys, indexes) is {secs(floor_s)}, "
                     f"{floor_s / copy_s:.1f}x it (docs/performance.md, Sync)")
        with a.db.write() as s:  # 100 findings edited (the outbox triggers track them)
            for f in s.query(Finding).order_by(Finding.id).limit(100):
                f.description = f.description + " 已复核"
        started = time.perf_counter()
        incremental = sync_laptop(a)
        incremental_s = time.perf_counter() - started
        assert incremental.pushed == 100, incremental.as_dict()
        notes.append(f"incremental sync after 100 edited findings: {secs(incremental_s)} "
                     f"(goal < {INCREMENTAL_GOAL:.0f} s)")
        # The kill -9 run on a second laptop, same amount of work.
        b = join(server, server.second_inspector, tmp / "b")
        shas_b = offline_work(b, "BENCH-B", purchases=purchases, findings_each=each,
                              photos=photos, prefix="BB", seed=2)
        seen = kill_and_resume(tmp / "b", kills, seed=5, total=pending_count(b),
                               progress=lambda: server.sql(
                                   Role.QUALITY_MANAGER, "SELECT count(*) FROM sync_receipts"
                               )[0][0])
        final = cli("sync", "--json", data_dir=tmp / "b", timeout=3600)
        assert final.returncode == 0, final.stderr
        check_one_copy(qm, b, shas_b, "BB")
        again = json.loads(cli("sync", "--json", data_dir=tmp / "b").stdout)
        assert (again["pushed"], again["pulled"], again["photos_sent_bytes"]) == (0, 0, 0)
        notes.append(f"kill -9 at {kills} random points ({sum(1 for n in seen if n > 0)} "
                     "mid-push), resumed: one copy of every record and photo, hashes match, "
                     "the second sync transferred nothing")
        check_one_copy(qm, a, shas_a, "BA")
    finally:
        cleanup()
    ratio = first_s / into_s
    ok = ratio <= FIRST_GOAL and incremental_s < INCREMENTAL_GOAL
    return Result("sync", TITLE, secs(first_s), secs(into_s), f"{ratio:.1f}x",
                  f"<= {FIRST_GOAL:.0f}x COPY into the same tables; incremental "
                  f"< {INCREMENTAL_GOAL:.0f} s", ok,
                  notes, {"ours": [first_s], "baseline": [into_s], "copy_bare": [copy_s],
                          "server_floor": [floor_s],
                          "incremental": [incremental_s]})
