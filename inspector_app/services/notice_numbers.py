"""Rectification notice numbers: a reprint of the same notice keeps its number and its date.

A notice is "the same" when it covers the same cases, findings and outcomes (docs/domain.md,
"Notices"): printing it again, with or without --force, is a reprint of notice N1, not a
new notice N2. Each print is still archived (the archive knows every file written).
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector_app.db.models import ReportArchive
from inspector_app.domain.workflow import is_final

if TYPE_CHECKING:
    from inspector_app.reports.notice_data import NoticeCase

logger = logging.getLogger(__name__)

#: ReportArchive.kind of a rectification notice (services.reporting.NOTICE).
NOTICE = "notice"


def content_key(cases: Sequence[NoticeCase]) -> str:
    """What makes a notice the same notice: its cases, their findings, and each case's outcome
    (an active case is "active" whatever step it is at: being notified does not change it)."""
    parts = [
        [c.case_number, c.status.value if is_final(c.status) else "active",
         c.verification_result or "", [[f.number, f.title] for f in c.findings]]
        for c in cases
    ]
    blob = json.dumps(parts, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:32]


def number_for(
    s: Session, period: str, key: str, today: date, make: Callable[[int], str]
) -> tuple[str, date]:
    """The notice number and issue date: those of the last notice of `period` when it had the
    same content (a reprint), else a new number, `make(n)` for the n-th notice of the period."""
    numbers: list[str] = []
    last: dict = {}
    for figures_json in s.scalars(
        select(ReportArchive.figures_json)
        .where(ReportArchive.kind == NOTICE, ReportArchive.period == period)
        .order_by(ReportArchive.id)
    ):
        try:
            last = json.loads(figures_json)
        except ValueError:
            logger.warning("Unreadable archived figures of a notice of %s", period)
            last = {}
        number = last.get("notice_number")
        if number and number not in numbers:
            numbers.append(number)
    if last.get("content") == key and last.get("notice_number"):
        try:
            issued = date.fromisoformat(last.get("issued_on") or "")
        except ValueError:
            issued = today
        return last["notice_number"], issued
    return make(len(numbers) + 1), today
