"""A run shown on a big document builds no card: the cards not built yet (drawn by the sketch)
get the run's look of the step shown when they come into view, with their wires."""

from __future__ import annotations

import pytest

from graphstudio.run.runner import Runner, RunOptions
from graphstudio.ui.run.display import edge_display, node_display
from graphstudio.ui.run.scene_display import SceneDisplay, same_state
from tests.support.big_scene import settle_scene, show_big_document


@pytest.fixture
def big(qtbot, monkeypatch):
    """A 300-node document shown by a scene that treats more than 60 nodes as big (and
    makes no room around grown cards, as a document over make_room.LIMIT nodes)."""
    monkeypatch.setattr("graphstudio.ui.run.scene_display.MAKE_ROOM_LIMIT", 60)
    yield (big := show_big_document(qtbot, monkeypatch, 300, LAZY_CARDS=60, FIRST_CARDS=20,
                                    DEFER_LAYOUT=5))
    big[0].detach()


def _shows(scene, g, tl, k, nid) -> None:
    card = scene.built_card(nid)
    want = node_display(tl, k, nid, False, g)
    assert want is not None and same_state(card.run_state, want), g.nodes[nid].name
    for e in (*g.incoming(nid).values(), *g.outgoing(nid)):
        wire = scene.built_wire(e)
        if wire is not None:
            d = edge_display(tl, k, e)
            assert (wire.grad is d.grad, wire.highlighted) == (True, d.highlighted)


def test_a_run_on_a_big_document_builds_no_card_and_new_cards_show_the_step(big):
    scene, _view, _stack = big
    g = scene.graph
    settle_scene(scene)
    built = scene.cards_built
    assert built < len(g.nodes)
    tl = Runner(g).forward(RunOptions.from_graph(g))
    display = SceneDisplay(scene, g)
    last = len(tl) - 1
    display.show(tl, last)
    display.flush()
    assert scene.cards_built == built  # the others are still sketched
    order = sorted(g.nodes, key=lambda nid: sum(g.nodes[nid].pos))
    _shows(scene, g, tl, last, order[0])
    far = order[-5]  # the last nodes have no value yet one step back
    assert scene.built_card(far) is None
    scene.node_item(far)  # comes into view: built now, with the run's look at once
    _shows(scene, g, tl, last, far)
    display.show(tl, last - 1)  # a step back: the card built later follows too
    _shows(scene, g, tl, last - 1, far)
    further = next(nid for nid in reversed(order[:-5]) if scene.built_card(nid) is None)
    scene.node_item(further)
    _shows(scene, g, tl, last - 1, further)
    display.clear()
    assert scene.built_card(far).run_state is None
    assert scene.built_card(order[0]).run_state is None


def test_a_card_built_while_a_run_is_shown_is_laid_out_once_with_the_step(big, monkeypatch):
    """A card come into view mid-run is made with the step's values and the room for the
    run's fullest looks: one layout, not one empty and one again with the values."""
    from graphstudio.ui.canvas.node_item import NodeItem

    scene, _view, _stack = big
    g = scene.graph
    settle_scene(scene)
    tl = Runner(g).forward(RunOptions.from_graph(g))
    display = SceneDisplay(scene, g)
    last = len(tl) - 1
    display.show(tl, last)
    display.flush()
    layouts: list[str] = []
    laid_out = NodeItem._layout

    def counting(item):
        layouts.append(item.node_id)
        laid_out(item)

    monkeypatch.setattr(NodeItem, "_layout", counting)
    order = sorted(g.nodes, key=lambda nid: sum(g.nodes[nid].pos))
    far = next(nid for nid in reversed(order) if scene.built_card(nid) is None
               and g.run.get("loss") != nid and node_display(tl, last, nid, False, g))
    card = scene.node_item(far)
    assert layouts.count(far) == 1
    _shows(scene, g, tl, last, far)
    assert card.room  # it keeps room for the run's looks from the start
    assert display.node_state(far) is card.run_state
