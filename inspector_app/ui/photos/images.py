"""Photo pixels off the GUI thread: thumbnails and display images, decoded by workers, cached here.

`image_cache()` is one application-wide cache. `thumbnail(store, sha)` and
`display_image(store, sha)` return a QPixmap when it is in memory, else `None` after asking a
worker to load it; `loaded(key)` is emitted (in the GUI thread) when it arrives, and
`failed_reason(store, key)` then tells a load that failed. Workers only make QImages (QPixmap
is GUI-thread only); the conversion happens here, in the GUI thread.

Originals are content-addressed, so an image cached under a SHA-256 is valid for any store.
In inline task mode (tests) loads run from the event loop instead of a worker thread.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor, QColorSpace, QIcon, QImage, QImageReader, QPainter, QPen, QPixmap

from inspector_app.ui import tasks

if TYPE_CHECKING:
    from inspector_app.photos.store import PhotoStore

logger = logging.getLogger(__name__)

#: Edge of the thumbnails asked from the store (its standard cached size, shared with reports).
THUMB_EDGE = 256
#: Memory the in-memory thumbnail cache may hold, in bytes (~300 thumbnails).
THUMB_BUDGET = 64 * 1024 * 1024
#: Full-size display images kept in memory (for going back and forth in the viewer).
DISPLAY_KEEP = 3
#: Longest edge of the fallback copy when Qt cannot read an original (e.g. HEIC).
FALLBACK_EDGE = 4096
#: Worker threads decoding images (kept apart from the task pool so imports never wait).
WORKERS = 2

Key = tuple  # ("thumb", sha, edge) or ("display", sha)


def thumb_key(sha: str, edge: int = THUMB_EDGE) -> Key:
    return ("thumb", sha, edge)


def display_key(sha: str) -> Key:
    return ("display", sha)


def _checked(image: QImage, what: str) -> QImage:
    if image.isNull():
        raise OSError(f"could not decode {what}")
    if image.colorSpace().isValid() and image.colorSpace() != QColorSpace(
        QColorSpace.NamedColorSpace.SRgb
    ):
        image.convertToColorSpace(QColorSpace(QColorSpace.NamedColorSpace.SRgb))
    return image


def load_thumbnail(store: PhotoStore, sha: str, edge: int = THUMB_EDGE) -> QImage:
    """The store's cached JPEG thumbnail (made with Pillow if missing), as a QImage."""
    path = store.thumbnail(sha, edge)
    return _checked(QImage(str(path)), path.name)


def load_display_image(store: PhotoStore, sha: str) -> QImage:
    """The original at full size with EXIF orientation applied; a large clean copy if Qt can't."""
    reader = QImageReader(str(store.path_for(sha)))
    reader.setAutoTransform(True)
    image = reader.read()
    if image.isNull():
        logger.info("Qt cannot read %s (%s); using a clean copy", sha[:12], reader.errorString())
        path = store.clean_copy(sha, FALLBACK_EDGE)
        return _checked(QImage(str(path)), path.name)
    return _checked(image, sha[:12])


class _Relay(QObject):
    """Lives in the GUI thread; workers emit on it, so the slots run in the GUI thread."""

    done = Signal(object, object, str)  # key, QImage or None, error text


class _Load(QRunnable):
    def __init__(self, relay: _Relay, key: Key, fn: Callable[[], QImage]) -> None:
        super().__init__()
        self.relay, self.key, self.fn = relay, key, fn

    def run(self) -> None:
        try:
            image = self.fn()
        except Exception as exc:  # noqa: BLE001 - reported as a broken thumbnail, and logged
            self.relay.done.emit(self.key, None, str(exc) or type(exc).__name__)
            return
        self.relay.done.emit(self.key, image, "")


class ImageCache(QObject):
    """In-memory pixmaps by key, loaded on demand by worker threads."""

    loaded = Signal(object)  # key; check `pixmap(key)` / `failed_reason(...)` afterwards

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(WORKERS)
        self._relay = _Relay(self)
        self._relay.done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)
        self._thumbs: OrderedDict[Key, QPixmap] = OrderedDict()
        self._thumb_bytes = 0
        self._display: OrderedDict[Key, QPixmap] = OrderedDict()
        self._pending: dict[Key, str] = {}  # key -> store root it is loaded from
        self._failed: dict[tuple[str, Key], str] = {}  # (store root, key) -> reason

    # -- public ------------------------------------------------------------------------

    def thumbnail(self, store: PhotoStore, sha: str, edge: int = THUMB_EDGE) -> QPixmap | None:
        key = thumb_key(sha, edge)
        return self._get(store, key, lambda: load_thumbnail(store, sha, edge))

    def display_image(self, store: PhotoStore, sha: str) -> QPixmap | None:
        key = display_key(sha)
        return self._get(store, key, lambda: load_display_image(store, sha))

    def pixmap(self, key: Key) -> QPixmap | None:
        cache = self._thumbs if key[0] == "thumb" else self._display
        pm = cache.get(key)
        if pm is not None:
            cache.move_to_end(key)
        return pm

    def failed_reason(self, store: PhotoStore, key: Key) -> str | None:
        """Why loading `key` from this store failed, or None."""
        return self._failed.get((str(store.root), key))

    def is_pending(self, key: Key) -> bool:
        return key in self._pending

    def forget_failures(self) -> None:
        """Try failed images again on their next request (e.g. after a store repair)."""
        self._failed.clear()

    def clear(self) -> None:
        self._thumbs.clear()
        self._display.clear()
        self._thumb_bytes = 0
        self._failed.clear()

    def wait(self, msecs: int = 10_000) -> bool:
        """Wait for the workers (tests, shutdown); queued results arrive with the next events."""
        return self._pool.waitForDone(msecs)

    # -- internals ---------------------------------------------------------------------

    def _get(self, store: PhotoStore, key: Key, fn: Callable[[], QImage]) -> QPixmap | None:
        pm = self.pixmap(key)
        if pm is not None:
            return pm
        root = str(store.root)
        if (root, key) in self._failed or key in self._pending:
            return None
        self._pending[key] = root
        job = _Load(self._relay, key, fn)
        if tasks.is_inline():
            # Tests: no worker thread, but still later than the request (never inside data()).
            QTimer.singleShot(0, self, job.run)
        else:
            self._pool.start(job)
        return None

    @Slot(object, object, str)
    def _on_done(self, key: Key, image: QImage | None, error: str) -> None:
        root = self._pending.pop(key, "")
        if image is None:
            logger.warning("Could not load photo image %s: %s", key, error)
            self._failed[(root, key)] = error
        else:
            self._store(key, QPixmap.fromImage(image))
        self.loaded.emit(key)

    def _store(self, key: Key, pm: QPixmap) -> None:
        if key[0] == "thumb":
            self._thumbs[key] = pm
            self._thumb_bytes += _bytes(pm)
            while self._thumb_bytes > THUMB_BUDGET and len(self._thumbs) > 1:
                _k, old = self._thumbs.popitem(last=False)
                self._thumb_bytes -= _bytes(old)
        else:
            self._display[key] = pm
            while len(self._display) > DISPLAY_KEEP:
                self._display.popitem(last=False)


def _bytes(pm: QPixmap) -> int:
    return pm.width() * pm.height() * 4


_cache: ImageCache | None = None


def image_cache() -> ImageCache:
    """The application's image cache (created on first use, owned by the application)."""
    global _cache
    if _cache is None:
        _cache = ImageCache(QCoreApplication.instance())
    return _cache


# ---- placeholder icons ---------------------------------------------------------------

_icons: dict[tuple[str, int], QIcon] = {}


def placeholder_icon(edge: int, broken: bool = False) -> QIcon:
    """A light frame shown while a thumbnail loads, or a frame with a cross when it failed."""
    key = ("broken" if broken else "loading", edge)
    icon = _icons.get(key)
    if icon is None:
        pm = QPixmap(edge, edge * 3 // 4)
        pm.fill(QColor("#eceff1"))
        p = QPainter(pm)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QPen(QColor("#b0bec5"), 2))
        p.drawRect(pm.rect().adjusted(1, 1, -2, -2))
        if broken:
            p.setPen(QPen(QColor("#c62828"), 3))
            m = edge // 4
            p.drawLine(m, m // 2, pm.width() - m, pm.height() - m // 2)
            p.drawLine(pm.width() - m, m // 2, m, pm.height() - m // 2)
        else:
            p.setBrush(QColor("#b0bec5"))
            cy = pm.height() // 2
            for i in (-1, 0, 1):
                p.drawEllipse(pm.width() // 2 + i * edge // 8 - 4, cy - 4, 8, 8)
        p.end()
        icon = _icons[key] = QIcon(pm)
    return icon
