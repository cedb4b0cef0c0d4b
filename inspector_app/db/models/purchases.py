"""Mystery purchases and the findings recorded when a parcel is inspected."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from inspector_app.db.base import Base, SoftDeleted, Tracked, UTCDateTime, Versioned, enum_column
from inspector_app.db.models.catalog import Product
from inspector_app.db.models.merchants import Merchant
from inspector_app.db.models.people import User
from inspector_app.domain.enums import (
    FindingCategory,
    GoodsDisposition,
    PurchaseStatus,
    Severity,
    Verdict,
)

#: A partial index over the soft-deleted rows only (the waste basket; few rows). An index
#: over all of deleted_at would mislead SQLite's planner: "deleted_at IS NULL" matches
#: nearly every row, yet the statistics make it look as selective as one timestamp.
#: PostgreSQL (which keeps the share of NULLs per column) gets a plain index; declaring
#: postgresql_where here would load the PostgreSQL dialect at every start (~35 ms).
_ONLY_DELETED: dict[str, Any] = {  # dialect options of Index(**kw)
    "sqlite_where": text("deleted_at IS NOT NULL"),
}


class Purchase(Tracked, Versioned, SoftDeleted, Base):
    __tablename__ = "purchases"
    __table_args__ = (
        Index("ix_purchases_ordered_at_id", "ordered_at", "id"),
        Index("ix_purchases_merchant_ordered", "merchant_id", "ordered_at"),
        # Migration 0003: one index per sortable column of the purchases table, and the
        # (few) deleted rows, so "live purchases" is a short NOT IN list, not a join.
        Index("ix_purchases_received_at", "received_at"),
        Index("ix_purchases_verdict", "verdict"),
        Index("ix_purchases_price_paid", "price_paid_cents"),
        Index("ix_purchases_deleted", "deleted_at", **_ONLY_DELETED),
        # Covers the merchants' scorecards (purchases, inspected, failed per merchant).
        Index("ix_purchases_merchant_scorecard", "merchant_id", "deleted_at", "status", "verdict"),
    )

    product_id: Mapped[int | None] = mapped_column(ForeignKey("products.id"), index=True)
    merchant_id: Mapped[int] = mapped_column(ForeignKey("merchants.id"))
    order_number: Mapped[str | None] = mapped_column(String(64), unique=True, nullable=True)
    ordered_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    price_paid_cents: Mapped[int | None] = mapped_column(Integer, nullable=True)
    #: Private to inspectors: never printed on anything meant for a merchant.
    buyer_alias: Mapped[str] = mapped_column(String(100), default="")
    #: Private to inspectors: never printed on anything meant for a merchant.
    delivery_address: Mapped[str] = mapped_column(Text, default="")
    received_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    inspected_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    inspector_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    status: Mapped[PurchaseStatus] = enum_column(
        PurchaseStatus, default=PurchaseStatus.PLANNED, index=True
    )
    #: A person chose the status (migration 0017); otherwise it follows the dates
    #: (domain/purchase_status.py), and later date changes move it.
    status_set_by_hand: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    verdict: Mapped[Verdict | None] = enum_column(Verdict, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    plan_pick_id: Mapped[int | None] = mapped_column(
        ForeignKey("sampling_picks.id"), nullable=True
    )
    # How the goods ended (migration 0010; docs/domain.md, "What the team spent").
    disposition: Mapped[GoodsDisposition | None] = enum_column(GoodsDisposition, nullable=True)
    #: Money back for returned goods, in cents.
    refund_cents: Mapped[int | None] = mapped_column(Integer, nullable=True)
    lightning_refund: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    #: Where a kept sample is stored.
    sample_location: Mapped[str] = mapped_column(String(200), default="", server_default="")

    product: Mapped[Product | None] = relationship()
    merchant: Mapped[Merchant] = relationship()
    inspector: Mapped[User | None] = relationship(foreign_keys=[inspector_id])
    findings: Mapped[list[Finding]] = relationship(
        back_populates="purchase", order_by="Finding.id"
    )


class Finding(Tracked, Versioned, SoftDeleted, Base):
    __tablename__ = "findings"
    __table_args__ = (
        Index("ix_findings_created_id", "created_at", "id"),
        Index("ix_findings_category_severity", "category", "severity"),
        # Migration 0003. (purchase_id, deleted_at, severity) covers counting live findings
        # and the merchants' scorecards; title, category and severity give the table's sort
        # orders (SQLite appends the rowid to every index, so "ORDER BY title, id" walks
        # ix_findings_title and stops after the page).
        Index("ix_findings_purchase_deleted_severity", "purchase_id", "deleted_at", "severity"),
        Index("ix_findings_title", "title"),
        Index("ix_findings_category", "category"),
        Index("ix_findings_severity", "severity"),
        Index("ix_findings_deleted", "deleted_at", **_ONLY_DELETED),
        # Covers the statistics of a period (services/stats.py: counts per month, findings
        # by purchase, severity and category) without reading the findings' rows.
        Index(
            "ix_findings_period", "created_at", "deleted_at", "purchase_id", "severity", "category"
        ),
        # Migration 0010: a period's findings are those on its purchases; this covers
        # grouping them by purchase, severity and category.
        Index("ix_findings_purchase_stats", "purchase_id", "deleted_at", "severity", "category"),
    )

    purchase_id: Mapped[int] = mapped_column(ForeignKey("purchases.id"))
    category: Mapped[FindingCategory] = enum_column(FindingCategory)
    severity: Mapped[Severity] = enum_column(Severity)
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    expected: Mapped[str] = mapped_column(Text, default="")
    observed: Mapped[str] = mapped_column(Text, default="")
    #: The standard clause or platform rule broken (e.g. "GB 18401-2010 6.1"), when known.
    rule_ref: Mapped[str] = mapped_column(String(300), default="")

    purchase: Mapped[Purchase] = relationship(back_populates="findings")
