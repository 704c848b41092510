"""The scatter-style ops PyTorch's backward formulas call, as it records them under
``create_graph=True``: max/min along a dim put the gradient at the returned indices with
``zeros.scatter_(dim, indices, grad)`` (``ScatterBackward0``, whose own gradient is a gather,
``GatherBackward0``, whose gradient is a ``scatter_add``, ``ScatterAddBackward0``);
``index_select`` and ``repeat_interleave`` with a tensor of counts add the gradient back with
``zeros.index_add_(dim, index, grad)`` (``IndexAddBackward0``).

Each function computes on numpy arrays in an ordinary backward and records itself on a Tensor
gradient. The zeros are a constant, so each recorded node's first edge (``self``) is None, as in
PyTorch."""

import numpy as np

from ..node import backward_formula, values_of
from ..tensor import Tensor, make

__all__ = ["scatter_into_zeros", "gather", "scatter_add_into_zeros", "index_add_into_zeros"]


def _along(index, dim):
    """The numpy index that addresses ``out[..., index[...], ...]`` (``index`` along ``dim``,
    the other dims by position), for accumulating with ``np.add.at``."""
    grid = list(np.ix_(*(np.arange(n) for n in index.shape)))
    grid[dim] = index
    return tuple(grid)


def scatter_into_zeros(shape, dim, index, src):
    """``zeros(shape).scatter_(dim, index, src)``: ``src`` at ``index`` along ``dim``."""
    values = values_of(src)
    out = np.zeros(shape, values.dtype)
    np.put_along_axis(out, index, values, dim)
    if src.__class__ is Tensor:
        return make(out, ScatterBackward0, (None, src), None, (dim, index))
    return out


def gather(g, dim, index):
    """``g.gather(dim, index)``: ``g``'s values at ``index`` along ``dim``."""
    values = values_of(g)
    out = np.take_along_axis(values, index, dim)
    if g.__class__ is Tensor:
        return make(out, GatherBackward0, (g,), None, (values.shape, dim, index))
    return out


def scatter_add_into_zeros(shape, dim, index, src):
    """``zeros(shape).scatter_add_(dim, index, src)``: ``src`` added at ``index`` along ``dim``
    (repeated positions accumulate)."""
    values = values_of(src)
    out = np.zeros(shape, values.dtype)
    np.add.at(out, _along(index, dim), values)
    if src.__class__ is Tensor:
        return make(out, ScatterAddBackward0, (None, src), None, (dim, index))
    return out


def index_add_into_zeros(shape, dim, index, source):
    """``zeros(shape).index_add_(dim, index, source)``: slice ``i`` of ``source`` along ``dim``
    added at position ``index[i]`` (repeated indices accumulate)."""
    values = values_of(source)
    out = np.zeros(shape, values.dtype)
    np.add.at(out, (slice(None),) * dim + (index,), values)
    if source.__class__ is Tensor:
        return make(out, IndexAddBackward0, (None, source), None, (dim, index, values.shape))
    return out


def _no_grad_for_zeros(self):
    """The first input of these nodes is the constant zeros of a backward formula."""
    if self.needs(0):
        raise RuntimeError(f"{self.name()}: its self argument is a constant here")


def _src_gathered(self, g):
    """scatter / scatter_add backward: ``src`` gets the gradient gathered back from ``index``."""
    _no_grad_for_zeros(self)
    dim, index = self._ctx
    return None, gather(g, dim, index)


ScatterBackward0 = backward_formula(
    "ScatterBackward0", self="grad with the scattered positions set to 0",
    src="grad.gather(dim, index)")(_src_gathered)
ScatterAddBackward0 = backward_formula(
    "ScatterAddBackward0", self="grad", src="grad.gather(dim, index)")(_src_gathered)


@backward_formula("GatherBackward0",
                  self="zeros of self's shape with grad added at index along dim (scatter_add)")
def GatherBackward0(self, g):
    shape, dim, index = self._ctx
    return (scatter_add_into_zeros(shape, dim, index, g),)




@backward_formula("IndexAddBackward0",
                  self="grad",
                  source="grad.index_select(dim, index).expand_as(source)")
def IndexAddBackward0(self, g):
    _no_grad_for_zeros(self)
    dim, index, source_shape = self._ctx
    if g.__class__ is Tensor:  # torch's expand_as records ExpandBackward0 even to the same shape
        return None, g.index_select(dim, index).expand(source_shape)
    return None, np.take(g, index, axis=dim)
