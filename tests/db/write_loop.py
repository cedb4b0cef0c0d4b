"""A writer process for the reliability tests: `python -m tests.db.write_loop DIR PREFIX N`.

Creates N merchants, each with one purchase, through the services (one transaction each;
the purchase reads its merchant, then writes), and prints how many it wrote.
"""

from __future__ import annotations

import sys
from datetime import timedelta

from inspector_app.domain import clock
from inspector_app.domain.enums import PurchaseStatus
from inspector_app.services import merchants, purchases
from inspector_app.services.context import SYSTEM, open_context


def main(data_dir: str, prefix: str, count: int) -> int:
    ctx = open_context(data_folder=data_dir).as_actor(SYSTEM)
    ordered = clock.now() - timedelta(days=1)
    for i in range(count):
        m = merchants.create_merchant(ctx, f"{prefix}-{i:04d}", f"{prefix} 商家 {i}")
        purchases.create_purchase(
            ctx,
            purchases.PurchaseInput(
                merchant_id=m.id,
                order_number=f"{prefix}-O{i:04d}",
                ordered_at=ordered,
                status=PurchaseStatus.ORDERED,
            ),
        )
    ctx.db.dispose()
    print(count)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], int(sys.argv[3])))
