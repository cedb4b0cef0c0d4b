"""Tables of laptop replicas and their team server (migration 0011, docs/sync.md).

On a replica (a SQLite file bound to one server and one login): the binding, the outbox of
local changes, the pull watermark and the conflicts kept for a person to settle. On the
server: the change log the pull reads, the receipts that make a resent push a no-op, and
photo chunks on their way into `photo_blobs`. Each side's tables stay empty on the other.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Index, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from inspector_app.db.base import Base, UTCDateTime, utcnow


class SyncBinding(Base):
    """The one row that makes a SQLite file a replica of a team server."""

    __tablename__ = "sync_binding"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    server_url: Mapped[str] = mapped_column(Text)  # never with a password
    login: Mapped[str] = mapped_column(String(63))
    user_uid: Mapped[str] = mapped_column(String(36))
    joined_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    last_sync_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    #: 1 only inside a pull's own transaction: the outbox triggers ignore its writes.
    applying: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class SyncOutbox(Base):
    """One locally changed record waiting to be pushed (filled by SQLite triggers)."""

    __tablename__ = "sync_outbox"
    __table_args__ = (UniqueConstraint("table_name", "row_uid", name="uq_sync_outbox_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    table_name: Mapped[str] = mapped_column(String(64))
    row_uid: Mapped[str] = mapped_column(String(36))
    #: The server's version the local change started from; NULL for a row made locally.
    base_version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    #: Bumped by every local change of the row.
    seq: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    push_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    claimed_seq: Mapped[int | None] = mapped_column(Integer, nullable=True)
    payload: Mapped[str | None] = mapped_column(Text, nullable=True)
    #: Why the server refused it (the sentence shown); retried once edited again.
    refused: Mapped[str | None] = mapped_column(Text, nullable=True)
    refused_seq: Mapped[int | None] = mapped_column(Integer, nullable=True)


class SyncWatermark(Base):
    __tablename__ = "sync_watermarks"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger)


class SyncConflict(Base):
    """A local copy that lost against a newer server version: kept whole for a person."""

    __tablename__ = "sync_conflicts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    table_name: Mapped[str] = mapped_column(String(64))
    row_uid: Mapped[str] = mapped_column(String(36), index=True)
    base_version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    server_version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    payload: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    resolution: Mapped[str] = mapped_column(String(16), default="")


class SyncLog(Base):
    """Server: one entry per inserted or changed row, with the writing transaction's id."""

    __tablename__ = "sync_log"
    __table_args__ = (Index("ix_sync_log_xid", "xid"),)

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"),
                                    primary_key=True)
    table_name: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[int] = mapped_column(Integer)
    xid: Mapped[int] = mapped_column(BigInteger)


class SyncReceipt(Base):
    """Server: a push applied (written in the push's own transaction)."""

    __tablename__ = "sync_receipts"

    push_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    row_uid: Mapped[str] = mapped_column(String(36))
    version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    login: Mapped[str] = mapped_column(String(63), default="")
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class SyncBlobChunk(Base):
    """Server: a piece of a photo on its way into photo_blobs."""

    __tablename__ = "sync_blob_chunks"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    offset: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)
