"""The run display stays truthful when the scene rebuilds items (undo of a delete)."""

from __future__ import annotations

from graphstudio.ui.commands import RemoveNodesCommand, try_push


def test_undoing_a_delete_after_a_run_shows_the_recreated_card_again(run_window, qtbot):
    """The display remembered what it had put on each card and skipped unchanged ones; undo of a
    delete builds a new, blank card (and new wires), which then stayed blank."""
    r = run_window()
    r.click("run_to_end")
    before = r.text("xw")
    assert "xw = " in before and r.wire("w", "xw").label_text()
    xw = r.id("xw")
    assert try_push(r.window.undo_stack, RemoveNodesCommand(r.graph, [xw])) is None
    r.window.undo_stack.undo()
    qtbot.waitUntil(lambda: r.card("xw").run_state is not None, timeout=2000)
    assert r.card("xw").run_state.stale is r.card("x").run_state.stale
    assert "xw = " in r.text("xw")
    qtbot.waitUntil(lambda: bool(r.wire("w", "xw").label_text()), timeout=2000)
    assert r.c.display.node_state(xw) is r.card("xw").run_state


def test_closing_the_window_stops_play_and_the_run_ui_stops_following(run_window, qtbot):
    """Nothing called the run controller's close(): Play kept stepping on a hidden window."""
    r = run_window()
    r.c.play_interval = 50
    assert r.c.play() is not False
    assert r.c.playing
    r.window.undo_stack.setClean()
    assert r.window.close()
    assert not r.c.playing and not r.c._play.isActive()
    k = r.c.k
    qtbot.wait(150)
    assert r.c.k == k
    listeners = r.graph._listeners
    assert r.c._on_event not in listeners
    assert r.c.ui.actions._on_event not in listeners


def test_close_hooks_run_once_newest_first_and_a_failing_one_does_not_stop_the_rest(
        make_window):
    win = make_window()
    ran = []

    def bad():
        ran.append("bad")
        raise RuntimeError("boom")

    win.on_close(lambda: ran.append("first"))
    win.on_close(bad)
    win.on_close(lambda: ran.append("last"))
    win.undo_stack.setClean()
    assert win.close()
    win.close()
    assert ran == ["last", "bad", "first"]


def test_a_failed_automatic_rerun_marks_the_shown_results_stale(run_window, monkeypatch,
                                                                 qtbot):
    """Freezing w re-runs at once; when that re-run failed the old results stayed on the
    cards as if they were the frozen graph's."""
    from graphstudio.ui.commands import SetAttrCommand

    r = run_window()
    r.click("run_to_end")
    assert r.c.valid and not r.card("b").run_state.stale

    def broken(*_args, **_kwargs):
        raise RuntimeError("out of memory")

    monkeypatch.setattr(r.c.runner, "run", broken)
    assert try_push(r.window.undo_stack,
                    SetAttrCommand(r.graph, r.id("w"), "requires_grad", False)) is None
    qtbot.waitUntil(lambda: r.c.stale, timeout=2000)
    assert "out of memory" in r.c.stale_reason and "w frozen" in r.c.stale_reason
    assert r.card("b").run_state.stale
    assert "out of memory" in r.window.statusBar().currentMessage()
