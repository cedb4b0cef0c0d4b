"""Help > About: the version, where the data is, and the licences of the font and libraries."""

from __future__ import annotations

import html
import logging

from PySide6.QtCore import QLibraryInfo, Qt, qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from inspector_app import about, resources
from inspector_app.ui.i18n import tr
from inspector_app.version import app_version

logger = logging.getLogger(__name__)


class AboutDialog(QDialog):
    """Three tabs: About (version, database, data folder), Libraries, Font licence."""

    def __init__(self, database: str, data_folder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about_dialog")
        self.setWindowTitle(tr("About Inspector"))
        self.resize(640, 480)
        tabs = QTabWidget(self)
        self.summary = QLabel(self._summary(database, data_folder), self)
        self.summary.setObjectName("about_summary")
        self.summary.setWordWrap(True)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.summary.setContentsMargins(12, 12, 12, 12)
        self.summary.setTextInteractionFlags(self.summary.textInteractionFlags().TextSelectableByMouse)
        tabs.addTab(self.summary, tr("About"))
        self.libraries = QTextBrowser(self)
        self.libraries.setObjectName("about_libraries")
        self.libraries.setHtml(self._libraries())
        tabs.addTab(self.libraries, tr("Libraries"))
        self.font_license = QPlainTextEdit(self)
        self.font_license.setObjectName("about_font_license")
        self.font_license.setReadOnly(True)
        self.font_license.setPlainText(self._font_license())
        tabs.addTab(self.font_license, tr("Font licence"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(buttons)

    @staticmethod
    def _summary(database: str, data_folder: str) -> str:
        rows = [
            (tr("Version"), app_version()),
            (tr("Database"), database),
            (tr("Data folder"), data_folder),
            ("Qt", f"{qVersion()} ({QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)})"),
        ]
        body = "".join(
            f"<tr><td><b>{html.escape(k)}</b></td><td>{html.escape(v)}</td></tr>" for k, v in rows
        )
        what = tr("Mystery purchases, findings and merchant rectification.")
        return (
            f"<h2>Inspector {html.escape(app_version())}</h2>"
            f"<p>{html.escape(what)}</p>"
            f"<table cellspacing='6'>{body}</table>"
        )

    @staticmethod
    def _libraries() -> str:
        font, font_license = about.FONT
        rows = [(lib.name, lib.version, lib.purpose, lib.license) for lib in about.libraries()]
        rows.append((font, "", tr("Chinese font (UI and PDFs)"), font_license))
        head = "".join(f"<th align='left'>{html.escape(h)}</th>" for h in
                       (tr("Component"), tr("Version"), tr("Used for"), tr("Licence")))
        body = "".join(
            "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows
        )
        note = tr("Qt and Qt for Python are used under the LGPL 3.0; their libraries are "
                  "shipped as separate files that can be replaced.")
        return f"<table cellspacing='4'><tr>{head}</tr>{body}</table><p>{html.escape(note)}</p>"

    @staticmethod
    def _font_license() -> str:
        try:
            return resources.cjk_font_license_path().read_text("utf-8")
        except (OSError, resources.ResourcesMissing) as exc:  # checked at start; still safe
            logger.warning("font licence unreadable: %s", exc)
            return str(exc)
