"""Helpers for tests of remembered UI state: fake file dialogs, preferences read anew."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from inspector_app.ui.screens import ScreenEnv
from inspector_app.ui.settings import AppSettings


class Dialogs:
    """Fake QFileDialog statics: record the folder each was opened in, answer with `answer`."""

    def __init__(self) -> None:
        self.started_in: list[tuple[str, str]] = []
        self.answer: list[str] = []

    def install(self, monkeypatch) -> None:
        def fake(kind):
            def ask(parent, title, start, filters, *args, **kwargs):
                self.started_in.append((kind, start))
                if kind == "files":
                    return list(self.answer), filters
                return (self.answer[0] if self.answer else ""), filters

            return staticmethod(ask)

        monkeypatch.setattr(QFileDialog, "getOpenFileNames", fake("files"))
        monkeypatch.setattr(QFileDialog, "getOpenFileName", fake("open"))
        monkeypatch.setattr(QFileDialog, "getSaveFileName", fake("save"))

    def last_start(self) -> Path:
        return Path(self.started_in[-1][1])


def fake_dialogs(monkeypatch) -> Dialogs:
    """Patch QFileDialog's open and save statics for this test."""
    d = Dialogs()
    d.install(monkeypatch)
    return d


def reopened(settings: AppSettings) -> AppSettings:
    """The same preferences file read by a new settings object, after writing it to disk."""
    settings.sync()
    return AppSettings.at(Path(settings.file_name))


def env_with(env: ScreenEnv, settings: AppSettings) -> ScreenEnv:
    return ScreenEnv(state=env.state, settings=settings, changes=env.changes)
