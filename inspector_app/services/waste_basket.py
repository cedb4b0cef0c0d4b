"""The waste basket: who may restore which soft-deleted rows, and restoring a selection at once.

The per-row services (purchases.restore_purchase, findings.restore_finding, ...) undo one
delete each. Here a whole selection from the "Deleted items" screen is restored in one
transaction (all or nothing), with the same role rules, and with what a restored row needs
to be seen again: a finding or photo whose purchase (or finding) is deleted is invisible
however often it is restored, so that purchase or finding comes back with it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from typing import cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector_app.db.models import Finding, Merchant, Photo, Product, Purchase
from inspector_app.domain.enums import PhotoRole, Role
from inspector_app.domain.errors import ConflictError, NotFound, ValidationError
from inspector_app.domain.labels import thing_label
from inspector_app.domain.messages import t
from inspector_app.services.context import MANAGERS, RECORDERS, Context
from inspector_app.services.photos import roles_for

logger = logging.getLogger(__name__)

#: The kinds of rows the waste basket holds, in the order screens list them.
KINDS = ("purchase", "finding", "photo", "merchant", "product")
PURCHASE, FINDING, PHOTO, MERCHANT, PRODUCT = KINDS

#: Who may restore rows of each kind; a photo's depends on its role (photos.roles_for).
_RESTORERS: dict[str, tuple[Role, ...]] = {
    PURCHASE: RECORDERS,
    FINDING: RECORDERS,
    MERCHANT: MANAGERS,
    PRODUCT: MANAGERS,
}
#: The table of each kind.
#: A row the waste basket holds.
Restorable = Purchase | Finding | Photo | Merchant | Product
MODELS: dict[str, type[Restorable]] = {
    PURCHASE: Purchase, FINDING: Finding, PHOTO: Photo, MERCHANT: Merchant, PRODUCT: Product
}


def _get(s: Session, kind: str, row_id: int) -> Restorable | None:
    # Session.get widens a union of classes to Base; MODELS maps each kind to one of them.
    return cast("Restorable | None", s.get(MODELS[kind], row_id))


def restorer_roles(kind: str, photo_role: PhotoRole | str | None = None) -> tuple[Role, ...]:
    """The roles that may restore a row of `kind` (for photos: of that photo role; without
    one, the roles that may restore at least some photos)."""
    _check_kind(kind)
    if kind != PHOTO:
        return _RESTORERS[kind]
    if photo_role is not None:
        return roles_for(PhotoRole(photo_role))
    return tuple(dict.fromkeys(r for pr in PhotoRole for r in roles_for(pr)))


def may_restore(role: Role | str | None, kind: str, photo_role: PhotoRole | str | None = None) -> bool:
    """Whether a user of `role` may restore such a row (the screen shows its buttons by this)."""
    return role is not None and Role(role) in restorer_roles(kind, photo_role)


def restorable_kinds(role: Role | str | None) -> tuple[str, ...]:
    """The kinds of which a user of `role` may restore at least some rows."""
    return tuple(k for k in KINDS if may_restore(role, k))


@dataclass(frozen=True)
class RestoredItem:
    """One row brought back: `requested` is False for a purchase or finding restored only
    because a selected row belongs to it."""

    kind: str
    id: int
    label: str
    requested: bool = True


@dataclass(frozen=True)
class RestoreResult:
    items: tuple[RestoredItem, ...] = ()

    def ids(self, kind: str) -> list[int]:
        return [i.id for i in self.items if i.kind == kind]

    @property
    def requested(self) -> list[RestoredItem]:
        return [i for i in self.items if i.requested]

    @property
    def along(self) -> list[RestoredItem]:
        """Rows restored because a selected row needs them (its deleted purchase or finding)."""
        return [i for i in self.items if not i.requested]


def restore_items(ctx: Context, items: Iterable[tuple[str, int]]) -> RestoreResult:
    """Restore the (kind, id) rows in one transaction; any refusal restores nothing.

    Rows that are not deleted (any more) are left as they are. A finding whose purchase is
    deleted, or a photo whose purchase or finding is deleted, brings that back too (and so
    needs the right to restore it); the result lists those apart (`along`).
    """
    wanted = list(dict.fromkeys((kind, int(row_id)) for kind, row_id in items))
    for kind, _ in wanted:
        _check_kind(kind)
    if not wanted:
        return RestoreResult()
    ctx.require(action=t("restore deleted items"))
    run = _Restore(ctx)
    with ctx.db.write() as s:
        for kind, row_id in wanted:
            run.restore(s, kind, row_id, requested=True)
    result = RestoreResult(tuple(run.done.values()))
    logger.info("restored %s", [(i.kind, i.id) for i in result.items][:50])
    return result


class _Restore:
    """The state of one restore_items call: what is done, which role checks passed."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.done: dict[tuple[str, int], RestoredItem] = {}
        self._allowed: set[tuple[Role, ...]] = set()

    def restore(self, s: Session, kind: str, row_id: int, *, requested: bool) -> None:
        key = (kind, row_id)
        if key in self.done:
            if requested and not self.done[key].requested:
                self.done[key] = RestoredItem(kind, row_id, self.done[key].label, True)
            return
        row = _get(s, kind, row_id)
        if row is None:
            raise NotFound(t("No {what} with id {id}", what=thing_label(kind), id=row_id))
        self._require(kind, row)
        if isinstance(row, Finding):
            self._parent(s, PURCHASE, row.purchase_id)
        elif isinstance(row, Photo):
            self._photo_owner(s, row)
        if row.deleted_at is None:
            return  # restored meanwhile (another window, an Undo): nothing to do
        row.deleted_at = row.deleted_by_id = None
        if isinstance(row, Merchant | Product):
            row.merged_into_uid = None  # back on its own (services/merging.py)
        s.flush()  # the next photo's duplicate check must see this one
        self.done[key] = RestoredItem(kind, row_id, _label(kind, row), requested)

    def _parent(self, s: Session, kind: str, row_id: int) -> None:
        parent = _get(s, kind, row_id)
        if parent is not None and parent.deleted_at is not None:
            self.restore(s, kind, row_id, requested=False)
        elif isinstance(parent, Finding):
            self._parent(s, PURCHASE, parent.purchase_id)

    def _photo_owner(self, s: Session, photo: Photo) -> None:
        if photo.purchase_id is not None:
            self._parent(s, PURCHASE, photo.purchase_id)
            owner = Photo.purchase_id == photo.purchase_id
        elif photo.finding_id is not None:
            self._parent(s, FINDING, photo.finding_id)
            owner = Photo.finding_id == photo.finding_id
        else:
            owner = Photo.case_id == photo.case_id  # cases are never deleted
        if photo.deleted_at is None:
            return
        # As photos.restore_photo: the same file may have been attached to the owner again
        # after this one was deleted; two copies side by side would only confuse.
        twin = s.scalar(select(Photo.id).where(
            Photo.sha256 == photo.sha256, owner, Photo.deleted_at.is_(None), Photo.id != photo.id,
        ).limit(1))
        if twin is not None:
            raise ConflictError(
                t("The same photo is already attached again, as photo {id}", id=twin)
            )

    def _require(self, kind: str, row) -> None:
        roles = restorer_roles(kind, row.role if kind == PHOTO else None)
        if roles in self._allowed:
            return
        self.ctx.require(*roles, action=_action(kind))
        self._allowed.add(roles)


def _action(kind: str) -> str:
    # The same words as the per-row restore services, so the refusal reads the same.
    return {
        PURCHASE: t("restore purchases"),
        FINDING: t("restore findings"),
        PHOTO: t("restore this photo"),
        MERCHANT: t("restore merchants"),
        PRODUCT: t("restore products"),
    }[kind]


def _label(kind: str, row) -> str:
    """How messages name a restored row: order number, title, file name or name."""
    if kind == PURCHASE:
        return row.order_number or f"#{row.id}"
    if kind == FINDING:
        return row.title
    if kind == PHOTO:
        return row.original_name or f"#{row.id}"
    return row.name


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise ValidationError(t("Unknown kind of deleted item: {kind}", kind=kind), field="kind")
