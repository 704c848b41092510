"""Edits, selection and Text Size on a big document cost what its built cards need: a big edit
lays out only built cards (none is built for it, no sketched node is visited), the rubber band
and Select All select sketched nodes without building cards, and blocks downstream of a shape
error show it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel

from graphstudio.graph import shape_cache
from graphstudio.graph.model import TensorSpec
from graphstudio.graph.shape_cache import shapes_of
from graphstudio.graph.shape_inference import infer_shapes
from graphstudio.ui.canvas.card_blocks import BLOCK_ZOOM, block_title_colour
from graphstudio.ui.canvas.node_item import NodeItem
from graphstudio.ui.commands import RemoveNodesCommand, try_push
from tests.support.big_scene import settle_scene, show_big_document


@pytest.fixture
def big(qtbot, monkeypatch):
    """600 nodes; more than 60 is big; an edit reaching over 20 nodes is settled lazily, the
    downstream found 20 nodes a turn and each card settled 5 nodes a turn."""
    monkeypatch.setattr(shape_cache, "LAZY_REGION", 20)
    scene, view, stack = show_big_document(qtbot, monkeypatch, 600, LAZY_CARDS=60,
                                           FIRST_CARDS=10, DEFER_LAYOUT=5, SPREAD_SLICE=20,
                                           SETTLE_SLICE=5)
    settle_scene(scene)
    yield scene, view, stack
    scene.detach()


def _built(scene) -> set[str]:
    return {nid for nid in scene.graph.nodes if scene.built_card(nid) is not None}


def test_a_big_edit_lays_out_only_built_cards_a_slice_at_a_time(big, monkeypatch):
    scene, view, stack = big
    g = scene.graph
    victim = next(nid for nid, n in g.nodes.items() if n.type == "tanh")
    view.centerOn(QPointF(g.nodes[victim].pos[0] + 500, g.nodes[victim].pos[1]))
    settle_scene(scene)  # the cards of what it feeds are built
    before = _built(scene)
    down = g.downstream(victim)
    assert down & before
    laid, real = [], NodeItem.set_shape_result
    monkeypatch.setattr(NodeItem, "set_shape_result", lambda self, result, layout=True: (
        laid.append(self.node_id), real(self, result, layout))[1])
    assert try_push(stack, RemoveNodesCommand(g, [victim])) is None
    assert shapes_of(g).spread(0) is False  # the edit itself walked no downstream
    QApplication.processEvents()
    assert scene.deferred_work  # the rest comes a slice per turn
    settle_scene(scene)
    assert _built(scene) <= before  # no card built for the edit
    assert laid and set(laid) <= before and set(laid) & down
    assert len(down) > 10 * len(set(laid))  # the sketched downstream needed nothing
    full = infer_shapes(g)
    assert shapes_of(g).settled and shapes_of(g).known() == full  # the blocks' too
    for nid in _built(scene):
        r = full[nid]
        if r.ok and r.shape is not None:
            assert str(tuple(r.shape)) in scene.built_card(nid).display_text()
    stack.undo()
    settle_scene(scene)
    assert shapes_of(g).known() == infer_shapes(g) and _built(scene) <= before


def _rough_ids(scene, rect: QRectF) -> set[str]:
    return {nid for nid, n in scene.graph.nodes.items()
            if rect.intersects(QRectF(n.pos[0], n.pos[1], 150, 110))}


def test_a_rubber_band_zoomed_out_selects_sketched_nodes_without_building_cards(big):
    scene, view, _stack = big
    view.set_zoom(BLOCK_ZOOM * 0.5)
    view.centerOn(scene.items_bounding_rect().center())
    settle_scene(scene)
    built = scene.cards_built
    vp = view.viewport()
    start, end = QPoint(vp.width() // 2, vp.height() // 2 + 7), QPoint(vp.width() - 20,
                                                                       vp.height() - 20)
    assert view.itemAt(start) is None  # empty canvas (the sketch is never hit)
    QTest.mousePress(vp, Qt.LeftButton, Qt.NoModifier, start)
    for k in (1, 2, 3, 4, 5, 6, 7, 8, 8):  # the band follows a move once it is past
        QTest.mouseMove(vp, start + (end - start) * (k / 8))
    QTest.mouseRelease(vp, Qt.LeftButton, Qt.NoModifier, end)
    band = QRectF(view.mapToScene(start), view.mapToScene(end)).normalized()
    expected = _rough_ids(scene, band)
    chosen = set(scene.selected_node_ids())
    assert len(expected) > 20 and expected - _built(scene) <= chosen
    assert chosen <= expected | _built(scene)
    assert scene.cards_built == built
    QTest.mouseClick(vp, Qt.LeftButton, Qt.NoModifier, QPoint(5, 5))  # empty canvas
    assert scene.selected_node_ids() == []


def test_select_all_builds_no_card_and_a_card_built_later_is_selected(big):
    scene, view, _stack = big
    built = scene.cards_built
    view.select_all()
    assert scene.selected_node_ids() == list(scene.graph.nodes)
    assert scene.cards_built == built
    far = max(scene.graph.nodes, key=lambda nid: sum(scene.graph.nodes[nid].pos))
    assert scene.node_item(far).isSelected()


def test_blocks_downstream_of_a_shape_error_show_it(big):
    scene, view, _stack = big
    g = scene.graph
    x = next(nid for nid, n in g.nodes.items() if n.name == "x")
    g.set_tensor(x, TensorSpec("randn", (3,)))  # (3,) @ (4, 4): everything downstream fails
    view.set_zoom(BLOCK_ZOOM * 0.9)
    far = max(g.nodes, key=lambda nid: sum(g.nodes[nid].pos) if g.nodes[nid].type == "tanh"
              else 0)
    view.centerOn(QPointF(*g.nodes[far].pos))
    settle_scene(scene)
    assert scene.built_card(far) is None and "has an error" in shapes_of(g).get(far).error
    image = view.viewport().grab().toImage()
    ratio = view.viewport().devicePixelRatioF()
    spot = view.mapFromScene(QPointF(g.nodes[far].pos[0] + 75, g.nodes[far].pos[1] + 8))
    got = image.pixelColor(round(spot.x() * ratio), round(spot.y() * ratio))
    theme = scene.theme
    want = block_title_colour(theme, "upstream", theme.category_color("Activations"))
    assert want != theme.category_color("Activations") and want != theme.error
    assert max(abs(got.red() - want.red()), abs(got.green() - want.green()),
               abs(got.blue() - want.blue())) <= 3


def test_text_size_lays_out_only_built_cards(run_window, monkeypatch, tmp_path):
    from graphstudio.files.gsgraph import save_graph
    from graphstudio.ui.canvas import GraphScene
    from graphstudio.ui.canvas.readable import set_text_scale
    from tests.support.graph_generator import make_large_graph

    for name, value in (("LAZY_CARDS", 60), ("FIRST_CARDS", 10)):
        monkeypatch.setattr(GraphScene, name, value)
    save_graph(make_large_graph(600), tmp_path / "big.gsgraph")
    r = run_window(None)
    assert r.window.files.open_file(tmp_path / "big.gsgraph", ask=False)
    scene = r.window.scene
    settle_scene(scene)
    built = _built(scene)
    card = scene.built_card(next(iter(built)))
    height = card.size()[1]
    try:
        r.window.actions["text_size_150"].trigger()
        assert _built(scene) == built  # the sketch draws the rest at the new size
        assert card.size()[1] > height  # its rows grew with the text
    finally:
        set_text_scale(1.0)


def test_the_inspector_follows_a_selection_of_sketched_nodes(window, monkeypatch, tmp_path):
    from graphstudio.files.gsgraph import save_graph
    from graphstudio.ui.canvas import GraphScene
    from tests.support.graph_generator import make_large_graph

    for name, value in (("LAZY_CARDS", 60), ("FIRST_CARDS", 10)):
        monkeypatch.setattr(GraphScene, name, value)
    save_graph(make_large_graph(600), tmp_path / "big.gsgraph")
    assert window.files.open_file(tmp_path / "big.gsgraph", ask=False)
    scene = window.scene
    signals = []
    scene.selectionChanged.connect(lambda: signals.append(len(scene.selected_node_ids())))
    far = sorted(scene.graph.nodes, key=lambda nid: -sum(scene.graph.nodes[nid].pos))[:3]
    assert all(scene.built_card(nid) is None for nid in far)
    scene.select_nodes(far)
    assert signals and signals[-1] == 3 and scene.selected_node_ids() == \
        [nid for nid in scene.graph.nodes if nid in far]
    QApplication.processEvents()
    shown = " ".join(label.text() for label in window.inspector.findChildren(QLabel))
    assert "3 nodes selected" in shown and window.actions["copy"].isEnabled()
    scene.clearSelection()
    assert signals[-1] == 0 and scene.selected_node_ids() == []


def test_a_big_documents_objects_are_kept_out_of_full_collections_while_it_is_open(big):
    import gc

    from tests.support.graph_generator import make_large_graph

    scene, _view, _stack = big
    assert gc.get_freeze_count() > 0  # the document's objects, frozen when it was sketched
    scene.graph.replace_with(make_large_graph(30))  # a small one: nothing frozen for it
    assert gc.get_freeze_count() == 0
