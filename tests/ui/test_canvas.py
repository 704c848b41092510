"""The canvas driven like a person would: real mouse and key events on the view's viewport."""

from __future__ import annotations

import types

import pytest
from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QCursor, QDragEnterEvent, QDropEvent, QMouseEvent, QUndoStack
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from graphstudio.graph.model import Edge, Graph
from graphstudio.ui.canvas import GraphScene, GraphView
from graphstudio.ui.canvas.clipboard import MIME_NODETYPE
from graphstudio.ui.canvas.interactions import TitleEditor
from graphstudio.ui.theme import LIGHT
from tests.ui.test_undo import snapshot


def canonical(g: Graph):
    return snapshot(g)


@pytest.fixture
def canvas(qtbot):
    """x, w -> mm(matmul) -> r(relu); a free relu r2; a view showing them at zoom 1."""
    g = Graph()
    x = g.add_node("input", "x", pos=(0, 0))
    w = g.add_node("parameter", "w", pos=(0, 160))
    mm = g.add_node("matmul", "mm", pos=(260, 40))
    r = g.add_node("relu", "r", pos=(520, 40))
    r2 = g.add_node("relu", "r2", pos=(520, 220))
    g.connect(x.id, "out", mm.id, "input")
    g.connect(w.id, "out", mm.id, "other")
    g.connect(mm.id, "out", r.id, "input")
    stack = QUndoStack()
    scene = GraphScene(g, stack, LIGHT)
    view = GraphView(scene)
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    qtbot.waitExposed(view)
    view.centerOn(350, 200)
    messages = []
    scene.statusMessage.connect(messages.append)
    ns = types.SimpleNamespace(graph=g, stack=stack, scene=scene, view=view, messages=messages,
                               x=x.id, w=w.id, mm=mm.id, r=r.id, r2=r2.id)
    yield ns
    scene.detach()


def vp(view, scene_pt) -> QPoint:
    return view.mapFromScene(QPointF(scene_pt))


def mouse(view, kind, scene_pt, button=Qt.LeftButton, buttons=None, mods=Qt.NoModifier):
    w = view.viewport()
    p = QPointF(vp(view, scene_pt))
    if buttons is None:
        buttons = Qt.NoButton if kind == QEvent.MouseButtonRelease else button
    btn = Qt.NoButton if kind == QEvent.MouseMove else button
    ev = QMouseEvent(kind, p, QPointF(w.mapToGlobal(p)), btn, buttons, mods)
    QApplication.sendEvent(w, ev)


def drag(view, a, b, button=Qt.LeftButton, steps=4, mods=Qt.NoModifier):
    a, b = QPointF(a), QPointF(b)
    mouse(view, QEvent.MouseButtonPress, a, button, mods=mods)
    for i in range(1, steps + 1):
        mouse(view, QEvent.MouseMove, a + (b - a) * (i / steps), button, button, mods)
    mouse(view, QEvent.MouseButtonRelease, b, button, mods=mods)


def port_pos(c, node_id, port, output):
    return c.scene.node_item(node_id).port(port, output).scene_anchor()


# ----------------------------------------------------------------------------- wires
def test_drag_output_to_input_connects_and_undoes(canvas):
    c = canvas
    drag(c.view, port_pos(c, c.mm, "out", True), port_pos(c, c.r2, "input", False))
    edge = Edge(c.mm, "out", c.r2, "input")
    assert edge in c.graph.edges
    assert c.scene.edge_item(edge) is not None
    assert c.stack.text(c.stack.index() - 1) == "Connect mm \u2192 r2.input"
    c.stack.undo()
    assert edge not in c.graph.edges and c.scene.edge_item(edge) is None


def test_drop_on_node_body_picks_its_free_input(canvas):
    c = canvas
    body = c.scene.node_item(c.r2).sceneBoundingRect().center()
    drag(c.view, port_pos(c, c.x, "out", True), body)
    assert Edge(c.x, "out", c.r2, "input") in c.graph.edges


@pytest.mark.parametrize("case", ["cycle", "occupied", "output_to_output"])
def test_refused_wire_leaves_model_unchanged_and_says_why(canvas, case):
    c = canvas
    before, count = canonical(c.graph), c.stack.count()
    if case == "cycle":
        a, b, word = port_pos(c, c.r, "out", True), port_pos(c, c.mm, "other", False), "cycle"
        # mm.other is occupied too: free it so the cycle is the only problem
        c.graph.disconnect(Edge(c.w, "out", c.mm, "other"))
        before = canonical(c.graph)
    elif case == "occupied":
        a, b, word = port_pos(c, c.r2, "out", True), port_pos(c, c.mm, "input", False), \
            "already connected"
    else:
        a, b, word = port_pos(c, c.x, "out", True), port_pos(c, c.r2, "out", True), "output"
    drag(c.view, a, b)
    assert canonical(c.graph) == before
    assert c.stack.count() == count
    assert c.messages and word in c.messages[-1]
    assert not [it for it in c.scene.items() if type(it).__name__ == "LiveWire"]


def test_pick_up_wire_end_and_drop_on_empty_disconnects(canvas):
    c = canvas
    edge = Edge(c.mm, "out", c.r, "input")
    drag(c.view, port_pos(c, c.r, "input", False), QPointF(700, 420))
    assert edge not in c.graph.edges
    assert c.stack.text(c.stack.index() - 1).startswith("Disconnect")
    c.stack.undo()
    assert edge in c.graph.edges and c.scene.edge_item(edge).isVisible()


def test_pick_up_wire_end_and_drop_on_other_input_reconnects(canvas):
    c = canvas
    drag(c.view, port_pos(c, c.r, "input", False), port_pos(c, c.r2, "input", False))
    assert Edge(c.mm, "out", c.r2, "input") in c.graph.edges
    assert Edge(c.mm, "out", c.r, "input") not in c.graph.edges
    assert c.stack.count() == 1
    c.stack.undo()
    assert Edge(c.mm, "out", c.r, "input") in c.graph.edges


def test_wire_dropped_on_empty_canvas_offers_compatible_types_and_connects(canvas, qtbot):
    c = canvas
    drop = QPointF(800, 420)
    drag(c.view, port_pos(c, c.r2, "out", True), drop)
    popup = c.view.quick_add
    assert popup is not None and popup.port_kind == "output"
    listed = [popup.list.item(i).data(Qt.UserRole) for i in range(popup.list.count())]
    assert "input" not in listed and "relu" in listed  # no-input types are not offered
    QTest.keyClicks(popup.edit, "sigm")
    QTest.keyClick(popup.edit, Qt.Key_Return)
    new = [n for n in c.graph.nodes.values() if n.type == "sigmoid"]
    assert len(new) == 1
    assert Edge(c.r2, "out", new[0].id, "input") in c.graph.edges
    assert c.stack.count() == 1  # node and wire: one undo step
    c.stack.undo()
    assert len(c.graph) == 5


# ----------------------------------------------------------------------------- nodes
def test_drag_node_moves_all_selected_with_one_command(canvas):
    c = canvas
    c.scene.select_nodes([c.x, c.w])
    title = c.scene.node_item(c.x).scenePos() + QPointF(60, 12)
    drag(c.view, title, title + QPointF(40, 25))
    assert c.graph.node(c.x).pos == (40.0, 25.0)
    assert c.graph.node(c.w).pos == (40.0, 185.0)
    assert c.stack.count() == 1 and c.stack.text(0) == "Move 2 nodes"
    c.stack.undo()
    assert c.graph.node(c.x).pos == (0.0, 0.0)
    assert c.scene.node_item(c.x).pos() == QPointF(0, 0)


def test_rubber_band_selects_nodes_inside_but_no_wires(canvas):
    c = canvas
    drag(c.view, QPointF(-40, -40), QPointF(420, 330), steps=6)
    assert set(c.scene.selected_node_ids()) == {c.x, c.w, c.mm}
    assert c.scene.selected_edges() == [] and not c.scene.rubber_banding
    wire = c.scene.edge_item(Edge(c.mm, "out", c.r, "input"))
    mid = wire.path().pointAtPercent(0.5)
    mouse(c.view, QEvent.MouseButtonPress, mid)
    mouse(c.view, QEvent.MouseButtonRelease, mid)
    assert c.scene.selected_edges() == [wire.edge] and c.scene.selected_node_ids() == []


def test_shift_and_ctrl_click_toggle_selection(canvas):
    c = canvas
    c.scene.select_nodes([c.x])
    p = c.scene.node_item(c.r2).scenePos() + QPointF(60, 12)
    mouse(c.view, QEvent.MouseButtonPress, p, mods=Qt.ShiftModifier)
    mouse(c.view, QEvent.MouseButtonRelease, p, mods=Qt.ShiftModifier)
    assert set(c.scene.selected_node_ids()) == {c.x, c.r2}
    mouse(c.view, QEvent.MouseButtonPress, p, mods=Qt.ControlModifier)
    mouse(c.view, QEvent.MouseButtonRelease, p, mods=Qt.ControlModifier)
    assert c.scene.selected_node_ids() == [c.x]


def test_delete_node_with_edges_then_undo_restores_exactly(canvas):
    c = canvas
    before = canonical(c.graph)
    c.scene.select_nodes([c.mm])
    QTest.keyClick(c.view, Qt.Key_Delete)
    assert c.mm not in c.graph and len(c.graph.edges) == 0
    assert c.stack.text(0) == "Delete mm"
    c.stack.undo()
    assert canonical(c.graph) == before
    assert {e for e in c.graph.edges} == set(c.scene._edges)


def test_delete_selected_wire(canvas):
    c = canvas
    edge = Edge(c.w, "out", c.mm, "other")
    c.scene.clearSelection()
    c.scene.edge_item(edge).setSelected(True)
    QTest.keyClick(c.view, Qt.Key_Delete)
    assert edge not in c.graph.edges and c.mm in c.graph


def test_copy_paste_carries_internal_edges_to_the_cursor(canvas):
    c = canvas
    c.scene.select_nodes([c.x, c.mm])
    QTest.keyClick(c.view, Qt.Key_C, Qt.ControlModifier)
    target = QPointF(300, 400)
    QCursor.setPos(c.view.viewport().mapToGlobal(vp(c.view, target)))
    QTest.keyClick(c.view, Qt.Key_V, Qt.ControlModifier)
    assert len(c.graph) == 7
    new = c.scene.selected_node_ids()
    assert len(new) == 2 and not set(new) & {c.x, c.mm}
    names = sorted(c.graph.node(n).name for n in new)
    assert names == ["mm1", "x1"]
    internal = [e for e in c.graph.edges if e.src in new and e.dst in new]
    assert len(internal) == 1 and internal[0].src_port == "out"
    assert not [e for e in c.graph.edges if (e.src in new) != (e.dst in new)]
    left = min(c.graph.node(n).pos[0] for n in new)
    top = min(c.graph.node(n).pos[1] for n in new)
    assert abs(left - target.x()) <= 2 and abs(top - target.y()) <= 2
    c.stack.undo()
    assert len(c.graph) == 5


def test_cut_removes_and_paste_brings_back(canvas):
    c = canvas
    c.scene.select_nodes([c.r2])
    QTest.keyClick(c.view, Qt.Key_X, Qt.ControlModifier)
    assert c.r2 not in c.graph and c.stack.text(0) == "Cut 1 node"
    c.view.paste(QPointF(10, 10))
    assert c.graph.node_by_name("r2") is not None


def test_ctrl_d_duplicates_with_offset(canvas):
    c = canvas
    c.scene.select_nodes([c.w])
    QTest.keyClick(c.view, Qt.Key_D, Qt.ControlModifier)
    assert len(c.graph) == 6
    (new,) = c.scene.selected_node_ids()
    n = c.graph.node(new)
    assert n.type == "parameter" and n.name == "w1" and n.pos == (30.0, 190.0)
    assert n.tensor == c.graph.node(c.w).tensor
    assert c.stack.text(0) == "Duplicate 1 node"


def test_l_auto_layout_is_one_undoable_command(canvas):
    c = canvas
    for nid, p in zip(c.graph.nodes, [(500, 500), (10, 10), (900, 0), (0, 300), (40, 40)],
                      strict=True):
        c.graph.move_node(nid, p)
    before = {nid: n.pos for nid, n in c.graph.nodes.items()}
    QTest.keyClick(c.view, Qt.Key_L)
    assert c.stack.count() == 1 and c.stack.text(0) == "Auto-layout"
    pos = {nid: n.pos for nid, n in c.graph.nodes.items()}
    assert pos[c.x][0] < pos[c.mm][0] < pos[c.r][0]
    assert pos[c.w][0] < pos[c.mm][0]
    c.stack.undo()
    assert {nid: n.pos for nid, n in c.graph.nodes.items()} == before


def test_tab_quick_add_matm_enter_adds_matmul_at_cursor(canvas):
    c = canvas
    target = QPointF(150, 420)
    QCursor.setPos(c.view.viewport().mapToGlobal(vp(c.view, target)))
    QTest.keyClick(c.view, Qt.Key_Tab)
    popup = c.view.quick_add
    assert popup is not None and popup.isVisible()
    QTest.keyClicks(popup.edit, "matm")
    assert popup.current_type() == "matmul"
    QTest.keyClick(popup.edit, Qt.Key_Return)
    new = [n for n in c.graph.nodes.values() if n.type == "matmul" and n.id != c.mm]
    assert len(new) == 1
    assert abs(new[0].pos[0] - target.x()) <= 2 and abs(new[0].pos[1] - target.y()) <= 2
    assert c.stack.text(0) == "Add MatMul"
    assert c.view.quick_add is None


def test_quick_add_escape_closes_without_adding(canvas):
    c = canvas
    c.view.open_quick_add(QPointF(100, 400))
    QTest.keyClick(c.view.quick_add.edit, Qt.Key_Escape)
    assert c.view.quick_add is None and len(c.graph) == 5


def test_double_click_empty_canvas_opens_quick_add(canvas):
    c = canvas
    QTest.mouseDClick(c.view.viewport(), Qt.LeftButton, pos=vp(c.view, QPointF(150, 450)))
    assert c.view.quick_add is not None


def _double_click_title(c, node_id):
    p = vp(c.view, c.scene.node_item(node_id).scenePos() + QPointF(20, 12))
    QTest.mouseDClick(c.view.viewport(), Qt.LeftButton, pos=p)
    editor = c.scene.editor
    assert isinstance(editor, TitleEditor) and editor.isVisible()
    return editor


def test_rename_by_double_click_typing_enter(canvas):
    c = canvas
    _double_click_title(c, c.w)
    QTest.keyClicks(c.view, "weight")
    QTest.keyClick(c.view, Qt.Key_Return)
    assert c.graph.node(c.w).name == "weight"
    assert c.scene.node_item(c.w).name == "weight"
    assert c.stack.text(0) == "Rename w \u2192 weight"


def test_rename_refuses_duplicate_and_escape_cancels(canvas):
    c = canvas
    editor = _double_click_title(c, c.w)
    QTest.keyClicks(c.view, "x")
    QTest.keyClick(c.view, Qt.Key_Return)
    assert c.graph.node(c.w).name == "w" and "already used" in c.messages[-1]
    assert editor.isVisible()  # stays open so the name can be fixed
    QTest.keyClick(c.view, Qt.Key_Escape)
    assert not editor.isVisible() and c.graph.node(c.w).name == "w"
    assert c.stack.count() == 0


def test_freeze_toggle_click_flips_requires_grad(canvas):
    c = canvas
    item = c.scene.node_item(c.w)
    p = item.freeze_toggle.scenePos()
    mouse(c.view, QEvent.MouseButtonPress, p)
    mouse(c.view, QEvent.MouseButtonRelease, p)
    assert c.graph.node(c.w).attrs["requires_grad"] is False
    assert item.frozen and c.stack.text(0) == "Freeze w"
    c.stack.undo()
    assert c.graph.node(c.w).attrs["requires_grad"] is True and not item.frozen


def test_palette_drop_creates_node_at_drop_position(canvas):
    c = canvas
    mime = QMimeData()
    mime.setData(MIME_NODETYPE, b"sigmoid")
    target = QPointF(100, 450)
    at = vp(c.view, target)
    enter = QDragEnterEvent(at, Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(c.view.viewport(), enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(at), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(c.view.viewport(), drop)
    (node,) = [n for n in c.graph.nodes.values() if n.type == "sigmoid"]
    assert abs(node.pos[0] - target.x()) <= 1 and abs(node.pos[1] - target.y()) <= 1


# ----------------------------------------------------------------------------- view manners
def test_wheel_zoom_is_clamped_and_f_frames(canvas):
    from PySide6.QtGui import QWheelEvent

    c = canvas
    w = c.view.viewport()
    for _ in range(40):
        p = QPointF(300, 300)
        ev = QWheelEvent(p, QPointF(w.mapToGlobal(p)), QPoint(), QPoint(0, 240), Qt.NoButton,
                         Qt.NoModifier, Qt.NoScrollPhase, False)
        QApplication.sendEvent(w, ev)
    assert c.view.zoom() == pytest.approx(3.0)
    QTest.keyClick(c.view, Qt.Key_F)
    rect = c.scene.items_bounding_rect()
    shown = c.view.mapToScene(c.view.viewport().rect()).boundingRect()
    assert shown.contains(rect)


def test_middle_drag_pans(canvas):
    c = canvas
    before = c.view.mapToScene(QPoint(0, 0))
    drag(c.view, QPointF(100, 400), QPointF(200, 450), button=Qt.MiddleButton)
    after = c.view.mapToScene(QPoint(0, 0))
    assert after.x() < before.x() and after.y() < before.y()
    assert len(c.graph) == 5 and c.stack.count() == 0


def test_shape_badges_and_error_badge(canvas):
    c = canvas
    item = c.scene.node_item(c.mm)
    QApplication.processEvents()
    assert not item.badge.isVisible()
    c.graph.disconnect(Edge(c.w, "out", c.mm, "other"))
    c.graph.connect(c.x, "out", c.mm, "other")
    c.graph.set_tensor(c.x, c.graph.node(c.w).tensor.__class__(init="zeros", shape=(2, 3)))
    QApplication.processEvents()
    assert item.badge.isVisible() and item.error
    assert item.badge.toolTip() == item.error and "matmul" in item.error
    assert "waiting for" in c.scene.node_item(c.r).display_text()


def test_space_drag_pans_and_escape_cancels_a_wire(canvas):
    c = canvas
    before = c.view.mapToScene(QPoint(0, 0))
    QTest.keyPress(c.view, Qt.Key_Space)
    drag(c.view, QPointF(100, 400), QPointF(160, 430))
    QTest.keyRelease(c.view, Qt.Key_Space)
    assert c.view.mapToScene(QPoint(0, 0)).x() < before.x()
    assert c.stack.count() == 0 and not c.scene.selected_node_ids()
    a = port_pos(c, c.mm, "out", True)
    mouse(c.view, QEvent.MouseButtonPress, a)
    mouse(c.view, QEvent.MouseMove, a + QPointF(80, 60), buttons=Qt.LeftButton)
    assert c.scene.interacting
    QTest.keyClick(c.view, Qt.Key_Escape)
    assert not c.scene.interacting
    mouse(c.view, QEvent.MouseButtonRelease, a + QPointF(80, 60))
    assert c.stack.count() == 0


def test_wire_from_a_free_input_to_an_output_and_to_empty_canvas(canvas):
    c = canvas
    drag(c.view, port_pos(c, c.r2, "input", False), port_pos(c, c.x, "out", True))
    assert Edge(c.x, "out", c.r2, "input") in c.graph.edges
    c.stack.undo()
    drag(c.view, port_pos(c, c.r2, "input", False), QPointF(300, 420))
    popup = c.view.quick_add
    assert popup.port_kind == "input"
    QTest.keyClicks(popup.edit, "param")
    QTest.keyClick(popup.edit, Qt.Key_Return)
    src = c.graph.incoming(c.r2)["input"].src
    assert c.graph.node(src).type == "parameter"
    assert c.graph.node(src).pos[0] < 300  # placed left of the drop point, feeding the wire


def test_deleting_a_node_while_renaming_it_is_safe(canvas):
    c = canvas
    editor = _double_click_title(c, c.r2)
    c.graph.remove_node(c.r2)
    assert c.scene.editor is None
    QTest.keyClick(c.view, Qt.Key_Return)
    QApplication.processEvents()
    assert editor is not None and c.r2 not in c.graph


def test_wheel_zoom_keeps_the_point_under_the_cursor(canvas):
    from PySide6.QtGui import QWheelEvent

    c = canvas
    w = c.view.viewport()
    p = QPointF(250, 180)
    under = c.view.mapToScene(p.toPoint())
    ev = QWheelEvent(p, QPointF(w.mapToGlobal(p)), QPoint(), QPoint(0, 120), Qt.NoButton,
                     Qt.NoModifier, Qt.NoScrollPhase, False)
    QApplication.sendEvent(w, ev)
    assert c.view.zoom() > 1.1
    after = c.view.mapToScene(p.toPoint())
    assert abs(after.x() - under.x()) < 2 and abs(after.y() - under.y()) < 2


def test_hovering_a_node_emphasises_its_wires(canvas):
    c = canvas
    item = c.scene.node_item(c.mm)
    mouse(c.view, QEvent.MouseMove, item.sceneBoundingRect().center(), Qt.NoButton)
    assert item._hover and all(e._hover for e in item.edges)
    mouse(c.view, QEvent.MouseMove, QPointF(900, 600), Qt.NoButton)
    assert not item._hover and not any(e._hover for e in item.edges)


def test_big_copies_skip_the_plain_text_copy(qapp):
    """Copying a 1000x1000 parameter put 20 MB of JSON on the clipboard as plain text."""
    import numpy as np

    from graphstudio.graph.model import TensorSpec
    from graphstudio.ui.canvas.clipboard import make_payload, payload_from_mime, payload_to_mime

    g = Graph()
    small = g.add_node("parameter", "w", tensor=TensorSpec.from_array(np.ones((2, 2), "f4")))
    big = g.add_node("parameter", "W", tensor=TensorSpec.from_array(np.ones((600, 600), "f4")))
    mime = payload_to_mime(make_payload(g, [small.id]))
    assert mime.hasText() and payload_from_mime(mime) is not None
    mime = payload_to_mime(make_payload(g, [big.id]))
    assert not mime.hasText() and payload_from_mime(mime)["nodes"][0]["name"] == "W"
