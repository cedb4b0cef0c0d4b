"""A purchase with more findings than its product has kinds of defect: numbered spots."""

from __future__ import annotations

from sqlalchemy import func, select

from inspector_app.db.models import Finding
from inspector_app.services.context import SYSTEM, open_context
from inspector_app.services.demo import load_demo
from tests.db.test_demo import _same_title_twice


def test_more_findings_than_kinds_of_defect_are_numbered_spots(tmp_path):
    ctx = open_context(data_folder=str(tmp_path / "d")).as_actor(SYSTEM)
    try:
        load_demo(ctx, seed=5, purchases=60, findings=1500, photos=0)
        with ctx.db.read() as s:
            assert _same_title_twice(s) == []
            spots = s.scalar(select(func.count()).where(
                Finding.title.like("%(spot %") | Finding.title.like("%处）")))
            assert spots > 0
    finally:
        ctx.db.dispose()
