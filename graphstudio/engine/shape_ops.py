"""Shape ops (views share memory with their input, as in PyTorch), dtype conversion and cat/stack.
Indexing (``t[...]``, ``select``, ``narrow``, ``t[...] = v``) is in ``indexing.py``.
"""

import numpy as np

from . import dtypes
from .backward_kernels.scatter import index_add_into_zeros
from .node import array_namespace, backward_formula
from .tensor import Size, Tensor, make, view_of, wrap, wrap_dim

__all__ = ["view", "reshape", "flatten", "t", "transpose", "permute", "squeeze", "unsqueeze",
           "expand", "expand_as", "clone", "contiguous", "to", "cat", "concat", "concatenate",
           "stack", "unsafe_view", "T", "view_as", "reshape_as", "shape_args", "repeat",
           "repeat_interleave", "index_select"]


def shape_args(shape):
    """A shape given as ``f(2, 3)`` or ``f((2, 3))`` (a list or Size too) as a tuple of ints."""
    if len(shape) == 1 and isinstance(shape[0], (tuple, list, Size)):
        shape = shape[0]
    return tuple(int(s) for s in shape)


def _infer(shape, numel):
    """Resolve one -1 in ``shape`` with PyTorch's error for impossible shapes."""
    known = 1
    neg = [i for i, s in enumerate(shape) if s == -1]
    if len(neg) > 1:
        raise RuntimeError("only one dimension can be inferred")
    for s in shape:
        if s != -1:
            if s < 0:
                raise RuntimeError(f"invalid shape dimension {s}")
            known *= s
    if neg:
        if known == 0 or numel % known:
            raise RuntimeError(f"shape '{list(shape)}' is invalid for input of size {numel}")
        shape = tuple(numel // known if s == -1 else s for s in shape)
    elif known != numel:
        raise RuntimeError(f"shape '{list(shape)}' is invalid for input of size {numel}")
    return shape


def _reshape_back(self, g):
    return (g.reshape(self._ctx),)


#: the rule of every backward that only reshapes
_RESHAPE_RULE = "grad.reshape(self.shape) (reshaped back to the input's shape)"
ViewBackward0 = backward_formula("ViewBackward0", self=_RESHAPE_RULE)(_reshape_back)
UnsafeViewBackward0 = backward_formula("UnsafeViewBackward0", self=_RESHAPE_RULE)(_reshape_back)
ReshapeAliasBackward0 = backward_formula("ReshapeAliasBackward0",
                                         self=_RESHAPE_RULE)(_reshape_back)


def _nocopy_reshape(d, shape):
    try:
        return np.reshape(d, shape, copy=False)
    except ValueError:
        return None


def view(input, *shape):
    d = input._data
    shape = _infer(shape_args(shape), d.size)
    out = _nocopy_reshape(d, shape)
    if out is None:
        raise RuntimeError("view size is not compatible with input tensor's size and stride (at "
                           "least one dimension spans across two contiguous subspaces). Use "
                           ".reshape(...) instead.")
    return view_of(make(out, ViewBackward0, (input,), None, d.shape), input)


def view_as(input, other):
    return view(input, other._data.shape)


def unsafe_view(input, shape):
    d = input._data
    return make(d.reshape(shape), UnsafeViewBackward0, (input,), None, d.shape)


def reshape(input, *shape):
    """A view of a contiguous tensor (ViewBackward0); of a strided one when its layout allows
    (ReshapeAliasBackward0, as PyTorch); else a copy (UnsafeView<-Clone)."""
    d = input._data
    shape = _infer(shape_args(shape), d.size)
    out = _nocopy_reshape(d, shape)
    if out is not None:
        node = ViewBackward0 if d.flags.c_contiguous else ReshapeAliasBackward0
        return view_of(make(out, node, (input,), None, d.shape), input)
    return unsafe_view(clone(input), shape)


def reshape_as(input, other):
    return reshape(input, other._data.shape)


def flatten(input, start_dim=0, end_dim=-1):
    d = input._data
    if d.ndim == 0:
        return reshape(input, 1)
    s, e = wrap_dim(start_dim, d.ndim), wrap_dim(end_dim, d.ndim)
    if s > e:
        raise RuntimeError("flatten() has invalid args: start_dim cannot come after end_dim")
    if s == e:
        return input
    shape = d.shape[:s] + (int(np.prod(d.shape[s:e + 1])),) + d.shape[e + 1:]
    return reshape(input, shape)


@backward_formula("CloneBackward0",
                  self="grad")
def CloneBackward0(self, g):
    return (g,)


def clone(input, *, memory_format=None):
    return make(input._data.copy(), CloneBackward0, (input,))


def contiguous(input, memory_format=None):
    return input if input._data.flags.c_contiguous else clone(input)


@backward_formula("ToCopyBackward0",
                  self="grad converted back to self's dtype")
def ToCopyBackward0(self, g):
    return (g,)


def to(input, *args, dtype=None, **kwargs):
    """``to(dtype)`` / ``to(device)`` / ``to(other)``: the same tensor when nothing changes."""
    for a in args:
        if isinstance(a, dtypes.dtype):
            dtype = a
        elif isinstance(a, Tensor):
            dtype = a.dtype
    if dtype is None or dtypes.to_numpy(dtype) == input._data.dtype:
        return input
    out = input._data.astype(dtypes.to_numpy(dtype))
    if out.dtype.kind != "f":
        return wrap(out)
    return make(out, ToCopyBackward0, (input,))


@backward_formula("TBackward0",
                  self="grad.t() (the gradient is transposed back)")
def TBackward0(self, g):
    return (array_namespace(g).t(g),)


def t(input):
    d = input._data
    if d.ndim > 2:
        raise RuntimeError(f"t() expects a tensor with <= 2 dimensions, but self is {d.ndim}D")
    return view_of(make(d.T, TBackward0, (input,)), input)


@backward_formula("TransposeBackward0",
                  self="grad.transpose(dim0, dim1) (the gradient is transposed back)")
def TransposeBackward0(self, g):
    d0, d1 = self._ctx
    return (array_namespace(g).swapaxes(g, d0, d1) if g.ndim else g,)


def transpose(input, dim0, dim1):
    d = input._data
    d0, d1 = wrap_dim(dim0, d.ndim), wrap_dim(dim1, d.ndim)
    if d.ndim == 0:
        return view_of(make(d, TransposeBackward0, (input,), None, (0, 0)), input)
    out = make(np.swapaxes(d, d0, d1), TransposeBackward0, (input,), None, (d0, d1))
    return view_of(out, input)


@backward_formula("PermuteBackward0",
                  self="grad permuted back by the inverse order of dims")
def PermuteBackward0(self, g):
    return (array_namespace(g).transpose(g, tuple(int(i) for i in np.argsort(self._ctx))),)


def permute(input, *dims):
    d = input._data
    dims = shape_args(dims)
    if len(dims) != d.ndim:
        raise RuntimeError(f"permute(sparse_coo): number of dimensions in the tensor input does "
                           f"not match the length of the desired ordering of dimensions i.e. "
                           f"input.dim() = {d.ndim} is not equal to len(dims) = {len(dims)}")
    dims = tuple(wrap_dim(i, d.ndim) for i in dims)
    if len(set(dims)) != len(dims):
        raise RuntimeError("permute(): duplicate dims are not allowed.")
    return view_of(make(np.transpose(d, dims), PermuteBackward0, (input,), None, dims), input)


def T(input):
    d = input._data
    if d.ndim != 2 and d.ndim != 0:
        import warnings

        warnings.warn("The use of `x.T` on tensors of dimension other than 2 to reverse their "
                      "shape is deprecated and it will throw an error in a future release. "
                      "Consider `x.mT` to transpose batches of matrices or `x.permute(*torch."
                      "arange(x.ndim - 1, -1, -1))` to reverse the dimensions of a tensor.",
                      UserWarning, stacklevel=3)
    return permute(input, tuple(range(d.ndim - 1, -1, -1)))


def _unsqueeze_back(self, g):
    """PyTorch's unsqueeze_to: the squeezed size-1 dims come back, one unsqueeze each (recorded),
    or one reshape of an array."""
    shape, dropped = self._ctx
    if g.__class__ is not Tensor:
        return (g.reshape(shape),)
    for i in dropped:
        g = unsqueeze(g, i)
    return (g,)


_SQUEEZED = "grad.unsqueeze(dim) for each squeezed dim (the size-1 dims come back)"
SqueezeBackward0 = backward_formula("SqueezeBackward0", self=_SQUEEZED)(_unsqueeze_back)
SqueezeBackward1 = backward_formula("SqueezeBackward1", self=_SQUEEZED)(_unsqueeze_back)
SqueezeBackward2 = backward_formula("SqueezeBackward2", self=_SQUEEZED)(_unsqueeze_back)
SqueezeBackward4 = backward_formula("SqueezeBackward4", self=_SQUEEZED)(_unsqueeze_back)  # squeeze_


def squeeze(input, dim=None, _node=None):
    d = input._data
    shape = d.shape
    if dim is None:
        drop = tuple(i for i, n in enumerate(shape) if n == 1)
        out = make(np.squeeze(d), _node or SqueezeBackward0, (input,), None, (shape, drop))
        return view_of(out, input)
    if isinstance(dim, (tuple, list)):
        drop = tuple(sorted({i for i in (wrap_dim(i, d.ndim) for i in dim) if shape[i] == 1}))
        out = np.squeeze(d, drop) if drop else d
        return view_of(make(out, _node or SqueezeBackward2, (input,), None, (shape, drop)), input)
    i = wrap_dim(dim, d.ndim)
    drop = (i,) if shape and shape[i] == 1 else ()
    out = d.reshape(shape[:i] + shape[i + 1:]) if drop else d
    return view_of(make(out, _node or SqueezeBackward1, (input,), None, (shape, drop)), input)


@backward_formula("UnsqueezeBackward0",
                  self="grad.squeeze(dim) (the gradient is squeezed back)")
def UnsqueezeBackward0(self, g):
    return (array_namespace(g).squeeze(g, self._ctx),)


def unsqueeze(input, dim):
    d = input._data
    dim = wrap_dim(dim, d.ndim + 1)
    shape = d.shape
    out = make(d.reshape(shape[:dim] + (1,) + shape[dim:]), UnsqueezeBackward0, (input,), None,
               dim)
    return view_of(out, input)


@backward_formula("ExpandBackward0",
                  self="grad summed over the expanded dims, back to self's shape")
def ExpandBackward0(self, g):
    return (g,)  # the engine sums the gradient back to the input's shape


def expand(input, *sizes):
    d = input._data
    sizes = shape_args(sizes)
    lead = len(sizes) - d.ndim
    if lead < 0:
        raise RuntimeError(f"expand({dtypes.from_numpy(d.dtype)!r}{{{list(d.shape)}}}, "
                           f"size={list(sizes)}): the number of sizes provided ({len(sizes)}) "
                           f"must be greater or equal to the number of dimensions in the tensor "
                           f"({d.ndim})")
    target = tuple(d.shape[i - lead] if s == -1 else s for i, s in enumerate(sizes))
    for i in range(d.ndim):
        if d.shape[i] != 1 and d.shape[i] != target[i + lead]:
            raise RuntimeError(f"The expanded size of the tensor ({target[i + lead]}) must "
                               f"match the existing size ({d.shape[i]}) at non-singleton dimension "
                               f"{i + lead}.  Target sizes: {list(sizes)}.  Tensor sizes: "
                               f"{list(d.shape)}")
    return view_of(make(np.broadcast_to(d, target), ExpandBackward0, (input,)), input)


def expand_as(input, other):
    return expand(input, other._data.shape)


# --- cat / stack ---------------------------------------------------------------------------------
@backward_formula("CatBackward0",
                  tensors="grad split along dim back to each input (each gets its slice)")
def CatBackward0(self, g):
    dim, sizes = self._ctx
    return tuple(array_namespace(g).split(g, np.cumsum(sizes)[:-1], axis=dim))


def _common(tensors):
    arrays = [t._data for t in tensors]
    dt = dtypes.result_dtype(*arrays) if len({a.dtype for a in arrays}) > 1 else arrays[0].dtype
    return [a.astype(dt, copy=False) for a in arrays]


def cat(tensors, dim=0):
    tensors = list(tensors)
    if not tensors:
        raise RuntimeError("torch.cat(): expected a non-empty list of Tensors")
    arrays = _common(tensors)
    nd = arrays[0].ndim
    for i, a in enumerate(arrays):
        if a.ndim == 0:
            raise RuntimeError(f"zero-dimensional tensor (at position {i}) cannot be concatenated")
        if a.ndim != nd:
            raise RuntimeError(f"Tensors must have same number of dimensions: got {nd} and "
                               f"{a.ndim}")
    dim = wrap_dim(dim, nd)
    for i, a in enumerate(arrays):
        for k in range(nd):
            if k != dim and a.shape[k] != arrays[0].shape[k]:
                raise RuntimeError(f"Sizes of tensors must match except in dimension {dim}. "
                                   f"Expected size {arrays[0].shape[k]} but got size {a.shape[k]} "
                                   f"for tensor number {i} in the list.")
    out = np.concatenate(arrays, axis=dim)
    return make(out, CatBackward0, tensors, None, (dim, [a.shape[dim] for a in arrays]))


concat = concatenate = cat


@backward_formula("StackBackward0",
                  tensors="grad unbound along dim back to each input")
def StackBackward0(self, g):
    dim = self._ctx
    if g.__class__ is Tensor:  # recorded: one select per input, as torch's stack backward
        return tuple(g.select(dim, i) for i in range(g._data.shape[dim]))
    return tuple(array_namespace(g).moveaxis(g, dim, 0))


def stack(tensors, dim=0):
    tensors = list(tensors)
    if not tensors:
        raise RuntimeError("stack expects a non-empty TensorList")
    arrays = _common(tensors)
    for i, a in enumerate(arrays):
        if a.shape != arrays[0].shape:
            raise RuntimeError(f"stack expects each tensor to be equal size, but got "
                               f"{list(arrays[0].shape)} at entry 0 and {list(a.shape)} at entry "
                               f"{i}")
    dim = wrap_dim(dim, arrays[0].ndim + 1)
    return make(np.stack(arrays, axis=dim), StackBackward0, tensors, None, dim)


# --- repeat / repeat_interleave --------------------------------------------------------------
@backward_formula("RepeatBackward0",
                  self="grad summed over the copies: each element of self gets the sum of the "
                       "gradients of all its repeats")
def RepeatBackward0(self, g):
    shape, repeats = self._ctx
    lead = len(repeats) - len(shape)
    full = (1,) * lead + tuple(shape)
    split = []
    for r, s in zip(repeats, full, strict=True):
        split += [r, s]
    summed = g.reshape(split).sum(axis=tuple(range(0, 2 * len(full), 2)))
    return (summed.reshape(shape),)


def repeat(input, *repeats):
    """Tile the tensor ``repeats[i]`` times along each dim (new leading dims when there are more
    repeats than dims)."""
    d = input._data
    repeats = shape_args(repeats)
    if len(repeats) < d.ndim:
        raise RuntimeError("Number of dimensions of repeat dims can not be smaller than number of "
                           "dimensions of tensor")
    full = (1,) * (len(repeats) - d.ndim) + d.shape
    out = np.tile(d.reshape(full), repeats)
    return make(out, RepeatBackward0, (input,), None, (d.shape, repeats))


@backward_formula("IndexSelectBackward0",
                  self="grad added back at the selected positions along dim (repeated indices "
                       "accumulate)")
def IndexSelectBackward0(self, g):
    shape, dim, index = self._ctx
    return (index_add_into_zeros(shape, dim, index, g),)  # PyTorch: zeros.index_add_(...)


def index_select(input, dim, index):
    d = input._data
    dim = wrap_dim(dim, d.ndim)
    idx = index._data if isinstance(index, Tensor) else np.asarray(index)
    return make(np.take(d, idx, axis=dim), IndexSelectBackward0, (input,), None,
                (d.shape, dim, idx))


def repeat_interleave(input, repeats, dim=None, *, output_size=None):
    """Repeat each element ``repeats`` times (a number, or one count per element) along ``dim``
    (the flattened tensor when None), recorded as PyTorch records it."""
    if dim is None:
        input = flatten(input)
        dim = 0
    d = input._data
    dim = wrap_dim(dim, d.ndim)
    if isinstance(repeats, Tensor) and repeats._data.ndim:
        counts = repeats._data
        if counts.shape[0] != d.shape[dim]:
            raise RuntimeError("repeats must have the same size as input along dim, but got "
                               f"repeats.size(0) = {counts.shape[0]} and input.size({dim}) = "
                               f"{d.shape[dim]}")
        return index_select(input, dim, np.repeat(np.arange(d.shape[dim]), counts))
    n = int(repeats)
    shape = d.shape
    wide = expand(unsqueeze(input, dim + 1), shape[:dim + 1] + (n,) + shape[dim + 1:])
    return reshape(clone(wide), shape[:dim] + (shape[dim] * n,) + shape[dim + 1:])
