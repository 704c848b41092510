"""Train a graph's Parameters with an optimizer, in slices a window can drive from a timer.

A :class:`Trainer` works on a private copy of the document with the app's own
:class:`~graphstudio.run.runner.Runner` session, so every step is exactly what Run does in the
window (forward, ``zero_grad`` when set, backward from the loss) followed by one optimizer step
(:mod:`graphstudio.engine.optim`, PyTorch's update rules). Frozen parameters
(``requires_grad`` off) are never handed to the optimizer, so they never change. The same graph
and :class:`TrainConfig` always give the same numbers, from the shell and from the window::

    trainer = Trainer(graph, TrainConfig(optimizer="adam", lr=0.05, steps=200))
    while not trainer.done:            # a window calls trainer.run_for(0.03) on a timer instead
        trainer.step(10)
    trainer.apply_to_graph()           # trained values back into the Parameter nodes

:func:`decision_boundary` evaluates a trained classifier over a grid of 2-D points (the
picture next to the loss curve). The loss and other nodes are found by id or name with
:mod:`graphstudio.graph.lookup`, as everywhere else.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType

import numpy as np

from graphstudio.graph.limits import MAX_TRAIN_STEPS, brief, seed_problem
from graphstudio.graph.lookup import NodeLookupError, resolve_loss, resolve_node
from graphstudio.graph.model import Graph, TensorSpec

__all__ = ["DEFAULT_LR", "DecisionBoundary", "TrainConfig", "TrainRecord", "Trainer",
           "TrainingError", "decision_boundary"]

#: learning rate used when TrainConfig.lr is None
DEFAULT_LR = {"adam": 0.05, "sgd": 0.1}


class TrainingError(ValueError):
    """The graph cannot be trained as configured; the message is for a person."""


def _found(lookup, *args) -> str:
    """``lookup(*args)`` (a node id), its NodeLookupError reported as a TrainingError."""
    try:
        return lookup(*args)
    except NodeLookupError as ex:
        raise TrainingError(str(ex)) from None


# ====================================================================== configuration
@dataclass(frozen=True)
class TrainConfig:
    """How to train.

    ``loss_node``: id or name of the loss (None: the document's loss). ``optimizer``: ``"adam"``
    or ``"sgd"``. ``lr``: learning rate (None: :data:`DEFAULT_LR` for the optimizer).
    ``momentum`` (SGD), ``betas`` (Adam), ``weight_decay``: as in ``torch.optim``. ``steps``:
    how many optimizer steps in all. ``zero_grad``: clear ``.grad`` before every step (off:
    gradients pile up across steps, the classic forgotten ``zero_grad()``). ``seed``: when set,
    Parameters with a rand/randn initializer are drawn afresh with seeds ``seed``, ``seed + 1``,
    ... in node order (None: start from the document's values). ``stop_if_diverged``: stop at
    the first step whose loss is inf or nan (off: keep stepping; :attr:`Trainer.diverged_at`
    tells where it began).
    """

    loss_node: str | None = None
    optimizer: str = "adam"
    lr: float | None = None
    momentum: float = 0.0
    betas: tuple[float, float] = (0.9, 0.999)
    weight_decay: float = 0.0
    steps: int = 200
    zero_grad: bool = True
    seed: int | None = None
    stop_if_diverged: bool = True

    def __post_init__(self):
        name = str(self.optimizer).lower()
        if name not in DEFAULT_LR:
            raise TrainingError(f"unknown optimizer {self.optimizer!r} (use adam or sgd)")
        object.__setattr__(self, "optimizer", name)
        object.__setattr__(self, "betas", tuple(float(b) for b in self.betas))
        seed_wrong = self.seed is not None and seed_problem(self.seed)
        checks = [(self.lr is None or (math.isfinite(self.lr) and self.lr > 0),
                   f"the learning rate must be a positive number, not {self.lr}"),
                  (math.isfinite(self.momentum) and self.momentum >= 0,
                   f"momentum must be a finite number >= 0, not {self.momentum}"),
                  (math.isfinite(self.weight_decay) and self.weight_decay >= 0,
                   f"weight decay must be a finite number >= 0, not {self.weight_decay}"),
                  (len(self.betas) == 2 and all(0 <= b < 1 for b in self.betas),
                   f"betas must be two numbers in [0, 1), not {self.betas}"),
                  (isinstance(self.steps, int) and 0 <= self.steps <= MAX_TRAIN_STEPS,
                   f"steps must be a whole number from 0 to {MAX_TRAIN_STEPS:,}, not "
                   f"{self.steps}"),
                  (not seed_wrong, f"{seed_wrong}, not {self.seed}")]
        for ok, message in checks:
            if not ok:
                raise TrainingError(brief(message))

    @property
    def learning_rate(self) -> float:
        return DEFAULT_LR[self.optimizer] if self.lr is None else float(self.lr)

    def hyper(self) -> dict:
        """Keyword arguments for :func:`graphstudio.engine.optim.make_optimizer`."""
        hyper = {"lr": self.learning_rate, "weight_decay": self.weight_decay}
        if self.optimizer == "sgd":
            hyper["momentum"] = self.momentum
        else:
            hyper["betas"] = self.betas
        return hyper


@dataclass(frozen=True)
class TrainRecord:
    """One step: ``step`` counts from 1; ``loss`` is the loss the gradients were taken of
    (before the update); ``grad_norms`` the L2 norm of each trained Parameter's ``.grad`` then,
    by node name (0.0 when it got no gradient)."""

    step: int
    loss: float
    grad_norms: Mapping[str, float] = field(default_factory=dict)


# ====================================================================== the trainer
class Trainer:
    """Trains ``graph``'s Parameters (see the module docstring).

    The document passed in is not touched until :meth:`apply_to_graph`; edits made to it while
    training do not reach the trainer (start a new one). Raises :class:`TrainingError` when
    there is no loss, the loss is not a scalar, or nothing requires grad.
    """

    def __init__(self, graph: Graph, config: TrainConfig | None = None):
        from graphstudio.engine.optim import make_optimizer
        from graphstudio.graph.shape_inference import infer_shapes
        from graphstudio.run.runner import Runner, RunOptions

        self.source = graph
        self.config = config = config or TrainConfig()
        self.graph = work = graph.copy()
        self.loss_id = _found(resolve_loss, work, config.loss_node)
        shapes = infer_shapes(work)
        loss = work.nodes[self.loss_id]
        if shapes[self.loss_id].error:
            raise TrainingError(f"the loss {loss.name!r} cannot be computed: "
                                f"{shapes[self.loss_id].error}")
        shape = shapes[self.loss_id].shape
        if shape is None or math.prod(shape) != 1 or shapes[self.loss_id].dtype == "number":
            raise TrainingError(f"the loss {loss.name!r} must be a scalar tensor to train, "
                                f"it has shape {shape}")
        if config.seed is not None:
            _reseed(work, config.seed)
        self.initial_specs = {nid: graph.nodes[nid].tensor for nid in _trainable(graph)}
        self.runner = Runner(work)
        self.params = self.runner.parameters()
        if not self.params:
            raise TrainingError("nothing to train: no Parameter node has requires_grad on")
        self.names = {nid: work.nodes[nid].name for nid in self.params}
        self.optimizer = make_optimizer(config.optimizer, list(self.params.values()),
                                        **config.hyper())
        self.options = RunOptions.from_graph(work, loss=self.loss_id, zero_grad=config.zero_grad,
                                             no_grad=False, retain_graph=False, retain_grad=(),
                                             gradient=None, forward_only=False)
        self.history: list[TrainRecord] = []
        self.stop_reason: str | None = None
        self.error: str | None = None
        #: the first step whose loss was inf or nan (None while every loss is finite)
        self.diverged_at: int | None = None

    # ------------------------------------------------------------------ state
    @property
    def steps_done(self) -> int:
        return len(self.history)

    @property
    def done(self) -> bool:
        """All steps taken, stopped, failed, or the loss stopped being finite."""
        return self.stop_reason is not None or self.steps_done >= self.config.steps

    @property
    def progress(self) -> float:
        """Fraction of the configured steps taken (1.0 when done early)."""
        if self.done or not self.config.steps:
            return 1.0
        return self.steps_done / self.config.steps

    @property
    def losses(self) -> list[float]:
        return [r.loss for r in self.history]

    def stop(self, reason: str = "stopped") -> None:
        """End training now (the Stop button); the steps taken so far are kept."""
        if self.stop_reason is None:
            self.stop_reason = reason

    # ------------------------------------------------------------------ stepping
    def step(self, n: int = 1, callback: Callable[[TrainRecord], None] | None = None
             ) -> list[TrainRecord]:
        """Take up to ``n`` steps (fewer when done); ``callback(record)`` after each."""
        out = []
        for _ in range(max(int(n), 0)):
            if self.done:
                break
            record = self._one_step()
            out.append(record)
            if callback is not None:
                callback(record)
        return out

    def run_for(self, seconds: float, callback=None) -> list[TrainRecord]:
        """Steps until ``seconds`` have passed (at least one unless done): one timer slice."""
        end = time.perf_counter() + seconds
        out = self.step(1, callback)
        while not self.done and time.perf_counter() < end:
            out.extend(self.step(1, callback))
        return out

    def run(self, callback: Callable[[TrainRecord], None] | None = None,
            should_stop: Callable[[], bool] | None = None) -> list[TrainRecord]:
        """All remaining steps; ``should_stop()`` is asked before each (True = stop)."""
        out = []
        while not self.done:
            if should_stop is not None and should_stop():
                self.stop()
                break
            out.extend(self.step(1, callback))
        return out

    def _one_step(self) -> TrainRecord:
        timeline = self.runner.run(self.options)
        problem = timeline.error or timeline.backward_unavailable_reason
        if problem is None and timeline.node_errors:
            nid, err = next(iter(timeline.node_errors.items()))
            problem = f"node {self.graph.nodes[nid].name!r}: {err}"
        if problem is not None:
            self.error = f"step {self.steps_done + 1}: {problem}"
            self.stop("error")
            raise TrainingError(self.error)
        loss = float(np.asarray(self.runner.tensors[self.loss_id].detach().numpy()).reshape(-1)[0])
        norms = {}
        for nid, t in self.params.items():
            g = t.grad
            norms[self.names[nid]] = (0.0 if g is None else
                                      float(np.linalg.norm(g.numpy().astype(np.float64))))
        self.optimizer.step()
        record = TrainRecord(self.steps_done + 1, loss, MappingProxyType(norms))
        self.history.append(record)
        if not math.isfinite(loss) and self.diverged_at is None:
            self.diverged_at = record.step
            if self.config.stop_if_diverged:
                self.stop(f"the loss became {loss} at step {record.step}")
        return record

    # ------------------------------------------------------------------ results
    def current_params(self) -> dict[str, np.ndarray]:
        """The trained Parameters' current values (copies), by node id."""
        return {nid: np.array(t.detach().numpy(), copy=True) for nid, t in self.params.items()}

    def trained_specs(self) -> dict[str, TensorSpec]:
        """The current values as explicit TensorSpecs in each node's own dtype."""
        return {nid: TensorSpec.from_array(arr, self.graph.nodes[nid].tensor.dtype)
                for nid, arr in self.current_params().items()}

    def apply_to_graph(self, graph: Graph | None = None) -> dict[str, tuple]:
        """Write the trained values into ``graph``'s Parameter nodes (default: the document
        trained). Returns ``{node_id: (old_spec, new_spec)}`` for an undo command; nodes that
        were removed or reshaped since are skipped."""
        graph = self.source if graph is None else graph
        changed = {}
        for nid, spec in self.trained_specs().items():
            node = graph.nodes.get(nid)
            if node is None or node.type != "parameter" or node.tensor is None \
                    or node.tensor.shape != spec.shape:
                continue
            old = node.tensor
            graph.set_tensor(nid, spec)
            changed[nid] = (old, spec)
        return changed

    def non_finite_parameters(self) -> list[str]:
        """The names of the trained Parameters holding inf or nan (a diverged run); a file
        cannot hold those values."""
        return [self.names[nid] for nid, arr in self.current_params().items()
                if not np.isfinite(np.asarray(arr, dtype=np.float64)).all()]

    def trained_graph(self) -> Graph:
        """A copy of the document with the trained values (the document is not changed)."""
        out = self.source.copy()
        self.apply_to_graph(out)
        return out


def _trainable(graph: Graph) -> list[str]:
    return [nid for nid, n in graph.nodes.items()
            if n.type == "parameter" and n.attrs.get("requires_grad")]


def _reseed(graph: Graph, seed: int) -> None:
    drawn = [nid for nid in _trainable(graph) if graph.nodes[nid].tensor is not None
             and graph.nodes[nid].tensor.init in ("rand", "randn")]
    if drawn and seed_problem(int(seed) + len(drawn) - 1):  # seeds seed, seed + 1, ...
        raise TrainingError(f"{seed_problem(2**63)}: {len(drawn)} Parameters are drawn with "
                            f"seeds from {seed}, so start at most {2**63 - len(drawn):,}")
    for i, nid in enumerate(drawn):
        graph.set_tensor(nid, replace(graph.nodes[nid].tensor, seed=int(seed) + i))


# ====================================================================== decision boundary
@dataclass(frozen=True)
class DecisionBoundary:
    """A classifier evaluated over a grid of the plane.

    ``xs`` (W,), ``ys`` (H,): the grid's coordinates; ``probs`` (H, W, C): class probabilities
    at ``(xs[j], ys[i])`` (C = 2 for a one-output binary classifier: [1 - p, p]); ``classes``
    (H, W): the most likely class; ``points`` (N, 2) and ``labels`` (N,) or None: the data.
    """

    xs: np.ndarray
    ys: np.ndarray
    probs: np.ndarray
    classes: np.ndarray
    points: np.ndarray
    labels: np.ndarray | None


_AS_PROB = {"cross_entropy": "softmax", "nll_loss": "exp", "bce_with_logits": "sigmoid",
            "bce": "same"}


def decision_boundary(graph: Graph, trainer: Trainer | None = None, input_node: str | None = None,
                      resolution: int = 64, output_node: str | None = None,
                      margin: float = 0.1) -> DecisionBoundary:
    """Evaluate the classifier of ``graph`` (with ``trainer``'s current parameters when given)
    on a ``resolution`` x ``resolution`` grid covering the 2-D input points plus ``margin``.

    ``input_node``: the Input holding the (N, 2) points (default: the only such Input).
    ``output_node``: what to evaluate (default: what feeds the loss's ``input``). Scores are
    turned into probabilities as the loss reads them (softmax for cross-entropy, exp for NLL,
    sigmoid for BCE with logits). ValueError when the graph has no 2-D point input.
    """
    g = graph.copy()
    in_id = _point_input(g, input_node)
    spec = g.nodes[in_id].tensor
    loss_id = trainer.loss_id if trainer is not None and output_node is None else None
    if output_node is None:
        loss_id = loss_id or _found(resolve_loss, g)
        edge = g.incoming(loss_id).get("input")
        out_id = edge.src if edge is not None else loss_id
    else:
        out_id = _found(resolve_node, g, output_node, "output node")
        loss_id = None
    points = spec.to_numpy()
    labels = None
    if loss_id is not None:
        target = g.incoming(loss_id).get("target")
        if target is not None and g.nodes[target.src].tensor is not None:
            labels = g.nodes[target.src].tensor.to_numpy()
    lo, hi = points.min(axis=0), points.max(axis=0)
    pad = (hi - lo) * margin + 1e-6
    xs = np.linspace(lo[0] - pad[0], hi[0] + pad[0], resolution)
    ys = np.linspace(lo[1] - pad[1], hi[1] + pad[1], resolution)
    gx, gy = np.meshgrid(xs, ys)
    grid = np.stack([gx.ravel(), gy.ravel()], axis=1)
    scores = _scores_on(g, in_id, out_id, grid, trainer)
    kind = _AS_PROB.get(graph.nodes[loss_id].type, "same") if loss_id else "same"
    probs = _probabilities(scores.reshape(len(grid), -1), kind)
    probs = probs.reshape(resolution, resolution, -1)
    return DecisionBoundary(xs, ys, probs, probs.argmax(axis=-1), points, labels)


def _point_input(g: Graph, input_node: str | None) -> str:
    """The id of the Input holding the (N, 2) points (``input_node``, or the only one)."""
    if input_node is None:
        cands = [nid for nid, n in g.nodes.items() if n.type == "input" and n.tensor is not None
                 and len(n.tensor.shape) == 2 and n.tensor.shape[1] == 2
                 and n.tensor.dtype in ("float32", "float64")]
        if len(cands) != 1:
            raise TrainingError("the decision boundary needs one Input of 2-D points, "
                                f"shape (N, 2); found {len(cands)}")
        input_node = cands[0]
    in_id = _found(resolve_node, g, input_node, "input node")
    spec = g.nodes[in_id].tensor
    if spec is None or len(spec.shape) != 2 or spec.shape[1] != 2:
        raise TrainingError(f"{g.nodes[in_id].name!r} does not hold 2-D points, shape (N, 2)")
    return in_id


def _scores_on(g: Graph, in_id: str, out_id: str, grid: np.ndarray,
               trainer: Trainer | None) -> np.ndarray:
    """``out_id``'s values with the points replaced by ``grid`` (on the copy ``g``, cut down
    to what ``out_id`` needs), under no_grad, with the trainer's parameters when given."""
    from graphstudio.run.runner import Runner, RunOptions

    keep = g.upstream(out_id) | {out_id}
    for nid in [n for n in g.nodes if n not in keep]:
        g.remove_node(nid)
    for key in list(g.run):
        g.set_run_option(key, None)
    g.set_tensor(in_id, TensorSpec.from_array(grid, g.nodes[in_id].tensor.dtype))
    if trainer is not None:
        for nid, new in trainer.trained_specs().items():
            if nid in g.nodes:
                g.set_tensor(nid, new)
    runner = Runner(g)
    timeline = runner.run(RunOptions(forward_only=True, no_grad=True))
    if out_id in timeline.node_errors:
        raise TrainingError(f"cannot evaluate {g.nodes[out_id].name!r} on the grid: "
                            f"{timeline.node_errors[out_id]}")
    return np.asarray(runner.tensors[out_id].numpy(), dtype=np.float64)


def _probabilities(scores: np.ndarray, kind: str) -> np.ndarray:
    if kind == "softmax" and scores.shape[1] > 1:
        e = np.exp(scores - scores.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)
    if kind == "exp":
        return np.exp(scores)
    if kind == "sigmoid":
        scores = 1.0 / (1.0 + np.exp(-scores))
    if scores.shape[1] == 1:
        return np.concatenate([1.0 - scores, scores], axis=1)
    return scores
