"""One process of the two-writers test: read a finding or case, wait for the go, save.

    python -m tests.db.stale_worker URL DATA_DIR finding|case ID_OR_NUMBER TEXT READY GO

Reads the row (its version), creates READY, waits until GO exists, then saves TEXT as the
finding's title or the case's summary based on the version it read. Prints "saved" or
"stale: <message>".
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from inspector_app.domain.enums import Role
from inspector_app.domain.errors import StaleEdit
from inspector_app.services import cases, findings, users
from inspector_app.services.context import open_context


def main(url, data_dir, kind, ref, text, ready, go) -> None:
    ctx = open_context(url, data_dir)
    admin = next(u for u in users.list_users(ctx) if u.role == Role.ADMIN)
    ctx = ctx.as_actor(admin)
    if kind == "finding":
        f = findings.get_finding(ctx, int(ref))
        data = findings.FindingInput(f.category, f.severity, text, description=f.description,
                                     version=f.version)
    else:
        k = cases.get_case(ctx, ref)
    Path(ready).touch()
    while not Path(go).exists():
        time.sleep(0.01)
    try:
        if kind == "finding":
            findings.update_finding(ctx, int(ref), data)
        else:
            cases.update_case(ctx, ref, summary=text, version=k.version)
        print("saved")
    except StaleEdit as exc:
        print(f"stale: {exc}")
    finally:
        ctx.db.dispose()


if __name__ == "__main__":
    main(*sys.argv[1:])
