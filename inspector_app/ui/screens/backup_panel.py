"""The backup part of the Settings screen: back up now, the list of backups, restore."""

from __future__ import annotations

import logging
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.enums import Role
from inspector_app.services import backups
from inspector_app.services.changes import Changes
from inspector_app.ui.i18n import tr
from inspector_app.ui.ops import run_op
from inspector_app.ui.settings import DAILY_BACKUP, DAILY_BACKUP_KEEP, LAST_RESTORE_DIR
from inspector_app.ui.tasks import Task, run_task, running_tasks

logger = logging.getLogger(__name__)


def kind_label(kind: str) -> str:
    return {
        backups.MANUAL: tr("manual", "backup kind"),
        backups.DAILY: tr("daily", "backup kind"),
        backups.SAFETY: tr("before a restore", "backup kind"),
        backups.UPGRADE: tr("before an upgrade", "backup kind"),
    }.get(kind, kind)


def describe_backup(info: backups.BackupInfo) -> str:
    when = info.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
    text = f"{when}  ·  {kind_label(info.kind)}"
    if info.photos is not None:
        text += "  ·  " + tr("%n photo(s)", "", info.photos)
    return text


class BackupPanel(QGroupBox):
    def __init__(self, env, parent: QWidget | None = None) -> None:
        super().__init__(tr("Backups"), parent)
        self.env = env
        self.setObjectName("backup_panel")
        self.last_task: Task | None = None

        self.where = QLabel(self)
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        keep = env.settings.get(DAILY_BACKUP_KEEP)
        self.daily_check = QCheckBox(
            tr("Take a backup every day in the background (the last %1 are kept)").replace("%1", str(keep)),
            self,
        )
        self.daily_check.setObjectName("daily_backup_check")
        self.daily_check.setChecked(env.settings.get(DAILY_BACKUP))
        self.daily_check.toggled.connect(lambda on: env.settings.set(DAILY_BACKUP, on))

        self.list = QListWidget(self)
        self.list.setObjectName("backup_list")
        self.list.setMinimumHeight(130)
        self.list.setMaximumHeight(170)
        self.list.itemSelectionChanged.connect(self._update_buttons)

        self.backup_button = QPushButton(tr("Back up now"), self)
        self.backup_button.setObjectName("backup_now_button")
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button = QPushButton(tr("Restore selected…"), self)
        self.restore_button.setObjectName("restore_selected_button")
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_file_button = QPushButton(tr("Restore from a file…"), self)
        self.restore_file_button.setObjectName("restore_file_button")
        self.restore_file_button.clicked.connect(self.restore_from_file)
        self.open_button = QPushButton(tr("Open backups folder"), self)
        self.open_button.clicked.connect(self._open_folder)
        self.admin_hint = QLabel(tr("Only an administrator can restore a backup."), self)
        self.admin_hint.setEnabled(False)

        # Buttons beside the list keep the Settings page short enough for one screen.
        buttons = QVBoxLayout()
        for b in (self.backup_button, self.restore_button, self.restore_file_button, self.open_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.where)
        layout.addWidget(self.daily_check)
        layout.addLayout(row)
        layout.addWidget(self.admin_hint)
        self.refresh()

    # -- display -------------------------------------------------------------------------

    def refresh(self) -> None:
        ctx = self.env.ctx
        self.where.setText(tr("Backups are kept in %1").replace("%1", str(ctx.paths.backups)))
        self.list.clear()
        for info in backups.list_backups(ctx):
            item = QListWidgetItem(describe_backup(info))
            item.setData(Qt.ItemDataRole.UserRole, str(info.path))
            item.setToolTip(str(info.path))
            self.list.addItem(item)
        if self.list.count() == 0:
            placeholder = QListWidgetItem(tr("No backups yet."))
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(placeholder)
        self._update_buttons()

    def _update_buttons(self) -> None:
        admin = self.env.state.has_role(Role.ADMIN)
        selected = [i for i in self.list.selectedItems() if i.data(Qt.ItemDataRole.UserRole)]
        self.restore_button.setEnabled(admin and bool(selected))
        self.restore_file_button.setEnabled(admin)
        self.admin_hint.setVisible(not admin)

    def _open_folder(self) -> None:
        folder = self.env.ctx.paths.backups
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    # -- back up -------------------------------------------------------------------------

    @Slot()
    def backup_now(self) -> None:
        self.backup_button.setEnabled(False)
        self.last_task = run_task(
            partial(backups.backup_steps, self.env.ctx),
            on_done=self._backup_done,
            on_error=self._backup_failed,
            on_cancel=self._backup_cancelled,
            progress=self.window(),
            label=tr("Backing up the database and photos…"),
            name="backup_now",
        )

    def _backup_done(self, folder: Path) -> None:
        self.backup_button.setEnabled(True)
        self.refresh()
        self.env.show_status(tr("Backup written to %1").replace("%1", str(folder)))

    def _backup_failed(self, exc: BaseException) -> None:
        from inspector_app.ui.errors import show_error

        self.backup_button.setEnabled(True)
        show_error(self, exc)

    def _backup_cancelled(self) -> None:
        self.backup_button.setEnabled(True)
        self.env.show_status(tr("Backup cancelled."))

    # -- restore -------------------------------------------------------------------------

    @Slot()
    def restore_selected(self) -> None:
        items = [i for i in self.list.selectedItems() if i.data(Qt.ItemDataRole.UserRole)]
        if items:
            self.restore(Path(items[0].data(Qt.ItemDataRole.UserRole)))

    @Slot()
    def restore_from_file(self) -> None:
        start = self.env.settings.get(LAST_RESTORE_DIR) or str(self.env.ctx.paths.backups)
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            tr("Choose the database of a backup"),
            start,
            tr("Inspector database (*.sqlite3 *.sqlite *.db);;All files (*)"),
        )
        if not chosen:
            return
        path = Path(chosen)
        self.env.settings.set(LAST_RESTORE_DIR, str(path.parent))
        # The database inside a backup folder: restore the folder (its photos too).
        if (path.parent / backups.MANIFEST).is_file():
            path = path.parent
        self.restore(path)

    def restore(self, path: Path) -> None:
        busy = [t for t in running_tasks() if not t.is_done]
        if busy:
            QMessageBox.information(
                self, tr("Restore"), tr("Please wait until the work in progress has finished.")
            )
            return
        answer = QMessageBox.question(
            self,
            tr("Restore a backup"),
            tr(
                "Replace all current data with the backup\n%1?\n\nA safety backup of the "
                "current data is taken first, so this can be undone."
            ).replace("%1", str(path)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        # It replaces the database file: no transaction around it, every screen reloads.
        self._restore_ok = False
        self.last_task = run_op(
            self.window(), self.env.ctx, partial(backups.restore, self.env.ctx, path),
            on_success=self._restored, on_finished=self._restore_settled,
            label=tr("Restoring the backup…"), slow=True, transaction=False,
            also_changed=Changes.everything(),
        ).task

    def _restored(self, _result: object) -> None:
        logger.info("Restore finished; reloading every screen")
        self.env.state.restore_actor()
        self.refresh()
        self._restore_ok = True

    def _restore_settled(self) -> None:
        if self._restore_ok:  # after every screen has reloaded
            self._restore_ok = False
            QMessageBox.information(
                self,
                tr("Restore a backup"),
                tr("The backup was restored. The data from before the restore is kept as a safety backup."),
            )
