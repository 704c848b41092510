"""Autosave when things go wrong: an unusable data folder, a discard while a write runs."""

from __future__ import annotations

from graphstudio.ui.commands import AddNodeCommand, try_push

pytest_plugins = ["tests.ui.test_window_support"]  # window, dialogs, settings


def add(win, type_id="relu"):
    assert try_push(win.undo_stack, AddNodeCommand(win.graph, type_id)) is None


def test_a_data_folder_that_cannot_be_created_is_reported_once(make_window, tmp_path):
    """A file where the data folder should be made mkdir raise NotADirectoryError out of the
    autosave timer: an error dialog after every edit and every 30 s."""
    blocker = tmp_path / "blocker"
    blocker.write_text("not a folder")
    win = make_window(data_dir=blocker / "data")
    failures = []
    win.autosaver.failed.connect(failures.append)
    add(win)
    assert not win.autosaver.save_now()  # no exception
    add(win)
    assert not win.autosaver.save_now()
    assert len(failures) == 1 and "recovery file" in failures[0]
    assert "recovery file" in win.statusBar().currentMessage()

    win.autosaver.directory = tmp_path / "elsewhere"  # a usable folder: tried again
    assert win.autosaver.save_now()
    assert (tmp_path / "elsewhere" / "recovery.gsgraph").exists()
    assert len(failures) == 1
