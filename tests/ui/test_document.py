"""Files through the window: save/open round trip, bad files, save errors, revert, recent files."""

from __future__ import annotations

import os

import pytest
from PySide6.QtWidgets import QMessageBox

from graphstudio.files.gsgraph import GraphFileError, graph_to_json, load_graph
from graphstudio.paths import examples_dir
from graphstudio.ui.commands import SetAttrCommand, try_push
from graphstudio.ui.settings import MAX_RECENT

Button = QMessageBox.StandardButton
TUTORIAL = examples_dir() / "tutorial_single_layer.gsgraph"
MLP = examples_dir() / "mlp_classifier.gsgraph"



def edit(win):
    """One undoable change to the tutorial: freeze w."""
    w = win.graph.node_by_name("w")
    assert try_push(win.undo_stack, SetAttrCommand(win.graph, w.id, "requires_grad", False)) \
        is None


def test_save_then_open_gives_identical_model(window, dialogs, tmp_path):
    assert window.files.open_file(MLP)
    edit_target = next(n for n in window.graph if n.type == "parameter")
    try_push(window.undo_stack, SetAttrCommand(window.graph, edit_target.id, "requires_grad",
                                                False))
    before = graph_to_json(window.graph)
    path = tmp_path / "mlp copy.gsgraph"
    dialogs.save_paths.append(str(path)[: -len(".gsgraph")])  # the extension is added
    assert window.actions["save"].isEnabled()
    window.actions["save"].trigger()  # an example has no file yet: Save asks where
    assert window.document.path == str(path) and not window.isWindowModified()
    assert path.read_text(encoding="utf-8") == before
    assert window.windowTitle().startswith("mlp copy.gsgraph")

    window.files.new()
    dialogs.open_paths.append(str(path))
    window.actions["open"].trigger()
    assert graph_to_json(window.graph) == before
    assert graph_to_json(load_graph(path)) == before
    assert window.settings.recent_files()[0] == str(path)


def test_malformed_file_shows_the_error_and_leaves_document_untouched(window, dialogs,
                                                                       tmp_path):
    window.files.open_file(TUTORIAL)
    edit(window)
    before, path_before = graph_to_json(window.graph), window.document.path
    bad = tmp_path / "bad.gsgraph"
    bad.write_text('{"format": "graphstudio-graph", "version": 1, "nodes": [{"id": "n1", '
                   '"type": "no_such_op", "name": "x", "pos": [0, 0]}], "edges": []}')
    with pytest.raises(GraphFileError) as info:
        load_graph(bad)
    dialogs.answer(Button.Discard, Button.Ok)  # discard changes? then the error box
    assert not window.files.open_file(bad)
    title, text, _ = dialogs.seen[-1]
    assert title == "Cannot open graph" and str(info.value) in text
    assert graph_to_json(window.graph) == before and window.document.path == path_before
    assert window.isWindowModified()  # still the same unsaved document


def test_opening_python_code_points_to_new_from_code(window, dialogs, tmp_path):
    code = tmp_path / "model.py"
    code.write_text("import torch\nx = torch.ones(5)\n")
    dialogs.answer(Button.Ok)
    assert not window.files.open_file(code, ask=False)
    title, text, _ = dialogs.seen[-1]
    assert "not valid JSON" in text and "New From Code" in text
    notes = tmp_path / "notes.gsgraph"
    notes.write_text("hello")
    dialogs.answer(Button.Ok)
    assert not window.files.open_file(notes, ask=False)
    assert "New From Code" not in dialogs.seen[-1][1]


def test_missing_recent_file_is_reported_and_forgotten(window, dialogs, tmp_path):
    gone = tmp_path / "gone.gsgraph"
    window.settings.add_recent(gone)
    dialogs.answer(Button.Ok)
    assert not window.files.open_file(gone)
    assert "gone.gsgraph could not be opened" in dialogs.texts
    assert str(gone) not in window.settings.recent_files()


def test_save_error_is_reported_and_changes_are_kept(window, dialogs, tmp_path):
    window.files.open_file(TUTORIAL)
    edit(window)
    folder = tmp_path / "a folder.gsgraph"
    folder.mkdir()
    dialogs.save_paths.append(str(folder))
    dialogs.answer(Button.Ok)
    assert not window.files.save()
    title, text, _ = dialogs.seen[-1]
    assert title == "Cannot save graph" and "is unchanged" in text
    assert window.isWindowModified() and window.document.path is None


def test_revert_asks_and_goes_back_to_the_saved_file(window, dialogs, tmp_path):
    path = tmp_path / "t.gsgraph"
    window.files.open_file(TUTORIAL)
    dialogs.save_paths.append(str(path))
    assert window.files.save()
    saved = graph_to_json(window.graph)
    edit(window)
    dialogs.answer(Button.Cancel)
    assert not window.files.revert()
    assert graph_to_json(window.graph) != saved
    dialogs.answer(Button.Discard)
    window.files._update_enabled()  # as when the File menu opens
    assert window.actions["revert"].isEnabled()
    window.actions["revert"].trigger()
    assert graph_to_json(window.graph) == saved and not window.isWindowModified()
    assert window.undo_stack.count() == 0


def test_examples_open_as_untitled_copies(window, dialogs):
    window.files._fill_examples()
    titles = [a.text() for a in window.files.examples_menu.actions()]
    assert titles[0] == "Tutorial: a single-layer network"
    assert len(titles) == len(list(examples_dir().glob("*.gsgraph")))
    window.files.examples_menu.actions()[0].trigger()
    assert window.document.path is None
    assert window.document.template_name == "tutorial_single_layer.gsgraph"
    assert TUTORIAL.name not in window.settings.recent_files()


def test_recent_files_most_recent_first_capped_and_clearable(window, dialogs, tmp_path):
    from graphstudio.files.gsgraph import save_graph

    paths = []
    for i in range(MAX_RECENT + 2):
        p = tmp_path / f"g{i}.gsgraph"
        save_graph(window.graph, p)
        assert window.files.open_file(p)
        paths.append(str(p))
    window.files.open_file(paths[3])
    recent = window.settings.recent_files()
    assert recent[0] == paths[3] and len(recent) == MAX_RECENT
    assert recent[1] == paths[-1]
    window.files._fill_recent()
    labels = [a.text() for a in window.files.recent_menu.actions() if a.text()]
    assert labels[0] == "&1 g3.gsgraph" and labels[-1] == "&Clear Recent Files"
    window.files.recent_menu.actions()[1].trigger()
    assert window.document.path == paths[-1]
    window.files.clear_recent()
    assert window.settings.recent_files() == []
    assert os.path.basename(window.settings.last_file) == os.path.basename(paths[-1])


def test_saving_shows_a_busy_cursor_and_a_failure_restores_it(window, dialogs, tmp_path,
                                                             monkeypatch):
    """Saving a document with a 1000x1000 tensor takes seconds: the cursor says so."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    shapes = []
    real_save = window.document.save

    def save(path=None):
        cursor = QApplication.overrideCursor()
        shapes.append(cursor.shape() if cursor is not None else None)
        return real_save(path)

    monkeypatch.setattr(window.document, "save", save)
    dialogs.save_paths.append(str(tmp_path / "a.gsgraph"))
    assert window.files.save_as()
    assert shapes == [Qt.CursorShape.WaitCursor] and QApplication.overrideCursor() is None
    dialogs.save_paths.append(str(tmp_path / "missing-folder" / "b.gsgraph"))
    dialogs.answer(Button.Ok)
    assert not window.files.save_as()
    assert "could not be written" in dialogs.seen[-1][1]
    assert QApplication.overrideCursor() is None
