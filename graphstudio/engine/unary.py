"""Unary math: exp, log, log1p, expm1, sqrt, abs, sign, relu, sigmoid, tanh, sin, cos, floor,
ceil, round, each forward next to its backward formula. Integer inputs of float-valued functions
become the default float dtype, as in PyTorch; subgradients follow PyTorch (relu'(0) = abs'(0) = 0,
sqrt'(0) = inf)."""

import numpy as np

from . import dtypes
from .node import backward_formula
from .tensor import make

__all__ = ["exp", "log", "log1p", "expm1", "sqrt", "abs", "sign", "relu", "sigmoid", "tanh", "sin",
           "cos", "floor", "ceil", "round", "float_input"]


def float_input(d):
    """Integer/bool inputs of float-valued math become the default float dtype, as in PyTorch."""
    return d if d.dtype.kind == "f" else d.astype(dtypes.default_np())


@backward_formula("ExpBackward0")
def ExpBackward0(self, g):
    return (g * self._saved[0],)


def exp(input):
    with np.errstate(over="ignore"):
        out = np.exp(float_input(input._data))
    return make(out, ExpBackward0, (input,), (out,))


@backward_formula("LogBackward0")
def LogBackward0(self, g):
    with np.errstate(divide="ignore"):
        return (g / self._saved[0],)


def log(input):
    d = float_input(input._data)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.log(d)
    return make(out, LogBackward0, (input,), (d,))


@backward_formula("Log1PBackward0")
def Log1PBackward0(self, g):
    with np.errstate(divide="ignore"):
        return (g / (self._saved[0] + 1),)


def log1p(input):
    d = float_input(input._data)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.log1p(d)
    return make(out, Log1PBackward0, (input,), (d,))


@backward_formula("Expm1Backward0")
def Expm1Backward0(self, g):
    return (g * (self._saved[0] + 1),)


def expm1(input):
    with np.errstate(over="ignore"):
        out = np.expm1(float_input(input._data))
    return make(out, Expm1Backward0, (input,), (out,))


@backward_formula("SqrtBackward0")
def SqrtBackward0(self, g):
    with np.errstate(divide="ignore", invalid="ignore"):
        return (g / (2 * self._saved[0]),)


def sqrt(input):
    with np.errstate(invalid="ignore"):
        out = np.sqrt(float_input(input._data))
    return make(out, SqrtBackward0, (input,), (out,))


@backward_formula("AbsBackward0")
def AbsBackward0(self, g):
    return (g * np.sign(self._saved[0]),)


def abs(input):
    d = input._data
    return make(np.abs(d), AbsBackward0, (input,), (d,))


@backward_formula("SgnBackward0")
def SgnBackward0(self, g):
    return (np.zeros_like(g),)


def sign(input):
    return make(np.sign(input._data), SgnBackward0, (input,))


@backward_formula("ReluBackward0")
def ReluBackward0(self, g):
    return (g * (self._saved[0] > 0),)


def relu(input):
    d = input._data
    out = np.maximum(d, 0)
    if out.dtype != d.dtype:
        out = out.astype(d.dtype)
    return make(out, ReluBackward0, (input,), (out,))


@backward_formula("SigmoidBackward0")
def SigmoidBackward0(self, g):
    y = self._saved[0]
    return (g * (1 - y) * y,)


def _sigmoid(d):
    # exp(-|x|) never overflows; both branches share it.
    e = np.exp(-np.abs(d))
    return np.where(d >= 0, 1 / (1 + e), e / (1 + e))


def sigmoid(input):
    out = _sigmoid(float_input(input._data))
    return make(out, SigmoidBackward0, (input,), (out,))


@backward_formula("TanhBackward0")
def TanhBackward0(self, g):
    y = self._saved[0]
    return (g * (1 - y * y),)


def tanh(input):
    out = np.tanh(float_input(input._data))
    return make(out, TanhBackward0, (input,), (out,))


@backward_formula("SinBackward0")
def SinBackward0(self, g):
    return (g * np.cos(self._saved[0]),)


def sin(input):
    d = float_input(input._data)
    return make(np.sin(d), SinBackward0, (input,), (d,))


@backward_formula("CosBackward0")
def CosBackward0(self, g):
    return (g * -np.sin(self._saved[0]),)


def cos(input):
    d = float_input(input._data)
    return make(np.cos(d), CosBackward0, (input,), (d,))


def _zero_grad_unary(name, fn):
    node = backward_formula(name)(lambda self, g: (np.zeros_like(g),))

    def op(input):
        return make(fn(input._data), node, (input,))

    op.__name__ = fn.__name__
    return op


floor = _zero_grad_unary("FloorBackward0", np.floor)
ceil = _zero_grad_unary("CeilBackward0", np.ceil)
round = _zero_grad_unary("RoundBackward0", np.round)
