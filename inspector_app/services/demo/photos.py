"""Demo photos: small JPEGs drawn with Pillow (defects, parcels, rectification papers, re-checks)."""

from __future__ import annotations

import io
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TypeVar

from inspector_app.domain.enums import PhotoRole, Verdict
from inspector_app.services.demo.cases import DemoCase
from inspector_app.services.demo.common import CST, Clock, Randomness, stamp
from inspector_app.services.demo.purchases import DemoPurchase

logger = logging.getLogger(__name__)

T = TypeVar("T")

#: Pixel size of generated photos (small: the demo is about the data, not the pixels).
SIZE = (560, 420)
#: Threads encoding and storing generated photos (storing waits on fsync, not on the CPU).
STORE_THREADS = 6
#: Share of the image pool and of the photo rows for each kind of picture.
KINDS = {"defect": 0.6, "parcel": 0.15, "rectification": 0.15, "verification": 0.10}
_CAPTIONS = {
    "defect": [
        "缺陷特写",
        "整体外观",
        "标签与吊牌",
        "Close-up of the defect",
        "Label and care tag",
    ],
    "parcel": ["快递外包装", "开箱前外观", "Parcel as delivered"],
    "rectification": [
        "商家整改凭证：质检报告",
        "整改后商品照片",
        "Merchant's corrective-action evidence",
    ],
    "verification": ["复购样品复核", "Re-purchase sample re-checked"],
}


@dataclass(frozen=True)
class PoolImage:
    kind: str
    sha256: str
    byte_size: int
    width: int
    height: int


def image_pool(
    rand: Randomness, needed: dict[str, int], store: Callable[[bytes], str]
) -> dict[tuple[str, int], PoolImage]:
    """`needed[kind]` distinct JPEGs per kind, each handed to `store` (the photo store, which
    returns its hash), keyed by (kind, slot).

    Drawing uses the seeded randomness, so it runs in order; encoding and storing (each file
    fsynced) run on a few threads, which is where the time goes.
    """
    from concurrent.futures import ThreadPoolExecutor

    from PIL import Image, ImageDraw

    def save(kind: str, im: Image.Image) -> PoolImage:
        buf = io.BytesIO()
        im.save(buf, "JPEG", quality=80)
        data = buf.getvalue()
        return PoolImage(kind, store(data), len(data), im.width, im.height)

    painters = {
        "defect": _defect,
        "parcel": _parcel,
        "rectification": _paper,
        "verification": _recheck,
    }
    with ThreadPoolExecutor(max_workers=STORE_THREADS, thread_name_prefix="demo-photos") as pool:
        futures = {}
        for kind, count in needed.items():
            for slot in range(count):
                bg = tuple(int(rand.between(200, 245)) for _ in range(3))
                im = Image.new("RGB", SIZE, bg)
                draw = ImageDraw.Draw(im)
                painters[kind](rand, draw)
                draw.text(
                    (12, SIZE[1] - 22), f"DEMO {kind.upper()} #{slot + 1:04d}", fill=(60, 60, 60)
                )
                futures[(kind, slot)] = pool.submit(save, kind, im)
        return {key: f.result() for key, f in futures.items()}


def _product(rand: Randomness, draw) -> tuple[int, int, int, int]:
    w, h = SIZE
    box = (
        int(rand.between(60, 140)),
        int(rand.between(50, 100)),
        int(rand.between(w - 140, w - 60)),
        int(rand.between(h - 120, h - 60)),
    )
    colour = tuple(int(rand.between(30, 200)) for _ in range(3))
    if rand.chance(0.5):
        draw.rounded_rectangle(box, radius=int(rand.between(8, 40)), fill=colour)
    else:
        draw.ellipse(box, fill=colour)
    return box


def _defect(rand: Randomness, draw) -> None:
    x0, y0, x1, y1 = _product(rand, draw)
    cx, cy = int(rand.between(x0 + 20, x1 - 20)), int(rand.between(y0 + 20, y1 - 20))
    for _ in range(int(rand.between(2, 6))):  # stains
        r = int(rand.between(4, 18))
        dx, dy = int(rand.between(-30, 30)), int(rand.between(-30, 30))
        draw.ellipse((cx + dx - r, cy + dy - r, cx + dx + r, cy + dy + r), fill=(110, 80, 40))
    points = [(cx - 40 + 10 * k, cy + (8 if k % 2 else -8)) for k in range(9)]  # a tear
    draw.line(points, fill=(20, 20, 20), width=3)
    draw.ellipse((cx - 60, cy - 50, cx + 60, cy + 50), outline=(230, 20, 20), width=5)
    for k in range(0, SIZE[0] - 40, 20):  # a ruler along the bottom
        draw.line(
            (20 + k, SIZE[1] - 40, 20 + k, SIZE[1] - (52 if k % 100 == 0 else 46)),
            fill=(0, 0, 0),
            width=1,
        )


def _parcel(rand: Randomness, draw) -> None:
    w, h = SIZE
    draw.rectangle((90, 70, w - 90, h - 60), fill=(176, 130, 80), outline=(120, 85, 50), width=4)
    draw.rectangle((w // 2 - 20, 70, w // 2 + 20, h - 60), fill=(200, 170, 110))
    draw.rectangle((130, 110, 300, 200), fill=(250, 250, 250))
    for k in range(40):  # the waybill's bar code
        if rand.chance(0.55):
            draw.line((140 + 4 * k, 170, 140 + 4 * k, 195), fill=(0, 0, 0), width=2)
    if rand.chance(0.4):  # a crushed corner
        draw.polygon([(w - 90, h - 60), (w - 160, h - 60), (w - 90, h - 130)], fill=(90, 60, 30))


def _paper(rand: Randomness, draw) -> None:
    w, h = SIZE
    draw.rectangle((110, 30, w - 110, h - 40), fill=(252, 252, 250), outline=(180, 180, 180))
    for k in range(12):
        draw.line(
            (135, 60 + 22 * k, 135 + int(rand.between(150, w - 270)), 60 + 22 * k),
            fill=(150, 150, 150),
            width=4,
        )
    cx, cy = w - 190, h - 110
    draw.ellipse((cx - 45, cy - 45, cx + 45, cy + 45), outline=(210, 30, 30), width=4)
    draw.regular_polygon((cx, cy, 18), 5, fill=(210, 30, 30))


def _recheck(rand: Randomness, draw) -> None:
    _product(rand, draw)
    w, h = SIZE
    draw.line(
        [(w - 150, h - 150), (w - 120, h - 115), (w - 60, h - 200)], fill=(20, 160, 60), width=12
    )


def photo_rows(
    rand: Randomness,
    clock: Clock,
    budget: int,
    pool_size: int,
    purchases: list[DemoPurchase],
    cases: list[DemoCase],
) -> tuple[list[dict], dict[str, int]]:
    """Photo rows (evidence on findings and parcels, case papers) and the images they need.

    Rows of one kind share at most `pool_size * share` images, taken in turn so every image
    is used; each row's "image" key is (kind, slot) until `attach_images` fills in the file.
    """
    slots = {k: max(1, round(pool_size * share)) for k, share in KINDS.items()}
    used = dict.fromkeys(KINDS, 0)
    rows: list[dict] = []

    def add(kind: str, role: PhotoRole, at: datetime, actor_id: int | None, **owner) -> None:
        at = clock.clamp(at)
        local = at.astimezone(CST)
        rows.append(
            stamp(
                rand,
                clock.clamp(at + timedelta(minutes=5)),
                actor_id,
                image=(kind, used[kind] % slots[kind]),
                original_name=f"IMG_{local:%Y%m%d_%H%M%S}.jpg",
                media_type="image/jpeg",
                taken_at=at,
                caption=rand.pick(_CAPTIONS[kind]),
                role=role,
                annotations_json="",
                purchase_id=owner.get("purchase_id"),
                finding_id=owner.get("finding_id"),
                case_id=owner.get("case_id"),
                deleted_at=None,
            )
        )
        used[kind] += 1

    failed = [p for p in purchases if p.verdict == Verdict.FAIL]
    received = [p for p in purchases if p.received_at is not None]
    responded = [c for c in cases if c.row["first_response_at"] is not None]
    verified = [c for c in cases if c.row["closed_at"] and c.row["verification_result"]]
    quota = {k: round(budget * share) for k, share in KINDS.items()}
    for p in _sample(rand, failed, quota["defect"]):
        for k in range(min(p.findings, 3)):
            if used["defect"] < quota["defect"]:
                add(
                    "defect",
                    PhotoRole.EVIDENCE,
                    p.inspected_at - timedelta(minutes=20 - k),
                    p.inspector.id,
                    finding_id=p.first_finding_id + k,
                )
    for c in _sample(rand, responded, quota["rectification"]):
        responder = next(e["actor_id"] for e in c.events if e["kind"] == "response")
        add(
            "rectification",
            PhotoRole.RECTIFICATION,
            c.row["first_response_at"] - timedelta(hours=1),
            responder,
            case_id=c.id,
        )
    for c in _sample(rand, verified, quota["verification"]):
        add(
            "verification",
            PhotoRole.VERIFICATION,
            c.row["closed_at"] - timedelta(hours=2),
            c.row["assignee_id"],
            case_id=c.id,
        )
    for p in _sample(rand, received, budget - len(rows)):  # parcels make up the rest
        add(
            "parcel",
            PhotoRole.EVIDENCE,
            p.received_at + timedelta(minutes=30),
            p.inspector.id,
            purchase_id=p.id,
        )
    rows.sort(key=lambda r: r["created_at"])
    return rows, {k: min(slots[k], used[k]) for k in KINDS if used[k]}


def attach_images(rows: list[dict], images: dict[tuple[str, int], PoolImage]) -> list[dict]:
    """Put each row's stored file (hash, size, pixels) in place of its (kind, slot)."""
    for row in rows:
        img = images[row.pop("image")]
        row.update(sha256=img.sha256, byte_size=img.byte_size, width=img.width, height=img.height)
    return rows


def _sample(rand: Randomness, items: list[T], n: int) -> list[T]:
    return rand.rng.sample(items, max(0, min(n, len(items))))
