"""The backward kernels of the fused losses, recorded as one node each when a gradient is itself
recorded (``create_graph=True``), as PyTorch records them: ``MseLossBackwardBackward0``,
``BinaryCrossEntropyBackwardBackward0``, ``NllLossBackwardBackward0`` (see
``activations.py`` for how a kernel computes on arrays and records on Tensors)."""

import numpy as np

from ..node import array_namespace, backward_formula, values_of
from .activations import in_graph, recorded

__all__ = ["mse_loss_backward", "binary_cross_entropy_backward", "nll_loss_backward"]

_EPSILON = 1e-12


def _scaled(xp, out, weight, reduction, n):
    """A loss gradient times the class weights, divided by ``n`` for 'mean'."""
    if weight is not None:
        out = out * weight
    return out / n if reduction == "mean" else out


def _summed(xp, out, reduction):
    return out if reduction == "none" else xp.sum(out)


# --- mse_loss --------------------------------------------------------------------------------
def mse_loss_backward(grad, input, target, reduction):
    """``norm * (input - target) * grad``, norm = 2 / N for 'mean', else 2 (PyTorch's kernel)."""
    if in_graph(grad, input, target):
        return recorded(MseLossBackwardBackward0, (grad, input, target),
                        mse_loss_backward(values_of(grad), values_of(input), values_of(target),
                                          reduction), reduction)
    norm = 2 / input.size if reduction == "mean" else 2.0
    return norm * (input - target) * grad


@backward_formula("MseLossBackwardBackward0", saved_as=(0, 1, 2),
                  grad_output="Σ mse_loss_backward(grad, self, target) (element-wise for 'none')",
                  self="norm * grad * grad_output",
                  target="-norm * grad * grad_output")
def MseLossBackwardBackward0(self, gg):
    go, x, y = self._saved
    reduction = self._ctx
    xp = array_namespace(gg)
    ggo = None
    if self.needs(0):
        ggo = _summed(xp, mse_loss_backward(gg, x, y, reduction), reduction)
    norm = 2 / values_of(x).size if reduction == "mean" else 2.0
    gx = norm * gg * go if self.needs(1) or self.needs(2) else None
    return ggo, (gx if self.needs(1) else None), (-gx if self.needs(2) else None)


# --- binary_cross_entropy -----------------------------------------------------------------------
def binary_cross_entropy_backward(grad, input, target, weight, reduction):
    """``grad * (input - target) / max((1 - input) * input, 1e-12)``, times the weight, / N for
    'mean' (PyTorch's kernel and its order)."""
    if in_graph(grad, input, target):
        return recorded(BinaryCrossEntropyBackwardBackward0, (grad, input, target),
                        binary_cross_entropy_backward(values_of(grad), values_of(input),
                                                      values_of(target), weight, reduction),
                        (weight, reduction))
    out = grad * (input - target) / np.maximum((1 - input) * input, _EPSILON)
    return _scaled(np, out, weight, reduction, input.size)


@backward_formula("BinaryCrossEntropyBackwardBackward0", saved_as=(0, 1, 2),
                  grad_output="Σ weight * (self - target) / max(self * (1 - self), 1e-12) * grad "
                              "/ N",
                  self="weight * grad * grad_output * (self² - 2 * self * target + target) / "
                       "((self + ε)² * (1 - self + ε)²) / N",
                  target="-weight * grad * grad_output / max(self * (1 - self), 1e-12) / N")
def BinaryCrossEntropyBackwardBackward0(self, gg):
    go, x, y = self._saved
    weight, reduction = self._ctx
    xp = array_namespace(gg)
    n = values_of(x).size
    ggo = gx = gy = None
    if self.needs(0):
        r = (x - y) / xp.maximum((1 - x) * x, _EPSILON) * gg
        ggo = _summed(xp, _scaled(xp, r, weight, reduction, n), reduction)
    if self.needs(1):
        r = (x * x - 2 * x * y + y) / ((x + _EPSILON) ** 2 * (1 - x + _EPSILON) ** 2)
        gx = _scaled(xp, r * (gg * go), weight, reduction, n)
    if self.needs(2):
        gy = _scaled(xp, -(gg * go) / xp.maximum((1 - x) * x, _EPSILON), weight, reduction, n)
    return ggo, gx, gy


# --- nll_loss ---------------------------------------------------------------------------------
def _nll_gradient(g, valid, tgt, wsel, total, shape, reduction):
    """The gradient of nll_loss on arrays: -grad * weight[target] at each row's target class."""
    x_shape = shape if len(shape) != 1 else (1,) + shape
    c = x_shape[1]
    rows = np.nonzero(valid)[0]
    if reduction == "none":
        coef = -wsel[valid] * g.reshape(-1)[rows]
    else:
        coef = -wsel[valid] * (g / total if reduction == "mean" else g)
    # Only the valid rows get a value: ignored targets get 0 even for a NaN grad.
    grad = np.zeros((valid.size, c), coef.dtype)
    np.add.at(grad, (rows, tgt[valid]), coef)
    if len(shape) > 2:
        return np.moveaxis(grad.reshape((shape[0],) + shape[2:] + (c,)), -1, 1)
    return grad.reshape(shape)


def nll_loss_backward(grad, input, picked, ctx):
    """nll_loss's input gradient; ``picked`` = (valid rows, target classes, their weights, the
    total weight), ``ctx`` = (input shape, reduction)."""
    if in_graph(grad, input):
        node = NllLoss2DBackwardBackward0 if len(ctx[0]) == 4 else NllLossBackwardBackward0
        return recorded(node, (grad, input),
                        nll_loss_backward(values_of(grad), values_of(input), picked, ctx),
                        (picked, ctx))
    return _nll_gradient(grad, *picked, *ctx).astype(input.dtype, copy=False)


def _nll_again(self, gg):
    """nll_loss(grad, target, weight) as the grad_output's gradient; 0 for self."""
    go, _ = self._saved
    (valid, tgt, wsel, total), (shape, reduction) = self._ctx
    xp = array_namespace(gg)
    ggo = None
    if self.needs(0):
        if len(shape) == 1:
            flat = xp.reshape(gg, (1, shape[0]))
        elif len(shape) > 2:
            flat = xp.reshape(xp.moveaxis(gg, 1, -1), (-1, shape[1]))
        else:
            flat = gg
        picked = xp.where(valid, -flat[np.arange(tgt.size), tgt] * wsel, 0)
        if reduction == "none":
            ggo = xp.reshape(picked, values_of(go).shape)
        else:
            ggo = xp.sum(picked)
            ggo = ggo / float(total) if reduction == "mean" else ggo
    return ggo, (xp.zeros_like(gg) if self.needs(1) else None)


_NLL_RULES = dict(grad_output="nll_loss(grad, target, weight, reduction, ignore_index)",
                  self="0 (the loss is linear in self)")
NllLossBackwardBackward0 = backward_formula("NllLossBackwardBackward0", saved_as=(0, 1),
                                            **_NLL_RULES)(_nll_again)
NllLoss2DBackwardBackward0 = backward_formula("NllLoss2DBackwardBackward0", saved_as=(0, 1),
                                              **_NLL_RULES)(_nll_again)
