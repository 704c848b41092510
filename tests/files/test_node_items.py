"""The writer's quick text of a node (writer.node_item, put together from its parts) is the item
json_text.list_item lays out for the node's document: the same file, whatever the node."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from graphstudio.files.gsgraph import graph_to_document, graph_to_json, load_graph
from graphstudio.files.json_text import dump, list_item
from graphstudio.files.writer import node_item
from graphstudio.graph.model import Graph, TensorSpec
from graphstudio.paths import example_path

ids = st.one_of(st.from_regex(r"\An[1-9][0-9]{0,5}\Z"),
                st.sampled_from(["a b", "é", 'q"', "n1\\"]))
names = st.one_of(st.from_regex(r"\A[a-z][a-z0-9_]{0,12}\Z"),
                  st.sampled_from(["ｘ", "ℌ", "é_1"]), st.integers(60, 90).map(lambda k: "h" * k))
coords = st.one_of(st.sampled_from([0.0, -0.0, 56608.0, 123456.0, 2.5, -190.4, 1e-05]),
                   st.floats(-1e6, 1e6, allow_nan=False))
tensors = st.sampled_from([
    None, TensorSpec("randn", (4, 8), seed=3), TensorSpec("randn", (8,), seed=2, fill=0.5),
    TensorSpec("full", (2, 3), fill=2.0), TensorSpec("arange", (5,), fill=1.0, step=0.5),
    TensorSpec("ones", (8, 8, 8, 8, 8, 8, 8)), TensorSpec(values=np.array([1.0, 0.5, 2.0])),
    TensorSpec(values=np.arange(40, dtype=np.float32).reshape(4, 10))])
attr_cases = st.sampled_from([("matmul", {}), ("sum", {"dim": (0, 1), "keepdim": True}),
                              ("reshape", {"shape": tuple(range(2, 30))}),
                              ("pow_scalar", None), ("constant", {"value": 2.0}),
                              ("constant", {"value": 0.1}), ("softmax", {"dim": -1})])


def one_node_graph(nid, name, pos, tensor, case) -> Graph:
    g = Graph()
    type_id, attrs = case
    if tensor is not None:
        type_id, attrs = "parameter", {"requires_grad": True}
    if type_id not in {"matmul", "sum", "reshape", "constant", "softmax", "parameter"}:
        type_id, attrs = "relu", {}
    g.add_node(type_id, name, pos=pos, attrs=attrs, tensor=tensor, id=nid)
    return g


@settings(max_examples=300, deadline=None)
@given(ids, names, coords, coords, tensors, attr_cases)
def test_a_node_item_is_the_list_item_of_its_document(nid, name, x, y, tensor, case):
    g = one_node_graph(nid, name, (x, y), tensor, case)
    doc = graph_to_document(g)["nodes"][0]
    plain = tensor is None or tensor.init != "values"
    assert node_item(g.nodes[nid]) == list_item(doc, 4, plain=plain)
    assert dump({"nodes": [node_item(g.nodes[nid])]}) == dump({"nodes": [doc]})


def test_files_are_written_as_the_generic_layout_writes_them():
    """Every example, written with the quick items and with dump alone: the same text."""
    for name in ("tutorial_single_layer", "mlp_classifier", "fan_out_accumulation"):
        g = load_graph(example_path(name))
        assert graph_to_json(g) == dump(graph_to_document(g)) + "\n"


def test_a_long_name_puts_the_node_one_key_a_line():
    g = one_node_graph("n1", "w" * 70, (260.0, 190.0), TensorSpec("randn", (8, 8), seed=1),
                       ("parameter", None))
    text = node_item(g.nodes["n1"])
    assert text.splitlines()[1] == '      "id": "n1",'
    assert text.splitlines()[-1] == "    }"
    assert '"tensor": {"init": "randn", "shape": [8, 8], "dtype": "float32", "seed": 1}' in text
