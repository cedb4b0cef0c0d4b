"""Brands and products (a product row is one style, which may have several SKUs)."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from inspector_app.db.base import Base, SoftDeleted, Tracked, Versioned


class Brand(Tracked, Versioned, SoftDeleted, Base):
    __tablename__ = "brands"

    name: Mapped[str] = mapped_column(String(200), unique=True)


class Product(Tracked, Versioned, SoftDeleted, Base):
    __tablename__ = "products"

    name: Mapped[str] = mapped_column(String(300), index=True)
    brand_id: Mapped[int | None] = mapped_column(ForeignKey("brands.id"), index=True)
    category: Mapped[str] = mapped_column(String(100), default="")
    listing_id: Mapped[str | None] = mapped_column(String(64), unique=True, nullable=True)
    list_price_cents: Mapped[int | None] = mapped_column(Integer, nullable=True)
    #: The uid of the product this duplicate was merged into (migration 0015).
    merged_into_uid: Mapped[str | None] = mapped_column(String(36), nullable=True)

    brand: Mapped[Brand | None] = relationship()
