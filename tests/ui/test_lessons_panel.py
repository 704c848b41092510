"""The Lesson panel's own behaviour: the offer on first launch, Back / Restart / Skip, the hint,
progress kept in the settings, highlights, and bad lesson files refused with their line."""

from __future__ import annotations

import os

import pytest
from PySide6.QtWidgets import QMessageBox

from graphstudio.lessons.catalog import lessons_dir
from tests.support.lesson_fixtures import LESSONS, Learner
from tests.support.window_fixtures import close_quietly

TUTORIAL = str(lessons_dir() / f"{LESSONS['tutorial']}.gslesson")


@pytest.fixture
def who(make_window, qtbot):
    win = make_window()
    win.show()
    qtbot.waitExposed(win)
    win.run_controller.animate = False
    return Learner(win, qtbot)


def test_first_launch_offers_the_lessons_and_later_launches_do_not(qtbot, settings, tmp_path):
    from graphstudio.ui.app import build_window

    for first in (True, False):
        app, win, handler = build_window([], settings=settings, data_dir=tmp_path,
                                         dialog_factory=lambda parent, r: None)
        try:
            assert win.docks["lesson"].isVisible() == first
            qtbot.waitUntil(lambda w=win: w.graph.node_by_name("w") is not None)  # tutorial
            panel = win.lessons_ui.panel
            if first:
                assert panel.pages.currentIndex() == 0 and panel.lesson_list.count() == 3
                assert panel.lesson_list.item(0).text().startswith(
                    "The autograd tutorial, step by step")
                win.docks["lesson"].close()  # not now: the next launch does not offer again
            else:
                win.actions["lessons"].trigger()
                assert win.docks["lesson"].isVisible()
        finally:
            handler.uninstall()
            close_quietly(win)
            win.deleteLater()
        assert settings.has_run_before


def test_start_from_the_list_then_back_skip_restart_and_progress(who, settings):
    panel = who.panel
    panel.fill_list()
    panel.lesson_list.setCurrentRow(0)
    who.click(panel.start_button)
    assert who.step_id == "network" and who.window.graph.node_by_name("w") is not None
    assert not panel.buttons["back"].isEnabled() and not panel.buttons["next"].isEnabled()
    assert "node w" in who.ui.highlighter.shown and "action run_forward" in who.ui.highlighter.shown
    who.use("run_forward")
    who.next()
    assert who.step_id == "grad_fn" and who.complete()  # its checks already hold
    who.next()
    who.click(panel.buttons["skip"])
    assert who.step_id == "step_to_w" and 2 in who.driver.progress.skipped
    assert settings.lesson_progress("01_autograd_tutorial") == (3, [0, 1])
    who.click(panel.buttons["back"])
    assert who.step_id == "backward"
    # a fresh window resumes where the learner left
    who.click(panel.buttons["lessons"])
    assert who.driver.progress is None and "step 3 of 12" in panel.lesson_list.item(0).text()
    assert who.ui.start(TUTORIAL) and who.step_id == "backward"
    who.click(panel.buttons["restart"])
    assert who.step_id == "network" and who.driver.progress.passed == set()


def test_the_hint_appears_after_a_while_and_not_once_done(who):
    assert who.ui.start(TUTORIAL, 0)
    assert who.panel.hint.isHidden()
    who.driver.hint_timer.start(10)
    who.qtbot.waitUntil(lambda: not who.panel.hint.isHidden(), timeout=2000)
    assert "Run ▸ Forward" in who.panel.hint.text()
    who.use("run_forward")
    who.wait_complete()
    assert who.panel.hint.isHidden()


def test_a_wrong_action_does_not_complete_a_step(who):
    assert who.ui.start(TUTORIAL, 2)  # "backward": wait backward, check the grads
    who.use("run_forward")
    assert not who.complete()
    who.use("run_backward")
    who.wait_complete()
    assert "✓" in who.panel.tasks.text()


def test_bad_lesson_files_are_refused_with_their_line(who, dialogs, tmp_path):
    bad = tmp_path / "bad.gslesson"
    bad.write_text("gslesson 1\ntitle: x\nstep: a\ntext: t\nwait: jump\n", encoding="utf-8")
    dialogs.answer(QMessageBox.StandardButton.Ok)
    dialogs.open_paths.append(str(bad))
    assert not who.window.actions["open_lesson"].trigger() and who.driver.progress is None
    assert "bad.gslesson:5: unknown wait 'jump'" in dialogs.texts
    ghost = tmp_path / "ghost.gslesson"
    ghost.write_text("gslesson 1\ntitle: x\nstep: a\ntext: t\nhighlight: action fly\n",
                     encoding="utf-8")
    dialogs.answer(QMessageBox.StandardButton.Ok)
    assert not who.ui.start(str(ghost))
    assert "line 3: action 'fly'" in dialogs.texts


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_fifo_lesson_is_refused_with_a_dialog_without_freezing(who, dialogs, tmp_path):
    fifo = tmp_path / "pipe.gslesson"
    os.mkfifo(fifo)
    dialogs.answer(QMessageBox.StandardButton.Ok)
    dialogs.open_paths.append(str(fifo))
    assert not who.window.actions["open_lesson"].trigger() and who.driver.progress is None
    assert dialogs.seen[-1][0] == "Cannot open lesson"
    assert "pipe.gslesson: cannot read: a named pipe (FIFO), not a regular file" in dialogs.texts
