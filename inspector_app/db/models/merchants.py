"""Merchants (shops on the platform) and the history of their status."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from inspector_app.db.base import Base, SoftDeleted, Tracked, UTCDateTime, Versioned, enum_column
from inspector_app.domain.enums import MerchantStatus


class Merchant(Tracked, Versioned, SoftDeleted, Base):
    __tablename__ = "merchants"

    name: Mapped[str] = mapped_column(String(200), index=True)
    shop_id: Mapped[str] = mapped_column(String(64), unique=True)
    category: Mapped[str] = mapped_column(String(100), default="")
    contact: Mapped[str] = mapped_column(String(200), default="")
    key_merchant: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[MerchantStatus] = enum_column(MerchantStatus, default=MerchantStatus.ACTIVE)
    status_reason: Mapped[str] = mapped_column(Text, default="")
    status_changed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    #: The uid of the merchant this duplicate was merged into (migration 0015; it is then
    #: in the waste basket, services/merging.py).
    merged_into_uid: Mapped[str | None] = mapped_column(String(36), nullable=True)

    status_changes: Mapped[list[MerchantStatusChange]] = relationship(
        back_populates="merchant", order_by="MerchantStatusChange.changed_at"
    )


class MerchantStatusChange(Tracked, Base):
    """One status change of a merchant, with its reason (append-only history)."""

    __tablename__ = "merchant_status_changes"

    merchant_id: Mapped[int] = mapped_column(ForeignKey("merchants.id"), index=True)
    from_status: Mapped[MerchantStatus | None] = enum_column(MerchantStatus, nullable=True)
    to_status: Mapped[MerchantStatus] = enum_column(MerchantStatus)
    reason: Mapped[str] = mapped_column(Text, default="")
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime())

    merchant: Mapped[Merchant] = relationship(back_populates="status_changes")
