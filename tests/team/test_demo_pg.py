"""Demo data on PostgreSQL: its photos' bytes are on the server too (photo_blobs)."""

from __future__ import annotations

from inspector_app.services.context import SYSTEM, open_context
from inspector_app.services.demo import load_demo
from inspector_app.services.photo_server import check_server


def test_demo_data_on_a_server_has_its_photos_there(empty_database, tmp_path):
    _name, url = empty_database
    owner = open_context(url, data_folder=str(tmp_path / "owner"))
    try:
        load_demo(owner.as_actor(SYSTEM), purchases=30, seed=2)
        report = check_server(owner)
        assert report.checked > 0 and report.missing == [] and report.corrupt == []
    finally:
        owner.db.dispose()
