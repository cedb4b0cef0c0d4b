"""Photo rows: a content-addressed file (by SHA-256) attached to a purchase, finding or case."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from inspector_app.db.base import (
    Base,
    SoftDeleted,
    Tracked,
    UTCDateTime,
    Versioned,
    enum_column,
    utcnow,
)
from inspector_app.domain.enums import PhotoRole


class Photo(Tracked, Versioned, SoftDeleted, Base):
    __tablename__ = "photos"
    __table_args__ = (
        CheckConstraint(
            "(CASE WHEN purchase_id IS NULL THEN 0 ELSE 1 END"
            " + CASE WHEN finding_id IS NULL THEN 0 ELSE 1 END"
            " + CASE WHEN case_id IS NULL THEN 0 ELSE 1 END) = 1",
            name="one_owner",
        ),
    )

    sha256: Mapped[str] = mapped_column(String(64), index=True)
    original_name: Mapped[str] = mapped_column(String(255), default="")
    media_type: Mapped[str] = mapped_column(String(50))
    byte_size: Mapped[int] = mapped_column(Integer)
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    taken_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    caption: Mapped[str] = mapped_column(Text, default="")
    role: Mapped[PhotoRole] = enum_column(PhotoRole, default=PhotoRole.EVIDENCE)
    #: JSON list of shapes drawn over the photo; the file itself is never altered.
    annotations_json: Mapped[str] = mapped_column(Text, default="")

    purchase_id: Mapped[int | None] = mapped_column(ForeignKey("purchases.id"), index=True)
    finding_id: Mapped[int | None] = mapped_column(ForeignKey("findings.id"), index=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("rectification_cases.id"), index=True)


class PhotoBlob(Base):
    """A photo's bytes on a team server (migration 0007), stored once per SHA-256 and
    written in the same transaction as the first photo row that uses them. Each machine
    keeps a cache of them in its photo store; a one-laptop SQLite file leaves this empty."""

    __tablename__ = "photo_blobs"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    byte_size: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
