"""What a service call changed, in the words screens use: kinds of things and their ids.

`Changes` is a small immutable value: kind ("purchase", "finding", ...) -> the ids changed,
or None when some of that kind changed but which is not known (reload all of it).
`recording()` derives it from what the database sessions committed (db/changes.py), so a
service need not say what it wrote; a service may still return one for what the database
cannot see (a restored backup replaces the whole file: `Changes.everything()`).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import MappingProxyType

from inspector_app.db import changes as db_changes

logger = logging.getLogger(__name__)

#: The kinds of things screens show (ui/changes.py broadcasts them under these names).
PURCHASE = "purchase"
FINDING = "finding"
PHOTO = "photo"
MERCHANT = "merchant"
PRODUCT = "product"
CASE = "case"
USER = "user"
WORK_ORDER = "work_order"
SETTINGS = "settings"
#: Archived reports and notices.
REPORT = "report"
#: Sampling plans and their picks.
PLAN = "plan"
#: The whole database (a restore, a sync that replaced it): every screen reloads.
DATABASE = "database"

#: Table -> (kind, the column holding that kind's id) for every kind a row of it touches.
#: A finding's row changes what its purchase shows, a case's findings what both show.
TABLE_KINDS: dict[str, tuple[tuple[str, str], ...]] = {
    "purchases": ((PURCHASE, "id"),),
    "findings": ((FINDING, "id"), (PURCHASE, "purchase_id")),
    "photos": ((PHOTO, "id"),),
    "merchants": ((MERCHANT, "id"),),
    "merchant_status_changes": ((MERCHANT, "merchant_id"),),
    "products": ((PRODUCT, "id"),),
    "brands": ((PRODUCT, ""),),
    "users": ((USER, "id"),),
    "rectification_cases": ((CASE, "id"),),
    "case_findings": ((CASE, "case_id"), (FINDING, "finding_id")),
    "case_events": ((CASE, "case_id"),),
    "work_orders": ((WORK_ORDER, "id"),),
    "order_volumes": ((WORK_ORDER, ""),),
    "report_archive": ((REPORT, "id"),),
    "sampling_plans": ((PLAN, "id"),),
    "sampling_picks": ((PLAN, "plan_id"),),
    "app_settings": ((SETTINGS, ""),),
    "review_decisions": ((MERCHANT, "merchant_id"),),
}


@dataclass(frozen=True)
class Changes:
    """Kinds changed and their ids (None: which ones is not known)."""

    kinds: Mapping[str, frozenset[int] | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "kinds", MappingProxyType(dict(self.kinds)))

    @classmethod
    def of(cls, kind: str, ids: Iterable[int] | None = None) -> Changes:
        return cls({kind: None if ids is None else frozenset(int(i) for i in ids)})

    @classmethod
    def everything(cls) -> Changes:
        return cls.of(DATABASE)

    def __bool__(self) -> bool:
        return bool(self.kinds)

    def __or__(self, other: Changes) -> Changes:
        merged: dict[str, frozenset[int] | None] = dict(self.kinds)
        for kind, ids in other.kinds.items():
            if kind not in merged:
                merged[kind] = ids
            else:
                mine = merged[kind]
                merged[kind] = None if mine is None or ids is None else mine | ids
        return Changes(merged)

    def touches(self, *kinds: str) -> bool:
        return DATABASE in self.kinds or any(k in self.kinds for k in kinds)

    def ids(self, kind: str) -> frozenset[int] | None:
        """The ids of `kind` changed (empty: none; None: unknown which)."""
        if DATABASE in self.kinds:
            return None
        return self.kinds.get(kind, frozenset())


def from_rows(rows: Iterable[db_changes.Row]) -> Changes:
    """The kinds and ids the committed rows touch (tables no screen shows are left out)."""
    found: dict[str, set[int] | None] = {}
    for table, row_id, keys in rows:
        for kind, column in TABLE_KINDS.get(table, ()):
            value = row_id if column == "id" else keys.get(column) if column else None
            if value is None:
                found[kind] = None
            elif kind not in found:
                found[kind] = {value}
            elif (ids := found[kind]) is not None:
                ids.add(value)
    return Changes({k: None if v is None else frozenset(v) for k, v in found.items()})


class ChangeLog:
    """Filled when a `recording()` block ends: what its committed transactions changed."""

    def __init__(self) -> None:
        self.changes = Changes()


@contextmanager
def recording() -> Iterator[ChangeLog]:
    """Record what the database work in this block commits, as `Changes` (also on error:
    what committed before the error did change)."""
    log = ChangeLog()
    with db_changes.recording() as recorder:
        try:
            yield log
        finally:
            log.changes = from_rows(recorder.rows)
