"""prod's backward kernel, PyTorch's ``prod_backward``: ``grad * (result / input)`` when the
input has no zeros, else the product of the other elements (``prod_safe_zeros_backward``), exact
with one zero or several; under ``create_graph=True`` that product is recorded with PyTorch's
ops: the exclusive products before and after each element, ``cat`` of ones and a ``narrow``ed
input, ``cumprod`` and ``flip`` (CatBackward0, SliceBackward0, CumprodBackward0, FlipBackward0).

``cumprod``'s own gradient is exact with zeros too (no division): for element k, the sum over
i >= k of grad_i times the product of x_0..x_i without x_k. Recorded again it is built from the
same ops (its values are PyTorch's; the ops PyTorch's ``cumprod_backward`` records are others)."""

import numpy as np

from ..indexing import narrow
from ..node import RESULT, array_namespace, backward_formula, values_of
from ..shape_ops import cat
from ..tensor import Tensor, make, wrap

__all__ = ["others_product", "prod_gradient", "cumprod", "flip", "cumprod_gradient"]


def others_product(x, axis):
    """For each element, the product of the other elements along ``axis``, computed without
    dividing (exact with zeros): the product of those before it times the product of those after."""
    n = x.shape[axis]
    if n == 0:
        return x.copy()
    ones = np.ones_like(np.take(x, [0], axis=axis))
    head = np.take(x, range(n - 1), axis=axis)
    left = np.concatenate([ones, np.cumprod(head, axis=axis)], axis=axis)
    tail = np.flip(np.take(np.flip(x, axis), range(n - 1), axis=axis), axis)
    right = np.concatenate([np.flip(np.cumprod(np.flip(tail, axis), axis=axis), axis), ones],
                           axis=axis)
    return (left * right).astype(x.dtype, copy=False)


def prod_gradient(g, x, y, axis):
    """PyTorch's prod_backward: ``grad * (result / input)`` without zeros, else the product of
    the other elements (correct with one zero or several)."""
    xv = values_of(x)
    if xv.ndim == 0:
        return g
    if not (xv == 0).any():
        return g * (y / x)
    if g.__class__ is np.ndarray or np.isscalar(g):
        if axis is None:
            return g * others_product(xv.reshape(-1), 0).reshape(xv.shape)
        return g * others_product(xv, axis)
    xp = array_namespace(g)
    if axis is None:  # over the flattened input
        return xp.reshape(_safe_zeros_recorded(g, xp.reshape(x, (-1,)), 0), xv.shape)
    return _safe_zeros_recorded(g, x, axis)


def _safe_zeros_recorded(g, x, dim):
    """PyTorch's ``prod_safe_zeros_backward`` with its recorded ops."""
    shape = x._data.shape
    n = shape[dim]
    if n == 0:
        return array_namespace(g).broadcast_to(g, shape)
    ones = wrap(np.ones(shape[:dim] + (1,) + shape[dim + 1:], x._data.dtype))
    before = cumprod(cat([ones, narrow(x, dim, 0, n - 1)], dim), dim)
    after = flip(cumprod(cat([ones, flip(narrow(x, dim, 1, n - 1), dim)], dim), dim), dim)
    return g * (before * after)


def flip(x, dim):
    """``x.flip(dim)`` (a copy), recorded as FlipBackward0 on a Tensor."""
    if x.__class__ is Tensor:
        return make(np.flip(x._data, dim).copy(), FlipBackward0, (x,), None, dim)
    return np.flip(x, dim)


@backward_formula("FlipBackward0", self="grad.flip(dims)")
def FlipBackward0(self, g):
    return (flip(g, self._ctx),)


def cumprod(x, dim):
    """``x.cumprod(dim)``, recorded as CumprodBackward0 on a Tensor."""
    if x.__class__ is Tensor:
        d = x._data
        dim = dim % d.ndim
        out = np.cumprod(d, dim)
        return make(out, CumprodBackward0, (x,), (d, out), dim)
    return np.cumprod(x, dim)


@backward_formula("CumprodBackward0", saves=((0, None),), saved_as=(0, RESULT),
                  self="for element k: the sum over i >= k of grad_i times the product of "
                       "self_0..self_i without self_k")
def CumprodBackward0(self, g):
    x, _ = self._saved
    return (cumprod_gradient(g, x, self._ctx),)


def cumprod_gradient(g, x, dim):
    """``cumprod``'s gradient without dividing: row k of an (n, n) expansion of ``x`` along
    ``dim`` has 1 in place of x_k; its running products, kept where i >= k and weighted by the
    gradient of output i, are summed over i."""
    xp = array_namespace(g if g.__class__ is Tensor else x)
    n = values_of(x).shape[dim]
    moved = xp.moveaxis(x, dim, -1)
    rows = xp.broadcast_to(xp.expand_dims(moved, -2), values_of(moved).shape[:-1] + (n, n))
    running = cumprod(xp.where(np.eye(n, dtype=bool), 1, rows), -1)
    kept = xp.where(np.triu(np.ones((n, n), dtype=bool)), running, 0)
    return xp.moveaxis((kept * xp.expand_dims(xp.moveaxis(g, dim, -1), -2)).sum(-1), -1, dim)
