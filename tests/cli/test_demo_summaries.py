"""The demo writes each case summary whole in one language, as a manager would."""

from __future__ import annotations

import re

from sqlalchemy import select

from inspector_app.db.models import RectificationCase
from inspector_app.services.context import open_context

_HAN = re.compile(r"[\u4e00-\u9fff]")


def test_case_summaries_are_written_in_one_language(demo_cli):
    ctx = open_context(demo_cli.db_url, data_folder=str(demo_cli.data_dir))
    try:
        with ctx.db.read() as s:
            summaries = list(s.scalars(select(RectificationCase.summary)))
    finally:
        ctx.db.dispose()
    assert summaries
    for text in summaries:
        assert "and 0 more" not in text, text
        english = re.search(r"\band \d+ more findings?\b", text)
        title = text.split(" and ")[0]
        assert not (english and _HAN.search(title)), text  # "运输导致商品损坏 and 4 more findings"
