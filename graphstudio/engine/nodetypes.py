"""The one registry of node types: ports, attributes, shape rule, PyTorch line, compute, docs.

``NODE_TYPES[type_id]`` is a frozen :class:`NodeType`. Everything that needs to know about a kind
of node reads it from here: the palette (``category``, ``label``, ``doc``, :func:`categories`,
:func:`search`), the inspector (``attrs`` with their editor ``kind``, ``derivative``,
``formula``), validation (``input_names``/``output_names``), shape inference
(:meth:`NodeType.shape_rule`), the runner (:meth:`NodeType.compute`) and the exporter
(:meth:`NodeType.torch_line`). Adding an op means adding one entry to the table in
:mod:`graphstudio.engine.nodetable` (plus its engine function).

Port names follow PyTorch's argument names (``input``, ``other``, ``target``, ``weight``, ...).
Most nodes have one output named ``out``; ``max_dim``/``min_dim`` have ``values`` and
``indices``; Output has none (it is a sink that marks what to show).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from graphstudio.engine.graph import GraphError, TensorSpec

__all__ = ["AttrSpec", "CATEGORIES", "NODE_TYPES", "NodeType", "PortSpec", "categories",
           "compatible_types", "format_number", "format_numbers", "nest_literal", "search",
           "tensor_literal"]

CATEGORIES = ("Inputs", "Math", "Activations", "Reductions", "Shape", "Losses", "Autograd")
ATTR_KINDS = ("bool", "int", "float", "choice", "dim", "dims", "shape", "text")


@dataclass(frozen=True)
class PortSpec:
    """An input or output port. ``optional`` inputs may stay unconnected."""

    name: str
    doc: str = ""
    optional: bool = False


@dataclass(frozen=True)
class AttrSpec:
    """An attribute and the editor it needs.

    kind: ``bool``, ``int``, ``float``, ``choice`` (one of ``choices``), ``dim`` (one int
    dimension, may be negative), ``dims`` (an int or a tuple of ints), ``shape`` (a tuple of
    ints, one may be -1), ``text``. ``optional`` means None is allowed (e.g. ``dim=None`` =
    all dimensions). ``minimum``/``maximum`` bound int and float values.
    """

    name: str
    kind: str
    default: Any
    doc: str = ""
    choices: tuple = ()
    optional: bool = False
    minimum: float | None = None
    maximum: float | None = None

    def check(self, value):
        """``value`` normalised for this attribute (lists become tuples); GraphError if invalid."""
        if value is None:
            if self.optional:
                return None
            raise GraphError(f"{self.name} must be set")
        k = self.kind
        if k == "bool":
            if isinstance(value, bool | np.bool_):
                return bool(value)
        elif k in ("int", "dim"):
            if _is_int(value):
                return self._bounded(int(value))
        elif k == "float":
            if isinstance(value, int | float | np.number) and not isinstance(value, bool):
                value = float(value)
                if math.isfinite(value):
                    return self._bounded(value)
                raise GraphError(f"{self.name} must be a finite number, got {value}")
        elif k == "choice":
            if value in self.choices:
                return value
            raise GraphError(f"{self.name} must be one of {', '.join(map(repr, self.choices))}")
        elif k in ("dims", "shape"):
            if k == "dims" and _is_int(value):
                return (int(value),)
            if isinstance(value, Sequence) and not isinstance(value, str) and all(
                    _is_int(v) for v in value):
                value = tuple(int(v) for v in value)
                if k == "shape" and any(v < -1 for v in value):
                    raise GraphError(f"{self.name}: sizes must be >= 0 (or one -1)")
                return value
        elif k == "text":
            if isinstance(value, str):
                return value
        raise GraphError(f"{self.name} must be {_KIND_WORDS[k]}, got {value!r}")

    def _bounded(self, v):
        if self.minimum is not None and v < self.minimum:
            raise GraphError(f"{self.name} must be at least {self.minimum}, got {v}")
        if self.maximum is not None and v > self.maximum:
            raise GraphError(f"{self.name} must be at most {self.maximum}, got {v}")
        return v


_KIND_WORDS = {"bool": "true or false", "int": "an integer", "dim": "an integer dimension",
               "float": "a number", "dims": "an integer or a list of integers",
               "shape": "a list of integers", "text": "text", "choice": "a choice"}


def _is_int(v) -> bool:
    return isinstance(v, int | np.integer) and not isinstance(v, bool | np.bool_)


@dataclass(frozen=True)
class NodeType:
    """One kind of node (see the table in :mod:`graphstudio.engine.nodetable`).

    Fields: ``type_id``, ``label``, ``category`` (one of :data:`CATEGORIES`), ``doc`` (one
    line), ``default_name`` (base for new nodes' names), ``inputs``/``outputs`` (PortSpec
    tuples in declared order), ``attrs`` (AttrSpec tuple), ``has_tensor`` (Input/Parameter hold
    a :class:`TensorSpec`), ``torch_name`` (the PyTorch function it stands for),
    ``derivative`` (the local derivative rule, for the inspector), ``formula`` (losses: what
    PyTorch computes), ``aliases`` (extra words for :func:`search`).
    """

    type_id: str
    label: str
    category: str
    doc: str
    default_name: str
    inputs: tuple[PortSpec, ...] = ()
    outputs: tuple[PortSpec, ...] = (PortSpec("out", "the result"),)
    attrs: tuple[AttrSpec, ...] = ()
    has_tensor: bool = False
    torch_name: str = ""
    derivative: str = ""
    formula: str = ""
    aliases: tuple[str, ...] = ()
    #: (attrs, {port: (shape, dtype)}) -> tuple of (shape, dtype) per output; raises ShapeError
    rule: Callable = field(default=None, repr=False, compare=False)
    #: (attrs, {port: argument text}) -> expression text
    line: Callable = field(default=None, repr=False, compare=False)
    #: (torch module, functional module, attrs, {port: tensor}) -> tensor or tuple
    fn: Callable = field(default=None, repr=False, compare=False)
    #: the TensorSpec a new node of this type starts with (has_tensor types only)
    tensor_default: TensorSpec | None = field(default=None, repr=False)

    #: names of ``inputs`` / ``outputs`` in declared order (derived, cached)
    input_names: tuple[str, ...] = field(init=False, repr=False, compare=False)
    output_names: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "input_names", tuple(p.name for p in self.inputs))
        object.__setattr__(self, "output_names", tuple(p.name for p in self.outputs))

    @property
    def required_inputs(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.inputs if not p.optional)

    @property
    def first_input(self) -> str | None:
        """The port a dropped wire connects to (None when the type has no input)."""
        return self.inputs[0].name if self.inputs else None

    @property
    def first_output(self) -> str | None:
        return self.outputs[0].name if self.outputs else None

    def attr(self, name: str) -> AttrSpec:
        for a in self.attrs:
            if a.name == name:
                return a
        raise KeyError(name)

    def check_attr(self, name: str, value):
        """The normalised value, or GraphError saying why ``value`` is not allowed."""
        try:
            spec = self.attr(name)
        except KeyError:
            raise GraphError(f"{self.type_id} has no attribute {name!r}") from None
        return spec.check(value)

    def default_tensor(self) -> TensorSpec | None:
        return self.tensor_default

    def shape_rule(self, node, ins: Mapping[str, tuple]) -> tuple:
        """Output ``(shape, dtype)`` per output port of ``node`` given its inputs' ones."""
        if self.has_tensor:
            return self.rule(node.attrs, node.tensor)
        return self.rule(node.attrs, ins)

    def torch_line(self, node, arg_names: Mapping[str, str], explicit: bool = True) -> str:
        """The PyTorch expression this node stands for, e.g. ``torch.matmul(x, w)``.

        ``arg_names`` maps connected input ports to the names (or expressions) feeding them.
        The exporter writes ``name = <expr>``; a multi-output node's expression evaluates to a
        tuple in ``output_names`` order. Tensor nodes give their exact values
        (``torch.tensor([...])``) or, for deterministic initializers, the creating call; with
        ``explicit=False`` random initializers read as the call followed by a comment,
        ``torch.randn(5, 3)  # GraphStudio's generator, seed 0: not torch's numbers`` (the
        numbers come from GraphStudio's seeded generator, which torch cannot reproduce).
        """
        if self.has_tensor:
            return self.line(node.attrs, node.tensor, explicit)
        return self.line(node.attrs, arg_names)

    def compute(self, node, inputs: Mapping[str, Any], lib=None):
        """Run the node with the engine (or ``lib = (torch, functional)`` modules)."""
        if lib is None:
            import graphstudio.engine as T
            import graphstudio.engine.functional as F
        else:
            T, F = lib
        if self.has_tensor:
            return self.fn(T, F, node.attrs, node.tensor)
        return self.fn(T, F, node.attrs, inputs)


# ------------------------------------------------------------------------ number formatting
def format_number(v, dtype: str = "float32") -> str:
    """Shortest text that reads back as exactly ``v`` in ``dtype`` (JSON- and Python-valid)."""
    if dtype == "bool":
        return "True" if v else "False"
    if dtype == "int64":
        return str(int(v))
    f = float(np.float32(v)) if dtype == "float32" else float(v)
    if not math.isfinite(f):
        return {"inf": "float('inf')", "-inf": "float('-inf')"}.get(str(f), "float('nan')")
    text = str(np.float32(f)) if dtype == "float32" else repr(f)
    return _sci(text) if "e" in text else text


def format_numbers(array, dtype: str = "float32") -> list[str]:
    """:func:`format_number` of every element of ``array`` (flattened in C order), the same
    text, computed in bulk: about ten times faster on big tensors."""
    flat = np.asarray(array).reshape(-1)
    if dtype == "bool":
        return ["True" if v else "False" for v in flat.tolist()]
    if dtype == "int64":
        return [str(int(v)) for v in flat.tolist()]
    if dtype == "float32":
        values = flat.astype(np.float32, copy=False)
        texts = list(map(str, values))  # numpy's shortest float32 text, as format_number's
    else:
        values = flat.astype(np.float64, copy=False)
        texts = list(map(repr, values.tolist()))
    with np.errstate(all="ignore"):
        odd = ~np.isfinite(values)
    for i in np.flatnonzero(odd).tolist():
        texts[i] = format_number(values[i], dtype)
    return [_sci(t) if "e" in t else t for t in texts]


def _sci(text: str) -> str:
    """``1e-05`` -> ``1.0e-05`` (reads as a float in Python and in JSON alike)."""
    mant, exp = text.split("e")
    return text if "." in mant else f"{mant}.0e{exp}"


def nest_literal(texts: Sequence[str], shape: tuple[int, ...]) -> str:
    """The nested list literal of ``shape`` holding ``texts`` (flat, C order)."""
    if not shape:
        return texts[0]
    if 0 in shape:
        inner = "[]"
        for size in reversed(shape[:-1]):
            inner = "[" + ", ".join([inner] * size) + "]"
        return inner
    level = list(texts)
    for size in reversed(shape):
        level = ["[" + ", ".join(level[i:i + size]) + "]" for i in range(0, len(level), size)]
    return level[0]


def tensor_literal(array: np.ndarray, dtype: str | None = None) -> str:
    """A nested Python list literal of ``array`` with round-trip-exact numbers."""
    arr = np.asarray(array)
    return nest_literal(format_numbers(arr, dtype or str(arr.dtype)), arr.shape)


# ------------------------------------------------------------------------ palette helpers
def categories() -> dict[str, list[NodeType]]:
    """Node types grouped by category, in palette order (iterate for the category names)."""
    out: dict[str, list[NodeType]] = {c: [] for c in CATEGORIES}
    for nt in _node_types().values():
        out[nt.category].append(nt)
    return out


def _subsequence_gaps(needle: str, hay: str) -> int | None:
    pos, gaps = -1, 0
    for ch in needle:
        nxt = hay.find(ch, pos + 1)
        if nxt < 0:
            return None
        gaps += nxt - pos - 1 if pos >= 0 else 0
        pos = nxt
    return gaps


def _squash(text: str) -> str:
    return text.lower().replace(" ", "").replace("_", "").replace("-", "")


def search(text: str, types: Sequence[NodeType] | None = None) -> list[NodeType]:
    """Node types matching ``text`` best first (fuzzy: prefix, substring, then subsequence).

    Matches the label, type id, PyTorch name and aliases; words of the doc count less. An
    empty text gives all types in palette order.
    """
    pool = list(_node_types().values()) if types is None else list(types)
    needle = " ".join(text.lower().split())
    if not needle:
        return pool
    squashed = needle.replace(" ", "").replace("_", "")
    scored = []
    for i, nt in enumerate(pool):
        names = [nt.label.lower(), nt.type_id, nt.torch_name.lower().rsplit(".", 1)[-1]]
        flat = [_squash(k) for k in names]
        aliases = [_squash(a) for a in nt.aliases]
        pairs = list(zip(names, flat, strict=True))
        if needle in names[:2] or squashed in flat[:2]:
            score = 0.0
        elif squashed in aliases:
            score = 0.5
        elif any(k.startswith(needle) or f.startswith(squashed) for k, f in pairs):
            score = 1.0
        elif any(needle in k or squashed in f for k, f in pairs):
            score = 2.0
        elif any(squashed in a for a in aliases):
            score = 2.5
        elif needle in nt.doc.lower():
            score = 4.0
        else:
            gaps = [g for f in flat[:2] if (g := _subsequence_gaps(squashed, f)) is not None]
            if not gaps:
                continue
            score = 3.0 + min(gaps) / 100.0
        scored.append((score, i, nt))
    scored.sort(key=lambda s: (s[0], s[1]))
    return [nt for _, _, nt in scored]


def compatible_types(port_kind: str, text: str = "") -> list[NodeType]:
    """Types a dangling wire can connect to, filtered by ``text`` like :func:`search`.

    ``port_kind`` is the kind of port the wire was dragged FROM: ``"output"`` offers every
    type with an input (connect to its :attr:`NodeType.first_input`), ``"input"`` every type
    with an output (connect from :attr:`NodeType.first_output`).
    """
    if port_kind == "output":
        pool = [nt for nt in _node_types().values() if nt.inputs]
    elif port_kind == "input":
        pool = [nt for nt in _node_types().values() if nt.outputs]
    else:
        raise ValueError(f"port_kind must be 'input' or 'output', not {port_kind!r}")
    return search(text, pool)


# ------------------------------------------------------------------------ the registry
# The entries live in nodetable.py, which builds them from the classes above: it imports this
# module, and this module loads it only on first use, so neither import order makes a cycle.
_FROM_TABLE = ("ALL_TYPES", "NODE_TYPES", "REDUCTIONS")

if TYPE_CHECKING:
    from graphstudio.engine.nodetable import ALL_TYPES, NODE_TYPES, REDUCTIONS  # noqa: F401


def _node_types() -> dict[str, NodeType]:
    from graphstudio.engine.nodetable import NODE_TYPES

    return NODE_TYPES


def __getattr__(name: str):
    """``NODE_TYPES`` (and the table's ``ALL_TYPES``, ``REDUCTIONS``), loaded on first use."""
    if name not in _FROM_TABLE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from graphstudio.engine import nodetable

    for n in _FROM_TABLE:
        globals()[n] = getattr(nodetable, n)
    return globals()[name]
