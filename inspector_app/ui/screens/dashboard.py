"""The Dashboard: the month's figures and charts (Pareto of categories, trend, top merchants)."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain import clock
from inspector_app.domain.enums import FindingCategory
from inspector_app.domain.errors import InspectorError
from inspector_app.ui import changes, tasks
from inspector_app.ui.dashboard.charts import ColumnChart, ParetoChart, RankedBars
from inspector_app.ui.dashboard.tiles import FigureTile
from inspector_app.ui.empty_state import EmptyState, load_demo_data
from inspector_app.ui.i18n import QT_TR_NOOP, enum_label, tr
from inspector_app.ui.screens import ScreenEnv

if TYPE_CHECKING:
    from inspector_app.services import stats
    from inspector_app.services.browse.cases import DueSoonCount
    from inspector_app.services.first_steps import FirstSteps

logger = logging.getLogger(__name__)

#: How many months back the period chooser offers.
MONTHS_OFFERED = 24
#: Entities whose change makes the figures stale.
_WATCHED = {changes.PURCHASE, changes.FINDING, changes.CASE, changes.MERCHANT, changes.DATABASE,
            changes.WORK_ORDER}

#: (key, caption) of each tile, in reading order.
TILES = (
    ("purchases", QT_TR_NOOP("Purchases")),
    ("brands", QT_TR_NOOP("Brands bought")),
    ("styles", QT_TR_NOOP("Styles bought")),
    ("problem_products", QT_TR_NOOP("Problem products")),
    ("merchants_with_findings", QT_TR_NOOP("Merchants with findings")),
    ("findings", QT_TR_NOOP("Findings")),
    ("cases_open_now", QT_TR_NOOP("Active cases")),
    ("cases_overdue_now", QT_TR_NOOP("Overdue cases")),
    ("rectification_rate", QT_TR_NOOP("Rectification rate")),
    ("response_median", QT_TR_NOOP("Hours to first response")),
    ("closure_median", QT_TR_NOOP("Hours to closure")),
    ("merchants_watch", QT_TR_NOOP("Merchants put on watch")),
    ("net_cost", QT_TR_NOOP("Net cost of purchases")),
    ("after_sales", QT_TR_NOOP("After-sales work orders")),
)
#: After-sales tiles whose captions are glossary words (tr context "after-sales term").
AFTER_SALES_TILES = ("service_duration", "after_sales_rate", "over_60h")


#: Tiles that open the rows behind their figure: key -> what the tooltip says.
TILE_LINKS = {
    "purchases": QT_TR_NOOP("Show this month's purchases"),
    "findings": QT_TR_NOOP("Show the findings"),
    "merchants_with_findings": QT_TR_NOOP("Show the merchants with findings"),
    "cases_open_now": QT_TR_NOOP("Show the active cases"),
    "cases_overdue_now": QT_TR_NOOP("Show the overdue cases"),
}


def _hours(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f}"


def _money(cents: int) -> str:
    return f"¥{cents / 100:,.2f}"


class DashboardScreen(QWidget):
    """Figures of one month (this month by default), recomputed off the GUI thread."""

    def __init__(self, env: ScreenEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.setObjectName("dashboard_screen")
        self.figures: stats.Figures | None = None
        self.due_soon: DueSoonCount | None = None
        self._stale = True
        self._task: tasks.Task | None = None

        self.period_combo = QComboBox(self)
        self.period_combo.setObjectName("period_combo")
        first = clock.today().replace(day=1)
        y, m = first.year, first.month
        for _ in range(MONTHS_OFFERED):
            self.period_combo.addItem(f"{y:04d}-{m:02d}", (y, m))
            y, m = (y - 1, 12) if m == 1 else (y, m - 1)
        self.period_combo.currentIndexChanged.connect(self.reload)
        self.refresh_button = QPushButton(tr("Refresh"), self)
        self.refresh_button.setObjectName("refresh_button")
        self.refresh_button.clicked.connect(self.reload)
        self.status_label = QLabel("", self)
        self.status_label.setObjectName("status_label")

        top = QHBoxLayout()
        heading = QLabel(tr("Month"), self)
        heading.setBuddy(self.period_combo)
        top.addWidget(heading)
        top.addWidget(self.period_combo)
        top.addWidget(self.refresh_button)
        top.addStretch(1)
        top.addWidget(self.status_label)

        self.tiles: dict[str, FigureTile] = {}
        grid = QGridLayout()
        grid.setSpacing(10)
        captions = [(key, tr(caption)) for key, caption in TILES] + [
            ("service_duration", tr("Service duration", "after-sales term")),
            ("after_sales_rate", tr("After-sales rate", "after-sales term")),
            ("over_60h", tr("Shops over 60 h", "after-sales term")),
        ]
        for i, (key, caption) in enumerate(captions):
            tile = FigureTile(key, caption, self)
            if key in TILE_LINKS:
                tile.make_link(tr(TILE_LINKS[key]))
                tile.opened.connect(self.open_tile)
            self.tiles[key] = tile
            grid.addWidget(tile, i // 6, i % 6)

        self.pareto = ParetoChart(tr("Findings by category (Pareto)"), self)
        self.pareto.setObjectName("pareto_chart")
        self.trend = ColumnChart(tr("Findings per month"), self)
        self.trend.setObjectName("trend_chart")
        self.top_merchants = RankedBars(tr("Merchants with most findings"), self)
        self.top_merchants.setObjectName("top_merchants_chart")
        for chart in (self.pareto, self.trend, self.top_merchants):
            chart.empty_text = tr("No findings in this month")
        # A bar opens the findings behind it, as a tile does (click, or Tab and Return).
        self.pareto.make_link(tr("Show the findings of this category"))
        self.pareto.bar_opened.connect(self.open_category)
        self.trend.make_link(tr("Show the findings of this month"))
        self.trend.bar_opened.connect(self.open_month)
        self.top_merchants.make_link(tr("Show this merchant's findings"))
        self.top_merchants.bar_opened.connect(self.open_merchant)
        self.trend.empty_text = tr("No findings in the last 12 months")
        charts = QGridLayout()
        charts.setSpacing(10)
        charts.addWidget(self.pareto, 0, 0, 1, 2)
        charts.addWidget(self.trend, 1, 0)
        charts.addWidget(self.top_merchants, 1, 1)

        body = QWidget(self)
        # An empty database: what to do first, as the Purchases, Cases and Findings lists say.
        self.empty = EmptyState("dashboard_empty", tr(
            "Nothing to count yet. The figures start with the first mystery purchase: log it "
            "with New purchase (Ctrl+N). To look around first, an administrator can load the "
            "demo data."), body)
        self.empty.add_button("new", tr("New purchase…"), self.new_purchase)
        self.empty.add_button("demo", tr("Load demo data…"), self.load_demo)
        col = QVBoxLayout(body)
        col.addLayout(top)
        col.addWidget(self.empty)
        col.addLayout(grid)
        col.addLayout(charts, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(400)
        self._debounce.timeout.connect(self.reload)
        env.changes.changed.connect(self._on_changed)

    # -- hooks ---------------------------------------------------------------------------

    def open_tile(self, key: str) -> None:
        """The rows behind a figure: its screen, filtered as the figure counts them."""
        if key in ("cases_open_now", "cases_overdue_now"):
            screen: Any = self.env.navigate("cases")
            if screen is not None:
                screen.show_filter("active" if key == "cases_open_now" else "overdue")
        elif key == "purchases":
            period = self.period()
            screen = self.env.navigate("purchases")
            if screen is not None:
                screen.show_period(period.start, period.end - timedelta(days=1))
        elif key == "merchants_with_findings":
            screen = self.env.navigate("merchants")
            if screen is not None:
                screen.show_with_findings()
        elif key == "findings":
            self.env.navigate("findings")

    def new_purchase(self) -> None:
        screen: Any = self.env.navigate("purchases")
        if screen is not None:
            screen.new_purchase()

    def load_demo(self) -> None:
        load_demo_data(self, self.env.ctx)

    def _show_first_steps(self, steps: FirstSteps) -> None:
        """The empty state, its buttons enabled as the services allow this user."""
        self.empty.setVisible(steps.empty)
        new, demo = self.empty.buttons["new"], self.empty.buttons["demo"]
        new.setEnabled(steps.may_log_purchases)
        new.setToolTip("" if steps.may_log_purchases else tr(
            "Inspectors, quality managers and administrators log purchases"))
        demo.setEnabled(steps.may_load_demo)
        demo.setToolTip("" if steps.may_load_demo else tr(
            "Only an administrator may load the demo data, into a database without merchants"))

    def _findings_behind(self, period: stats.Period, **kw) -> None:
        screen: Any = self.env.navigate("findings")
        if screen is not None:
            screen.show_behind(period.start, period.end - timedelta(days=1), period.label, **kw)

    def open_category(self, category: str) -> None:
        """A Pareto bar: the month's findings of that category."""
        self._findings_behind(self.period(), category=category)

    def open_month(self, month: str) -> None:
        """A trend column: the findings of that month (on purchases ordered in it)."""
        from inspector_app.services import stats

        self._findings_behind(stats.Period.parse(month))

    def open_merchant(self, shop_id: str) -> None:
        """A merchant's bar: the month's findings of that merchant."""
        from inspector_app.services import merchants
        from inspector_app.ui.findings.merchant_picker import merchant_label

        try:
            m = merchants.find_by_shop_id(self.env.state.ctx, shop_id)
        except InspectorError as exc:  # deleted since the figures were computed
            self.status_label.setText(str(exc))
            return
        self._findings_behind(self.period(), merchant=(m.id, merchant_label(m.name, m.shop_id)))

    def activate(self) -> None:
        if self._stale:
            self.reload()

    def _on_changed(self, entity: str, _ids: list) -> None:
        self._stale = True
        if entity in _WATCHED and self.isVisible():
            self._debounce.start()

    # -- loading -------------------------------------------------------------------------

    def period(self) -> stats.Period:
        from inspector_app.services import stats

        y, m = self.period_combo.currentData()
        return stats.Period.month(y, m)

    def reload(self) -> None:
        self._stale = False
        if self._task is not None and not self._task.is_done:
            self._task.cancel()
        y, m = self.period_combo.currentData()
        get_ctx = self.env.state
        self.status_label.setText(tr("Calculating…"))

        def work():
            # Imported here, on the worker: services.stats loads the ORM models (~60 ms),
            # which the first paint of the main window does not need.
            from inspector_app.services import stats
            from inspector_app.services.browse.cases import count_due_soon
            from inspector_app.services.first_steps import first_steps

            ctx = get_ctx.ctx
            return (stats.figures(ctx, stats.Period.month(y, m)), count_due_soon(ctx),
                    first_steps(ctx))

        self._task = tasks.run_task(work, self._show, self._failed, name="dashboard figures")

    def _failed(self, exc: BaseException) -> None:
        logger.exception("Dashboard figures failed", exc_info=exc)
        self.status_label.setText(tr("Could not calculate the figures: %1").replace("%1", str(exc)))

    def _show(self, result: tuple[stats.Figures, DueSoonCount, FirstSteps]) -> None:
        fig, due, steps = result
        if fig.period != self.period().label:
            return  # an older request finishing late
        self._show_first_steps(steps)
        self.figures, self.due_soon = fig, due
        self.status_label.setText("")
        t = self.tiles
        t["purchases"].set(f"{fig.purchases:,}", tr("%1 inspected, %2 failed")
                           .replace("%1", f"{fig.inspected:,}").replace("%2", f"{fig.failed:,}"))
        t["brands"].set(f"{fig.brands:,}")
        t["styles"].set(f"{fig.styles:,}")
        t["problem_products"].set(f"{fig.problem_products:,}")
        t["merchants_with_findings"].set(f"{fig.merchants_with_findings:,}",
                                         tr("of %1 bought from").replace("%1", f"{fig.merchants_bought:,}"))
        sev = fig.by_severity
        t["findings"].set(f"{fig.findings:,}", tr("%1 critical, %2 major").replace(
            "%1", str(sev.get("critical", 0))).replace("%2", str(sev.get("major", 0))))
        t["cases_open_now"].set(f"{fig.cases_open_now:,}", tr("%1 opened this month").replace(
            "%1", str(fig.cases_opened)))
        due_note = "" if due.warning_days <= 0 else tr("Due within %2 d: %1").replace(
            "%1", f"{due.cases:,}").replace("%2", str(due.warning_days))
        t["cases_overdue_now"].set(f"{fig.cases_overdue_now:,}", due_note,
                                   alert=fig.cases_overdue_now > 0)
        rate = fig.rectification_rate
        t["rectification_rate"].set("–" if rate is None else f"{rate:.0%}",
                                    tr("of cases opened this month"))
        tm = fig.timing
        # Unanswered cases count at their age, so the median is a lower bound: say how many.
        t["response_median"].set(_hours(tm.response_median),
                                 tr("median; 90th percentile %1; %2 not answered yet")
                                 .replace("%1", _hours(tm.response_p90))
                                 .replace("%2", f"{tm.response_unanswered:,}"))
        t["closure_median"].set(_hours(tm.closure_median), tr("median; 90th percentile %1")
                                .replace("%1", _hours(tm.closure_p90)))
        t["merchants_watch"].set(f"{fig.merchants_watch:,}", tr("%1 suspended, %2 eliminated")
                                 .replace("%1", str(fig.merchants_suspended))
                                 .replace("%2", str(fig.merchants_eliminated)))
        self._show_after_sales(fig.after_sales)
        t["net_cost"].set(_money(fig.net_cost_cents),
                          tr("spent %1, refunded %2 (%3 lightning refunds)")
                          .replace("%1", _money(fig.spend_cents))
                          .replace("%2", _money(fig.refunds_cents))
                          .replace("%3", f"{fig.lightning_refunds:,}"))
        self.pareto.set_items([(enum_label(FindingCategory(k)), n) for k, n in fig.by_category],
                              [k for k, _ in fig.by_category])
        self.trend.set_items([(month, n_findings) for month, _, n_findings in fig.trend])
        self.top_merchants.set_items([(name, n) for _, name, n in fig.top_merchants],
                                     [shop for shop, _, _ in fig.top_merchants])

    def _show_after_sales(self, f: dict) -> None:
        """The month's after-sales tiles (services/aftersales_stats.py)."""
        t = self.tiles
        t["after_sales"].set(f"{f.get('after_sales', 0):,}", tr("%1 complaints").replace(
            "%1", f"{f.get('complaints', 0):,}"))
        bands = f.get("bands") or [0, 0, 0, 0]
        t["service_duration"].set(
            _hours(f.get("median")),
            tr("median hours; 90th percentile %1; %2 over 72 h")
            .replace("%1", _hours(f.get("p90"))).replace("%2", f"{bands[3]:,}"))
        value = f.get("after_sales_rate")
        if f.get("rate_basis") == "per_order":
            t["after_sales_rate"].set("–" if value is None else f"{100 * value:.2f}%",
                                      tr("per order, over %1 orders").replace(
                                          "%1", f"{f.get('orders', 0):,}"))
        else:
            t["after_sales_rate"].set("–" if value is None else f"{value:.0f}",
                                      tr("per month: no order volumes imported"))
        shops = f.get("shops_over_60h") or []
        t["over_60h"].set(f"{len(shops):,}", ", ".join(name for _, name, _, _ in shops[:3]),
                          alert=bool(shops))
