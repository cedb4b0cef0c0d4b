"""Fixtures for the photo tests: owners to attach photos to, and a folder of source files."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from inspector_app.db.models import Finding, Merchant, Purchase, RectificationCase
from inspector_app.domain import clock
from inspector_app.domain.enums import FindingCategory, Role, Severity


@dataclass(frozen=True)
class Owners:
    purchase_id: int
    other_purchase_id: int
    finding_id: int
    case_id: int


def make_owners(ctx, tag: str = "", seq: int = 1) -> Owners:
    """A merchant with two purchases, a finding and a rectification case (plain ORM rows)."""
    with ctx.db.write() as s:
        m = Merchant(name=f"Shop {tag}", shop_id=f"shop-{tag or 'a'}")
        s.add(m)
        s.flush()
        p1 = Purchase(merchant_id=m.id, order_number=f"ORD-{tag}1")
        p2 = Purchase(merchant_id=m.id, order_number=f"ORD-{tag}2")
        s.add_all([p1, p2])
        s.flush()
        f = Finding(
            purchase_id=p1.id, category=FindingCategory.PRODUCT_QUALITY,
            severity=Severity.MAJOR, title="Seam open",
        )  # fmt: skip
        year = clock.now().year
        c = RectificationCase(
            case_number=f"RC-{year}-{seq:04d}", year=year, sequence=seq, merchant_id=m.id
        )
        s.add_all([f, c])
        s.flush()
        return Owners(p1.id, p2.id, f.id, c.id)


@pytest.fixture
def owners(ctx) -> Owners:
    return make_owners(ctx)


@pytest.fixture
def ictx(ctx, users):
    """The context acting as the inspector."""
    return ctx.as_actor(users[Role.INSPECTOR])


@pytest.fixture
def src(tmp_path):
    """Where the test puts the files it imports (outside the data folder)."""
    path = tmp_path / "in"
    path.mkdir()
    return path
