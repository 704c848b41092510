"""Deferred work of a window dies with the window (a singleShot with a context object)."""

from __future__ import annotations

import shiboken6

from graphstudio.ui.main_window import MainWindow


def test_a_window_deleted_right_after_a_reload_does_not_frame_a_dead_view(
        qapp, qtbot, settings, tmp_path, dialogs):
    """QTimer.singleShot(0, self.frame) had no context object: the frame ran on a window
    deleted in between (RuntimeError from a timer, straight to the error hook)."""
    win = MainWindow(settings=settings, data_dir=tmp_path / "data")
    win.document.new()  # reloaded -> frame the new graph on the next turn
    win.undo_stack.setClean()
    win.close()
    shiboken6.delete(win)
    qtbot.wait(30)  # a pending frame() would run (and raise) here
