"""One guard for every slot: an exception in any action is reported, and the app goes on."""

from __future__ import annotations

import logging

from graphstudio.ui.slots import guarded


def test_an_action_whose_slot_raises_is_reported_and_the_window_goes_on(window, caplog):
    """MainWindow.add_action connected slots as they were: an exception in one went to the
    global hook (an error dialog, or with no hook installed the end of the app)."""
    def explode():
        raise RuntimeError("boom")

    act = window.add_action("boom", "Boom", explode, menu="edit")
    with caplog.at_level(logging.ERROR):
        act.trigger()
    assert "That did not work: boom" in window.statusBar().currentMessage()
    assert any("boom" in (r.exc_text or "") or r.exc_info for r in caplog.records)
    window.actions["select_all"].trigger()  # the window still works
    assert window.isVisible()


def test_guarded_passes_signal_arguments_only_when_asked_and_always_runs_after():
    seen, reports, after = [], [], []
    guarded(lambda *a: seen.append(a), reports.append, after=lambda: after.append(1))(1, 2)
    guarded(lambda *a: seen.append(a), reports.append, pass_args=True)(3)

    def bad():
        raise ValueError("no")

    assert guarded(bad, reports.append, after=lambda: after.append(2))() is None
    assert seen == [(), (3,)] and reports == ["That did not work: no"] and after == [1, 2]
