"""The edge limit: counted while the JSON is parsed (a 2-node file with a million edges is
refused before any edge is checked), and never below what a graph within the node limit can
have."""

from __future__ import annotations

import json

import pytest

from graphstudio.files.gsgraph import GraphFileError, graph_from_json
from graphstudio.files.reader import load_graph
from graphstudio.graph.limits import MAX_EDGES, MAX_NODES
from graphstudio.graph.node_table import NODE_TYPES


def test_a_full_graph_of_the_widest_nodes_fits_the_edge_limit():
    widest = max(len(t.input_names) for t in NODE_TYPES.values())
    assert widest * MAX_NODES <= MAX_EDGES


def two_nodes_with_edges(count: int) -> str:
    doc = {"format": "graphstudio-graph", "version": 2, "meta": {}, "run": {},
           "nodes": [{"id": "a", "type": "input", "name": "a", "pos": [0, 0], "attrs": {},
                      "tensor": {"init": "ones", "shape": [1], "dtype": "float32"}},
                     {"id": "b", "type": "relu", "name": "b", "pos": [0, 0], "attrs": {}}],
           "edges": []}
    edge = '{"from":["a","out"],"to":["b","input"]}'
    head = json.dumps(doc)[:-len("[]}")]
    return head + "[" + ",".join([edge] * count) + "]}"


def test_too_many_edges_are_refused_while_parsing(tmp_path, monkeypatch):
    from graphstudio.files import reader

    checked = []
    monkeypatch.setattr(reader._Reader, "edges", lambda self, g, e: checked.append(len(e)))
    path = tmp_path / "edges.gsgraph"
    path.write_text(two_nodes_with_edges(MAX_EDGES + 1), encoding="utf-8")
    with pytest.raises(GraphFileError, match=f"edges: more edges than the limit of "
                                             f"{MAX_EDGES:,}"):
        load_graph(path)
    assert checked == []  # refused by the parser, never handed to the edge checks


def test_edges_within_the_limit_are_checked_as_before():
    with pytest.raises(GraphFileError, match='input "input" is connected twice'):
        graph_from_json(two_nodes_with_edges(2))
    assert len(graph_from_json(two_nodes_with_edges(1)).edges) == 1


@pytest.mark.parametrize("key, value, kind", [("title", {"x": [1]}, "an object"),
                                              ("notes", [1, {"a": 2}], "a list"),
                                              ("title", 3, "an integer")])
def test_a_title_or_notes_that_is_not_text_is_refused(key, value, kind):
    doc = json.loads(two_nodes_with_edges(1))
    doc["meta"] = {key: value}
    with pytest.raises(GraphFileError, match=f"meta.{key}: expected text, got {kind}"):
        graph_from_json(json.dumps(doc))
    doc["meta"] = {"title": "A title", "notes": "", "extra": 5}
    assert graph_from_json(json.dumps(doc)).meta["title"] == "A title"
