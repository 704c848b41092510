"""Undo commands keep the document's run options in step with its nodes."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack

from graphstudio.files.gsgraph import graph_from_json, graph_to_json
from graphstudio.graph.model import Graph
from graphstudio.ui.commands import RemoveNodesCommand, try_push


def _graph() -> Graph:
    g = Graph()
    for name in ("a", "b", "c"):
        g.add_node("input", name)  # n1, n2, n3
    return g


def test_deleting_a_node_drops_it_from_tuple_run_options_and_undo_restores_them(qtbot):
    g = _graph()
    g.set_run_option("retain_grad", ("n1", "n2"))
    g.set_run_option("other_tool", ["n2", "n3", 4])  # another tool's plain-JSON list
    stack = QUndoStack()
    assert try_push(stack, RemoveNodesCommand(g, ["n2"])) is None
    assert g.run["retain_grad"] == ("n1",)
    assert g.run["other_tool"] == ["n3", 4]
    # the model matches its own saved file again
    assert graph_from_json(graph_to_json(g)).run == g.run
    stack.undo()
    assert g.run["retain_grad"] == ("n1", "n2") and g.run["other_tool"] == ["n2", "n3", 4]
    stack.redo()
    assert g.run["retain_grad"] == ("n1",)


def test_deleting_every_retained_node_removes_the_option(qtbot):
    g = _graph()
    g.set_run_option("retain_grad", ("n2",))
    stack = QUndoStack()
    assert try_push(stack, RemoveNodesCommand(g, ["n2"])) is None
    assert "retain_grad" not in g.run
    stack.undo()
    assert g.run["retain_grad"] == ("n2",)
