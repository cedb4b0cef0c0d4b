"""Rectification cases, the findings they cover, and their append-only event history."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from inspector_app.db.base import Base, Tracked, UTCDateTime, Versioned, enum_column
from inspector_app.db.models.merchants import Merchant
from inspector_app.db.models.people import User
from inspector_app.db.models.purchases import Finding
from inspector_app.domain.enums import CaseStatus, VerificationResult


class RectificationCase(Tracked, Versioned, Base):
    __tablename__ = "rectification_cases"
    __table_args__ = (
        UniqueConstraint("year", "sequence", name="uq_rectification_cases_year_sequence"),
        Index("ix_rectification_cases_status_due", "status", "due_date"),
    )

    case_number: Mapped[str] = mapped_column(String(32), unique=True)
    year: Mapped[int] = mapped_column(Integer)
    sequence: Mapped[int] = mapped_column(Integer)
    merchant_id: Mapped[int] = mapped_column(ForeignKey("merchants.id"), index=True)
    status: Mapped[CaseStatus] = enum_column(CaseStatus, default=CaseStatus.OPEN)
    due_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    summary: Mapped[str] = mapped_column(Text, default="")

    # The merchant's response.
    response_text: Mapped[str] = mapped_column(Text, default="")
    root_cause: Mapped[str] = mapped_column(Text, default="")
    corrective_action: Mapped[str] = mapped_column(Text, default="")
    preventive_action: Mapped[str] = mapped_column(Text, default="")
    response_date: Mapped[date | None] = mapped_column(Date, nullable=True)

    # Verification.
    verification_result: Mapped[VerificationResult | None] = enum_column(
        VerificationResult, nullable=True
    )
    verification_note: Mapped[str] = mapped_column(Text, default="")
    verification_purchase_id: Mapped[int | None] = mapped_column(
        ForeignKey("purchases.id"), nullable=True
    )
    #: Why the case was cancelled, waived or escalated (the latest such reason).
    status_reason: Mapped[str] = mapped_column(Text, default="")

    # Timing (docs/domain.md, "The figures"): hours from notice to first response and to closure.
    notified_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    first_response_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)

    merchant: Mapped[Merchant] = relationship()
    assignee: Mapped[User | None] = relationship(foreign_keys=[assignee_id])
    case_findings: Mapped[list[CaseFinding]] = relationship(
        back_populates="case", order_by="CaseFinding.id"
    )
    events: Mapped[list[CaseEvent]] = relationship(
        back_populates="case", order_by="CaseEvent.id"
    )


class CaseFinding(Tracked, Base):
    __tablename__ = "case_findings"
    __table_args__ = (UniqueConstraint("case_id", "finding_id", name="uq_case_findings_pair"),)

    case_id: Mapped[int] = mapped_column(ForeignKey("rectification_cases.id"))
    finding_id: Mapped[int] = mapped_column(ForeignKey("findings.id"), index=True)

    case: Mapped[RectificationCase] = relationship(back_populates="case_findings")
    finding: Mapped[Finding] = relationship()


class CaseEvent(Tracked, Base):
    """One change of a case. Append-only: a database trigger refuses UPDATE and DELETE."""

    __tablename__ = "case_events"

    case_id: Mapped[int] = mapped_column(ForeignKey("rectification_cases.id"), index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    kind: Mapped[str] = mapped_column(String(32))  # status, response, verification, edit, ...
    from_status: Mapped[str | None] = mapped_column(String(32), nullable=True)
    to_status: Mapped[str | None] = mapped_column(String(32), nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")

    case: Mapped[RectificationCase] = relationship(back_populates="events")
    actor: Mapped[User | None] = relationship(foreign_keys=[actor_id])
