"""prod's backward kernel, PyTorch's ``prod_backward``: ``grad * (result / input)`` when the
input has no zeros, else the product of the other elements (``prod_safe_zeros_backward``), exact
with one zero or several; under ``create_graph=True`` that product is recorded too."""

import numpy as np

from ..node import array_namespace, values_of

__all__ = ["others_product", "others_product_recorded", "prod_gradient"]


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


def others_product_recorded(xp, x, axis):
    """:func:`others_product` with recorded ops (``create_graph=True``): row i of an (n, n)
    expansion of ``x`` along ``axis`` has 1 in place of x_i, and its product is recorded."""
    xv = values_of(x)
    n = xv.shape[axis]
    rows = xp.broadcast_to(xp.expand_dims(xp.moveaxis(x, axis, -1), -2),
                           xv.shape[:axis] + xv.shape[axis + 1:] + (n, n))
    others = xp.where(np.eye(n, dtype=bool), 1, rows).prod(-1)
    return xp.moveaxis(others, -1, axis)


def prod_gradient(g, x, y, axis):
    """PyTorch's prod_backward: ``grad * (result / input)`` without zeros, else the product of
    the other elements (correct with one zero or several)."""
    xv = values_of(x)
    if not (xv == 0).any():
        return g * (y / x)
    if g.__class__ is np.ndarray or np.isscalar(g):
        if axis is None:
            return g * others_product(xv.reshape(-1), 0).reshape(xv.shape)
        return g * others_product(xv, axis)
    xp = array_namespace(g)
    if axis is None:  # over the flattened input
        return g * xp.reshape(others_product_recorded(xp, xp.reshape(x, (-1,)), 0), xv.shape)
    return g * others_product_recorded(xp, x, axis)
