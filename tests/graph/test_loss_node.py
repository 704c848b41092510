"""One rule picks the loss: the runner (on computed values) and training, export and gradient
checks (on inferred shapes) both go through ``pick_loss`` and agree."""

import pytest

from graphstudio.files.gsgraph import load_graph
from graphstudio.graph.lookup import (
    NO_LOSS,
    SEVERAL_LOSSES,
    NodeLookupError,
    pick_loss,
    resolve_loss,
)
from graphstudio.graph.model import Graph
from graphstudio.paths import examples_dir
from graphstudio.run.runner import Runner


def _both(g):
    """(runner's loss id or reason, training's loss id or reason)."""
    tl = Runner(g).run()
    ran = tl.loss_id if tl.has_backward else tl.backward_unavailable_reason
    try:
        trained = resolve_loss(g)
    except NodeLookupError as ex:
        trained = str(ex)
    return ran, trained


@pytest.mark.parametrize("path", sorted(examples_dir().glob("*.gsgraph")), ids=lambda p: p.stem)
def test_runner_and_training_pick_the_same_loss_in_the_examples(path):
    g = load_graph(path)
    g.set_run_option("loss", None)  # the automatic choice
    ran, trained = _both(g)
    assert ran == trained or (ran.startswith(NO_LOSS + " (") and trained == NO_LOSS)


def _sums(n, shown=False):
    g = Graph()
    p = g.add_node("parameter", "p")
    for i in range(n):
        s = g.add_node("sum", f"s{i}")
        g.connect(p.id, "out", s.id, "input")
        if shown:
            out = g.add_node("output", f"show{i}")
            g.connect(s.id, "out", out.id, "input")
    return g


def test_the_same_rule_and_reasons_for_both():
    ran, trained = _both(_sums(1, shown=True))
    assert ran == trained == "n2"  # an Output node does not hide the sink
    ran, trained = _both(_sums(2))
    assert ran == trained == SEVERAL_LOSSES
    g = Graph()
    g.add_node("parameter", "p")
    g.add_node("relu")
    ran, trained = _both(g)
    assert trained == NO_LOSS and ran == NO_LOSS + " (right-click a node > Backward from here)"


def test_pick_loss_follows_an_output_node_and_explains():
    g = _sums(1, shown=True)
    assert pick_loss(g, "n3", lambda nid: False) == ("n2", None)
    empty = g.add_node("output", "nothing")
    assert pick_loss(g, empty.id, lambda nid: True) == (None, "nothing has no input")
    assert pick_loss(g, "n99", bool) == (None, "the loss node 'n99' is not in the graph")
    assert pick_loss(g, None, lambda nid: False) == (None, NO_LOSS)


def _failing_mse():
    """x @ w with mismatched shapes feeding the only loss (shapes and values both fail)."""
    from graphstudio.graph.model import TensorSpec

    g = Graph()
    x = g.add_node("input", "x", tensor=TensorSpec("ones", (3, 2)))
    w = g.add_node("parameter", "w", tensor=TensorSpec("ones", (3, 2)))
    h = g.add_node("matmul", "h")
    g.connect(x.id, "out", h.id, "input")
    g.connect(w.id, "out", h.id, "other")
    y = g.add_node("input", "y", tensor=TensorSpec("ones", (3, 2)))
    loss = g.add_node("mse_loss", "loss")
    g.connect(h.id, "out", loss.id, "input")
    g.connect(y.id, "out", loss.id, "target")
    return g, h, loss


def test_an_automatic_loss_that_failed_upstream_is_named_with_the_cause():
    """The reason said "no loss node: choose one" while the Loss box said "auto: the scalar
    output": the loss was there, something upstream of it had failed."""
    g, h, loss = _failing_mse()
    tl = Runner(g).run()
    assert not tl.has_backward
    assert tl.backward_unavailable_reason == (
        "the loss 'loss' could not be computed: input 'input' has an error (from node 'h'); "
        "h: matmul: (3, 2) @ (3, 2): inner dimensions 2 and 3 differ")
    relu = g.add_node("relu", "r")  # a second failing sink: both are named
    g.connect(h.id, "out", relu.id, "input")
    assert Runner(g).run().backward_unavailable_reason == (
        "no scalar output could be computed: 'loss', 'r' failed (see their errors)")


def test_a_scalar_loss_failing_at_run_time_is_named():
    import numpy as np

    from graphstudio.graph.model import TensorSpec

    g = Graph()
    x = g.add_node("parameter", tensor=TensorSpec("zeros", (2, 3)))
    t = g.add_node("input", tensor=TensorSpec.from_array(np.array([0, 7])))
    ce = g.add_node("cross_entropy", "ce")
    g.connect(x.id, "out", ce.id, "input")
    g.connect(t.id, "out", ce.id, "target")
    reason = Runner(g).run().backward_unavailable_reason
    assert reason.startswith("the loss 'ce' could not be computed: cross_entropy: ")
    assert resolve_loss(g) == ce.id  # the node training and the Loss box's "auto" mean
