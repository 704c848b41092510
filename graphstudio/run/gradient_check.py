"""Check a whole graph's gradients: autograd against central differences, in float64.

:func:`check_graph_gradients` runs a float64 copy of the graph (float32 tensors are widened, so
the values are the ones the document holds), takes every Parameter's ``.grad`` from one backward
from the loss, and compares it element by element with central differences
``(L(p + eps) - L(p - eps)) / 2 eps``. A non-scalar root with a gradient seed ``s`` is checked
as ``L = sum(root * s)``, which is exactly what ``root.backward(s)`` differentiates. Detach nodes
keep their unperturbed values while differencing: autograd treats them as constants, so the
numbers compare like with like. A Grad node (``torch.autograd.grad``) is itself a derivative, so
when the loss needs one the differences are evaluated with grad enabled and the Parameters as
leaves that require grad (exactly as in the run); otherwise they run under ``no_grad``. An
element passes when ``|a - n| <= atol + rtol * |n|``, the rule of ``torch.autograd.gradcheck``.

The report (one :class:`ParamReport` per Parameter node) is the window's table; each carries both
gradients in full and the worst element's index for highlighting on the canvas.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from graphstudio.graph.lookup import NodeLookupError, resolve_loss
from graphstudio.graph.model import Graph, TensorSpec
from graphstudio.graph.node_table import NODE_TYPES
from graphstudio.run.training import TrainingError

__all__ = ["GradcheckFailed", "GradcheckOptionError", "ParamReport", "check_graph_gradients",
           "format_report"]


class GradcheckFailed(TrainingError):
    """The graph cannot be checked (no loss, a node fails, no backward)."""


class GradcheckOptionError(ValueError):
    """``eps``, ``atol`` or ``rtol`` is not a number the check can use; says which."""


def _option_problem(eps: float, atol: float, rtol: float) -> str | None:
    if not (np.isfinite(eps) and eps > 0):
        return f"eps must be a finite number > 0, not {eps}"
    for label, value in (("atol", atol), ("rtol", rtol)):
        if not (np.isfinite(value) and value >= 0):
            return f"{label} must be a finite number >= 0, not {value}"
    return None


@dataclass(frozen=True, eq=False)
class ParamReport:
    """The check of one Parameter node.

    ``analytical`` / ``numerical``: the two gradients (float64, the parameter's shape; None when
    skipped). ``worst_index``: the element that misses the tolerance by most (or has the largest
    error when all pass), an index tuple into the parameter. ``skipped``: not checked, ``reason``
    says why (frozen, not used by the loss, cancelled).
    """

    node_id: str
    name: str
    max_abs_err: float
    max_rel_err: float
    worst_index: tuple[int, ...] | None
    analytical: np.ndarray | None
    numerical: np.ndarray | None
    passed: bool
    skipped: bool = False
    reason: str | None = None

    @property
    def status(self) -> str:
        return "skipped" if self.skipped else ("pass" if self.passed else "FAIL")


def _widen(spec: TensorSpec | None) -> TensorSpec | None:
    if spec is None or spec.dtype != "float32":
        return spec
    return TensorSpec.from_array(spec.to_numpy().astype(np.float64), "float64")


class _Evaluator:
    """Runs the part of a graph the loss needs, with some Parameters' values supplied."""

    def __init__(self, graph: Graph, loss_id: str):
        self.graph, self.loss_id = graph, loss_id
        self.order = graph.topological_order(graph.upstream(loss_id) | {loss_id})
        self.base: dict[str, dict] = {}
        #: a Grad node differentiates inside the forward: evaluate with grad enabled then
        self.needs_grad = any(graph.nodes[nid].type == "grad" for nid in self.order)

    def leaf(self, array: np.ndarray):
        """A float64 Parameter value for an evaluation (requiring grad when a Grad node needs
        it, as in the run)."""
        import graphstudio.engine as T

        return T.tensor(array, dtype=T.float64, requires_grad=self.needs_grad)

    def mode(self):
        """The grad mode the evaluations run in (see :attr:`needs_grad`)."""
        import graphstudio.engine as T

        return T.set_grad_enabled(self.needs_grad)

    def run(self, leaves: dict, only: set[str] | None = None) -> dict[str, dict]:
        """Outputs ``{node: {port: value}}``; with ``only``, just those nodes are recomputed and
        the rest come from the base run."""
        g = self.graph
        outs = dict(self.base) if only is not None else {}
        for nid in self.order:
            if only is not None and nid not in only:
                continue
            node = g.nodes[nid]
            nt = NODE_TYPES[node.type]
            if nid in leaves:
                value = leaves[nid]
            else:
                ins = {e.dst_port: outs[e.src][e.src_port] for e in g.incoming(nid).values()}
                try:
                    value = nt.compute(node, ins)
                except Exception as ex:
                    raise GradcheckFailed(f"node {node.name!r} ({node.type}): {ex}") from None
            values = value if isinstance(value, tuple) else (value,)
            outs[nid] = dict(zip(nt.output_names or ("out",), values, strict=False))
        return outs

    def affected(self, nid: str) -> set[str]:
        """Nodes whose value moves with ``nid``'s, not looking through Detach nodes."""
        seen, stack = {nid}, [nid]
        while stack:
            for e in self.graph.outgoing(stack.pop()):
                if e.dst not in seen and self.graph.nodes[e.dst].type != "detach":
                    seen.add(e.dst)
                    stack.append(e.dst)
        return seen

    def objective(self, outs, seed) -> float:
        root = next(iter(outs[self.loss_id].values()))
        arr = np.asarray(root.detach().numpy() if hasattr(root, "numpy") else root,
                         dtype=np.float64)
        return float((arr * seed).sum()) if seed is not None else float(arr.reshape(-1)[0])


def check_graph_gradients(graph: Graph, loss_node: str | None = None, eps: float = 1e-6,
                          atol: float = 1e-5, rtol: float = 1e-3,
                          progress: Callable[[int, int], None] | None = None,
                          should_stop: Callable[[], bool] | None = None) -> list[ParamReport]:
    """One :class:`ParamReport` per Parameter node, in node order (see the module docstring).

    ``progress(done, total)`` is called as elements are differenced; ``should_stop()`` returning
    True ends the check early, the rest reported as skipped ("cancelled"). Raises
    :class:`GradcheckFailed` when there is no loss or backward, :class:`GradcheckOptionError`
    for an ``eps`` that is not finite and positive or a negative or non-finite tolerance.
    Computing with inf and nan is silent, as in PyTorch: the report says what happened.
    """
    problem = _option_problem(eps, atol, rtol)
    if problem is not None:
        raise GradcheckOptionError(problem)
    with np.errstate(all="ignore"):
        return _check(graph, loss_node, eps, atol, rtol, progress, should_stop)


def _check(graph, loss_node, eps, atol, rtol, progress, should_stop) -> list[ParamReport]:
    import graphstudio.engine as T

    g = graph.copy()
    for nid, node in g.nodes.items():
        if node.tensor is not None and node.tensor.dtype == "float32":
            g.set_tensor(nid, _widen(node.tensor))
    try:
        loss_id = resolve_loss(g, loss_node)
    except NodeLookupError as ex:
        raise GradcheckFailed(str(ex)) from None
    ev = _Evaluator(g, loss_id)
    params = [nid for nid, n in g.nodes.items() if n.type == "parameter"]
    live = [nid for nid in params if g.nodes[nid].attrs.get("requires_grad")
            and nid in ev.order]
    arrays = {nid: g.nodes[nid].tensor.to_numpy() for nid in live}
    leaves = {nid: T.tensor(arrays[nid], dtype=T.float64, requires_grad=True) for nid in live}
    ev.base = ev.run(leaves)
    root = next(iter(ev.base[loss_id].values()))
    name = g.nodes[loss_id].name
    if not hasattr(root, "grad_fn") or not root.requires_grad:
        raise GradcheckFailed(f"{name} does not require grad: no Parameter with requires_grad "
                              "reaches it")
    seed = None
    spec = g.run.get("gradient") if loss_node is None or loss_id == g.run.get("loss") else None
    if root.numel() != 1:
        if spec is None:
            raise GradcheckFailed(f"{name} has shape {tuple(root.shape)}: set a gradient seed "
                                  "or choose a scalar loss")
        seed = np.broadcast_to(spec.to_numpy().astype(np.float64), tuple(root.shape))
    root.backward(None if seed is None else T.tensor(np.array(seed), dtype=root.dtype))
    analytical = {nid: (np.zeros(arrays[nid].shape) if leaves[nid].grad is None
                        else np.array(leaves[nid].grad.numpy(), dtype=np.float64))
                  for nid in live}
    with ev.mode():
        ev.base = ev.run({nid: ev.leaf(arrays[nid]) for nid in live})
    total, done, reports = sum(a.size for a in arrays.values()), 0, []
    for nid in params:
        node = g.nodes[nid]
        if not node.attrs.get("requires_grad"):
            reports.append(_skip(node, "frozen (requires_grad=False)"))
        elif nid not in ev.order:
            reports.append(_skip(node, "not used by the loss"))
        elif should_stop is not None and should_stop():
            reports.append(_skip(node, "cancelled"))
        else:
            numerical = _differences(ev, nid, arrays[nid], eps, seed, progress, done, total)
            done += arrays[nid].size
            reports.append(_compare(node, analytical[nid], numerical, atol, rtol))
    return reports


def _skip(node, reason: str) -> ParamReport:
    return ParamReport(node.id, node.name, 0.0, 0.0, None, None, None, True, True, reason)


def _differences(ev: _Evaluator, nid, base, eps, seed, progress, done, total) -> np.ndarray:
    only = ev.affected(nid)
    flat = np.array(base, dtype=np.float64).reshape(-1)
    out = np.zeros(flat.size)
    with ev.mode():
        for j in range(flat.size):
            vals = []
            for delta in (eps, -eps):
                moved = flat.copy()
                moved[j] += delta
                vals.append(ev.objective(ev.run({nid: ev.leaf(moved.reshape(base.shape))},
                                                only), seed))
            out[j] = (vals[0] - vals[1]) / (2 * eps)
            if progress is not None:
                progress(done + j + 1, total)
    return out.reshape(base.shape)


def _compare(node, analytical, numerical, atol, rtol) -> ParamReport:
    if numerical.size == 0:
        return ParamReport(node.id, node.name, 0.0, 0.0, None, analytical, numerical, True)
    with np.errstate(invalid="ignore", divide="ignore"):
        err = np.abs(analytical - numerical)
        err = np.where(np.isnan(err) & ~(np.isnan(analytical) & np.isnan(numerical)), np.inf,
                       np.nan_to_num(err, nan=0.0))
        rel = np.where(err == 0, 0.0, err / np.abs(numerical))
    excess = err - (atol + rtol * np.abs(numerical))
    worst = tuple(int(i) for i in np.unravel_index(int(np.argmax(excess)), excess.shape))
    # np.nanmax warns ("All-NaN slice") when every relative error is nan
    worst_rel = float(np.nanmax(rel)) if not np.isnan(rel).all() else float("nan")
    return ParamReport(node.id, node.name, float(err.max()), worst_rel, worst,
                       analytical, numerical, bool((excess <= 0).all()))


def format_report(reports: list[ParamReport]) -> str:
    """The reports as a plain-text table (the command line's output)."""
    rows = [("parameter", "shape", "max abs err", "max rel err", "worst at", "result")]
    for r in reports:
        if r.skipped:
            rows.append((r.name, "", "", "", "", f"skipped: {r.reason}"))
            continue
        shape = "x".join(map(str, r.analytical.shape)) or "scalar"
        where = "" if r.worst_index is None else str(list(r.worst_index))
        rows.append((r.name, shape, f"{r.max_abs_err:.3g}", f"{r.max_rel_err:.3g}", where,
                     r.status))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()
                     for row in rows)
