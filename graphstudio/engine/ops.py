"""Element-wise ops: arithmetic, powers, comparisons, where/maximum/minimum/clamp.

Each op is its forward in numpy next to its backward formula (PyTorch's ``derivatives.yaml``). The
backward returns gradients in the broadcast output shape; the engine reduces them to each input's
shape and dtype. Python scalars never get a gradient slot beyond PyTorch's ``(None, 0)`` entry.
"""

import numpy as np

from . import dtypes
from .node import FORMULA, RESULT, array_namespace, backward_formula, values_of
from .tensor import Tensor, make, to_array, wrap
from .unary import float_input

__all__ = ["add", "sub", "mul", "div", "true_divide", "neg", "pow", "rsub", "rdiv", "rpow",
           "reciprocal", "div_scalar", "square", "where", "maximum", "minimum", "clamp", "clip",
           "eq", "ne", "lt", "le", "gt", "ge", "logical_not", "isfinite", "isnan", "isinf",
           "broadcast_error", "as_operand"]


def broadcast_error(sa, sb):
    """PyTorch's error for shapes that do not broadcast (the right-most mismatch)."""
    nd = max(len(sa), len(sb))
    for i in range(nd - 1, -1, -1):
        off = nd - 1 - i
        a = sa[len(sa) - 1 - off] if off < len(sa) else 1
        b = sb[len(sb) - 1 - off] if off < len(sb) else 1
        if a != b and a != 1 and b != 1:
            return RuntimeError(f"The size of tensor a ({a}) must match the size of tensor b ({b}) "
                                f"at non-singleton dimension {i}")
    return RuntimeError(f"shapes {list(sa)} and {list(sb)} cannot be broadcast")


def as_operand(x):
    """A Tensor for tensors, numpy arrays and numbers used where a tensor is expected."""
    if isinstance(x, Tensor):
        return x
    return wrap(to_array(x, None))


def _operands(a, b):
    """(a_array, b_array_or_scalar, b_tensor_or_None) with PyTorch's type promotion applied."""
    ad = a._data
    if isinstance(b, Tensor):
        bd = b._data
        if ad.dtype != bd.dtype:
            dt = dtypes.result_dtype(ad, bd)
            ad = ad.astype(dt, copy=False)
            bd = bd.astype(dt, copy=False)
        return ad, bd, b
    if isinstance(b, (float, int)):
        kind = ad.dtype.kind
        if kind != "f" and (isinstance(b, float) or (kind == "b" and not isinstance(b, bool))):
            ad = ad.astype(dtypes.result_dtype(ad, b))
        return ad, b, None
    if isinstance(b, (np.ndarray, np.generic, list, tuple)):
        return _operands(a, as_operand(b))
    raise TypeError(f"unsupported operand type: '{type(b).__name__}'")


def _lhs(a):
    return a if isinstance(a, Tensor) else as_operand(a)


def _binary(ufunc, a, b):
    if a.__class__ is Tensor:
        # Fast paths: two tensors of one dtype, or a float tensor and a Python number (numpy keeps
        # the tensor's dtype for a Python scalar, as PyTorch does): no promotion to work out.
        ad = a._data
        kind = b.__class__
        if kind is Tensor:
            bd = b._data
            if ad.dtype == bd.dtype:
                try:
                    return ufunc(ad, bd), ad, bd, b
                except ValueError:
                    raise broadcast_error(ad.shape, bd.shape) from None
        elif (kind is float or kind is int) and ad.dtype.kind == "f":
            return ufunc(ad, b), ad, b, None
    ad, bd, bt = _operands(_lhs(a), b)
    try:
        return ufunc(ad, bd), ad, bd, bt
    except ValueError:
        raise broadcast_error(np.shape(ad), np.shape(bd)) from None


# --- arithmetic ----------------------------------------------------------------------------
@backward_formula("AddBackward0",
                  self="grad (summed back over the dims that were broadcast)",
                  other="alpha * grad (summed back over the dims that were broadcast)")
def AddBackward0(self, g):
    alpha = self._ctx
    return g, (g if alpha == 1 else g * alpha)


@backward_formula("SubBackward0",
                  self="grad (summed back over the dims that were broadcast)",
                  other="-alpha * grad (summed back over the dims that were broadcast)")
def SubBackward0(self, g):
    alpha = self._ctx
    return g, (-g if alpha == 1 else -g * alpha)


@backward_formula("AddBackward1",
                  self="grad (other a number)")
def AddBackward1(self, g):
    return (g,)


@backward_formula("SubBackward1",
                  self="grad (other a number)")
def SubBackward1(self, g):
    return (g,)


def add(input, other, *, alpha=1):
    if alpha != 1 and not isinstance(other, Tensor):
        return add(input, other * alpha)
    out, _, _, bt = _binary(np.add if alpha == 1 else lambda a, b: a + b * alpha, input, other)
    if alpha != 1:  # one node, as torch
        return make(out, AddBackward0, (_lhs(input), bt), None, alpha)
    if bt is None and FORMULA.recording:
        return make(out, AddBackward1, (_lhs(input),))
    return make(out, AddBackward0, (_lhs(input), bt), None, 1)


def sub(input, other, *, alpha=1):
    a = _lhs(input)
    if alpha != 1 and not isinstance(other, Tensor):
        return sub(a, other * alpha)
    if a._data.dtype.kind == "b":
        raise RuntimeError("Subtraction, the `-` operator, with two bool tensors is not supported. "
                           "Use the `^` or `logical_xor()` operator instead.")
    out, _, _, bt = _binary(np.subtract if alpha == 1 else lambda x, y: x - y * alpha, a, other)
    if bt is None and FORMULA.recording:
        return make(out, SubBackward1, (a,))
    return make(out, SubBackward0, (a, bt), None, alpha)


@backward_formula("RsubBackward1",
                  self="-grad (other - self, other a number)")
def RsubBackward1(self, g):
    return (-g,)


def rsub(input, other):
    """``other - input`` for a Python number ``other`` (PyTorch's RsubBackward1)."""
    if isinstance(other, Tensor):
        return sub(other, input)
    ad, b, _ = _operands(input, other)
    if FORMULA.recording:  # C++ ``number - t`` is ``full_like(t, number).sub_(t)``
        return make(np.subtract(b, ad), SubBackward0, (None, input), None, 1)
    return make(np.subtract(b, ad), RsubBackward1, (input,))


@backward_formula("MulBackward0", saves=((0, 1), (1, 0)),
                  self="grad * other (summed back over the dims that were broadcast)",
                  other="grad * self (summed back over the dims that were broadcast)")
def MulBackward0(self, g):
    a, b = self._saved
    return (g * b if self.needs(0) else None), (g * a if self.needs(1) else None)


@backward_formula("MulBackward1",
                  self="grad * other (other a number)")
def MulBackward1(self, g):
    return (g * self._ctx,)


def mul(input, other):
    out, ad, bd, bt = _binary(np.multiply, input, other)
    if bt is None and FORMULA.recording:
        return make(out, MulBackward1, (_lhs(input),), None, bd)
    return make(out, MulBackward0, (_lhs(input), bt), (ad, bd))


@backward_formula("DivBackward0", saves=((0, 1), (1, None)),
                  self="grad / other (summed back over the dims that were broadcast)",
                  other="-grad * (self / other) / other (summed back over the broadcast dims)")
def DivBackward0(self, g):
    a, b = self._saved
    ga = g / b if self.needs(0) else None
    gb = -g * ((a / b) / b) if self.needs(1) else None
    return ga, gb


def div(input, other, *, rounding_mode=None):
    a = _lhs(input)
    if rounding_mode is not None:
        ad, bd, _ = _operands(a, other)
        fn = np.floor_divide if rounding_mode == "floor" else _trunc_divide
        return wrap(fn(ad, bd))
    ad, bd, bt = _operands(a, other)
    if ad.dtype.kind != "f":
        ad = ad.astype(dtypes.default_np())
        bd = bd.astype(ad.dtype) if isinstance(bd, np.ndarray) else bd
    try:
        out = ad / bd
    except ValueError:
        raise broadcast_error(np.shape(ad), np.shape(bd)) from None
    if bt is None and FORMULA.recording:
        return make(out, DivBackward1, (a,), None, bd)
    return make(out, DivBackward0, (a, bt), (ad, bd))


true_divide = div


@backward_formula("DivBackward1",
                  self="grad / other (other a number)")
def DivBackward1(self, g):
    return (g / self._ctx,)


def div_scalar(input, scalar):
    """``at::div(tensor, Scalar)`` as PyTorch's own composites call it (one edge, DivBackward1)."""
    return make(float_input(input._data) / scalar, DivBackward1, (input,), None, scalar)


def _trunc_divide(a, b):
    return np.trunc(np.true_divide(a, b)).astype(np.result_type(a, b))


@backward_formula("ReciprocalBackward0", saved_as=(RESULT,),
                  self="-grad * result² (result = 1 / self)")
def ReciprocalBackward0(self, g):
    (y,) = self._saved
    return (-g * (y * y),)


def reciprocal(input):
    d = float_input(input._data)
    out = 1 / d
    return make(out, ReciprocalBackward0, (input,), (out,))


def rdiv(input, other):
    """``other / input`` for a Python number: PyTorch computes ``reciprocal(input) * other``."""
    if isinstance(other, Tensor):
        return div(other, input)
    if FORMULA.recording:  # C++ ``number / t`` is ``full_like(t, number).div_(t)``
        return div(wrap(np.asarray(other, float_input(input._data).dtype)), input)
    return mul(reciprocal(input), other)


@backward_formula("NegBackward0",
                  self="-grad")
def NegBackward0(self, g):
    return (-g,)


def neg(input):
    if input._data.dtype.kind == "b":
        raise RuntimeError("Negation, the `-` operator, on a bool tensor is not supported. If you "
                           "are trying to invert a mask, use the `~` or `logical_not()` operator "
                           "instead.")
    return make(-input._data, NegBackward0, (input,))


@backward_formula("PowBackward0", saves=((0, None),),
                  self="grad * exponent * self ** (exponent - 1) (0 when exponent = 0; exponent a"
                       " number)")
def PowBackward0(self, g):
    (x,) = self._saved
    e = self._ctx
    if e == 0:
        return (array_namespace(g).zeros_like(g),)
    return (g * (e * x ** (e - 1)),)


@backward_formula("PowBackward1", saves=((0, None), (1, None)), saved_as=(0, 1, RESULT),
                  self="grad * exponent * self ** (exponent - 1) (0 where exponent = 0)",
                  exponent="grad * result * ln(self) (0 where self = 0 and exponent >= 0)")
def PowBackward1(self, g):
    x, e, y = self._saved
    xp = array_namespace(g)
    xv, ev = values_of(x), values_of(e)
    gx = ge = None
    if self.needs(0):
        gx = xp.where(ev == 0, 0, g * (e * x ** xp.where(ev == 0, 1, e - 1)))
    if self.needs(1):
        with np.errstate(divide="ignore", invalid="ignore"):
            ge = g * xp.where((xv == 0) & (ev >= 0), 0, y * xp.log(x))
    return gx, ge


@backward_formula("PowBackward2", saves=((0, None),), saved_as=(0, RESULT),
                  exponent="grad * result * ln(self) (self the number base)")
def PowBackward2(self, g):
    e, y = self._saved
    base = self._ctx
    xp = array_namespace(g)
    if base == 0:
        with np.errstate(invalid="ignore"):
            return (g * xp.where(values_of(e) >= 0, 0, y * -np.inf),)
    return (g * (y * np.log(np.asarray(base, dtype=values_of(y).dtype))),)


def pow(input, exponent):
    a = _lhs(input)
    if isinstance(exponent, Tensor):
        out, ad, bd, bt = _binary(np.power, a, exponent)
        if out.dtype.kind in "iu" and (bd < 0).any():
            raise RuntimeError("Integers to negative integer powers are not allowed.")
        return make(out, PowBackward1, (a, bt), (ad, bd, out))
    ad, e, _ = _operands(a, exponent)
    if ad.dtype.kind in "iub" and isinstance(e, int) and e < 0:
        raise RuntimeError("Integers to negative integer powers are not allowed.")
    with np.errstate(divide="ignore", invalid="ignore"):
        out = ad ** e
    return make(out, PowBackward0, (a,), (ad,), e)


def square(input):
    return pow(input, 2)


def rpow(input, base):
    """``base ** input`` for a Python number ``base`` (PyTorch's PowBackward2)."""
    if isinstance(base, Tensor):
        return pow(base, input)
    d = input._data
    if d.dtype.kind != "f" and isinstance(base, float):
        d = d.astype(dtypes.default_np())
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        out = np.power(np.asarray(base, dtype=d.dtype), d)
    return make(out, PowBackward2, (input,), (d, out), base)


# --- comparisons (no grad) -----------------------------------------------------------------
def _compare(ufunc):
    def op(input, other):
        out, _, _, _ = _binary(ufunc, input, other)
        return wrap(out)

    op.__name__ = ufunc.__name__
    return op


eq = _compare(np.equal)
ne = _compare(np.not_equal)
lt = _compare(np.less)
le = _compare(np.less_equal)
gt = _compare(np.greater)
ge = _compare(np.greater_equal)


def logical_not(input):
    return wrap(np.logical_not(input._data))


def isfinite(input):
    return wrap(np.isfinite(input._data))


def isnan(input):
    return wrap(np.isnan(input._data))


def isinf(input):
    return wrap(np.isinf(input._data))


# --- selection -----------------------------------------------------------------------------
@backward_formula("WhereBackward0",
                  self="grad where condition, else 0",
                  other="grad where not condition, else 0 (no gradient to the condition)")
def WhereBackward0(self, g):
    (cond,) = self._saved
    xp = array_namespace(g)
    return (xp.where(cond, g, 0) if self.needs(0) else None,
            xp.where(cond, 0, g) if self.needs(1) else None)


def where(condition, input=None, other=None):
    """``where(cond, a, b)``: ``a`` where ``cond`` else ``b``; ``where(cond)`` is nonzero."""
    c = as_operand(condition)._data
    if input is None and other is None:
        return tuple(wrap(i.astype(np.int64)) for i in np.nonzero(c))
    if c.dtype.kind != "b":
        raise RuntimeError(f"where expected condition to be a boolean tensor, but got a tensor "
                           f"with dtype {dtypes.from_numpy(c.dtype).name.capitalize()}")
    ta = input if isinstance(input, Tensor) else None
    tb = other if isinstance(other, Tensor) else None
    ad = input._data if ta is not None else input
    bd = other._data if tb is not None else other
    dt = dtypes.result_dtype(ad, bd)
    try:
        out = np.where(c, ad, bd).astype(dt, copy=False)
    except ValueError:
        raise broadcast_error(np.shape(ad), np.shape(bd)) from None
    return make(out, WhereBackward0, (ta, tb), (c,))


def _tie_split(name, better, word):
    """maximum/minimum: the gradient goes to the winner; ties split it evenly (PyTorch 2.13)."""

    @backward_formula(name, saves=((0, None), (1, None)),
                      self=f"grad where self {word} other, grad / 2 where self = other, "
                                 "else 0",
                      other=f"grad where other {word} self, grad / 2 where self = other, else 0")
    def node(self, g):
        a, b = (values_of(v) for v in self._saved)
        xp = array_namespace(g)
        ga = gb = None
        # Only a strict loser gets nothing, so both sides of a NaN get the gradient (as torch).
        if self.needs(0):
            ga = xp.where(a == b, g / 2, xp.where(better(b, a), 0, g))
        if self.needs(1):
            gb = xp.where(a == b, g / 2, xp.where(better(a, b), 0, g))
        return ga, gb

    return node


MaximumBackward0 = _tie_split("MaximumBackward0", np.greater, ">")
MinimumBackward0 = _tie_split("MinimumBackward0", np.less, "<")


def _first_on_ties(ufunc):
    """PyTorch's maximum/minimum keep the first argument on ties (-0. vs 0.); numpy the second."""
    return lambda a, b, **kw: ufunc(b, a, **kw)


_MAX_FIRST = _first_on_ties(np.maximum)
_MIN_FIRST = _first_on_ties(np.minimum)


def maximum(input, other):
    out, ad, bd, bt = _binary(_MAX_FIRST, input, as_operand(other))
    return make(out, MaximumBackward0, (input, bt), (ad, bd))


def minimum(input, other):
    out, ad, bd, bt = _binary(_MIN_FIRST, input, as_operand(other))
    return make(out, MinimumBackward0, (input, bt), (ad, bd))


@backward_formula("ClampBackward1", saves=((0, None),),
                  self="grad where min <= self <= max, else 0")
def ClampBackward1(self, g):
    x = values_of(self._saved[0])
    lo, hi = self._ctx
    keep = np.ones(x.shape, bool)
    if lo is not None:
        keep &= x >= lo
    if hi is not None:
        keep &= x <= hi
    return (array_namespace(g).where(keep, g, 0),)


@backward_formula("ClampBackward0", saves=((0, None), (1, None), (2, None)),
                  self="grad where min <= self <= max, else 0",
                  min="grad where self < min (and min < max), else 0",
                  max="grad where self > max (or max < min), else 0")
def ClampBackward0(self, g):
    x, lo, hi = (values_of(v) for v in self._saved)
    if lo is not None and hi is not None:
        keep = (x >= lo) & (x <= hi)
        to_lo = (x < lo) & (lo < hi)
        to_hi = (x > hi) | (hi < lo)
    elif lo is not None:
        keep = x >= lo
        to_lo, to_hi = x < lo, None
    else:
        keep = x <= hi
        to_lo, to_hi = None, x > hi
    xp = array_namespace(g)
    return (xp.where(keep, g, 0) if self.needs(0) else None,
            xp.where(to_lo, g, 0) if self.needs(1) else None,
            xp.where(to_hi, g, 0) if self.needs(2) else None)


def clamp(input, min=None, max=None):
    """Clamp to ``[min, max]``; the gradient passes where ``min <= x <= max`` (bounds included)."""
    if min is None and max is None:
        raise RuntimeError("torch.clamp: At least one of 'min' or 'max' must not be None")
    d = input._data
    if isinstance(min, Tensor) or isinstance(max, Tensor):
        tlo = min if isinstance(min, Tensor) else None
        thi = max if isinstance(max, Tensor) else None
        lo = min._data if tlo is not None else min
        hi = max._data if thi is not None else max
        out = d
        if lo is not None:
            out = np.maximum(out, lo)
        if hi is not None:
            out = np.minimum(out, hi)
        out = out.astype(dtypes.result_dtype(d, *(v for v in (lo, hi) if v is not None)),
                         copy=False)
        return make(out, ClampBackward0, (input, tlo, thi), (d, lo, hi))
    out = np.clip(d, min, max)
    if out.dtype != d.dtype and d.dtype.kind == "f":
        out = out.astype(d.dtype)
    return make(out, ClampBackward1, (input,), (d,), (min, max))


clip = clamp
