"""`inspector-app --self-test`: prove an installed (or frozen) build works, on a throwaway database.

Opens the main window offscreen on a temporary data folder (never the user's), loads a little
demo data, exports a rectification notice PDF and the findings workbook, checks the bundled
font is embedded in the PDF and the version is in both files' metadata, and exits 0; any
failure exits 1 with one line naming what failed (docs/packaging.md).
"""

from __future__ import annotations

import logging
import os
import re
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from inspector_app.domain.errors import InspectorError

logger = logging.getLogger(__name__)

#: Exit status of a failed self-test.
EXIT_FAILED = 1
#: Demo purchases loaded (enough for cases with findings and photos; a few seconds).
DEMO_PURCHASES = 40
#: How long the main window may take to show (ms).
SHOW_TIMEOUT_MS = 10_000


class SelfTestFailed(Exception):
    """One check failed; the message is the line printed."""


def _check(ok: object, reason: str) -> None:
    if not ok:
        raise SelfTestFailed(reason)


def embedded_font_names(pdf: bytes) -> list[str]:
    """The /FontName of every font descriptor that carries an embedded TrueType (/FontFile2).

    A byte-level reader: ReportLab writes font descriptors as plain (uncompressed) objects.
    """
    names = []
    for match in re.finditer(rb"<<(?:(?!>>).)*?/FontFile2(?:(?!>>).)*>>", pdf, re.S):
        name = re.search(rb"/FontName\s*/([^\s/<>\[\]()]+)", match.group(0))
        if name:
            names.append(name.group(1).decode("latin-1"))
    return names


def check_pdf(path: Path, font_postscript_name: str, producer: str) -> None:
    data = path.read_bytes()
    _check(data.startswith(b"%PDF-") and b"%%EOF" in data[-1024:], f"{path.name} is not a whole PDF")
    fonts = embedded_font_names(data)
    _check(
        any(n.split("+")[-1] == font_postscript_name for n in fonts),
        f"the bundled font {font_postscript_name} is not embedded in {path.name} "
        f"(embedded: {', '.join(fonts) or 'none'})",
    )
    _check(producer.encode() in data, f"{path.name} does not name {producer} in its metadata")


def check_workbook(path: Path, producer: str) -> None:
    with zipfile.ZipFile(path) as z:
        _check(z.testzip() is None, f"{path.name} is a damaged zip")
        core = z.read("docProps/core.xml").decode("utf-8")
        sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/sheet")]
    _check(producer in core, f"{path.name} does not name {producer} in docProps/core.xml")
    _check(sheets, f"{path.name} has no worksheet")


def run(argv: list[str]) -> int:
    """The whole self-test; prints one line and returns the exit status."""
    started = time.perf_counter()
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before the QApplication exists
    with tempfile.TemporaryDirectory(prefix="inspector-self-test-") as tmp:
        os.environ["INSPECTOR_DATA_DIR"] = tmp  # anything that asks gets the temporary folder
        os.environ.pop("INSPECTOR_DB_URL", None)
        try:
            summary = _run_checks(Path(tmp), argv)
        except (SelfTestFailed, InspectorError) as exc:
            print(f"self-test failed: {exc}", file=sys.stderr)
            return EXIT_FAILED
        except Exception as exc:  # noqa: BLE001 - any error is a failed self-test, in one line
            if logging.getLogger().handlers:  # the details go to the log file, once there is one
                logger.exception("self-test failed")
            text = " ".join(str(exc).split()) or type(exc).__name__
            print(f"self-test failed: {type(exc).__name__}: {text}", file=sys.stderr)
            return EXIT_FAILED
    print(f"self-test passed in {time.perf_counter() - started:.1f} s: {summary}")
    return 0


def _run_checks(tmp: Path, argv: list[str]) -> str:
    from sqlalchemy import select

    from inspector_app.db.models import RectificationCase
    from inspector_app.paths import data_dir
    from inspector_app.reports.progress import run_job
    from inspector_app.resources import check_resources, cjk_font_path
    from inspector_app.services import reporting, workbooks
    from inspector_app.services.context import SYSTEM, open_context
    from inspector_app.services.demo import load_demo
    from inspector_app.version import producer

    root = check_resources()
    libpq = _check_postgres_driver()
    paths = data_dir(tmp / "data").ensure()
    from PySide6.QtCore import qInstallMessageHandler

    from inspector_app.ui.app import (
        _qt_message,
        create_application,
        create_main_window,
        setup_logging,
    )

    setup_logging(paths)
    for handler in logging.getLogger().handlers:  # the one line is the output; the rest is logged
        if type(handler) is logging.StreamHandler:
            handler.setLevel(logging.CRITICAL)
    qInstallMessageHandler(_qt_message)  # Qt's chatter to the log, not the one line
    logger.info("self-test of %s; resources %s", producer(), root)
    ctx = open_context(db_url=f"sqlite:///{paths.database}", data_folder=str(paths.root))
    try:
        admin = ctx.as_actor(SYSTEM)
        load_demo(admin, seed=7, purchases=DEMO_PURCHASES)
        app = create_application(argv)
        _check_qt(app)
        window_state = _show_main_window(ctx, paths, create_main_window)

        with ctx.db.read() as s:
            number = s.scalar(
                select(RectificationCase.case_number).order_by(RectificationCase.id).limit(1)
            )
        _check(number, "the demo data has no rectification case")
        pdf = run_job(reporting.export_notice(admin, tmp / "notice.pdf", case_number=number))
        from reportlab.pdfbase.ttfonts import TTFont

        ps_name = TTFont("SelfTestCJK", str(cjk_font_path())).face.name.decode("latin-1")
        check_pdf(Path(pdf), ps_name, producer())
        xlsx = run_job(workbooks.export_findings(admin, tmp / "findings.xlsx"))
        check_workbook(Path(xlsx), producer())
        window_state()
    finally:
        ctx.db.dispose()
    return (f"{producer()}, window shown, notice {number} with {ps_name} embedded, workbook "
            f"written, PostgreSQL driver with libpq {libpq}")


def _check_postgres_driver() -> str:
    """The PostgreSQL driver a team server needs loads, with its libpq (no server is
    contacted); returns libpq's version."""
    try:
        import psycopg
        from sqlalchemy import create_engine
    except ImportError as exc:
        raise SelfTestFailed(f"the PostgreSQL driver is missing: {exc}") from None
    engine = create_engine("postgresql+psycopg://self-test@localhost/self-test")
    try:
        _check(engine.dialect.driver == "psycopg", "SQLAlchemy has no psycopg dialect")
    finally:
        engine.dispose()
    version = psycopg.pq.version()
    return f"{version // 10000}.{version % 10000}"


def _check_qt(app) -> None:
    from PySide6.QtGui import QFontDatabase, QImageReader

    from inspector_app.resources import CJK_FONT_FAMILY
    from inspector_app.ui.i18n import install_translator, tr

    _check(app.platformName() == "offscreen", f"Qt platform is {app.platformName()}, not offscreen")
    formats = {bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()}
    _check({"jpeg", "png"} <= formats, f"Qt cannot read JPEG and PNG (it reads {sorted(formats)})")
    _check(CJK_FONT_FAMILY in QFontDatabase.families(), f"the font {CJK_FONT_FAMILY} is not loaded")
    _check(install_translator("zh_CN"), "the Chinese translation did not load")
    _check(tr("About Inspector") != "About Inspector", "the Chinese translation is empty")


def _show_main_window(ctx, paths, create_main_window):
    """Show the main window and wait for its first paint; returns the closing check."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from inspector_app.ui.settings import AppSettings
    from inspector_app.ui.tasks import wait_for_tasks

    settings = AppSettings.for_paths(paths)
    state, window = create_main_window(ctx, settings)
    window.show()
    loop = QEventLoop()
    QTimer.singleShot(0, loop.quit)
    deadline = time.monotonic() + SHOW_TIMEOUT_MS / 1000
    while not window.isVisible() and time.monotonic() < deadline:
        loop.exec()
    _check(window.isVisible(), "the main window did not show")
    image = window.grab().toImage()
    _check(not image.isNull() and image.width() > 100, "the main window did not paint")

    def close() -> None:
        QApplication.processEvents()
        window.close()
        wait_for_tasks()
        settings.sync()
        _check(Path(settings.file_name).is_relative_to(paths.root), "settings left the temporary folder")
        _check(state.ctx.db is ctx.db, "the window changed database")

    return close
