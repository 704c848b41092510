"""Indexing: ``t[key]``, ``select``, ``narrow`` and ``t[key] = value``.

Indexing is decomposed the way PyTorch records it: ints become ``SelectBackward0``, non-trivial
slices ``SliceBackward0``, ``None`` ``UnsqueezeBackward0``; integer arrays and boolean masks then
form one ``IndexBackward0`` whose backward accumulates repeated indices. Assignment rebases the
tensor's history onto ``CopySlices`` when autograd records it.
"""

import warnings

import numpy as np

from . import dtypes
from .grad_mode import STATE
from .node import MultiOutputFn, array_namespace, backward_formula, values_of
from .shape_ops import cat, stack, unsqueeze
from .tensor import Tensor, make, view_of, wrap, wrap_dim
from .versions import modified

__all__ = ["getitem", "setitem", "select", "narrow", "unbind", "split", "chunk", "masked_fill"]


def place_back(g, shape, dim, key):
    """PyTorch's select_backward / slice_backward: zeros of ``shape`` with ``g`` at index or slice
    ``key`` of ``dim``; on a Tensor ``g`` (a recorded backward) the node PyTorch shows,
    SelectBackwardBackward0 or SliceBackwardBackward0."""
    gd = np.asarray(values_of(g))
    out = np.zeros(shape, gd.dtype)
    out[(slice(None),) * dim + (key,)] = gd
    if g.__class__ is not Tensor:
        return out
    node = SliceBackwardBackward0 if isinstance(key, slice) else SelectBackwardBackward0
    return make(out, node, (g,), None, (dim, key))


@backward_formula("SelectBackwardBackward0",
                  grad_output="grad.select(dim, index)")
def SelectBackwardBackward0(self, gg):
    dim, index = self._ctx
    if gg.__class__ is not Tensor:
        return (gg[(slice(None),) * dim + (index,)],)
    return (select(gg, dim, index),)


@backward_formula("SliceBackwardBackward0",
                  grad_output="grad.slice(dim, start, end, step)")
def SliceBackwardBackward0(self, gg):
    dim, key = self._ctx
    if gg.__class__ is not Tensor:
        return (gg[(slice(None),) * dim + (key,)],)
    return (_slice(gg, dim, key, force=True),)


def _place_back(self, g):
    """Select/Slice backward: zeros of the input's shape with ``g`` placed at the taken part."""
    return (place_back(g, *self._ctx),)


SelectBackward0 = backward_formula("SelectBackward0",
                                   self="grad placed at the selected index of zeros of self's "
                                        "shape")(_place_back)
AliasBackward0 = backward_formula("AliasBackward0",
                                  self="grad")(lambda self, g: (g,))
SliceBackward0 = backward_formula(
    "SliceBackward0", self="grad placed at the taken slice of zeros of self's shape")(_place_back)


def select(input, dim, index):
    d = input._data
    if d.ndim == 0:
        raise IndexError("select() cannot be applied to a 0-dim tensor.")
    dim = wrap_dim(dim, d.ndim)
    size = d.shape[dim]
    if not -size <= index < size:
        raise IndexError(f"index {index} is out of bounds for dimension {dim} with size {size}")
    index = index + size if index < 0 else index
    out = d[(slice(None),) * dim + (index,)]
    return view_of(make(out, SelectBackward0, (input,), None, (d.shape, dim, index)), input)


def _slice(input, dim, sl, force=False):
    d = input._data
    if sl.step is not None and sl.step <= 0:
        raise ValueError("step must be greater than zero")
    start, stop, step = sl.indices(d.shape[dim])
    if start == 0 and stop >= d.shape[dim] and step == 1 and not force:
        return input
    sl = slice(start, max(stop, start), step)
    return view_of(make(d[(slice(None),) * dim + (sl,)], SliceBackward0, (input,), None,
                        (d.shape, dim, sl)), input)


def narrow(input, dim, start, length):
    dim = wrap_dim(dim, input._data.ndim)
    return _slice(input, dim, slice(start, start + length))


@backward_formula("IndexBackward0",
                  self="grad added at the indexed positions of zeros of self's shape (repeated "
                       "indices accumulate)")
def IndexBackward0(self, g):
    shape, index = self._ctx
    return (array_namespace(g).add_at(shape, index, g),)


SEQUENCE_AS_TUPLE = (
    "Using a non-tuple sequence for multidimensional indexing is deprecated and will be changed "
    "in pytorch 2.9; use x[tuple(seq)] instead of x[seq]. In pytorch 2.9 this will be "
    "interpreted as tensor index, x[torch.tensor(seq)], which will result either in an error or "
    "a different result")


def _sequence_as_tuple(key):
    """PyTorch's rule (not numpy's) for a list key: one holding a tensor, a sequence, a slice,
    ``...`` or None (and shorter than 32) is taken as a tuple of indices, with its warning."""
    if not isinstance(key, list) or len(key) >= 32:
        return False
    for k in key:
        if isinstance(k, (Tensor, list, tuple, slice)) or k is Ellipsis or k is None:
            warnings.warn(SEQUENCE_AS_TUPLE, UserWarning, stacklevel=4)
            return True
    return False


def _normalise_key(key):
    """A tuple of ints/slices/None/Ellipsis/numpy index arrays (Tensors and lists converted)."""
    if _sequence_as_tuple(key):
        key = tuple(key)
    elif not isinstance(key, tuple):
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
        return view_of(make(cur._data[...], AliasBackward0, (cur,)), cur) if cur is input else cur
    d = cur._data
    index = _advanced_index(d, advanced)
    # Saved like PyTorch's index tensors: a second backward without retain_graph raises.
    out = d[index]
    if not out.flags.c_contiguous:  # PyTorch's index result is contiguous (so reshape views it)
        out = np.ascontiguousarray(out)
    return make(out, IndexBackward0, (cur,), (), (d.shape, index))


def _advanced_index(d, advanced) -> tuple:
    """The numpy index of the advanced (tensor and mask) parts of a key, checked as PyTorch
    checks them; ``advanced`` lists (dimension, index array)."""
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
    return tuple(index)


@backward_formula("CopySlices",
                  self="grad with the overwritten positions set to 0",
                  src="grad at the overwritten positions")
def CopySlices(self, g):
    index = self._ctx
    gself = None
    if self.needs(0):
        kept = np.ones(values_of(g).shape, bool)
        kept[index] = False
        gself = array_namespace(g).where(kept, g, 0)
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
    input.rebase_history(make(new, CopySlices, (input, vt), None, index))


# --- masked_fill -------------------------------------------------------------------------------
@backward_formula("MaskedFillBackward0",
                  self="grad where not mask, else 0 (value a number)")
def MaskedFillBackward0(self, g):
    return (array_namespace(g).masked_fill(g, self._ctx, 0),)


@backward_formula("MaskedFillBackward1",
                  self="grad where not mask, else 0",
                  value="Σ grad where mask (the value fills every masked position)")
def MaskedFillBackward1(self, g):
    mask = self._ctx
    xp = array_namespace(g)
    return (xp.masked_fill(g, mask, 0) if self.needs(0) else None,
            xp.sum(xp.where(mask, g, 0)) if self.needs(1) else None)


def masked_fill(input, mask, value):
    """``input`` with ``value`` (a number or a 0-d tensor) where the bool ``mask`` is True."""
    m = mask._data if isinstance(mask, Tensor) else np.asarray(mask)
    if m.dtype.kind != "b":
        raise RuntimeError(f"masked_fill_ only supports boolean masks, but got mask with dtype "
                           f"{dtypes.cpp_name(m.dtype)}")
    d = input._data
    if isinstance(value, Tensor):
        if value._data.ndim:
            raise RuntimeError(f"masked_fill_ only supports a 0-dimensional value tensor, but got "
                               f"tensor with {value._data.ndim} dimension(s).")
        out = np.where(m, value._data.astype(d.dtype), d)
        return make(out, MaskedFillBackward1, (input, value), None, m)
    return make(np.where(m, np.asarray(value).astype(d.dtype), d), MaskedFillBackward0, (input,),
                None, m)


# --- several views at once: unbind / split / chunk ---------------------------------------------
# As in PyTorch, one node with several outputs: every part's grad_fn is the same node, the part's
# output_nr says which output it is, and the formula gets one gradient per output.
def _join_parts(self, grads):
    """Unbind/Split backward: zeros of the input's shape with each part's gradient at its place
    (zeros for parts without one); on Tensors (a recorded backward) PyTorch's ops: stack for
    unbind, cat for split."""
    shape, dim, keys = self._ctx
    lead = (slice(None),) * dim
    known = next(g for g in grads if g is not None)
    if any(g.__class__ is Tensor for g in grads):
        dtype = values_of(known).dtype
        parts = [wrap(np.zeros(_part_shape(shape, dim, k), dtype)) if g is None
                 else g if g.__class__ is Tensor else wrap(np.asarray(g))
                 for k, g in zip(keys, grads, strict=True)]
        joined = cat(parts, dim) if isinstance(keys[0], slice) else stack(parts, dim)
        return (joined,)
    out = np.zeros(shape, known.dtype)
    for k, g in zip(keys, grads, strict=True):
        if g is not None:
            out[lead + (k,)] = g
    return (out,)


def _part_shape(shape, dim, key):
    """The shape of the part ``key`` (an index or a slice) of ``dim`` of a ``shape`` tensor."""
    mid = (key.stop - key.start,) if isinstance(key, slice) else ()
    return shape[:dim] + mid + shape[dim + 1:]


UnbindBackward0 = backward_formula(
    "UnbindBackward0", node_base=MultiOutputFn,
    self="the parts' grads stacked along dim (zeros for parts that got no gradient)")(_join_parts)
SplitBackward0 = backward_formula(
    "SplitBackward0", node_base=MultiOutputFn,
    self="the parts' grads put back side by side along dim (zeros for parts that got no "
         "gradient)")(_join_parts)
SplitWithSizesBackward0 = backward_formula(
    "SplitWithSizesBackward0", node_base=MultiOutputFn,
    self="the parts' grads put back side by side along dim (zeros for parts that got no "
         "gradient)")(_join_parts)


def _parts(input, dim, keys, node_type):
    """The views ``input[..., key, ...]`` (``key`` at ``dim``) for each key, all outputs of one
    ``node_type`` node when recording."""
    d = input._data
    lead = (slice(None),) * dim
    arrays = [d[lead + (k,)] for k in keys]
    if not arrays:
        return ()
    first = make(arrays[0], node_type, (input,), None, (d.shape, dim, tuple(keys)))
    node = first.grad_fn
    parts = [first]
    if node is not None:
        node._output_hooks = None
    for nr, a in enumerate(arrays[1:], 1):
        part = wrap(a, node)
        if node is not None:
            part._output_nr = nr
        parts.append(part)
    return tuple(view_of(p, input) for p in parts)


def unbind(input, dim=0):
    """The slices along ``dim`` (views), as a tuple."""
    d = input._data
    dim = wrap_dim(dim, d.ndim)
    return _parts(input, dim, range(d.shape[dim]), UnbindBackward0)


def split(input, split_size_or_sections, dim=0):
    """Views of consecutive parts along ``dim``: of ``split_size`` each (the last may be smaller),
    or of the listed sizes."""
    d = input._data
    dim = wrap_dim(dim, d.ndim)
    size = d.shape[dim]
    if isinstance(split_size_or_sections, int):
        step = split_size_or_sections
        if step < 0 or (step == 0 and size):
            raise RuntimeError(f"split_size can only be 0 if dimension size is 0, but got "
                               f"dimension size of {size}" if step == 0 else
                               f"split expects split_size be non-negative, but got split_size="
                               f"{step}")
        starts = range(0, size, step) if step else [0]
        return _parts(input, dim, [slice(a, min(a + step, size)) for a in starts], SplitBackward0)
    sizes = [int(s) for s in split_size_or_sections]
    if sum(sizes) != size:
        raise RuntimeError(f"split_with_sizes expects split_sizes to sum exactly to {size} (input "
                           f"tensor's size at dimension {dim}), but got split_sizes={sizes}")
    ends = np.cumsum(sizes).tolist()
    return _parts(input, dim, [slice(a, b) for a, b in zip([0] + ends[:-1], ends, strict=True)],
                  SplitWithSizesBackward0)


def chunk(input, chunks, dim=0):
    """``split`` into ``chunks`` parts of ``ceil(size / chunks)`` (fewer when it runs out)."""
    if chunks <= 0:
        raise RuntimeError(f"chunk expects `chunks` to be greater than 0, got: {chunks}")
    d = input._data
    size = d.shape[wrap_dim(dim, d.ndim)]
    return split(input, max(-(-size // chunks), 1 if size else 0), dim)
