"""A big document's cards are built only near what the view shows; the sketch draws the rest as
blocks and wires, is never hit by the mouse, and gives way to real cards when the view comes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtWidgets import QApplication

from graphstudio.ui.canvas.card_blocks import BLOCK_ZOOM
from graphstudio.ui.canvas.edge_item import EdgeItem
from graphstudio.ui.canvas.node_item import NodeItem
from graphstudio.ui.commands import MoveNodesCommand, RemoveNodesCommand, try_push
from tests.support.big_scene import settle_scene, show_big_document


@pytest.fixture
def big(qtbot, monkeypatch):
    """A 600-node document shown by a scene that treats more than 60 nodes as big."""
    scene, view, stack = show_big_document(qtbot, monkeypatch, 600, LAZY_CARDS=60,
                                           FIRST_CARDS=10)
    settle_scene(scene)
    yield scene, view, stack
    scene.detach()


def _far_node(g):
    return max(g.nodes, key=lambda nid: g.nodes[nid].pos[0] + g.nodes[nid].pos[1])


def _near(scene, rect):
    """Nodes whose card would meet ``rect``."""
    return {nid for nid, n in scene.graph.nodes.items()
            if rect.intersects(QRectF(n.pos[0], n.pos[1], 150, 110))}


def test_only_cards_in_view_are_built_and_scrolling_builds_the_ones_that_come(big):
    scene, view, _stack = big
    g = scene.graph
    built = scene.cards_built
    assert built < len(g.nodes) / 2
    assert _near(scene, view.visible_scene_rect()) <= {it.node_id for it in scene.items()
                                                      if isinstance(it, NodeItem)}
    far = _far_node(g)
    assert scene.built_card(far) is None
    view.centerOn(QPointF(*g.nodes[far].pos))
    view.viewport().update()
    settle_scene(scene)
    card = scene.built_card(far)
    assert card is not None and scene.cards_built > built
    for e in (*g.incoming(far).values(), *g.outgoing(far)):  # every wire of a card in view
        assert isinstance(scene.built_card(e.src), NodeItem)
        assert any(isinstance(it, EdgeItem) and it.edge == e for it in scene.items())


def test_zoomed_out_to_blocks_no_card_is_built_and_the_sketch_is_never_hit(big):
    scene, view, _stack = big
    g = scene.graph
    built = scene.cards_built
    view.set_zoom(BLOCK_ZOOM * 0.5)
    view.centerOn(scene.items_bounding_rect().center())
    view.viewport().update()
    settle_scene(scene)
    assert scene.cards_built == built
    shown = view.visible_scene_rect().adjusted(60, 60, -200, -150)
    far = next(nid for nid, n in g.nodes.items()
               if scene.built_card(nid) is None and shown.contains(QPointF(*n.pos)))
    spot = view.mapFromScene(QPointF(g.nodes[far].pos[0] + 20, g.nodes[far].pos[1] + 20))
    assert view.itemAt(spot) is None  # the canvas under the sketch: empty, as it looks
    image = view.viewport().grab().toImage()
    title = image.pixelColor(view.mapFromScene(QPointF(g.nodes[far].pos[0] + 40,
                                                       g.nodes[far].pos[1] + 5)))
    canvas = image.pixelColor(view.mapFromScene(QPointF(g.nodes[far].pos[0] - 40,
                                                        g.nodes[far].pos[1] - 30)))
    assert title != canvas  # the node is drawn (as a block) though it has no card


def test_any_card_asked_for_is_there_and_edits_on_sketched_nodes_show(big):
    scene, _view, stack = big
    g = scene.graph
    far = _far_node(g)
    inputs = list(g.incoming(far).values())
    assert scene.edge_item(inputs[0]) is not None  # builds both ends
    victims = sorted(g.nodes, key=lambda nid: -sum(g.nodes[nid].pos))[5:8]
    assert all(scene.built_card(v) is None for v in victims)
    assert try_push(stack, RemoveNodesCommand(g, victims[:2])) is None
    pos = g.nodes[victims[2]].pos
    assert try_push(stack, MoveNodesCommand(g, {victims[2]: (pos, (pos[0] + 30, pos[1]))})) \
        is None
    moved = scene.built_card(victims[2])  # a moved node gets its card where it now is
    assert moved is not None and (moved.pos().x(), moved.pos().y()) == (pos[0] + 30, pos[1])
    settle_scene(scene)
    assert {it.node_id for it in scene.node_items()} == set(g.nodes)
    assert {it.edge for it in scene.edge_items()} == set(g.edges)
    stack.undo()
    stack.undo()
    settle_scene(scene)
    assert {it.node_id for it in scene.node_items()} == set(g.nodes)
    assert {it.edge for it in scene.edge_items()} == set(g.edges)


def test_select_all_selects_every_node_built_or_not(big):
    scene, view, _stack = big
    view.select_all()
    assert scene.selected_node_ids() == list(scene.graph.nodes)


def test_a_paint_works_out_new_looks_within_a_budget_and_finishes_on_later_turns(big,
                                                                                 monkeypatch):
    from graphstudio.ui.canvas import sketch

    scene, view, _stack = big
    made, real = [], sketch.DocumentSketch._look
    monkeypatch.setattr(sketch.DocumentSketch, "_look",
                        lambda self, cell: made.append(cell) or real(self, cell))
    monkeypatch.setattr(sketch, "LOOK_BUDGET_S", 0.0)  # one new look a paint
    view.set_zoom(BLOCK_ZOOM * 0.2)
    view.centerOn(scene.items_bounding_rect().center())
    scene.sketch_painted()
    view.viewport().grab()
    assert len(made) == 1  # the other cells were drawn as plain patches
    settle_scene(scene)
    for _ in range(50):
        QApplication.processEvents()
    assert len(made) > 3 and len(set(made)) == len(made)  # each worked out once, later


def test_far_out_each_cell_is_one_patch_in_the_error_colour_if_a_node_fails(big, monkeypatch):
    from graphstudio.graph.model import TensorSpec
    from graphstudio.ui.canvas import sketch

    scene, view, _stack = big
    g = scene.graph
    w = next(nid for nid, n in g.nodes.items() if n.type == "parameter"
             and scene.built_card(nid) is None and scene.built_card(g.outgoing(nid)[0].dst)
             is None)
    g.set_tensor(w, TensorSpec("zeros", (3, 3)))  # its matmul fails
    settle_scene(scene)
    looked = []
    monkeypatch.setattr(sketch.DocumentSketch, "_look", lambda self, cell: looked.append(cell))
    view.resetTransform()  # further out than this small document lets the view zoom
    view.scale(sketch.FAR_ZOOM * 0.5, sketch.FAR_ZOOM * 0.5)
    view.centerOn(QPointF(*g.nodes[w].pos))
    image = view.viewport().grab().toImage()
    assert looked == []  # no block or wire worked out that far out
    mm = g.outgoing(w)[0].dst
    spot = view.mapFromScene(QPointF(g.nodes[mm].pos[0] + 10, g.nodes[mm].pos[1] + 10))
    ratio = view.viewport().devicePixelRatioF()
    assert image.pixelColor(round(spot.x() * ratio), round(spot.y() * ratio)) == \
        scene.theme.error
