"""Declarative base, the column mixins every table shares, and UTC timestamps."""

from __future__ import annotations

import uuid
from contextvars import ContextVar
from datetime import UTC, datetime

from sqlalchemy import DateTime, ForeignKey, Integer, MetaData, String, TypeDecorator, event
from sqlalchemy import Enum as SAEnum
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, declared_attr, mapped_column

from inspector_app.domain import clock

#: Constraint names Alembic can rely on, on SQLite and PostgreSQL alike.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return clock.now()


def new_uid() -> str:
    return str(uuid.uuid4())


class UTCDateTime(TypeDecorator[datetime]):
    """Stores naive UTC, returns aware UTC; refuses naive datetimes so no local time sneaks in."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: pass an aware datetime (UTC)")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


def enum_column(enum_cls, **kw):
    """A VARCHAR column holding an enum's value (portable; no native enum types)."""
    return mapped_column(
        SAEnum(
            enum_cls,
            native_enum=False,
            create_constraint=False,
            length=32,
            values_callable=lambda e: [m.value for m in e],
            validate_strings=True,
        ),
        **kw,
    )


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Tracked:
    """id, uid (stable across databases for merging), created/updated times and creator."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uid)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)

    @declared_attr
    def created_by_id(cls) -> Mapped[int | None]:  # noqa: N805
        return mapped_column(ForeignKey("users.id"), nullable=True)


class SoftDeleted:
    """Rows users can delete are only marked; `deleted_at IS NULL` is the live set.

    `deleted_by_id` (migration 0004) says who deleted the row; NULL for rows deleted before
    0004 and for live rows (a restore clears it with `deleted_at`).
    """

    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)

    @declared_attr
    def deleted_by_id(cls) -> Mapped[int | None]:  # noqa: N805
        # Declared like created_by_id: users are deactivated, never deleted.
        return mapped_column(ForeignKey("users.id"), nullable=True)


#: Who is acting in this thread, for Versioned.updated_by_id (set by Context.require, which
#: every service that writes calls first; on a team server a trigger fills it instead).
ACTING_USER_ID: ContextVar[int | None] = ContextVar("acting_user_id", default=None)


class Versioned:
    """Rows people edit: `version` is SQLAlchemy's version_id_col (an UPDATE of an older
    version than the row has matches nothing: StaleDataError), `updated_by_id` who changed
    it last (migration 0006; no foreign key, see there)."""

    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    updated_by_id: Mapped[int | None] = mapped_column(Integer, nullable=True)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict:  # noqa: N805
        return {"version_id_col": cls.version}


@event.listens_for(Session, "before_flush")
def _stamp_updated_by(session: Session, _context, _instances) -> None:
    acting = ACTING_USER_ID.get()
    if acting:
        for obj in session.dirty:
            if isinstance(obj, Versioned) and session.is_modified(obj, include_collections=False):
                obj.updated_by_id = acting
        for obj in session.new:
            if isinstance(obj, Versioned) and obj.updated_by_id is None:
                obj.updated_by_id = acting
