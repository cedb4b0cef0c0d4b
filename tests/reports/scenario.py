"""A small, realistic data set built through the services, with private data to leak-check."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from inspector_app.domain import clock
from inspector_app.domain.enums import CaseStatus, PhotoRole, PurchaseStatus, Role, Verdict
from inspector_app.services import cases, catalog, findings, merchants, purchases, team_settings
from inspector_app.services import photos as photo_service
from inspector_app.services.cases import ResponseInput
from inspector_app.services.findings import FindingInput
from inspector_app.services.purchases import PurchaseInput
from tests.reports.conftest import make_photo

#: Private values that must never reach a merchant-facing document.
ALIAS = "MsSecretBuyer"
ADDRESS = "Flat 9, 77 Hidden Lane\n上海市秘密路88号"
OTHER_MERCHANT = "Rival Goods 对手商店"


@dataclass
class Scenario:
    merchant_shop: str
    merchant_name: str
    other_shop: str
    open_case: str
    closed_case: str
    other_case: str
    inspector_name: str
    manager_name: str
    hostile_title: str
    finding_ids: list[int] = field(default_factory=list)


def _purchase(ctx, merchant_id, product_id, order, inspector_id, when):
    p = purchases.create_purchase(
        ctx,
        PurchaseInput(
            merchant_id=merchant_id,
            product_id=product_id,
            order_number=order,
            ordered_at=when,
            price_paid="129.90",
            buyer_alias=ALIAS,
            delivery_address=ADDRESS,
            received_at=min(when + timedelta(days=2), clock.now()),
            inspector_id=inspector_id,
            status=PurchaseStatus.RECEIVED,
        ),
    )
    return p


#: A different colour for every photo: the same content twice on one owner is refused.
# A cycle: a build takes 8 in a row (all different), however many builds a run makes.
_COLORS = itertools.cycle(["red", "orange", "purple", "teal", "olive", "maroon", "gray", "pink"])


def _photos(ctx, tmp: Path, n: int, **owner) -> list[int]:
    paths = [
        make_photo(
            tmp / f"{owner}-{i}-{clock.local_now().replace(tzinfo=None).timestamp()}.jpg",
            size=(800, 600),
            color=next(_COLORS),
        )
        for i in range(n)
    ]
    results = list(photo_service.add_photos(ctx, paths, caption=f"{ALIAS} took this", **owner))
    assert all(r.ok for r in results), results
    return [r.photo_id for r in results]


def build(ctx, users, tmp: Path) -> Scenario:
    insp = ctx.as_actor(users[Role.INSPECTOR])
    qm = ctx.as_actor(users[Role.QUALITY_MANAGER])
    mm = ctx.as_actor(users[Role.MERCHANT_MANAGER])
    team_settings.put(qm, "organisation_name", "质量检查部 Quality Inspection")
    logo = make_photo(tmp / "logo.jpg", size=(600, 200), orientation=1, color="navy")
    team_settings.put(qm, "organisation_logo", str(logo))
    m = merchants.create_merchant(qm, "SHOP-001", "好物优选 Good Things", category="apparel")
    rival = merchants.create_merchant(qm, "SHOP-002", OTHER_MERCHANT)
    prod = catalog.create_product(insp, "纯棉T恤 Cotton tee", brand="BrandX", listing_id="L-1001")
    # Ordered this month (a month's findings are those on its purchases, docs/domain.md),
    # as early as 5 days ago: on the 1st just after midnight that is the month's first minute.
    today = clock.today()
    month_start = datetime(today.year, today.month, 1).astimezone()
    when = max(clock.now() - timedelta(days=5), month_start + timedelta(minutes=1))
    hostile = "Seam <i>open & <a href='http://x'>link</a> 开线"
    ids = []
    for k, (merchant, title) in enumerate(
        [(m, hostile), (m, "缝线开裂 Seam split"), (m, "Wrong size"), (rival, "Rival defect")]
    ):
        p = _purchase(insp, merchant.id, prod.id, f"ORD-{k:04d}", users[Role.INSPECTOR].id, when)
        f = findings.add_finding(
            insp,
            p.id,
            FindingInput(
                category="product_quality",
                severity="major",
                title=title,
                description=f"Found by {users[Role.INSPECTOR].display_name}: 领口开线 <img src='x'/>",
                expected="GB 18401 compliant stitching",
                observed="5 cm open seam",
                rule_ref="GB 18401-2010 6.1",
            ),
        )
        purchases.set_verdict(insp, p.id, Verdict.FAIL)
        ids.append(f.id)
    photo_ids = _photos(insp, tmp, 3, finding_id=ids[0])
    photo_service.set_annotations(
        insp,
        photo_ids[0],
        [
            {"type": "rect", "x1": 0.2, "y1": 0.2, "x2": 0.6, "y2": 0.6, "color": "#00ff00"},
            {"type": "text", "x": 0.1, "y": 0.1, "text": "开线 here"},
        ],
    )
    _photos(insp, tmp, 1, finding_id=ids[1])
    _photos(insp, tmp, 1, finding_id=ids[2])
    open_case = cases.open_case(qm, [ids[0], ids[1]], summary="Stitching failures 缝线问题")
    closed = cases.open_case(qm, [ids[2]], summary="Size")
    other = cases.open_case(qm, [ids[3]])
    cases.advance(qm, closed.case_number, CaseStatus.NOTIFIED)
    cases.record_response(
        mm,
        closed.case_number,
        ResponseInput(
            response_text="=We replaced the supplier",
            root_cause="Supplier QC",
            corrective_action="New supplier",
            preventive_action="Incoming inspection",
        ),
    )
    cases.advance(qm, closed.case_number, CaseStatus.RECTIFYING)
    _photos(mm, tmp, 2, case_id=closed.id, role=PhotoRole.RECTIFICATION)
    cases.advance(mm, closed.case_number, CaseStatus.AWAITING_VERIFICATION)
    _photos(insp, tmp, 1, case_id=closed.id, role=PhotoRole.VERIFICATION)
    cases.record_verification(qm, closed.case_number, True, "Re-purchase passed")
    return Scenario(
        merchant_shop=m.shop_id,
        merchant_name=m.name,
        other_shop=rival.shop_id,
        open_case=open_case.case_number,
        closed_case=closed.case_number,
        other_case=other.case_number,
        inspector_name=users[Role.INSPECTOR].display_name,
        manager_name=users[Role.QUALITY_MANAGER].display_name,
        hostile_title=hostile,
        finding_ids=ids,
    )


def build_one(ctx, users, tmp: Path, merchant, title: str) -> str:
    """One purchase at `merchant` with one finding called `title` and its open case."""
    insp = ctx.as_actor(users[Role.INSPECTOR])
    qm = ctx.as_actor(users[Role.QUALITY_MANAGER])
    prod = catalog.create_product(insp, f"Product of {merchant.shop_id}", brand="BrandY")
    when = clock.now() - timedelta(days=5)
    p = _purchase(insp, merchant.id, prod.id, f"ORD-{merchant.shop_id}", users[Role.INSPECTOR].id,
                  when)
    f = findings.add_finding(
        insp, p.id, FindingInput(category="other", severity="minor", title=title[:200]),
    )
    if len(title) > 200:  # longer than the form allows: as an import or an old row could be
        from inspector_app.db.models import Finding

        with ctx.db.write() as s:
            s.get(Finding, f.id).title = title
    return cases.open_case(qm, [f.id]).case_number
