"""The screens of the main window: a registry of name -> factory, and what a screen receives.

Adding a screen needs no change to main_window.py. Either

* create `inspector_app/ui/screens/<name>.py` with the class named in SCREENS below
  (e.g. `purchases.py` with `class PurchasesScreen(QWidget)`): it is imported the first
  time the user opens that screen (a missing module is an error, never hidden); or
* call `register_screen(name, factory)` (tests, plug-ins) with any `factory(env) -> QWidget`.

A screen is constructed as `ScreenClass(env)` with a `ScreenEnv`, and may define these
optional hooks, which the main window calls when present:

* `activate()`             - each time the screen is shown;
* `focus_search()`         - Ctrl+F: put the cursor in the screen's search field;
* `new_purchase()`         - Ctrl+N (only on the "purchases" screen);
* `open_item(item_id)`     - `env.navigate(name, item_id)` from another screen;
* `save_state()`           - before the window closes (splitters, column layouts).

Screens refresh themselves from `env.changes.changed(entity, ids)` and read data through
`env.ctx` (the current user's context) inside service calls.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtWidgets import QWidget

from inspector_app.services.context import Actor, Context
from inspector_app.ui.changes import ChangeHub
from inspector_app.ui.i18n import QT_TR_NOOP
from inspector_app.ui.settings import AppSettings
from inspector_app.ui.state import AppState

ScreenFactory = Callable[["ScreenEnv"], QWidget]


@dataclass(frozen=True)
class ScreenSpec:
    """One entry of the navigation: its registry name, title and how to build it."""

    name: str
    title: str  # untranslated; shown through tr()
    target: str | ScreenFactory  # "module:Class" (imported lazily) or a factory
    shortcut: str = ""


#: The navigation, in order. Titles are marked for translation and translated when shown.
SCREENS: dict[str, ScreenSpec] = {
    spec.name: spec
    for spec in (
        ScreenSpec("dashboard", QT_TR_NOOP("Dashboard"), "inspector_app.ui.screens.dashboard:DashboardScreen", "Alt+1"),
        ScreenSpec("purchases", QT_TR_NOOP("Purchases"), "inspector_app.ui.screens.purchases:PurchasesScreen", "Alt+2"),
        ScreenSpec("findings", QT_TR_NOOP("Findings"), "inspector_app.ui.screens.findings:FindingsScreen", "Alt+3"),
        ScreenSpec("merchants", QT_TR_NOOP("Merchants"), "inspector_app.ui.screens.merchants:MerchantsScreen", "Alt+4"),
        ScreenSpec("cases", QT_TR_NOOP("Cases"), "inspector_app.ui.screens.cases:CasesScreen", "Alt+5"),
        ScreenSpec("risk", QT_TR_NOOP("Risk"), "inspector_app.ui.screens.risk_screen:RiskScreen", "Alt+6"),
        ScreenSpec("workorders", QT_TR_NOOP("Work orders"), "inspector_app.ui.screens.workorders:WorkOrdersScreen"),
        ScreenSpec("review", QT_TR_NOOP("Monthly review"), "inspector_app.ui.screens.review_screen:ReviewScreen"),
        ScreenSpec("plan", QT_TR_NOOP("Sampling plan"), "inspector_app.ui.screens.plan_screen:PlanScreen", "Alt+7"),
        ScreenSpec("reports", QT_TR_NOOP("Reports"), "inspector_app.ui.screens.reports:ReportsScreen", "Alt+8"),
        ScreenSpec("settings", QT_TR_NOOP("Settings"), "inspector_app.ui.screens.settings_screen:SettingsScreen", "Alt+9"),
        ScreenSpec("deleted", QT_TR_NOOP("Deleted items"), "inspector_app.ui.screens.deleted:DeletedItemsScreen", "Alt+0"),
    )
}


def register_screen(name: str, factory: str | ScreenFactory, title: str | None = None) -> None:
    """Add a screen or replace how one is built (keeps its place in the navigation)."""
    old = SCREENS.get(name)
    SCREENS[name] = ScreenSpec(
        name,
        title if title is not None else (old.title if old else name.capitalize()),
        factory,
        old.shortcut if old else "",
    )


@dataclass
class ScreenEnv:
    """What every screen gets: the app state, preferences, the change hub and navigation."""

    state: AppState
    settings: AppSettings
    changes: ChangeHub
    navigate: Callable[..., QWidget | None] = field(default=lambda name, item_id=None: None)
    show_status: Callable[[str], None] = field(default=lambda text: None)

    @property
    def ctx(self) -> Context:
        """The context acting as the current user (take it fresh for every service call)."""
        return self.state.ctx

    @property
    def actor(self) -> Actor | None:
        return self.state.actor


def create_screen(name: str, env: ScreenEnv) -> QWidget:
    """Build the screen registered as `name`."""
    spec = SCREENS[name]
    target = spec.target
    if callable(target):
        return target(env)
    module_name, _, class_name = target.partition(":")
    return getattr(importlib.import_module(module_name), class_name)(env)
