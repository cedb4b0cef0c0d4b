"""The application-wide "something changed" signal that every screen refreshes itself from."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal

logger = logging.getLogger(__name__)

#: Entity names carried by `changed`; ids are the primary keys of the rows concerned.
PURCHASE = "purchase"
FINDING = "finding"
PHOTO = "photo"
MERCHANT = "merchant"
PRODUCT = "product"
CASE = "case"
USER = "user"
#: Imported complaints and after-sales work orders, and monthly order volumes.
WORK_ORDER = "work_order"
#: Team settings (deadlines, organisation); ids are empty.
SETTINGS = "settings"
#: The whole database was replaced (restore from a backup); every screen reloads.
DATABASE = "database"
#: The acting user changed (user switcher); ids = [new user id].
ACTOR = "actor"


class ChangeHub(QObject):
    """Emits `changed(entity, ids)` after a service call wrote data; screens connect to it.

    Screens never reach into one another: whoever changed something calls `notify`, and
    every screen that shows that entity reloads what it needs.
    """

    changed = Signal(str, list)

    def notify(self, entity: str, ids: Iterable[int] = ()) -> None:
        id_list = [int(i) for i in ids]
        logger.debug("changed %s %s", entity, id_list[:20])
        self.changed.emit(entity, id_list)


_hub: ChangeHub | None = None


def changes() -> ChangeHub:
    """The application's one hub (created on first use, in the GUI thread)."""
    global _hub
    if _hub is None:
        _hub = ChangeHub()
    return _hub


def notify(entity: str, ids: Iterable[int] = ()) -> None:
    """Shorthand for `changes().notify(entity, ids)`."""
    changes().notify(entity, ids)
