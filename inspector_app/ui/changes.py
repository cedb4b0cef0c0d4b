"""The application-wide "something changed" signal that every screen refreshes itself from.

Writes go through the operation runner (ui/ops.py), which broadcasts what they changed
(`ChangeHub.broadcast`); `notify` stays for what no write of ours did (another program
changed the database, tests).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal

from inspector_app.services import changes as kinds
from inspector_app.services.changes import Changes

logger = logging.getLogger(__name__)

#: Entity names carried by `changed`; ids are the primary keys of the rows concerned
#: (services/changes.py names them).
PURCHASE = kinds.PURCHASE
FINDING = kinds.FINDING
PHOTO = kinds.PHOTO
MERCHANT = kinds.MERCHANT
PRODUCT = kinds.PRODUCT
CASE = kinds.CASE
USER = kinds.USER
#: Imported complaints and after-sales work orders, and monthly order volumes.
WORK_ORDER = kinds.WORK_ORDER
#: Team settings (deadlines, organisation); ids are empty.
SETTINGS = kinds.SETTINGS
#: Archived reports and notices.
REPORT = kinds.REPORT
#: Sampling plans.
PLAN = kinds.PLAN
#: The whole database was replaced (restore from a backup); every screen reloads.
DATABASE = kinds.DATABASE
#: The acting user changed (user switcher); ids = [new user id].
ACTOR = "actor"


class ChangeHub(QObject):
    """Emits `changed(entity, ids)` after a service call wrote data; screens connect to it.

    Screens never reach into one another: whoever changed something calls `notify`, and
    every screen that shows that entity reloads what it needs.
    """

    changed = Signal(str, list)
    #: After `changed` for each kind of one operation: the whole `Changes` at once.
    broadcasted = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self._broadcasting = 0
        #: Reloads asked for during a broadcast, run once each at its end (insertion order).
        self._pending: dict = {}

    def reload_once(self, reload) -> None:
        """Run `reload` now, or, during a broadcast (one operation that changed several
        kinds, each a `changed`), once at its end: a screen watching findings and
        purchases reloads once per finding saved, not twice. Still synchronous."""
        if self._broadcasting:
            self._pending[reload] = None
        else:
            reload()

    def notify(self, entity: str, ids: Iterable[int] = ()) -> None:
        id_list = [int(i) for i in ids]
        logger.debug("changed %s %s", entity, id_list[:20])
        self.changed.emit(entity, id_list)

    def broadcast(self, what: Changes) -> None:
        """Tell every screen what an operation changed: `changed` once per kind (ids empty
        when not known which), then `broadcasted` with the whole value."""
        if not what:
            return
        self._broadcasting += 1
        try:
            if DATABASE in what.kinds:
                self.notify(DATABASE)
            else:
                for kind, ids in what.kinds.items():
                    self.notify(kind, sorted(ids) if ids is not None else ())
        finally:
            self._broadcasting -= 1
        if not self._broadcasting:
            pending, self._pending = self._pending, {}
            for reload in pending:
                reload()
        self.broadcasted.emit(what)


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
