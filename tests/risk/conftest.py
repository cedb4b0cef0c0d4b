"""Fixtures for the risk tests: the database on each backend, a manager context and a few
merchants."""

from __future__ import annotations

from datetime import timedelta

import pytest

from inspector_app.domain import clock
from inspector_app.domain.enums import PurchaseStatus, Role
from inspector_app.services import catalog, purchases
from inspector_app.services import merchants as merchant_service
from inspector_app.services.context import open_context


@pytest.fixture
def ctx(_isolated_data_dir, database_url):
    """As tests/conftest.py's ctx, on SQLite and on PostgreSQL (tests/backends.py): the risk
    scores and sampling plans are computed in SQL."""
    c = open_context(database_url, data_folder=str(_isolated_data_dir))
    yield c
    c.db.dispose()


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


@pytest.fixture
def shop_products(manager, shops):
    """Two known products per shop (bought earlier), with list prices 20..110 yuan."""
    out = {}
    bought_earlier = clock.now() - timedelta(days=45)  # before this month's plan
    for i, (shop, mid) in enumerate(sorted(shops.items())):
        for k in range(2):
            p = catalog.create_product(
                manager,
                f"款式{shop}-{k}",
                brand=f"品牌{k}",
                category="服饰" if mid % 2 else "食品",
                list_price=f"{20 + 10 * (2 * i + k)}.00",
            )
            purchases.create_purchase(
                manager,
                purchases.PurchaseInput(
                    merchant_id=mid,
                    product_id=p.id,
                    order_number=f"OLD-{shop}-{k}",
                    ordered_at=bought_earlier,
                    status=PurchaseStatus.ORDERED,
                ),
            )
            out[p.id] = mid
    return out
