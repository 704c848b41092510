"""The backward kernels of activations and softmax, which PyTorch records as one node each when
a gradient is itself recorded (``create_graph=True``): ``tanh``'s gradient is
``tanh_backward(grad, result)``, shown as ``TanhBackwardBackward0``, not as a multiplication and a
subtraction.

Each kernel (``tanh_backward(grad, output)``...) computes on numpy arrays when given arrays (the
ordinary backward, the fast path) and, when one argument is a Tensor, records its node over its
tensor arguments, in PyTorch's order; the node's own formula is written again with the kernels,
operators and ``array_namespace`` functions, so third derivatives work. The same numpy expression
gives the values both ways.
"""

import math

import numpy as np

from ..node import array_namespace, backward_formula, values_of
from ..tensor import Tensor, make, wrap

__all__ = ["recorded", "in_graph", "np_erf", "tanh_backward", "sigmoid_backward",
           "threshold_backward", "leaky_relu_backward", "elu_backward", "gelu_backward",
           "softplus_backward", "log_sigmoid_backward", "softmax_backward_data",
           "log_softmax_backward_data"]

_SQRT_2_OVER_PI = math.sqrt(2 / math.pi)
_GELU_KAPPA = 0.044715


def in_graph(*args):
    """Whether a kernel is called on Tensors (a recorded backward) rather than arrays."""
    for a in args:
        if a.__class__ is Tensor:
            return True
    return False


def recorded(node, inputs, values, ctx=None):
    """``values`` as the output of ``node`` over ``inputs`` (arrays are constants without an
    edge); every input's values are saved, for ``saved_as`` indices 0, 1, ..."""
    tensors = tuple(x if x.__class__ is Tensor else wrap(np.asarray(x)) for x in inputs)
    return make(np.asarray(values), node, tensors, tuple(t._data for t in tensors), ctx)


_erf = np.frompyfunc(math.erf, 1, 1)


def np_erf(x):
    """The error function element-wise, in ``x``'s dtype (computed in float64)."""
    return np.asarray(_erf(x.astype(np.float64)), np.float64).astype(x.dtype)


def _sigmoid_of(xp, x):
    with np.errstate(over="ignore"):
        return 1 / (1 + xp.exp(-x))


def _namespace(*args):
    return array_namespace(next((a for a in args if a.__class__ is Tensor), args[0]))


# --- tanh, sigmoid -----------------------------------------------------------------------------
def tanh_backward(grad, output):
    if in_graph(grad, output):
        return recorded(TanhBackwardBackward0, (grad, output),
                        tanh_backward(values_of(grad), values_of(output)))
    return grad * (1 - output * output)


@backward_formula("TanhBackwardBackward0", saved_as=(0, 1),
                  grad_output="tanh_backward(grad, output)",
                  output="grad * -2 * output * grad_output")
def TanhBackwardBackward0(self, gg):
    go, y = self._saved
    return (tanh_backward(gg, y) if self.needs(0) else None,
            gg * (-2 * y * go) if self.needs(1) else None)


def sigmoid_backward(grad, output):
    if in_graph(grad, output):
        return recorded(SigmoidBackwardBackward0, (grad, output),
                        sigmoid_backward(values_of(grad), values_of(output)))
    return grad * (1 - output) * output


@backward_formula("SigmoidBackwardBackward0", saved_as=(0, 1),
                  grad_output="sigmoid_backward(grad, output)",
                  output="grad * grad_output * (1 - 2 * output)")
def SigmoidBackwardBackward0(self, gg):
    go, y = self._saved
    return (sigmoid_backward(gg, y) if self.needs(0) else None,
            gg * go * (-2 * y + 1) if self.needs(1) else None)


# --- relu (threshold), leaky_relu, elu -------------------------------------------------------
def threshold_backward(grad, input, threshold):
    if in_graph(grad, input):
        return recorded(ThresholdBackwardBackward0, (grad, input),
                        threshold_backward(values_of(grad), values_of(input), threshold),
                        threshold)
    keep = ~(input <= threshold)  # NaN passes, as in PyTorch
    if isinstance(grad, np.ndarray) and grad.dtype.kind == "f":
        # the gradient's bits times 0/1: +0 where cut, the gradient bit for bit elsewhere (the
        # same as where(input <= threshold, 0, grad), three times faster)
        unsigned = _UNSIGNED[grad.dtype.itemsize]
        return (grad.view(unsigned) * keep).view(grad.dtype)
    return np.where(keep, grad, 0)


_UNSIGNED = {2: np.uint16, 4: np.uint32, 8: np.uint64}


@backward_formula("ThresholdBackwardBackward0", saved_as=(0, 1),
                  grad_output="threshold_backward(grad, self, threshold)",
                  self="0 (the mask is piecewise constant)")
def ThresholdBackwardBackward0(self, gg):
    _, x = self._saved
    return (threshold_backward(gg, x, self._ctx) if self.needs(0) else None,
            _namespace(gg).zeros_like(gg) if self.needs(1) else None)


def leaky_relu_backward(grad, input, negative_slope):
    if in_graph(grad, input):
        return recorded(LeakyReluBackwardBackward0, (grad, input),
                        leaky_relu_backward(values_of(grad), values_of(input), negative_slope),
                        negative_slope)
    return np.where(input > 0, grad, grad * negative_slope)


@backward_formula("LeakyReluBackwardBackward0", saved_as=(0, 1),
                  grad_output="leaky_relu_backward(grad, self, negative_slope)",
                  self="0 (the slopes are piecewise constant)")
def LeakyReluBackwardBackward0(self, gg):
    _, x = self._saved
    return (leaky_relu_backward(gg, x, self._ctx) if self.needs(0) else None,
            _namespace(gg).zeros_like(gg) if self.needs(1) else None)


def elu_backward(grad, input, alpha):
    if in_graph(grad, input):
        return recorded(EluBackwardBackward0, (grad, input),
                        elu_backward(values_of(grad), values_of(input), alpha), alpha)
    with np.errstate(over="ignore", invalid="ignore"):
        return np.where(input > 0, grad, grad * alpha * np.exp(input))


@backward_formula("EluBackwardBackward0", saved_as=(0, 1),
                  grad_output="elu_backward(grad, self, alpha)",
                  self="grad * grad_output * alpha * exp(self) where self <= 0, else 0")
def EluBackwardBackward0(self, gg):
    go, x = self._saved
    alpha = self._ctx
    xp = _namespace(gg, x)
    gx = None
    if self.needs(1):
        with np.errstate(over="ignore", invalid="ignore"):
            gx = xp.where(values_of(x) <= 0, gg * go * alpha * xp.exp(x), 0)
    return (elu_backward(gg, x, alpha) if self.needs(0) else None), gx


# --- gelu, softplus, log_sigmoid ----------------------------------------------------------------
def gelu_backward(grad, input, approximate):
    if in_graph(grad, input):
        return recorded(GeluBackwardBackward0, (grad, input),
                        gelu_backward(values_of(grad), values_of(input), approximate),
                        approximate)
    x = input
    if approximate == "tanh":
        th = np.tanh(_SQRT_2_OVER_PI * (x + _GELU_KAPPA * x ** 3))
        dinner = _SQRT_2_OVER_PI * (1 + 3 * _GELU_KAPPA * x * x)
        return grad * (0.5 * (1 + th) + 0.5 * x * (1 - th * th) * dinner)
    cdf = 0.5 * (1 + np_erf(x * (1 / math.sqrt(2))))
    pdf = np.exp(-0.5 * x * x) * (1 / math.sqrt(2 * math.pi))
    return grad * (cdf + x * pdf)


def _gelu_second(xp, x, approximate):
    """gelu''(x): φ(x)·(2 - x²), or for the tanh form (1 - t²)·(u' - x·t·u'² + x·u''/2) with
    u = √(2/π)·(x + 0.044715·x³) and t = tanh(u)."""
    if approximate == "tanh":
        t = xp.tanh(_SQRT_2_OVER_PI * (x + _GELU_KAPPA * x ** 3))
        du = _SQRT_2_OVER_PI * (1 + 3 * _GELU_KAPPA * x * x)
        d2u = (6 * _GELU_KAPPA * _SQRT_2_OVER_PI) * x
        return (1 - t * t) * (du - x * t * du * du + 0.5 * x * d2u)
    pdf = xp.exp(-0.5 * x * x) * (1 / math.sqrt(2 * math.pi))
    return 2 * pdf + x * (-x * pdf)


@backward_formula("GeluBackwardBackward0", saved_as=(0, 1),
                  grad_output="gelu_backward(grad, self, approximate)",
                  self="grad * grad_output * gelu''(self) (φ(self)·(2 - self²) for "
                       "approximate='none')")
def GeluBackwardBackward0(self, gg):
    go, x = self._saved
    gx = gg * go * _gelu_second(_namespace(gg, x), x, self._ctx) if self.needs(1) else None
    return (gelu_backward(gg, x, self._ctx) if self.needs(0) else None), gx


def softplus_backward(grad, input, beta, threshold):
    if in_graph(grad, input):
        return recorded(SoftplusBackwardBackward0, (grad, input),
                        softplus_backward(values_of(grad), values_of(input), beta, threshold),
                        (beta, threshold))
    z = np.exp(np.minimum(input * beta, threshold))
    return np.where(input * beta > threshold, grad, grad * z / (z + 1))


@backward_formula("SoftplusBackwardBackward0", saved_as=(0, 1),
                  grad_output="softplus_backward(grad, self, beta, threshold)",
                  self="grad * grad_output * beta * σ'(beta * self) (0 where beta * self > "
                       "threshold)")
def SoftplusBackwardBackward0(self, gg):
    go, x = self._saved
    beta, threshold = self._ctx
    gx = None
    if self.needs(1):
        s = _sigmoid_of(_namespace(gg, x), x * beta)
        gx = gg * go * (1 - s) * s * (values_of(x) * beta <= threshold) * beta
    return (softplus_backward(gg, x, beta, threshold) if self.needs(0) else None), gx


def log_sigmoid_backward(grad, input):
    if in_graph(grad, input):
        return recorded(LogSigmoidBackwardBackward0, (grad, input),
                        log_sigmoid_backward(values_of(grad), values_of(input)))
    e = np.exp(-abs(input))
    return grad * np.where(input < 0, 1 / (1 + e), e / (1 + e))


@backward_formula("LogSigmoidBackwardBackward0", saved_as=(0, 1),
                  grad_output="log_sigmoid_backward(grad, self)",
                  self="grad * grad_output * (σ(self) - 1) * σ(self)")
def LogSigmoidBackwardBackward0(self, gg):
    go, x = self._saved
    gx = None
    if self.needs(1):
        s = _sigmoid_of(_namespace(gg, x), x)
        gx = gg * go * (s - 1) * s
    return (log_sigmoid_backward(gg, x) if self.needs(0) else None), gx


# --- softmax, log_softmax -------------------------------------------------------------------
def softmax_backward_data(grad, output, dim):
    if in_graph(grad, output):
        return recorded(SoftmaxBackwardDataBackward0, (grad, output),
                        softmax_backward_data(values_of(grad), values_of(output), dim), dim)
    return output * (grad - (grad * output).sum(axis=dim, keepdims=True))


@backward_formula("SoftmaxBackwardDataBackward0", saved_as=(0, 1),
                  grad_output="_softmax_backward_data(grad, output, dim)",
                  output="grad_output * grad - Σ_dim(output * grad_output) * grad - grad_output * "
                         "Σ_dim(output * grad)")
def SoftmaxBackwardDataBackward0(self, gg):
    go, y = self._saved
    dim = self._ctx
    gy = None
    if self.needs(1):
        xp = _namespace(gg, y)
        gy = (go * gg - xp.sum(y * go, axis=dim, keepdims=True) * gg
              - go * xp.sum(y * gg, axis=dim, keepdims=True))
    return (softmax_backward_data(gg, y, dim) if self.needs(0) else None), gy


def log_softmax_backward_data(grad, output, dim):
    if in_graph(grad, output):
        return recorded(LogSoftmaxBackwardDataBackward0, (grad, output),
                        log_softmax_backward_data(values_of(grad), values_of(output), dim), dim)
    return grad - np.exp(output) * grad.sum(axis=dim, keepdims=True)


@backward_formula("LogSoftmaxBackwardDataBackward0", saved_as=(0, 1),
                  grad_output="grad - Σ_dim(grad * exp(output))",
                  output="-Σ_dim(grad_output) * exp(output) * grad")
def LogSoftmaxBackwardDataBackward0(self, gg):
    go, y = self._saved
    dim = self._ctx
    xp = _namespace(gg, y)
    ggo = gg - xp.sum(gg * xp.exp(y), axis=dim, keepdims=True) if self.needs(0) else None
    gy = -xp.sum(go, axis=dim, keepdims=True) * xp.exp(y) * gg if self.needs(1) else None
    return ggo, gy
