"""What the team spent: how a purchase's goods ended, and a period's spend, refunds and net cost.

docs/domain.md, "What the team spent". Goods end in one of three ways: returned to the
merchant (with the refund received and whether it was a lightning refund, 闪电退款), kept
as a sample (with where it is kept), or disposed of. Net cost = what was paid − refunds.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from inspector_app.domain.enums import GoodsDisposition
from inspector_app.domain.errors import ValidationError
from inspector_app.domain.messages import t

logger = logging.getLogger(__name__)

#: The longest sample location kept.
LOCATION_MAX = 200


@dataclass(frozen=True)
class Disposition:
    """A purchase's goods' end, checked: no refund unless returned, a place for a sample."""

    disposition: GoodsDisposition | None
    refund_cents: int | None = None
    lightning_refund: bool = False
    sample_location: str = ""


def check_disposition(
    disposition: GoodsDisposition | str | None,
    refund_cents: int | None,
    lightning_refund: bool,
    sample_location: str,
    price_paid_cents: int | None,
) -> tuple[list[ValidationError], Disposition]:
    """Every problem (each naming its field) and the cleaned value."""
    problems: list[ValidationError] = []
    location = (sample_location or "").strip()
    if disposition in (None, ""):
        if refund_cents or lightning_refund or location:
            problems.append(ValidationError(
                t("Say how the goods ended before giving a refund or a sample location"),
                field="disposition"))
        return problems, Disposition(None)
    try:
        d = GoodsDisposition(disposition)
    except ValueError:
        problems.append(ValidationError(
            t("Unknown disposition '{value}': returned, sample or disposed",
              value=str(disposition)[:40]), field="disposition"))
        return problems, Disposition(None)
    if d == GoodsDisposition.RETURNED:
        if refund_cents is None:
            problems.append(ValidationError(t("How much was refunded?"), field="refund"))
        elif refund_cents < 0:
            problems.append(ValidationError(t("A refund cannot be negative"), field="refund"))
        elif price_paid_cents is not None and refund_cents > price_paid_cents:
            problems.append(ValidationError(
                t("The refund is more than was paid"), field="refund"))
    elif refund_cents or lightning_refund:
        problems.append(ValidationError(
            t("Only returned goods have a refund"), field="refund"))
    if d == GoodsDisposition.SAMPLE:
        if not location:
            problems.append(ValidationError(
                t("Where is the sample kept?"), field="sample_location"))
        elif len(location) > LOCATION_MAX or any(ord(c) < 32 for c in location):
            problems.append(ValidationError(
                t("A sample location is one line of at most {n} characters", n=LOCATION_MAX),
                field="sample_location"))
    elif location:
        problems.append(ValidationError(
            t("Only a kept sample has a location"), field="sample_location"))
    return problems, Disposition(
        d,
        refund_cents if d == GoodsDisposition.RETURNED else None,
        bool(lightning_refund) and d == GoodsDisposition.RETURNED,
        location if d == GoodsDisposition.SAMPLE else "",
    )


def recovered_share(spend_cents: int, refunds_cents: int) -> float:
    """The share of what was paid that came back as refunds (0 when nothing was paid)."""
    if spend_cents <= 0:
        return 0.0
    return min(1.0, max(0.0, refunds_cents / spend_cents))


def net_cents(price_cents: int | None, share: float) -> int | None:
    """What a purchase at `price_cents` is expected to cost once refunds come back."""
    if price_cents is None:
        return None
    return round(price_cents * (1.0 - share))
