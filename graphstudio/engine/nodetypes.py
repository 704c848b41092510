"""The one registry of node types: ports, attributes, shape rule, PyTorch line, compute, docs.

``NODE_TYPES[type_id]`` is a frozen :class:`NodeType`. Everything that needs to know about a kind
of node reads it from here: the palette (``category``, ``label``, ``doc``, :func:`categories`,
:func:`search`), the inspector (``attrs`` with their editor ``kind``, ``derivative``,
``formula``), validation (``input_names``/``output_names``), shape inference
(:meth:`NodeType.shape_rule`), the runner (:meth:`NodeType.compute`) and the exporter
(:meth:`NodeType.torch_line`). Adding an op means adding one entry to the table at the end
of this file (plus its engine function).

Port names follow PyTorch's argument names (``input``, ``other``, ``target``, ``weight``, ...).
Most nodes have one output named ``out``; ``max_dim``/``min_dim`` have ``values`` and
``indices``; Output has none (it is a sink that marks what to show).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from graphstudio.engine.graph import GraphError, TensorSpec

__all__ = ["AttrSpec", "CATEGORIES", "NODE_TYPES", "NodeType", "PortSpec", "categories",
           "compatible_types", "format_number", "search", "tensor_literal"]

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
    """One kind of node (see the table at the end of this module).

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
        ``explicit=False`` random initializers read ``torch.randn(5, 3)`` instead of values.
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
    if "e" in text and "." not in text.split("e")[0]:
        mant, exp = text.split("e")
        text = f"{mant}.0e{exp}"
    return text


def tensor_literal(array: np.ndarray, dtype: str | None = None) -> str:
    """A nested Python list literal of ``array`` with round-trip-exact numbers."""
    arr = np.asarray(array)
    dtype = dtype or str(arr.dtype)

    def rec(a):
        if a.ndim == 0:
            return format_number(a.item(), dtype)
        return "[" + ", ".join(rec(x) for x in a) + "]"

    return rec(arr)


# ------------------------------------------------------------------------ palette helpers
def categories() -> dict[str, list[NodeType]]:
    """Node types grouped by category, in palette order (iterate for the category names)."""
    out: dict[str, list[NodeType]] = {c: [] for c in CATEGORIES}
    for nt in NODE_TYPES.values():
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
    pool = list(NODE_TYPES.values()) if types is None else list(types)
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
        pool = [nt for nt in NODE_TYPES.values() if nt.inputs]
    elif port_kind == "input":
        pool = [nt for nt in NODE_TYPES.values() if nt.outputs]
    else:
        raise ValueError(f"port_kind must be 'input' or 'output', not {port_kind!r}")
    return search(text, pool)


# ======================================================================== the table
from graphstudio.engine import shapes as S  # noqa: E402  (the rules; shapes imports us lazily)

_NUM = {"float32": "torch.float32", "float64": "torch.float64", "int64": "torch.int64",
        "bool": "torch.bool"}
REDUCTIONS = ("mean", "sum", "none")


def _ports(*specs: str) -> tuple[PortSpec, ...]:
    """``"name: doc"`` strings; a name ending in ``?`` is optional."""
    out = []
    for s in specs:
        name, _, doc = s.partition(":")
        out.append(PortSpec(name.strip().rstrip("?"), doc.strip(), name.strip().endswith("?")))
    return tuple(out)


def _kw(attrs: Mapping[str, Any], specs: Sequence[AttrSpec], always: Sequence[str] = ()) -> str:
    """``", k=v"`` for every attribute that differs from its default or is in ``always``
    (None values are left out: they mean PyTorch's default)."""
    parts = []
    for a in specs:
        v = attrs.get(a.name, a.default)
        if (v != a.default or a.name in always) and v is not None:
            if isinstance(v, tuple) and len(v) == 1 and a.kind == "dims":
                v = v[0]
            parts.append(f"{a.name}={v!r}")
    return "".join(", " + p for p in parts)


def _dims(v):
    """A ``dims`` attribute as the engine wants it: None, an int, or a tuple."""
    return v[0] if isinstance(v, tuple) and len(v) == 1 else v


# --- tensor-holding nodes -------------------------------------------------------------
def _shape_args(shape) -> str:
    return ", ".join(map(str, shape)) if shape else "()"


def _tensor_line(spec: TensorSpec, requires_grad: bool, explicit: bool) -> str:
    dt = spec.dtype
    dkw = "" if dt == "float32" else f", dtype={_NUM[dt]}"
    rg = ", requires_grad=True" if requires_grad else ""
    scale = 1.0 if spec.fill is None else spec.fill
    if spec.init == "values" or (spec.init in ("rand", "randn") and explicit):
        arr = spec.to_numpy()
        if arr.size == 0:
            return f"torch.zeros({_shape_args(arr.shape)}{dkw}{rg})"
        ekw = ", dtype=torch.float64" if dt == "float64" else ""
        return f"torch.tensor({tensor_literal(arr, dt)}{ekw}{rg})"
    if spec.init in ("zeros", "ones"):
        return f"torch.{spec.init}({_shape_args(spec.shape)}{dkw}{rg})"
    if spec.init == "full":
        return (f"torch.full({tuple(spec.shape)!r}, {format_number(spec.fill or 0, dt)}"
                f"{dkw}{rg})")
    if spec.init == "eye":
        return f"torch.eye({_shape_args(spec.shape)}{dkw}{rg})"
    if spec.init == "arange":
        start, step = spec.fill or 0, spec.step or 1
        stop = start + step * spec.numel
        args = ", ".join(format_number(v, "int64" if dt == "int64" else "float64")
                         for v in (start, stop, step))
        text = f"torch.arange({args}{dkw})"
        if len(spec.shape) != 1:
            text += f".reshape({_shape_args(spec.shape)})"
        return text + (".requires_grad_()" if requires_grad else "")
    text = f"torch.{spec.init}({_shape_args(spec.shape)}{dkw})"
    if scale != 1.0:
        text = f"({text} * {format_number(scale, 'float64')})"
    return text + (".requires_grad_()" if requires_grad else "")


def _tensor_rule(needs_grad: bool):
    def rule(attrs, spec):
        if spec is None:
            raise S.ShapeError("no tensor set")
        if needs_grad and attrs.get("requires_grad") and spec.dtype not in S.FLOATS:
            raise S.ShapeError(f"only floating point tensors can require gradients, this one "
                               f"is {spec.dtype}")
        return ((spec.shape, spec.dtype),)

    return rule


def _tensor_fn(T, F, attrs, spec):
    t = T.tensor(spec.to_numpy(), dtype=getattr(T, spec.dtype))
    if attrs.get("requires_grad"):
        t.requires_grad_(True)
    return t


def _tensor_type(type_id, label, doc, default_name, attrs, tensor, aliases):
    return NodeType(
        type_id, label, "Inputs", doc, default_name, (), _ports("out: the tensor"), attrs,
        has_tensor=True, torch_name="torch.tensor", aliases=aliases,
        rule=_tensor_rule(bool(attrs)),
        line=lambda a, spec, explicit: _tensor_line(spec, bool(a.get("requires_grad")),
                                                    explicit),
        fn=_tensor_fn, tensor_default=tensor)


# --- ops ------------------------------------------------------------------------------
_X = _ports("input: the tensor")
_XY = _ports("input: the first operand", "other: the second operand")


def _op(type_id, label, category, doc, inputs, rule, line, fn, derivative, attrs=(),
        outputs=None, default_name=None, torch_name="", formula="", aliases=()):
    return NodeType(type_id, label, category, doc, default_name or type_id, inputs,
                    _ports("out: the result") if outputs is None else outputs, attrs, False,
                    torch_name, derivative, formula, aliases, rule, line, fn)


def _binop(type_id, label, sym, pyop, derivative, aliases=()):
    return _op(type_id, label, "Math", f"Elementwise input {sym} other, with broadcasting",
               _XY, S.elementwise(sym), lambda a, x: f"{x['input']} {sym} {x['other']}",
               lambda T, F, a, i: pyop(i["input"], i["other"]), derivative,
               torch_name=f"torch.{type_id}", aliases=aliases)


def _unary(type_id, label, category, doc, derivative, rule=S.unary_float, mod="torch",
           attrs=(), aliases=()):
    """``torch.<type_id>(x)`` or ``F.<type_id>(x, **attrs)``."""

    def line(a, x):
        return f"{mod}.{type_id}({x['input']}{_kw(a, attrs, always=('dim',))})"

    def fn(T, F, a, i):
        f = getattr(T if mod == "torch" else F, type_id)
        return f(i["input"], **{s.name: a[s.name] for s in attrs})

    return _op(type_id, label, category, doc, _X, rule, line, fn, derivative, attrs,
               torch_name=f"{'torch.nn.functional' if mod == 'F' else 'torch'}.{type_id}",
               aliases=aliases)


def _reduce(type_id, label, doc, rule, derivative, attrs, outputs=None, method=None):
    method = method or type_id

    def line(a, x):
        return f"{x['input']}.{method}({_kw(a, attrs, ('dim',) if outputs else ()).lstrip(', ')})"

    def fn(T, F, a, i):
        kw = {s.name: (_dims(a[s.name]) if s.kind == "dims" else a[s.name]) for s in attrs}
        if kw.get("dim", 0) is None:
            kw.pop("dim")
            if not kw.get("keepdim"):
                kw.pop("keepdim", None)
        res = getattr(i["input"], method)(**kw)
        return tuple(res) if outputs else res

    return _op(type_id, label, "Reductions", doc, _X, rule, line, fn, derivative, attrs,
               outputs=outputs, torch_name=f"torch.Tensor.{method}")


def _shape_op(type_id, label, doc, rule, attrs, args, derivative):
    """A ``x.<type_id>(<args>)`` view op; ``args(attrs)`` gives the positional values."""

    def line(a, x):
        return f"{x['input']}.{type_id}({', '.join(map(repr, args(a)))})"

    def fn(T, F, a, i):
        return getattr(i["input"], type_id)(*args(a))

    return _op(type_id, label, "Shape", doc, _X, rule, line, fn, derivative, attrs,
               torch_name=f"torch.Tensor.{type_id}")


def _join(type_id, label, doc, rule, derivative):
    def line(a, x):
        ts = ", ".join(x[p] for p in ("a", "b", "c") if p in x)
        return f"torch.{type_id}([{ts}]{_kw(a, _DIM0)})"

    def fn(T, F, a, i):
        return getattr(T, type_id)([i[p] for p in ("a", "b", "c") if p in i], dim=a["dim"])

    return _op(type_id, label, "Shape", doc,
               _ports("a: first tensor", "b: second tensor", "c?: optional third tensor"),
               rule, line, fn, derivative, _DIM0, torch_name=f"torch.{type_id}")


_REDUCTION = AttrSpec("reduction", "choice", "mean", "how to combine the per-element losses",
                      REDUCTIONS)
_IGNORE = AttrSpec("ignore_index", "int", -100, "a target class that contributes nothing")
_DIM0 = (AttrSpec("dim", "dim", 0, "the dimension to join along"),)


def _loss(type_id, label, doc, inputs, rule, formula, derivative, extra=(), aliases=()):
    attrs = (_REDUCTION, *extra)
    names = [p.name for p in inputs]

    def line(a, x):
        pos = ", ".join(x[n] for n in names[:2])
        kws = "".join(f", {n}={x[n]}" for n in names[2:] if n in x)
        return f"F.{type_id}({pos}{kws}{_kw(a, attrs)})"

    def fn(T, F, a, i):
        kws = {n: i[n] for n in names[2:] if n in i}
        return getattr(F, type_id)(i["input"], i["target"], **kws,
                                   **{s.name: a[s.name] for s in attrs})

    short = {"binary_cross_entropy": "bce", "binary_cross_entropy_with_logits":
             "bce_with_logits"}.get(type_id, type_id)
    return _op(short, label, "Losses", doc, inputs, rule, line, fn, derivative, attrs,
               default_name="loss", torch_name=f"torch.nn.functional.{type_id}",
               formula=formula, aliases=("loss", type_id, *aliases))


def _linear_line(a, x):
    bias = f", {x['bias']}" if "bias" in x else ""
    return f"F.linear({x['input']}, {x['weight']}{bias})"


def _clamp_line(a, x):
    return f"torch.clamp({x['input']}{_kw(a, _CLAMP, ('min', 'max'))})"


_CLAMP = (AttrSpec("min", "float", 0.0, "lower bound (empty: none)", optional=True),
          AttrSpec("max", "float", 1.0, "upper bound (empty: none)", optional=True))
_KEEP = AttrSpec("keepdim", "bool", False, "keep reduced dimensions with size 1")
_ALLDIMS = (AttrSpec("dim", "dims", None, "dimension(s) to reduce (empty: all)", optional=True),
            _KEEP)
_ONEDIM = (AttrSpec("dim", "dim", -1, "the dimension to reduce"), _KEEP)
_VALIDX = _ports("values: the extreme values", "indices: where they are (int64)")
_SOFTDIM = (AttrSpec("dim", "dim", -1, "the dimension that sums to one"),)
_LOGITS = "input: raw scores (logits)"
_CLASSES = ("input: scores, shape (N, C) or (C,)", "target: class indices (int64), shape (N,)",
            "weight?: per-class weights, shape (C,)")

ALL_TYPES: tuple[NodeType, ...] = (
    # ---------------------------------------------------------------- Inputs
    _tensor_type("input", "Input", "A data tensor that never requires grad (x, y, targets)",
                 "x", (), TensorSpec("ones", (3,)), ("data", "tensor", "x", "target")),
    _tensor_type("parameter", "Parameter",
                 "A leaf tensor that requires grad; untick requires_grad to freeze it", "w",
                 (AttrSpec("requires_grad", "bool", True, "gradients flow into .grad; "
                           "off = frozen"),),
                 TensorSpec("randn", (3,), seed=0),
                 ("weight", "bias", "leaf", "variable", "freeze", "frozen")),
    NodeType("constant", "Constant", "Inputs", "A Python number (a scalar that is not a tensor)",
             "c", (), _ports("out: the number"),
             (AttrSpec("value", "float", 1.0, "the number"),),
             torch_name="float", aliases=("scalar", "number"),
             rule=lambda a, ins: (((), "number"),),
             line=lambda a, x: format_number(a["value"], "float64"),
             fn=lambda T, F, a, i: float(a["value"])),
    # ---------------------------------------------------------------- Math
    _binop("add", "Add", "+", lambda a, b: a + b,
           "d(a+b)/da = 1, d(a+b)/db = 1 (gradients are summed back over broadcast dims)",
           ("plus", "+")),
    _binop("sub", "Subtract", "-", lambda a, b: a - b, "d(a-b)/da = 1, d(a-b)/db = -1",
           ("minus", "-")),
    _binop("mul", "Multiply", "*", lambda a, b: a * b, "d(a*b)/da = b, d(a*b)/db = a",
           ("times", "product", "*")),
    _binop("div", "Divide", "/", lambda a, b: a / b, "d(a/b)/da = 1/b, d(a/b)/db = -a/b²",
           ("divide", "/")),
    _op("pow", "Power", "Math", "Elementwise input ** exponent",
        _ports("input: the base", "exponent: the power (a tensor or a Constant)"),
        lambda a, ins: S.elementwise("**")(a, {"input": ins["input"], "other": ins["exponent"]}),
        lambda a, x: f"{x['input']} ** {x['exponent']}",
        lambda T, F, a, i: i["input"] ** i["exponent"],
        "d(a**p)/da = p·a**(p-1), d(a**p)/dp = a**p·ln(a)", torch_name="torch.pow",
        aliases=("square", "**")),
    _op("matmul", "MatMul", "Math", "Matrix product input @ other (1-D, 2-D and batched)",
        _XY, S.matmul, lambda a, x: f"torch.matmul({x['input']}, {x['other']})",
        lambda T, F, a, i: T.matmul(i["input"], i["other"]),
        "d(A@B)/dA = grad @ Bᵀ, d(A@B)/dB = Aᵀ @ grad", torch_name="torch.matmul",
        aliases=("mm", "dot", "@")),
    _op("neg", "Negate", "Math", "Elementwise -input", _X, S.unary_same,
        lambda a, x: f"-{x['input']}", lambda T, F, a, i: -i["input"], "d(-a)/da = -1",
        torch_name="torch.neg", aliases=("negative", "minus")),
    _unary("exp", "Exp", "Math", "Elementwise e ** input", "d(exp a)/da = exp a"),
    _unary("log", "Log", "Math", "Elementwise natural logarithm", "d(ln a)/da = 1/a",
           aliases=("ln",)),
    _unary("sqrt", "Sqrt", "Math", "Elementwise square root", "d(√a)/da = 1/(2√a)"),
    _unary("abs", "Abs", "Math", "Elementwise absolute value", "d|a|/da = sign(a), 0 at 0",
           rule=S.unary_same),
    _op("clamp", "Clamp", "Math", "Limit input to [min, max]", _X, S.clamp, _clamp_line,
        lambda T, F, a, i: i["input"].clamp(min=a["min"], max=a["max"]),
        "d clamp(a)/da = 1 where min <= a <= max, else 0", _CLAMP, torch_name="torch.clamp",
        aliases=("clip",)),
    _op("maximum", "Maximum", "Math", "Elementwise larger of input and other", _XY,
        S.binary_tensor, lambda a, x: f"torch.maximum({x['input']}, {x['other']})",
        lambda T, F, a, i: T.maximum(i["input"], i["other"]),
        "d max(a,b)/da = 1 where a > b, 1/2 where a = b, else 0", torch_name="torch.maximum"),
    _op("minimum", "Minimum", "Math", "Elementwise smaller of input and other", _XY,
        S.binary_tensor, lambda a, x: f"torch.minimum({x['input']}, {x['other']})",
        lambda T, F, a, i: T.minimum(i["input"], i["other"]),
        "d min(a,b)/da = 1 where a < b, 1/2 where a = b, else 0", torch_name="torch.minimum"),
    _op("where", "Where", "Math", "Pick input where condition is true, else other",
        _ports("condition: a bool tensor", "input: taken where true", "other: taken where false"),
        S.where, lambda a, x: f"torch.where({x['condition']}, {x['input']}, {x['other']})",
        lambda T, F, a, i: T.where(i["condition"], i["input"], i["other"]),
        "d where(c,a,b)/da = c, d/db = not c (no gradient to the condition)",
        torch_name="torch.where", aliases=("select", "if")),
    _op("linear", "Linear", "Math", "input @ weightᵀ + bias (a fully connected layer)",
        _ports("input: shape (..., in_features)", "weight: shape (out_features, in_features)",
               "bias?: shape (out_features,)"),
        S.linear, _linear_line,
        lambda T, F, a, i: F.linear(i["input"], i["weight"], i.get("bias")),
        "y = x @ Wᵀ + b: dy/dx = grad @ W, dy/dW = gradᵀ @ x, dy/db = grad summed over batch",
        torch_name="torch.nn.functional.linear", aliases=("dense", "fully connected", "layer")),
    # ---------------------------------------------------------------- Activations
    _unary("relu", "ReLU", "Activations", "max(input, 0) elementwise",
           "d relu(a)/da = 1 if a > 0 else 0", rule=S.unary_same),
    _unary("leaky_relu", "Leaky ReLU", "Activations", "input if > 0 else negative_slope·input",
           "d/da = 1 if a > 0 else negative_slope", rule=S.unary_same, mod="F",
           attrs=(AttrSpec("negative_slope", "float", 0.01, "slope for negative inputs"),)),
    _unary("sigmoid", "Sigmoid", "Activations", "1 / (1 + e ** -input)",
           "dσ(a)/da = σ(a)·(1 - σ(a))", aliases=("logistic",)),
    _unary("tanh", "Tanh", "Activations", "Hyperbolic tangent", "d tanh(a)/da = 1 - tanh²(a)"),
    _unary("softplus", "Softplus", "Activations", "log(1 + e ** (beta·input)) / beta",
           "d softplus(a)/da = σ(beta·a) (1 above threshold)", mod="F",
           attrs=(AttrSpec("beta", "float", 1.0, "sharpness", minimum=1e-6),
                  AttrSpec("threshold", "float", 20.0, "above this beta·input, linear"))),
    _unary("gelu", "GELU", "Activations", "input·Φ(input), Φ the normal CDF",
           "d gelu(a)/da = Φ(a) + a·φ(a)", mod="F",
           attrs=(AttrSpec("approximate", "choice", "none", "exact or tanh approximation",
                           ("none", "tanh")),)),
    _unary("softmax", "Softmax", "Activations", "exp(input) normalised to sum to 1 along dim",
           "ds_i/da_j = s_i·(δ_ij - s_j): grad_in = s·(g - Σ g·s)", rule=S.dim_float,
           attrs=_SOFTDIM),
    _unary("log_softmax", "Log Softmax", "Activations", "log(softmax(input)), computed stably",
           "grad_in = g - softmax(a)·Σ g", rule=S.dim_float, attrs=_SOFTDIM),
    # ---------------------------------------------------------------- Reductions
    _reduce("sum", "Sum", "Sum of elements (all, or along dim)", S.reduce_sum,
            "d Σa/da_i = 1: the gradient is broadcast back", _ALLDIMS),
    _reduce("mean", "Mean", "Mean of elements (all, or along dim)", S.reduce_mean,
            "d mean(a)/da_i = 1/N", _ALLDIMS),
    _reduce("max", "Max", "Largest element (a 0-d tensor)", S.reduce_all,
            "the gradient goes to the largest element, split evenly among ties", ()),
    _reduce("min", "Min", "Smallest element (a 0-d tensor)", S.reduce_all,
            "the gradient goes to the smallest element, split evenly among ties", ()),
    _reduce("max_dim", "Max along dim", "Largest values along dim, and their indices",
            S.reduce_dim, "the gradient goes to the arg-max along dim", _ONEDIM, _VALIDX, "max"),
    _reduce("min_dim", "Min along dim", "Smallest values along dim, and their indices",
            S.reduce_dim, "the gradient goes to the arg-min along dim", _ONEDIM, _VALIDX, "min"),
    # ---------------------------------------------------------------- Shape
    _shape_op("reshape", "Reshape", "Same elements, new shape (one size may be -1)", S.reshape,
              (AttrSpec("shape", "shape", (-1,), "the new shape"),), lambda a: a["shape"],
              "the gradient is reshaped back to the input's shape"),
    _shape_op("transpose", "Transpose", "Swap two dimensions", S.transpose,
              (AttrSpec("dim0", "dim", 0, "first dimension"),
               AttrSpec("dim1", "dim", 1, "second dimension")),
              lambda a: (a["dim0"], a["dim1"]), "the gradient is transposed back"),
    _shape_op("t", "T (2-D transpose)", "Transpose a tensor of at most 2 dimensions", S.t, (),
              lambda a: (), "the gradient is transposed back"),
    _shape_op("permute", "Permute", "Reorder all dimensions", S.permute,
              (AttrSpec("dims", "dims", (1, 0), "the new order of the dimensions"),),
              lambda a: a["dims"], "the gradient is permuted back by the inverse order"),
    _shape_op("squeeze", "Squeeze", "Drop dimensions of size 1 (all, or just dim)", S.squeeze,
              (AttrSpec("dim", "dim", None, "the dimension (empty: all of size 1)",
                        optional=True),),
              lambda a: () if a["dim"] is None else (a["dim"],),
              "the gradient is reshaped back to the input's shape"),
    _shape_op("unsqueeze", "Unsqueeze", "Insert a dimension of size 1 at dim", S.unsqueeze,
              (AttrSpec("dim", "dim", 0, "where the new dimension goes"),),
              lambda a: (a["dim"],), "the gradient is squeezed back"),
    _join("cat", "Concatenate", "Join tensors along an existing dimension", S.cat,
          "the gradient is split along dim back to each input"),
    _join("stack", "Stack", "Join equal-shaped tensors along a new dimension", S.stack,
          "the gradient is unbound along dim back to each input"),
    # ---------------------------------------------------------------- Losses
    _loss("mse_loss", "MSE loss", "Mean squared error between input and target",
          _ports("input: predictions", "target: wanted values"), S.regression_loss,
          "ℓ = mean((x - y)²)", "dℓ/dx = 2·(x - y)/N", aliases=("squared", "l2")),
    _loss("l1_loss", "L1 loss", "Mean absolute error between input and target",
          _ports("input: predictions", "target: wanted values"), S.regression_loss,
          "ℓ = mean(|x - y|)", "dℓ/dx = sign(x - y)/N", aliases=("absolute", "mae")),
    _loss("binary_cross_entropy", "BCE", "Binary cross-entropy of probabilities in [0, 1]",
          _ports("input: probabilities", "target: 0..1 labels", "weight?: per-element weights"),
          S.bce_loss, "ℓ = mean(-w·[y·log x + (1-y)·log(1-x)]), each log clamped to >= -100",
          "dℓ/dx = w·(x - y) / (x·(1 - x)) / N"),
    _loss("binary_cross_entropy_with_logits", "BCE with logits",
          "Binary cross-entropy on raw scores (sigmoid built in, numerically stable)",
          _ports(_LOGITS, "target: 0..1 labels", "pos_weight?: weight of positive examples"),
          S.bce_loss,
          "ℓ = mean(-[p·y·log σ(x) + (1-y)·log(1-σ(x))]), computed stably as "
          "(1-y)·x + (1+(p-1)·y)·(log(1+e^-|x|) + max(-x, 0))",
          "dℓ/dx = ((1 + (p-1)·y)·σ(x) - p·y) / N", aliases=("sigmoid",)),
    _loss("nll_loss", "NLL loss", "Negative log likelihood of log-probabilities and classes",
          _ports("input: log-probabilities, shape (N, C) or (C,)", *_CLASSES[1:]),
          S.class_loss,
          "ℓ = Σ_n -w[t_n]·x[n, t_n] / Σ_n w[t_n] (mean), skipping t_n = ignore_index",
          "dℓ/dx[n, t_n] = -w[t_n] / Σ w, 0 elsewhere", (_IGNORE,)),
    _loss("cross_entropy", "Cross-entropy", "Softmax + negative log likelihood for classes",
          _ports(*_CLASSES), S.class_loss,
          "ℓ = nll_loss(log_softmax(x, dim=1), t): log-sum-exp shifted by the row max",
          "dℓ/dx = (softmax(x) - onehot(t))·w[t] / Σ w", (_IGNORE,), ("softmax", "ce")),
    # ---------------------------------------------------------------- Autograd
    _op("detach", "Detach", "Autograd", "The same values, cut from the graph (no gradient)", _X,
        S.unary_same, lambda a, x: f"{x['input']}.detach()",
        lambda T, F, a, i: i["input"].detach(), "no gradient flows through a detach",
        torch_name="torch.Tensor.detach", aliases=("stop gradient", "no grad")),
    _op("output", "Output", "Autograd", "Marks a tensor to show and print (a sink)",
        _ports("input: the tensor to show"), lambda a, ins: (ins["input"],),
        lambda a, x: x["input"], lambda T, F, a, i: i["input"], "passes the value through",
        outputs=(), default_name="output", torch_name="print", aliases=("print", "show",
                                                                          "sink")),
)

NODE_TYPES: dict[str, NodeType] = {nt.type_id: nt for nt in ALL_TYPES}
