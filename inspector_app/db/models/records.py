"""Supporting records: complaints and work orders, archived reports, sampling plans, settings."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from inspector_app.db.base import Base, Tracked, UTCDateTime, Versioned, enum_column
from inspector_app.domain.enums import (
    MerchantStatus,
    PlanStatus,
    ReviewDecision,
    WorkOrderKind,
    WorkOrderResult,
)


class WorkOrder(Tracked, Base):
    """A consumer complaint or after-sales work order against a merchant (imported)."""

    __tablename__ = "work_orders"
    __table_args__ = (
        # Migration 0009: the Work orders screen's sort orders and the statistics window
        # (applied, closed), the 100 longest platform-wide and per merchant (duration).
        Index("ix_work_orders_applied_at", "applied_at"),
        Index("ix_work_orders_closed_at", "closed_at"),
        Index("ix_work_orders_duration", "duration_hours"),
        Index("ix_work_orders_merchant_duration", "merchant_id", "duration_hours"),
        Index("ix_work_orders_type", "type"),
        # Migration 0010: the month's review and the risk score's timing read their work
        # orders (service duration, first handling, closing) from this index alone.
        Index("ix_work_orders_kind_applied", "kind", "applied_at", "merchant_id",
              "duration_hours", "first_handled_at", "closed_at"),
    )

    merchant_id: Mapped[int] = mapped_column(ForeignKey("merchants.id"), index=True)
    kind: Mapped[WorkOrderKind] = enum_column(WorkOrderKind)
    order_ref: Mapped[str] = mapped_column(String(64))
    type: Mapped[str] = mapped_column(String(100), default="")
    applied_at: Mapped[datetime] = mapped_column(UTCDateTime())
    first_handled_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    outcome: Mapped[str] = mapped_column(String(200), default="")
    # Migration 0009: the stages (docs/domain.md, "Work-order warnings"), all UTC.
    #: The return picked up at the consumer or sent by them (上门取件/发货).
    pickup_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    #: The first reverse-logistics (tracking) information (逆向物流信息).
    return_info_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    #: The return parcel arrived at the warehouse (到仓).
    arrived_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    signed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    stocked_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    first_reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    #: How it ended, recognised from the outcome (None: not recognised or not ended).
    result: Mapped[WorkOrderResult | None] = enum_column(WorkOrderResult, nullable=True)
    #: The service duration in hours (domain.workorders.service_duration); None while the
    #: merchant has not reviewed or handled it (its hours are still counting).
    duration_hours: Mapped[float | None] = mapped_column(nullable=True)
    #: shop_id|kind|order_ref|applied_at: makes re-importing the same file add nothing.
    source_key: Mapped[str] = mapped_column(String(300), unique=True)


class OrderVolume(Tracked, Base):
    """A merchant's order count in one month (imported): the base of the per-order rates."""

    __tablename__ = "order_volumes"
    __table_args__ = (UniqueConstraint("merchant_id", "month"),)

    merchant_id: Mapped[int] = mapped_column(ForeignKey("merchants.id"), index=True)
    month: Mapped[str] = mapped_column(String(7))  # 2026-10
    orders: Mapped[int] = mapped_column(Integer)


class ReportArchive(Tracked, Base):
    """A generated report with the figures it stated, so it can be reproduced exactly."""

    __tablename__ = "report_archive"

    kind: Mapped[str] = mapped_column(String(32), index=True)  # monthly, annual, notice, ...
    period: Mapped[str] = mapped_column(String(32), default="")  # 2026-10, 2026, RC-2026-0042
    figures_json: Mapped[str] = mapped_column(Text)
    file_name: Mapped[str] = mapped_column(String(255), default="")
    file_sha256: Mapped[str] = mapped_column(String(64), default="")


class SamplingPlan(Tracked, Versioned, Base):
    __tablename__ = "sampling_plans"

    period: Mapped[str] = mapped_column(String(16), index=True)  # 2026-12
    seed: Mapped[int] = mapped_column(Integer)
    params_json: Mapped[str] = mapped_column(Text, default="{}")
    status: Mapped[PlanStatus] = enum_column(PlanStatus, default=PlanStatus.DRAFT)
    accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class SamplingPick(Tracked, Base):
    __tablename__ = "sampling_picks"

    plan_id: Mapped[int] = mapped_column(ForeignKey("sampling_plans.id"), index=True)
    merchant_id: Mapped[int] = mapped_column(ForeignKey("merchants.id"))
    product_id: Mapped[int | None] = mapped_column(ForeignKey("products.id"), nullable=True)
    stratum: Mapped[str] = mapped_column(String(200), default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    weight: Mapped[float] = mapped_column(default=1.0)


class AppSetting(Tracked, Versioned, Base):
    """Team-wide settings (organisation name, deadlines, thresholds) as JSON values."""

    __tablename__ = "app_settings"

    key: Mapped[str] = mapped_column(String(100), unique=True)
    value_json: Mapped[str] = mapped_column(Text)


class ReviewDecisionRecord(Tracked, Base):
    """One decision of the monthly merchant review (append-only; migration 0010).

    A watch/suspend/eliminate decision that changes the merchant's status also wrote a
    MerchantStatusChange in the same transaction (`status_change_id`); "no action", or a
    decision the merchant's status already matches, records the decision alone.
    """

    __tablename__ = "review_decisions"

    month: Mapped[str] = mapped_column(String(7), index=True)  # 2026-11
    merchant_id: Mapped[int] = mapped_column(ForeignKey("merchants.id"), index=True)
    decision: Mapped[ReviewDecision] = enum_column(ReviewDecision)
    reason: Mapped[str] = mapped_column(Text, default="")
    #: The merchant's status when decided.
    from_status: Mapped[MerchantStatus] = enum_column(MerchantStatus)
    status_change_id: Mapped[int | None] = mapped_column(
        ForeignKey("merchant_status_changes.id"), nullable=True
    )
    decided_at: Mapped[datetime] = mapped_column(UTCDateTime())
    #: Decisions recorded together share it (one step for many merchants).
    batch: Mapped[str] = mapped_column(String(36), default="")
