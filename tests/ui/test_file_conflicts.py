"""Two windows on one file never silently overwrite each other; only regular files open. Other
writers the stamp alone misses are noticed too: a rewrite that keeps size and modification time,
a file deleted or moved away while open, and a file that comes back."""

from __future__ import annotations

import os
import shutil

import pytest
from PySide6.QtWidgets import QMessageBox

from graphstudio.files.gsgraph import graph_to_json, load_graph, save_graph
from graphstudio.paths import examples_dir
from graphstudio.ui.commands import RemoveNodesCommand, SetAttrCommand, try_push

Button = QMessageBox.StandardButton
TUTORIAL = examples_dir() / "tutorial_single_layer.gsgraph"



@pytest.fixture
def shared(tmp_path):
    path = tmp_path / "t.gsgraph"
    shutil.copy(TUTORIAL, path)
    return path


def delete_node(win, name):
    nid = win.graph.node_by_name(name).id
    assert try_push(win.undo_stack, RemoveNodesCommand(win.graph, [nid])) is None


def freeze(win, name):
    nid = win.graph.node_by_name(name).id
    assert try_push(win.undo_stack,
                    SetAttrCommand(win.graph, nid, "requires_grad", False)) is None


def test_saving_over_another_windows_save_asks_first(make_window, dialogs, shared):
    a, b = make_window(), make_window()
    assert a.files.open_file(shared)
    dialogs.answer(Button.Ignore)  # "already open in another window": open anyway
    assert b.files.open_file(shared)
    assert "already open in another GraphStudio window" in dialogs.seen[-1][1]
    delete_node(b, "b")
    assert b.files.save()
    saved_by_b = shared.read_text(encoding="utf-8")
    freeze(a, "w")

    # A saves: asked; Compare says what differs, then Cancel writes nothing
    dialogs.answer(Button.Help, Button.Ok, Button.Cancel)
    assert not a.files.save()
    titles = [s[0] for s in dialogs.seen[-3:]]
    assert titles == ["File changed on disk", "Compare with disk", "File changed on disk"]
    assert "Only in this window: b" in dialogs.seen[-2][2]
    assert "Changed: w" in dialogs.seen[-2][2]
    assert shared.read_text(encoding="utf-8") == saved_by_b and a.isWindowModified()

    # Overwrite is a choice, never a default
    dialogs.answer(Button.Save)
    assert a.files.save()
    assert graph_to_json(load_graph(shared)) == graph_to_json(a.graph)
    assert not a.isWindowModified()
    freeze(a, "b")
    assert a.files.save()  # no other writer since: no question
    assert len(dialogs.seen) == 5


def test_reload_and_save_as_answers(make_window, dialogs, shared, tmp_path):
    a = make_window()
    assert a.files.open_file(shared)
    other = load_graph(shared)
    other.remove_node(other.node_by_name("b").id)
    save_graph(other, shared)  # another program writes the file
    freeze(a, "w")
    dialogs.answer(Button.Reset)  # Reload: the file's graph, this window's change dropped
    assert not a.files.save()
    assert a.graph.node_by_name("b") is None and not a.isWindowModified()

    freeze(a, "w")
    save_graph(other, shared)
    dialogs.answer(Button.SaveAll)
    dialogs.save_paths.append(str(tmp_path / "mine.gsgraph"))
    assert not a.files.save()  # not written over the changed file...
    assert a.document.path == str(tmp_path / "mine.gsgraph")  # ...but under a new name
    assert load_graph(shared).node_by_name("w").attrs["requires_grad"]


def test_second_window_can_open_read_only(make_window, dialogs, shared, tmp_path):
    a, b = make_window(), make_window()
    assert a.files.open_file(shared)
    dialogs.answer(Button.Open)  # Open Read-Only
    assert b.files.open_file(shared)
    assert b.document.read_only and "(read-only)" in b.windowTitle()
    freeze(b, "w")
    copy = tmp_path / "copy.gsgraph"
    dialogs.save_paths.append(str(copy))
    assert b.files.save()  # Save goes to Save As
    assert b.document.path == str(copy) and not b.document.read_only
    assert load_graph(shared).node_by_name("w").attrs["requires_grad"]
    a.close()  # the lock goes with the window: the next window opens it normally
    c = make_window()
    assert c.files.open_file(shared) and not c.document.read_only


def test_unmodified_window_offers_reload_when_the_file_changes(window, dialogs, shared,
                                                                qtbot):
    assert window.files.open_file(shared)
    dialogs.answer(Button.Yes)  # Reload
    other = load_graph(shared)
    other.remove_node(other.node_by_name("b").id)
    save_graph(other, shared)
    qtbot.waitUntil(lambda: window.graph.node_by_name("b") is None, timeout=5000)
    assert dialogs.seen[-1][0] == "File changed on disk"
    assert graph_to_json(window.graph) == graph_to_json(load_graph(shared))
    freeze(window, "w")
    assert window.files.save()  # the window's own save is no other writer: nothing asked
    qtbot.wait(500)
    assert len(dialogs.seen) == 1


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_fifo_is_refused_with_a_dialog(window, dialogs, tmp_path):
    fifo = tmp_path / "pipe.gsgraph"
    os.mkfifo(fifo)
    dialogs.answer(Button.Ok)
    assert not window.files.open_file(fifo)
    title, text, _ = dialogs.seen[-1]
    assert title == "Cannot open graph" and "pipe.gsgraph could not be opened" in text
    assert "named pipe (FIFO), not a regular file" in text


@pytest.fixture
def buttons(monkeypatch, dialogs):
    """The buttons of every dialog shown, in order (answers still come from ``dialogs``)."""
    shown: list[set[Button]] = []

    def exec_box(box):
        shown.append({b for b in Button if b != Button.NoButton and box.standardButtons() & b})
        return dialogs.exec_box(box)

    monkeypatch.setattr(QMessageBox, "exec", exec_box)
    return shown


def rewrite_keeping_size_and_time(path):
    """Another program renames node b to q in place and sets the old modification time back."""
    before = os.stat(path)
    data = path.read_bytes().replace(b'"name": "b"', b'"name": "q"')
    with open(path, "r+b") as f:
        f.write(data)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = os.stat(path)
    assert (after.st_size, after.st_mtime_ns, after.st_ino) == \
        (before.st_size, before.st_mtime_ns, before.st_ino)
    return data


def test_rewrite_with_same_size_and_time_is_noticed_before_saving(window, dialogs, shared):
    assert window.files.open_file(shared)
    freeze(window, "w")
    theirs = rewrite_keeping_size_and_time(shared)
    dialogs.answer(Button.Help, Button.Ok, Button.Cancel)  # Compare, then Cancel
    assert not window.files.save()
    assert [s[0] for s in dialogs.seen] == ["File changed on disk", "Compare with disk",
                                            "File changed on disk"]
    assert dialogs.seen[1][2] == "Changed: b, w"  # b renamed there, w frozen here
    assert shared.read_bytes() == theirs and window.isWindowModified()


def test_touched_file_still_asks(window, dialogs, shared):
    assert window.files.open_file(shared)
    freeze(window, "w")
    os.utime(shared, ns=(1, 1))  # a new stamp is a change, whatever the bytes
    dialogs.answer(Button.Cancel)
    assert not window.files.save()
    assert dialogs.seen[-1][0] == "File changed on disk"


def test_after_its_own_save_the_window_still_notices_a_same_size_rewrite(window, dialogs, shared):
    assert window.files.open_file(shared)
    freeze(window, "w")
    assert window.files.save()
    freeze(window, "b")
    rewrite_keeping_size_and_time(shared)
    dialogs.answer(Button.Cancel)
    assert not window.files.save()
    assert dialogs.seen[-1][0] == "File changed on disk"


@pytest.mark.parametrize("how", ["deleted", "moved"])
def test_saving_a_file_gone_from_disk_offers_save_again(window, dialogs, buttons, shared,
                                                        tmp_path, how):
    assert window.files.open_file(shared)
    freeze(window, "w")
    if how == "deleted":
        shared.unlink()
    else:
        shared.rename(tmp_path / "elsewhere.gsgraph")
    dialogs.answer(Button.Cancel)
    assert not window.files.save()
    title, text, _ = dialogs.seen[-1]
    assert title == "File deleted on disk" and "was deleted or moved on disk" in text
    assert buttons[-1] == {Button.Save, Button.SaveAll, Button.Cancel}  # no Reload, no Compare
    assert not shared.exists() and window.isWindowModified()

    dialogs.answer(Button.Save)  # write it again where it was
    assert window.files.save()
    assert graph_to_json(load_graph(shared)) == graph_to_json(window.graph)
    assert not window.isWindowModified() and "deleted" not in window.windowTitle()
    assert window.document.guard.watching()


def test_save_as_answer_for_a_deleted_file(window, dialogs, shared, tmp_path):
    assert window.files.open_file(shared)
    freeze(window, "w")
    shared.unlink()
    dialogs.answer(Button.SaveAll)
    dialogs.save_paths.append(str(tmp_path / "new.gsgraph"))
    assert not window.files.save()
    assert window.document.path == str(tmp_path / "new.gsgraph") and not shared.exists()


def test_unmodified_window_says_deleted_and_reattaches_when_it_returns(window, dialogs, shared,
                                                                       tmp_path, qtbot):
    assert window.files.open_file(shared)
    away = tmp_path / "away.gsgraph"
    shared.rename(away)
    status = window.statusBar()
    qtbot.waitUntil(lambda: "deleted or moved on disk" in status.currentMessage(), timeout=600)
    assert "(deleted on disk)" in window.windowTitle() and dialogs.seen == []
    assert not window.document.guard.watching()

    away.rename(shared)  # moved back, unchanged: nothing to reload
    qtbot.waitUntil(lambda: "(deleted on disk)" not in window.windowTitle(), timeout=3000)
    assert "t.gsgraph is back on disk" in status.currentMessage()
    assert window.document.guard.watching() and dialogs.seen == []

    dialogs.answer(Button.Yes)  # the watch is back: a real change offers to reload
    other = load_graph(shared)
    other.remove_node(other.node_by_name("b").id)
    save_graph(other, shared)
    qtbot.waitUntil(lambda: window.graph.node_by_name("b") is None, timeout=3000)
    assert dialogs.seen[-1][0] == "File changed on disk"


def test_modified_window_notices_deletion_in_the_title(window, dialogs, shared, qtbot):
    assert window.files.open_file(shared)
    freeze(window, "w")
    os.remove(shared)
    qtbot.waitUntil(lambda: "(deleted on disk)" in window.windowTitle(), timeout=600)
    assert "deleted or moved on disk" in window.statusBar().currentMessage()
    assert dialogs.seen == []


def test_folder_removed_with_the_file(window, dialogs, tmp_path, qtbot):
    folder = tmp_path / "lesson"
    folder.mkdir()
    path = folder / "t.gsgraph"
    shutil.copy(TUTORIAL, path)
    assert window.files.open_file(path)
    freeze(window, "w")
    shutil.rmtree(folder)
    qtbot.waitUntil(lambda: "(deleted on disk)" in window.windowTitle(), timeout=600)
    dialogs.answer(Button.Save, Button.Ok)  # write it again: the folder is gone, so it cannot
    assert not window.files.save()
    assert [s[0] for s in dialogs.seen] == ["File deleted on disk", "Cannot save graph"]
    assert window.isWindowModified() and not path.exists()
