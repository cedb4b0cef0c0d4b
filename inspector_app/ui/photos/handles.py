"""Resize handles of a selected annotation: box corners, arrow ends, the text's size corner.

A handle is a child item of its shape that keeps its size on screen at any zoom. Dragging
one changes the shape's geometry live; the scene stores the result when the mouse is
released (one save and one undo step per drag, like a move). Two-point shapes name each
handle by the stored points it moves: (1, 2) takes its x from p1 and its y from p2, so a
corner stays under the mouse even when the box is dragged inside out, and the stored
x1/y1/x2/y2 simply follow (photos.annotate draws any corner order).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from inspector_app.ui.photos.shapes import (
    DECIMALS,
    MAX_TEXT_SIZE,
    MIN_TEXT_SIZE,
    AnnotationItem,
    TextItem,
    TwoPointItem,
)

logger = logging.getLogger(__name__)

#: Edge of the drawn handle square, in screen pixels.
HANDLE_PX = 9.0
#: Extra screen pixels around a handle that still grab it (easier to hit with a touchpad).
GRAB_MARGIN = 3.0
#: A resize leaving a shape shorter than this many photo pixels (diagonal) is undone.
MIN_EXTENT = 4.0
#: The text's size handle.
SIZE = "size"

Role = tuple[int, int] | str


def roles_for(item: AnnotationItem) -> list[Role]:
    """The handles `item` gets: two ends for an arrow, four corners for a box, one for text."""
    if isinstance(item, TextItem):
        return [SIZE]
    if item.kind == "arrow":
        return [(1, 1), (2, 2)]
    return [(1, 1), (2, 2), (1, 2), (2, 1)]


def _point(item: AnnotationItem, role: Role) -> QPointF:
    """Where the handle `role` sits, in the item's coordinates."""
    if isinstance(item, TextItem):
        return item.boundingRect().bottomRight()
    assert isinstance(item, TwoPointItem)
    a, b = role
    return QPointF((item.p1 if a == 1 else item.p2).x(), (item.p1 if b == 1 else item.p2).y())


def _cursor(item: AnnotationItem, role: Role) -> Qt.CursorShape:
    if isinstance(item, TextItem):
        return Qt.CursorShape.SizeFDiagCursor
    if item.kind == "arrow":
        return Qt.CursorShape.SizeAllCursor
    # The diagonal depends on which corner of the drawn box this handle is now.
    a, b = role
    left = (item.p1 if a == 1 else item.p2).x() <= (item.p2 if a == 1 else item.p1).x()
    top = (item.p1 if b == 1 else item.p2).y() <= (item.p2 if b == 1 else item.p1).y()
    return Qt.CursorShape.SizeFDiagCursor if left == top else Qt.CursorShape.SizeBDiagCursor


class ResizeHandle(QGraphicsItem):
    """One handle of a shape; it edits its parent shape while dragged."""

    def __init__(self, owner: AnnotationItem, role: Role) -> None:
        super().__init__(owner)
        self.role = role
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
        self.setAcceptedMouseButtons(Qt.MouseButton.LeftButton)
        self.setZValue(1)
        self._start: tuple | None = None
        self.place()

    @property
    def owner(self) -> AnnotationItem:
        return self.parentItem()  # type: ignore[return-value]

    def place(self) -> None:
        self.setPos(_point(self.owner, self.role))
        self.setCursor(_cursor(self.owner, self.role))

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        half = HANDLE_PX / 2 + GRAB_MARGIN
        return QRectF(-half, -half, 2 * half, 2 * half)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setPen(QPen(QColor("#1565c0"), 1.5))
        painter.setBrush(QColor("#ffffff"))
        half = HANDLE_PX / 2
        painter.drawRect(QRectF(-half, -half, HANDLE_PX, HANDLE_PX))

    # -- dragging ----------------------------------------------------------------------

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        item = self.owner
        if isinstance(item, TextItem):
            anchor = item.mapToScene(item.at)
            self._start = (item.text_size, anchor, self.scenePos() - anchor)
        else:
            self._start = (QPointF(item.p1), QPointF(item.p2))
        event.accept()

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if self._start is None:
            return
        item = self.owner
        p = event.scenePos()
        if isinstance(item, TextItem):
            # Not kept on the photo: text may run past its edge, and a note near the right
            # edge must still be able to grow.
            item.set_text_size(self._text_size(p))
        else:
            assert isinstance(item, TwoPointItem)
            size = item.photo_size
            p = QPointF(min(max(p.x(), 0.0), size.width()), min(max(p.y(), 0.0), size.height()))
            local = item.mapFromScene(p)
            p1, p2 = QPointF(item.p1), QPointF(item.p2)
            a, b = self.role
            (p1 if a == 1 else p2).setX(local.x())
            (p1 if b == 1 else p2).setY(local.y())
            item.set_points(p1, p2)
        place_handles(item)
        event.accept()

    def _text_size(self, p: QPointF) -> float:
        # Scale by how far along the handle's first diagonal the mouse now is, so the corner
        # follows the mouse whichever way it moves.
        start_size, anchor, diagonal = self._start
        length2 = diagonal.x() ** 2 + diagonal.y() ** 2
        if length2 <= 0:
            return start_size
        moved = p - anchor
        ratio = (moved.x() * diagonal.x() + moved.y() * diagonal.y()) / length2
        return round(min(max(start_size * ratio, MIN_TEXT_SIZE), MAX_TEXT_SIZE), DECIMALS)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        start, self._start = self._start, None
        item = self.owner
        collapsed = isinstance(item, TwoPointItem) and item.length() < MIN_EXTENT
        if collapsed and start is not None:
            item.set_points(*start)  # a dot: nobody could see or pick it again
            place_handles(item)
        event.accept()  # the scene stores the shapes after this (AnnotationScene)


def place_handles(item: AnnotationItem) -> None:
    """Move `item`'s handles to its current geometry."""
    for child in item.childItems():
        if isinstance(child, ResizeHandle):
            child.place()


def sync_handles(items: list[AnnotationItem], editable: bool) -> None:
    """Give the selected shapes their handles (when editing) and take them from the others."""
    for item in items:
        handles = [c for c in item.childItems() if isinstance(c, ResizeHandle)]
        wanted = editable and item.isSelected() and item.isVisible()
        if wanted and not handles:
            for role in roles_for(item):
                ResizeHandle(item, role)
        elif not wanted and handles:
            scene = item.scene()
            for handle in handles:
                if scene is not None:
                    scene.removeItem(handle)
                handle.setParentItem(None)
