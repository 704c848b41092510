"""What a node type is: ports, attributes, shape rule, PyTorch line, compute, docs.

The registry itself, ``NODE_TYPES[type_id]`` (a frozen :class:`NodeType` each), is built in
:mod:`graphstudio.graph.node_table`. Everything that needs to know about a kind of node reads it
from there: the palette (``category``, ``label``, ``doc``; :mod:`.type_search`), the inspector
(``attrs`` with their editor ``kind``, ``derivative``, ``formula``), validation
(``input_names``/``output_names``), shape inference (:meth:`NodeType.shape_rule`), the runner
(:meth:`NodeType.compute`) and the exporter (:meth:`NodeType.torch_line`). Adding an op means
adding one entry to the table in :mod:`graphstudio.graph.node_table` (plus its engine function).

Port names follow PyTorch's argument names (``input``, ``other``, ``target``, ``weight``, ...).
Most nodes have one output named ``out``; ``max_dim``/``min_dim`` have ``values`` and
``indices``; Output has none (it is a sink that marks what to show).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from graphstudio.graph.elements import GraphError, TensorSpec

__all__ = ["ATTR_KINDS", "AttrSpec", "CATEGORIES", "NodeType", "PortSpec"]

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
    """One kind of node (see the table in :mod:`graphstudio.graph.node_table`).

    Fields: ``type_id``, ``label``, ``category`` (one of :data:`CATEGORIES`), ``doc`` (one
    line), ``default_name`` (base for new nodes' names), ``inputs``/``outputs`` (PortSpec
    tuples in declared order), ``attrs`` (AttrSpec tuple), ``has_tensor`` (Input/Parameter hold
    a :class:`TensorSpec`), ``torch_name`` (the PyTorch function it stands for),
    ``grad_fns`` (the grad_fns the engine records for it; :attr:`derivative` is their rules'
    text, from the engine's formulas), ``gradient_note`` (for a node no gradient passes
    through, what happens instead), ``formula`` (losses: what
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
    grad_fns: tuple[str, ...] = ()
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
    gradient_note: str = ""

    #: names of ``inputs`` / ``outputs`` in declared order (derived, cached)
    input_names: tuple[str, ...] = field(init=False, repr=False, compare=False)
    output_names: tuple[str, ...] = field(init=False, repr=False, compare=False)
    #: ``{attribute name: default}`` in declared order (derived, cached; copy it to change it)
    attr_defaults: dict[str, Any] = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "input_names", tuple(p.name for p in self.inputs))
        object.__setattr__(self, "output_names", tuple(p.name for p in self.outputs))
        object.__setattr__(self, "attr_defaults", {a.name: a.default for a in self.attrs})

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

    def default_tensor(self, used_seeds: Iterable[int] = ()) -> TensorSpec | None:
        """The tensor a new node of this type starts with. A random initializer takes the
        smallest seed not in ``used_seeds`` (the document's), so two new Parameters do not
        start with the same numbers (a bias repeating the weight's first values)."""
        spec = self.tensor_default
        if spec is None or spec.init not in ("rand", "randn"):
            return spec
        taken = set(used_seeds)
        seed = next(s for s in range(len(taken) + 1) if s not in taken)
        return replace(spec, seed=seed)

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

    @property
    def derivative(self) -> str:
        """The local derivative rule for a person: the engine's own rule text of each grad_fn
        this node records (one source with the formula that computes it), else the note."""
        from graphstudio.engine import derivative_rule  # the engine only when a rule is shown

        if not self.grad_fns:
            return self.gradient_note
        if len(self.grad_fns) == 1:
            return derivative_rule(self.grad_fns[0])
        return "\n".join(f"{name}: " + derivative_rule(name).replace("\n", "\n    ")
                         for name in self.grad_fns)

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
