"""Mouse events at photo points, delivered to a ZoomView's viewport as real ones are."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

PRESS, MOVE, RELEASE = (
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.MouseButtonRelease,
)


def send(view, kind: QEvent.Type, scene_point: QPointF, button=Qt.MouseButton.LeftButton) -> None:
    """A mouse event at a photo point (a move holds `button`; NoButton hovers)."""
    pos = QPointF(view.mapFromScene(scene_point))
    held = Qt.MouseButton.NoButton if kind == RELEASE else button
    event = QMouseEvent(
        kind,
        pos,
        QPointF(view.viewport().mapToGlobal(pos.toPoint())),
        Qt.MouseButton.NoButton if kind == MOVE else button,
        held,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(view.viewport(), event)


def drag_points(view, p: QPointF, q: QPointF, steps: int = 4) -> None:
    """Press at scene point p, move there in steps, release at q."""
    send(view, PRESS, p)
    for i in range(1, steps + 1):
        send(view, MOVE, p + (q - p) * (i / steps))
    send(view, RELEASE, q)


def click(view, p: QPointF) -> None:
    send(view, PRESS, p)
    send(view, RELEASE, p)


def hover(view, p: QPointF) -> None:
    send(view, MOVE, p, Qt.MouseButton.NoButton)
