"""The main window's menu bar: File, Go, Case, User and Help, and what their entries do."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl, Slot
from PySide6.QtGui import QAction, QActionGroup, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from inspector_app.services.context import Actor
from inspector_app.ui.i18n import enum_label, tr
from inspector_app.ui.screens import SCREENS

if TYPE_CHECKING:
    from inspector_app.ui.settings import AppSettings
    from inspector_app.ui.state import AppState

    _Window = QMainWindow
else:
    _Window = object

logger = logging.getLogger(__name__)


class MainMenus(_Window):
    """Builds the menus of the MainWindow it is mixed into (which navigates and shows status)."""

    state: AppState
    settings: AppSettings
    _names: list[str]

    if TYPE_CHECKING:  # provided by MainWindow and MainStatusBar

        def navigate(self, name: str, item_id: int | None = None) -> QWidget | None: ...

        def current_screen(self) -> QWidget | None: ...

        def shown_case_page(self) -> QWidget | None: ...

        def show_status(self, text: str) -> None: ...

        def quit(self) -> None: ...

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(tr("&File"))
        self.new_purchase_action = QAction(tr("&New purchase"), self)
        self.new_purchase_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_purchase_action.triggered.connect(self.new_purchase)
        file_menu.addAction(self.new_purchase_action)
        self.find_action = QAction(tr("&Find"), self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self.focus_search)
        file_menu.addAction(self.find_action)
        file_menu.addSeparator()
        open_data = file_menu.addAction(tr("Open &data folder"))
        open_data.triggered.connect(self.open_data_folder)
        from inspector_app.ui.sync.team_panel import add_join_action

        self.join_team_action = add_join_action(self, file_menu)
        #: File → Sync and the sync status, on a laptop copy of a team server (docs/sync.md).
        self.sync = None
        if getattr(self.state, "replica", None) is not None:
            from inspector_app.ui.sync.controller import SyncController

            file_menu.addSeparator()
            self.sync = SyncController(self, self.state, file_menu)
        file_menu.addSeparator()
        quit_action = file_menu.addAction(tr("&Quit"))
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.quit)

        go_menu = bar.addMenu(tr("&Go"))
        for name in self._names:
            spec = SCREENS[name]
            action = go_menu.addAction(tr(spec.title))
            if spec.shortcut:
                action.setShortcut(QKeySequence(spec.shortcut))
            action.triggered.connect(lambda _=False, n=name: self.navigate(n))

        from inspector_app.ui.cases.case_menu import CaseMenu

        self.case_menu = CaseMenu(self.shown_case_page, lambda: self.state.ctx, self)
        bar.addMenu(self.case_menu)

        self.user_menu = QMenu(tr("&User"), self)
        self.user_menu.setObjectName("user_menu")
        # Listed each time the menu opens (users change); not at start-up, which would
        # load the ORM models before the first paint.
        self.user_menu.aboutToShow.connect(self._fill_user_menu)
        bar.addMenu(self.user_menu)
        self._add_manage_users(self.user_menu)

        help_menu = bar.addMenu(tr("&Help"))
        logs = help_menu.addAction(tr("Open &log folder"))
        logs.triggered.connect(lambda: self._open_folder(self.state.ctx.paths.logs))
        self.shortcuts_action = help_menu.addAction(tr("&Keyboard shortcuts"))
        self.shortcuts_action.setObjectName("keyboard_shortcuts_action")
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        about = help_menu.addAction(tr("&About Inspector"))
        about.triggered.connect(self.about)

    @Slot()
    def _fill_user_menu(self) -> None:
        """List the active users; choosing one switches to acting as them."""
        self.user_menu.clear()
        group = QActionGroup(self.user_menu)
        current = self.state.actor
        if self.state.is_team:
            # A team server knows who logged in: there is nobody to switch to.
            if current is not None:
                me = self.user_menu.addAction(
                    f"{current.display_name} — {enum_label(current.role)}")
                me.setEnabled(False)
            if self.state.is_admin:
                self.user_menu.addSeparator()
                self._add_manage_users(self.user_menu)
            return
        for actor in self.state.users():
            action = self.user_menu.addAction(f"{actor.display_name} — {enum_label(actor.role)}")
            action.setCheckable(True)
            action.setChecked(current is not None and actor.id == current.id)
            action.setData(actor.id)
            group.addAction(action)
            action.triggered.connect(lambda _=False, a=actor: self.switch_user(a))
        self.user_menu.addSeparator()
        self._add_manage_users(self.user_menu)

    def _add_manage_users(self, menu: QMenu) -> None:
        manage = menu.addAction(tr("Manage users…"))
        manage.triggered.connect(lambda: self.navigate("settings"))

    def switch_user(self, actor: Actor) -> None:
        from inspector_app.ui.user_switch import switch_to

        changing = self.state.actor is None or actor.id != self.state.actor.id
        if changing and switch_to(self, self.state, actor):
            self.show_status(tr("Now acting as %1").replace("%1", actor.display_name))

    @Slot()
    def new_purchase(self) -> None:
        screen = self.navigate("purchases")
        if screen is not None and hasattr(screen, "new_purchase"):
            screen.new_purchase()
        else:
            self.show_status(tr("Purchases cannot be created here yet."))

    @Slot()
    def focus_search(self) -> None:
        screen = self.current_screen()
        if screen is not None and hasattr(screen, "focus_search"):
            screen.focus_search()

    @Slot()
    def open_data_folder(self) -> None:
        self._open_folder(self.state.ctx.paths.root)

    def _open_folder(self, path) -> None:
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self.show_status(tr("Could not open %1").replace("%1", str(path)))

    @Slot()
    def show_shortcuts(self) -> None:
        from inspector_app.ui.shortcuts import ShortcutsDialog

        dialog = ShortcutsDialog(self)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    @Slot()
    def about(self) -> None:
        from inspector_app.ui.about_dialog import AboutDialog

        ctx = self.state.ctx
        AboutDialog(ctx.db.describe(), str(ctx.paths.root), self).exec()
