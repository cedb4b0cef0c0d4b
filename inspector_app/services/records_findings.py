"""The records import's Findings sheet and the checks after it (see records_bulk.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, func, select, update

from inspector_app.db.models import Finding, Purchase
from inspector_app.domain.enums import FindingCategory, PurchaseStatus, Severity, Verdict
from inspector_app.domain.errors import InspectorError
from inspector_app.domain.labels import purchase_status_label
from inspector_app.domain.messages import t
from inspector_app.reports.xlsx_read import as_text, column_problem
from inspector_app.services.common import clean_line, clean_text, now

if TYPE_CHECKING:
    from array import array

    from inspector_app.reports.xlsx_read import SheetRow

#: Keys per IN (...) list.
IN_LIST = 900

CATEGORIES = frozenset(c.value for c in FindingCategory)
SEVERITIES = frozenset(s.value for s in Severity)


def field(row: SheetRow, column: str, convert: Callable, **kw) -> Any:
    """A converted cell; a conversion error names the column."""
    try:
        return convert(row.values.get(column), **kw)
    except ValueError as exc:
        raise ValueError(column_problem(column, exc)) from None


def quiet(fn: Callable, *args, **kw) -> Any:
    """A key for a lookup, or None when the cell is unusable (the row check says why)."""
    try:
        return fn(*args, **kw)
    except (ValueError, InspectorError):
        return None


class FindingRows:
    """The Findings sheet's part of SheetWriter."""

    conn: Connection
    actor_id: int | None
    fail_rows: array
    fail_ids: array
    later_verdicts: list[tuple[int, str, Verdict]]

    def _lookup(self, query_for: Callable, keys: Iterable) -> Iterator:
        keys = list(keys)
        for i in range(0, len(keys), IN_LIST):
            yield from self.conn.execute(query_for(keys[i:i + IN_LIST]))

    def _insert(self, table, rows: list[dict]) -> None:
        raise NotImplementedError

    def findings_chunk(self, rows: list[SheetRow], refuse: Callable, done: Callable) -> None:
        orders = {k for r in rows if (k := quiet(field, r, "Order number", as_text))}
        purchases = {
            order: (pid, status)
            for pid, order, status in self._lookup(
                lambda ks: select(Purchase.id, Purchase.order_number, Purchase.status)
                .where(Purchase.order_number.in_(ks), Purchase.deleted_at.is_(None)), orders,
            )
        }
        ids = [pid for pid, _ in purchases.values()]
        have = {
            (pid, str(getattr(cat, "value", cat)), title)
            for pid, cat, title in self._lookup(
                lambda ks: select(Finding.purchase_id, Finding.category, Finding.title)
                .where(Finding.purchase_id.in_(ks), Finding.deleted_at.is_(None)), ids,
            )
        }
        new: list[dict] = []
        arrived: set[int] = set()
        for row in rows:
            try:
                order = field(row, "Order number", as_text, required=True)
                if order not in purchases:
                    raise ValueError(t("no purchase with order number '{order}'", order=order))
                pid, status = purchases[order]
                category = field(row, "Category", as_text, required=True).casefold()
                severity = field(row, "Severity", as_text, required=True).casefold()
                if category not in CATEGORIES:
                    raise ValueError(t(
                        "Category: '{value}' is not one of the listed categories", value=category
                    ))
                if severity not in SEVERITIES:
                    raise ValueError(
                        t("Severity: '{value}' is not critical, major or minor", value=severity)
                    )
                title = field(row, "Title", as_text, required=True)
                key = (pid, category, " ".join(title.split()))
                if key in have:
                    done(row, False)
                    continue
                if status in (PurchaseStatus.PLANNED, PurchaseStatus.CANCELLED):
                    raise ValueError(t(
                        "Purchase {purchase} is {status}; findings are recorded once the parcel "
                        "has arrived", purchase=order, status=purchase_status_label(status),
                    ))
                values = {
                    "purchase_id": pid, "category": FindingCategory(category),
                    "severity": Severity(severity),
                    "title": clean_line(title, "title", required=True),
                    "description": clean_text(field(row, "Description", as_text), "description"),
                    "expected": clean_text(field(row, "Expected", as_text), "expected"),
                    "observed": clean_text(field(row, "Observed", as_text), "observed"),
                    "rule_ref": clean_line(field(row, "Rule broken", as_text), "rule_ref"),
                }
            except (ValueError, InspectorError) as exc:
                refuse(row, str(exc))
                continue
            have.add(key)
            if status == PurchaseStatus.ORDERED:
                arrived.add(pid)
            new.append(values)
            done(row, True)
        self._insert(Finding.__table__, new)
        if arrived:  # a finding means the parcel arrived (services/findings.add_finding)
            stamp = now()
            for i in range(0, len(arrived), IN_LIST):
                self.conn.execute(
                    update(Purchase).where(Purchase.id.in_(sorted(arrived)[i:i + IN_LIST]))
                    .values(status=PurchaseStatus.RECEIVED,
                            received_at=func.coalesce(Purchase.received_at, stamp),
                            version=Purchase.version + 1, updated_at=stamp,
                            updated_by_id=self.actor_id)
                )

    def failed_without_findings(self) -> Iterator[int]:
        """Row numbers of new purchases marked fail that have no live finding."""
        by_id = dict(zip(self.fail_ids, self.fail_rows, strict=True))
        ids = list(self.fail_ids)
        for i in range(0, len(ids), IN_LIST):
            part = ids[i:i + IN_LIST]
            with_findings = {pid for (pid,) in self.conn.execute(
                select(Finding.purchase_id).distinct()
                .where(Finding.purchase_id.in_(part), Finding.deleted_at.is_(None))
            )}
            yield from (by_id[p] for p in part if p not in with_findings)

    def later_verdict_ids(self) -> Iterator[tuple[int, int, Verdict]]:
        """(row, purchase id, verdict) for verdicts given to purchases already recorded."""
        for row, order, verdict in self.later_verdicts:
            pid = self.conn.execute(
                select(Purchase.id).where(Purchase.order_number == order)
            ).scalar()
            if pid is not None:
                yield row, pid, verdict
