"""AnnotationToolBar: the viewer's drawing tools, colour, delete, undo and the annotations toggle."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QColor, QIcon, QKeySequence, QPixmap
from PySide6.QtWidgets import QColorDialog, QMenu, QToolBar, QToolButton, QWidget

from inspector_app.ui.i18n import QT_TR_NOOP, tr
from inspector_app.ui.photos.annotation_scene import (
    ARROW,
    ELLIPSE,
    RECT,
    SELECT,
    TEXT,
    AnnotationScene,
)

logger = logging.getLogger(__name__)

#: Tool -> (label, shortcut, tooltip); labels are translated when shown.
TOOL_LABELS = {
    SELECT: (
        QT_TR_NOOP("Select"),
        "S",
        QT_TR_NOOP("Select, move and resize shapes (drag their handles); drag the photo to pan (S)"),
    ),
    ARROW: (QT_TR_NOOP("Arrow"), "A", QT_TR_NOOP("Draw an arrow pointing at the defect (A)")),
    RECT: (QT_TR_NOOP("Rectangle"), "R", QT_TR_NOOP("Draw a rectangle (R)")),
    ELLIPSE: (QT_TR_NOOP("Ellipse"), "E", QT_TR_NOOP("Draw an ellipse (E)")),
    TEXT: (QT_TR_NOOP("Text"), "T", QT_TR_NOOP("Click where a text note goes (T)")),
}
#: Colours offered in the colour menu: (hex, untranslated name).
COLORS = (
    ("#ff0000", QT_TR_NOOP("Red")),
    ("#ffcc00", QT_TR_NOOP("Yellow")),
    ("#00c853", QT_TR_NOOP("Green")),
    ("#2979ff", QT_TR_NOOP("Blue")),
    ("#ffffff", QT_TR_NOOP("White")),
    ("#000000", QT_TR_NOOP("Black")),
)


def color_icon(color: str, edge: int = 16) -> QIcon:
    pm = QPixmap(edge, edge)
    pm.fill(QColor(color))
    return QIcon(pm)


class AnnotationToolBar(QToolBar):
    """Acts on an AnnotationScene; `set_editable(False)` leaves only the annotations toggle."""

    def __init__(self, scene: AnnotationScene, parent: QWidget | None = None) -> None:
        super().__init__(tr("Annotation"), parent)
        self.setObjectName("annotation_toolbar")
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.scene = scene
        self.tool_actions: dict[str, QAction] = {}
        group = QActionGroup(self)
        group.setExclusive(True)
        for tool, (label, key, tip) in TOOL_LABELS.items():
            action = QAction(tr(label), self)
            action.setCheckable(True)
            action.setShortcut(QKeySequence(key))
            action.setToolTip(tr(tip))
            action.setObjectName(f"tool_{tool}")
            action.triggered.connect(lambda _c=False, t=tool: self.choose_tool(t))
            group.addAction(action)
            self.addAction(action)
            self.tool_actions[tool] = action
        self.tool_actions[SELECT].setChecked(True)
        self.addSeparator()

        self.color_menu = QMenu(self)
        for hex_color, name in COLORS:
            act = self.color_menu.addAction(color_icon(hex_color), tr(name))
            act.triggered.connect(lambda _c=False, c=hex_color: self.choose_color(c))
        self.color_menu.addSeparator()
        self.color_menu.addAction(tr("Other colour…")).triggered.connect(self.pick_color)
        self.color_button = QToolButton(self)
        self.color_button.setObjectName("annotation_color_button")
        self.color_button.setText(tr("Colour"))
        self.color_button.setToolTip(tr("Colour of new shapes and of the selected shapes"))
        self.color_button.setMenu(self.color_menu)
        self.color_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.color_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.color_action = self.addWidget(self.color_button)

        self.delete_action = QAction(tr("Delete shape"), self)
        self.delete_action.setObjectName("delete_shape")
        self.delete_action.setShortcuts(
            [QKeySequence(QKeySequence.StandardKey.Delete), QKeySequence("Backspace")]
        )
        self.delete_action.setToolTip(tr("Delete the selected shapes (Delete)"))
        self.delete_action.triggered.connect(self.scene.delete_selected)
        self.addAction(self.delete_action)
        self.undo_action = QAction(tr("Undo"), self)
        self.undo_action.setObjectName("undo_shape")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setToolTip(tr("Undo the last change to the shapes (Ctrl+Z)"))
        self.undo_action.triggered.connect(self.scene.undo)
        self.addAction(self.undo_action)
        self.editing_actions = [
            *self.tool_actions.values(),
            self.color_action,
            self.delete_action,
            self.undo_action,
        ]
        self.separator = self.addSeparator()

        self.show_action = QAction(tr("Show annotations"), self)
        self.show_action.setObjectName("show_annotations")
        self.show_action.setCheckable(True)
        self.show_action.setChecked(True)
        self.show_action.setShortcut(QKeySequence("H"))
        self.show_action.setToolTip(tr("Show or hide the shapes drawn on the photo (H)"))
        self.show_action.toggled.connect(self._toggle_visible)
        self.addAction(self.show_action)
        for action in self.actions():
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.choose_color(scene.color)

    def choose_tool(self, tool: str) -> None:
        self.tool_actions[tool].setChecked(True)
        if tool != SELECT and not self.show_action.isChecked():
            self.show_action.setChecked(True)  # drawing on hidden shapes would be confusing
        self.scene.set_tool(tool)
        view = self.scene.views()[0] if self.scene.views() else None
        if view is not None:
            drag = view.DragMode.ScrollHandDrag if tool == SELECT else view.DragMode.NoDrag
            view.setDragMode(drag)
            cursor = Qt.CursorShape.IBeamCursor if tool == TEXT else Qt.CursorShape.CrossCursor
            if tool == SELECT:
                view.viewport().unsetCursor()
            else:
                view.viewport().setCursor(cursor)

    def choose_color(self, color: str) -> None:
        self.scene.set_color(color)
        self.color_button.setIcon(color_icon(self.scene.color))

    def pick_color(self) -> None:
        color = QColorDialog.getColor(QColor(self.scene.color), self, tr("Annotation colour"))
        if color.isValid():
            self.choose_color(color.name())

    def _toggle_visible(self, on: bool) -> None:
        self.scene.set_annotations_visible(on)
        if not on:
            self.choose_tool(SELECT)
        self.update_state()

    def set_editable(self, on: bool) -> None:
        self.scene.set_editable(on)
        for action in self.editing_actions:
            action.setVisible(on)
        self.separator.setVisible(on)
        if not on:
            self.choose_tool(SELECT)
        self.update_state()

    def update_state(self) -> None:
        editable = self.scene.editable and self.show_action.isChecked()
        self.undo_action.setEnabled(editable and self.scene.can_undo())
        has_selection = any(True for _ in self.scene.selectedItems())
        self.delete_action.setEnabled(editable and has_selection)
        for tool, action in self.tool_actions.items():
            action.setEnabled(tool == SELECT or editable)
