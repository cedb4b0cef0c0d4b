"""Annotation shapes as QGraphicsItems, converted to and from the JSON of photos.annotate.

Scene coordinates are the photo's displayed pixels (0..W, 0..H, after EXIF orientation), so a
shape's stored fractions are its scene coordinates divided by W and H. Items are drawn the
way `photos.annotate.draw_shapes` draws them with Pillow (strokes inside boxes, the same arrow
head, text placed by its top-left with a contrasting outline), so the screen and the reports
show the same picture. Fractions are rounded to 4 decimals (0.4 px on a 4000 px photo), which
makes a load/save round trip exact.
"""

from __future__ import annotations

import logging
import math
from typing import Any

from PySide6.QtCore import QLineF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from inspector_app.photos.annotate import DEFAULT_COLOR, DEFAULT_TEXT_SIZE, DEFAULT_WIDTH

logger = logging.getLogger(__name__)

#: Decimals kept in stored fractions.
DECIMALS = 4
#: Angle of an arrow head's wings from its shaft (as in photos.annotate).
HEAD_ANGLE = math.radians(28)
#: Smallest and largest text height (fraction of the photo height) photos.annotate accepts.
MIN_TEXT_SIZE, MAX_TEXT_SIZE = 0.01, 0.25


def _frac(value: float, extent: float) -> float:
    return round(min(max(value / extent, 0.0), 1.0), DECIMALS) if extent > 0 else 0.0


def contrast_color(color: str) -> QColor:
    """Black or white, whichever stands out against `color` (the text outline)."""
    c = QColor(color)
    return (
        QColor("#000000")
        if 0.299 * c.red() + 0.587 * c.green() + 0.114 * c.blue() > 150
        else QColor("#ffffff")
    )


class AnnotationItem(QGraphicsItem):
    """Base of the four shapes: a colour, the photo's size, moving kept inside the photo."""

    kind = ""

    def __init__(self, size: QSizeF, color: str = DEFAULT_COLOR) -> None:
        super().__init__()
        self.photo_size = QSizeF(size)
        self.color = QColor(color).name()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges, True)

    def set_editable(self, on: bool) -> None:
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, on)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, on)
        if not on:
            self.setSelected(False)

    def set_color(self, color: str) -> None:
        self.color = QColor(color).name()
        self.update()

    def geometry(self) -> QRectF:
        """The rectangle that must stay inside the photo when moved (item coordinates)."""
        return self.boundingRect()

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: Any) -> Any:  # noqa: N802
        if (
            change == QGraphicsItem.GraphicsItemChange.ItemPositionChange
            and self.scene() is not None
        ):
            g = self.geometry()
            w, h = self.photo_size.width(), self.photo_size.height()
            x = min(max(value.x(), -g.left()), w - g.right()) if g.width() <= w else value.x()
            y = min(max(value.y(), -g.top()), h - g.bottom()) if g.height() <= h else value.y()
            return QPointF(x, y)
        return super().itemChange(change, value)

    def selection_rect(self) -> QRectF:
        """The dashed outline of a selected shape."""
        return self.boundingRect()

    def _paint_selection(self, painter: QPainter) -> None:
        if self.isSelected():
            pen = QPen(QColor("#2196f3"), 0, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self.selection_rect())

    def to_shape(self) -> dict:
        raise NotImplementedError


class TwoPointItem(AnnotationItem):
    """Arrows, rectangles and ellipses: two corner points and a stroke width fraction."""

    def __init__(
        self,
        kind: str,
        size: QSizeF,
        p1: QPointF,
        p2: QPointF,
        color: str = DEFAULT_COLOR,
        width: float = DEFAULT_WIDTH,
    ) -> None:
        super().__init__(size, color)
        self.kind = kind
        self.p1, self.p2 = QPointF(p1), QPointF(p2)
        self.width = width

    def set_end(self, p2: QPointF) -> None:
        self.set_points(self.p1, p2)

    def set_points(self, p1: QPointF, p2: QPointF) -> None:
        """New end points (item coordinates); a resize handle moves one or both."""
        self.prepareGeometryChange()
        self.p1, self.p2 = QPointF(p1), QPointF(p2)
        self.update()

    def stroke(self) -> float:
        return max(1.0, round(self.width * max(self.photo_size.width(), self.photo_size.height())))

    def box(self) -> QRectF:
        return QRectF(self.p1, self.p2).normalized()

    def geometry(self) -> QRectF:
        return self.box()

    def selection_rect(self) -> QRectF:
        # A box's corner handles sit on this outline's corners (the stored points).
        return self.boundingRect() if self.kind == "arrow" else self.box()

    def _paint_selection(self, painter: QPainter) -> None:
        if self.kind == "arrow" and self.isSelected():
            # The end handles show the selection; a dashed box around an arrow only clutters.
            painter.setPen(QPen(QColor("#2196f3"), 0, Qt.PenStyle.DashLine))
            painter.drawLine(self.p1, self.p2)
            return
        super()._paint_selection(painter)

    def length(self) -> float:
        return QLineF(self.p1, self.p2).length()

    def boundingRect(self) -> QRectF:  # noqa: N802
        s = self.stroke()
        extra = max(4 * s, 10) if self.kind == "arrow" else s
        return self.box().adjusted(-extra, -extra, extra, extra)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        if self.kind == "arrow":
            path.moveTo(self.p1)
            path.lineTo(self.p2)
        elif self.kind == "rect":
            path.addRect(self.box())
        else:
            path.addEllipse(self.box())
        stroker = QPainterPathStroker()
        stroker.setWidth(max(self.stroke(), 8.0))  # easy to pick even when thin
        return stroker.createStroke(path)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        s = self.stroke()
        color = QColor(self.color)
        if self.kind == "arrow":
            self._paint_arrow(painter, color, s)
        else:
            pen = QPen(color, s)
            pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            # Pillow draws the outline inside the box: inset the pen's centre line by half.
            inner = self.box().adjusted(s / 2, s / 2, -s / 2, -s / 2)
            if self.kind == "rect":
                painter.drawRect(inner)
            else:
                painter.drawEllipse(inner)
        self._paint_selection(painter)

    def _paint_arrow(self, painter: QPainter, color: QColor, s: float) -> None:
        start, tip = self.p1, self.p2
        length = self.length()
        head = min(max(4 * s, 10), length * 0.6) if length else 0
        angle = math.atan2(tip.y() - start.y(), tip.x() - start.x())
        base = QPointF(
            tip.x() - head * 0.8 * math.cos(angle), tip.y() - head * 0.8 * math.sin(angle)
        )
        pen = QPen(color, s)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        painter.setPen(pen)
        painter.drawLine(start, base)
        if head:
            wings = [
                QPointF(tip.x() - head * math.cos(angle + a), tip.y() - head * math.sin(angle + a))
                for a in (HEAD_ANGLE, -HEAD_ANGLE)
            ]
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(color))
            painter.drawPolygon(QPolygonF([tip, wings[0], wings[1]]))

    def to_shape(self) -> dict:
        w, h = self.photo_size.width(), self.photo_size.height()
        a, b = self.p1 + self.pos(), self.p2 + self.pos()
        return {
            "type": self.kind,
            "x1": _frac(a.x(), w),
            "y1": _frac(a.y(), h),
            "x2": _frac(b.x(), w),
            "y2": _frac(b.y(), h),
            "color": self.color,
            "width": self.width,
        }


class TextItem(AnnotationItem):
    """A text note: its top-left corner, its text and its height as a fraction of the photo."""

    kind = "text"

    def __init__(
        self,
        size: QSizeF,
        at: QPointF,
        text: str,
        color: str = DEFAULT_COLOR,
        text_size: float = DEFAULT_TEXT_SIZE,
    ) -> None:
        super().__init__(size, color)
        self.at = QPointF(at)
        self.text = text
        self.text_size = text_size

    def set_text(self, text: str) -> None:
        self.prepareGeometryChange()
        self.text = text
        self.update()

    def set_text_size(self, size: float) -> None:
        """The text height as a fraction of the photo height (the size handle sets it)."""
        self.prepareGeometryChange()
        self.text_size = min(max(size, MIN_TEXT_SIZE), MAX_TEXT_SIZE)
        self.update()

    def _font(self) -> QFont:
        font = QFont()
        font.setPixelSize(max(8, round(self.text_size * self.photo_size.height())))
        return font

    def _lines(self) -> list[tuple[QPointF, str]]:
        """Each line with its baseline start, as photos.annotate places them."""
        px = self._font().pixelSize()
        baseline = self.at.y() + px
        out = []
        for line in self.text.split("\n"):
            out.append((QPointF(self.at.x(), baseline), line))
            baseline += round(px * 1.25)
        return out

    def _path(self) -> QPainterPath:
        path = QPainterPath()
        font = self._font()
        for origin, line in self._lines():
            path.addText(origin, font, line)
        return path

    def geometry(self) -> QRectF:
        # Only the anchor must stay on the photo (the stored x, y are 0..1); the text may run on.
        return QRectF(self.at, QSizeF(1, 1))

    def boundingRect(self) -> QRectF:  # noqa: N802
        font = self._font()
        fm = QFontMetricsF(font)
        lines = self._lines()
        width = max((fm.horizontalAdvance(line) for _o, line in lines), default=0.0)
        height = lines[-1][0].y() - self.at.y() + fm.descent() if lines else 0.0
        pad = max(2.0, font.pixelSize() / 7)
        return QRectF(self.at, QSizeF(width, height)).adjusted(-pad, -pad, pad, pad)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(self.boundingRect())
        return path

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        path = self._path()
        outline = max(1.0, round(self._font().pixelSize() / 14))
        painter.setPen(
            QPen(
                contrast_color(self.color),
                2 * outline,
                Qt.PenStyle.SolidLine,
                Qt.PenCapStyle.RoundCap,
                Qt.PenJoinStyle.RoundJoin,
            )
        )
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)  # the outline first, then the letters over its inner half
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(self.color))
        painter.drawPath(path)
        self._paint_selection(painter)

    def to_shape(self) -> dict:
        w, h = self.photo_size.width(), self.photo_size.height()
        a = self.at + self.pos()
        return {
            "type": "text",
            "x": _frac(a.x(), w),
            "y": _frac(a.y(), h),
            "text": self.text,
            "color": self.color,
            "size": self.text_size,
        }


def item_from_shape(shape: dict, size: QSizeF) -> AnnotationItem:
    """The item for one validated shape (see photos.annotate.parse_shapes)."""
    w, h = size.width(), size.height()
    if shape["type"] == "text":
        return TextItem(
            size,
            QPointF(shape["x"] * w, shape["y"] * h),
            shape["text"],
            shape.get("color", DEFAULT_COLOR),
            shape.get("size", DEFAULT_TEXT_SIZE),
        )
    return TwoPointItem(
        shape["type"],
        size,
        QPointF(shape["x1"] * w, shape["y1"] * h),
        QPointF(shape["x2"] * w, shape["y2"] * h),
        shape.get("color", DEFAULT_COLOR),
        shape.get("width", DEFAULT_WIDTH),
    )
