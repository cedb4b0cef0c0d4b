"""Merchants: create and edit, key-merchant flag, status changes (watch, suspend, eliminate)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from inspector_app.db.models import Merchant, MerchantStatusChange
from inspector_app.db.ordering import codepoint
from inspector_app.db.search import like_any
from inspector_app.domain.enums import MerchantStatus
from inspector_app.domain.errors import ConflictError, NotFound, ValidationError
from inspector_app.domain.labels import merchant_status_label
from inspector_app.domain.messages import t
from inspector_app.services.common import clean_line, clean_text, get_live, now
from inspector_app.services.context import MANAGERS, RECORDERS, Context
from inspector_app.services.sync.binding import require_server

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class MerchantInfo:
    id: int
    uid: str
    shop_id: str
    name: str
    category: str
    contact: str
    key_merchant: bool
    status: MerchantStatus
    status_reason: str
    status_changed_at: datetime | None
    #: The row's version: pass it back to update_merchant to refuse a stale edit.
    version: int = 0


@dataclass(frozen=True)
class StatusChangeInfo:
    at: datetime
    from_status: MerchantStatus | None
    to_status: MerchantStatus
    reason: str


def info(m: Merchant) -> MerchantInfo:
    return MerchantInfo(
        id=m.id, uid=m.uid, shop_id=m.shop_id, name=m.name, category=m.category,
        contact=m.contact, key_merchant=m.key_merchant, status=MerchantStatus(m.status),
        status_reason=m.status_reason, status_changed_at=m.status_changed_at,
        version=m.version or 0,
    )


def create_merchant(
    ctx: Context,
    shop_id: str,
    name: str,
    *,
    category: str = "",
    contact: str = "",
    key_merchant: bool = False,
) -> MerchantInfo:
    """A new merchant; inspectors may create one inline while logging a purchase."""
    ctx.require(*RECORDERS, action=t("add merchants"))
    shop_id = clean_line(shop_id, "shop_id", required=True, limit=64)
    name = clean_line(name, "name", required=True, limit=200)
    with ctx.db.write() as s:
        if s.scalar(select(Merchant.id).where(Merchant.shop_id == shop_id)):
            raise ConflictError(
                t("A merchant with shop id '{shop_id}' already exists", shop_id=shop_id),
                field="shop_id",
            )
        m = Merchant(
            shop_id=shop_id, name=name, category=clean_line(category, "category", limit=100),
            contact=clean_line(contact, "contact", limit=200), key_merchant=bool(key_merchant),
            created_by_id=ctx.actor_id,
        )
        s.add(m)
        s.flush()
        return info(m)


def update_merchant(
    ctx: Context,
    merchant_id: int,
    *,
    name: str | None = None,
    category: str | None = None,
    contact: str | None = None,
    key_merchant: bool | None = None,
    shop_id: str | None = None,
    expected_version: int | None = None,
) -> MerchantInfo:
    """Change a merchant's facts; with `expected_version` (the version the editor showed)
    a change made meanwhile by someone else refuses the save (services/versions.py). A new
    name is what the next printed notice shows; archived notices keep theirs."""
    from inspector_app.services.versions import check, refused_when_stale

    ctx.require(*MANAGERS, action=t("edit merchants"))
    what = t("The merchant")
    with refused_when_stale(ctx, Merchant, lambda: merchant_id, what), ctx.db.write() as s:
        m = get_live(s, Merchant, merchant_id, "merchant")
        check(s, m, expected_version, what)
        if shop_id is not None:
            shop_id = clean_line(shop_id, "shop_id", required=True, limit=64)
            if shop_id != m.shop_id:
                if s.scalar(select(Merchant.id).where(Merchant.shop_id == shop_id)):
                    raise ConflictError(t(
                        "A merchant with shop id '{shop_id}' already exists", shop_id=shop_id,
                    ), field="shop_id")
                m.shop_id = shop_id
        if name is not None:
            m.name = clean_line(name, "name", required=True, limit=200)
        if category is not None:
            m.category = clean_line(category, "category", limit=100)
        if contact is not None:
            m.contact = clean_line(contact, "contact", limit=200)
        if key_merchant is not None:
            m.key_merchant = bool(key_merchant)
        s.flush()
        return info(m)


def set_status(ctx: Context, merchant_id: int, status: MerchantStatus | str, reason: str) -> MerchantInfo:
    """Put a merchant on watch, suspend, eliminate or reinstate it; a reason is required."""
    ctx.require(*MANAGERS, action=t("change a merchant's status"))
    require_server(ctx, t("Changing a merchant's status"))  # docs/sync.md
    try:
        status = MerchantStatus(status)
    except ValueError:
        raise ValidationError(
            t("Unknown merchant status '{status}'", status=status), field="status"
        ) from None
    reason = clean_text(reason, "reason")
    if not reason:
        raise ValidationError(t("Say why the merchant's status changes"), field="reason")
    with ctx.db.write() as s:
        m = get_live(s, Merchant, merchant_id, "merchant")
        if m.status == status:
            raise ValidationError(
                t("{name} is already {status}", name=m.name, status=merchant_status_label(status)),
                field="status",
            )
        when = now()
        s.add(MerchantStatusChange(
            merchant_id=m.id, from_status=m.status, to_status=status, reason=reason,
            changed_at=when, created_by_id=ctx.actor_id,
        ))
        m.status, m.status_reason, m.status_changed_at = status, reason, when
        return info(m)


def get_merchant(ctx: Context, merchant_id: int) -> MerchantInfo:
    with ctx.db.read() as s:
        return info(get_live(s, Merchant, merchant_id, "merchant"))


def find_by_shop_id(ctx: Context, shop_id: str) -> MerchantInfo:
    with ctx.db.read() as s:
        m = s.scalar(select(Merchant).where(Merchant.shop_id == shop_id.strip()))
        if m is None or m.deleted_at is not None:
            raise NotFound(t("No merchant with shop id '{shop_id}'", shop_id=shop_id))
        return info(m)


def status_history(ctx: Context, merchant_id: int) -> list[StatusChangeInfo]:
    with ctx.db.read() as s:
        rows = s.scalars(
            select(MerchantStatusChange)
            .where(MerchantStatusChange.merchant_id == merchant_id)
            .order_by(MerchantStatusChange.changed_at, MerchantStatusChange.id)
        )
        return [
            StatusChangeInfo(r.changed_at, r.from_status and MerchantStatus(r.from_status),
                             MerchantStatus(r.to_status), r.reason)
            for r in rows
        ]


def search_merchants(ctx: Context, text: str, limit: int = 20) -> list[MerchantInfo]:
    """Type-ahead: merchants whose name or shop id contains `text`."""
    with ctx.db.read() as s:
        rows = s.scalars(
            select(Merchant)
            .where(Merchant.deleted_at.is_(None))
            .where(like_any((Merchant.name, Merchant.shop_id), text.strip()))
            .order_by(codepoint(Merchant.name), Merchant.id)
            .limit(limit)
        )
        return [info(m) for m in rows]


def delete_merchant(ctx: Context, merchant_id: int) -> None:
    ctx.require(*MANAGERS, action=t("delete merchants"))
    with ctx.db.write() as s:
        m = get_live(s, Merchant, merchant_id, "merchant")
        m.deleted_at, m.deleted_by_id = now(), ctx.actor_id


def restore_merchant(ctx: Context, merchant_id: int) -> None:
    ctx.require(*MANAGERS, action=t("restore merchants"))
    with ctx.db.write() as s:
        m = s.get(Merchant, merchant_id)
        if m is None:
            raise NotFound(t("No merchant with id {id}", id=merchant_id))
        m.deleted_at = m.deleted_by_id = m.merged_into_uid = None
