"""Photos on the team server: imported on one machine, shown and exported on another, and
checked on the server by `inspector check`."""

from __future__ import annotations

import os
import subprocess
import sys

import psycopg
from sqlalchemy import func, select

from inspector_app.db.models import PhotoBlob
from inspector_app.domain.enums import Role
from inspector_app.services import cases, findings, merchants, photos, purchases
from tests.photos.samples import jpeg_bytes
from tests.services.builders import received_input


def _cli(*args, data_dir) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("INSPECTOR_", "PG"))}
    env.update({"INSPECTOR_DATA_DIR": str(data_dir), "PYTHONIOENCODING": "utf-8"})
    return subprocess.run([sys.executable, "-m", "inspector_app.cli.main", *args],
                          capture_output=True, text=True, encoding="utf-8", env=env, timeout=120)


def test_a_photo_imported_on_one_machine_is_exported_on_another(team_server, tmp_path):
    laptop_a, laptop_b = tmp_path / "laptop-a", tmp_path / "laptop-b"
    ivy = team_server.context(team_server.login_url(Role.INSPECTOR), laptop_a)
    qm = team_server.context(team_server.login_url(Role.QUALITY_MANAGER), laptop_b)
    m = merchants.create_merchant(qm, "PHOTO-1", "照片商店")
    p = purchases.create_purchase(ivy, received_input(m.id, inspector_id=ivy.actor.id))
    f = findings.add_finding(ivy, p.id, findings.FindingInput("product_quality", "major", "划痕"))
    image = tmp_path / "scratch.jpg"
    image.write_bytes(jpeg_bytes())
    (added,) = list(photos.add_photos(ivy, [image], finding_id=f.id))
    again = tmp_path / "again.jpg"
    again.write_bytes(image.read_bytes())
    (twice,) = list(photos.add_photos(ivy, [again], purchase_id=p.id))
    assert added.sha256 == twice.sha256
    with qm.db.read() as s:  # stored once, whatever the number of rows using it
        assert s.scalar(select(func.count()).select_from(PhotoBlob)
                        .where(PhotoBlob.sha256 == added.sha256)) == 1
    # Laptop B never saw the file: it fetches it from the server (thumbnail and notice).
    assert not qm.photos.has(added.sha256)
    assert qm.photos.thumbnail(added.sha256).is_file()
    assert qm.photos.read(added.sha256) == image.read_bytes()
    k = cases.open_case(qm, [f.id])
    qm.photos.remove(added.sha256)  # the export fetches it again
    out = tmp_path / "notice.pdf"
    r = _cli("export", "pdf", "--case", k.case_number, "--out", str(out),
             "--db", team_server.login_url(Role.QUALITY_MANAGER), data_dir=laptop_b)
    assert r.returncode == 0, r.stderr
    from pypdf import PdfReader

    reader = PdfReader(str(out))
    assert any("/Image" in str(page.get("/Resources", {}).get("/XObject", {}).values())
               or page.images for page in reader.pages)


def test_check_verifies_hashes_on_the_server_and_repair_uploads_from_a_cache(team_server,
                                                                             tmp_path):
    laptop = tmp_path / "laptop"
    ivy = team_server.context(team_server.login_url(Role.INSPECTOR), laptop)
    m = merchants.create_merchant(ivy, "PHOTO-2", "Check Shop")
    p = purchases.create_purchase(ivy, received_input(m.id, inspector_id=ivy.actor.id))
    image = tmp_path / "box.jpg"
    image.write_bytes(jpeg_bytes(noise=7))
    (added,) = list(photos.add_photos(ivy, [image], purchase_id=p.id))
    url = team_server.login_url(Role.ADMIN)
    r = _cli("check", "--db", url, data_dir=tmp_path / "admin-machine")
    assert r.returncode == 0, r.stdout + r.stderr
    with psycopg.connect(team_server.owner_url.replace("+psycopg", ""), autocommit=True) as c:
        c.execute("UPDATE photo_blobs SET data = 'broken'::bytea WHERE sha256 = %s",
                  (added.sha256,))
    r = _cli("check", "--db", url, data_dir=tmp_path / "admin-machine")
    assert r.returncode == 1
    assert f"The team server's copy of photo {added.sha256} is damaged" in r.stdout
    with psycopg.connect(team_server.owner_url.replace("+psycopg", ""), autocommit=True) as c:
        c.execute("DELETE FROM photo_blobs WHERE sha256 = %s", (added.sha256,))
    r = _cli("check", "--db", url, data_dir=tmp_path / "admin-machine")
    assert r.returncode == 1 and "has no copy on the team server" in r.stdout
    # The laptop that imported it still has it in its cache: a repair there puts it back.
    r = _cli("check", "--repair", "--db", team_server.login_url(Role.INSPECTOR),
             data_dir=laptop)
    assert r.returncode in (0, 1), r.stderr
    r = _cli("check", "--db", url, data_dir=tmp_path / "admin-machine")
    assert r.returncode == 0, r.stdout



def test_damaged_photos_are_refused_on_the_server_with_one_line_and_nothing_stored(
        team_server, tmp_path):
    """On a team server a JPEG's structure is checked instead of decoding it
    (photos/jpeg_scan.py): damaged files are still refused, one line each, no row, no bytes;
    good ones get their thumbnail when first shown."""
    from inspector_app.photos.imaging import probe
    from tests.photos import samples

    ivy = team_server.context(team_server.login_url(Role.INSPECTOR), tmp_path / "laptop")
    qm = team_server.context(team_server.login_url(Role.QUALITY_MANAGER), tmp_path / "qm")
    m = merchants.create_merchant(qm, "PHOTO-DAMAGED", "坏照片商店")
    p = purchases.create_purchase(ivy, received_input(m.id, inspector_id=ivy.actor.id))
    good = jpeg_bytes((640, 480))
    files = {
        "good.jpg": good,
        "corrupt.jpg": samples.corrupt_jpeg(),
        "truncated.jpg": samples.truncated_jpeg(),
        "cut-in-headers.jpg": good[:300],
        "no-end.jpg": good[:-2],
        "notes.jpg": b"These are my notes, not a photo.\n" * 10,
        "bomb.png": samples.png_bomb(),
    }
    with qm.db.read() as s:
        blobs = s.scalar(select(func.count()).select_from(PhotoBlob))
    paths = []
    for name, data in files.items():
        paths.append(tmp_path / name)
        paths[-1].write_bytes(data)
    results = {r.path.name: r for r in photos.add_photos(ivy, paths, purchase_id=p.id)}
    assert results["good.jpg"].status == photos.STORED
    for name in files.keys() - {"good.jpg"}:
        r = results[name]
        assert r.status == photos.REJECTED and name in r.reason and "\n" not in r.reason, r
    assert "ends before the picture" in results["no-end.jpg"].reason
    with qm.db.read() as s:
        assert s.scalar(select(func.count()).select_from(PhotoBlob)) == blobs + 1
    listed = photos.list_photos(qm, purchase_id=p.id)
    assert [ph.original_name for ph in listed] == ["good.jpg"]
    decoded = probe(good, "good.jpg")  # as the decoding check on a laptop describes it
    assert (listed[0].width, listed[0].height, listed[0].taken_at) == (
        decoded.width, decoded.height, decoded.taken_at)
    sha = results["good.jpg"].sha256
    assert not ivy.photos._derived_path("256", sha).is_file()  # none made at import
    assert ivy.photos.thumbnail(sha).is_file()  # made when a screen asks for it
