"""The plain data a rectification notice is made from (filled by services.reporting)."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

from inspector_app.domain.enums import CaseStatus
from inspector_app.domain.workflow import is_final
from inspector_app.reports.pdf_images import PreparedImage

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class NoticePhoto:
    """A photo as the notice shows it: a metadata-free file and a caption."""

    photo_id: int
    path: Path | None  # filled in when the clean copy (or annotated render) exists
    caption: str
    role: str  # evidence, rectification, verification
    annotated: bool = False
    #: Pixel size of `path` when write_notice has prepared it (None: the layout checks it).
    size: tuple[int, int] | None = None
    #: The number ("1.2") of the finding a merchant's evidence or re-check photo is for.
    for_finding: str = ""

    @property
    def source(self) -> Path | PreparedImage | None:
        """What the layout embeds: the prepared image when known, else the file to check."""
        if self.path is not None and self.size is not None:
            return PreparedImage(self.path, *self.size)
        return self.path


@dataclass(frozen=True)
class NoticeFinding:
    """One finding, without anything that could identify the buyer or the inspector."""

    number: str  # "1.2": case index . finding index
    title: str
    category: str
    severity: str
    description: str
    expected: str
    observed: str
    rule_ref: str
    product: str  # "Brand Product name (listing id)"
    purchased: str  # the month of the purchase, e.g. "2026-10"
    photos: tuple[NoticePhoto, ...] = ()


@dataclass(frozen=True)
class NoticeCase:
    case_number: str
    status: CaseStatus
    opened_on: date
    due_date: date | None
    summary: str
    findings: tuple[NoticeFinding, ...]
    response_text: str = ""
    root_cause: str = ""
    corrective_action: str = ""
    preventive_action: str = ""
    response_date: date | None = None
    verification_result: str | None = None
    verification_note: str = ""
    rectification_photos: tuple[NoticePhoto, ...] = ()
    verification_photos: tuple[NoticePhoto, ...] = ()

    @property
    def verified(self) -> bool:
        return self.verification_result is not None

    @property
    def evidence_photos(self) -> tuple[NoticePhoto, ...]:
        return tuple(p for f in self.findings for p in f.photos)

    @property
    def compared(self) -> bool:
        """True when the merchant's evidence or a re-check is shown beside the original photos
        (the findings then print no photos of their own: each photo is printed once)."""
        return bool(self.rectification_photos or self.verification_photos)


@dataclass(frozen=True)
class NoticeData:
    """A notice for one case or for all open cases of one merchant."""

    notice_number: str
    issued_on: date
    organisation: str
    logo_path: Path | None
    merchant_name: str
    merchant_shop_id: str
    cases: tuple[NoticeCase, ...]
    #: Days to reply from the issue date when a case's own date has passed (team setting).
    reply_days: int = 3

    @property
    def final(self) -> bool:
        """True when every case is finished: the notice records an outcome, asks nothing."""
        return all(is_final(c.status) for c in self.cases)

    def overdue(self, case: NoticeCase) -> bool:
        """The case is active and its date to rectify and reply by has passed."""
        return (
            not is_final(case.status) and case.due_date is not None and case.due_date < self.issued_on
        )

    def reply_by(self, case: NoticeCase) -> date | None:
        """The date the merchant must reply by: the case's own, or a new one when it passed."""
        if is_final(case.status):
            return None
        if self.overdue(case):
            return self.issued_on + timedelta(days=self.reply_days)
        return case.due_date

    @property
    def deadline(self) -> date | None:
        dues = [d for d in (self.reply_by(c) for c in self.cases) if d is not None]
        return min(dues) if dues else None

    @property
    def photos(self) -> list[NoticePhoto]:
        out: list[NoticePhoto] = []
        for c in self.cases:
            out.extend(c.evidence_photos)
            out.extend(c.rectification_photos)
            out.extend(c.verification_photos)
        return out


def with_photo_paths(data: NoticeData, paths: Mapping[int, Path | PreparedImage]) -> NoticeData:
    """The same notice with each photo's file filled in from `paths` (photo id -> file).

    A PreparedImage also gives the photo its pixel size, so the layout need not reopen it.
    """

    def one(p: NoticePhoto) -> NoticePhoto:
        found = paths.get(p.photo_id)
        if found is None:
            return p
        if isinstance(found, PreparedImage):
            return replace(p, path=found.path, size=(found.width, found.height))
        return replace(p, path=found, size=None)

    def fill(photos: tuple[NoticePhoto, ...]) -> tuple[NoticePhoto, ...]:
        return tuple(one(p) for p in photos)

    cases = tuple(
        replace(
            c,
            findings=tuple(replace(f, photos=fill(f.photos)) for f in c.findings),
            rectification_photos=fill(c.rectification_photos),
            verification_photos=fill(c.verification_photos),
        )
        for c in data.cases
    )
    return replace(data, cases=cases)
