"""The main window: navigation list, lazily built screens and the window's state.

Its menus are `main_menus.MainMenus`, its status bar `main_status.MainStatusBar`.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QSize, Qt, QTimer, Slot
from PySide6.QtGui import (
    QCloseEvent,
    QPaintEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from inspector_app.ui import changes
from inspector_app.ui.i18n import tr
from inspector_app.ui.main_menus import MainMenus
from inspector_app.ui.main_status import MainStatusBar
from inspector_app.ui.screens import SCREENS, ScreenEnv, create_screen
from inspector_app.ui.settings import LAST_SCREEN, WINDOW_GEOMETRY, WINDOW_STATE, AppSettings
from inspector_app.ui.state import AppState

logger = logging.getLogger(__name__)

#: Size of a first window, before one is remembered.
DEFAULT_SIZE = QSize(1280, 800)
#: Width of the navigation list.
NAV_WIDTH = 190
#: Milliseconds after showing by which the first screen is activated even without a paint.
FIRST_PAINT_FALLBACK_MS = 500

# Explicit colours: the selected entry must stay visible when the list has no focus.
_NAV_STYLE = """
QListWidget#navigation { border: none; padding-top: 10px; outline: 0; background: #f3f4f6; }
QListWidget#navigation::item { padding: 9px 14px; border-radius: 5px; margin: 1px 8px;
    color: #1f2933; }
QListWidget#navigation::item:hover { background: #e4e7eb; }
QListWidget#navigation::item:selected { background: #d3e3fd; color: #0b3d91; }
"""


class MainWindow(MainMenus, MainStatusBar, QMainWindow):
    def __init__(self, state: AppState, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.settings = settings
        self.setObjectName("main_window")
        self.setWindowTitle(tr("Inspector"))
        self.env = ScreenEnv(
            state=state,
            settings=settings,
            changes=changes.changes(),
            navigate=self.navigate,
            show_status=self.show_status,
        )
        self._screens: dict[str, QWidget] = {}
        self._names: list[str] = list(SCREENS)
        #: The screen on show (left only when its may_leave() agrees).
        self._shown_name = ""
        # The first screen's activate() (its data: the dashboard's figures) waits for the
        # window's first paint, so the window appears before that background work starts.
        self._painted = False
        self._defer_activation = False
        self._pending_activation: str | None = None

        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(NAV_WIDTH)
        self.nav.setStyleSheet(_NAV_STYLE)
        self.nav.setFrameShape(QFrame.Shape.NoFrame)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        font = self.nav.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.nav.setFont(font)
        for name in self._names:
            item = QListWidgetItem(tr(SCREENS[name].title))
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.nav.addItem(item)
        self.stack = QStackedWidget(self)
        self.stack.setObjectName("screens")

        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        divider = QFrame(central)
        divider.setFrameShape(QFrame.Shape.VLine)
        divider.setFrameShadow(QFrame.Shadow.Sunken)
        layout.addWidget(divider)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self._build_status_bar()

        self._build_menus()
        self.nav.currentRowChanged.connect(self._on_nav_row)
        state.actor_changed.connect(self._on_actor_changed)
        self._restore_window()
        last = settings.get(LAST_SCREEN)
        self._defer_activation = True
        try:
            self.navigate(last if last in SCREENS else self._names[0])
        finally:
            self._defer_activation = False

    # -- navigation ----------------------------------------------------------------------

    def navigate(self, name: str, item_id: int | None = None) -> QWidget | None:
        """Show the screen `name` (built on first visit); pass `item_id` to its open_item."""
        if name not in SCREENS:
            logger.warning("No screen called %s", name)
            return None
        row = self._names.index(name)
        if self.nav.currentRow() != row:
            self.nav.setCurrentRow(row)  # -> _on_nav_row -> _show
            if self._shown_name != name:
                return None  # the screen on show kept its unsaved input
        else:
            self._show(name)
        screen = self._screens.get(name)
        if screen is not None and item_id is not None and hasattr(screen, "open_item"):
            screen.open_item(item_id)
        return screen

    def built_screen(self, name: str) -> QWidget | None:
        """The screen `name` if it was built already (not `screen()`: that is QWidget's QScreen)."""
        return self._screens.get(name)

    def current_screen_name(self) -> str:
        row = self.nav.currentRow()
        return self._names[row] if 0 <= row < len(self._names) else ""

    def current_screen(self) -> QWidget | None:
        return self._screens.get(self.current_screen_name())

    def shown_case_page(self) -> QWidget | None:
        """The case page while the Cases screen is shown (the Case menu acts on its case)."""
        screen = self.current_screen() if self.current_screen_name() == "cases" else None
        return getattr(screen, "page", None)

    @Slot(int)
    def _on_nav_row(self, row: int) -> None:
        if not 0 <= row < len(self._names):
            return
        leaving = self._shown_name
        screen = self._screens.get(leaving) if leaving else None
        if leaving != self._names[row] and not self._may_leave(screen):
            # Unsaved input stays: back to the screen it is on ("Discard changes?" said Cancel).
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(self._names.index(leaving))
            self.nav.blockSignals(False)
            return
        self._show(self._names[row])

    def may_quit(self) -> bool:
        """Every screen holding unsaved input agrees to lose it ("Discard changes?")."""
        return all(self._may_leave(screen) for screen in self._screens.values())

    @Slot()
    def quit(self) -> None:
        if self.may_quit():
            self.close()

    @staticmethod
    def _may_leave(screen: QWidget | None) -> bool:
        """A screen holding unsaved input asks "Discard changes?"; True: it may be left."""
        return screen is None or not hasattr(screen, "may_leave") or screen.may_leave()

    def _show(self, name: str) -> None:
        screen = self._screens.get(name)
        if screen is None:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                screen = create_screen(name, self.env)
            finally:
                QApplication.restoreOverrideCursor()
            screen.setObjectName(screen.objectName() or f"screen_{name}")
            self._screens[name] = screen
            self.stack.addWidget(screen)
            page = getattr(screen, "page", None) if name == "cases" else None
            if page is not None and hasattr(page, "case_shown"):
                page.case_shown.connect(self.case_menu.refresh)
        self.stack.setCurrentWidget(screen)
        self._shown_name = name
        self.case_menu.refresh()
        self._pending_activation = None
        if hasattr(screen, "activate"):
            if self._defer_activation:
                self._pending_activation = name
            else:
                screen.activate()

    def _after_first_paint(self) -> None:
        """Activate the first screen (unless the user has moved on already)."""
        name, self._pending_activation = self._pending_activation, None
        screen = self._screens.get(name) if name else None
        if screen is not None and name == self.current_screen_name():
            screen.activate()

    # -- window state --------------------------------------------------------------------

    def _restore_window(self) -> None:
        geometry = self.settings.get(WINDOW_GEOMETRY)
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            self.resize(DEFAULT_SIZE)
        state = self.settings.get(WINDOW_STATE)
        if not state.isEmpty():
            self.restoreState(state)

    def save_window_state(self) -> None:
        self.settings.set(WINDOW_GEOMETRY, self.saveGeometry())
        self.settings.set(WINDOW_STATE, self.saveState())
        self.settings.set(LAST_SCREEN, self.current_screen_name() or self._names[0])
        for name, screen in self._screens.items():
            if hasattr(screen, "save_state"):
                try:
                    screen.save_state()
                except Exception:  # one screen's trouble must not lose the others' state
                    logger.exception("Could not save the state of screen %s", name)
        self.settings.sync()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self._painted:
            # In case the platform never paints the window itself (a paint only reaching
            # opaque children): activate the first screen a little later anyway.
            QTimer.singleShot(FIRST_PAINT_FALLBACK_MS, self, self._after_first_paint)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self, self._after_first_paint)  # once this painting pass is done

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        # The user's closing asks about unsaved input as leaving its screen does (File >
        # Quit asks in quit()); a close from code (tests, a restart) does not.
        if event.spontaneous() and not self.may_quit():
            event.ignore()
            return
        self.save_window_state()
        super().closeEvent(event)
