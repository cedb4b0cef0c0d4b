"""Rectification notices: written for one case or a merchant's open cases, archived with what
they stated, their open cases notified in the same transaction.

What a notice says is read by services/notice_reading.py; the archive of every generated
document is services/report_archive.py (both re-exported here, as before the split).
"""

from __future__ import annotations

import logging
import tempfile
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from inspector_app.domain.messages import t
from inspector_app.services import notice_numbers
from inspector_app.services.context import NOTICE_SENDERS, Context
from inspector_app.services.notice_reading import (
    _read_notice,
    _resolve_photos,
    notice_data,
    notice_gate,
)
from inspector_app.services.report_archive import (
    ArchivedReport,
    archive,
    archive_or_remove,
    list_archive,
)

if TYPE_CHECKING:
    from collections.abc import Generator

    from inspector_app.reports.progress import Progress

__all__ = [
    "NOTICE", "ArchivedReport", "archive", "archive_or_remove", "export_notice",
    "list_archive", "notice_data", "notice_gate",
]

logger = logging.getLogger(__name__)

#: ReportArchive.kind of a rectification notice.
NOTICE = notice_numbers.NOTICE


def export_notice(
    ctx: Context,
    out: Path | str,
    *,
    case_number: str | None = None,
    shop_id: str | None = None,
    today: date | None = None,
    record: bool = True,
    force: bool = False,
    notify: bool = True,
) -> Generator[Progress, None, Path]:
    """Write the rectification notice PDF for one case or a merchant's open cases.

    `record=False` is for previews: nothing is archived, so no notice number is used up.
    A recorded notice marks its open cases notified in the archiving transaction (unless
    `notify=False`): the notice is what the merchant is sent.
    """
    ctx.require(*NOTICE_SENDERS, action=t("print rectification notices"))
    from inspector_app.reports.notice import write_notice
    from inspector_app.reports.notice_data import with_photo_paths
    from inspector_app.reports.output_file import claim_output
    from inspector_app.reports.progress import stage

    claim_output(out, force=force)
    data, shas, gate = _read_notice(ctx, case_number, shop_id, today)
    n = len(data.photos)
    total = 2 * n + 1
    with tempfile.TemporaryDirectory(prefix="inspector-notice-") as tmp:
        workdir = Path(tmp)
        paths = yield from stage(_resolve_photos(ctx, data, workdir, shas, gate), 0, n, total)
        data = with_photo_paths(data, paths)
        path = yield from stage(
            write_notice(data, out, gate, workdir, force=force), n, n + 1, total
        )
    figures: dict[str, Any] = {
        "notice_number": data.notice_number,
        "merchant": data.merchant_shop_id,
        "issued_on": data.issued_on.isoformat(),
        "deadline": data.deadline.isoformat() if data.deadline else None,
        "redacted": path.redacted,
        "cases": {
            c.case_number: [f.number + " " + gate.text(f.title) for f in c.findings]
            for c in data.cases
        },
        "photos": [p.photo_id for p in data.photos],
        "content": notice_numbers.content_key(data.cases),
    }
    period = case_number.strip() if case_number else f"merchant:{data.merchant_shop_id}"
    if record:
        from inspector_app.services.case_moves import notify_open_cases

        numbers = [c.case_number for c in data.cases]
        moved: list[str] = []
        then = (lambda s: moved.extend(notify_open_cases(s, ctx, numbers))) if notify else None
        archive_or_remove(ctx, NOTICE, period, figures, path, then)
        if moved and hasattr(path, "notified"):
            path.notified = tuple(moved)
    return path
