"""Seeded random edit sequences through the undo commands: undo gives back the original exactly,
redo gives the edited document, and the scene mirrors the model all along."""

from __future__ import annotations

import random

import numpy as np
import pytest
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication

from graphstudio.graph.model import Graph, TensorSpec
from graphstudio.ui.canvas import GraphScene
from graphstudio.ui.canvas.clipboard import make_payload
from graphstudio.ui.canvas.edge_item import EdgeItem
from graphstudio.ui.canvas.node_item import NodeItem
from graphstudio.ui.commands import (
    AddNodeCommand,
    AutoLayoutCommand,
    ConnectCommand,
    DisconnectCommand,
    MoveNodesCommand,
    PasteCommand,
    ReconnectCommand,
    RemoveNodesCommand,
    RenameNodeCommand,
    SetAttrCommand,
    SetMetaCommand,
    SetRunOptionCommand,
    SetTensorCommand,
    try_push,
)

TYPES = ["input", "parameter", "add", "mul", "matmul", "relu", "sigmoid", "sum", "mean",
         "mse_loss", "reshape", "detach", "max_dim"]


def snapshot(g: Graph):
    """Everything that identifies the document, including node and fan-out order."""
    try:
        from graphstudio.files.gsgraph import graph_to_json

        text = graph_to_json(g)
    except ImportError:
        text = None
    canon = (
        [(n.id, n.type, n.name, n.pos, repr(sorted(n.attrs.items())), repr(n.tensor))
         for n in g.nodes.values()],
        [tuple(g.incoming(nid).items()) for nid in g.nodes],
        [tuple(g.outgoing(nid)) for nid in g.nodes],
        sorted(g.run.items()), sorted(g.meta.items()),
    )
    return text, canon


def seed_graph() -> Graph:
    g = Graph()
    x = g.add_node("input", "x", pos=(0, 0))
    w = g.add_node("parameter", "w", pos=(0, 150))
    mm = g.add_node("matmul", "mm", pos=(250, 40))
    s = g.add_node("sum", "s", pos=(500, 40))
    g.connect(x.id, "out", mm.id, "input")
    g.connect(w.id, "out", mm.id, "other")
    g.connect(mm.id, "out", s.id, "input")
    g.connect(x.id, "out", g.add_node("relu", "r", pos=(250, 250)).id, "input")
    return g


def random_command(g: Graph, rng: random.Random):
    ids = list(g.nodes)
    kind = rng.choice(["add", "add", "remove", "move", "rename", "attr", "tensor", "connect",
                       "connect", "disconnect", "reconnect", "paste", "layout", "run", "meta",
                       "add_connected"])
    pick = rng.choice
    if kind in ("add", "add_connected") or not ids:
        t = pick(TYPES)
        conn = None
        if kind == "add_connected" and ids:
            src = pick(ids)
            if g.node(src).type in ("input", "parameter", "relu", "add", "mm"):
                conn = (src, "out")
        return AddNodeCommand(g, t, (rng.uniform(-500, 500), rng.uniform(-500, 500)),
                              connect_from=conn)
    if kind == "remove":
        return RemoveNodesCommand(g, rng.sample(ids, min(len(ids), rng.randint(1, 3))))
    if kind == "move":
        chosen = rng.sample(ids, min(len(ids), rng.randint(1, 4)))
        return MoveNodesCommand(g, {i: (g.node(i).pos, (rng.randint(-900, 900),
                                                        rng.randint(-900, 900))) for i in chosen})
    if kind == "rename":
        return RenameNodeCommand(g, pick(ids), pick(["a", "b", "loss", "w", "x1", "h", "9bad"]))
    if kind == "attr":
        nid = pick(ids)
        node = g.node(nid)
        if "requires_grad" in node.attrs:
            return SetAttrCommand(g, nid, "requires_grad", not node.attrs["requires_grad"])
        if "keepdim" in node.attrs:
            return SetAttrCommand(g, nid, "keepdim", not node.attrs["keepdim"])
        if "shape" in node.attrs:
            return SetAttrCommand(g, nid, "shape", (rng.randint(1, 4), -1))
        return SetAttrCommand(g, nid, "nope", 1)
    if kind == "tensor":
        nid = pick(ids)
        arr = np.round(np.array([rng.uniform(-2, 2) for _ in range(6)]).reshape(2, 3), 3)
        spec = TensorSpec.from_array(arr) if rng.random() < 0.5 else \
            TensorSpec(init="randn", shape=(rng.randint(1, 5), 3), seed=rng.randint(0, 9))
        return SetTensorCommand(g, nid, spec)
    edges = g.edges
    if kind == "disconnect" and edges:
        return DisconnectCommand(g, pick(edges))
    if kind == "reconnect" and edges:
        e = pick(edges)
        dst = pick(ids)
        from graphstudio.graph.node_table import NODE_TYPES

        ins = NODE_TYPES[g.node(dst).type].input_names
        if ins:
            return ReconnectCommand(g, e, e.src, e.src_port, dst, pick(ins))
    if kind == "paste":
        return PasteCommand(g, make_payload(g, rng.sample(ids, min(len(ids), 3))),
                            pos=(rng.randint(-300, 300), rng.randint(-300, 300)))
    if kind == "layout":
        return AutoLayoutCommand(g)
    if kind == "run":
        return SetRunOptionCommand(g, "loss", pick(ids + [None]))
    if kind == "meta":
        return SetMetaCommand(g, "title", pick(["demo", "mlp", None]))
    from graphstudio.graph.node_table import NODE_TYPES

    src, dst = pick(ids), pick(ids)
    outs = NODE_TYPES[g.node(src).type].output_names
    ins = NODE_TYPES[g.node(dst).type].input_names
    if outs and ins:
        return ConnectCommand(g, src, pick(outs), dst, pick(ins))
    return RemoveNodesCommand(g, [])


def assert_scene_mirrors(scene: GraphScene, g: Graph):
    nodes = {it.node_id for it in scene.items() if isinstance(it, NodeItem)}
    edges = {it.edge for it in scene.items() if isinstance(it, EdgeItem)}
    assert nodes == set(g.nodes)
    assert edges == set(g.edges)
    for nid, node in g.nodes.items():
        item = scene.node_item(nid)
        assert (item.pos().x(), item.pos().y()) == node.pos
        assert item.name == node.name
        assert item.frozen == (node.attrs.get("requires_grad") is False)
    for e, item in scene._edges.items():
        assert item.src_port.node_id == e.src and item.dst_port.node_id == e.dst


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_edits_undo_to_original_and_redo_to_edited(qtbot, seed):
    rng = random.Random(seed)
    g = seed_graph()
    stack = QUndoStack()
    scene = GraphScene(g, stack)
    original = snapshot(g)
    pushed = refused = 0
    while pushed < 200:
        reason = try_push(stack, random_command(g, rng))
        if reason:
            refused += 1
        else:
            pushed += 1
        if pushed % 50 == 0:
            QApplication.processEvents()
            assert_scene_mirrors(scene, g)
    assert refused > 0  # the generator does try illegal edits
    assert stack.count() == 200
    edited = snapshot(g)
    assert_scene_mirrors(scene, g)
    stack.setIndex(0)
    assert snapshot(g) == original
    assert_scene_mirrors(scene, g)
    stack.setIndex(stack.count())
    assert snapshot(g) == edited
    assert_scene_mirrors(scene, g)
    scene.detach()


def test_refused_commands_never_land_on_the_stack(qtbot):
    g = seed_graph()
    stack = QUndoStack()
    before = snapshot(g)
    cases = [
        ConnectCommand(g, "n4", "out", "n3", "input"),   # occupied
        ConnectCommand(g, "n3", "out", "n3", "input"),   # itself
        ConnectCommand(g, "n3", "out", "n1", "out"),     # n1 (input) has no input port
        RenameNodeCommand(g, "n2", "x"),                  # taken
        RenameNodeCommand(g, "n2", "2w"),                 # invalid
        SetAttrCommand(g, "n2", "requires_grad", "yes"),  # wrong kind
        AddNodeCommand(g, "no_such_type"),
        RemoveNodesCommand(g, []),
        MoveNodesCommand(g, {}),
        PasteCommand(g, {"format": "other"}),
        DisconnectCommand(g, next(iter(g.edges)).__class__("n9", "out", "n3", "input")),
    ]
    for cmd in cases:
        assert try_push(stack, cmd), type(cmd).__name__
    assert stack.count() == 0
    assert snapshot(g) == before


def test_command_texts(qtbot):
    g = seed_graph()
    stack = QUndoStack()
    assert try_push(stack, AddNodeCommand(g, "matmul", (0, 0))) is None
    assert try_push(stack, MoveNodesCommand(g, {"n1": ((0, 0), (5, 5)), "n2": ((0, 150), (1, 1)),
                                                "n3": ((250, 40), (9, 9))})) is None
    assert try_push(stack, RenameNodeCommand(g, "n2", "weight")) is None
    assert try_push(stack, SetAttrCommand(g, "n2", "requires_grad", False)) is None
    assert try_push(stack, RemoveNodesCommand(g, ["n4"])) is None
    assert [stack.text(i) for i in range(stack.count())] == [
        "Add MatMul", "Move 3 nodes", "Rename w \u2192 weight", "Freeze weight", "Delete s"]


def test_add_node_connect_from_input_side(qtbot):
    g = seed_graph()
    stack = QUndoStack()
    g.disconnect(g.incoming("n4")["input"])
    cmd = AddNodeCommand(g, "relu", (0, 0), connect_from=("n4", "input", "input"))
    assert try_push(stack, cmd) is None
    assert g.incoming("n4")["input"].src == cmd.node_id
    stack.undo()
    assert "input" not in g.incoming("n4") and cmd.node_id not in g


def test_remove_then_undo_keeps_ids_names_tensors_and_orders(qtbot):
    g = seed_graph()
    g.set_tensor("n2", TensorSpec.from_array(np.arange(6.0).reshape(2, 3)))
    stack = QUndoStack()
    before = snapshot(g)
    assert try_push(stack, RemoveNodesCommand(g, ["n1", "n3"])) is None
    assert list(g.nodes) == ["n2", "n4", "n5"]
    stack.undo()
    assert snapshot(g) == before
    stack.redo()
    stack.undo()
    assert snapshot(g) == before


def test_removing_the_loss_node_clears_and_undo_restores_the_run_option(qtbot):
    g = seed_graph()
    g.set_run_option("loss", "n4")
    stack = QUndoStack()
    assert try_push(stack, RemoveNodesCommand(g, ["n4"])) is None
    assert "loss" not in g.run
    stack.undo()
    assert g.run["loss"] == "n4"


def test_a_command_failing_half_way_rolls_back_and_stays_off_the_stack(qtbot):
    g = seed_graph()
    stack = QUndoStack()
    before = snapshot(g)

    class Broken(RemoveNodesCommand):
        def build(self, j):
            j.remove_node("n1")
            raise ValueError("disk on fire")

    reason = try_push(stack, Broken(g, ["n1"]))
    assert reason == "disk on fire"
    assert stack.count() == 0 and snapshot(g) == before
