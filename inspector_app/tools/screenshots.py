"""Screenshots of every screen on a demo database: `python -m inspector_app.tools.screenshots OUTDIR`.

`--lang pseudo` takes them in the pseudo-locale (accented, 40% longer; domain/pseudo.py) and
lists the labels, buttons and tabs whose text no longer fits in OUTDIR/pseudo/clipped.txt.
"""

from __future__ import annotations

import argparse
import inspect
import logging
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

logger = logging.getLogger(__name__)

#: Window size of the screenshots: the smallest laptop screen the app is made for
#: (docs/architecture.md, "Small screens"); `--size` takes others (e.g. 1366x768).
WIDTH, HEIGHT = 1280, 800
#: Longest wait for a screen's background work before its picture is taken (s).
SETTLE_S = 20.0


def load_data(ctx) -> str:
    """Demo data when services.demo.load_demo exists, else one user per role."""
    from inspector_app.domain.enums import Role
    from inspector_app.services import users
    from inspector_app.services.context import SYSTEM

    system = ctx.as_actor(SYSTEM)
    from inspector_app.services.demo import load_demo

    result = load_demo(system)
    if inspect.isgenerator(result):
        for _ in result:
            pass
    if users.count_users(ctx):
        delete_a_few(ctx)
        return "demo"
    for name, role in [
        ("王芳 Wang Fang", Role.ADMIN),
        ("李娜 Li Na", Role.INSPECTOR),
        ("张伟 Zhang Wei", Role.QUALITY_MANAGER),
        ("陈静 Chen Jing", Role.MERCHANT_MANAGER),
    ]:
        users.create_user(system, name, role)
    return "users only"


def delete_a_few(ctx) -> None:
    """Put some rows of each kind in the waste basket, through the services, so that the
    "Deleted items" screen has something to show (the demo deletes only a few findings)."""
    from sqlalchemy import func, select

    from inspector_app.db.models import (
        Finding,
        Merchant,
        Photo,
        Product,
        Purchase,
        RectificationCase,
    )
    from inspector_app.domain.errors import InspectorError
    from inspector_app.services import catalog, findings, merchants, photos, purchases
    from inspector_app.services.actors import default_actor
    from inspector_app.services.context import SYSTEM

    # A named user deletes them, so that the screen's "Deleted by" column has a name.
    system = ctx.as_actor(default_actor(ctx.as_actor(SYSTEM)) or SYSTEM)
    with ctx.db.read() as s:
        busy = list(s.scalars(
            select(Finding.purchase_id).where(Finding.deleted_at.is_(None))
            .group_by(Finding.purchase_id).having(func.count() >= 2).order_by(Finding.purchase_id)
        ))
        recent = list(s.scalars(select(Purchase.id).order_by(Purchase.id.desc()).limit(20)))
        shots = list(s.scalars(select(Photo.id).where(Photo.deleted_at.is_(None))
                               .order_by(Photo.id).limit(20)))
        used = select(Purchase.id).where(Purchase.product_id == Product.id).exists()
        products = list(s.scalars(select(Product.id).where(~used).order_by(Product.id).limit(5)))
        n_purchases = (select(func.count(Purchase.id)).where(Purchase.merchant_id == Merchant.id)
                       .correlate(Merchant).scalar_subquery())
        cased = select(RectificationCase.id).where(RectificationCase.merchant_id == Merchant.id).exists()
        quiet = list(s.scalars(select(Merchant.id).where(~cased).order_by(n_purchases, Merchant.id)
                               .limit(5)))

    def some(delete, ids, wanted: int) -> list[int]:
        done: list[int] = []
        for row_id in ids:
            if len(done) == wanted:
                break
            try:
                delete(system, row_id)
                done.append(row_id)
            except InspectorError as exc:  # e.g. a finding in a case, a purchase under one
                logger.info("not deleted for the screenshots: %s", exc)
        return done

    some(photos.delete_photo, shots, 2)
    last = [findings.list_for_purchase(system, p)[-1].id for p in busy[:40]]
    gone = some(findings.delete_finding, last, 3)
    # Two of those purchases go too: their findings then show "Purchase … (deleted)".
    with ctx.db.read() as s:
        owners = list(s.scalars(select(Finding.purchase_id).where(Finding.id.in_(gone))))
    some(purchases.delete_purchase, owners[1:] + recent, 3)
    some(catalog.delete_product, products, 1)
    some(merchants.delete_merchant, quiet, 1)


def settle(app, seconds: float = SETTLE_S) -> None:
    """Process events until no task runs (or `seconds` pass), then a little more for painting."""
    from inspector_app.ui.tasks import running_tasks

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents()
        if not [t for t in running_tasks() if not t.is_done]:
            break
        time.sleep(0.02)
    for _ in range(5):
        app.processEvents()
        time.sleep(0.02)


def shoot(ctx, settings_file: Path, lang: str, outdir: Path,
          size: tuple[int, int] = (WIDTH, HEIGHT)) -> list[Path]:
    from PySide6.QtWidgets import QApplication

    from inspector_app.ui.app import create_main_window
    from inspector_app.ui.i18n import install_translator
    from inspector_app.ui.screens import SCREENS
    from inspector_app.ui.settings import AppSettings

    app = QApplication.instance()
    install_translator(lang)
    settings = AppSettings.at(settings_file)
    _state, window = create_main_window(ctx, settings)
    window.resize(*size)
    window.show()
    settle(app)
    target = outdir / lang
    target.mkdir(parents=True, exist_ok=True)
    written = []
    clipped: list[str] = []
    shots = [(name, name, None) for name in SCREENS] + detail_targets(ctx)
    for shot, screen, item_id in shots:
        window.navigate(screen, item_id)
        settle(app)
        path = target / f"{shot}.png"
        if not window.grab().save(str(path)):
            raise OSError(f"Could not write {path}")
        written.append(path)
        print(f"{path}")
        clipped += [f"{shot}: {line}" for line in clipped_texts(window, size[0])]
    from inspector_app.tools.screenshot_dialogs import dialog_shots

    written += dialog_shots(window, target, lambda: settle(app))
    report = target / "clipped.txt"
    report.write_text("".join(f"{line}\n" for line in clipped), encoding="utf-8")
    print(f"{report}: {len(clipped)} clipped texts")
    window.close()
    window.deleteLater()
    settle(app, 1.0)
    return written


def clipped_texts(window, width: int = WIDTH) -> list[str]:
    """What no longer fits in `window`: a window wider than asked, labels and buttons whose
    text is wider than they are, tab bars that scroll, elided table headers."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QAbstractButton, QHeaderView, QLabel, QTabBar

    out: list[str] = []
    if window.width() > width:
        out.append(f"window: {window.width()} px wide, not {width} (its minimum width grew)")

    def name(widget) -> str:
        return f"{type(widget).__name__} {widget.objectName() or '-'}"

    for widget in window.findChildren(QLabel) + window.findChildren(QAbstractButton):
        if not widget.isVisibleTo(window) or not widget.text().strip():
            continue
        if isinstance(widget, QLabel) and (widget.wordWrap() or widget.pixmap() is not None
                                           and not widget.pixmap().isNull()):
            continue
        needed, has = widget.minimumSizeHint().width(), widget.width()
        if isinstance(widget, QLabel):
            needed = widget.sizeHint().width()
        if needed > has + 1:
            text = widget.text().replace("\n", " ")
            out.append(f"{name(widget)} {text!r}: needs {needed} px, has {has}")
    for bar in window.findChildren(QTabBar):
        if not bar.isVisibleTo(window):
            continue
        for i in range(bar.count()):
            needed, has = bar.tabSizeHint(i).width(), bar.tabRect(i).width()
            if needed > has + 1:
                out.append(f"tab {bar.tabText(i)!r}: needs {needed} px, has {has}")
        total = sum(bar.tabSizeHint(i).width() for i in range(bar.count()))
        # A bar without scroll buttons elides its tabs instead (listed above, tab by tab).
        if bar.usesScrollButtons() and total > bar.width() + 1:
            tabs = ", ".join(repr(bar.tabText(i)) for i in range(bar.count()))
            out.append(f"tab bar scrolls ({total} px in {bar.width()}): {tabs}")
    for header in window.findChildren(QHeaderView):
        if not header.isVisibleTo(window) or header.orientation() != Qt.Orientation.Horizontal:
            continue
        model, metrics = header.model(), header.fontMetrics()
        for i in range(header.count()):
            text = str(model.headerData(i, Qt.Orientation.Horizontal) or "") if model else ""
            size = header.sectionSize(i)
            if text and not header.isSectionHidden(i) and size and metrics.horizontalAdvance(text) + 12 > size:
                out.append(f"column {text!r}: needs {metrics.horizontalAdvance(text) + 12} px, has {size}")
    return out


def detail_targets(ctx) -> list[tuple[str, str, int | None]]:
    """Pages worth a picture of their own: a case in progress and a failed purchase."""
    from inspector_app.services import browse
    from inspector_app.services.context import SYSTEM

    ctx = ctx.as_actor(SYSTEM)
    out: list[tuple[str, str, int | None]] = []
    for status in ("rectifying", "responded", "notified"):
        cases = browse.fetch_cases(ctx, browse.CaseFilter(status=status), limit=1)
        if cases:
            out.append(("case_page", "cases", cases[0].id))
            break
    failed = browse.fetch_purchases(ctx, browse.PurchaseFilter(verdict="fail"),
                                    sort="finding_count", limit=1)
    if failed:
        out.append(("purchase_inspection", "purchases", failed[0].id))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m inspector_app.tools.screenshots")
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--lang", choices=["en", "zh_CN", "pseudo", "both", "all"], default="both",
                        help="both: en and zh_CN; all: also the pseudo-locale")
    parser.add_argument("--size", default=f"{WIDTH}x{HEIGHT}", help="window size, WIDTHxHEIGHT")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    try:
        size = tuple(int(v) for v in args.size.lower().split("x"))
        if len(size) != 2:
            raise ValueError
    except ValueError:
        parser.error(f"--size: {args.size!r} is not WIDTHxHEIGHT")

    with tempfile.TemporaryDirectory(prefix="inspector-shots-") as tmp:
        os.environ["INSPECTOR_DATA_DIR"] = str(Path(tmp) / "data")
        os.environ.pop("INSPECTOR_DB_URL", None)
        from PySide6.QtWidgets import QApplication

        from inspector_app.services.context import open_context
        from inspector_app.ui.app import create_application

        app = create_application([sys.argv[0]])
        ctx = open_context(data_folder=os.environ["INSPECTOR_DATA_DIR"])
        try:
            print(f"data: {load_data(ctx)}")
            langs = {"both": ["en", "zh_CN"], "all": ["en", "zh_CN", "pseudo"]}.get(
                args.lang, [args.lang])
            for lang in langs:
                shoot(ctx, Path(tmp) / f"settings-{lang}.ini", lang, args.outdir, size)
        finally:
            from inspector_app.ui.tasks import wait_for_tasks

            wait_for_tasks()
            ctx.db.dispose()
        del app
        QApplication.instance()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
