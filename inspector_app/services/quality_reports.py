"""Monthly and annual quality report use cases: figures, archive, changes, reproduction."""

from __future__ import annotations

import json
import logging
from collections.abc import Generator
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from inspector_app.db.models import ReportArchive
from inspector_app.domain import clock
from inspector_app.domain.errors import NotFound, ValidationError
from inspector_app.domain.messages import t
from inspector_app.services import team_settings
from inspector_app.services.context import MANAGERS, Context
from inspector_app.services.reporting import ArchivedReport, archive_or_remove, list_archive

if TYPE_CHECKING:
    from inspector_app.reports.progress import Progress
    from inspector_app.reports.quality_report import QualityReportData

logger = logging.getLogger(__name__)


def _json_safe(value: Any) -> Any:
    """Exactly what the archive will hold (tuples become lists, dates ISO strings)."""
    return json.loads(json.dumps(value, default=str, ensure_ascii=False))


def _last_archived(ctx: Context, kind: str, period: str) -> ArchivedReport | None:
    found = list_archive(ctx, kind, period)
    return found[0] if found else None


def quality_report_data(
    ctx: Context, period_text: str, *, today: date | None = None
) -> QualityReportData:
    """The figures of a month ('2026-10') or a year ('2026'), with the last archived ones."""
    from dataclasses import asdict

    from inspector_app.reports.quality_report import ANNUAL, MONTHLY, QualityReportData
    from inspector_app.services import stats

    period = stats.Period.parse(period_text)
    kind = ANNUAL if len(period.label) == 4 else MONTHLY
    figures = _json_safe(stats.figures(ctx, period, today=today).to_dict())
    overdue = _json_safe([asdict(o) for o in stats.overdue_cases(ctx, today=today)])
    previous = _last_archived(ctx, kind, period.label)
    settings = team_settings.get_all(ctx)
    logo = settings.get("organisation_logo") or ""
    return QualityReportData(
        kind=kind,
        period=period.label,
        organisation=settings["organisation_name"],
        logo_path=Path(logo) if logo and Path(logo).is_file() else None,
        generated_at=clock.local_now(),
        figures=figures,
        overdue=overdue,
        previous=previous.figures.get("figures") if previous else None,
        previous_at=previous.created_at if previous else None,
    )


def export_quality_report(
    ctx: Context, period_text: str, out: Path | str, *, today: date | None = None,
    record: bool = True, force: bool = False,
) -> Generator[Progress, None, Path]:
    """Write the monthly/annual report PDF and archive the figures it states.

    `record=False` is for previews: the report is written but not archived.
    """
    ctx.require(*MANAGERS, action=t("produce quality reports"))
    from inspector_app.reports.output_file import claim_output
    from inspector_app.reports.quality_report import write_quality_report

    claim_output(out, force=force)
    data = quality_report_data(ctx, period_text, today=today)
    path = yield from write_quality_report(data, out, force=force)
    if not record:
        return path
    archive_or_remove(
        ctx,
        data.kind,
        data.period,
        {
            "figures": data.figures,
            "overdue": data.overdue,
            "organisation": data.organisation,
            "generated_at": data.generated_at.isoformat(),
        },
        path,
    )
    return path


def reproduce_report(
    ctx: Context, archive_id: int, out: Path | str, *, force: bool = False
) -> Generator[Progress, None, Path]:
    """Write an archived quality report again, from the figures it stated then."""
    ctx.require(*MANAGERS, action=t("produce quality reports"))
    from inspector_app.reports.quality_report import QualityReportData, write_quality_report

    with ctx.db.read() as s:
        row = s.get(ReportArchive, archive_id)
        if row is None:
            raise NotFound(t("No archived report {id}", id=archive_id))
        kind, period, stored, created = (
            row.kind,
            row.period,
            json.loads(row.figures_json),
            row.created_at,
        )
    if "figures" not in stored:
        raise ValidationError(
            t("Archived report {id} is a {kind}, not a quality report", id=archive_id, kind=kind)
        )
    logo = team_settings.get(ctx, "organisation_logo") or ""
    data = QualityReportData(
        kind=kind,
        period=period,
        organisation=stored.get("organisation", ""),
        logo_path=Path(logo) if logo and Path(logo).is_file() else None,
        generated_at=datetime.fromisoformat(stored["generated_at"])
        if stored.get("generated_at")
        else created,
        figures=stored["figures"],
        overdue=stored.get("overdue", []),
        note=f"reproduced from archived report {archive_id}",
    )
    return (yield from write_quality_report(data, out, force=force))
