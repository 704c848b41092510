"""Autosave when things go wrong: an unusable data folder, a discard while a write runs."""

from __future__ import annotations

from graphstudio.ui.commands import AddNodeCommand, try_push


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


def big_document_with_a_slow_writer(make_window, monkeypatch):
    """A window whose autosave goes to the background thread and blocks until released."""
    import threading

    import numpy as np

    import graphstudio.files.gsgraph as files
    from graphstudio.graph.model import TensorSpec
    from graphstudio.ui import document

    release, original = threading.Event(), files.save_graph

    def slow_save(graph, path):
        release.wait(5)  # stands in for seconds of number formatting
        original(graph, path)

    monkeypatch.setattr(files, "save_graph", slow_save)
    monkeypatch.setattr(document, "BACKGROUND_ELEMENTS", 100)
    win = make_window()
    win.autosaver._settle.setInterval(60_000)
    win.graph.add_node("parameter", "w", tensor=TensorSpec.from_array(
        np.zeros((20, 10), np.float32)))
    win.undo_stack.resetClean()  # unsaved work
    return win, release


def test_becoming_clean_during_a_background_write_does_not_wait_for_it(make_window, qtbot,
                                                                       tmp_path, monkeypatch):
    """Undoing back to the saved state joined the autosave writer: the window froze for the
    whole write of a big document. The files are now removed when the write finishes."""
    win, release = big_document_with_a_slow_writer(make_window, monkeypatch)
    saved = []
    win.autosaver.autosaved.connect(saved.append)
    assert win.autosaver.save_now()
    worker = win.autosaver._worker
    win.undo_stack.setClean()  # -> discard()
    assert worker.is_alive()  # discard returned without joining the writer
    release.set()
    rec, side = tmp_path / "data" / "recovery.gsgraph", tmp_path / "data" / "recovery.json"
    qtbot.waitUntil(lambda: not worker.is_alive(), timeout=5000)
    qtbot.waitUntil(lambda: not rec.exists() and not side.exists(), timeout=5000)
    assert saved == []  # a copy of a document that is clean again is no recovery copy


def test_shutdown_during_a_background_write_waits_and_removes_it(make_window, tmp_path,
                                                                 monkeypatch):
    win, release = big_document_with_a_slow_writer(make_window, monkeypatch)
    assert win.autosaver.save_now()
    release.set()
    win.autosaver.shutdown()
    assert not list((tmp_path / "data").glob("recovery*.gs*"))
    assert not list((tmp_path / "data").glob("recovery*.json"))


def test_the_recovery_sidecar_is_written_with_the_atomic_fsyncing_writer(make_window,
                                                                         monkeypatch, tmp_path):
    import graphstudio.files.gsgraph as files

    written, original = [], files.write_text_atomic

    def spy(path, text):
        written.append(str(path))
        original(path, text)

    monkeypatch.setattr(files, "write_text_atomic", spy)
    win = make_window()
    add(win)
    assert win.autosaver.save_now()
    assert str(tmp_path / "data" / "recovery.json") in written


def test_a_big_document_is_autosaved_from_its_kept_copy_while_editing_goes_on(
        make_window, tmp_path, monkeypatch):
    """Autosave copied every node of the document on the window's thread before each
    background write; it now takes the immutable copy kept edit by edit, and edits made
    while the writer runs do not reach the file being written."""
    from graphstudio.files.gsgraph import graph_to_json, load_graph
    from graphstudio.graph.model import Graph

    win, release = big_document_with_a_slow_writer(make_window, monkeypatch)
    monkeypatch.setattr(Graph, "copy", lambda self: (_ for _ in ()).throw(AssertionError))
    expected = graph_to_json(win.graph)
    assert win.autosaver.save_now()
    worker = win.autosaver._worker
    nid = next(iter(win.graph.nodes))
    win.graph.move_node(nid, (999.0, 999.0))  # editing goes on during the write
    win.graph.rename_node(nid, "renamed_meanwhile")
    release.set()
    worker.join(5)
    assert graph_to_json(load_graph(tmp_path / "data" / "recovery.gsgraph")) == expected
