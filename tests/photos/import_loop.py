"""Imports photos in an endless loop, for the kill -9 test; prints 'ready' once it starts,
then 'done PHOTO_ID SHA256' for each photo the import reported as stored or already stored.

Run from the repository root: python -m tests.photos.import_loop DATA_DIR SOURCE_DIR RUN
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

logger = logging.getLogger(__name__)


def main(data_dir: str, source_dir: str, run: int) -> None:
    from inspector_app.services import photos as svc
    from inspector_app.services.context import SYSTEM, open_context
    from tests.photos import samples
    from tests.photos.conftest import make_owners

    ctx = open_context(data_folder=data_dir).as_actor(SYSTEM)
    owners = make_owners(ctx, tag=f"k{run}", seq=run + 1)
    src = Path(source_dir)
    print("ready", flush=True)
    i = 0
    while True:
        batch = [
            samples.write(
                src, f"{run}-{n}.jpg", samples.jpeg_bytes((96, 72), noise=run * 10**6 + n)
            )
            for n in range(i, i + 3)
        ]
        batch.append(src / f"{run}-{max(i - 3, 0)}.jpg")  # one the store already holds
        owner = {"purchase_id": owners.purchase_id} if i % 2 else {"finding_id": owners.finding_id}
        for result in svc.add_photos(ctx, batch, **owner):
            if result.photo_id is not None:
                print("done", result.photo_id, result.sha256, flush=True)
        i += 3


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
