"""Training: the MLP example learns, slices equal one run, frozen stays put, PyTorch options."""

import numpy as np
import pytest

from graphstudio.files.gsgraph import load_graph
from graphstudio.graph.lookup import resolve_loss
from graphstudio.graph.model import Graph, TensorSpec
from graphstudio.paths import example_path
from graphstudio.run.training import TrainConfig, Trainer, TrainingError, decision_boundary


@pytest.fixture(scope="module")
def mlp_trained():
    graph = load_graph(example_path("mlp_classifier"))
    trainer = Trainer(graph, TrainConfig(optimizer="adam", steps=200))
    trainer.run()
    return graph, trainer


def test_mlp_200_adam_steps_lower_the_loss_at_least_5x(mlp_trained):
    graph, trainer = mlp_trained
    first, last = trainer.losses[0], trainer.losses[-1]
    assert trainer.done and trainer.steps_done == 200 and trainer.stop_reason is None
    assert first == pytest.approx(1.1944, abs=1e-4)  # what `graphstudio run` prints
    assert last < first / 5
    assert trainer.progress == 1.0
    rec = trainer.history[0]
    assert rec.step == 1 and set(rec.grad_norms) == {"W1", "b1", "W2", "b2"}
    assert all(v > 0 for v in rec.grad_norms.values())
    assert graph.node_by_name("W1").tensor.init == "randn"  # the document is untouched


def test_slices_equal_one_run_and_are_deterministic(mlp_trained):
    graph, whole = mlp_trained
    sliced = Trainer(graph, TrainConfig(steps=200))
    got = []
    while not sliced.done:
        got += sliced.step(37, callback=lambda r: None)
    assert [r.step for r in got] == list(range(1, 201))
    assert sliced.losses == whole.losses
    for nid, arr in whole.current_params().items():
        np.testing.assert_array_equal(sliced.current_params()[nid], arr)
    assert sliced.step(5) == []  # done: nothing more


def test_run_for_slices_by_time_and_stop():
    graph = load_graph(example_path("mlp_classifier"))
    trainer = Trainer(graph, TrainConfig(steps=10_000))
    first = trainer.run_for(0.0)
    assert len(first) == 1  # at least one step per slice
    trainer.run(should_stop=lambda: trainer.steps_done >= 7)
    assert trainer.steps_done == 7 and trainer.done and trainer.stop_reason == "stopped"
    assert 0 < len(trainer.history) < 10_000


def test_apply_to_graph_writes_explicit_values_and_returns_undo_pairs(mlp_trained):
    graph, trainer = mlp_trained
    copy = graph.copy()
    events = []
    copy.subscribe(events.append)
    changed = trainer.apply_to_graph(copy)
    assert set(changed) == {"n2", "n3", "n6", "n7"} and len(events) == 4
    for nid, (old, new) in changed.items():
        assert old == graph.nodes[nid].tensor and new.init == "values"
        assert new.dtype == "float32" and copy.nodes[nid].tensor == new
        np.testing.assert_array_equal(new.values, trainer.current_params()[nid])
    trained = trainer.trained_graph()
    assert trained.nodes["n2"].tensor == copy.nodes["n2"].tensor
    assert graph.nodes["n2"].tensor.init == "randn"


def test_frozen_parameter_never_changes():
    graph = load_graph(example_path("frozen_parameter"))
    trainer = Trainer(graph, TrainConfig(optimizer="sgd", lr=0.5, steps=5))
    trainer.run()
    assert set(trainer.current_params()) == {"n4"}  # b only
    out = trainer.trained_graph()
    assert out.node_by_name("w").tensor == graph.node_by_name("w").tensor
    assert out.node_by_name("b").tensor != graph.node_by_name("b").tensor
    assert set(trainer.history[0].grad_norms) == {"b"}


def test_zero_grad_off_accumulates_like_pytorch():
    """fan-out: loss = sum(x*x + 3x), grad 2x + 3; SGD lr 0.1 with and without zero_grad."""
    graph = load_graph(example_path("fan_out_accumulation"))
    x0 = np.array([1.0, 2.0, 3.0])
    g1 = 2 * x0 + 3
    x1 = x0 - 0.1 * g1
    for zero, want in ((True, x1 - 0.1 * (2 * x1 + 3)), (False, x1 - 0.1 * (g1 + 2 * x1 + 3))):
        t = Trainer(graph, TrainConfig(optimizer="sgd", lr=0.1, steps=2, zero_grad=zero))
        t.run()
        np.testing.assert_allclose(t.current_params()["n1"], want, atol=1e-6)


def test_sgd_momentum_and_seed():
    graph = load_graph(example_path("mlp_classifier"))
    sgd = Trainer(graph, TrainConfig(optimizer="sgd", momentum=0.9, steps=30))
    sgd.run()
    assert sgd.config.learning_rate == 0.1 and sgd.losses[-1] < sgd.losses[0]
    a = Trainer(graph, TrainConfig(steps=1, seed=7))
    b = Trainer(graph, TrainConfig(steps=1, seed=7))
    c = Trainer(graph, TrainConfig(steps=1))
    for t in (a, b, c):
        t.run()
    assert a.losses == b.losses and a.losses != c.losses


def test_loss_becoming_nan_stops_training():
    g = Graph()
    p = g.add_node("parameter", "p", tensor=TensorSpec.from_array(np.array([0.5], np.float32)))
    lg = g.add_node("log", "lg")
    s = g.add_node("sum", "loss")
    g.connect(p.id, "out", lg.id, "input")
    g.connect(lg.id, "out", s.id, "input")
    t = Trainer(g, TrainConfig(optimizer="sgd", lr=10.0, steps=10))
    records = t.run()
    assert t.done and "nan" in t.stop_reason and len(records) < 10


@pytest.mark.parametrize("make, message", [
    (lambda: TrainConfig(optimizer="lbfgs"), "unknown optimizer"),
    (lambda: TrainConfig(lr=-1), "learning rate"),
    (lambda: TrainConfig(steps=-3), "steps"),
    (lambda: TrainConfig(betas=(1.0, 0.5)), "betas"),
    (lambda: Trainer(load_graph(example_path("jacobian_product"))), "must be a scalar"),
    (lambda: Trainer(load_graph(example_path("tutorial_single_layer")),
                     TrainConfig(loss_node="nope")), "no loss node 'nope'"),
])
def test_refusals(make, message):
    with pytest.raises(TrainingError, match=message):
        make()


def test_nothing_to_train_and_loss_resolution():
    g = load_graph(example_path("tutorial_single_layer"))
    for name in ("w", "b"):
        g.set_attr(g.node_by_name(name).id, "requires_grad", False)
    with pytest.raises(TrainingError, match="nothing to train"):
        Trainer(g)
    assert resolve_loss(g) == "n7" and resolve_loss(g, "z") == "n5"
    out = g.add_node("output", "shown")
    g.connect("n5", "out", out.id, "input")
    assert resolve_loss(g, "shown") == "n5"


def test_decision_boundary_of_the_trained_mlp(mlp_trained):
    graph, trainer = mlp_trained
    db = decision_boundary(graph, trainer, resolution=24)
    assert db.xs.shape == (24,) and db.ys.shape == (24,)
    assert db.probs.shape == (24, 24, 3) and db.classes.shape == (24, 24)
    np.testing.assert_allclose(db.probs.sum(axis=-1), 1.0, rtol=1e-9)
    assert db.points.shape == (90, 2) and db.labels.shape == (90,)
    assert db.xs[0] < db.points[:, 0].min() and db.ys[-1] > db.points[:, 1].max()
    # the picture agrees with the training data at (nearly) every point
    ix = np.abs(db.xs[None, :] - db.points[:, :1]).argmin(axis=1)
    iy = np.abs(db.ys[None, :] - db.points[:, 1:]).argmin(axis=1)
    assert np.mean(db.classes[iy, ix] == db.labels) > 0.8
    untrained = decision_boundary(graph, None, "X", resolution=8)
    assert untrained.probs.shape == (8, 8, 3)
    with pytest.raises(TrainingError, match="2-D points"):
        decision_boundary(load_graph(example_path("tutorial_single_layer")))
