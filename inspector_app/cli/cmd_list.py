"""`inspector merchants|purchases|findings|cases`: filtered lists as a table or JSON."""

from __future__ import annotations

import argparse
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from inspector_app.cli.invocation import Invocation
from inspector_app.cli.options import add_command, choice_of, iso_date, non_negative_int
from inspector_app.domain.enums import (
    CaseStatus,
    FindingCategory,
    MerchantStatus,
    PurchaseStatus,
    Severity,
)
from inspector_app.domain.messages import t, tc

logger = logging.getLogger(__name__)

#: Rows listed when --limit is not given (0 lists everything).
DEFAULT_LIMIT = 100
#: Rows fetched per query while listing (the read side's largest page).
PAGE = 5_000
#: Finding "statuses": whether an active rectification case covers the finding.
FINDING_STATUSES = ("in_case", "no_case")


@dataclass(frozen=True)
class Listing:
    """One list command: its filters, how it fetches, and the table's columns."""

    name: str
    help: str
    statuses: tuple[str, ...]
    status_help: str
    dates_help: str
    columns: tuple[tuple[str, str], ...]
    fetch: Callable[[Invocation, argparse.Namespace], Iterator[Any]]


def register(subparsers: argparse._SubParsersAction) -> None:
    for listing in LISTINGS:
        p = add_command(
            subparsers,
            listing.name,
            _runner(listing),
            help=listing.help,
            description=t(
                "List {what}, newest first for dated rows. With --json, print a JSON array of "
                "objects whose keys are the rows' attribute names (UTF-8, ISO 8601 dates); "
                "otherwise an aligned table of the main columns.", what=listing.name,
            ),
        )
        p.add_argument(
            "--merchant", metavar="SHOP_ID", help="only this merchant (platform shop id)"
        )
        p.add_argument(
            "--as", dest="acting_user", metavar="USER",
            help="list what this user may see (default: INSPECTOR_USER; a merchant manager "
            "sees no buyer, address or inspector); on a team server, the login's user",
        )
        p.add_argument(
            "--status",
            type=choice_of(listing.statuses, "status"),
            metavar="STATUS",
            help=t("{what}: {values}", what=t(listing.status_help),
                   values=", ".join(listing.statuses)),
        )
        p.add_argument(
            "--since",
            type=iso_date,
            metavar="DATE",
            help=t("{when} on or after DATE (YYYY-MM-DD)", when=t(listing.dates_help)),
        )
        p.add_argument(
            "--until",
            type=iso_date,
            metavar="DATE",
            help=t("{when} on or before DATE (YYYY-MM-DD)", when=t(listing.dates_help)),
        )
        p.add_argument(
            "--limit",
            type=non_negative_int,
            default=DEFAULT_LIMIT,
            metavar="N",
            help=t("at most N rows (default {limit}; 0 = all)", limit=DEFAULT_LIMIT),
        )
        p.add_argument("--json", action="store_true", help="print a JSON array of objects")
        if listing.name == "cases":
            p.add_argument(
                "--due-soon",
                action="store_true",
                help="only active cases due within the team's warning days (setting "
                "cases.warning_days, default 2): from today, the due day included, to that "
                "many days ahead, soonest first; overdue and finished cases are left out",
            )
        if listing.name == "findings":
            p.add_argument(
                "--severity",
                type=choice_of([s.value for s in Severity], "severity"),
                help="only this severity: critical, major, minor",
            )
            p.add_argument(
                "--category",
                metavar="CATEGORY",
                type=choice_of([c.value for c in FindingCategory], "category"),
                help=t("only this category: {values}",
                       values=", ".join(c.value for c in FindingCategory)),
            )
            p.add_argument(
                "--search",
                metavar="TEXT",
                help="only findings whose title, description or observation contain TEXT",
            )


def _plural(name: str) -> str:
    """A listing's name in the user's language ("merchants")."""
    return {
        "merchants": tc("listing", "merchants"),
        "purchases": tc("listing", "purchases"),
        "findings": tc("listing", "findings"),
        "cases": tc("listing", "cases"),
    }.get(name, name)


def _runner(listing: Listing) -> Callable[[Invocation], int]:
    def run(inv: Invocation) -> int:
        args = inv.args
        if args.since and args.until and args.since > args.until:
            from inspector_app.domain.errors import ValidationError

            raise ValidationError(
                t("--since {since} is after --until {until}", since=args.since, until=args.until)
            )
        limit = args.limit or None
        # One row more than asked tells whether the list was cut.
        args.page_size = min(PAGE, limit + 1) if limit else PAGE
        state = {"more": False}
        inv.emit_rows(
            _take(listing.fetch(inv, args), limit, state), listing.columns, as_json=args.json
        )
        if state["more"]:
            inv.note(t(
                "(first {limit} {listing} shown; --limit N for more, --limit 0 for all)",
                limit=limit, listing=_plural(listing.name),
            ))
        return 0

    return run


def _take(rows: Iterator[Any], limit: int | None, state: dict) -> Iterator[Any]:
    for i, row in enumerate(rows):
        if limit is not None and i >= limit:
            state["more"] = True
            return
        yield row


def _pages(fetch: Callable[..., list], ctx, flt, size: int, **kw) -> Iterator[Any]:
    """Every row of a read-side query, one page at a time."""
    offset = 0
    while True:
        page = fetch(ctx, flt, offset=offset, limit=size, **kw)
        yield from page
        if len(page) < size:
            return
        offset += size


def _within(value: Any, since: date | None, until: date | None) -> bool:
    if since is None and until is None:
        return True
    if value is None:
        return False
    day = value.astimezone().date() if hasattr(value, "astimezone") else value
    return (since is None or day >= since) and (until is None or day <= until)


def _merchants(inv: Invocation, args: argparse.Namespace) -> Iterator[Any]:
    from inspector_app.services.browse import MerchantFilter, fetch_merchants

    # The merchant list is small (one row per shop); the read side filters status and text,
    # the exact shop id and the status-change dates are checked here.
    flt = MerchantFilter(text=args.merchant or "", status=args.status)
    for row in _pages(fetch_merchants, inv.reading_context(), flt, PAGE, sort="name"):
        if args.merchant and row.shop_id != args.merchant:
            continue
        if _within(row.status_changed_at, args.since, args.until):
            yield row


def _purchases(inv: Invocation, args: argparse.Namespace) -> Iterator[Any]:
    from inspector_app.services.browse import PurchaseFilter, fetch_purchases

    flt = PurchaseFilter(
        status=args.status, merchant_shop_id=args.merchant, since=args.since, until=args.until
    )
    yield from _pages(
        fetch_purchases, inv.reading_context(), flt, args.page_size, sort="ordered_at", desc=True
    )


def _findings(inv: Invocation, args: argparse.Namespace) -> Iterator[Any]:
    from inspector_app.services.browse import FindingFilter, fetch_findings

    flt = FindingFilter(
        text=args.search or "",
        category=args.category,
        severity=args.severity,
        merchant_shop_id=args.merchant,
        since=args.since,
        until=args.until,
        without_open_case=args.status == "no_case",
    )
    for row in _pages(
        fetch_findings, inv.reading_context(), flt, args.page_size, sort="created_at", desc=True
    ):
        if args.status == "in_case" and not row.case_number:
            continue
        yield row


def _cases(inv: Invocation, args: argparse.Namespace) -> Iterator[Any]:
    from inspector_app.services.browse import CaseFilter, fetch_cases

    ctx = inv.reading_context()
    flt = CaseFilter(
        status=args.status, merchant_shop_id=args.merchant, since=args.since, until=args.until
    )
    if args.due_soon:
        from inspector_app.services.team_settings import warning_days

        # One reading of the setting for every page, said on stderr so stdout stays data.
        days = warning_days(ctx)
        flt.due_soon_only, flt.warning_days = True, days
        if days:
            inv.note(t("Cases due within {days} days (today included)", days=days))
        else:
            inv.note(t("Due-soon warnings are off (team setting cases.warning_days is 0)"))
        # Soonest first: the order in which they need chasing.
        yield from _pages(fetch_cases, ctx, flt, args.page_size, sort="due_date", desc=False)
        return
    yield from _pages(fetch_cases, ctx, flt, args.page_size, sort="created_at", desc=True)


LISTINGS: tuple[Listing, ...] = (
    Listing(
        "merchants",
        "list merchants (shops) with their status and scorecard",
        tuple(s.value for s in MerchantStatus),
        "only merchants with this status",
        "status changed",
        (
            ("shop_id", "SHOP ID"),
            ("name", "NAME"),
            ("category", "CATEGORY"),
            ("key_merchant", "KEY"),
            ("status", "STATUS"),
            ("purchases", "PURCHASES"),
            ("failed", "FAILED"),
            ("findings", "FINDINGS"),
            ("open_cases", "OPEN CASES"),
            ("overdue_cases", "OVERDUE"),
        ),
        _merchants,
    ),
    Listing(
        "purchases",
        "list mystery purchases",
        tuple(s.value for s in PurchaseStatus),
        "only purchases with this status",
        "ordered",
        (
            ("order_number", "ORDER NUMBER"),
            ("ordered_at", "ORDERED"),
            ("merchant_shop_id", "SHOP ID"),
            ("merchant", "MERCHANT"),
            ("product", "PRODUCT"),
            ("inspector", "INSPECTOR"),
            ("status", "STATUS"),
            ("verdict", "VERDICT"),
            ("finding_count", "FINDINGS"),
        ),
        _purchases,
    ),
    Listing(
        "findings",
        "list findings (defects) across purchases",
        FINDING_STATUSES,
        "in_case: covered by an active rectification case; no_case: not",
        "recorded",
        (
            ("id", "ID"),
            ("created_at", "RECORDED"),
            ("order_number", "ORDER NUMBER"),
            ("merchant_shop_id", "SHOP ID"),
            ("category", "CATEGORY"),
            ("severity", "SEVERITY"),
            ("title", "TITLE"),
            ("case_number", "CASE"),
        ),
        _findings,
    ),
    Listing(
        "cases",
        "list rectification cases",
        tuple(s.value for s in CaseStatus),
        "only cases with this status",
        "opened",
        (
            ("case_number", "CASE"),
            ("merchant_shop_id", "SHOP ID"),
            ("merchant", "MERCHANT"),
            ("status", "STATUS"),
            ("due_date", "DUE"),
            ("overdue", "OVERDUE"),
            ("due_soon", "DUE SOON"),
            ("finding_count", "FINDINGS"),
            ("assignee", "ASSIGNEE"),
            ("created_at", "OPENED"),
        ),
        _cases,
    ),
)
