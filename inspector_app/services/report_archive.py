"""The archive of generated documents: each notice and report with the figures it stated,
so it can be reproduced exactly, and never a document the archive does not know."""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector_app.db.models import ReportArchive
from inspector_app.services.context import Context

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ArchivedReport:
    id: int
    kind: str
    period: str
    created_at: datetime
    file_name: str
    file_sha256: str
    figures: dict


def _sha256(path: Path) -> str:
    with path.open("rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


def archive(ctx: Context, kind: str, period: str, figures: dict, path: Path | None,
            then: Callable[[Session], object] | None = None) -> int:
    """Record a generated document with the figures it stated; returns the archive id.

    `then(session)` runs in the same transaction (a notice marks its open cases notified).
    """
    with ctx.db.write() as s:
        row = ReportArchive(
            kind=kind,
            period=period,
            figures_json=json.dumps(figures, ensure_ascii=False, default=str, sort_keys=True),
            file_name=path.name if path else "",
            file_sha256=_sha256(path) if path else "",
            created_by_id=ctx.actor_id,
        )
        s.add(row)
        s.flush()
        if then is not None:
            then(s)
        return row.id


def list_archive(
    ctx: Context, kind: str | None = None, period: str | None = None
) -> list[ArchivedReport]:
    """Archived reports, newest first."""
    q = select(ReportArchive).order_by(ReportArchive.created_at.desc(), ReportArchive.id.desc())
    if kind:
        q = q.where(ReportArchive.kind == kind)
    if period:
        q = q.where(ReportArchive.period == period)
    with ctx.db.read() as s:
        return [
            ArchivedReport(
                r.id,
                r.kind,
                r.period,
                r.created_at,
                r.file_name,
                r.file_sha256,
                json.loads(r.figures_json),
            )
            for r in s.scalars(q)
        ]


def archive_or_remove(ctx: Context, kind: str, period: str, figures: dict, path: Path,
                      then: Callable[[Session], object] | None = None) -> int:
    """archive() the document just written; if that fails, the document goes too, so no
    notice or report exists that the archive does not know."""
    try:
        return archive(ctx, kind, period, figures, path, then)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
