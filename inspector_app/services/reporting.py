"""Report use cases: rectification notices and quality reports, archived with what they stated."""

from __future__ import annotations

import hashlib
import json
import logging
import tempfile
from collections.abc import Generator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from inspector_app.db.models import (
    CaseFinding,
    Finding,
    Photo,
    Product,
    Purchase,
    RectificationCase,
    ReportArchive,
)
from inspector_app.domain.enums import PhotoRole
from inspector_app.domain.errors import NotFound, ValidationError
from inspector_app.domain.messages import t
from inspector_app.services import team_settings
from inspector_app.services.cases import merchant_open_cases
from inspector_app.services.context import MANAGERS, Context
from inspector_app.services.workbook_data import private_terms, product_text

if TYPE_CHECKING:
    from inspector_app.reports.notice_data import NoticeCase, NoticeData, NoticePhoto
    from inspector_app.reports.progress import Progress

logger = logging.getLogger(__name__)

#: ReportArchive.kind of a rectification notice.
NOTICE = "notice"


@dataclass(frozen=True)
class ArchivedReport:
    id: int
    kind: str
    period: str
    created_at: datetime
    file_name: str
    file_sha256: str
    figures: dict


def _local_month(when: datetime | None) -> str:
    return when.astimezone().strftime("%Y-%m") if when else ""


def _photo_rows(s: Session, *, finding_ids: list[int], case_ids: list[int]) -> list[Photo]:
    cond = Photo.finding_id.in_(finding_ids) if finding_ids else None
    if case_ids:
        by_case = Photo.case_id.in_(case_ids)
        cond = by_case if cond is None else cond | by_case
    if cond is None:
        return []
    return list(s.scalars(select(Photo).where(cond, Photo.deleted_at.is_(None)).order_by(Photo.id)))


def _notice_photo(p: Photo) -> NoticePhoto:
    from inspector_app.reports.notice_data import NoticePhoto

    annotated = bool(p.annotations_json and p.annotations_json.strip() not in ("", "[]"))
    return NoticePhoto(p.id, None, p.caption, PhotoRole(p.role).value, annotated)


def _notice_case(s: Session, c: RectificationCase, index: int) -> NoticeCase:
    from inspector_app.reports.notice_data import NoticeCase, NoticeFinding

    findings = list(
        s.scalars(
            select(Finding)
            .join(CaseFinding, CaseFinding.finding_id == Finding.id)
            .where(CaseFinding.case_id == c.id, Finding.deleted_at.is_(None))
            .options(
                selectinload(Finding.purchase)
                .selectinload(Purchase.product)
                .selectinload(Product.brand)
            )
            .order_by(Finding.id)
        )
    )
    photos = _photo_rows(s, finding_ids=[f.id for f in findings], case_ids=[c.id])
    by_finding: dict[int, list[NoticePhoto]] = {}
    for p in photos:
        if p.finding_id is not None:
            by_finding.setdefault(p.finding_id, []).append(_notice_photo(p))
    out = []
    for j, f in enumerate(findings, 1):
        out.append(
            NoticeFinding(
                number=f"{index}.{j}",
                title=f.title,
                category=str(f.category.value),
                severity=str(f.severity.value),
                description=f.description,
                expected=f.expected,
                observed=f.observed,
                rule_ref=f.rule_ref,
                product=product_text(f.purchase.product),
                purchased=_local_month(f.purchase.ordered_at),
                photos=tuple(by_finding.get(f.id, ())),
            )
        )
    case_photos = [p for p in photos if p.case_id == c.id]
    return NoticeCase(
        case_number=c.case_number,
        status=c.status.value,
        opened_on=c.created_at.astimezone().date(),
        due_date=c.due_date,
        summary=c.summary,
        findings=tuple(out),
        response_text=c.response_text,
        root_cause=c.root_cause,
        corrective_action=c.corrective_action,
        preventive_action=c.preventive_action,
        response_date=c.response_date,
        verification_result=c.verification_result.value if c.verification_result else None,
        verification_note=c.verification_note,
        rectification_photos=tuple(
            _notice_photo(p) for p in case_photos if p.role == PhotoRole.RECTIFICATION
        ),
        verification_photos=tuple(
            _notice_photo(p) for p in case_photos if p.role == PhotoRole.VERIFICATION
        ),
    )


def notice_data(
    ctx: Context,
    *,
    case_number: str | None = None,
    shop_id: str | None = None,
    today: date | None = None,
) -> NoticeData:
    """Everything a notice prints, read in one session (photo files not yet resolved)."""
    from inspector_app.reports.notice_data import NoticeData

    if (case_number is None) == (shop_id is None):
        raise ValidationError(t("Give either a case number or a merchant's shop id"))
    settings = team_settings.get_all(ctx)
    today = today or date.today()
    with ctx.db.read() as s:
        if case_number is not None:
            case = s.scalar(
                select(RectificationCase).where(
                    RectificationCase.case_number == case_number.strip()
                )
            )
            if case is None:
                raise NotFound(t("No case {case}", case=case_number))
            cases, merchant, period = [case], case.merchant, case.case_number
        else:
            merchant, cases = merchant_open_cases(s, shop_id)
            period = f"merchant:{merchant.shop_id}"
        issued = (
            s.scalar(
                select(func.count())
                .select_from(ReportArchive)
                .where(ReportArchive.kind == NOTICE, ReportArchive.period == period)
            )
            or 0
        ) + 1
        number = (
            f"{case_number.strip()}-N{issued}"
            if case_number is not None
            else f"RN-{merchant.shop_id}-{today:%Y%m%d}-{issued}"
        )
        logo = settings.get("organisation_logo") or ""
        return NoticeData(
            notice_number=number,
            issued_on=today,
            organisation=settings["organisation_name"],
            logo_path=Path(logo) if logo and Path(logo).is_file() else None,
            merchant_name=merchant.name,
            merchant_shop_id=merchant.shop_id,
            cases=tuple(_notice_case(s, c, i) for i, c in enumerate(cases, 1)),
            redact=private_terms(s, merchant.id),
        )


def _resolve_photos(
    ctx: Context, data: NoticeData, workdir: Path
) -> Generator[Progress, None, dict[int, Path]]:
    """Metadata-free files of every photo: annotated renders or the store's clean copies."""
    from inspector_app.reports.progress import Progress
    from inspector_app.services.photos import annotated_render

    photos = data.photos
    with ctx.db.read() as s:
        shas = dict(
            s.execute(
                select(Photo.id, Photo.sha256).where(Photo.id.in_([p.photo_id for p in photos]))
            ).all()
        )
    paths: dict[int, Path] = {}
    for i, p in enumerate(photos):
        yield Progress(
            i, len(photos), t("Preparing photo {number} of {count}", number=i + 1, count=len(photos))
        )
        if p.annotated:
            dest = workdir / f"annotated-{p.photo_id}.jpg"
            dest.write_bytes(annotated_render(ctx, p.photo_id))
            paths[p.photo_id] = dest
        else:
            paths[p.photo_id] = ctx.photos.clean_copy(shas[p.photo_id])
    return paths


def _sha256(path: Path) -> str:
    with path.open("rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


def archive(ctx: Context, kind: str, period: str, figures: dict, path: Path | None) -> int:
    """Record a generated document with the figures it stated; returns the archive id."""
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


def export_notice(
    ctx: Context,
    out: Path | str,
    *,
    case_number: str | None = None,
    shop_id: str | None = None,
    today: date | None = None,
    record: bool = True,
) -> Generator[Progress, None, Path]:
    """Write the rectification notice PDF for one case or a merchant's open cases.

    `record=False` is for previews: nothing is archived, so no notice number is used up.
    """
    ctx.require(*MANAGERS, action=t("print rectification notices"))
    from inspector_app.reports.notice import write_notice
    from inspector_app.reports.notice_data import with_photo_paths
    from inspector_app.reports.progress import stage

    data = notice_data(ctx, case_number=case_number, shop_id=shop_id, today=today)
    n = len(data.photos)
    total = 2 * n + 1
    with tempfile.TemporaryDirectory(prefix="inspector-notice-") as tmp:
        workdir = Path(tmp)
        paths = yield from stage(_resolve_photos(ctx, data, workdir), 0, n, total)
        data = with_photo_paths(data, paths)
        path = yield from stage(write_notice(data, out, workdir), n, n + 1, total)
    figures: dict[str, Any] = {
        "notice_number": data.notice_number,
        "merchant": data.merchant_shop_id,
        "issued_on": data.issued_on.isoformat(),
        "deadline": data.deadline.isoformat() if data.deadline else None,
        "cases": {
            c.case_number: [f.number + " " + f.title for f in c.findings] for c in data.cases
        },
        "photos": [p.photo_id for p in data.photos],
    }
    period = case_number.strip() if case_number else f"merchant:{data.merchant_shop_id}"
    if record:
        archive(ctx, NOTICE, period, figures, path)
    return path
