"""The photo use cases: importing good and bad files, roles, editing, soft delete, rendering."""

from __future__ import annotations

import hashlib
import io

import pytest
from PIL import Image
from sqlalchemy import func, select

from inspector_app.db.models import Photo
from inspector_app.domain.enums import PhotoRole, Role
from inspector_app.domain.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from inspector_app.services import photos as svc
from tests.photos import samples


def _rows(ctx) -> int:
    with ctx.db.read() as s:
        return s.scalar(select(func.count()).select_from(Photo))


def _stored_files(ctx) -> list:
    return list(ctx.photos.iter_stored())


def test_import_good_and_bad_files(ictx, owners, src):
    good = samples.write(src, "IMG_0001.jpg", samples.jpeg_bytes((1600, 1200), orientation=6))
    files = [
        good,
        samples.write(src, "label.png", samples.png_bytes()),
        samples.write(src, "box.webp", samples.webp_bytes()),
        samples.write(src, "copy of IMG_0001.jpg", good.read_bytes()),
        good,
        samples.write(src, "corrupt.jpg", samples.corrupt_jpeg()),
        samples.write(src, "truncated.jpg", samples.truncated_jpeg()),
        samples.write(src, "bomb.png", samples.png_bomb()),
        samples.write(src, "notes.jpg", b"not a photo at all\n"),
        samples.write(src, "anim.jpg", samples.other_format_bytes("GIF")),
        samples.write(src, "scan.jpg", samples.other_format_bytes("BMP")),
        src / "missing.jpg",
    ]
    results = list(svc.add_photos(ictx, files, purchase_id=owners.purchase_id, caption=" Box "))
    assert [r.path for r in results] == files
    assert [r.status for r in results] == ["stored"] * 3 + ["already stored"] * 2 + ["rejected"] * 7
    for r in results[5:]:
        assert r.path.name in r.reason and r.photo_id is None and not r.ok
    assert results[3].photo_id == results[4].photo_id == results[0].photo_id
    assert "already attached as photo" in results[3].reason
    assert _rows(ictx) == 3 and len(_stored_files(ictx)) == 3  # nothing of the bad ones

    photo = svc.get_photo(ictx, results[0].photo_id)
    assert photo.sha256 == hashlib.sha256(good.read_bytes()).hexdigest() == results[0].sha256
    assert (photo.width, photo.height, photo.media_type) == (1200, 1600, "image/jpeg")
    assert photo.taken_at is not None and photo.taken_at.utcoffset().total_seconds() == 0
    assert photo.original_name == "IMG_0001.jpg" and photo.caption == "Box"
    assert photo.byte_size == good.stat().st_size and photo.role == PhotoRole.EVIDENCE
    assert ictx.photos.path_for(photo.sha256).read_bytes() == good.read_bytes()


def test_same_photo_on_another_owner_is_a_new_row_but_one_file(ictx, owners, src):
    f = samples.write(src, "a.jpg", samples.jpeg_bytes((200, 100)))
    (r1,) = svc.add_photos(ictx, [f], purchase_id=owners.purchase_id)
    (r2,) = svc.add_photos(ictx, [f], finding_id=owners.finding_id)
    (r3,) = svc.add_photos(ictx, [f], purchase_id=owners.other_purchase_id)
    assert [r.status for r in (r1, r2, r3)] == ["stored"] * 3
    assert len({r1.photo_id, r2.photo_id, r3.photo_id}) == 3
    assert _stored_files(ictx) == [r1.sha256]


def test_the_same_picture_as_evidence_of_another_purchase_is_flagged(ictx, ctx, users, owners, src):
    f = samples.write(src, "a.jpg", samples.jpeg_bytes((200, 100)))
    # Within one purchase (the purchase and its finding) sharing a picture is normal.
    (r1,) = svc.add_photos(ictx, [f], finding_id=owners.finding_id)
    (r2,) = svc.add_photos(ictx, [f], purchase_id=owners.purchase_id)
    assert (r1.flag, r2.flag) == ("", "")
    # On another purchase it is stored, but said: the finding is named before its purchase.
    (r3,) = svc.add_photos(ictx, [f], purchase_id=owners.other_purchase_id)
    assert r3.status == svc.STORED and r3.photo_id is not None
    assert r3.flag == f"already evidence for finding {owners.finding_id}"
    # A "rectification" photo that is the evidence itself is flagged too.
    mm = ctx.as_actor(users[Role.MERCHANT_MANAGER])
    (r4,) = svc.add_photos(mm, [f], case_id=owners.case_id, role=PhotoRole.RECTIFICATION)
    assert r4.status == svc.STORED and r4.flag.startswith("already evidence for finding")
    # Deleted evidence does not count.
    g = samples.write(src, "b.jpg", samples.jpeg_bytes((200, 100), noise=3))
    (g1,) = svc.add_photos(ictx, [g], purchase_id=owners.purchase_id)
    svc.delete_photo(ictx, g1.photo_id)
    (g2,) = svc.add_photos(ictx, [g], purchase_id=owners.other_purchase_id)
    assert g2.flag == ""
    (g3,) = svc.add_photos(ictx, [g], purchase_id=owners.purchase_id)
    assert g3.flag == f"already evidence for purchase {owners.other_purchase_id}"


def test_file_is_durable_before_its_row(ictx, owners, src, monkeypatch):
    seen = []
    real_put = ictx.photos.put

    def put(data, sha=None, **kw):
        with ictx.db.read() as s:
            seen.append(s.scalar(select(func.count()).select_from(Photo)))
        return real_put(data, sha, **kw)

    monkeypatch.setattr(ictx.photos, "put", put)
    f = samples.write(src, "a.jpg", samples.jpeg_bytes((200, 100)))
    assert next(svc.add_photos(ictx, [f], case_id=owners.case_id)).status == "stored"
    assert seen == [0]


def test_import_is_a_generator_that_can_be_cancelled(ictx, owners, src):
    files = [
        samples.write(src, f"{i}.jpg", samples.jpeg_bytes((64, 48), noise=i)) for i in range(4)
    ]
    gen = svc.add_photos(ictx, files, purchase_id=owners.purchase_id)
    assert _rows(ictx) == 0  # nothing happens until the caller asks for results
    assert next(gen).status == "stored"
    gen.close()
    assert _rows(ictx) == 1


def test_argument_and_role_errors_come_at_call_time(ctx, users, owners):
    insp = ctx.as_actor(users[Role.INSPECTOR])
    mm = ctx.as_actor(users[Role.MERCHANT_MANAGER])
    with pytest.raises(PermissionDenied):
        svc.add_photos(ctx, [], purchase_id=owners.purchase_id)  # nobody chosen
    with pytest.raises(PermissionDenied, match="merchant_manager"):
        svc.add_photos(mm, [], purchase_id=owners.purchase_id)
    with pytest.raises(PermissionDenied):
        svc.add_photos(insp, [], case_id=owners.case_id, role=PhotoRole.RECTIFICATION)
    svc.add_photos(mm, [], case_id=owners.case_id, role="rectification")
    for role in (Role.QUALITY_MANAGER, Role.ADMIN):
        svc.add_photos(ctx.as_actor(users[role]), [], case_id=owners.case_id, role="rectification")
    svc.add_photos(insp, [], case_id=owners.case_id, role=PhotoRole.VERIFICATION)
    with pytest.raises(ValidationError, match="exactly one"):
        svc.add_photos(insp, [])
    with pytest.raises(ValidationError, match="exactly one"):
        svc.add_photos(insp, [], purchase_id=owners.purchase_id, finding_id=owners.finding_id)
    with pytest.raises(NotFound, match="purchase"):
        svc.add_photos(insp, [], purchase_id=99999)
    with pytest.raises(ValidationError, match="role"):
        svc.add_photos(insp, [], purchase_id=owners.purchase_id, role="selfie")


def test_caption_annotations_list_delete_restore(ictx, ctx, users, owners, src):
    f1 = samples.write(src, "1.jpg", samples.jpeg_bytes((200, 100), noise=1))
    f2 = samples.write(src, "2.jpg", samples.jpeg_bytes((200, 100), noise=2))
    (a,) = svc.add_photos(ictx, [f1], purchase_id=owners.purchase_id)
    (b,) = svc.add_photos(ictx, [f2], finding_id=owners.finding_id)

    assert svc.set_caption(ictx, a.photo_id, "  Torn box\r\n").caption == "Torn box"
    shapes = [{"type": "rect", "x1": 0.6, "y1": 0.6, "x2": 0.1, "y2": 0.2, "color": "#F00"}]
    info = svc.set_annotations(ictx, a.photo_id, shapes)
    assert info.annotations == [
        {"type": "rect", "x1": 0.6, "y1": 0.6, "x2": 0.1, "y2": 0.2, "color": "#ff0000",
         "width": 0.005}
    ]  # fmt: skip
    assert svc.set_annotations(ictx, a.photo_id, "").annotations == []
    with pytest.raises(PermissionDenied):
        svc.set_caption(ctx.as_actor(users[Role.MERCHANT_MANAGER]), a.photo_id, "x")

    assert [p.id for p in svc.list_photos(ictx, purchase_id=owners.purchase_id)] == [a.photo_id]
    # Who photographed the parcel is an inspector: not told to a merchant manager.
    assert svc.get_photo(ictx, a.photo_id).created_by_id == users[Role.INSPECTOR].id
    mm = ctx.as_actor(users[Role.MERCHANT_MANAGER])
    assert svc.get_photo(mm, a.photo_id).created_by_id is None
    assert [p.created_by_id for p in svc.list_photos(mm, purchase_id=owners.purchase_id)] == [None]
    both = svc.list_photos(ictx, purchase_id=owners.purchase_id, include_findings=True)
    assert [p.id for p in both] == [a.photo_id, b.photo_id]

    svc.delete_photo(ictx, a.photo_id)
    assert svc.list_photos(ictx, purchase_id=owners.purchase_id) == []
    assert svc.list_photos(ictx, purchase_id=owners.purchase_id, include_deleted=True)[0].deleted
    with pytest.raises(NotFound):
        svc.get_photo(ictx, a.photo_id)
    assert ictx.photos.has(a.sha256)  # the file stays: evidence

    # Importing it again after deletion attaches a new row; restoring the old one would
    # then duplicate it.
    (again,) = svc.add_photos(ictx, [f1], purchase_id=owners.purchase_id)
    assert again.status == "stored" and again.photo_id != a.photo_id
    with pytest.raises(ConflictError):
        svc.restore_photo(ictx, a.photo_id)
    svc.delete_photo(ictx, again.photo_id)
    assert not svc.restore_photo(ictx, a.photo_id).deleted


@pytest.mark.parametrize(
    ("shapes", "words"),
    [
        ("{not json", "not valid JSON"),
        ('{"type": "rect"}', "list of shapes"),
        ([{"type": "star", "x": 0.1}], "unknown type"),
        ([{"type": "rect", "x1": 0, "y1": 0, "x2": 1.5, "y2": 1}], "between 0 and 1"),
        ([{"type": "rect", "x1": 0, "y1": 0, "x2": True, "y2": 1}], "must be a number"),
        ([{"type": "arrow", "x1": 0, "y1": 0, "x2": 1, "y2": 1, "color": "red"}], "colour"),
        ([{"type": "text", "x": 0, "y": 0, "text": "  "}], "needs some text"),
        ([{"type": "ellipse", "x1": 0, "y1": 0, "x2": 1, "y2": 1, "z": 3}], "unknown field z"),
        ([{"type": "text", "x": 0, "y": 0, "text": "a", "w": 1, "z": 3}], "unknown fields w.*z"),
        ([{"type": "text", "x": 0, "y": 0, "text": "a"}] * 201, "at most 200"),
    ],
)
def test_bad_annotations_are_refused(ictx, owners, src, shapes, words):
    f = samples.write(src, "1.jpg", samples.jpeg_bytes((200, 100)))
    (a,) = svc.add_photos(ictx, [f], purchase_id=owners.purchase_id)
    with pytest.raises(ValidationError, match=words):
        svc.set_annotations(ictx, a.photo_id, shapes)


def test_annotated_render_draws_on_a_clean_copy(ictx, owners, src):
    data = samples.jpeg_bytes((1600, 1200), orientation=6)
    f = samples.write(src, "1.jpg", data)
    (a,) = svc.add_photos(ictx, [f], purchase_id=owners.purchase_id)
    plain = svc.annotated_render(ictx, a.photo_id, 600)
    svc.set_annotations(
        ictx, a.photo_id,
        [{"type": "rect", "x1": 0.25, "y1": 0.5, "x2": 0.75, "y2": 0.9, "color": "#00ff00",
          "width": 0.02},
         {"type": "arrow", "x1": 0.1, "y1": 0.9, "x2": 0.4, "y2": 0.6},
         {"type": "ellipse", "x1": 0.1, "y1": 0.1, "x2": 0.3, "y2": 0.3, "color": "#fff"},
         {"type": "text", "x": 0.05, "y": 0.4, "text": "开线 seam open", "color": "#ffff00"}],
    )  # fmt: skip
    drawn = svc.annotated_render(ictx, a.photo_id, 600)
    for out in (plain, drawn):
        assert samples.SECRET not in out and b"Exif" not in out
    with Image.open(io.BytesIO(plain)) as p, Image.open(io.BytesIO(drawn)) as d:
        assert p.size == d.size == (450, 600) and not d.getexif()
        # Inside the green rectangle's 12 px left edge (x = 0.25 * 450), at y = 0.7 * 600.
        r, g, b = d.getpixel((round(0.25 * 450) + 6, round(0.7 * 600)))
        assert g > 200 and r < 80 and b < 80
        assert p.getpixel((round(0.25 * 450) + 6, round(0.7 * 600)))[1] < 80
    assert ictx.photos.verify(a.sha256)
    assert ictx.photos.path_for(a.sha256).read_bytes() == data  # the original is untouched
