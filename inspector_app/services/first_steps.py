"""What an empty database offers its user first: log a purchase, load the demo data."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import select

from inspector_app.db.models import Merchant, Purchase
from inspector_app.domain.enums import Role
from inspector_app.services.context import RECORDERS, Context

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class FirstSteps:
    """Whether there is nothing yet, and which first steps this user may take."""

    #: No purchase at all (deleted ones count): the screens say what to do first.
    empty: bool
    may_log_purchases: bool
    #: An administrator, on a database the demo may fill (no merchant, no purchase:
    #: services/demo refuses to mix its rows with real ones).
    may_load_demo: bool


def first_steps(ctx: Context) -> FirstSteps:
    """Two one-row look-ups (an index each), cheap enough for every Dashboard refresh."""
    role = ctx.actor.role if ctx.actor is not None else None
    with ctx.db.read() as s:
        no_purchase = s.scalar(select(Purchase.id).limit(1)) is None
        no_merchant = no_purchase and s.scalar(select(Merchant.id).limit(1)) is None
    return FirstSteps(
        empty=no_purchase,
        may_log_purchases=role in RECORDERS,
        may_load_demo=role == Role.ADMIN and no_merchant,
    )
