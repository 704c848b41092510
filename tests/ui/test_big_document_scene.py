"""A big document on the canvas: cards built only near the view, a slice at a time (those asked
for at once), and an edit that changes many cards lays out those on screen at once and the rest
from the event loop."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from graphstudio.graph.model import TensorSpec
from graphstudio.graph.shape_inference import infer_shapes
from graphstudio.ui.commands import RemoveNodesCommand, try_push
from tests.support.big_scene import show_big_document


@pytest.fixture
def big(qtbot, monkeypatch):
    """A 300-node document shown by a scene that treats more than 60 nodes as big."""
    yield (big := show_big_document(qtbot, monkeypatch, 300, LAZY_CARDS=60, FIRST_CARDS=20,
                                    DEFER_LAYOUT=5))
    big[0].detach()


def _drain(scene):
    for _ in range(10_000):
        if not scene.deferred_work:
            return
        QApplication.processEvents()
    raise AssertionError("the scene never finished its deferred work")


def _all_match_the_model(scene):
    g = scene.graph
    assert {it.node_id for it in scene.node_items()} == set(g.nodes)
    assert {it.edge for it in scene.edge_items()} == set(g.edges)
    shapes = infer_shapes(g)
    for nid, item in ((it.node_id, it) for it in scene.node_items()):
        r = shapes[nid]
        if r.ok and r.shape is not None:
            assert str(tuple(r.shape)) in item.display_text(), g.nodes[nid].name


def test_only_cards_near_the_view_are_built_and_any_card_asked_for_is_there(big):
    scene, _view, _stack = big
    g = scene.graph
    _drain(scene)
    assert 20 <= scene.cards_built < len(g.nodes)
    far = max(g.nodes, key=lambda nid: sum(g.nodes[nid].pos))  # built last in order
    item = scene.node_item(far)
    assert item is not None and item.node_id == far
    for e in g.incoming(far).values():
        assert scene.edge_item(e) is not None  # its wires, building the card at the other end
    _drain(scene)
    _all_match_the_model(scene)


def test_edits_while_cards_are_still_coming_end_up_right(big):
    scene, _view, stack = big
    g = scene.graph
    built_last = sorted(g.nodes, key=lambda nid: sum(g.nodes[nid].pos))[-5:]
    assert try_push(stack, RemoveNodesCommand(g, built_last[:2])) is None
    g.rename_node(built_last[2], "renamed_late")
    QApplication.processEvents()
    _drain(scene)
    _all_match_the_model(scene)
    assert "renamed_late" in scene.node_item(built_last[2]).display_text()
    stack.undo()
    _drain(scene)
    _all_match_the_model(scene)


def test_an_edit_changing_many_cards_lays_out_off_screen_ones_later(big):
    scene, view, _stack = big
    _drain(scene)
    g = scene.graph
    x = next(nid for nid, n in g.nodes.items() if n.name == "x")
    view.centerOn(scene.node_item(x))
    g.set_tensor(x, TensorSpec("randn", (3,)))  # (3,) @ (4, 4) fails everywhere downstream
    QApplication.processEvents()
    waiting = scene.deferred_work
    assert waiting > 0
    changed = {nid for nid, r in infer_shapes(g).items() if r.error}
    assert len(g.downstream(x)) + 1 > waiting  # the ones in view were laid out at once
    near = g.outgoing(x)[0].dst  # on screen, beside x
    assert scene.node_item(near).error and near not in scene._unlaid
    _drain(scene)
    for nid in changed - {x}:
        assert "waiting for" in scene.node_item(nid).display_text() \
            or scene.node_item(nid).error, g.nodes[nid].name



def test_a_card_built_from_the_sketch_repaints_only_around_it(big):
    """The sketch stops drawing a node whose card is built: what is repainted for that is
    around the node and its neighbours, not every pixel of the views (a step that builds the
    cards coming into view repainted the whole canvas for each)."""
    from PySide6.QtCore import QEvent, QObject

    from tests.support.big_scene import settle_scene

    scene, view, _stack = big
    g = scene.graph
    order = sorted(g.nodes, key=lambda nid: sum(g.nodes[nid].pos))
    view.centerOn(*g.nodes[order[len(order) // 2]].pos)  # the sketch fills the view
    settle_scene(scene)
    _drain(scene)
    painted: list = []

    class Painted(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 (Qt's name)
            if event.type() == QEvent.Type.Paint:
                painted.append(event.region().boundingRect())
            return False

    spy = Painted()
    view.viewport().installEventFilter(spy)
    view.viewport().repaint()
    assert painted  # the spy sees the view's paints
    painted.clear()
    far = next(nid for nid in reversed(order) if scene.built_card(nid) is None)  # out of view
    scene.node_item(far)
    for _ in range(5):
        QApplication.processEvents()
    whole = view.viewport().rect()
    assert all(r.width() * r.height() < whole.width() * whole.height() / 2 for r in painted)
    view.viewport().removeEventFilter(spy)
