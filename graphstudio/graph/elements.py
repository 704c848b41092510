"""The plain values the graph model is made of: tensor specs, nodes, edges, change events.

:class:`~graphstudio.graph.model.Graph` (the mutable document) builds on these; they are
re-exported from :mod:`graphstudio.graph.model`, the usual place to import them from.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from graphstudio.graph.limits import number_problem, seed_problem

__all__ = ["DTYPES", "INITS", "Edge", "GraphError", "GraphEvent", "Node", "TensorSpec"]

INITS = ("values", "zeros", "ones", "full", "eye", "arange", "rand", "randn")
DTYPES = ("float32", "float64", "int64", "bool")


#: The number fields of each initializer: file key -> TensorSpec field.
_NUMBER_FIELDS = {"full": {"value": "fill"}, "arange": {"start": "fill", "step": "step"},
                  "rand": {"scale": "fill"}, "randn": {"scale": "fill"}}


class GraphError(ValueError):
    """An edit the model refuses; the message is meant for a person."""


@dataclass(frozen=True)
class TensorSpec:
    """The tensor an Input/Parameter/Constant node holds: explicit values or an initializer.

    ``values`` is a read-only numpy array when ``init == "values"``; otherwise it is None and
    the tensor is made from ``init`` with ``shape``, ``dtype``, ``seed`` (rand/randn) and
    ``fill`` (full: the value; arange: the start, with ``step``; rand/randn: a scale factor).
    :meth:`to_numpy` materialises it. Invalid specs raise :class:`GraphError`, and so do
    initializers a graph file could not hold (:mod:`~graphstudio.graph.limits`: a value,
    start, step or scale that is not finite or does not fit the dtype; a seed out of range).
    Explicit NaN/inf ``values`` are allowed (a diverged training run); saving refuses them.
    Sizes beyond the file's limits are refused when the spec enters a :class:`Graph`.
    """

    init: str = "values"
    shape: tuple[int, ...] = ()
    dtype: str = "float32"
    values: np.ndarray | None = None
    seed: int | None = None
    fill: float | None = None
    step: float | None = None

    def __post_init__(self):
        if self.init not in INITS:
            raise GraphError(f"unknown initializer {self.init!r} (use one of {', '.join(INITS)})")
        if self.dtype not in DTYPES:
            raise GraphError(f"unsupported dtype {self.dtype!r} (use one of {', '.join(DTYPES)})")
        object.__setattr__(self, "shape", tuple(int(s) for s in self.shape))
        # canonical form: only the fields the initializer uses, as plain Python numbers
        init, fill, step, seed = self.init, self.fill, self.step, self.seed
        fill = None if init not in ("full", "arange", "rand", "randn") else fill
        if init in ("full", "arange"):
            fill = 0.0 if fill is None else fill
        step = (1.0 if step is None else float(step)) if init == "arange" else None
        seed = (0 if seed is None else int(seed)) if init in ("rand", "randn") else None
        object.__setattr__(self, "fill", None if fill is None else float(fill))
        object.__setattr__(self, "step", step)
        object.__setattr__(self, "seed", seed)
        if self.values is not None:
            arr = np.array(self.values, dtype=self.dtype, copy=True)
            arr.setflags(write=False)
            object.__setattr__(self, "values", arr)
            object.__setattr__(self, "shape", tuple(arr.shape))
        elif self.init == "values":
            raise GraphError("a tensor of explicit values needs its values")
        if any(s < 0 for s in self.shape):
            raise GraphError(f"negative size in shape {self.shape}")
        for key, v in _NUMBER_FIELDS.get(self.init, {}).items():
            v = getattr(self, v)
            problem = None if v is None else number_problem(v, self.dtype)
            if problem:
                raise GraphError(f"{self.init} {key}: {problem}")
        if self.seed is not None and (problem := seed_problem(self.seed)):
            raise GraphError(problem)
        if self.init == "eye" and len(self.shape) != 2:
            raise GraphError(f"eye needs a 2-D shape (n, m), got {self.shape}")
        if self.init in ("rand", "randn") and self.dtype not in ("float32", "float64"):
            raise GraphError(f"{self.init} makes floating point tensors, not {self.dtype}")

    def to_numpy(self) -> np.ndarray:
        """A new, writable array with this spec's values.

        Initializers: ``zeros``, ``ones``, ``full`` (value ``fill``), ``eye`` (2-D), ``arange``
        (``fill + step * i`` for i in range(numel), reshaped; defaults 0 and 1), ``rand`` /
        ``randn`` (numpy's PCG64 generator seeded with ``seed``, times ``fill`` as a scale
        when set). The same spec always gives the same numbers on every machine.
        """
        shape, dt = self.shape, self.dtype
        if self.init == "values":
            return np.array(self.values, copy=True)
        if self.init in ("zeros", "ones"):
            return (np.zeros if self.init == "zeros" else np.ones)(shape, dtype=dt)
        if self.init == "full":
            return np.full(shape, 0 if self.fill is None else self.fill, dtype=dt)
        if self.init == "eye":
            return np.eye(shape[0], shape[1], dtype=dt)
        if self.init == "arange":
            start = 0.0 if self.fill is None else self.fill
            step = 1.0 if self.step is None else self.step
            return (start + step * np.arange(self.numel, dtype=np.float64)).astype(dt).reshape(
                shape)
        rng = np.random.default_rng(0 if self.seed is None else self.seed)
        arr = rng.random(shape) if self.init == "rand" else rng.standard_normal(shape)
        if self.fill is not None:
            arr = arr * self.fill
        return np.asarray(arr, dtype=dt)

    @classmethod
    def from_array(cls, array, dtype: str | None = None) -> TensorSpec:
        arr = np.asarray(array)
        if dtype is None:
            dtype = "int64" if arr.dtype.kind in "iu" else ("bool" if arr.dtype.kind == "b"
                                                           else "float32")
            if arr.dtype == np.float64 and isinstance(array, np.ndarray):
                dtype = "float64"
        return cls(init="values", dtype=dtype, values=arr)

    @property
    def numel(self) -> int:
        return math.prod(self.shape)  # exact (a Python int), as the limits count it

    def __eq__(self, other):
        if not isinstance(other, TensorSpec):
            return NotImplemented
        if (self.init, self.shape, self.dtype, self.seed, self.fill, self.step) != (
            other.init, other.shape, other.dtype, other.seed, other.fill, other.step
        ):
            return False
        if self.values is None or other.values is None:
            return self.values is other.values
        return bool(np.array_equal(self.values, other.values, equal_nan=True))

    def __hash__(self):
        return hash((self.init, self.shape, self.dtype, self.seed, self.fill, self.step))


@dataclass(frozen=True)
class Edge:
    """A wire from an output port to an input port."""

    src: str
    src_port: str
    dst: str
    dst_port: str

    def __str__(self):
        return f"{self.src}.{self.src_port} -> {self.dst}.{self.dst_port}"


@dataclass
class Node:
    """One node of the document. Mutate it only through :class:`Graph` methods."""

    id: str
    type: str
    name: str
    pos: tuple[float, float] = (0.0, 0.0)
    attrs: dict[str, Any] = field(default_factory=dict)
    tensor: TensorSpec | None = None

    def copy(self) -> Node:
        return Node(self.id, self.type, self.name, tuple(self.pos), dict(self.attrs), self.tensor)


@dataclass(frozen=True)
class GraphEvent:
    """A change to the model.

    kind is one of: ``node_added``, ``node_removed``, ``node_moved``, ``node_renamed``,
    ``attr_changed`` (key = attribute name), ``tensor_changed``, ``edge_added``,
    ``edge_removed``, ``meta_changed`` (key), ``run_changed`` (key), ``order_changed`` (only
    the order of nodes or of a node's outgoing edges changed, see ``Graph.restore_order``),
    ``reset`` (the whole document was replaced; rebuild everything).
    """

    kind: str
    node_id: str | None = None
    edge: Edge | None = None
    key: str | None = None
    old: Any = None
    new: Any = None


def same_value(a, b) -> bool:
    """Whether two attribute or option values are equal, arrays and types included (a change
    to the same value is no change: no event, no undo step)."""
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        return isinstance(a, np.ndarray) and isinstance(b, np.ndarray) and np.array_equal(a, b)
    try:
        return bool(type(a) is type(b) and a == b)
    except Exception:
        return False
