"""Fixtures for the service tests: contexts acting in each role and a little base data."""

from __future__ import annotations

import pytest

from inspector_app.domain.enums import Role
from tests.services.builders import make_merchant, make_purchase


@pytest.fixture
def as_role(ctx, users):
    """as_role(Role.X) -> the context acting as the user with that role."""
    return lambda role: ctx.as_actor(users[role])


@pytest.fixture
def admin(as_role):
    return as_role(Role.ADMIN)


@pytest.fixture
def qm(as_role):
    return as_role(Role.QUALITY_MANAGER)


@pytest.fixture
def insp(as_role):
    return as_role(Role.INSPECTOR)


@pytest.fixture
def mm(as_role):
    return as_role(Role.MERCHANT_MANAGER)


@pytest.fixture
def shop(insp):
    return make_merchant(insp, "shop-acme", "Acme Store")


@pytest.fixture
def purchase(insp, shop):
    return make_purchase(insp, shop.id, order_number="ORD-1001")
