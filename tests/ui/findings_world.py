"""Data for the Findings and Cases screen tests: two merchants, purchases and findings (some Chinese)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from inspector_app.domain.enums import Role
from inspector_app.services import findings
from inspector_app.services.findings import FindingInput
from tests.services.builders import make_merchant, make_purchase


@dataclass
class World:
    acme_id: int
    beta_id: int
    acme_purchase: int
    beta_purchase: int
    #: title -> finding id
    finding: dict[str, int]


#: (merchant, title, category, severity)
FINDINGS = [
    ("acme", "Seam splits at the shoulder", "product_quality", "major"),
    ("acme", "鞋底开胶严重", "product_quality", "critical"),
    ("acme", "Zip pull broken", "missing_item", "minor"),
    ("beta", "鞋底开胶", "product_quality", "minor"),
    ("beta", "Colour differs from the photos", "false_advertising", "minor"),
]


def make_world(ctx, users) -> World:
    insp = ctx.as_actor(users[Role.INSPECTOR])
    acme = make_merchant(insp, "shop-acme", "Acme Store")
    beta = make_merchant(insp, "shop-beta", "Beta 百货")
    purchase = {
        "acme": make_purchase(insp, acme.id, order_number="ORD-ACME-1").id,
        "beta": make_purchase(insp, beta.id, order_number="ORD-BETA-1").id,
    }
    ids = {}
    for shop, title, category, severity in FINDINGS:
        f = findings.add_finding(insp, purchase[shop], FindingInput(category=category, severity=severity, title=title))
        ids[title] = f.id
    return World(acme.id, beta.id, purchase["acme"], purchase["beta"], ids)


class Navigation:
    """Records env.navigate calls."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, int | None]] = []

    def __call__(self, name, item_id=None):
        self.calls.append((name, item_id))
        return None


def env_as(env, users, role: Role, navigation: Navigation | None = None):
    """The test env acting as the user with `role`, with recorded navigation."""
    env.state.set_actor(users[role])
    return replace(env, navigate=navigation or Navigation(), show_status=lambda text: None)
