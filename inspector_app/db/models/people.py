"""Users of the application and their roles."""

from __future__ import annotations

from sqlalchemy import Boolean, String
from sqlalchemy.orm import Mapped, mapped_column

from inspector_app.db.base import Base, Tracked, enum_column
from inspector_app.domain.enums import Role


class User(Tracked, Base):
    __tablename__ = "users"

    display_name: Mapped[str] = mapped_column(String(100), unique=True)
    role: Mapped[Role] = enum_column(Role)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    def __repr__(self) -> str:
        return f"<User {self.id} {self.display_name!r} {self.role}>"
