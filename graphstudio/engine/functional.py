"""``torch.nn.functional``: activations and losses, with PyTorch's defaults, node names and stable
formulas (BCE-with-logits through ``log_sigmoid``, log-softmax shifted by the max, BCE's log
clamped at -100, ``cross_entropy`` = ``log_softmax`` + ``nll_loss``).
"""

import math
import warnings

import numpy as np

from . import dtypes
from .backward_kernels.activations import (
    elu_backward,
    gelu_backward,
    leaky_relu_backward,
    log_sigmoid_backward,
    np_erf,
    softplus_backward,
)
from .backward_kernels.losses import (
    binary_cross_entropy_backward,
    mse_loss_backward,
    nll_loss_backward,
)
from .creation import default_generator
from .linalg import linear
from .node import array_namespace, backward_formula, values_of
from .ops import broadcast_error, div_scalar
from .reductions import log_softmax as _log_softmax
from .reductions import softmax as _softmax
from .reductions import sum as _sum
from .shape_ops import expand, view
from .tensor import Size, Tensor, make, wrap
from .unary import relu as _relu
from .unary import sigmoid, sigmoid_array, tanh

__all__ = ["relu", "leaky_relu", "sigmoid", "tanh", "softplus", "gelu", "silu", "elu",
           "softmax", "log_softmax", "linear", "mse_loss", "l1_loss", "binary_cross_entropy",
           "binary_cross_entropy_with_logits", "nll_loss", "cross_entropy", "dropout",
           "logsigmoid"]

_REDUCTIONS = ("mean", "sum", "none")


def _reduction(reduction):
    if reduction not in _REDUCTIONS:
        raise ValueError(f"{reduction} is not a valid value for reduction")
    return reduction


def _reduce_back(g, reduction, n):
    """Gradient of the reduction step of a fused loss (``g`` is 0-d unless 'none')."""
    return g / n if reduction == "mean" else g


def _reduce_array(loss, reduction):
    """The reduction step of a fused loss, on numpy (add.reduce / n: np.mean is slower)."""
    if reduction == "none":
        return loss
    if not loss.size:
        return np.asarray(np.nan if reduction == "mean" else 0, loss.dtype)
    total = np.add.reduce(loss, axis=None)
    return total / loss.size if reduction == "mean" else total


def _reduce(loss, reduction):
    if reduction == "mean":
        return loss.mean()
    if reduction == "sum":
        return loss.sum(dtype=loss.dtype)
    return loss


# --- activations ---------------------------------------------------------------------------
def relu(input, inplace=False):
    if inplace:
        return input.relu_()
    return _relu(input)


@backward_formula("LeakyReluBackward0", saves=((0, None),),
                  self="grad where self > 0, else negative_slope * grad")
def LeakyReluBackward0(self, g):
    return (leaky_relu_backward(g, self._saved[0], self._ctx),)


def leaky_relu(input, negative_slope=0.01, inplace=False):
    d = input._data
    out = np.where(d > 0, d, d * negative_slope).astype(d.dtype, copy=False)
    return make(out, LeakyReluBackward0, (input,), (d,), negative_slope)


@backward_formula("SoftplusBackward0", saves=((0, None),),
                  self="grad * σ(beta * self) (grad where beta * self > threshold)")
def SoftplusBackward0(self, g):
    return (softplus_backward(g, self._saved[0], *self._ctx),)


def softplus(input, beta=1.0, threshold=20.0):
    d = input._data
    with np.errstate(over="ignore"):
        soft = np.log1p(np.exp(np.minimum(d * beta, threshold))) / beta
    out = np.where(d * beta > threshold, d, soft).astype(d.dtype, copy=False)
    return make(out, SoftplusBackward0, (input,), (d,), (beta, threshold))


@backward_formula("GeluBackward0", saves=((0, None),),
                  self="grad * (Φ(self) + self * φ(self)), Φ/φ the standard normal CDF/PDF (its "
                       "tanh form for approximate='tanh')")
def GeluBackward0(self, g):
    return (gelu_backward(g, self._saved[0], self._ctx),)


def gelu(input, approximate="none"):
    if approximate not in ("none", "tanh"):
        raise RuntimeError("approximate argument must be either none or tanh.")
    d = input._data
    if approximate == "tanh":
        k = math.sqrt(2 / math.pi)
        out = 0.5 * d * (1 + np.tanh(k * (d + 0.044715 * d ** 3)))
    else:
        out = d * 0.5 * (1 + np_erf(d * (1 / math.sqrt(2))))
    return make(out.astype(d.dtype, copy=False), GeluBackward0, (input,), (d,), approximate)


@backward_formula("SiluBackward0", saves=((0, None),),
                  self="grad * σ(self) * (1 + self * (1 - σ(self)))")
def SiluBackward0(self, g):
    (x,) = self._saved
    s = array_namespace(g).sigmoid(x)  # infinitely_differentiable_silu_backward, as PyTorch
    return (g * s * (1.0 + x * (1.0 - s)),)


def silu(input, inplace=False):
    d = input._data
    with np.errstate(over="ignore"):
        out = d / (1 + np.exp(-d))
    return make(out, SiluBackward0, (input,), (d,))


@backward_formula("EluBackward0", saves=((0, None),),
                  self="grad where self > 0, else grad * alpha * exp(self)")
def EluBackward0(self, g):
    return (elu_backward(g, self._saved[0], self._ctx),)


def elu(input, alpha=1.0, inplace=False):
    d = input._data
    out = np.where(d > 0, d, alpha * np.expm1(np.minimum(d, 0))).astype(d.dtype, copy=False)
    return make(out, EluBackward0, (input,), (d,), alpha)


@backward_formula("LogSigmoidBackward0", saves=((0, None),),
                  self="grad * (1 - σ(self)) (= grad * σ(-self))")
def LogSigmoidBackward0(self, g):
    return (log_sigmoid_backward(g, self._saved[0]),)


def _log_sigmoid(d):
    return np.minimum(d, 0) - np.log1p(np.exp(-np.abs(d)))


def logsigmoid(input):
    d = input._data
    return make(_log_sigmoid(d), LogSigmoidBackward0, (input,), (d,))


def softmax(input, dim=None, _stacklevel=3, dtype=None):
    return _softmax(input, dim, dtype)


def log_softmax(input, dim=None, _stacklevel=3, dtype=None):
    return _log_softmax(input, dim, dtype)


def dropout(input, p=0.5, training=True, inplace=False):
    if not 0 <= p <= 1:
        raise ValueError(f"dropout probability has to be between 0 and 1, but got {p}")
    if not training or p == 0:
        return input
    # As PyTorch on CPU: input * (bernoulli(1 - p) / (1 - p)), recorded as a MulBackward0.
    d = input._data
    keep = default_generator().random(d.shape) >= p
    noise = (keep / (1 - p) if p < 1 else np.zeros(d.shape)).astype(d.dtype)
    return input * wrap(noise)


# --- regression losses ---------------------------------------------------------------------------
def _broadcast_pair(input, target):
    if input._data.shape != target._data.shape:
        warnings.warn(f"Using a target size ({Size(target._data.shape)}) that is different to the "
                      f"input size ({Size(input._data.shape)}). This will likely lead to incorrect "
                      "results due to broadcasting. Please ensure they have the same size.",
                      UserWarning, stacklevel=3)
        try:
            shape = np.broadcast_shapes(input._data.shape, target._data.shape)
        except ValueError:
            raise broadcast_error(input._data.shape, target._data.shape) from None
        if input._data.shape != shape:
            input = expand(input, shape)
        if target._data.shape != shape:
            target = expand(target, shape)
    return input, target


@backward_formula("MseLossBackward0", saves=((0, None), (1, None)),
                  self="grad * 2 * (self - target) / N (N = numel for 'mean', 1 for 'sum')",
                  target="-grad * 2 * (self - target) / N")
def MseLossBackward0(self, g):
    x, y = self._saved
    reduction = self._ctx
    return (mse_loss_backward(g, x, y, reduction) if self.needs(0) else None,
            mse_loss_backward(g, y, x, reduction) if self.needs(1) else None)


def mse_loss(input, target, size_average=None, reduce=None, reduction="mean"):
    reduction = _reduction(reduction)
    input, target = _broadcast_pair(input, target)
    diff = input._data - target._data
    sq = diff * diff
    out = _reduce_array(sq, reduction)
    return make(out, MseLossBackward0, (input, target), (input._data, target._data), reduction)


def l1_loss(input, target, size_average=None, reduce=None, reduction="mean"):
    reduction = _reduction(reduction)
    input, target = _broadcast_pair(input, target)
    return _reduce((input - target).abs(), reduction)


# --- binary classification -----------------------------------------------------------------
def _same_size(input, target, deprecated):
    if input._data.shape != target._data.shape:
        if deprecated:
            raise ValueError(f"Using a target size ({Size(target._data.shape)}) that is different "
                             f"to the input size ({Size(input._data.shape)}) is deprecated. Please "
                             "ensure they have the same size.")
        raise ValueError(f"Target size ({Size(target._data.shape)}) must be the same as input size "
                         f"({Size(input._data.shape)})")


def _weight_array(weight, name, fn):
    if weight is None:
        return None
    if weight._requires_grad:
        raise RuntimeError(f"The function '{fn}' is not differentiable with respect to argument "
                           f"'{name}'. This input cannot have requires_grad True.")
    return weight._data


@backward_formula("BinaryCrossEntropyBackward0", saves=((0, None), (1, None)),
                  self="grad * weight * (self - target) / max(self * (1 - self), 1e-12) / N",
                  target="-grad * weight * (ln(self) - ln(1 - self)) / N")
def BinaryCrossEntropyBackward0(self, g):
    x, y, w = self._saved
    reduction = self._ctx
    xp = array_namespace(g)
    gx = gy = None
    if self.needs(0):
        gx = binary_cross_entropy_backward(g, x, y, w, reduction)
    g = _reduce_back(g, reduction, values_of(x).size)
    if w is not None:
        g = g * w
    if self.needs(1):
        with np.errstate(divide="ignore"):
            gy = -(xp.log(x) - xp.log1p(-x)) * g
    return gx, gy


def binary_cross_entropy(input, target, weight=None, size_average=None, reduce=None,
                         reduction="mean"):
    reduction = _reduction(reduction)
    _same_size(input, target, deprecated=True)
    w = _weight_array(weight, "weight", "binary_cross_entropy")
    x, y = input._data, target._data
    if y.dtype != x.dtype:
        raise RuntimeError(f"Found dtype {dtypes.scalar_name(y.dtype)} but expected "
                           f"{dtypes.scalar_name(x.dtype)}")
    if ((x < 0) | (x > 1)).any() or np.isnan(x).any():
        raise RuntimeError("all elements of input should be between 0 and 1")
    if not ((y >= 0) & (y <= 1)).all():
        raise RuntimeError("all elements of target should be between 0 and 1")
    with np.errstate(divide="ignore"):
        log_x = np.maximum(np.log(x), -100)
        log_1mx = np.maximum(np.log1p(-x), -100)
    loss = -((y * log_x) + (1 - y) * log_1mx)
    if w is not None:
        loss = loss * w
    out = _reduce_array(loss.astype(x.dtype, copy=False), reduction)
    return make(out, BinaryCrossEntropyBackward0, (input, target), (x, y, w), reduction)


@backward_formula("BinaryCrossEntropyWithLogitsBackward0", saves=((0, None), (1, None)),
                  self="grad * weight * ((1 + (pos_weight - 1) * target) * σ(self) - pos_weight *"
                       " target) / N",
                  target="grad * weight * (ln σ(-self) - pos_weight * ln σ(self)) / N (-grad * "
                         "self / N without weights)")
def BinaryCrossEntropyWithLogitsBackward0(self, g):
    # PyTorch's composite formulas, op for op (so a recorded backward shows its ops)
    x, y, w, pw = self._saved
    graph = g.__class__ is Tensor
    n = values_of(x).size
    gx = gy = None
    if self.needs(0):
        sig = sigmoid(x) if graph else sigmoid_array(x)
        if pw is None:
            gx = sig - y
        else:
            t = (wrap(pw) if graph else pw) * y
            gx = (t + 1 - y) * sig - t
        gx = _reduce_back(_weighted(gx * g, w), self._ctx, n)
    if self.needs(1):
        if pw is None:
            gy = -x * g
        else:
            log_sig = logsigmoid if graph else _log_sigmoid
            gy = (log_sig(-x) - log_sig(x) * pw) * g
        gy = _reduce_back(_weighted(gy, w), self._ctx, n)
    return gx, gy


def _weighted(grad, weight):
    return grad if weight is None else grad * weight


def binary_cross_entropy_with_logits(input, target, weight=None, size_average=None, reduce=None,
                                     reduction="mean", pos_weight=None):
    """Stable for any logit: ``(1 - y) * x - log_sigmoid(x)`` (PyTorch's formula)."""
    reduction = _reduction(reduction)
    x, y = input._data, target._data
    if x.shape != y.shape:
        _same_size(input, target, deprecated=False)
    w = pw = None
    if weight is not None or pos_weight is not None:
        fn = "binary_cross_entropy_with_logits"
        w = _weight_array(weight, "weight", fn)
        pw = _weight_array(pos_weight, "pos_weight", fn)
    log_sig = _log_sigmoid(x)
    loss = (1 - y) * x - (log_sig if pw is None else log_sig * ((pw - 1) * y + 1))
    if w is not None:
        loss = loss * w
    # PyTorch builds the loss in place on ``1 - target``, so it has the target's (float) dtype.
    dt = y.dtype if y.dtype.kind == "f" else x.dtype
    if loss.dtype != dt:
        loss = loss.astype(dt)
    out = _reduce_array(loss, reduction)
    return make(out, BinaryCrossEntropyWithLogitsBackward0, (input, target), (x, y, w, pw),
                reduction)


# --- multi-class ---------------------------------------------------------------------------------
def _class_layout(x, t):
    """(N*spatial, C) view of the scores and the matching flat targets."""
    if x.ndim == 1:
        if t.ndim > 1:
            raise RuntimeError("0D or 1D target tensor expected, multi-target not supported")
        if t.ndim == 1 and t.size != 1:
            raise ValueError(f"For 1D input, 1D target must have size 1, but got target size: "
                             f"{t.size}")
        return x.reshape(1, -1), t.reshape(1)
    if t.ndim == 0 or x.shape[0] != t.shape[0]:
        raise ValueError(f"Expected input batch_size ({x.shape[0]}) to match target batch_size "
                         f"({t.shape[0] if t.ndim else 0}).")
    if x.ndim == 2:
        if t.ndim != 1:
            raise RuntimeError("0D or 1D target tensor expected, multi-target not supported")
        return x, t
    c = x.shape[1]
    if t.shape != x.shape[:1] + x.shape[2:]:
        raise RuntimeError(f"Expected target size {list(x.shape[:1] + x.shape[2:])}, got "
                           f"{list(t.shape)}")
    return np.moveaxis(x, 1, -1).reshape(-1, c), t.reshape(-1)


@backward_formula("NllLossBackward0", saves=((0, None),), saved_as=(0,),
                  self="-grad * weight[target_n] / Σ_n weight[target_n] at [n, target_n] (mean; "
                       "no division for 'sum'), 0 elsewhere and where target_n = ignore_index")
def NllLossBackward0(self, g):
    x, *picked = self._saved
    return (nll_loss_backward(g, x, picked, self._ctx),)


NllLoss2DBackward0 = backward_formula("NllLoss2DBackward0", saves=((0, None),), saved_as=(0,),
                                      self="-grad * weight[target_n] / Σ_n weight[target_n] at "
                                           "each position's target class (mean), 0 elsewhere and "
                                           "at ignore_index")(NllLossBackward0.apply)


def nll_loss(input, target, weight=None, size_average=None, ignore_index=-100, reduce=None,
             reduction="mean"):
    reduction = _reduction(reduction)
    x = input._data
    if x.ndim == 0:
        raise ValueError("Expected 1 or more dimensions (got 0)")
    if x.ndim == 3 or x.ndim > 4:
        # PyTorch views (N, C, d1, ...) as (N, C, 1, d1*...) for nll_loss2d, then views back.
        if target._data.shape != x.shape[:1] + x.shape[2:]:
            raise RuntimeError(f"Expected target size {list(x.shape[:1] + x.shape[2:])}, got "
                               f"{list(target._data.shape)}")
        out = _nll(view(input, x.shape[0], x.shape[1], 1, -1),
                   wrap(target._data.reshape(x.shape[0], 1, -1)), weight, ignore_index, reduction)
        return view(out, target._data.shape) if reduction == "none" else out
    return _nll(input, target, weight, ignore_index, reduction)


def _nll(input, target, weight, ignore_index, reduction):
    x, t = input._data, target._data
    if x.ndim > 1:  # PyTorch checks a batch's size before the target's dtype
        flat_x, flat_t = _class_layout(x, t)
    if t.dtype.kind not in "iu":
        raise RuntimeError(f"expected target dtype to be Long or Byte, but got "
                           f"{dtypes.scalar_name(t.dtype)}")
    if x.ndim <= 1:
        flat_x, flat_t = _class_layout(x, t)
    w = _weight_array(weight, "weight", "nll_loss_forward")
    if w is not None and w.dtype != x.dtype:
        raise RuntimeError(f"expected scalar type {dtypes.scalar_name(x.dtype)} but found "
                           f"{dtypes.scalar_name(w.dtype)}")
    c = flat_x.shape[1]
    valid = flat_t != ignore_index
    bad = valid & ((flat_t < 0) | (flat_t >= c))
    if bad.any():
        raise IndexError(f"Target {int(flat_t[bad][0])} is out of bounds.")
    rows = np.arange(flat_t.size)
    tgt = np.where(valid, flat_t, 0)
    wsel = (w[tgt] if w is not None else np.ones(tgt.shape, x.dtype)) * valid
    wsel = wsel.astype(x.dtype, copy=False)
    picked = np.where(valid, -flat_x[rows, tgt] * wsel, 0)  # an ignored target gives +0
    total = wsel.sum()
    if reduction == "none":
        # A 1-D input goes through PyTorch's reducing kernel (0 - x*w: a zero loss is +0).
        out = (picked if x.ndim > 1 else 0 - flat_x[rows, tgt] * wsel).reshape(
            t.shape if x.ndim > 1 else ())
    elif reduction == "sum":
        out = picked.sum()
    else:
        with np.errstate(invalid="ignore", divide="ignore"):
            out = picked.sum() / total
    node = NllLoss2DBackward0 if x.ndim == 4 else NllLossBackward0
    return make(np.asarray(out, x.dtype), node, (input,),
                (x, valid, tgt, wsel, total), (x.shape, reduction))


def cross_entropy(input, target, weight=None, size_average=None, ignore_index=-100, reduce=None,
                  reduction="mean", label_smoothing=0.0):
    """Class indices: ``nll_loss(log_softmax(input, 1))``; class probabilities (a float target of
    the input's shape): ``-(target * log_softmax(input, 1)).sum(1)`` reduced."""
    reduction = _reduction(reduction)
    if label_smoothing != 0.0:
        raise ValueError("label_smoothing is not supported by this engine")
    if isinstance(target, Tensor) and target._data.shape == input._data.shape \
            and target._data.dtype.kind != "f":
        raise RuntimeError(f"Expected floating point type for target with class probabilities, "
                           f"got {dtypes.scalar_name(target._data.dtype)}")
    dim = 0 if input._data.ndim == 1 else 1
    logp = _log_softmax(input, dim)
    # A float target of the input's shape holds class probabilities; any other shape is taken
    # as class indices (and nll_loss refuses its dtype), as PyTorch does.
    if isinstance(target, Tensor) and target._data.dtype.kind == "f" \
            and target._data.shape == input._data.shape:
        if weight is not None:
            shape = [1] * input._data.ndim
            shape[dim] = -1
            logp = logp * weight.reshape(shape)
        per = logp * target
        if reduction == "none":
            return -_sum(per, dim)
        total = -_sum(per)
        if reduction == "sum":
            return total
        return div_scalar(total, input._data.size // input._data.shape[dim])
    return nll_loss(logp, target, weight, ignore_index=ignore_index, reduction=reduction)
