"""The main window driven as a person would: palette drops, menus, prompts, theme, settings."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from graphstudio.files.gsgraph import graph_to_json, save_graph
from graphstudio.graph.model import Graph
from graphstudio.ui.commands import AddNodeCommand, try_push
from graphstudio.ui.errors import ExceptionHandler
from graphstudio.ui.palette import MIME_NODETYPE
from graphstudio.ui.theme import DARK, LIGHT
from tests.support.window_fixtures import close_quietly

Button = QMessageBox.StandardButton



def drop(widget, pos: QPoint, mime: QMimeData) -> QDropEvent:
    """Deliver a real drag-enter then drop (Qt sends a drop only to the drag-enter's taker)."""
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(pos, Qt.DropAction.CopyAction, mime, buttons, mods)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    event = QDropEvent(QPointF(pos), Qt.DropAction.CopyAction, mime, buttons, mods)
    QApplication.sendEvent(widget, event)
    return event


def add_node(win, type_id="relu", pos=(0, 0)) -> str:
    cmd = AddNodeCommand(win.graph, type_id, pos=pos)
    assert try_push(win.undo_stack, cmd) is None
    return cmd.node_id


def test_window_has_menus_toolbar_docks_and_title(window):
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&View", "&Run", "&Help"]
    assert {"palette", "inspector", "history", "steps", "values", "training", "code"} <= set(
        window.docks)
    assert {"train", "check_gradients", "export_script"} <= set(window.actions)
    run_items = [a.text().replace("&", "") for a in window.menu("run").actions()]
    assert {"Forward", "Backward", "Step", "Step Back"} <= set(run_items)
    assert window.docks["palette"].isVisible() and window.docks["inspector"].isVisible()
    assert not window.docks["history"].isVisible()
    shortcuts = {k: [s.toString() for s in a.shortcuts()] for k, a in window.actions.items()}
    assert shortcuts["new"] == ["Ctrl+N"] and shortcuts["save_as"] == ["Ctrl+Shift+S"]
    assert {"Ctrl+Shift+Z", "Ctrl+Y"} <= set(shortcuts["redo"])
    assert shortcuts["undo"][0] == "Ctrl+Z"
    assert shortcuts["frame"] == ["F"] and shortcuts["auto_layout"] == ["L"]
    assert window.windowTitle() == "Untitled[*] — GraphStudio"
    assert not window.isWindowModified()
    add_node(window)
    assert window.isWindowModified()
    window.undo_stack.undo()
    assert not window.isWindowModified()


def test_registries_let_later_features_add_docks_and_menus(window):
    run = window.menu("run", "&Run")
    assert [a.text() for a in window.menuBar().actions()][-2:] == ["&Run", "&Help"]
    assert window.menu("run") is run
    hits = []
    act = window.add_action("step", "Step", lambda: hits.append(1), "F10", menu="run")
    act.trigger()
    assert hits == [1] and window.actions["step"] is act
    from PySide6.QtWidgets import QLabel

    dock = window.add_dock("steps", "Steps", QLabel("steps"))
    assert dock.objectName() == "dock_steps"
    assert window.actions["panel_steps"] in window._panels_menu.actions()


def test_palette_drop_creates_node_at_drop_point(window, qtbot):
    palette = window.palette
    item = palette.item_for("matmul")
    mime = palette.tree.mimeData([item])
    assert bytes(mime.data(MIME_NODETYPE)).decode() == "matmul"
    viewport = window.view.viewport()
    pos = QPoint(viewport.width() // 3, viewport.height() // 2)
    event = drop(viewport, pos, mime)
    assert event.isAccepted()
    (node,) = window.graph
    assert node.type == "matmul"
    expected = window.view.mapToScene(pos)
    assert node.pos == pytest.approx((expected.x(), expected.y()), abs=1.0)
    assert window.scene.selected_node_ids() == [node.id]
    assert window.inspector.node_id == node.id
    window.undo_stack.undo()
    assert len(window.graph) == 0


def test_palette_double_click_adds_at_view_centre(window, qtbot):
    item = window.palette.item_for("relu")
    window.palette.tree.itemActivated.emit(item, 0)
    window.palette.tree.itemActivated.emit(item, 0)
    first, second = window.graph
    centre = window.view.mapToScene(window.view.viewport().rect().center())
    assert abs(first.pos[0] + 80 - centre.x()) < 2 and abs(first.pos[1] + 40 - centre.y()) < 2
    assert second.pos == (first.pos[0] + 24, first.pos[1] + 24)  # never stacked exactly
    assert first.name != second.name


def test_every_menu_action_runs_without_error(window, qtbot, dialogs, tmp_path):
    handler = ExceptionHandler(None, dialog_factory=None).install()
    try:
        add_node(window, "parameter")
        window.scene.select_nodes(list(window.graph.nodes))
        skip = {"quit", "new", "open", "revert", "tutorial"}
        for key, action in list(window.actions.items()):
            if key in skip or not action.isEnabled():
                continue
            dialogs.answer(Button.Cancel)  # any prompt (Save As, ...) is cancelled
            action.trigger()
            dialogs.answers.clear()
            qtbot.wait(1)
        for box in QApplication.topLevelWidgets():
            if box.isVisible() and box is not window:
                box.close()
    finally:
        handler.uninstall()
    assert handler.reports == []


def test_unsaved_changes_prompt_each_answer(window, dialogs, tmp_path):
    add_node(window)
    before = graph_to_json(window.graph)

    dialogs.answer(Button.Cancel)
    assert not window.files.new()
    assert graph_to_json(window.graph) == before and window.isWindowModified()

    target = tmp_path / "kept.gsgraph"
    dialogs.answer(Button.Save)
    dialogs.save_paths.append(str(target))
    assert window.files.new()
    assert target.read_text() == before
    assert len(window.graph) == 0 and window.document.path is None

    add_node(window)
    dialogs.answer(Button.Discard)
    assert window.files.new()
    assert len(window.graph) == 0 and not window.isWindowModified()
    assert "save the changes" in dialogs.texts


def test_close_with_unsaved_changes_can_be_cancelled(window, dialogs):
    add_node(window)
    dialogs.answer(Button.Cancel)
    window.close()
    assert window.isVisible()
    dialogs.answer(Button.Discard)
    window.close()
    assert not window.isVisible()


def test_dropping_a_graph_file_opens_it(window, qtbot, tmp_path):
    g = Graph()
    g.add_node("relu", name="dropped")
    path = tmp_path / "dropped.gsgraph"
    save_graph(g, path)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = drop(window.view.viewport(), QPoint(20, 20), mime)
    assert event.isAccepted()
    qtbot.waitUntil(lambda: window.document.path == str(path))
    assert [n.name for n in window.graph] == ["dropped"]
    assert window.windowTitle().startswith("dropped.gsgraph")


def test_theme_switch_updates_everything_and_is_remembered(window, settings):
    window.set_theme("dark")
    assert window.scene.theme is DARK and window.theme is DARK
    assert window.actions["theme_dark"].isChecked()
    assert QApplication.instance().palette().window().color().lightness() < 100
    assert settings.theme == "dark"
    window.actions["theme_light"].trigger()
    assert window.scene.theme is LIGHT and settings.theme == "light"


def test_layout_and_geometry_are_remembered(make_window, settings):
    first = make_window()
    first.show()
    first.docks["inspector"].hide()
    first.docks["history"].show()
    first.resize(700, 500)
    close_quietly(first)
    assert settings.geometry() is not None and settings.window_state() is not None
    second = make_window()
    second.show()
    assert not second.docks["inspector"].isVisible()
    assert second.docks["history"].isVisible()
    assert (second.width(), second.height()) == (700, 500)
    second.reset_layout()
    assert second.docks["inspector"].isVisible() and not second.docks["history"].isVisible()
    close_quietly(second)


def test_start_up_opens_tutorial_first_then_last_file(make_window, tmp_path):
    win = make_window()
    win.files.start([])
    assert win.document.template_name == "tutorial_single_layer.gsgraph"
    assert "(example)" in win.windowTitle() and not win.isWindowModified()
    mine = tmp_path / "mine.gsgraph"
    g = Graph()
    g.add_node("sigmoid", name="mine")
    save_graph(g, mine)
    win.files.open_file(mine)
    close_quietly(win)

    again = make_window()
    again.files.start([])
    assert again.document.path == str(mine)
    close_quietly(again)
    os.remove(mine)
    third = make_window()
    third.files.start([])
    assert third.document.template_name == "tutorial_single_layer.gsgraph"
    close_quietly(third)


@pytest.mark.qt_no_exception_capture
def test_exception_in_a_slot_is_reported_and_the_app_survives(window, qtbot, tmp_path):
    shown = []
    log = tmp_path / "graphstudio.log"
    handler = ExceptionHandler(log, dialog_factory=lambda parent, report: shown.append(report))
    handler.install()
    try:
        def boom():
            raise RuntimeError("a slot failed on purpose")

        QTimer.singleShot(0, boom)
        qtbot.waitUntil(lambda: len(handler.reports) == 1)
        window.actions["zoom_in"].trigger()  # still working
        add_node(window)
    finally:
        handler.uninstall()
    assert shown and "a slot failed on purpose" in shown[0].message
    assert "Traceback" in shown[0].details and "boom" in shown[0].details
    assert "a slot failed on purpose" in log.read_text()
    assert window.isVisible() and len(window.graph) == 1


def test_default_error_dialog_is_non_modal(qtbot):
    from graphstudio.ui.errors import ErrorReport, default_dialog

    box = default_dialog(None, ErrorReport("ValueError: x", "Traceback ...", ValueError))
    assert box.isVisible() and not box.isModal()
    assert "ValueError: x" in box.text() and box.detailedText() == "Traceback ..."
    box.close()


def test_status_bar_counts_and_refusals(window, qtbot):
    a = add_node(window, "parameter")
    b = add_node(window, "relu", pos=(300, 0))
    window.graph.connect(a, "out", b, "input")
    qtbot.waitUntil(lambda: window.count_label.text() == "2 nodes · 1 wire")
    window.scene.statusMessage.emit("input 'input' of relu is already connected")
    assert "already connected" in window.statusBar().currentMessage()
    window.zoom_reset()
    assert window.zoom_label.text() == "100%"
    window.zoom_by(1.25)
    assert window.zoom_label.text() == "125%"


def test_canvas_shortcuts_do_not_fire_while_typing_in_the_inspector(window, qtbot):
    nid = add_node(window, "parameter")
    window.scene.select_nodes([nid])
    edit = window.inspector.name_edit
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClick(edit, Qt.Key.Key_F)
    assert nid in window.graph
    assert window.undo_stack.count() == 1  # only the add: neither key reached the canvas


def test_build_window_shows_and_opens_the_given_file(qtbot, settings, tmp_path):
    from graphstudio.ui.app import build_window

    g = Graph()
    g.add_node("exp", name="given")
    path = tmp_path / "given.gsgraph"
    save_graph(g, path)
    reports = []
    app, win, handler = build_window([str(path)], settings=settings, data_dir=tmp_path,
                                     dialog_factory=lambda parent, r: reports.append(r))
    try:
        assert win.isVisible() and not win.windowIcon().isNull()
        assert app.applicationName() == "GraphStudio"
        qtbot.waitUntil(lambda: win.document.path == str(path))
        assert settings.has_run_before and reports == []
    finally:
        handler.uninstall()
        close_quietly(win)
        win.deleteLater()


def test_down_key_only_leaves_the_palette_filter(window, qtbot):
    """Down in the palette's filter box moves to the list; elsewhere it is not taken."""
    palette = window.docks["palette"].widget()
    window.docks["palette"].show()
    window.docks["palette"].raise_()
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Down)
    assert not palette.tree.hasFocus()
    palette.filter.setFocus()
    qtbot.waitUntil(palette.filter.hasFocus)
    qtbot.keyClick(palette.filter, Qt.Key.Key_Down)
    qtbot.waitUntil(palette.tree.hasFocus)
