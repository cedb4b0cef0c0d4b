"""Realistic, reproducible demo data, written with bulk inserts; long work yields its progress."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass

from sqlalchemy import Connection, func, select

from inspector_app.db.models import (
    Brand,
    CaseEvent,
    CaseFinding,
    Finding,
    Merchant,
    MerchantStatusChange,
    Photo,
    Product,
    Purchase,
    RectificationCase,
    User,
    WorkOrder,
)
from inspector_app.domain.enums import Role
from inspector_app.domain.errors import ConflictError, ValidationError
from inspector_app.domain.messages import t
from inspector_app.services.context import Context
from inspector_app.services.demo.common import Clock, Randomness, Scale

logger = logging.getLogger(__name__)

#: Every table the demo writes, with explicit ids.
_WRITTEN = (
    User,
    Merchant,
    MerchantStatusChange,
    Brand,
    Product,
    Purchase,
    Finding,
    RectificationCase,
    CaseFinding,
    CaseEvent,
    Photo,
)
#: Largest demo the command line accepts.
MAX_PURCHASES = 1_000_000
#: Purchases (with their findings) generated and written per step.
PURCHASES_PER_BATCH = 20_000


@dataclass(frozen=True)
class DemoProgress:
    """How far the demo is: `done` of `total` rows, and what it is doing."""

    done: int
    total: int
    label: str


@dataclass(frozen=True)
class DemoSummary:
    seed: int
    users: int
    merchants: int
    products: int
    purchases: int
    findings: int
    cases: int
    case_events: int
    overdue_cases: int
    photos: int
    photo_files: int
    seconds: float
    work_orders: int = 0


def load_demo(
    ctx: Context,
    *,
    seed: int = 1,
    purchases: int = 1000,
    findings: int | None = None,
    photos: int | None = None,
    progress: Callable[[DemoProgress], None] | None = None,
) -> DemoSummary:
    """Fill an empty database with demo data; `progress` is called as the work advances."""
    steps = iter_demo(ctx, seed=seed, purchases=purchases, findings=findings, photos=photos)
    while True:
        try:
            step = next(steps)
        except StopIteration as done:
            return done.value
        if progress is not None:
            progress(step)


def iter_demo(
    ctx: Context,
    *,
    seed: int = 1,
    purchases: int = 1000,
    findings: int | None = None,
    photos: int | None = None,
) -> Generator[DemoProgress, None, DemoSummary]:
    """The demo as a generator of progress (for a worker thread); returns the summary.

    Findings default to 0.4 per purchase up to 1,000 purchases, rising to 10 per purchase at
    100,000 (the benchmark size); photos to 30% of purchases, at most 20,000 rows sharing at
    most 300 generated images. The same seed gives the same data (relative to today).

    All rows are written in one transaction: stopping the generator (cancel) or an error
    leaves the database as it was; photo files stored by then are unreferenced, which
    `inspector check --repair` removes.
    """
    from inspector_app.db.search import findings_search_paused
    from inspector_app.services.demo.writer import advance_sequences, finish, write_transaction

    ctx.require(Role.ADMIN, action="load demo data")
    if not 1 <= purchases <= MAX_PURCHASES:
        raise ValidationError(t("Purchases must be 1..{most:,}", most=MAX_PURCHASES), field="purchases")
    if (findings is not None and findings < 0) or (photos is not None and photos < 0):
        raise ValidationError(t("Findings and photos cannot be negative"))
    run = _DemoRun(ctx, seed, Scale.for_purchases(purchases, findings, photos))
    with write_transaction(ctx) as conn:
        yield from run.reference_data(conn)
        with findings_search_paused(conn, run.first_finding):
            yield from run.purchases_and_findings(conn)
            yield run.progress("indexing findings for search")
        yield from run.cases_and_photos(conn)
        yield from run.work_orders(conn)
        advance_sequences(conn, (m.__table__ for m in _WRITTEN))
    yield run.progress("updating statistics")
    finish(ctx)
    summary = run.summary()
    yield DemoProgress(run.total, run.total, "done")
    logger.info("demo loaded: %s", summary)
    return summary


class _DemoRun:
    """The state of one demo load, stage by stage (each stage a generator of progress)."""

    def __init__(self, ctx: Context, seed: int, scale: Scale) -> None:
        self.ctx, self.seed, self.scale = ctx, seed, scale
        self.rand, self.clock = Randomness(seed), Clock.current()
        self.started = time.perf_counter()
        self.done = 0
        self.total = (
            scale.merchants * 2
            + scale.products
            + scale.purchases
            + scale.findings
            + scale.photos
            + self._case_rows_guess()
        )
        self.first_finding = self.next_finding = 0
        self.cases: list = []
        self.events = 0
        self.photo_rows: list[dict] = []
        self.photo_files = 0
        self.work_order_count = 0

    def _case_rows_guess(self) -> int:
        return self.scale.purchases // 10 * 8  # cases, their findings and events

    def progress(self, label: str) -> DemoProgress:
        return DemoProgress(min(self.done, self.total), self.total, label)

    def _insert(self, conn: Connection, model: type, rows: Iterable[dict]) -> Iterator[int]:
        from inspector_app.services.demo.writer import insert_rows

        for n in insert_rows(conn, model.__table__, rows):  # type: ignore[attr-defined]
            self.done += n
            yield n

    def reference_data(self, conn: Connection) -> Iterator[DemoProgress]:
        from inspector_app.services.demo.people import make_catalog, make_merchants, make_users
        from inspector_app.services.demo.writer import next_id

        _refuse_if_not_empty(conn)
        rand, scale, clock = self.rand, self.scale, self.clock
        taken = set(conn.scalars(select(User.display_name)))
        self.users, user_rows = make_users(rand, scale, clock, next_id(conn, User.__table__), taken)
        admin = next((u.id for u in self.users if u.role == Role.ADMIN), None)
        self.merchants, merchant_rows, history = make_merchants(
            rand, scale, clock, next_id(conn, Merchant.__table__), admin
        )
        self.products, brand_rows, product_rows = make_catalog(
            rand,
            scale,
            clock,
            self.merchants,
            next_id(conn, Brand.__table__),
            next_id(conn, Product.__table__),
            admin,
        )
        for model, rows in (
            (User, user_rows),
            (Merchant, merchant_rows),
            (MerchantStatusChange, history),
            (Brand, brand_rows),
            (Product, product_rows),
        ):
            for _ in self._insert(conn, model, rows):
                pass
        self.first_purchase = next_id(conn, Purchase.__table__)
        self.first_finding = self.next_finding = next_id(conn, Finding.__table__)
        yield self.progress("users, merchants and products")

    def purchases_and_findings(self, conn: Connection) -> Iterator[DemoProgress]:
        from inspector_app.services.demo.purchases import (
            Buyers,
            FindingWriter,
            plan_purchases,
            purchase_row,
        )

        rand, clock = self.rand, self.clock
        inspectors = [u for u in self.users if u.role == Role.INSPECTOR]
        self.plan = plan_purchases(
            rand, self.scale, clock, self.merchants, self.products, inspectors, self.first_purchase
        )
        buyers, writer = Buyers(rand, inspectors), FindingWriter(rand, clock)

        def finding_rows(batch: list) -> Iterator[dict]:
            for p in batch:
                if p.findings:
                    yield from writer.rows(p, self.next_finding)
                    self.next_finding += p.findings

        plan = self.plan
        for start in range(0, len(plan), PURCHASES_PER_BATCH):
            batch = plan[start : start + PURCHASES_PER_BATCH]
            for _ in self._insert(
                conn, Purchase, (purchase_row(rand, buyers, p, clock) for p in batch)
            ):
                pass
            yield self.progress(f"purchases {start + len(batch):,}/{len(plan):,}")
            for _ in self._insert(conn, Finding, finding_rows(batch)):
                yield self.progress(f"findings {self.next_finding - self.first_finding:,}")

    def cases_and_photos(self, conn: Connection) -> Iterator[DemoProgress]:
        from inspector_app.services.demo.cases import CaseHistory
        from inspector_app.services.demo.photos import attach_images, image_pool, photo_rows
        from inspector_app.services.demo.writer import next_id

        history = CaseHistory(self.rand, self.clock, self.users, self.plan)
        self.cases = history.plan(self.plan, next_id(conn, RectificationCase.__table__))
        links = history.link_rows(self.cases)
        events = [e for c in self.cases for e in c.events]
        self.events = len(events)
        self.total += len(self.cases) + len(links) + len(events) - self._case_rows_guess()
        for model, rows in (
            (RectificationCase, [c.row for c in self.cases]),
            (CaseFinding, links),
            (CaseEvent, events),
        ):
            for _ in self._insert(conn, model, rows):
                pass
        yield self.progress(f"{len(self.cases):,} rectification cases")

        # Files first, made durable by the photo store; their rows commit with everything else.
        rows, needed = photo_rows(
            self.rand, self.clock, self.scale.photos, self.scale.images, self.plan, self.cases
        )
        yield self.progress(f"drawing {sum(needed.values())} photos")
        images = image_pool(self.rand, needed, lambda data: self.ctx.photos.put(data).sha256)
        self.photo_files = len({img.sha256 for img in images.values()})
        self.photo_rows = attach_images(rows, images)
        self.total += len(rows) - self.scale.photos
        for _ in self._insert(conn, Photo, self.photo_rows):
            pass
        if conn.dialect.name != "sqlite":  # a team server holds the bytes (photo_server)
            from inspector_app.services.photo_server import put_blob

            for sha in sorted({img.sha256 for img in images.values()}):
                put_blob(conn, sha, self.ctx.photos.read(sha))
        yield self.progress(f"{len(rows):,} photos")

    def work_orders(self, conn: Connection) -> Iterator[DemoProgress]:
        from inspector_app.services.demo.work_orders import work_order_rows

        rows = list(work_order_rows(self.rand, self.clock, self.merchants))
        self.total += len(rows)
        self.work_order_count = len(rows)
        for _ in self._insert(conn, WorkOrder, rows):
            pass
        yield self.progress(f"{len(rows):,} complaints and after-sales work orders")

    def summary(self) -> DemoSummary:
        from inspector_app.services.demo.cases import overdue

        return DemoSummary(
            seed=self.seed,
            users=len(self.users),
            merchants=len(self.merchants),
            products=len(self.products),
            purchases=len(self.plan),
            findings=self.next_finding - self.first_finding,
            cases=len(self.cases),
            case_events=self.events,
            overdue_cases=overdue(self.cases, self.clock.today),
            photos=len(self.photo_rows),
            photo_files=self.photo_files,
            seconds=time.perf_counter() - self.started,
            work_orders=self.work_order_count,
        )


def _refuse_if_not_empty(conn: Connection) -> None:
    merchants = conn.scalar(select(func.count()).select_from(Merchant.__table__)) or 0
    purchases = conn.scalar(select(func.count()).select_from(Purchase.__table__)) or 0
    if merchants or purchases:
        raise ConflictError(
            f"The database already holds data ({merchants:,} merchants, {purchases:,} purchases); "
            "the demo only fills an empty database. Use --data-dir for a separate one."
        )
