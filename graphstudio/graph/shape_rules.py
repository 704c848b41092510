"""Shape and dtype rules of the node types, one function per kind of op.

:mod:`graphstudio.graph.shape_inference` applies them over a whole graph. The rule functions
below are used by the node-type registry: each takes the node's attributes
and a dict ``{input port: (shape, dtype)}`` of the connected inputs and returns one
``(shape, dtype)`` per output port, or raises :class:`ShapeError` with a message that the
caller prefixes with the node type. dtype is one of ``float32``, ``float64``, ``int64``,
``bool``, or ``number`` (a Python scalar from a Constant node, which, as in PyTorch, does not
promote a tensor's dtype).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

__all__ = ["Shape", "ShapeError", "ShapeResult", "Val", "fmt"]

Shape = tuple[int, ...]
Val = tuple[Shape, str]

FLOATS = ("float32", "float64")


class ShapeError(ValueError):
    """A rule's complaint; the message is for a person."""


@dataclass(frozen=True, slots=True)
class ShapeResult:
    """What shape inference says about one node.

    ``shape``/``dtype`` describe the node's first output (for an Output node: what it shows);
    ``outputs`` maps every output port to ``(shape, dtype)``. On a problem ``shape``, ``dtype``
    are None, ``outputs`` is empty and ``error`` says what is wrong.
    """

    shape: Shape | None
    dtype: str | None
    error: str | None = None
    outputs: Mapping[str, Val] | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def fmt(shape: Shape) -> str:
    """``(5,)``, ``(4, 3)``, ``()``: the way Python (and torch.Size) prints a shape."""
    return str(tuple(shape))


# ------------------------------------------------------------------------ helpers for rules
def norm_dim(dim: int, ndim: int, what: str = "dim") -> int:
    """``dim`` made non-negative for a tensor of ``ndim`` dimensions (0-d counts as 1)."""
    n = max(ndim, 1)
    if not -n <= dim < n:
        raise ShapeError(f"{what} {dim} is out of range for a tensor with {ndim} dimension"
                         f"{'' if ndim == 1 else 's'} (allowed {-n}..{n - 1})")
    return dim % n


def broadcast(shapes: list[Shape], sep: str = "and") -> Shape:
    """numpy/PyTorch broadcasting of several shapes."""
    nd = max((len(s) for s in shapes), default=0)
    out = []
    for i in range(-nd, 0):
        size = 1
        for s in shapes:
            if len(s) >= -i:
                d = s[i]
                if d != 1:
                    if size not in (1, d):
                        joined = f" {sep} ".join(fmt(s) for s in shapes)
                        raise ShapeError(f"shapes {joined} cannot be broadcast: size {size} vs "
                                         f"{d} in dimension {i}")
                    size = d
        out.append(size)
    return tuple(out)


def promote(*dtypes: str) -> str:
    """Result dtype of arithmetic on these dtypes (Python numbers do not promote tensors)."""
    tensors = [d for d in dtypes if d != "number"]
    if not tensors:
        return "number"
    for d in ("float64", "float32", "int64"):
        if d in tensors:
            return d
    return "bool"


def float_of(dtype: str) -> str:
    return "float64" if dtype == "float64" else "float32"


def need_float(dtype: str, what: str = "input") -> str:
    if dtype not in FLOATS:
        raise ShapeError(f"{what} must be a floating point tensor, got {dtype}")
    return dtype


def need_tensor(ins: Mapping[str, Val], *ports: str) -> None:
    for p in ports:
        if p in ins and ins[p][1] == "number":
            raise ShapeError(f"input {p!r} must be a tensor, not a Python number")


# ------------------------------------------------------------------------ rules
def elementwise(op: str):
    """Binary arithmetic with broadcasting (``input op other``)."""

    def rule(attrs, ins):
        (sa, da), (sb, db) = ins["input"], ins["other"]
        if da == "number" and db == "number":
            raise ShapeError("both inputs are Python numbers; make one of them a tensor")
        dt = promote(da, db)
        if op == "/" and dt in ("int64", "bool"):
            dt = "float32"
        return ((broadcast([sa, sb]), dt),)

    return rule


def binary_tensor(attrs, ins):
    """torch.maximum / torch.minimum: two tensors, broadcast."""
    need_tensor(ins, "input", "other")
    (sa, da), (sb, db) = ins["input"], ins["other"]
    return ((broadcast([sa, sb]), promote(da, db)),)


def unary_same(attrs, ins):
    """Same shape and dtype (neg, abs, relu, detach, ...)."""
    need_tensor(ins, "input")
    return (ins["input"],)


def unary_float(attrs, ins):
    """Same shape, floating result (exp, log, sigmoid, ...)."""
    need_tensor(ins, "input")
    s, d = ins["input"]
    return ((s, float_of(d)),)


def dim_float(attrs, ins):
    """softmax / log_softmax: same shape, ``dim`` must exist."""
    s, d = unary_float(attrs, ins)[0]
    norm_dim(attrs["dim"], len(s))
    return ((s, d),)


def clamp(attrs, ins):
    if attrs["min"] is None and attrs["max"] is None:
        raise ShapeError("at least one of min and max must be set")
    return unary_same(attrs, ins)


def matmul(attrs, ins):
    need_tensor(ins, "input", "other")
    (a, da), (b, db) = ins["input"], ins["other"]
    if not a or not b:
        raise ShapeError(f"{fmt(a)} @ {fmt(b)}: both arguments need at least 1 dimension")
    k1 = a[-1]
    k2 = b[0] if len(b) == 1 else b[-2]
    if k1 != k2:
        raise ShapeError(f"{fmt(a)} @ {fmt(b)}: inner dimensions {k1} and {k2} differ")
    dt = promote(da, db)
    if len(a) == 1 and len(b) == 1:
        return (((), dt),)
    if len(b) == 1:
        return ((a[:-1], dt),)
    if len(a) == 1:
        return ((b[:-2] + b[-1:], dt),)
    batch = broadcast([a[:-2], b[:-2]])
    return ((batch + (a[-2], b[-1]), dt),)


def linear(attrs, ins):
    need_tensor(ins, "input", "weight", "bias")
    (x, dx), (w, dw) = ins["input"], ins["weight"]
    if len(w) not in (1, 2):
        raise ShapeError(f"weight must be 1-D or 2-D (out_features, in_features), got {fmt(w)}")
    if not x:
        raise ShapeError("input needs at least 1 dimension")
    if x[-1] != w[-1]:
        raise ShapeError(f"input {fmt(x)} has {x[-1]} features but weight {fmt(w)} expects "
                         f"{w[-1]}")
    out = x[:-1] + w[:-1]
    dt = promote(dx, dw)
    if "bias" in ins:
        sb, db = ins["bias"]
        try:
            out = broadcast([out, sb])
        except ShapeError:
            raise ShapeError(f"bias {fmt(sb)} does not fit the output {fmt(out)}") from None
        dt = promote(dt, db)
    return ((out, dt),)


def where(attrs, ins):
    need_tensor(ins, "condition")
    sc, dc = ins["condition"]
    if dc != "bool":
        raise ShapeError(f"condition must be a bool tensor, got {dc}")
    (sa, da), (sb, db) = ins["input"], ins["other"]
    if da == "number" and db == "number":
        raise ShapeError("input and other are both Python numbers; make one a tensor")
    return ((broadcast([sc, sa, sb], "/"), promote(da, db)),)


def _reduced(shape: Shape, dims, keepdim: bool) -> Shape:
    if dims is None:
        return tuple(1 for _ in shape) if keepdim else ()
    if isinstance(dims, int):
        dims = (dims,)
    nd = [norm_dim(d, len(shape)) for d in dims]
    if len(set(nd)) != len(nd):
        raise ShapeError(f"dim {tuple(dims)} repeats a dimension")
    if not shape:
        return ()
    if keepdim:
        return tuple(1 if i in nd else s for i, s in enumerate(shape))
    return tuple(s for i, s in enumerate(shape) if i not in nd)


def reduce_sum(attrs, ins):
    need_tensor(ins, "input")
    s, d = ins["input"]
    dt = "int64" if d in ("bool", "int64") else d
    return ((_reduced(s, attrs["dim"], attrs["keepdim"]), dt),)


def reduce_mean(attrs, ins):
    need_tensor(ins, "input")
    s, d = ins["input"]
    need_float(d)
    return ((_reduced(s, attrs["dim"], attrs["keepdim"]), d),)


def reduce_all(attrs, ins):
    """max()/min() over every element: a 0-d tensor."""
    need_tensor(ins, "input")
    s, d = ins["input"]
    if 0 in s:
        raise ShapeError(f"cannot take the max/min of an empty tensor {fmt(s)}")
    return (((), d),)


def reduce_dim(attrs, ins):
    """max(dim)/min(dim): values and int64 indices."""
    need_tensor(ins, "input")
    s, d = ins["input"]
    dim = norm_dim(attrs["dim"], len(s))
    if s and s[dim] == 0:
        raise ShapeError(f"cannot reduce the empty dimension {dim} of {fmt(s)}")
    out = _reduced(s, dim, attrs["keepdim"])
    return ((out, d), (out, "int64"))


def reshape(attrs, ins):
    need_tensor(ins, "input")
    s, d = ins["input"]
    target = tuple(attrs["shape"])
    numel = _numel(s)
    if target.count(-1) > 1:
        raise ShapeError(f"shape {fmt(target)}: only one dimension can be -1")
    if any(t < -1 for t in target):
        raise ShapeError(f"shape {fmt(target)}: invalid size {min(target)}")
    if -1 in target:
        rest = _numel(tuple(t for t in target if t != -1))
        if rest == 0 or numel % rest:
            raise ShapeError(f"shape {fmt(target)} is invalid for an input of {numel} elements")
        target = tuple(numel // rest if t == -1 else t for t in target)
    if _numel(target) != numel:
        raise ShapeError(f"shape {fmt(target)} is invalid for an input of {numel} elements "
                         f"{fmt(s)}")
    return ((target, d),)


def transpose(attrs, ins):
    need_tensor(ins, "input")
    s, d = ins["input"]
    if not s:
        return (ins["input"],)
    a, b = norm_dim(attrs["dim0"], len(s), "dim0"), norm_dim(attrs["dim1"], len(s), "dim1")
    out = list(s)
    out[a], out[b] = out[b], out[a]
    return ((tuple(out), d),)


def t(attrs, ins):
    need_tensor(ins, "input")
    s, d = ins["input"]
    if len(s) > 2:
        raise ShapeError(f"t() expects a tensor with at most 2 dimensions, got {fmt(s)}; "
                         "use transpose")
    return ((tuple(reversed(s)), d),)


def permute(attrs, ins):
    need_tensor(ins, "input")
    s, d = ins["input"]
    dims = tuple(attrs["dims"] or ())
    if len(dims) != len(s):
        raise ShapeError(f"dims {fmt(dims)} must name all {len(s)} dimensions of {fmt(s)}")
    nd = [norm_dim(x, len(s)) for x in dims]
    if sorted(nd) != list(range(len(s))):
        raise ShapeError(f"dims {fmt(dims)} is not a permutation of the dimensions")
    return ((tuple(s[i] for i in nd), d),)


def squeeze(attrs, ins):
    need_tensor(ins, "input")
    s, d = ins["input"]
    if attrs["dim"] is None:
        return ((tuple(x for x in s if x != 1), d),)
    dim = norm_dim(attrs["dim"], len(s))
    if s and s[dim] == 1:
        return ((s[:dim] + s[dim + 1:], d),)
    return ((s, d),)


def unsqueeze(attrs, ins):
    need_tensor(ins, "input")
    s, d = ins["input"]
    dim = norm_dim(attrs["dim"], len(s) + 1)
    return ((s[:dim] + (1,) + s[dim:], d),)


def _seq(ins) -> list[Val]:
    need_tensor(ins, *ins)
    return [ins[p] for p in ("a", "b", "c") if p in ins]


def cat(attrs, ins):
    vals = _seq(ins)
    first = vals[0][0]
    if not first:
        raise ShapeError("zero-dimensional tensors cannot be concatenated; use stack")
    dim = norm_dim(attrs["dim"], len(first))
    total = 0
    for s, _ in vals:
        if len(s) != len(first) or any(x != y for i, (x, y) in enumerate(zip(s, first, strict=True))
                                       if i != dim):
            raise ShapeError(f"shapes {' and '.join(fmt(v[0]) for v in vals)} must match "
                             f"except in dimension {dim}")
        total += s[dim]
    return ((first[:dim] + (total,) + first[dim + 1:], promote(*(v[1] for v in vals))),)


def stack(attrs, ins):
    vals = _seq(ins)
    first = vals[0][0]
    if any(s != first for s, _ in vals):
        raise ShapeError(f"shapes {' and '.join(fmt(v[0]) for v in vals)} must be equal")
    dim = norm_dim(attrs["dim"], len(first) + 1)
    return ((first[:dim] + (len(vals),) + first[dim:], promote(*(v[1] for v in vals))),)


def _loss_out(attrs, shape: Shape, dtype: str) -> tuple[Val]:
    return ((shape if attrs["reduction"] == "none" else (), dtype),)


def regression_loss(attrs, ins):
    """mse_loss / l1_loss: input and target broadcast (PyTorch warns when they differ)."""
    need_tensor(ins, "input", "target")
    (si, di), (st, dt) = ins["input"], ins["target"]
    need_float(di)
    return _loss_out(attrs, broadcast([si, st]), promote(di, dt))


def bce_loss(attrs, ins):
    """binary_cross_entropy(_with_logits): target must have input's shape; weights broadcast."""
    need_tensor(ins, *ins)
    (si, di), (st, dt) = ins["input"], ins["target"]
    need_float(di)
    need_float(dt, "target")
    if si != st:
        raise ShapeError(f"target size {fmt(st)} must be the same as input size {fmt(si)}")
    for p in ("weight", "pos_weight"):
        if p in ins:
            try:
                broadcast([ins[p][0], si])
            except ShapeError:
                raise ShapeError(f"{p} {fmt(ins[p][0])} cannot broadcast to input {fmt(si)}"
                                 ) from None
    return _loss_out(attrs, si, di)


def class_loss(attrs, ins):
    """nll_loss / cross_entropy with class indices: input (N, C) or (C,), target (N,) or ()."""
    need_tensor(ins, *ins)
    (si, di), (st, dt) = ins["input"], ins["target"]
    need_float(di)
    if dt != "int64":
        raise ShapeError(f"target must hold class indices (int64), got {dt}")
    if len(si) == 1:
        expected, out = (), ()
    elif len(si) >= 2:
        expected, out = (si[0],) + si[2:], (si[0],) + si[2:]
    else:
        raise ShapeError(f"input must be (C,) or (N, C), got {fmt(si)}")
    if st != expected:
        raise ShapeError(f"target {fmt(st)} does not fit input {fmt(si)}: expected target "
                         f"shape {fmt(expected)}")
    if "weight" in ins:
        sw = ins["weight"][0]
        c = si[0] if len(si) == 1 else si[1]
        if sw != (c,):
            raise ShapeError(f"weight must have one entry per class, shape {fmt((c,))}, "
                             f"got {fmt(sw)}")
    return _loss_out(attrs, out, di)


def _numel(shape: Shape) -> int:
    n = 1
    for s in shape:
        n *= s
    return n
