"""Fixtures shared by the main-window tests (imported by them; this module holds no tests).

Every window gets its own INI settings file and data folder under ``tmp_path``, so no test
touches the real user's settings, recovery file or log. ``QMessageBox.exec`` is replaced by a
scripted answerer: a test says what to answer with ``dialogs.answer(...)`` and reads what was
asked in ``dialogs.seen``; a dialog nobody expected fails the test instead of blocking.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from graphstudio.ui.main_window import MainWindow
from graphstudio.ui.settings import AppSettings


class Dialogs:
    """Stands in for every QMessageBox.exec and QFileDialog static call."""

    def __init__(self):
        self.answers: list = []
        self.seen: list[tuple[str, str, str]] = []
        self.open_paths: list[str] = []
        self.save_paths: list[str] = []

    def answer(self, *buttons) -> None:
        self.answers.extend(buttons)

    def exec_box(self, box) -> int:
        self.seen.append((box.windowTitle(), box.text(), box.informativeText()))
        if not self.answers:
            pytest.fail(f"unexpected dialog: {box.windowTitle()}: {box.text()}")
        return int(self.answers.pop(0).value)

    def open_name(self, *args, **kwargs):
        return (self.open_paths.pop(0) if self.open_paths else "", "")

    def save_name(self, *args, **kwargs):
        if not self.save_paths:
            return ("", "")
        path = self.save_paths.pop(0)
        return (path, "PNG image (*.png)" if str(path).endswith(".png") else "")

    @property
    def texts(self) -> str:
        return "\n".join(" ".join(s) for s in self.seen)


@pytest.fixture
def dialogs(monkeypatch):
    d = Dialogs()
    monkeypatch.setattr(QMessageBox, "exec", lambda box: d.exec_box(box))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", d.open_name)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", d.save_name)
    return d


@pytest.fixture
def settings(tmp_path):
    return AppSettings.at(tmp_path / "settings.ini")


def close_quietly(win: MainWindow) -> None:
    """Close without the unsaved-changes prompt."""
    win.commit_pending_edits()
    win.undo_stack.setClean()
    win.close()


@pytest.fixture
def make_window(qapp, settings, tmp_path, dialogs):
    """``make_window()`` builds a window on the test's settings; all are closed at the end."""
    made: list[MainWindow] = []

    def make(**kwargs) -> MainWindow:
        kwargs.setdefault("settings", settings)
        kwargs.setdefault("data_dir", tmp_path / "data")
        win = MainWindow(**kwargs)
        made.append(win)
        return win

    yield make
    for win in made:
        close_quietly(win)
        win.deleteLater()
    from graphstudio.ui.language import apply_language

    apply_language(qapp, "en")  # a test that chose View > Language leaves English behind


@pytest.fixture
def window(make_window, qtbot):
    win = make_window()
    win.show()
    qtbot.waitExposed(win)
    return win
