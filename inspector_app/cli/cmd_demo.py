"""`inspector demo`: fill an empty database with realistic demo data, showing progress."""

from __future__ import annotations

import argparse
import logging
import time
from typing import TextIO

from inspector_app.cli.invocation import Invocation
from inspector_app.cli.options import add_command, any_int, non_negative_int, positive_int
from inspector_app.domain.messages import t

logger = logging.getLogger(__name__)

#: Seconds between progress lines when stderr is not a terminal.
PROGRESS_EVERY_S = 5.0


def register(subparsers: argparse._SubParsersAction) -> None:
    p = add_command(
        subparsers,
        "demo",
        run_demo,
        help="fill an empty database with realistic demo data",
        description="Fill an empty database with realistic demo data: users in every role, "
        "merchants (some key, some on watch, suspended or eliminated), brands and products, "
        "a year of mystery purchases with findings and photos, and rectification cases in "
        "every status with their history. The same --seed gives the same data (relative to "
        "today). 100,000 purchases (with 1,000,000 findings) take a few minutes.",
    )
    p.add_argument("--seed", type=any_int, default=1, metavar="N", help="random seed (default 1)")
    p.add_argument(
        "--purchases",
        type=positive_int,
        default=1000,
        metavar="N",
        help="how many purchases (default 1000)",
    )
    p.add_argument(
        "--findings",
        type=non_negative_int,
        metavar="N",
        help="how many findings (default: 0.4 per purchase up to 1,000 purchases, "
        "rising to 10 per purchase at 100,000)",
    )
    p.add_argument(
        "--photos",
        type=non_negative_int,
        metavar="N",
        help="how many photo rows (default: 30%% of purchases, at most 20,000; "
        "they share at most 300 generated image files)",
    )


def run_demo(inv: Invocation) -> int:
    from inspector_app.services.demo import iter_demo

    args = inv.args
    ctx = inv.system_context()
    steps = iter_demo(
        ctx, seed=args.seed, purchases=args.purchases, findings=args.findings, photos=args.photos
    )
    show = _ProgressLine(inv.err)
    started = False
    while True:
        try:
            step = next(steps)  # the first step checks the arguments and the database
        except StopIteration as stop:
            summary = stop.value
            break
        if not started:  # said only once the demo really starts: an error stays one line
            inv.note(t("Loading demo data into {database} ...", database=ctx.db.describe()))
            started = True
        show(step.done, step.total, step.label)
    show.finish()
    s = summary
    inv.print(t("Demo data loaded in {seconds} s (seed {seed}):", seconds=f"{s.seconds:.1f}", seed=s.seed))
    inv.print("  " + t(
        "{users} users, {merchants} merchants, {products} products",
        users=f"{s.users:,}", merchants=f"{s.merchants:,}", products=f"{s.products:,}",
    ))
    inv.print("  " + t(
        "{purchases} purchases, {findings} findings",
        purchases=f"{s.purchases:,}", findings=f"{s.findings:,}",
    ))
    inv.print("  " + t(
        "{cases} rectification cases ({overdue} overdue), {events} case events",
        cases=f"{s.cases:,}", overdue=f"{s.overdue_cases:,}", events=f"{s.case_events:,}",
    ))
    inv.print("  " + t(
        "{photos} photos sharing {files} image files",
        photos=f"{s.photos:,}", files=f"{s.photo_files:,}",
    ))
    inv.print("  " + t("{count} complaints and after-sales work orders", count=f"{s.work_orders:,}"))
    return 0


class _ProgressLine:
    """Progress on stderr: one line rewritten in a terminal, a line now and then otherwise."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.tty = hasattr(stream, "isatty") and stream.isatty()
        self.last = 0.0
        self.label = ""

    def __call__(self, done: int, total: int, label: str) -> None:
        pct = 100 * done // total if total else 100
        now = time.monotonic()
        if self.tty:
            self.stream.write(f"\r{pct:3d}%  {label[:60]:<60}")
            self.stream.flush()
        elif label != self.label and (
            now - self.last >= PROGRESS_EVERY_S or not label.startswith(("findings", "purchases"))
        ):
            self.stream.write(f"{pct:3d}%  {label}\n")
            self.last = now
        self.label = label

    def finish(self) -> None:
        if self.tty:
            self.stream.write("\n")
        self.stream.flush()
