"""Importing returned merchant workbooks and existing records, and the dialog with the outcome."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector_app.services.changes import FINDING, MERCHANT, PRODUCT, PURCHASE, Changes
from inspector_app.ui.i18n import QT_TR_NOOP, tr
from inspector_app.ui.models import RIGHT, CallableSource, Column, PagedTableModel, PagedTableView
from inspector_app.ui.ops import run_op
from inspector_app.ui.reports.files import FolderMemory, ask_workbook
from inspector_app.ui.tasks import Task

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class RefusedRow:
    id: int
    sheet: str
    row: int
    reason: str


@dataclass
class ImportOutcome:
    """What the result dialog shows: a title, summary lines and the refused rows."""

    title: str
    file_name: str
    lines: list[str] = field(default_factory=list)
    refused: list[RefusedRow] = field(default_factory=list)


def _refused(errors) -> list[RefusedRow]:
    return [RefusedRow(i, e.sheet, e.row, e.reason) for i, e in enumerate(errors, 1)]


def responses_outcome(report, path: Path) -> ImportOutcome:
    """The outcome of services.responses.import_responses."""
    return ImportOutcome(
        tr("Merchant responses imported"),
        path.name,
        [tr("%n response(s) applied; the cases moved to “responded”.", None, report.applied)]
        + ([tr("%n row(s) already imported before (unchanged).", None, report.unchanged)]
           if report.unchanged else [])
        + ([tr("%n row(s) left blank (skipped).", None, report.skipped)] if report.skipped else []),
        _refused(report.errors),
    )


def sheet_label(sheet: str) -> str:
    return {
        "Merchants": tr("Merchants"),
        "Products": tr("Products"),
        "Purchases": tr("Purchases"),
        "Findings": tr("Findings"),
    }.get(sheet, sheet)


def records_outcome(report, path: Path) -> ImportOutcome:
    """The outcome of services.records_import.import_records."""
    lines = [
        tr("%1: %2 new, %3 already there")
        .replace("%1", sheet_label(sheet))
        .replace("%2", str(report.created[sheet]))
        .replace("%3", str(report.unchanged[sheet]))
        for sheet in ("Merchants", "Products", "Purchases", "Findings")
    ]
    if report.errors:  # all or nothing: one refused row and nothing of the file was kept
        return ImportOutcome(
            tr("Nothing imported"),
            path.name,
            [tr("Nothing of the file was imported. Fix the rows below and import it again.")],
            _refused(report.errors),
        )
    return ImportOutcome(tr("Records imported"), path.name, lines, _refused(report.errors))


REFUSED_COLUMNS = [
    Column("sheet", QT_TR_NOOP("Sheet"), formatter=sheet_label, width=100),
    Column("row", QT_TR_NOOP("Row"), align=RIGHT, width=60),
    Column("reason", QT_TR_NOOP("Why it was not imported"), width=480),
]


class ImportResultDialog(QDialog):
    """What an import applied, and each refused row with its row number and reason."""

    def __init__(self, outcome: ImportOutcome, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.outcome = outcome
        self.setObjectName("import_result_dialog")
        self.setWindowTitle(outcome.title)
        self.resize(760, min(520, 240 + 28 * len(outcome.refused)) if outcome.refused else 200)
        heading = QLabel(
            tr("From %1:").replace("%1", outcome.file_name), self
        )
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        self.summary = QLabel("\n".join(outcome.lines), self)
        self.summary.setObjectName("import_summary")
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.summary)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        self.model: PagedTableModel | None = None
        if outcome.refused:
            refused = outcome.refused
            self.refused_label = QLabel(
                tr("%n row(s) were not imported; correct them in the workbook and import it "
                   "again (rows already imported are not applied twice):", None, len(refused)),
                self,
            )
            self.refused_label.setObjectName("refused_label")
            self.refused_label.setWordWrap(True)
            self.refused_label.setStyleSheet("QLabel { color: #b00020; }")
            source = CallableSource(lambda _f: len(refused),
                                    lambda _f, _s, _d, off, lim: refused[off : off + lim])
            self.model = PagedTableModel(source, REFUSED_COLUMNS, parent=self)
            self.view = PagedTableView("import_refused_rows", None, self)
            self.view.setObjectName("refused_rows")
            self.view.setModel(self.model)
            self.view.setSortingEnabled(False)
            self.view.setWordWrap(True)
            layout.addWidget(self.refused_label)
            layout.addWidget(self.view, 1)
            copy = QPushButton(tr("&Copy list"), self)
            copy.setObjectName("copy_refused")
            copy.clicked.connect(self.copy_refused)
            buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        else:
            layout.addStretch(1)
        layout.addWidget(buttons)

    def refused_text(self) -> str:
        return "\n".join(
            f"{sheet_label(r.sheet)}\t{r.row}\t{r.reason}" for r in self.outcome.refused
        )

    def copy_refused(self) -> None:
        QGuiApplication.clipboard().setText(self.refused_text())


class ImportActions:
    """The import buttons: ask for the workbook, import it in a worker, show the outcome."""

    def __init__(self, env, parent: QWidget, memory: FolderMemory) -> None:
        self.env = env
        self.parent = parent
        self.memory = memory
        #: The last dialog shown (tests look at it).
        self.last_dialog: ImportResultDialog | None = None

    def import_responses(self, path: Path | None = None) -> Task | None:
        from inspector_app.services import responses

        path = path or ask_workbook(self.parent, self.memory, tr("Import merchant responses"))
        if path is None:
            return None

        def done(report) -> None:
            self.show_outcome(responses_outcome(report, path))

        return run_op(
            self.parent, self.env.ctx, partial(responses.import_responses, self.env.ctx, path),
            on_success=done, slow=True,
            label=tr("Importing responses from %1…").replace("%1", path.name),
        ).task

    def import_records(self, path: Path | None = None) -> Task | None:
        from inspector_app.services import records_import

        path = path or ask_workbook(self.parent, self.memory, tr("Import records"))
        if path is None:
            return None

        def done(report) -> None:
            self.show_outcome(records_outcome(report, path))

        # Its rows go in as bulk inserts on the connection, which the sessions do not see.
        inserted = Changes({kind: None for kind in (MERCHANT, PRODUCT, PURCHASE, FINDING)})
        return run_op(
            self.parent, self.env.ctx, partial(records_import.import_records, self.env.ctx, path),
            on_success=done, slow=True, also_changed=inserted,
            label=tr("Importing records from %1…").replace("%1", path.name),
        ).task

    def show_outcome(self, outcome: ImportOutcome) -> None:
        logger.info("%s from %s: %d refused", outcome.title, outcome.file_name, len(outcome.refused))
        self.last_dialog = ImportResultDialog(outcome, self.parent)
        self.last_dialog.exec()
        self.env.show_status(outcome.title + " — " + "; ".join(outcome.lines[:1]))
