"""A purchase's status from its dates, and the statuses its dates contradict.

A purchase moves planned -> ordered -> received -> inspected (docs/domain.md, "Mystery
purchases"). Unless a person sets the status by hand, it follows the facts: an order
date means ordered, a received date means received, a verdict means inspected. A status
set by hand is kept when the dates change later, so it must not contradict them: a
"planned" purchase with a received date would be counted nowhere and refuse its findings.
Cancelled is only ever set by hand. The purchase form, the service and the imports use
these two functions, so they agree.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from inspector_app.domain.enums import PurchaseStatus, Verdict
from inspector_app.domain.labels import purchase_status_label
from inspector_app.domain.messages import t

logger = logging.getLogger(__name__)


def status_from_dates(
    ordered_at: datetime | None, received_at: datetime | None, verdict: Verdict | str | None
) -> PurchaseStatus:
    """The status the facts give: the furthest step they show."""
    if verdict is not None:
        return PurchaseStatus.INSPECTED
    if received_at is not None:
        return PurchaseStatus.RECEIVED
    if ordered_at is not None:
        return PurchaseStatus.ORDERED
    return PurchaseStatus.PLANNED


@dataclass(frozen=True)
class Contradiction:
    """Why a status does not fit the purchase's facts, and the field to correct."""

    field: str
    message: str


def contradiction(
    status: PurchaseStatus | str,
    ordered_at: datetime | None,
    received_at: datetime | None,
    verdict: Verdict | str | None,
) -> Contradiction | None:
    """What is wrong with giving a purchase with these facts this status, or None.

    Only statuses behind the facts contradict them (a planned purchase with a received
    date); a status ahead of them lacks a fact, which the form asks for on its own
    ("When did the parcel arrive?"). Cancelled fits any facts.
    """
    status = PurchaseStatus(status)
    if status in (PurchaseStatus.CANCELLED, PurchaseStatus.INSPECTED):
        return None
    label = purchase_status_label(status)
    if verdict is not None:
        return Contradiction("status", t(
            "The status is {status}, but it has a verdict: clear the verdict "
            "or choose the status {other}", status=label,
            other=purchase_status_label(PurchaseStatus.INSPECTED)))
    if received_at is not None and status in (PurchaseStatus.PLANNED, PurchaseStatus.ORDERED):
        return Contradiction("received_at", t(
            "The status is {status}, but it has a received date: clear the date "
            "or choose the status {other}", status=label,
            other=purchase_status_label(PurchaseStatus.RECEIVED)))
    if ordered_at is not None and status == PurchaseStatus.PLANNED:
        return Contradiction("ordered_at", t(
            "The status is {status}, but it has an order date: clear the date "
            "or choose the status {other}", status=label,
            other=purchase_status_label(PurchaseStatus.ORDERED)))
    return None
