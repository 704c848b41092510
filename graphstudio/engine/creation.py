"""Tensor creation: ``tensor`` (with PyTorch's dtype inference), ``zeros``, ``ones``, ``full``,
``eye``, ``arange``, ``linspace``, the ``*_like`` forms, and random tensors.

Random numbers: PyTorch's generator bits cannot be reproduced, so ``manual_seed(s)`` seeds a numpy
Generator; a given seed always gives the same numbers here (not the numbers torch would give).
"""

import numpy as np

from . import dtypes
from .tensor import ONLY_FLOAT_GRAD, Tensor, to_array, wrap

__all__ = ["tensor", "zeros", "ones", "full", "empty", "zeros_like", "ones_like", "full_like",
           "empty_like", "eye", "arange", "linspace", "rand", "randn", "randint", "rand_like",
           "randn_like", "manual_seed", "default_generator", "from_numpy", "as_tensor", "is_tensor",
           "to_array"]


def _finish(arr, requires_grad):
    t = wrap(arr)
    if requires_grad:
        if arr.dtype.kind != "f":
            raise RuntimeError(ONLY_FLOAT_GRAD)
        t._requires_grad = True
    return t


def tensor(data, dtype=None, device=None, requires_grad=False):
    """A new leaf tensor holding a copy of ``data`` (lists, numbers, numpy arrays, Tensors)."""
    return _finish(to_array(data, dtypes.to_numpy(dtype)), requires_grad)


def as_tensor(data, dtype=None, device=None):
    if isinstance(data, Tensor) and dtype is None:
        return data
    if isinstance(data, np.ndarray) and (dtype is None or dtypes.to_numpy(dtype) == data.dtype):
        return wrap(data)
    return tensor(data, dtype=dtype)


def from_numpy(arr):
    """A tensor sharing memory with the numpy array ``arr``."""
    dtypes.from_numpy(arr.dtype)
    return wrap(arr)


def is_tensor(obj):
    return isinstance(obj, Tensor)


def _shape(size):
    if len(size) == 1 and isinstance(size[0], (tuple, list)):
        size = size[0]
    return tuple(int(s) for s in size)


def _np_dtype(dtype):
    return dtypes.default_np() if dtype is None else dtypes.to_numpy(dtype)


def zeros(*size, dtype=None, device=None, requires_grad=False):
    return _finish(np.zeros(_shape(size), _np_dtype(dtype)), requires_grad)


def ones(*size, dtype=None, device=None, requires_grad=False):
    return _finish(np.ones(_shape(size), _np_dtype(dtype)), requires_grad)


def empty(*size, dtype=None, device=None, requires_grad=False):
    return _finish(np.empty(_shape(size), _np_dtype(dtype)), requires_grad)


def full(size, fill_value, dtype=None, device=None, requires_grad=False):
    if dtype is None:
        if isinstance(fill_value, bool):
            dtype = dtypes.bool_
        elif isinstance(fill_value, int):
            dtype = dtypes.int64
    return _finish(np.full(_shape((size,)), fill_value, _np_dtype(dtype)), requires_grad)


def _like(fill, t, dtype, requires_grad):
    np_dtype = t._data.dtype if dtype is None else dtypes.to_numpy(dtype)
    return _finish(fill(t._data.shape, np_dtype), requires_grad)


def zeros_like(input, dtype=None, device=None, requires_grad=False):
    return _like(np.zeros, input, dtype, requires_grad)


def ones_like(input, dtype=None, device=None, requires_grad=False):
    return _like(np.ones, input, dtype, requires_grad)


def empty_like(input, dtype=None, device=None, requires_grad=False):
    return _like(np.empty, input, dtype, requires_grad)


def full_like(input, fill_value, dtype=None, device=None, requires_grad=False):
    np_dtype = input._data.dtype if dtype is None else dtypes.to_numpy(dtype)
    return _finish(np.full(input._data.shape, fill_value, np_dtype), requires_grad)


def eye(n, m=None, dtype=None, device=None, requires_grad=False):
    return _finish(np.eye(n, n if m is None else m, dtype=_np_dtype(dtype)), requires_grad)


def arange(start, end=None, step=1, dtype=None, device=None, requires_grad=False):
    if end is None:
        start, end = 0, start
    values = [v.item() if isinstance(v, Tensor) else v for v in (start, end, step)]
    if dtype is None:
        integral = all(isinstance(v, int) for v in values)
        np_dtype = np.int64 if integral else dtypes.default_np()
    else:
        np_dtype = dtypes.to_numpy(dtype)
    start, end, step = values
    if step == 0:
        raise RuntimeError("step must be nonzero")
    count = max(0, int(np.ceil((end - start) / step)))
    # Computed as start + i*step in double precision, like PyTorch, then cast.
    arr = (start + np.arange(count, dtype=np.float64) * step) if np_dtype != np.int64 else \
        np.arange(start, end, step, dtype=np.int64)
    return _finish(arr.astype(np_dtype, copy=False), requires_grad)


def linspace(start, end, steps, dtype=None, device=None, requires_grad=False):
    return _finish(np.linspace(start, end, steps).astype(_np_dtype(dtype)), requires_grad)


# --- random numbers ------------------------------------------------------------------------
_rng = [np.random.default_rng(0)]


def manual_seed(seed):
    _rng[0] = np.random.default_rng(int(seed))
    return _rng[0]


def default_generator():
    """The numpy Generator that random ops use when given none (``manual_seed`` replaces it)."""
    return _rng[0]


def rand(*size, dtype=None, device=None, requires_grad=False, generator=None):
    rng = generator or _rng[0]
    return _finish(rng.random(_shape(size)).astype(_np_dtype(dtype)), requires_grad)


def randn(*size, dtype=None, device=None, requires_grad=False, generator=None):
    rng = generator or _rng[0]
    return _finish(rng.standard_normal(_shape(size)).astype(_np_dtype(dtype)), requires_grad)


def randint(low, high=None, size=(), dtype=None, device=None, requires_grad=False,
            generator=None):
    if high is None:
        low, high = 0, low
    rng = generator or _rng[0]
    arr = rng.integers(low, high, size=_shape((size,)), dtype=np.int64)
    return _finish(arr.astype(dtypes.to_numpy(dtype) or np.int64, copy=False), requires_grad)


def rand_like(input, dtype=None, requires_grad=False):
    return rand(input._data.shape, dtype=dtype or input.dtype, requires_grad=requires_grad)


def randn_like(input, dtype=None, requires_grad=False):
    return randn(input._data.shape, dtype=dtype or input.dtype, requires_grad=requires_grad)
