"""Users of the application and their roles."""

from __future__ import annotations

from sqlalchemy import Boolean, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from inspector_app.db.base import Base, Tracked, Versioned, enum_column
from inspector_app.domain.enums import Role


class User(Tracked, Versioned, Base):
    __tablename__ = "users"

    display_name: Mapped[str] = mapped_column(String(100), unique=True)
    role: Mapped[Role] = enum_column(Role)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    #: The PostgreSQL login of this person on a team server (migration 0005); None on a
    #: one-laptop SQLite file and for users who never log in to a server.
    login: Mapped[str | None] = mapped_column(String(63), nullable=True)
    #: Optional one-laptop password (hashlib.scrypt, services/passwords.py); a team server
    #: checks passwords itself and leaves this empty.
    password_hash: Mapped[str | None] = mapped_column(String(255), nullable=True)

    __table_args__ = (Index("ix_users_login", "login", unique=True),)

    def __repr__(self) -> str:
        return f"<User {self.id} {self.display_name!r} {self.role}>"
