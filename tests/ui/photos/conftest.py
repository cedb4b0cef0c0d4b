"""Fixtures for the photo widget tests: real JPEG/PNG files, an owner to attach them to, waits."""

from __future__ import annotations

import io
import random
from pathlib import Path

import pytest
from PIL import ExifTags, Image, ImageDraw
from PySide6.QtCore import QMimeData, QUrl

from inspector_app.domain.enums import Role
from inspector_app.services import photos as photo_service
from tests.services.builders import make_finding, make_merchant, make_purchase


def photo_file(
    folder: Path,
    name: str,
    *,
    size=(640, 480),
    color=(40, 90, 200),
    seed: int = 0,
    orientation: int | None = None,
    fmt: str | None = None,
) -> Path:
    """A real photo with unique content (the seed), a red top-left block and a diagonal."""
    im = Image.new("RGB", size, color)
    draw = ImageDraw.Draw(im)
    draw.rectangle((0, 0, size[0] // 4, size[1] // 4), fill=(255, 0, 0))
    draw.line((0, size[1], size[0], 0), fill=(255, 255, 0), width=5)
    rnd = random.Random(seed)
    im.paste(
        Image.frombytes("RGB", (12, 12), rnd.randbytes(12 * 12 * 3)), (size[0] // 2, size[1] // 2)
    )
    fmt = fmt or ("PNG" if name.lower().endswith(".png") else "JPEG")
    kwargs = {}
    if orientation is not None:
        exif = Image.Exif()
        exif[ExifTags.Base.Orientation] = orientation
        kwargs["exif"] = exif
    buf = io.BytesIO()
    im.save(buf, fmt, **kwargs)
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buf.getvalue())
    return path


@pytest.fixture
def files(tmp_path):
    """make(name, **kw) -> a photo file under tmp_path/in (unique content per call)."""
    counter = iter(range(1, 10_000))

    def make(name: str, **kw) -> Path:
        kw.setdefault("seed", next(counter))
        return photo_file(tmp_path / "in", name, **kw)

    return make


@pytest.fixture
def purchase(state, users):
    """A received purchase (made by the inspector), and the state acting as the admin."""
    insp = state.ctx.as_actor(users[Role.INSPECTOR])
    shop = make_merchant(insp, "shop-photos", "Photo Test Shop")
    return make_purchase(insp, shop.id, order_number="ORD-PHOTO-1")


@pytest.fixture
def finding(state, purchase):
    return make_finding(state.ctx, purchase.id, title="Seam splits at the shoulder")


@pytest.fixture
def attach(state, files):
    """attach(n, **owner) -> PhotoInfos of n new photos stored for the owner (no UI)."""

    def add(n: int = 2, *, role="evidence", size=(640, 480), **owner):
        paths = [files(f"photo-{i}.jpg", size=size) for i in range(n)]
        results = list(photo_service.add_photos(state.ctx, paths, role=role, **owner))
        assert all(r.status == photo_service.STORED for r in results), results
        return [photo_service.get_photo(state.ctx, r.photo_id) for r in results]

    return add


def url_mime(*paths: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def activate(qtbot, widget) -> None:
    """Make `widget`'s window the active one (keyboard shortcuts only fire there)."""
    widget.windowHandle().requestActivate()
    qtbot.waitUntil(widget.isActiveWindow, timeout=3000)


@pytest.fixture
def wait_images(qtbot):
    """wait_images(): let the image workers finish and their results arrive."""
    from inspector_app.ui.photos.images import image_cache

    def wait(condition=None, timeout: int = 5000):
        image_cache().wait(timeout)
        if condition is None:
            qtbot.wait(20)
        else:
            qtbot.waitUntil(condition, timeout=timeout)

    yield wait
    image_cache().wait(10_000)
