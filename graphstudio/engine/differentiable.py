"""Higher-order gradients: what the backward formulas compute with when ``create_graph=True``.

Each derivative rule is written once (see ``node.py``): with operators, and with the functions of
``array_namespace(grad)``. In the ordinary backward that namespace is numpy; here it is
:data:`TENSOR_NAMESPACE`, the same functions (numpy's names and arguments) built from the engine's
recorded ops, so running a formula on Tensors records the backward pass as a graph of its own:
``grad(grad(x ** 3, x), x)`` works, and ``x ** 3``'s gradient has ``grad_fn`` MulBackward0 as in
PyTorch.

:func:`lift_saved` turns a node's saved numpy values back into Tensors that sit in the graph (an
input's values become a tensor whose history is that input's, the result one whose ``grad_fn`` is
the node itself); :func:`to_input` reduces a gradient to an input's shape and dtype with recorded
ops, as the engine does for arrays.
"""

import types
import weakref

import numpy as np

from . import creation, dtypes, indexing, linalg, ops, reductions, shape_ops, unary
from .node import FORMULA, NAMESPACES, RESULT, AccumulateGrad, backward_formula
from .tensor import Tensor, make, wrap

__all__ = ["TENSOR_NAMESPACE", "lift_saved", "to_input", "as_graph_tensor", "apply_recorded",
           "accumulate_graph", "graph_gradient", "CopyBackwards", "IndexPutImplBackward0"]


def _tensor(x):
    return x if isinstance(x, Tensor) else wrap(np.asarray(x))


def _where(cond, a, b):
    cond = cond._data if isinstance(cond, Tensor) else np.asarray(cond)
    if not isinstance(a, Tensor) and not isinstance(b, Tensor):
        return wrap(np.asarray(np.where(cond, a, b)))
    return ops.where(cond, a, b)


def _sum(x, axis=None, keepdims=False, dtype=None):
    x = _tensor(x)
    if axis is None and not keepdims:
        return reductions.sum(x)
    if axis is None:
        axis = tuple(range(x.ndim))
    return reductions.sum(x, axis, keepdims)


def _broadcast_to(x, shape):
    x = _tensor(x)
    if tuple(x._data.shape) == tuple(shape):
        return x
    return shape_ops.expand(x, tuple(shape))


def _expand_dims(x, axis):
    x = _tensor(x)
    axes = (axis,) if isinstance(axis, int) else tuple(axis)
    ndim = x.ndim + len(axes)
    for a in sorted(a % ndim for a in axes):
        x = shape_ops.unsqueeze(x, a)
    return x


def _squeeze(x, axis=None):
    x = _tensor(x)
    if axis is None:
        return shape_ops.squeeze(x)
    if isinstance(axis, int) or len(axis) == 1:  # one dim: SqueezeBackward1, as PyTorch
        return shape_ops.squeeze(x, (axis if isinstance(axis, int) else axis[0]) % x.ndim)
    return shape_ops.squeeze(x, tuple(a % x.ndim for a in axis))


def _swapaxes(x, a, b):
    return shape_ops.transpose(_tensor(x), a, b)


def _transpose(x, axes=None):
    x = _tensor(x)
    if axes is None:
        axes = tuple(reversed(range(x.ndim)))
    return shape_ops.permute(x, *axes)


def _moveaxis(x, source, destination):
    x = _tensor(x)
    order = [i for i in range(x.ndim) if i != source % x.ndim]
    order.insert(destination % x.ndim, source % x.ndim)
    return shape_ops.permute(x, *order)


def _zeros_like(x, dtype=None):
    return creation.zeros_like(_tensor(x))


def _reshape(x, shape):
    return shape_ops.reshape(_tensor(x), tuple(shape) if not isinstance(shape, int) else shape)


def _count_nonzero(x):
    return int(np.count_nonzero(x._data if isinstance(x, Tensor) else x))


def _split(x, indices, axis=0):
    x = _tensor(x)
    bounds = [0, *(int(i) for i in indices), x._data.shape[axis]]
    return [indexing.narrow(x, axis, a, b - a) for a, b in zip(bounds, bounds[1:], strict=False)]


@backward_formula("IndexPutImplBackward0",
                  self="grad with the indexed positions set to 0 (accumulate=False), else grad",
                  values="grad at the positions the values were put at")
def IndexPutImplBackward0(self, g):
    return None, g[self._ctx]


def _add_at(shape, key, g):
    """Zeros of ``shape`` with ``g`` added at ``key``: PyTorch's ``zeros._index_put_impl_(key, g,
    accumulate=True)`` (the zeros a constant), recorded."""
    g = _tensor(g)
    out = np.zeros(shape, g._data.dtype)
    np.add.at(out, key, g._data)
    return make(out, IndexPutImplBackward0, (None, g), None, key)


#: numpy's names and signatures over the engine's recorded ops (what formulas call as ``xp``).
TENSOR_NAMESPACE = types.SimpleNamespace(
    where=_where, sum=_sum, broadcast_to=_broadcast_to, expand_dims=_expand_dims,
    squeeze=_squeeze, swapaxes=_swapaxes, transpose=_transpose, moveaxis=_moveaxis,
    zeros_like=_zeros_like, reshape=_reshape, count_nonzero=_count_nonzero,
    split=_split, add_at=_add_at, log1p=unary.log1p, tanh=unary.tanh,
    exp=unary.exp, log=unary.log, sin=unary.sin, cos=unary.cos, sqrt=unary.sqrt,
    sign=unary.sign, isnan=ops.isnan, outer=linalg.outer, matmul=linalg.matmul,
    maximum=ops.maximum, minimum=ops.minimum, errstate=np.errstate, t=shape_ops.t,
    masked_fill=indexing.masked_fill, sigmoid=unary.sigmoid,
)
NAMESPACES[Tensor] = TENSOR_NAMESPACE


def as_graph_tensor(array, fn, output_nr=0):
    """A tensor with ``array``'s values whose gradient flows into output ``output_nr`` of ``fn``
    (a node, an AccumulateGrad for a leaf's values, or None for a constant)."""
    if fn is None:
        return wrap(array)
    if fn.__class__ is AccumulateGrad:
        leaf = fn.variable
        if leaf._data is array:
            return leaf
        t = wrap(array)
        t._requires_grad = True
        t._acc = weakref.ref(fn)
        return t
    t = wrap(array, fn)
    t._output_nr = output_nr
    return t


def lift_saved(fn):
    """``fn``'s saved values as graph Tensors where :attr:`GradFn.saved_as` says what they are
    (inputs, the result); constants (masks, indices, numbers) stay as they are."""
    saved = fn._saved
    if saved is None:
        return None
    kinds = fn.saved_as
    out = []
    for k, s in enumerate(saved):
        kind = kinds[k] if k < len(kinds) else None
        if kind is not None and s.__class__ in (int, float):
            # a user's ``x * 2``: PyTorch saved the number as a (wrapped number) tensor
            arrays = [a for a in saved if a.__class__ is np.ndarray]
            out.append(wrap(np.asarray(s, arrays[0].dtype if arrays else None)))
        elif kind is None or s is None or s.__class__ is not np.ndarray:
            out.append(s)
        elif kind == RESULT:
            out.append(wrap(s, fn))
        else:
            out.append(as_graph_tensor(s, *fn.next_functions[kind]))
    return tuple(out)


def to_input(fn, meta, grad):
    """A gradient (Tensor or array) summed back to the input's shape and cast to its dtype, with
    recorded ops (the engine's ``sum_to_shape`` for graphs)."""
    grad = _tensor(grad)
    shape, dtype = meta
    gshape = grad._data.shape
    if gshape != shape:
        lead = len(gshape) - len(shape)
        if lead < 0 or any(s != 1 and s != g for s, g in zip(shape, gshape[lead:], strict=True)):
            i = [m is meta for m in fn._meta].index(True)
            raise RuntimeError(f"Function {fn.name()} returned an invalid gradient at index {i} - "
                               f"got {list(gshape)} but expected shape compatible with "
                               f"{list(shape)}")
        axes = tuple(range(lead)) + tuple(i + lead for i, s in enumerate(shape)
                                          if s == 1 and gshape[i + lead] != 1)
        if not shape:  # to a 0-d input: torch's sum_to sums everything (SumBackward0)
            grad = reductions.sum(grad)
        elif axes:
            grad = reductions.sum(grad, axes, True)
        if grad._data.shape != shape:
            grad = shape_ops.reshape(grad, shape)
    if grad._data.dtype != dtype:
        grad = shape_ops.to(grad, dtype=dtypes.from_numpy(dtype))
    return grad


def apply_recorded(fn, grad):
    """Run ``fn``'s formula on the Tensor ``grad`` with its saved values lifted into the graph:
    the formula's operations are recorded (the caller has grad mode on)."""
    saved = fn._saved
    fn._saved = lift_saved(fn)
    outer = FORMULA.recording
    FORMULA.recording = True
    try:
        return fn.apply(grad)
    finally:
        FORMULA.recording = outer
        fn._saved = saved


@backward_formula("CopyBackwards",
                  self="0 (the copy's target is overwritten)",
                  src="grad (the copied tensor)")
def CopyBackwards(self, g):
    return None, g


CopyBackwards.name = lambda self: "torch::autograd::CopyBackwards"  # a C++ node in PyTorch


def accumulate_graph(var, grad):
    """``var.grad`` from a recorded gradient, as PyTorch's AccumulateGrad does under
    ``create_graph=True``: a copy the first time (``CopyBackwards``), ``old + new`` after."""
    if var._grad is None:
        data = grad._data.astype(var._data.dtype, copy=True)
        var._grad = make(data, CopyBackwards, (None, grad))
    else:
        var._grad = ops.add(var._grad, grad)


def graph_gradient(array, given):
    """The root's gradient in a recorded backward: the Tensor the caller gave (it may be part of a
    graph itself), else the implicit one as a constant Tensor."""
    if isinstance(given, Tensor) and given._data.dtype == array.dtype:
        return given
    return wrap(array)
