"""Matrix products: dot, mv, mm, bmm, addmm and ``matmul`` decomposed as PyTorch records it (1-D @
2-D is ``SqueezeBackward4 <- MmBackward0 <- UnsqueezeBackward0``, N-D @ 1-D/2-D folds the batch
into ``MmBackward0``/``MvBackward0`` under ``UnsafeViewBackward0``, batched products go through
``ExpandBackward0``/``ViewBackward0``/``BmmBackward0``).
"""

import numpy as np

from . import dtypes
from .node import array_namespace, backward_formula, values_of
from .ops import add, broadcast_error, mul
from .shape_ops import (
    SqueezeBackward4,
    contiguous,
    expand,
    reshape,
    squeeze,
    t,
    unsafe_view,
    unsqueeze,
)
from .shape_ops import transpose as transpose_op
from .tensor import make

__all__ = ["dot", "mv", "mm", "bmm", "addmm", "matmul", "outer"]


def _same_dtype(a, b, fmt, names=dtypes.scalar_name):
    if a.dtype != b.dtype:
        raise RuntimeError(fmt.format(names(a.dtype), names(b.dtype)))


@backward_formula("DotBackward0", saves=((0, 1), (1, 0)),
                  self="grad * tensor",
                  tensor="grad * self")
def DotBackward0(self, g):
    a, b = self._saved
    return (g * b if self.needs(0) else None), (g * a if self.needs(1) else None)


def dot(input, other):
    a, b = input._data, other._data
    if a.ndim != 1 or b.ndim != 1:
        raise RuntimeError(f"1D tensors expected, but got {a.ndim}D and {b.ndim}D tensors")
    _same_dtype(a, b, "dot : expected both vectors to have same dtype, but found {} and {}")
    if a.shape[0] != b.shape[0]:
        raise RuntimeError(f"inconsistent tensor size, expected tensor [{a.shape[0]}] and src "
                           f"[{b.shape[0]}] to have the same number of elements, but got "
                           f"{a.shape[0]} and {b.shape[0]} elements respectively")
    return make(np.dot(a, b), DotBackward0, (input, other), (a, b))


@backward_formula("MvBackward0", saves=((0, 1), (1, 0)),
                  self="outer(grad, vec)",
                  vec="selfᵀ @ grad")
def MvBackward0(self, g):
    m, v = self._saved
    xp = array_namespace(g)
    return ((xp.outer(g, v) if self.needs(0) else None),
            (xp.t(m) @ g if self.needs(1) else None))


def mv(input, vec):
    m, v = input._data, vec._data
    if m.ndim != 2 or v.ndim != 1 or m.shape[1] != v.shape[0]:
        raise RuntimeError(f"size mismatch, got input ({m.shape[0]}), mat "
                           f"({'x'.join(map(str, m.shape))}), vec ({v.shape[0]})")
    if m.dtype != v.dtype:
        n = dtypes.scalar_name
        raise RuntimeError(f"addmv input tensors must have the same dtype, but got {n(v.dtype)}, "
                           f"{n(m.dtype)}, and {n(v.dtype)}")
    return make(m @ v, MvBackward0, (input, vec), (m, v))


def _mat2_grad(a, g, b):
    """``a.T @ g``, laid out like ``b``: for a transposed weight (``F.linear``'s ``weight.t()``)
    it is built as the transpose of a C-ordered product, so TBackward0 hands AccumulateGrad a
    contiguous array (PyTorch's mm_mat2_backward makes the same choice)."""
    flags = values_of(b).flags
    xp = array_namespace(g)
    if flags.f_contiguous and not flags.c_contiguous:
        return xp.t(xp.t(g) @ a)
    return xp.t(a) @ g


@backward_formula("MmBackward0", saves=((0, 1), (1, 0)),
                  self="grad @ mat2ᵀ",
                  mat2="selfᵀ @ grad")
def MmBackward0(self, g):
    a, b = self._saved
    ga = g @ array_namespace(g).t(b) if self.needs(0) else None
    return ga, (_mat2_grad(a, g, b) if self.needs(1) else None)


def _check_mm(a, b):
    if a.ndim != 2:
        raise RuntimeError("self must be a matrix")
    if b.ndim != 2:
        raise RuntimeError("mat2 must be a matrix")
    if a.shape[1] != b.shape[0]:
        raise RuntimeError(f"mat1 and mat2 shapes cannot be multiplied ({a.shape[0]}x{a.shape[1]} "
                           f"and {b.shape[0]}x{b.shape[1]})")
    _same_dtype(a, b, "expected m1 and m2 to have the same dtype, but got: {} != {}",
                dtypes.cpp_name)


def mm(input, mat2):
    a, b = input._data, mat2._data
    _check_mm(a, b)
    return make(a @ b, MmBackward0, (input, mat2), (a, b))


@backward_formula("BmmBackward0", saves=((0, 1), (1, 0)),
                  self="grad @ mat2ᵀ (per batch)",
                  mat2="selfᵀ @ grad (per batch)")
def BmmBackward0(self, g):
    a, b = self._saved
    xp = array_namespace(g)
    ga = g @ xp.swapaxes(b, -1, -2) if self.needs(0) else None
    gb = xp.swapaxes(a, -1, -2) @ g if self.needs(1) else None
    return ga, gb


def bmm(input, mat2):
    a, b = input._data, mat2._data
    if a.ndim != 3 or b.ndim != 3:
        raise RuntimeError("batch1 must be a 3D tensor" if a.ndim != 3 else
                           "batch2 must be a 3D tensor")
    if b.shape[:2] != (a.shape[0], a.shape[2]):
        raise RuntimeError(f"Expected size for first two dimensions of batch2 tensor to be: "
                           f"[{a.shape[0]}, {a.shape[2]}] but got: [{b.shape[0]}, {b.shape[1]}].")
    _same_dtype(a, b, "expected scalar type {} but found {}")
    return make(a @ b, BmmBackward0, (input, mat2), (a, b))


@backward_formula("AddmmBackward0", saves=((1, 2), (2, 1)),
                  self="grad (summed back over the dims that were broadcast: for F.linear's bias,"
                       " grad summed over the batch)",
                  mat1="grad @ mat2ᵀ (F.linear: grad @ W)",
                  mat2="mat1ᵀ @ grad (F.linear's weight.t(): gradᵀ @ x after TBackward0)")
def AddmmBackward0(self, g):
    a, b = self._saved
    return (g if self.needs(0) else None,
            g @ array_namespace(g).t(b) if self.needs(1) else None,
            _mat2_grad(a, g, b) if self.needs(2) else None)


def addmm(input, mat1, mat2):
    """``input + mat1 @ mat2`` as one node (the bias broadcasts; the engine sums it back)."""
    a, b = mat1._data, mat2._data
    _check_mm(a, b)
    out = a @ b
    out += input._data
    return make(out, AddmmBackward0, (input, mat1, mat2), (a, b))


def outer(input, vec2):
    """``input[:, None] * vec2``, recorded as PyTorch does (MulBackward0 <- ViewBackward0)."""
    return mul(reshape(input, input._data.shape[0], 1), vec2)


def matmul(input, other):
    a, b = input._data, other._data
    da, db = a.ndim, b.ndim
    if da == 0 or db == 0:
        raise RuntimeError(f"both arguments to matmul need to be at least 1D, but they are {da}D "
                           f"and {db}D")
    if da == 1 and db == 1:
        return dot(input, other)
    if da == 2 and db == 1:
        return mv(input, other)
    if da == 1 and db == 2:
        return squeeze(mm(unsqueeze(input, 0), other), 0, _node=SqueezeBackward4)
    if da == 2 and db == 2:
        return mm(input, other)
    if _should_fold(input, other):
        return _folded(input, other)
    return _batched(input, other)


def _should_fold(input, other):
    """PyTorch's rule for running an N-D @ 1-D/2-D product as one mm/mv on a folded matrix."""
    a, b = input._data, other._data
    larger_is_a = a.ndim >= b.ndim
    small = other if larger_is_a else input
    t1 = a if larger_is_a else np.swapaxes(b, -1, -2)
    small_ndim = b.ndim if larger_is_a else a.ndim
    if not (t1.ndim >= 3 and small_ndim in (1, 2)):
        return False
    if small._requires_grad:
        return True  # folding keeps the small operand's gradient one mm, not a batch to reduce
    if a.ndim == 2:
        return False
    if t1.size == 0:
        return True
    shape, strides = t1.shape, t1.strides
    return all(strides[i] == strides[i + 1] * shape[i + 1] for i in range(t1.ndim - 2))


def _folded(input, other):
    transpose = other._data.ndim > input._data.ndim
    t1 = transpose_op(other, -1, -2) if transpose else input
    t2 = (t(input) if input._data.ndim == 2 else input) if transpose else other
    shape = t1._data.shape[:-1]
    folded = reshape(t1, int(np.prod(shape, dtype=np.int64)), t1._data.shape[-1])
    if t2._data.ndim == 2:
        out = unsafe_view(mm(folded, t2), shape + (t2._data.shape[1],))
        return contiguous(transpose_op(out, -1, -2)) if transpose else out
    return unsafe_view(mv(folded, t2), shape)


def _batched(input, other):
    """Batched product as PyTorch records it: expand, view to 3-D, bmm, unsafe view back."""
    a, b = input._data, other._data
    n = a.shape[-2] if a.ndim > 1 else 1
    m1 = a.shape[-1]
    m2 = b.shape[-2] if b.ndim > 1 else b.shape[0]
    p = b.shape[-1] if b.ndim > 1 else 1
    try:
        batch = np.broadcast_shapes(a.shape[:max(a.ndim - 2, 0)], b.shape[:max(b.ndim - 2, 0)])
    except ValueError:
        raise broadcast_error(a.shape[:-2], b.shape[:-2]) from None
    bsz = int(np.prod(batch, dtype=np.int64))
    ea = reshape(expand(input, batch + (n, m1)), bsz, n, m1)
    if b.ndim == 1:
        eb = reshape(expand(other, batch + (m2,)), bsz, m2, 1)
    else:
        eb = reshape(expand(other, batch + (m2, p)), bsz, m2, p)
    shape = batch + ((n,) if a.ndim > 1 else ()) + ((p,) if b.ndim > 1 else ())
    return unsafe_view(bmm(ea, eb), shape)


def linear(input, weight, bias=None):
    """``F.linear``: ``input @ weight.T + bias``, recorded with PyTorch's nodes for each rank."""
    x = input._data
    if bias is None:
        return matmul(input, t(weight))
    if x.ndim == 2:
        return addmm(bias, input, t(weight))
    if x.flags.c_contiguous and x.ndim != 0:
        # PyTorch flattens to 2-D, runs addmm, and views the result back.
        flat = reshape(input, -1, x.shape[-1])
        out = addmm(bias, flat, t(weight))
        return reshape(out, x.shape[:-1] + (weight._data.shape[0],))
    return add(matmul(input, t(weight)), bias)
