"""The graph writer's quick layout of list items (json_text.one_line / list_item) writes exactly
what the generic layout (json_text.dump) writes, and graph files come out the same either way."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graphstudio.files.gsgraph import graph_to_document, graph_to_json, load_graph
from graphstudio.files.json_text import NotFinite, dump, list_item, one_line
from graphstudio.paths import example_path
from graphstudio.pytorch.code_import import graph_from_code

scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**20, 10**20),
                    st.floats(allow_nan=False, allow_infinity=False),
                    st.sampled_from([2.0, -0.0, 1e15, 56608.0, 0.5, 1e16]),
                    st.text(max_size=12),
                    st.sampled_from(["n1", "x", "\ud800", "é\n\"", "v1.0", "a" * 90]))
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=5), st.tuples(inner, inner),
    st.dictionaries(st.text(max_size=8), inner, max_size=4)), max_leaves=12)
items = st.dictionaries(st.sampled_from(["id", "type", "name", "pos", "attrs", "tensor", "from",
                                         "to", "é"]), values, max_size=6)


@settings(max_examples=300, deadline=None)
@given(st.lists(items, min_size=1, max_size=3))
def test_list_items_are_laid_out_as_dump_lays_them_out(dicts):
    """A list under a key of a document, its items given as text by list_item: the same file."""
    expected = dump({"format": 1, "nodes": dicts})
    laid = [list_item(d, 4) for d in dicts]
    assert dump({"format": 1, "nodes": laid}) == expected
    assert dump({"format": 1, "nodes": [list_item(d, 4, plain=False) for d in dicts]}) == expected


@given(values)
def test_one_line_is_dumps_line_or_nothing(value):
    text = one_line(value)
    if text is not None:
        assert text == dump(value, width=10**9)


def test_one_line_declines_what_only_dump_writes_right():
    assert one_line({"value": 2.0}) is None  # dump writes 2
    assert one_line(["\ud800"]) is None  # dump escapes it
    assert one_line([float("nan")]) is None
    assert one_line({"value": 2.5, "name": "h"}) == '{"value": 2.5, "name": "h"}'
    with pytest.raises(NotFinite):
        dump({"nodes": [list_item({"v": [float("inf")]}, 4)]})


def tutorial_graphs():
    yield graph_from_code("import torch\nx = torch.tensor([[1.0, 2.0]], requires_grad=True)\n"
                          "w = torch.full((2, 3), 2.0)\ny = (x @ w).sum() * 3.0\ny.backward()\n")
    for name in ("tutorial_single_layer", "mlp_classifier", "fan_out_accumulation"):
        yield load_graph(example_path(name))


@pytest.mark.parametrize("graph", list(tutorial_graphs()))
def test_graph_files_are_the_generic_layout_of_the_document(graph):
    assert graph_to_json(graph) == dump(graph_to_document(graph)) + "\n"


@pytest.mark.parametrize("extra", range(-2, 3))
def test_an_item_one_character_either_side_of_the_width(extra):
    base = {"id": "n1", "type": "sum", "name": "", "pos": [0, 190.5],
            "attrs": {"reduction": "mean"}}
    item = dict(base, name="x" * (96 - len(one_line(base)) + extra))  # 96: the room at indent 4
    assert len(one_line(item)) == 96 + extra
    text = list_item(item, 4)
    assert ("\n" in text) == (extra > 0)
    assert dump({"nodes": [text, text]}) == dump({"nodes": [item, item]})


ports = st.one_of(st.text(max_size=50), st.sampled_from(["out", "input", "é", "a" * 40, "x y",
                                                          "\ud800", 'q"', "n1\\", "_"]))


@settings(max_examples=400, deadline=None)
@given(ports, ports, ports, ports)
def test_an_edge_item_is_the_list_item_of_its_document(src, src_port, dst, dst_port):
    """The writer's quick text of an edge is what list_item lays out for it, escapes, width
    (96 characters and one more) and all."""
    from graphstudio.files.writer import edge_item
    from graphstudio.graph.elements import Edge

    e = Edge(src, src_port, dst, dst_port)
    doc = {"from": [src, src_port], "to": [dst, dst_port]}
    assert edge_item(e) == list_item(doc, 4)
    assert dump({"edges": [edge_item(e)]}) == dump({"edges": [doc]})


@pytest.mark.parametrize("name_len", [30, 31, 32, 33])
def test_an_edge_item_at_the_width(name_len):
    from graphstudio.files.writer import edge_item
    from graphstudio.graph.elements import Edge

    e = Edge("n" * name_len, "out", "m" * 23, "other")  # 95 to 98 characters
    doc = {"from": [e.src, "out"], "to": [e.dst, "other"]}
    assert edge_item(e) == list_item(doc, 4)
    assert (len(edge_item(e)) <= 96) == ("\n" not in edge_item(e))
    assert len(list_item(doc, 4).split("\n")[0]) == (65 + name_len if name_len <= 31 else 1)


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(max_size=20), st.from_regex(r"\A[^\W\d]\w{0,15}\Z"),
                 st.sampled_from(["n1", "é", "x_1", "ｘ", "ℌ", "a\u0301", "\ud800"])))
def test_a_string_is_written_as_json_writes_it(text):
    """Strings (ids, names, keys: identifiers written at once) read back as themselves and,
    but for a lone surrogate's escape, are what json writes."""
    import json

    written = dump(text)
    assert json.loads(written) == text
    if text.isidentifier():
        assert written == json.dumps(text, ensure_ascii=False)
