"""The one layered layout (engine/layout.py): the canvas's Auto-layout and graphs read from code
both use it, and it places the examples where the canvas always placed them."""

import pytest

from graphstudio.files.gsgraph import load_graph
from graphstudio.graph.auto_layout import H_GAP, V_GAP, layered_layout
from graphstudio.paths import example_path
from graphstudio.pytorch.code_import import graph_from_code
from graphstudio.pytorch.import_layout import COL, ROW
from tests.pytorch.test_codeimport import tutorial_text

# what the canvas's layered_layout gave before it moved into the engine
PLACED = {
    "tutorial_single_layer": {
        "n1": (0.0, 0.0), "n2": (0.0, 126.0), "n3": (280.0, 63.0), "n4": (280.0, 189.0),
        "n5": (560.0, 141.8), "n6": (560.0, 267.8), "n7": (840.0, 236.2)},
    "mlp_classifier": {
        "n1": (0.0, 0.0), "n2": (0.0, 126.0), "n3": (0.0, 252.0), "n4": (280.0, 126.0),
        "n5": (560.0, 63.0), "n6": (560.0, 189.0), "n7": (560.0, 315.0), "n8": (840.0, 220.5),
        "n9": (840.0, 346.5), "n10": (1120.0, 315.0)},
    "fan_out_accumulation": {
        "n1": (0.0, 116.0), "n3": (0.0, 242.0), "n2": (280.0, 95.0), "n4": (280.0, 221.0),
        "n5": (560.0, 158.0), "n6": (840.0, 158.0)},
}
# a subset, with one card's real (larger) size
PLACED_SUBSET = {
    "tutorial_single_layer": {"n1": (0.0, 0.0), "n2": (0.0, 236.0), "n3": (410.0, 145.5)},
    "mlp_classifier": {"n1": (0.0, 0.0), "n2": (0.0, 236.0), "n3": (0.0, 362.0)},
    "fan_out_accumulation": {"n1": (0.0, 95.0), "n3": (0.0, 331.0), "n2": (410.0, 150.0)},
}


@pytest.mark.parametrize("name", sorted(PLACED))
def test_the_examples_are_placed_as_the_canvas_placed_them(name):
    g = load_graph(example_path(name))
    assert layered_layout(g) == PLACED[name]
    ids = list(g.nodes)[:3]
    assert layered_layout(g, node_ids=ids, sizes={ids[0]: (300.0, 200.0)}) == PLACED_SUBSET[name]


def test_a_graph_from_code_is_placed_by_the_same_layout():
    g = graph_from_code(tutorial_text())
    size = (COL - H_GAP, ROW - V_GAP)
    want = layered_layout(g, sizes=dict.fromkeys(g.nodes, size))
    assert {nid: n.pos for nid, n in g.nodes.items()} == want
    assert sorted({x for x, _ in want.values()}) == [0.0, COL, 2 * COL, 3 * COL]
