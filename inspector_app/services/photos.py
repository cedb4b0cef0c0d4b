"""Photos: importing files into the store, captions, annotations, soft delete.

Pillow is imported only inside the functions that need it (through `inspector_app.photos`),
so importing this module at start-up stays cheap.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, fields
from datetime import datetime
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from inspector_app.db.models import Finding, Photo, Purchase, RectificationCase
from inspector_app.domain.enums import PhotoRole, Role
from inspector_app.domain.errors import (
    ConflictError,
    InspectorError,
    NotFound,
    ValidationError,
)
from inspector_app.domain.labels import photo_role_label
from inspector_app.domain.messages import t
from inspector_app.services.common import clean_text, get_live, now
from inspector_app.services.context import MANAGERS, RECORDERS, SEES_PRIVATE, Context
from inspector_app.services.photo_checks import StoreCheck, check_store, repair_store  # noqa: F401 - the API

if TYPE_CHECKING:
    from inspector_app.photos.prepare import PreparedPhoto

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
    #: For a stored file whose content is already evidence of another purchase: "already
    #: evidence for finding N" (or purchase N). Stored all the same, but said.
    flag: str = ""

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


def _info(p: Photo, ctx: Context | None = None) -> PhotoInfo:
    """The photo as the services return it; who added it only for the roles that may know
    (a merchant manager never learns which inspector photographed a parcel)."""
    from inspector_app.photos.annotate import parse_shapes

    try:
        shapes = parse_shapes(p.annotations_json)
    except ValidationError:
        logger.warning("photo %s has unreadable annotations; showing none", p.id)
        shapes = []
    values = {f.name: getattr(p, f.name) for f in fields(PhotoInfo) if f.name != "annotations"}
    if ctx is not None and not (ctx.actor is not None and ctx.actor.role in SEES_PRIVATE):
        values["created_by_id"] = None
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
    Each file is validated (all its image data decoded), stored durably, and only then its
    row is committed in its own short transaction, before its result is yielded; so a crash
    leaves at worst an unreferenced file. The next file is validated meanwhile (see
    photos.prepare); closing the iterator drops it.
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
    from inspector_app.photos.prepare import prepared_ahead
    from inspector_app.photos.store import THUMB_SIZE

    # The next file is read and validated (with its thumbnail, from the same decode) on a
    # worker thread while this one is hashed, stored and committed here. On a team server a
    # JPEG's structure is checked instead of decoding it, and its thumbnail (a cache of
    # each machine's) is made when a screen first shows it, as on every other machine of
    # the team: decoding took twice as long as storing (docs/performance.md, "Photos").
    on_laptop = ctx.db.is_sqlite
    prepared = prepared_ahead(paths, thumb_edge=THUMB_SIZE if on_laptop else None,
                              decode=on_laptop)
    try:
        for photo in prepared:
            if photo.rejected is not None:
                yield AddResult(photo.path, REJECTED, str(photo.rejected))
                continue
            yield _store_one(ctx, photo, column, owner_id, role, caption)
    finally:
        prepared.close()


def _store_one(
    ctx: Context, photo: PreparedPhoto, column: str, owner_id: int, role: PhotoRole, caption: str
) -> AddResult:
    """Store a validated file durably, then commit its row in its own short transaction."""
    from inspector_app.photos.store import THUMB_SIZE

    store = ctx.photos
    path, name, data, info = photo.path, photo.name, photo.data, photo.checked.probe
    sha = hashlib.sha256(data).hexdigest()  # the only hash of these bytes
    existed = store.has(sha)
    # One laptop: the file is the photo, durable before its row exists. A team server
    # keeps the bytes in the row's own transaction; the file is this machine's cache of
    # them, not fsynced (docs/performance.md, "Photos").
    durable = ctx.db.is_sqlite
    try:
        store.put(data, sha, trust_sha=True, durable=durable)
    except OSError as e:
        if not existed:
            _drop_if_unreferenced(ctx, sha)
        raise InspectorError(t(
            "Could not save '{name}' in the photo store ({problem}); "
            "no further files were imported", name=name, problem=e.strerror or e,
        )) from e
    if photo.checked.thumbnail is not None:
        try:
            store.add_thumbnail(sha, THUMB_SIZE, photo.checked.thumbnail)
        except OSError as e:  # a cache: the thumbnail is made again when first shown
            logger.warning("could not cache the thumbnail of %s: %s", name, e)
    with ctx.db.write() as s:
        # Every live photo with this content, read once: whether it is already attached
        # here, and else whether it is evidence elsewhere (on a team server each query is
        # a round trip to a busy machine: docs/performance.md, "Photos").
        same = _same_content(s, sha)
        existing = next((p for p in same if getattr(p, column) == owner_id), None)
        if existing is not None:
            result = AddResult(
                path,
                ALREADY_STORED,
                t("'{name}' is already attached as photo {id}.", name=name, id=existing.id),
                existing.id,
                sha,
            )
        else:
            model, what = _OWNERS[column]
            owner = get_live(s, model, owner_id, what)  # still there (checked before too)
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
            if not ctx.db.is_sqlite:  # the team server's copy, in this same transaction
                from inspector_app.services.photo_server import put_blob

                put_blob(s, sha, data)
            s.flush()
            # We hold the write lock now, which a repair also takes while it deletes
            # unreferenced files: if one removed ours meanwhile, put it back.
            if not store.has(sha):
                store.put(data, sha, trust_sha=True, durable=durable)
            own_purchase = (owner_id if column == "purchase_id"
                            else owner.purchase_id if isinstance(owner, Finding) else None)
            result = AddResult(path, STORED, "", row.id, sha,
                               _evidence_elsewhere(same, own_purchase))
    logger.info("photo %s: %s (%s)", name, result.status, sha[:12])
    return result


@dataclass(frozen=True)
class _SameContent:
    """A live photo with the content being imported."""

    id: int
    purchase_id: int | None
    finding_id: int | None
    case_id: int | None
    role: PhotoRole
    evidence_of: int | None  # the purchase it is evidence of, directly or by its finding
    finding_live: bool


def _same_content(s: Session, sha: str) -> list[_SameContent]:
    rows = s.execute(
        select(Photo.id, Photo.purchase_id, Photo.finding_id, Photo.case_id, Photo.role,
               func.coalesce(Photo.purchase_id, Finding.purchase_id), Finding.deleted_at)
        .outerjoin(Finding, Finding.id == Photo.finding_id)
        .where(Photo.sha256 == sha, Photo.deleted_at.is_(None))
        .order_by(Photo.id)
    ).all()
    return [_SameContent(i, p, f, c, PhotoRole(r), e, d is None) for i, p, f, c, r, e, d in rows]


def _evidence_elsewhere(same: list[_SameContent], own_purchase: int | None) -> str:
    """The flag of a photo whose content is already evidence of another purchase (directly
    or of one of its findings), or "" (docs/domain.md, "Photos"). The same picture on two
    purchases means one of them did not show what was bought; within one purchase (the
    purchase and its findings) sharing a picture is normal. `same`: the other live photos
    with this content (read before this one was added)."""
    others = [
        p for p in same
        if p.role == PhotoRole.EVIDENCE and p.finding_live and p.case_id is None
        and p.evidence_of is not None and p.evidence_of != own_purchase
    ]
    for p in others:  # a finding says more than its purchase
        if p.finding_id is not None:
            return t("already evidence for finding {id}", id=p.finding_id)
    return t("already evidence for purchase {id}", id=others[0].evidence_of) if others else ""


def _drop_if_unreferenced(ctx: Context, sha: str) -> None:
    """After a failed store (a full disk, an I/O error after the rename), take away the file
    this import may have left, unless a row refers to it: under the write lock, as repair."""
    try:
        with ctx.db.write() as s:
            if s.scalar(select(Photo.id).where(Photo.sha256 == sha).limit(1)) is None:
                ctx.photos.remove(sha)
    except Exception as exc:  # noqa: BLE001 - already failing; `check` reports what is left
        logger.warning("could not clear the partly stored photo %s: %s", sha[:12], exc)


# ---- editing -----------------------------------------------------------------------------


def get_photo(ctx: Context, photo_id: int, *, include_deleted: bool = False) -> PhotoInfo:
    with ctx.db.read() as s:
        return _info(_load(s, photo_id, include_deleted=include_deleted), ctx)


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
        return [_info(p, ctx) for p in s.scalars(q)]


def set_caption(ctx: Context, photo_id: int, caption: str) -> PhotoInfo:
    caption = clean_text(caption, "caption", limit=MAX_CAPTION)
    with ctx.db.write() as s:
        photo = _load(s, photo_id)
        ctx.require(*roles_for(photo.role), action=t("change this photo's caption"))
        photo.caption = caption
        s.flush()
        return _info(photo, ctx)


def set_annotations(ctx: Context, photo_id: int, shapes_json: str | list | None) -> PhotoInfo:
    """Replace the shapes drawn over a photo (see photos.annotate for the format)."""
    from inspector_app.photos.annotate import parse_shapes, shapes_to_json

    stored = shapes_to_json(parse_shapes(shapes_json))
    with ctx.db.write() as s:
        photo = _load(s, photo_id)
        ctx.require(*roles_for(photo.role), action=t("annotate this photo"))
        photo.annotations_json = stored
        s.flush()
        return _info(photo, ctx)


def delete_photo(ctx: Context, photo_id: int) -> None:
    """Soft delete: the row is hidden, the file stays (evidence; restore brings it back)."""
    with ctx.db.write() as s:
        photo = _load(s, photo_id)
        ctx.require(*roles_for(photo.role), action=t("delete this photo"))
        photo.deleted_at, photo.deleted_by_id = now(), ctx.actor_id


def restore_photo(ctx: Context, photo_id: int) -> PhotoInfo:
    with ctx.db.write() as s:
        photo = _load(s, photo_id, include_deleted=True)
        ctx.require(*roles_for(photo.role), action=t("restore this photo"))
        if photo.deleted_at is None:
            return _info(photo, ctx)
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
        photo.deleted_at = photo.deleted_by_id = None
        s.flush()
        return _info(photo, ctx)


def annotated_render(
    ctx: Context,
    photo_id: int,
    max_edge: int = 1200,
    *,
    shapes: Callable[[list[dict]], list[dict]] | None = None,
) -> bytes:
    """A metadata-free JPEG of the photo with its shapes drawn on; the original is untouched.

    `shapes` rewrites the shapes before drawing: a merchant-facing render passes the privacy
    gate's, which redacts the text of every text annotation.
    """
    from inspector_app.photos.annotate import draw_shapes
    from inspector_app.photos.imaging import clean_image, encode_clean_jpeg

    info = get_photo(ctx, photo_id, include_deleted=True)
    if not info.annotations:
        return ctx.photos.clean_copy(info.sha256, max_edge).read_bytes()
    im = clean_image(ctx.photos.read(info.sha256), max_edge)
    drawn = shapes(list(info.annotations)) if shapes is not None else info.annotations
    return encode_clean_jpeg(draw_shapes(im, drawn))
