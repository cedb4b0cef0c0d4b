"""Photos: importing files into the store, captions, annotations, soft delete, store checks.

Pillow is imported only inside the functions that need it (through `inspector_app.photos`),
so importing this module at start-up stays cheap.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, fields
from datetime import datetime
from os import PathLike
from pathlib import Path

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from inspector_app.db.models import Finding, Photo, Purchase, RectificationCase
from inspector_app.domain.enums import PhotoRole, Role
from inspector_app.domain.errors import (
    ConflictError,
    InspectorError,
    NotFound,
    PhotoRejected,
    ValidationError,
)
from inspector_app.domain.labels import photo_role_label
from inspector_app.domain.messages import t
from inspector_app.services.common import clean_text, get_live, now
from inspector_app.services.context import MANAGERS, RECORDERS, Context

logger = logging.getLogger(__name__)

#: add_photos result: the file was stored and attached.
STORED = "stored"
#: add_photos result: the same content is already attached to that owner; nothing added.
ALREADY_STORED = "already stored"
#: add_photos result: the file is not an acceptable photo; nothing stored.
REJECTED = "rejected"
#: Longest caption accepted.
MAX_CAPTION = 2000

_OWNERS = {
    "purchase_id": (Purchase, "purchase"),
    "finding_id": (Finding, "finding"),
    "case_id": (RectificationCase, "rectification case"),
}


@dataclass(frozen=True)
class AddResult:
    """What happened to one file given to `add_photos`."""

    path: Path
    status: str  # STORED, ALREADY_STORED or REJECTED
    reason: str = ""  # a sentence naming the file, for ALREADY_STORED and REJECTED
    photo_id: int | None = None
    sha256: str | None = None

    @property
    def ok(self) -> bool:
        return self.status != REJECTED


@dataclass(frozen=True)
class PhotoInfo:
    """A photo row as a plain value."""

    id: int
    uid: str
    sha256: str
    original_name: str
    media_type: str
    byte_size: int
    width: int
    height: int
    taken_at: datetime | None
    caption: str
    role: PhotoRole
    annotations: list[dict]
    purchase_id: int | None
    finding_id: int | None
    case_id: int | None
    created_at: datetime
    created_by_id: int | None
    deleted_at: datetime | None

    @property
    def deleted(self) -> bool:
        return self.deleted_at is not None


def roles_for(role: PhotoRole) -> tuple[Role, ...]:
    """Who may add or change photos of this role."""
    if PhotoRole(role) == PhotoRole.RECTIFICATION:
        return (*MANAGERS, Role.MERCHANT_MANAGER)
    return RECORDERS


def _info(p: Photo) -> PhotoInfo:
    from inspector_app.photos.annotate import parse_shapes

    try:
        shapes = parse_shapes(p.annotations_json)
    except ValidationError:
        logger.warning("photo %s has unreadable annotations; showing none", p.id)
        shapes = []
    values = {f.name: getattr(p, f.name) for f in fields(PhotoInfo) if f.name != "annotations"}
    return PhotoInfo(**values, annotations=shapes)


def _owner(purchase_id: int | None, finding_id: int | None, case_id: int | None) -> tuple[str, int]:
    given = [
        (k, v)
        for k, v in (("purchase_id", purchase_id), ("finding_id", finding_id), ("case_id", case_id))
        if v is not None
    ]
    if len(given) != 1:
        raise ValidationError(t("Attach photos to exactly one purchase, finding or case"))
    return given[0]


def _check_owner(s: Session, column: str, owner_id: int) -> None:
    model, what = _OWNERS[column]
    get_live(s, model, owner_id, what)


def _load(s: Session, photo_id: int, *, include_deleted: bool = False) -> Photo:
    photo = s.get(Photo, photo_id)
    if photo is None or (photo.deleted_at is not None and not include_deleted):
        raise NotFound(t("No photo with id {id}", id=photo_id))
    return photo


# ---- import ------------------------------------------------------------------------------


def add_photos(
    ctx: Context,
    paths: Iterable[str | PathLike[str]],
    *,
    purchase_id: int | None = None,
    finding_id: int | None = None,
    case_id: int | None = None,
    role: PhotoRole | str = PhotoRole.EVIDENCE,
    caption: str = "",
) -> Iterator[AddResult]:
    """Import files one by one, yielding an AddResult per file (stop iterating to cancel).

    The role, the owner and the caption are checked at once, before anything is yielded.
    Each file is validated fully, stored durably, and only then its row is committed in
    its own short transaction; so a crash leaves at worst an unreferenced file.
    """
    try:
        role = PhotoRole(role)
    except ValueError:
        raise ValidationError(t("Unknown photo role '{role}'", role=role), field="role") from None
    ctx.require(*roles_for(role), action=t("add {role} photos", role=photo_role_label(role)))
    column, owner_id = _owner(purchase_id, finding_id, case_id)
    caption = clean_text(caption, "caption", limit=MAX_CAPTION)
    with ctx.db.read() as s:
        _check_owner(s, column, owner_id)
    return _add_each(ctx, paths, column, owner_id, role, caption)


def _add_each(
    ctx: Context,
    paths: Iterable[str | PathLike[str]],
    column: str,
    owner_id: int,
    role: PhotoRole,
    caption: str,
) -> Iterator[AddResult]:
    from inspector_app.photos.imaging import probe, read_photo_file

    store = ctx.photos
    owner_col = getattr(Photo, column)
    for raw in paths:
        path = Path(raw)
        name = path.name or str(path)
        try:
            data = read_photo_file(path)
            info = probe(data, name)
        except PhotoRejected as e:
            yield AddResult(path, REJECTED, str(e))
            continue
        sha = hashlib.sha256(data).hexdigest()
        try:
            store.put(data, sha)  # durable before the row exists
        except OSError as e:
            raise InspectorError(t(
                "Could not save '{name}' in the photo store ({problem}); "
                "no further files were imported", name=name, problem=e.strerror or e,
            )) from e
        with ctx.db.write() as s:
            existing = s.scalar(
                select(Photo.id)
                .where(Photo.sha256 == sha, owner_col == owner_id, Photo.deleted_at.is_(None))
                .limit(1)
            )
            if existing is not None:
                result = AddResult(
                    path,
                    ALREADY_STORED,
                    t("'{name}' is already attached as photo {id}.", name=name, id=existing),
                    existing,
                    sha,
                )
            else:
                _check_owner(s, column, owner_id)
                row = Photo(
                    sha256=sha,
                    original_name=name[:255],
                    media_type=info.media_type,
                    byte_size=len(data),
                    width=info.width,
                    height=info.height,
                    taken_at=info.taken_at,
                    caption=caption,
                    role=role,
                    created_by_id=ctx.actor_id,
                    **{column: owner_id},
                )
                s.add(row)
                s.flush()
                # We hold the write lock now, which a repair also takes while it deletes
                # unreferenced files: if one removed ours meanwhile, put it back.
                if not store.has(sha):
                    store.put(data, sha)
                result = AddResult(path, STORED, "", row.id, sha)
        logger.info("photo %s: %s (%s)", name, result.status, sha[:12])
        yield result


# ---- editing -----------------------------------------------------------------------------


def get_photo(ctx: Context, photo_id: int, *, include_deleted: bool = False) -> PhotoInfo:
    with ctx.db.read() as s:
        return _info(_load(s, photo_id, include_deleted=include_deleted))


def list_photos(
    ctx: Context,
    *,
    purchase_id: int | None = None,
    finding_id: int | None = None,
    case_id: int | None = None,
    include_deleted: bool = False,
    include_findings: bool = False,
) -> list[PhotoInfo]:
    """Photos of one purchase, finding or case, oldest first.

    With `include_findings`, a purchase's list also holds the photos of its findings.
    """
    column, owner_id = _owner(purchase_id, finding_id, case_id)
    cond = getattr(Photo, column) == owner_id
    if include_findings and column == "purchase_id":
        finding_ids = select(Finding.id).where(Finding.purchase_id == owner_id)
        cond = cond | Photo.finding_id.in_(finding_ids)
    q = select(Photo).where(cond).order_by(Photo.created_at, Photo.id)
    if not include_deleted:
        q = q.where(Photo.deleted_at.is_(None))
    with ctx.db.read() as s:
        return [_info(p) for p in s.scalars(q)]


def set_caption(ctx: Context, photo_id: int, caption: str) -> PhotoInfo:
    caption = clean_text(caption, "caption", limit=MAX_CAPTION)
    with ctx.db.write() as s:
        photo = _load(s, photo_id)
        ctx.require(*roles_for(photo.role), action=t("change this photo's caption"))
        photo.caption = caption
        s.flush()
        return _info(photo)


def set_annotations(ctx: Context, photo_id: int, shapes_json: str | list | None) -> PhotoInfo:
    """Replace the shapes drawn over a photo (see photos.annotate for the format)."""
    from inspector_app.photos.annotate import parse_shapes, shapes_to_json

    stored = shapes_to_json(parse_shapes(shapes_json))
    with ctx.db.write() as s:
        photo = _load(s, photo_id)
        ctx.require(*roles_for(photo.role), action=t("annotate this photo"))
        photo.annotations_json = stored
        s.flush()
        return _info(photo)


def delete_photo(ctx: Context, photo_id: int) -> None:
    """Soft delete: the row is hidden, the file stays (evidence; restore brings it back)."""
    with ctx.db.write() as s:
        photo = _load(s, photo_id)
        ctx.require(*roles_for(photo.role), action=t("delete this photo"))
        photo.deleted_at = now()


def restore_photo(ctx: Context, photo_id: int) -> PhotoInfo:
    with ctx.db.write() as s:
        photo = _load(s, photo_id, include_deleted=True)
        ctx.require(*roles_for(photo.role), action=t("restore this photo"))
        if photo.deleted_at is None:
            return _info(photo)
        column = next(c for c in _OWNERS if getattr(photo, c) is not None)
        twin = s.scalar(
            select(Photo.id).where(
                Photo.sha256 == photo.sha256,
                getattr(Photo, column) == getattr(photo, column),
                Photo.deleted_at.is_(None),
            )
        )
        if twin is not None:
            raise ConflictError(
                t("The same photo is already attached again, as photo {id}", id=twin)
            )
        _check_owner(s, column, getattr(photo, column))
        photo.deleted_at = None
        s.flush()
        return _info(photo)


def annotated_render(ctx: Context, photo_id: int, max_edge: int = 1200) -> bytes:
    """A metadata-free JPEG of the photo with its shapes drawn on; the original is untouched."""
    from inspector_app.photos.annotate import draw_shapes
    from inspector_app.photos.imaging import clean_image, encode_clean_jpeg

    info = get_photo(ctx, photo_id, include_deleted=True)
    if not info.annotations:
        return ctx.photos.clean_copy(info.sha256, max_edge).read_bytes()
    im = clean_image(ctx.photos.read(info.sha256), max_edge)
    return encode_clean_jpeg(draw_shapes(im, info.annotations))


# ---- maintenance -------------------------------------------------------------------------


@dataclass
class StoreCheck:
    """What `check_store` found still wrong, and what a repair removed."""

    integrity: list[str] | None = None  # None when the database is not SQLite
    missing_files: list[tuple[int, str]] = field(default_factory=list)  # (photo id, sha256)
    corrupt_files: list[str] = field(default_factory=list)  # referenced, content != name
    unreferenced_files: list[str] = field(default_factory=list)
    temp_files: list[Path] = field(default_factory=list)
    foreign_files: list[Path] = field(default_factory=list)  # never removed automatically
    removed: list[Path] = field(default_factory=list)
    rows_checked: int = 0
    files_checked: int = 0

    @property
    def database_ok(self) -> bool:
        return self.integrity is None or self.integrity == ["ok"]

    @property
    def ok(self) -> bool:
        return self.database_ok and not (
            self.missing_files
            or self.corrupt_files
            or self.unreferenced_files
            or self.temp_files
            or self.foreign_files
        )

    def problems(self) -> list[str]:
        """One sentence per problem, for `inspector check`."""
        out = [
            t("Database integrity: {problem}", problem=line)
            for line in self.integrity or []
            if line != "ok"
        ]
        out += [
            t("Photo {id} has no file in the photo store ({sha}).", id=i, sha=sha)
            for i, sha in self.missing_files
        ]
        out += [
            t("Stored photo {file} is damaged: its content no longer matches.", file=f)
            for f in self.corrupt_files
        ]
        out += [
            t("Stored file {file} belongs to no photo (--repair removes it).", file=f)
            for f in self.unreferenced_files
        ]
        out += [
            t("Leftover temporary file {file} (--repair removes it).", file=f)
            for f in self.temp_files
        ]
        out += [
            t("Unexpected file {file} in the photo folder; remove it by hand.", file=f)
            for f in self.foreign_files
        ]
        return out


def _integrity(ctx: Context) -> list[str] | None:
    if not ctx.db.is_sqlite:
        return None
    with ctx.db.read() as s:
        lines = [str(r) for r in s.execute(text("PRAGMA integrity_check")).scalars()]
        for table, rowid, parent, _fk in s.execute(text("PRAGMA foreign_key_check")):
            lines.append(f"row {rowid} of {table} refers to a missing {parent} row")
    if lines != ["ok"] and "ok" in lines:
        lines.remove("ok")
    return lines


def check_store(
    ctx: Context, repair: bool = False, *, progress: Callable[[int, int], None] | None = None
) -> StoreCheck:
    """Check the database and the photo store; `repair` removes unreferenced and temp files.

    A file some photo row refers to (even a soft-deleted one) is never removed. Every
    stored file is re-hashed; `progress(done, total)` is called after each one.
    """
    store = ctx.photos
    report = StoreCheck(integrity=_integrity(ctx))
    # Rows first, then files: a row is committed only after its file is durable, so a
    # file we do not see belongs to no row we saw, and "missing" is never a false alarm.
    with ctx.db.read() as s:
        rows = s.execute(select(Photo.id, Photo.sha256).order_by(Photo.id)).all()
    scan = store.scan()
    stored = set(scan.stored)
    report.rows_checked = len(rows)
    report.missing_files = [(pid, sha) for pid, sha in rows if sha not in stored]
    referenced = {sha for _pid, sha in rows}
    corrupt: list[str] = []
    for i, sha in enumerate(scan.stored, 1):
        if not store.verify(sha):
            corrupt.append(sha)
        if progress:
            progress(i, len(scan.stored))
    report.files_checked = len(scan.stored)
    report.corrupt_files = [sha for sha in corrupt if sha in referenced]
    unreferenced = [sha for sha in scan.stored if sha not in referenced]
    report.temp_files = list(scan.temp_files)
    report.foreign_files = list(scan.foreign)
    if repair:
        if unreferenced:
            unreferenced = _remove_unreferenced(ctx, unreferenced, report)
        report.temp_files = [p for p in scan.temp_files if not _remove_temp(p, report)]
        store.prune_derived(stored - {p.name for p in report.removed})
    report.unreferenced_files = unreferenced
    return report


def _remove_unreferenced(ctx: Context, candidates: list[str], report: StoreCheck) -> list[str]:
    """Remove candidate files under the write lock, re-reading references first.

    Returns the candidates that are still unreferenced but could not be removed.
    """
    store = ctx.photos
    left: list[str] = []
    with ctx.db.write() as s:
        if not ctx.db.is_sqlite:  # SQLite's BEGIN IMMEDIATE already excludes importers
            s.execute(text("LOCK TABLE photos IN SHARE ROW EXCLUSIVE MODE"))
        referenced = set(s.scalars(select(Photo.sha256).distinct()))
        for sha in candidates:
            if sha in referenced:
                continue  # imported meanwhile: no longer unreferenced
            path = store.path_for(sha)
            try:
                if store.remove(sha):
                    report.removed.append(path)
                    logger.info("removed unreferenced photo file %s", sha)
            except OSError as e:
                logger.warning("could not remove %s: %s", path, e)
                left.append(sha)
    return left


def _remove_temp(path: Path, report: StoreCheck) -> bool:
    from inspector_app.photos.store import remove_if_idle

    if remove_if_idle(path):
        report.removed.append(path)
        logger.info("removed leftover temporary file %s", path)
        return True
    return not path.exists()  # renamed into place, or still being written: not a leftover
