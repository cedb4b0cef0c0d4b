"""Fixtures for the risk tests: a manager context and a few merchants."""

from __future__ import annotations

import pytest

from inspector_app.domain.enums import Role
from inspector_app.services import merchants as merchant_service


@pytest.fixture
def manager(ctx, users):
    return ctx.as_actor(users[Role.QUALITY_MANAGER])


@pytest.fixture
def shops(manager):
    """Shop id -> merchant id for S1..S5 (S1 and S2 key merchants; S4, S5 food)."""
    out = {}
    for i in range(1, 6):
        m = merchant_service.create_merchant(
            manager,
            f"S{i}",
            f"店铺{i}",
            category="服饰" if i <= 3 else "食品",
            key_merchant=i <= 2,
        )
        out[m.shop_id] = m.id
    return out
