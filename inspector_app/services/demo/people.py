"""Demo users, merchants (with their status history), brands and products."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from inspector_app.domain.enums import MerchantStatus, Role
from inspector_app.services.demo import vocab_people as V
from inspector_app.services.demo.common import Clock, Randomness, Scale, WeightedChoice, stamp

logger = logging.getLogger(__name__)

#: Fixed names of the team's managers and admin (the inspectors' names are generated).
MANAGER_NAMES = {
    Role.ADMIN: ["系统管理员"],
    Role.QUALITY_MANAGER: ["陈思远", "Laura Mitchell", "周晓燕", "Daniel Brooks"],
    Role.MERCHANT_MANAGER: ["刘凯", "Priya Nair", "孙雨桐"],
}
_BRAND_SYLLABLES = (
    "云锦素雅北纬衣禾木悦优星辰青暖朗拾南晴鸿臻源初颜花漾谷丰山野智家焙贝安玉见金缘棉语"
)
_BRAND_EN = V.words(
    "Nova Lune Maple Aster Cedar Willow Orbit Pebble Ember Fable Harbor Juniper Kite Lotus "
    "Meadow Nimbus Opal Quill Rowan Sable Tide Vale"
)


@dataclass
class DemoUser:
    id: int
    name: str
    role: Role
    english: bool  # writes findings and notes in English


@dataclass
class DemoMerchant:
    id: int
    shop_id: str
    name: str
    category: str
    key: bool
    status: MerchantStatus
    #: How much more often than average its purchases fail.
    risk: float
    #: How often inspectors buy from it, relative.
    weight: float
    #: When it was eliminated (no purchases after that), else None.
    eliminated_at: datetime | None = None
    products: list[int] = field(default_factory=list)  # indexes into the product list


@dataclass
class DemoProduct:
    id: int
    category: str
    name: str
    price_cents: int


def make_users(
    rand: Randomness, scale: Scale, clock: Clock, first_id: int, taken: set[str]
) -> tuple[list[DemoUser], list[dict]]:
    """One admin, quality and merchant managers, and inspectors with Chinese and English names."""
    wanted: list[tuple[str, Role]] = []
    for role, names in MANAGER_NAMES.items():
        count = {
            Role.ADMIN: 1,
            Role.QUALITY_MANAGER: 2 + scale.inspectors // 20,
            Role.MERCHANT_MANAGER: 2 + scale.inspectors // 30,
        }[role]
        wanted += [(n, role) for n in names[:count]]
    while sum(1 for _, r in wanted if r == Role.INSPECTOR) < scale.inspectors:
        if rand.chance(0.3):
            name = f"{rand.pick(V.EN_GIVEN)} {rand.pick(V.EN_FAMILY)}"
        else:
            name = rand.pick(V.SURNAMES) + rand.pick(V.GIVEN_NAMES)
        if name not in taken and all(name != n for n, _ in wanted):
            wanted.append((name, Role.INSPECTOR))
    users: list[DemoUser] = []
    rows: list[dict] = []
    joined = clock.start - timedelta(days=60)
    for name, role in wanted:
        if name in taken:
            continue
        taken.add(name)
        u = DemoUser(first_id + len(users), name, role, english=name.isascii())
        users.append(u)
        rows.append(stamp(rand, joined, None, id=u.id, display_name=name, role=role, active=True))
    return users, rows


def make_merchants(
    rand: Randomness, scale: Scale, clock: Clock, first_id: int, admin_id: int | None
) -> tuple[list[DemoMerchant], list[dict], list[dict]]:
    """Merchants with categories, key flags and statuses, and the history of those statuses."""
    cats = WeightedChoice(V.CATEGORY_WEIGHTS)
    shop_ids = rand.rng.sample(range(100_000, 1_000_000), scale.merchants)
    # Every status appears even in a small demo; most merchants are simply active.
    forced = [
        MerchantStatus.WATCH,
        MerchantStatus.SUSPENDED,
        MerchantStatus.ELIMINATED,
        MerchantStatus.WATCH,
    ]
    statuses = WeightedChoice(
        {
            MerchantStatus.ACTIVE: 78,
            MerchantStatus.WATCH: 12,
            MerchantStatus.SUSPENDED: 5,
            MerchantStatus.ELIMINATED: 5,
        }
    )
    names: set[str] = set()
    merchants, rows, history = [], [], []
    for i in range(scale.merchants):
        cat = V.CATEGORY_BY_KEY[cats.pick(rand.rng)]
        name = _shop_name(rand, cat, names)
        status = forced[i] if i < len(forced) else statuses.pick(rand.rng)
        key = rand.chance(0.2) if status != MerchantStatus.ELIMINATED else False
        m = DemoMerchant(
            id=first_id + i,
            shop_id=str(shop_ids[i]),
            name=name,
            category=cat.key,
            key=key,
            status=status,
            risk=rand.rng.lognormvariate(0.0, 0.45),
            weight=1.0,
        )
        m.weight = (2.0 if key else 1.0) * rand.rng.lognormvariate(0.0, 0.5)
        created = clock.start - timedelta(days=rand.between(30, 900))
        changes = _status_history(rand, clock, m)
        last = changes[-1] if changes else None
        rows.append(
            stamp(
                rand,
                created,
                admin_id,
                id=m.id,
                name=name,
                shop_id=m.shop_id,
                category=cat.zh,
                contact=f"{rand.pick(V.SURNAMES)}{'先生' if rand.chance(0.5) else '女士'} "
                f"1{rand.pick('3589')}{rand.rng.randint(0, 9)}****{rand.rng.randint(1000, 9999)}",
                key_merchant=key,
                status=m.status,
                status_reason=last["reason"] if last else "",
                status_changed_at=last["changed_at"] if last else None,
                updated_at=last["changed_at"] if last else created,
                deleted_at=None,
            )
        )
        for ch in changes:
            history.append(stamp(rand, ch["changed_at"], admin_id, merchant_id=m.id, **ch))
        merchants.append(m)
    return merchants, rows, history


def _shop_name(rand: Randomness, cat: V.ProductCategory, taken: set[str]) -> str:
    """A shop name as platforms show them; a city prefix tells apart shops of the same words."""
    english = [w for w in cat.brand_words if w.isascii()]
    for attempt in range(200):
        if english and rand.chance(0.2):
            kind = rand.pick(["Official Store", "Flagship Store", "Outlet", "Store"])
            name = f"{rand.pick(english)} {kind}"
        else:
            name = f"{rand.pick(V.SHOP_WORDS)}{cat.zh}{rand.pick(V.SHOP_KINDS[:6])}"
        if attempt > 3:  # the plain names are taken: 杭州云裳服饰旗舰店, Urban Stride Store 成都
            city = rand.pick(V.PLACES)[1].removesuffix("市")
            name = f"{name} {city}" if name.isascii() else city + name
        if attempt > 100:
            name += f"{attempt}号店"
        if name not in taken:
            taken.add(name)
            return name
    raise RuntimeError("could not make a unique shop name")  # pragma: no cover


def _status_history(rand: Randomness, clock: Clock, m: DemoMerchant) -> list[dict]:
    """The status changes leading to the merchant's current status, oldest first."""
    S = MerchantStatus
    days = lambda lo, hi: clock.now - timedelta(days=rand.between(lo, hi))  # noqa: E731
    steps: list[tuple[MerchantStatus, MerchantStatus, datetime, str]] = []
    if m.status == S.WATCH:
        steps.append((S.ACTIVE, S.WATCH, days(20, 150), rand.pick(V.WATCH_REASONS)))
        m.risk *= 1.6
    elif m.status == S.SUSPENDED:
        watch = days(120, 240)
        steps.append((S.ACTIVE, S.WATCH, watch, rand.pick(V.WATCH_REASONS)))
        steps.append((S.WATCH, S.SUSPENDED, days(15, 100), rand.pick(V.SUSPEND_REASONS)))
        m.risk *= 2.0
    elif m.status == S.ELIMINATED:
        watch = days(200, 300)
        gone = days(30, 150)
        steps.append((S.ACTIVE, S.WATCH, watch, rand.pick(V.WATCH_REASONS)))
        steps.append(
            (S.WATCH, S.SUSPENDED, watch + (gone - watch) / 2, rand.pick(V.SUSPEND_REASONS))
        )
        steps.append((S.SUSPENDED, S.ELIMINATED, gone, rand.pick(V.ELIMINATE_REASONS)))
        m.eliminated_at = gone
        m.risk *= 2.3
    elif rand.chance(0.06):  # put on watch once, then reinstated after rectifying
        watch = days(150, 300)
        steps.append((S.ACTIVE, S.WATCH, watch, rand.pick(V.WATCH_REASONS)))
        steps.append(
            (
                S.WATCH,
                S.ACTIVE,
                watch + timedelta(days=rand.between(30, 120)),
                rand.pick(V.REINSTATE_REASONS),
            )
        )
        m.risk *= 1.3
    if m.key:
        m.risk *= 0.8
    return [
        {"from_status": a, "to_status": b, "changed_at": clock.working_time(rand, t), "reason": r}
        for a, b, t, r in steps
    ]


def make_catalog(
    rand: Randomness,
    scale: Scale,
    clock: Clock,
    merchants: list[DemoMerchant],
    first_brand_id: int,
    first_product_id: int,
    creator_id: int | None,
) -> tuple[list[DemoProduct], list[dict], list[dict]]:
    """Brands and products per category; every merchant gets a catalogue of its category."""
    weights = V.CATEGORY_WEIGHTS
    total = sum(weights.values())
    brand_rows: list[dict] = []
    brand_names: set[str] = set()
    products: list[DemoProduct] = []
    product_rows: list[dict] = []
    by_cat: dict[str, list[int]] = {}
    listing_ids = rand.rng.sample(range(10**11, 10**12), scale.products + len(weights))
    created = clock.start - timedelta(days=30)
    for cat in V.CATEGORIES:
        n_products = max(4, round(scale.products * weights[cat.key] / total))
        n_brands = max(2, n_products // 6)
        brand_ids = []
        for b in range(n_brands):
            name = cat.brand_words[b] if b < len(cat.brand_words) else ""
            if not name or name in brand_names:
                name = _brand_name(rand, brand_names)
            brand_names.add(name)
            bid = first_brand_id + len(brand_rows)
            brand_rows.append(stamp(rand, created, creator_id, id=bid, name=name, deleted_at=None))
            brand_ids.append((bid, name))
        for _ in range(n_products):
            bid, bname = rand.pick(brand_ids)
            zh, en, lo, hi = rand.pick(cat.nouns)
            v = int(rand.between(0, len(V.VARIANTS_ZH)))
            price = int(rand.between(lo, hi)) // 10 * 1000 + 900  # ¥..9.00, as shops price
            p = DemoProduct(
                first_product_id + len(products),
                cat.key,
                f"{bname} {zh}（{V.VARIANTS_ZH[v]}） {en} – {V.VARIANTS_EN[v]}",
                price,
            )
            by_cat.setdefault(cat.key, []).append(len(products))
            products.append(p)
            product_rows.append(
                stamp(
                    rand,
                    created,
                    creator_id,
                    id=p.id,
                    name=p.name,
                    brand_id=bid,
                    category=cat.zh,
                    listing_id=str(listing_ids[len(product_rows)]),
                    list_price_cents=price,
                    deleted_at=None,
                )
            )
    for m in merchants:
        own = by_cat[m.category]
        k = min(len(own), int(rand.between(3, 12)))
        m.products = rand.rng.sample(own, k)
        if rand.chance(0.1):  # a few shops also sell outside their main category
            other = by_cat[rand.pick(list(by_cat))]
            m.products.append(rand.pick(other))
    return products, brand_rows, product_rows


def _brand_name(rand: Randomness, taken: set[str]) -> str:
    while True:
        zh = rand.pick(_BRAND_SYLLABLES) + rand.pick(_BRAND_SYLLABLES)
        name = f"{zh} {rand.pick(_BRAND_EN)}" if rand.chance(0.6) else zh
        if name not in taken:
            return name
