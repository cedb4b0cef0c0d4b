"""What a rectification notice says: its cases, findings and photos read in a few queries,
its number and issue date, the privacy gate for its merchant, and its photos made ready."""

from __future__ import annotations

import logging
from collections.abc import Generator, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session, contains_eager, joinedload

from inspector_app.db.models import (
    CaseFinding,
    Finding,
    Photo,
    Product,
    Purchase,
    RectificationCase,
)
from inspector_app.domain import clock
from inspector_app.domain.enums import PhotoRole
from inspector_app.domain.errors import NotFound, ValidationError
from inspector_app.domain.messages import t
from inspector_app.services import notice_numbers, team_settings
from inspector_app.services.cases import merchant_open_cases
from inspector_app.services.context import Context
from inspector_app.services.workbook_data import product_text

if TYPE_CHECKING:
    from inspector_app.reports.notice_data import (
        NoticeCase,
        NoticeData,
        NoticeFinding,
        NoticePhoto,
    )
    from inspector_app.reports.privacy_gate import PrivacyGate
    from inspector_app.reports.progress import Progress

logger = logging.getLogger(__name__)


def _local_month(when: datetime | None) -> str:
    return when.astimezone().strftime("%Y-%m") if when else ""


def _notice_photo(p: Any, for_finding: str = "") -> NoticePhoto:
    from inspector_app.reports.notice_data import NoticePhoto

    annotated = bool(p.annotations_json and p.annotations_json.strip() not in ("", "[]"))
    return NoticePhoto(p.id, None, p.caption, PhotoRole(p.role).value, annotated, None, for_finding)


def _notice_cases(
    s: Session, cases: list[RectificationCase]
) -> tuple[tuple[NoticeCase, ...], dict[int, str]]:
    """The cases as a notice prints them, and each photo's sha256 (photo id -> sha).

    Two queries whatever the number of cases: the findings with their purchase, product and
    brand, then the photos as plain columns (no ORM objects for a hundred photos). A finding
    shows its evidence photos; the merchant's evidence and the re-check photos belong to the
    case, matched to a finding when they name one.
    """
    from inspector_app.reports.notice_data import NoticeFinding

    case_ids = [c.id for c in cases]
    rows = s.execute(
        select(CaseFinding.case_id, Finding)
        .join(Finding, CaseFinding.finding_id == Finding.id)
        .outerjoin(Finding.purchase)
        .outerjoin(Purchase.product)
        .outerjoin(Product.brand)
        .options(
            contains_eager(Finding.purchase)
            .contains_eager(Purchase.product)
            .contains_eager(Product.brand)
        )
        .where(CaseFinding.case_id.in_(case_ids), Finding.deleted_at.is_(None))
        .order_by(Finding.id)
    ).all()
    findings: dict[int, list[Finding]] = {cid: [] for cid in case_ids}
    for case_id, finding in rows:
        findings[case_id].append(finding)
    #: finding id -> [(case id, its number in the notice)]
    numbers: dict[int, list[tuple[int, str]]] = {}
    for i, c in enumerate(cases, 1):
        for j, f in enumerate(findings[c.id], 1):
            numbers.setdefault(f.id, []).append((c.id, f"{i}.{j}"))
    cond: ColumnElement[bool] = Photo.case_id.in_(case_ids)
    finding_ids = sorted(numbers)
    if finding_ids:
        cond = cond | Photo.finding_id.in_(finding_ids)
    photos = s.execute(
        select(
            Photo.id,
            Photo.finding_id,
            Photo.case_id,
            Photo.role,
            Photo.caption,
            Photo.annotations_json,
            Photo.sha256,
        )
        .where(cond, Photo.deleted_at.is_(None))
        .order_by(Photo.id)
    ).all()
    by_finding: dict[int, list[NoticePhoto]] = {}
    by_case: dict[int, list[NoticePhoto]] = {}
    for p in photos:
        if PhotoRole(p.role) == PhotoRole.EVIDENCE and p.finding_id is not None:
            by_finding.setdefault(p.finding_id, []).append(_notice_photo(p))
            continue
        if PhotoRole(p.role) == PhotoRole.EVIDENCE:
            continue  # evidence of the case as a whole is not sent (it names no finding)
        if p.case_id is not None and p.case_id in findings:
            number = next(
                (n for cid, n in numbers.get(p.finding_id, ()) if cid == p.case_id), ""
            )
            by_case.setdefault(p.case_id, []).append(_notice_photo(p, number))
        else:
            for cid, number in numbers.get(p.finding_id, ()):
                by_case.setdefault(cid, []).append(_notice_photo(p, number))

    def notice_finding(index: str, f: Finding) -> NoticeFinding:
        return NoticeFinding(
            number=index,
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

    out = tuple(
        _notice_case(
            c,
            tuple(notice_finding(f"{i}.{j}", f) for j, f in enumerate(findings[c.id], 1)),
            by_case.get(c.id, []),
        )
        for i, c in enumerate(cases, 1)
    )
    return out, {p.id: p.sha256 for p in photos}


def _notice_case(
    c: RectificationCase, findings: tuple[NoticeFinding, ...], case_photos: list[NoticePhoto]
) -> NoticeCase:
    from inspector_app.reports.notice_data import NoticeCase

    return NoticeCase(
        case_number=c.case_number,
        status=c.status,
        opened_on=c.created_at.astimezone().date(),
        due_date=c.due_date,
        summary=c.summary,
        findings=findings,
        response_text=c.response_text,
        root_cause=c.root_cause,
        corrective_action=c.corrective_action,
        preventive_action=c.preventive_action,
        response_date=c.response_date,
        verification_result=c.verification_result.value if c.verification_result else None,
        verification_note=c.verification_note,
        rectification_photos=tuple(
            p for p in case_photos if p.role == PhotoRole.RECTIFICATION.value
        ),
        verification_photos=tuple(
            p for p in case_photos if p.role == PhotoRole.VERIFICATION.value
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
    return _read_notice(ctx, case_number, shop_id, today)[0]


def notice_gate(ctx: Context, shop_id: str) -> PrivacyGate:
    """The privacy gate for the documents sent to the merchant with this shop id."""
    from inspector_app.services.privacy_gate import merchant_gate
    from inspector_app.services.workbooks import merchant_id_for

    mid = merchant_id_for(ctx, shop_id)
    organisation = team_settings.get(ctx, "organisation_name")
    with ctx.db.read() as s:
        return merchant_gate(s, mid, organisation)


def _read_notice(
    ctx: Context, case_number: str | None, shop_id: str | None, today: date | None
) -> tuple[NoticeData, dict[int, str], PrivacyGate]:
    """notice_data, the sha256 of each of its photos (photo id -> sha) and the privacy gate."""
    from inspector_app.reports.notice_data import NoticeData
    from inspector_app.services.privacy_gate import merchant_gate

    if (case_number is None) == (shop_id is None):
        raise ValidationError(t("Give either a case number or a merchant's shop id"))
    settings = team_settings.get_all(ctx)
    today = today or clock.today()
    with ctx.db.read() as s:
        if case_number is not None:
            case = s.scalar(
                select(RectificationCase)
                .where(RectificationCase.case_number == case_number.strip())
                .options(joinedload(RectificationCase.merchant))
            )
            if case is None:
                raise NotFound(t("No case {case}", case=case_number))
            cases, merchant, period = [case], case.merchant, case.case_number
        else:
            assert shop_id is not None  # one of the two, checked above
            merchant, cases = merchant_open_cases(s, shop_id)
            period = f"merchant:{merchant.shop_id}"
        logo = settings.get("organisation_logo") or ""
        notice_cases, shas = _notice_cases(s, cases)
        # A reprint of the same notice keeps its number and date (services/notice_numbers.py).
        number, issued_on = notice_numbers.number_for(
            s, period, notice_numbers.content_key(notice_cases), today,
            lambda n: (f"{case_number.strip()}-N{n}" if case_number is not None
                       else f"RN-{merchant.shop_id}-{today:%Y%m%d}-{n}"),
        )
        data = NoticeData(
            notice_number=number,
            issued_on=issued_on,
            organisation=settings["organisation_name"],
            logo_path=Path(logo) if logo and Path(logo).is_file() else None,
            merchant_name=merchant.name,
            merchant_shop_id=merchant.shop_id,
            cases=notice_cases,
            reply_days=int(settings["notices.reply_days"]),
        )
        gate = merchant_gate(s, merchant.id, settings["organisation_name"])
        return data, shas, gate


def _resolve_photos(
    ctx: Context,
    data: NoticeData,
    workdir: Path,
    shas: Mapping[int, str] | None,
    gate: PrivacyGate,
) -> Generator[Progress, None, dict[int, Path]]:
    """Metadata-free files of every photo: annotated renders or the store's clean copies.

    `shas` (photo id -> sha256) comes with the notice's data; without it they are read here.
    An annotated photo is rendered with its text annotations passed through `gate`.
    """
    from inspector_app.reports.progress import Progress
    from inspector_app.services.photos import annotated_render

    photos = data.photos
    if shas is None:
        ids = [p.photo_id for p in photos]
        with ctx.db.read() as s:
            shas = dict(s.execute(select(Photo.id, Photo.sha256).where(Photo.id.in_(ids))).all())
    paths: dict[int, Path] = {}
    for i, p in enumerate(photos):
        yield Progress(
            i,
            len(photos),
            t("Preparing photo {number} of {count}", number=i + 1, count=len(photos)),
        )
        if p.annotated:
            dest = workdir / f"annotated-{p.photo_id}.jpg"
            dest.write_bytes(annotated_render(ctx, p.photo_id, shapes=gate.shapes))
            paths[p.photo_id] = dest
        else:
            paths[p.photo_id] = ctx.photos.clean_copy(shas[p.photo_id])
    return paths
