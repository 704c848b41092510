"""Shape ops (views share memory with their input, as in PyTorch), dtype conversion, cat/stack, and
indexing.

Indexing is decomposed the way PyTorch records it: ints become ``SelectBackward0``, non-trivial
slices ``SliceBackward0``, ``None`` ``UnsqueezeBackward0``; integer arrays and boolean masks then
form one ``IndexBackward0`` whose backward accumulates repeated indices with ``np.add.at``.
"""

import numpy as np

from . import dtypes
from .grad_mode import STATE
from .node import backward_formula
from .tensor import Size, Tensor, _dim, make, wrap
from .versions import modified, rebased

__all__ = ["view", "reshape", "flatten", "t", "transpose", "permute", "squeeze", "unsqueeze",
           "expand", "expand_as", "clone", "contiguous", "to", "cat", "concat", "concatenate",
           "stack", "getitem", "setitem", "select", "narrow", "unsafe_view", "T", "view_as",
           "reshape_as"]


def _shape_args(shape):
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


ViewBackward0 = backward_formula("ViewBackward0")(_reshape_back)
UnsafeViewBackward0 = backward_formula("UnsafeViewBackward0")(_reshape_back)
ReshapeAliasBackward0 = backward_formula("ReshapeAliasBackward0")(_reshape_back)


def _nocopy_reshape(d, shape):
    try:
        return np.reshape(d, shape, copy=False)
    except ValueError:
        return None


def view(input, *shape):
    d = input._data
    shape = _infer(_shape_args(shape), d.size)
    out = _nocopy_reshape(d, shape)
    if out is None:
        raise RuntimeError("view size is not compatible with input tensor's size and stride (at "
                           "least one dimension spans across two contiguous subspaces). Use "
                           ".reshape(...) instead.")
    return make(out, ViewBackward0, (input,), None, d.shape)


def view_as(input, other):
    return view(input, other._data.shape)


def unsafe_view(input, shape):
    d = input._data
    return make(d.reshape(shape), UnsafeViewBackward0, (input,), None, d.shape)


def reshape(input, *shape):
    """A view of a contiguous tensor (ViewBackward0); of a strided one when its layout allows
    (ReshapeAliasBackward0, as PyTorch); else a copy (UnsafeView<-Clone)."""
    d = input._data
    shape = _infer(_shape_args(shape), d.size)
    out = _nocopy_reshape(d, shape)
    if out is not None:
        node = ViewBackward0 if d.flags.c_contiguous else ReshapeAliasBackward0
        return make(out, node, (input,), None, d.shape)
    return unsafe_view(clone(input), shape)


def reshape_as(input, other):
    return reshape(input, other._data.shape)


def flatten(input, start_dim=0, end_dim=-1):
    d = input._data
    if d.ndim == 0:
        return reshape(input, 1)
    s, e = _dim(start_dim, d.ndim), _dim(end_dim, d.ndim)
    if s > e:
        raise RuntimeError("flatten() has invalid args: start_dim cannot come after end_dim")
    if s == e:
        return input
    shape = d.shape[:s] + (int(np.prod(d.shape[s:e + 1])),) + d.shape[e + 1:]
    return reshape(input, shape)


@backward_formula("CloneBackward0")
def CloneBackward0(self, g):
    return (g,)


def clone(input, *, memory_format=None):
    return make(input._data.copy(), CloneBackward0, (input,))


def contiguous(input, memory_format=None):
    return input if input._data.flags.c_contiguous else clone(input)


@backward_formula("ToCopyBackward0")
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


@backward_formula("TBackward0")
def TBackward0(self, g):
    return (g.T,)


def t(input):
    d = input._data
    if d.ndim > 2:
        raise RuntimeError(f"t() expects a tensor with <= 2 dimensions, but self is {d.ndim}D")
    return make(d.T, TBackward0, (input,))


@backward_formula("TransposeBackward0")
def TransposeBackward0(self, g):
    d0, d1 = self._ctx
    return (np.swapaxes(g, d0, d1) if g.ndim else g,)


def transpose(input, dim0, dim1):
    d = input._data
    d0, d1 = _dim(dim0, d.ndim), _dim(dim1, d.ndim)
    if d.ndim == 0:
        return make(d, TransposeBackward0, (input,), None, (0, 0))
    return make(np.swapaxes(d, d0, d1), TransposeBackward0, (input,), None, (d0, d1))


@backward_formula("PermuteBackward0")
def PermuteBackward0(self, g):
    return (np.transpose(g, np.argsort(self._ctx)),)


def permute(input, *dims):
    d = input._data
    dims = _shape_args(dims)
    if len(dims) != d.ndim:
        raise RuntimeError(f"permute(sparse_coo): number of dimensions in the tensor input does "
                           f"not match the length of the desired ordering of dimensions i.e. "
                           f"input.dim() = {d.ndim} is not equal to len(dims) = {len(dims)}")
    dims = tuple(_dim(i, d.ndim) for i in dims)
    if len(set(dims)) != len(dims):
        raise RuntimeError("permute(): duplicate dims are not allowed.")
    return make(np.transpose(d, dims), PermuteBackward0, (input,), None, dims)


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


SqueezeBackward0 = backward_formula("SqueezeBackward0")(_reshape_back)
SqueezeBackward1 = backward_formula("SqueezeBackward1")(_reshape_back)
SqueezeBackward2 = backward_formula("SqueezeBackward2")(_reshape_back)
SqueezeBackward4 = backward_formula("SqueezeBackward4")(_reshape_back)  # in-place squeeze_(dim)


def squeeze(input, dim=None, _node=None):
    d = input._data
    if dim is None:
        return make(np.squeeze(d), _node or SqueezeBackward0, (input,), None, d.shape)
    shape = d.shape
    if isinstance(dim, (tuple, list)):
        drop = tuple(i for i in (_dim(i, d.ndim) for i in dim) if shape[i] == 1)
        out = np.squeeze(d, drop) if drop else d
        return make(out, _node or SqueezeBackward2, (input,), None, shape)
    i = _dim(dim, d.ndim)
    out = d.reshape(shape[:i] + shape[i + 1:]) if shape and shape[i] == 1 else d
    return make(out, _node or SqueezeBackward1, (input,), None, shape)


@backward_formula("UnsqueezeBackward0")
def UnsqueezeBackward0(self, g):
    return (np.squeeze(g, self._ctx),)


def unsqueeze(input, dim):
    d = input._data
    dim = _dim(dim, d.ndim + 1)
    shape = d.shape
    return make(d.reshape(shape[:dim] + (1,) + shape[dim:]), UnsqueezeBackward0, (input,), None,
                dim)


@backward_formula("ExpandBackward0")
def ExpandBackward0(self, g):
    return (g,)  # the engine sums the gradient back to the input's shape


def expand(input, *sizes):
    d = input._data
    sizes = _shape_args(sizes)
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
    return make(np.broadcast_to(d, target), ExpandBackward0, (input,))


def expand_as(input, other):
    return expand(input, other._data.shape)


# --- cat / stack ---------------------------------------------------------------------------------
@backward_formula("CatBackward0")
def CatBackward0(self, g):
    dim, sizes = self._ctx
    return tuple(np.split(g, np.cumsum(sizes)[:-1], axis=dim))


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
    dim = _dim(dim, nd)
    for i, a in enumerate(arrays):
        for k in range(nd):
            if k != dim and a.shape[k] != arrays[0].shape[k]:
                raise RuntimeError(f"Sizes of tensors must match except in dimension {dim}. "
                                   f"Expected size {arrays[0].shape[k]} but got size {a.shape[k]} "
                                   f"for tensor number {i} in the list.")
    out = np.concatenate(arrays, axis=dim)
    return make(out, CatBackward0, tensors, None, (dim, [a.shape[dim] for a in arrays]))


concat = concatenate = cat


@backward_formula("StackBackward0")
def StackBackward0(self, g):
    dim = self._ctx
    return tuple(np.moveaxis(g, dim, 0))


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
    dim = _dim(dim, arrays[0].ndim + 1)
    return make(np.stack(arrays, axis=dim), StackBackward0, tensors, None, dim)


# --- indexing -------------------------------------------------------------------------------
def _place_back(self, g):
    """Select/Slice backward: zeros of the input's shape with ``g`` placed at the taken part."""
    shape, dim, key = self._ctx
    out = np.zeros(shape, g.dtype)
    out[(slice(None),) * dim + (key,)] = g
    return (out,)


SelectBackward0 = backward_formula("SelectBackward0")(_place_back)
AliasBackward0 = backward_formula("AliasBackward0")(lambda self, g: (g,))
SliceBackward0 = backward_formula("SliceBackward0")(_place_back)


def select(input, dim, index):
    d = input._data
    if d.ndim == 0:
        raise IndexError("select() cannot be applied to a 0-dim tensor.")
    dim = _dim(dim, d.ndim)
    size = d.shape[dim]
    if not -size <= index < size:
        raise IndexError(f"index {index} is out of bounds for dimension {dim} with size {size}")
    index = index + size if index < 0 else index
    out = d[(slice(None),) * dim + (index,)]
    return make(out, SelectBackward0, (input,), None, (d.shape, dim, index))


def _slice(input, dim, sl, force=False):
    d = input._data
    if sl.step is not None and sl.step <= 0:
        raise ValueError("step must be greater than zero")
    start, stop, step = sl.indices(d.shape[dim])
    if start == 0 and stop >= d.shape[dim] and step == 1 and not force:
        return input
    sl = slice(start, max(stop, start), step)
    return make(d[(slice(None),) * dim + (sl,)], SliceBackward0, (input,), None,
                (d.shape, dim, sl))


def narrow(input, dim, start, length):
    dim = _dim(dim, input._data.ndim)
    return _slice(input, dim, slice(start, start + length))


@backward_formula("IndexBackward0")
def IndexBackward0(self, g):
    shape, index = self._ctx
    out = np.zeros(shape, g.dtype)
    np.add.at(out, index, g)
    return (out,)


def _normalise_key(key):
    """A tuple of ints/slices/None/Ellipsis/numpy index arrays (Tensors and lists converted)."""
    if not isinstance(key, tuple):
        key = (key,)
    out = []
    for k in key:
        if isinstance(k, Tensor):
            k = k._data
            if k.ndim == 0 and k.dtype.kind in "iu":
                k = int(k)
        elif isinstance(k, (list, tuple)):
            k = np.asarray(k)
            if k.dtype.kind not in "biu":
                raise IndexError("tensors used as indices must be long, int, byte or bool tensors")
        elif isinstance(k, np.generic):
            k = k.item()
        if isinstance(k, np.ndarray) and k.dtype.kind not in "biu":
            raise IndexError("tensors used as indices must be long, int, byte or bool tensors")
        out.append(k)
    return out


def _is_bool(k):
    """A Python bool or 0-d mask: PyTorch unsqueezes there and indexes with [0] or []."""
    return isinstance(k, bool) or (isinstance(k, np.ndarray) and k.dtype.kind == "b"
                                   and k.ndim == 0)


def _consumed(k):
    if k is None or _is_bool(k):
        return 0
    if isinstance(k, np.ndarray) and k.dtype.kind == "b":
        return k.ndim
    return 1


def getitem(input, key):
    ndim = input._data.ndim
    if ndim == 0 and isinstance(key, slice):
        raise IndexError("slice() cannot be applied to a 0-dim tensor.")
    if ndim == 0 and isinstance(key, (int, np.integer)) and not isinstance(key, bool):
        if key:
            raise IndexError(f"index {key} is out of bounds for dimension 0 with size 0")
        raise IndexError("invalid index of a 0-dim tensor. Use `tensor.item()` in Python or "
                         "`tensor.item<T>()` in C++ to convert a 0-dim tensor to a number")
    if isinstance(key, slice):  # a lone slice is always a SliceBackward0 in PyTorch
        return _slice(input, 0, key, force=True)
    key = _normalise_key(key)
    used = sum(_consumed(k) for k in key if k is not Ellipsis)
    if used > ndim:
        raise IndexError(f"too many indices for tensor of dimension {ndim}")
    cur, dim, advanced = input, 0, []
    for k in key:
        if k is Ellipsis:
            dim += ndim - used
            used = ndim
        elif k is None:
            cur = unsqueeze(cur, dim)
            dim += 1
        elif _is_bool(k):
            advanced.append((dim, np.zeros(1 if k else 0, np.int64)))
            cur = unsqueeze(cur, dim)
            dim += 1
        elif isinstance(k, int):
            cur = select(cur, dim, k)
        elif isinstance(k, slice):
            cur = _slice(cur, dim, k)
            dim += 1
        else:
            advanced.append((dim, k))
            dim += _consumed(k)
    if not advanced:
        # Only full slices and Ellipsis: PyTorch returns an alias (AliasBackward0).
        return make(cur._data[...], AliasBackward0, (cur,)) if cur is input else cur
    d = cur._data
    index = [slice(None)] * d.ndim
    position = 0  # PyTorch names the dimension by the index tensor's position among them
    for i, k in advanced:
        if k.dtype.kind == "b":
            for j in range(k.ndim):
                if k.shape[j] != d.shape[i + j]:
                    raise IndexError(f"The shape of the mask {list(k.shape)} at index {j} does not "
                                     f"match the shape of the indexed tensor {list(d.shape)} at "
                                     f"index {i + j}")
            index[i:i + max(k.ndim, 1)] = np.nonzero(k) if k.ndim else [k]
            position += max(k.ndim, 1)
        else:
            size = d.shape[i]
            bad = (k >= size) | (k < -size)
            if bad.any():
                if not size:
                    raise IndexError("index is out of bounds for dimension with size 0")
                raise IndexError(f"index {int(k[bad].flat[0])} is out of bounds for dimension "
                                 f"{position} with size {size}")
            index[i] = k
            position += 1
    index = tuple(index)
    # Saved like PyTorch's index tensors: a second backward without retain_graph raises.
    out = d[index]
    if not out.flags.c_contiguous:  # PyTorch's index result is contiguous (so reshape views it)
        out = np.ascontiguousarray(out)
    return make(out, IndexBackward0, (cur,), (), (d.shape, index))


@backward_formula("CopySlices")
def CopySlices(self, g):
    index = self._ctx
    gself = None
    if self.needs(0):
        gself = g.copy()
        gself[index] = 0
    return gself, (g[index] if self.needs(1) else None)


CopySlices.name = lambda self: "torch::autograd::CopySlices"  # a C++ node in PyTorch, like this


def setitem(input, key, value):
    """``input[key] = value``: in place; under autograd the history is rebased onto CopySlices."""
    input.check_inplace()
    key = _normalise_key(key)
    index = tuple(int(k) if isinstance(k, bool) else k for k in key)
    vt = value if isinstance(value, Tensor) else None
    vd = value._data if vt is not None else value
    recording = STATE.enabled and (input._requires_grad or (vt is not None and vt._requires_grad))
    if not recording:
        input._data[index] = vd
        modified(input)
        return
    new = input._data.copy()
    new[index] = vd
    r = make(new, CopySlices, (input, vt), None, index)
    modified(input)
    input._data = r._data
    input.grad_fn = r.grad_fn
    input._requires_grad = True
    rebased(input)
