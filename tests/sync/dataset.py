"""Offline work on a laptop copy, written in bulk (the outbox triggers track any write path):
purchases of one merchant, their findings, and photos with distinct bytes."""

from __future__ import annotations

import hashlib
import random
from datetime import timedelta

from sqlalchemy import select

from inspector_app.db.models import Finding, Merchant, Photo, Purchase
from inspector_app.domain import clock
from inspector_app.domain.enums import PurchaseStatus
from inspector_app.services.context import Context


def offline_work(ctx: Context, shop_id: str, *, purchases: int, findings_each: int,
                 photos: int, photo_size: int = 40_000, seed: int = 7,
                 prefix: str = "OFF") -> dict[str, str]:
    """Write the work; returns {photo sha256: purchase order number}."""
    rnd = random.Random(seed)
    me = ctx.actor.id
    now = clock.now()
    with ctx.db.read() as s:
        merchant_id = s.scalar(select(Merchant.id).where(Merchant.shop_id == shop_id))
    shas: dict[str, str] = {}
    batch = 1000
    for start in range(0, purchases, batch):
        with ctx.db.write() as s:
            rows = []
            for i in range(start, min(purchases, start + batch)):
                p = Purchase(merchant_id=merchant_id, order_number=f"{prefix}-{i:06d}",
                             ordered_at=now - timedelta(days=3), received_at=now,
                             price_paid_cents=rnd.randint(100, 99_999), buyer_alias="buyer",
                             delivery_address="No. 1 Road", inspector_id=me, created_by_id=me,
                             status=PurchaseStatus.RECEIVED)
                p.findings = [Finding(category="product_quality", severity="minor",
                                      title=f"划痕 {i}-{k}", description="离线" * 20,
                                      created_by_id=me) for k in range(findings_each)]
                rows.append(p)
            s.add_all(rows)
            s.flush()
            for p in rows:
                index = int(p.order_number.rsplit("-", 1)[1])
                if photos and index % max(1, purchases // photos) == 0 and len(shas) < photos:
                    data = rnd.randbytes(photo_size)
                    sha = hashlib.sha256(data).hexdigest()
                    ctx.photos.put(data, sha)
                    s.add(Photo(sha256=sha, original_name=f"{p.order_number}.jpg",
                                media_type="image/jpeg", byte_size=len(data), width=10,
                                height=10, purchase_id=p.id, created_by_id=me))
                    shas[sha] = p.order_number
    return shas
