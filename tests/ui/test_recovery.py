"""Crash safety: unsaved work is autosaved, removed when safe, and offered back after a crash."""

from __future__ import annotations

import json
import time

from PySide6.QtWidgets import QMessageBox

from graphstudio.files.gsgraph import graph_to_json, load_graph, save_graph
from graphstudio.graph.model import Graph
from graphstudio.paths import examples_dir
from graphstudio.ui.commands import AddNodeCommand, try_push
from graphstudio.ui.document import find_recovery

Button = QMessageBox.StandardButton



def add(win, type_id="relu"):
    assert try_push(win.undo_stack, AddNodeCommand(win.graph, type_id)) is None


def test_edits_are_autosaved_after_they_settle_and_removed_on_save(make_window, qtbot,
                                                                    tmp_path, dialogs):
    win = make_window()
    win.autosaver._settle.setInterval(10)
    add(win)
    qtbot.waitUntil(lambda: (tmp_path / "data" / "recovery.gsgraph").exists(), timeout=2000)
    rec = tmp_path / "data" / "recovery.gsgraph"
    assert graph_to_json(load_graph(rec)) == graph_to_json(win.graph)
    side = json.loads((tmp_path / "data" / "recovery.json").read_text())
    assert side["original_path"] is None and abs(side["saved_at"] - time.time()) < 60
    assert find_recovery(tmp_path / "data") is None  # owned by this live window

    dialogs.save_paths.append(str(tmp_path / "saved.gsgraph"))
    assert win.files.save()
    assert not rec.exists()


def test_periodic_autosave_and_clean_exit_removes_the_file(make_window, qtbot, tmp_path):
    win = make_window(autosave_interval_ms=20)
    win.autosaver._settle.setInterval(60_000)
    add(win)
    rec = tmp_path / "data" / "recovery.gsgraph"
    qtbot.waitUntil(rec.exists, timeout=2000)
    win.undo_stack.setClean()
    assert not rec.exists()  # clean again: nothing to recover
    add(win)
    assert win.autosaver.save_now()
    assert not win.autosaver.save_now()  # nothing new since
    win.undo_stack.setClean()
    win.close()
    assert not rec.exists() and not (tmp_path / "data" / "recovery.json").exists()


def leave_recovery(folder, original: str | None) -> Graph:
    """What a crashed session leaves: a recovery graph and its sidecar, no live lock."""
    folder.mkdir(parents=True, exist_ok=True)
    g = Graph()
    g.add_node("parameter", name="unsaved_w", pos=(10, 20))
    g.add_node("tanh", name="act", pos=(200, 20))
    g.connect("n1", "out", "n2", "input")
    save_graph(g, folder / "recovery.gsgraph")
    (folder / "recovery.json").write_text(json.dumps(
        {"original_path": original, "saved_at": 1_700_000_000, "pid": 999_999}))
    return g


def test_leftover_recovery_is_offered_and_restored(make_window, dialogs, tmp_path):
    original = tmp_path / "work.gsgraph"
    save_graph(Graph(), original)
    lost = leave_recovery(tmp_path / "data", str(original))
    info = find_recovery(tmp_path / "data")
    assert info is not None and info.original_path == str(original)
    assert "work.gsgraph" in info.describe()

    win = make_window()
    dialogs.answer(Button.Yes)
    win.files.start([str(examples_dir() / "mlp_classifier.gsgraph")])
    assert "did not shut down normally" in dialogs.seen[0][1]
    assert graph_to_json(win.graph) == graph_to_json(lost)
    assert win.document.path == str(original)
    assert win.isWindowModified()  # restored work is unsaved until saved
    assert find_recovery(tmp_path / "data") is None  # now this window's own autosave
    assert (tmp_path / "data" / "recovery.gsgraph").exists()


def test_declined_recovery_is_deleted_and_start_up_continues(make_window, dialogs, tmp_path):
    leave_recovery(tmp_path / "data", None)
    win = make_window()
    dialogs.answer(Button.Discard)
    win.files.start([])
    assert win.document.template_name == "tutorial_single_layer.gsgraph"
    assert not (tmp_path / "data" / "recovery.gsgraph").exists()
    assert find_recovery(tmp_path / "data") is None


def test_unreadable_recovery_file_is_reported_not_fatal(make_window, dialogs, tmp_path):
    folder = tmp_path / "data"
    leave_recovery(folder, None)
    (folder / "recovery.gsgraph").write_text("{ not json")
    win = make_window()
    dialogs.answer(Button.Yes, Button.Ok)
    win.files.start([])
    assert dialogs.seen[1][0] == "Cannot recover"
    assert win.document.template_name == "tutorial_single_layer.gsgraph"


def test_a_big_document_is_autosaved_without_freezing_the_window(make_window, tmp_path,
                                                                  monkeypatch):
    """A 1000x1000 parameter took 3.5 s to format on every autosave, on the GUI thread: the
    window froze 1.5 s after each edit. Big documents are now written on a thread."""
    import threading

    import numpy as np

    import graphstudio.files.gsgraph as files
    from graphstudio.graph.model import TensorSpec
    from graphstudio.ui import document

    release, original = threading.Event(), files.save_graph

    def slow_save(graph, path):
        release.wait(30)  # stands in for seconds of number formatting (released below)
        original(graph, path)

    monkeypatch.setattr(files, "save_graph", slow_save)
    monkeypatch.setattr(document, "BACKGROUND_ELEMENTS", 100, raising=False)
    win = make_window()
    win.autosaver._settle.setInterval(60_000)
    nid = win.graph.add_node("parameter", "w", tensor=TensorSpec.from_array(
        np.arange(200, dtype=np.float32).reshape(20, 10))).id
    win.undo_stack.resetClean()  # unsaved work
    saved = []
    win.autosaver.autosaved.connect(saved.append)
    rec = tmp_path / "data" / "recovery.gsgraph"
    assert win.autosaver.save_now()
    # save_now came back while the writer is still blocked (no wall-clock limit: a loaded CI
    # machine is slow, but a writer on the GUI thread could not be alive and unfinished here)
    assert win.autosaver._worker.is_alive() and not rec.exists()
    assert not win.autosaver.save_now()  # one write at a time
    win.graph.set_tensor(nid, TensorSpec.from_array(np.zeros((20, 10), np.float32)))
    release.set()
    win.autosaver.wait()
    assert saved == [str(rec)]
    assert load_graph(rec).node(nid).tensor.values[1, 0] == 10  # the state when it started
    win.undo_stack.setClean()
    win.close()
    assert not rec.exists()
