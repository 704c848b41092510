"""Unary math: exp, log, log1p, expm1, sqrt, abs, sign, relu, sigmoid, tanh, sin, cos, floor,
ceil, round, each forward next to its backward formula. Integer inputs of float-valued functions
become the default float dtype, as in PyTorch; subgradients follow PyTorch (relu'(0) = abs'(0) = 0,
sqrt'(0) = inf)."""

import math

import numpy as np

from . import dtypes
from .backward_kernels.activations import sigmoid_backward, tanh_backward, threshold_backward
from .node import RESULT, array_namespace, backward_formula
from .tensor import Tensor, make

__all__ = ["exp", "exp2", "log2", "log", "log1p", "expm1", "sqrt", "abs", "sign", "relu",
           "sigmoid", "sigmoid_array", "sgn", "tanh", "sin", "cos", "floor", "ceil", "round",
           "float_input"]


def float_input(d):
    """Integer/bool inputs of float-valued math become the default float dtype, as in PyTorch."""
    return d if d.dtype.kind == "f" else d.astype(dtypes.default_np())


def rounded(fn, d):
    """``fn(d)`` computed in float64 and rounded back for float32/float16 inputs.

    numpy's float32 transcendental functions are often an ulp off (tanh on about a third of
    inputs); computed this way the results are correctly rounded and agree with PyTorch's (SLEEF)
    values far more often (tanh: 99% instead of 68%), so printed digits match torch's.
    """
    if d.dtype.itemsize < 8:
        return fn(d.astype(np.float64)).astype(d.dtype)
    return fn(d)


def pointwise(name, forward, derivative, rule, quiet=False, saves_input=False):
    """Define a float-valued unary op and its node from a table row.

    ``derivative(g, x, y)`` gives the input gradient from the incoming gradient ``g``, the input
    ``x`` and the output ``y``; ``rule`` is its readable text (see ``derivative_rule``).
    ``quiet`` silences numpy's overflow/domain warnings (PyTorch gives inf/nan without a warning).
    ``saves_input``: PyTorch's formula keeps the input (else only the result) for backward.
    """

    def apply(self, g):
        if quiet:
            with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
                return (derivative(g, *self._saved),)
        return (derivative(g, *self._saved),)

    node = backward_formula(name, saves=((0, None),) if saves_input else (),
                            saved_as=(0, RESULT), self=rule)(apply)

    def op(input):
        d = float_input(input._data)
        if quiet:
            with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
                out = rounded(forward, d)
        else:
            out = rounded(forward, d)
        return make(out, node, (input,), (d, out))

    op.__name__ = forward.__name__
    op.__doc__ = f"Element-wise ``{forward.__name__}`` (backward: {name})."
    return op, node


exp, ExpBackward0 = pointwise("ExpBackward0", np.exp, lambda g, x, y: g * y,
                             "grad * result (result = exp(self))", quiet=True)
log, LogBackward0 = pointwise("LogBackward0", np.log, lambda g, x, y: g / x, "grad / self",
                             quiet=True, saves_input=True)
log1p, Log1PBackward0 = pointwise("Log1PBackward0", np.log1p, lambda g, x, y: g / (x + 1),
                                  "grad / (self + 1)", quiet=True, saves_input=True)
expm1, Expm1Backward0 = pointwise("Expm1Backward0", np.expm1, lambda g, x, y: g * (y + 1),
                                  "grad * (result + 1) (result = exp(self) - 1)", quiet=True)
sqrt, SqrtBackward0 = pointwise("SqrtBackward0", np.sqrt, lambda g, x, y: g / (2 * y),
                                "grad / (2 * result) (result = √self)", quiet=True)
_LN2 = math.log(2)
log2, Log2Backward0 = pointwise("Log2Backward0", np.log2, lambda g, x, y: g / (x * _LN2),
                               "grad / (self * ln 2)", quiet=True, saves_input=True)
exp2, Exp2Backward0 = pointwise("Exp2Backward0", np.exp2, lambda g, x, y: g * y * _LN2,
                               "grad * result * ln 2 (result = 2 ** self)", quiet=True)
tanh, TanhBackward0 = pointwise("TanhBackward0", np.tanh, lambda g, x, y: tanh_backward(g, y),
                                "grad * (1 - result²) (result = tanh(self))")
sin, SinBackward0 = pointwise("SinBackward0", np.sin, lambda g, x, y: g * array_namespace(g).cos(x),
                              "grad * cos(self)", saves_input=True)
cos, CosBackward0 = pointwise("CosBackward0", np.cos,
                              lambda g, x, y: g * -array_namespace(g).sin(x),
                              "-grad * sin(self)", saves_input=True)


def _sgn(x):
    """PyTorch's sign: 0 at NaN (numpy's np.sign gives NaN)."""
    s = np.sign(x)
    if x.dtype.kind == "f":
        s = np.where(np.isnan(x), s.dtype.type(0), s)
    return s


@backward_formula("AbsBackward0", saves=((0, None),),
                  self="grad * sgn(self) (0 at 0)")
def AbsBackward0(self, g):
    x = self._saved[0]
    return (g * (sgn(x) if x.__class__ is Tensor else _sgn(x)),)


@backward_formula("SgnBackward0",
                  self="0 (sgn is piecewise constant)")
def SgnBackward0(self, g):
    return (array_namespace(g).zeros_like(g),)


def sgn(input):
    """The sign (``torch.sgn``: for real tensors, ``sign``), recorded as SgnBackward0."""
    return make(np.asarray(_sgn(input._data)), SgnBackward0, (input,))


def abs(input):
    d = input._data
    return make(np.abs(d), AbsBackward0, (input,), (d,))


@backward_formula("SignBackward0",
                  self="0 (sign is piecewise constant)")
def SignBackward0(self, g):
    return (array_namespace(g).zeros_like(g),)


def sign(input):
    return make(np.asarray(_sgn(input._data)), SignBackward0, (input,))


@backward_formula("ReluBackward0", saved_as=(RESULT,),
                  self="grad where result > 0, else 0 (relu'(0) = 0)")
def ReluBackward0(self, g):
    # threshold_backward(grad, result, 0): the output is > 0, 0 or NaN (which passes, as in torch)
    return (threshold_backward(g, self._saved[0], 0),)


def relu(input):
    d = input._data
    out = np.maximum(0, d)  # numpy keeps the second on ties: relu(-0.) = -0., as PyTorch
    if out.dtype != d.dtype:
        out = out.astype(d.dtype)
    return make(out, ReluBackward0, (input,), (out,))


@backward_formula("SigmoidBackward0", saved_as=(RESULT,),
                  self="grad * result * (1 - result) (result = σ(self): dσ/dx = σ(x)·(1 - σ(x)))")
def SigmoidBackward0(self, g):
    return (sigmoid_backward(g, self._saved[0]),)


def sigmoid_array(d):
    """PyTorch's formula, 1 / (1 + exp(-x)), in the input's dtype (exp(-x) = inf gives 0, no
    NaN); exp is computed in float64 and rounded (see :func:`rounded`), here by the cast of
    ``np.add``'s float32/float16 loop."""
    with np.errstate(over="ignore"):
        return 1 / np.add(np.exp(np.negative(d, dtype=np.float64)), 1, dtype=d.dtype)


def sigmoid(input):
    out = sigmoid_array(float_input(input._data))
    return make(out, SigmoidBackward0, (input,), (out,))


def _zero_grad_unary(name, fn):
    """Rounding ops: piecewise constant, so the gradient is zero; integers pass unchanged."""
    node = backward_formula(name, self="0 (the function is piecewise constant)")(
        lambda self, g: (array_namespace(g).zeros_like(g),))

    def op(input):
        d = input._data
        return make(fn(d) if d.dtype.kind == "f" else d.copy(), node, (input,))

    op.__name__ = fn.__name__
    return op


floor = _zero_grad_unary("FloorBackward0", np.floor)
ceil = _zero_grad_unary("CeilBackward0", np.ceil)
round = _zero_grad_unary("RoundBackward0", np.round)
