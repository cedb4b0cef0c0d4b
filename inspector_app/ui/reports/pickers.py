"""Type-ahead pickers for a case (by number or merchant) and a merchant, keyed by what reports need."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QWidget

from inspector_app.domain.enums import CaseStatus
from inspector_app.services import browse
from inspector_app.services import merchants as merchant_service
from inspector_app.ui.i18n import enum_label, tr
from inspector_app.ui.purchases.pickers import MAX_CHOICES, Choice, EntityPicker

logger = logging.getLogger(__name__)


def _status_label(status: str) -> str:
    try:
        return enum_label(CaseStatus(status))
    except ValueError:
        return status


class CasePicker(EntityPicker):
    """Pick a rectification case by typing part of its number, merchant or summary."""

    def __init__(self, env, parent: QWidget | None = None, name: str = "case_picker") -> None:
        self._numbers: dict[int, str] = {}
        self._env = env
        super().__init__(
            name,
            self._search_cases,
            placeholder=tr("Type a case number or merchant (Down lists the latest)"),
            parent=parent,
        )

    def _search_cases(self, text: str) -> list[Choice]:
        rows = browse.fetch_cases(
            self._env.ctx, browse.CaseFilter(text=text), sort="created_at", desc=True,
            limit=MAX_CHOICES,
        )
        out = []
        for r in rows:
            self._numbers[r.id] = r.case_number
            label = f"{r.case_number} — {r.merchant} ({_status_label(r.status)})"
            due = r.due_date.isoformat() if r.due_date else "—"
            detail = (
                tr("Shop id %1, due %2").replace("%1", r.merchant_shop_id).replace("%2", due)
                + "; " + tr("%n finding(s)", None, r.finding_count)
            )
            out.append(Choice(r.id, label, detail, names=(r.case_number,)))
        return out

    @property
    def case_number(self) -> str:
        """The chosen case's number ("" when none is chosen)."""
        cid = self.selected_id
        return self._numbers.get(cid, "") if cid is not None else ""


class ShopPicker(EntityPicker):
    """Pick a merchant by typing part of its name or shop id; `shop_id` is the choice."""

    def __init__(
        self, env, parent: QWidget | None = None, name: str = "shop_picker", placeholder: str = ""
    ) -> None:
        self._shops: dict[int, str] = {}
        self._env = env
        super().__init__(
            name,
            self._search_shops,
            placeholder=placeholder or tr("Type a shop name or id"),
            parent=parent,
        )

    def _search_shops(self, text: str) -> list[Choice]:
        found = merchant_service.search_merchants(self._env.ctx, text, MAX_CHOICES)
        out = []
        for m in found:
            self._shops[m.id] = m.shop_id
            out.append(
                Choice(m.id, f"{m.name} ({m.shop_id})", tr("Shop id: %1").replace("%1", m.shop_id),
                       names=(m.name, m.shop_id))
            )
        return out

    @property
    def shop_id(self) -> str:
        """The chosen merchant's shop id ("" when none is chosen)."""
        mid = self.selected_id
        return self._shops.get(mid, "") if mid is not None else ""
