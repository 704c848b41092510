"""Reductions and normalisations: sum, mean, max/min (full and along a dim), argmax/argmin,
var/std, softmax and log_softmax (shifted by the max, so large inputs never overflow)."""

from collections import namedtuple

import numpy as np

from . import dtypes
from .backward_kernels.activations import log_softmax_backward_data, softmax_backward_data
from .backward_kernels.products import prod_gradient
from .backward_kernels.scatter import scatter_into_zeros
from .indexing import masked_fill
from .node import RESULT, array_namespace, backward_formula, values_of
from .ops import maximum, minimum
from .tensor import make, wrap, wrap_dim
from .unary import rounded

__all__ = ["sum", "mean", "max", "min", "amax", "amin", "argmax", "argmin", "softmax",
           "log_softmax", "var", "std", "logsumexp", "prod", "torch_aliases"]

def torch_aliases(fn):
    """Accept the spellings PyTorch accepts for ``dim``/``keepdim``: ``axis`` and ``keepdims``
    (numpy's names), as keyword arguments."""

    def op(*args, **kwargs):
        if "axis" in kwargs:
            kwargs["dim"] = kwargs.pop("axis")
        if "keepdims" in kwargs:
            kwargs["keepdim"] = kwargs.pop("keepdims")
        return fn(*args, **kwargs)

    op.__name__, op.__doc__, op.__wrapped__ = fn.__name__, fn.__doc__, fn
    return op


def _dims(dim, ndim):
    """A tuple of normalised dims (``None`` means all)."""
    if dim is None:
        return tuple(range(ndim))
    dims = (wrap_dim(dim, ndim),) if isinstance(dim, int) else \
        tuple(sorted(wrap_dim(d, ndim) for d in dim))
    return dims if ndim else ()  # a 0-d tensor takes dim 0 or -1 and reduces nothing


def _expand_back(g, shape, dims, keepdim):
    """Broadcast a reduced gradient back to ``shape`` (a read-only view, no copy)."""
    xp = array_namespace(g)
    if not keepdim and dims:
        g = xp.expand_dims(g, dims) if len(shape) else g
    return xp.broadcast_to(g, shape)


@backward_formula("SumBackward0",
                  self="grad expanded to self's shape (dΣ/dself_i = 1)")
def SumBackward0(self, g):
    return (array_namespace(g).broadcast_to(g, self._ctx),)


@backward_formula("SumBackward1",
                  self="grad expanded back over the summed dims (dΣ/dself_i = 1)")
def SumBackward1(self, g):
    shape, dims, keepdim = self._ctx
    return (_expand_back(g, shape, dims, keepdim),)


def _sum_dtype(d, dtype):
    if dtype is not None:
        return dtypes.to_numpy(dtype)
    return np.int64 if d.dtype.kind in "biu" else d.dtype


def sum(input, dim=None, keepdim=False, *, dtype=None):
    d = input._data
    dt = _sum_dtype(d, dtype)
    if dim is None:
        return make(np.sum(d, dtype=dt), SumBackward0, (input,), None, d.shape)
    dims = _dims(dim, d.ndim)
    out = np.sum(d, axis=dims, keepdims=keepdim, dtype=dt)
    return make(out, SumBackward1, (input,), None, (d.shape, dims, keepdim))


@backward_formula("MeanBackward0",
                  self="grad expanded to self's shape / N (N = number of elements)")
def MeanBackward0(self, g):
    shape = self._ctx
    n = int(np.prod(shape, dtype=np.int64))
    return (array_namespace(g).broadcast_to(g, shape) / n,)


@backward_formula("MeanBackward1",
                  self="grad expanded back over the reduced dims / N (N = elements per mean)")
def MeanBackward1(self, g):
    shape, dims, keepdim = self._ctx
    n = 1
    for i in dims:
        n *= shape[i]
    return (_expand_back(g, shape, dims, keepdim) / n,)


def _need_float(d, name):
    if d.dtype.kind != "f":
        got = dtypes.from_numpy(d.dtype).name
        label = {"int64": "Long", "int32": "Int", "bool": "Bool"}.get(got, got.capitalize())
        raise RuntimeError(f"{name}(): could not infer output dtype. Input dtype must be either a "
                           f"floating point or complex dtype. Got: {label}")


def mean(input, dim=None, keepdim=False, *, dtype=None):
    d = input._data
    if dtype is not None:
        d = d.astype(dtypes.to_numpy(dtype))
    _need_float(d, "mean")
    if dim is None:
        # add.reduce / n: np.mean's Python wrapper costs more than the sum on small tensors.
        out = np.add.reduce(d, axis=None) / d.size if d.size else np.mean(d)
        return make(out, MeanBackward0, (input,), None, d.shape)
    dims = _dims(dim, d.ndim)
    out = np.mean(d, axis=dims, keepdims=keepdim)
    return make(out, MeanBackward1, (input,), None, (d.shape, dims, keepdim))


# --- max / min ---------------------------------------------------------------------------------
class _ReturnType:
    """``torch.return_types.max`` and friends: a (values, indices) named tuple printing as torch."""

    def __init__(self, name):
        self.cls = type(name, (namedtuple(name, ["values", "indices"]),),
                        {"__slots__": (), "__repr__": self._repr,
                         "__module__": "torch.return_types"})

    @staticmethod
    def _repr(self):
        return (f"torch.return_types.{type(self).__name__}(\nvalues={self.values!r},\n"
                f"indices={self.indices!r})")


_MAX = _ReturnType("max").cls
_MIN = _ReturnType("min").cls


def _evenly(self, g):
    """Full max/min: the gradient is split evenly between all elements equal to the result."""
    x, out = (values_of(v) for v in self._saved)
    mask = np.isnan(x) if np.isnan(out) else (x == out)
    count = np.count_nonzero(mask)
    if g.__class__ is np.ndarray:
        return (np.where(mask, g / count, 0),)
    # PyTorch: zeros.masked_fill_(mask, grad / mask.sum()), the count an int64 tensor
    share = g / wrap(np.asarray(count, np.int64))
    return (masked_fill(wrap(np.zeros(x.shape, values_of(g).dtype)), mask, share),)


MaxBackward1 = backward_formula("MaxBackward1", saves=((0, None),),
                                self="grad split evenly between the elements equal to the max (0 "
                                     "elsewhere)")(_evenly)
MinBackward1 = backward_formula("MinBackward1", saves=((0, None),),
                                self="grad split evenly between the elements equal to the min (0 "
                                     "elsewhere)")(_evenly)


def _select_back(self, g):
    """max/min along a dim: the gradient goes to the returned index only."""
    (idx,) = self._saved
    shape, dim, keepdim = self._ctx
    if not shape:
        return (g,)
    if not keepdim:
        g = array_namespace(g).expand_dims(g, dim)
        idx = np.expand_dims(idx, dim)
    return (scatter_into_zeros(shape, dim, idx, g),)  # PyTorch: zeros.scatter_(dim, idx, grad)


MaxBackward0 = backward_formula("MaxBackward0",
                                self="grad goes to the arg-max along dim (the returned indices), "
                                     "0 elsewhere")(_select_back)
MinBackward0 = backward_formula("MinBackward0",
                                self="grad goes to the arg-min along dim (the returned indices), "
                                     "0 elsewhere")(_select_back)


def _arg(d, dim, pick):
    # NaN wins, as in PyTorch: argmax of an array with NaN points at the first NaN.
    nan = np.isnan(d) if d.dtype.kind == "f" else None
    if nan is not None and nan.any():
        has = nan.any(axis=dim, keepdims=True)
        return np.where(np.squeeze(has, dim), np.argmax(nan, axis=dim), pick(d, axis=dim))
    return pick(d, axis=dim)


def _extreme(input, dim, keepdim, other, reduce, pick, full_node, dim_node, result, binary):
    if other is not None:
        return binary(input, other)
    d = input._data
    if dim is None:
        if d.size == 0:
            raise RuntimeError(f"{reduce.__name__}(): Expected reduction dim to be specified for "
                               "input.numel() == 0. Specify the reduction dim with the 'dim' "
                               "argument.")
        out = reduce(d)
        return make(out, full_node, (input,), (d, out))
    dim = wrap_dim(dim, d.ndim)
    if d.ndim == 0:
        v = make(d.copy(), dim_node, (input,), (np.zeros((), np.int64),), ((), 0, keepdim))
        return result(v, wrap(np.zeros((), np.int64)))
    if d.shape[dim] == 0:
        raise IndexError(f"{reduce.__name__}(): Expected reduction dim {dim} to have non-zero "
                         "size.")
    idx = _arg(d, dim, pick)
    values = np.take_along_axis(d, np.expand_dims(idx, dim), axis=dim)
    if not keepdim:
        values = np.squeeze(values, dim)
    else:
        idx = np.expand_dims(idx, dim)
    v = make(values, dim_node, (input,), (idx,), (d.shape, dim, keepdim))
    return result(v, wrap(idx.astype(np.int64, copy=False)))


def max(input, dim=None, keepdim=False, *, other=None):
    """``max()`` of all elements, ``max(dim)`` -> (values, indices), ``max(other)`` = maximum."""
    if dim is not None and not isinstance(dim, int):
        return maximum(input, dim)
    return _extreme(input, dim, keepdim, other, np.max, np.argmax, MaxBackward1, MaxBackward0,
                    _MAX, maximum)


def min(input, dim=None, keepdim=False, *, other=None):
    if dim is not None and not isinstance(dim, int):
        return minimum(input, dim)
    return _extreme(input, dim, keepdim, other, np.min, np.argmin, MinBackward1, MinBackward0,
                    _MIN, minimum)


@backward_formula("AmaxBackward0", saves=((0, None),), saved_as=(0, RESULT),
                  self="grad split evenly between the elements equal to the max along dim, 0 "
                       "elsewhere")
def AmaxBackward0(self, g):
    x, out = (values_of(v) for v in self._saved)
    shape, dims, keepdim = self._ctx
    kept = tuple(1 if i in dims else n for i, n in enumerate(shape))
    mask = x == out.reshape(kept)
    g_k = g if keepdim else array_namespace(g).reshape(g, kept)  # restore_reduced_dims
    count = mask.sum(axis=dims, keepdims=True).astype(values_of(g).dtype)
    with np.errstate(divide="ignore", invalid="ignore"):  # all-NaN slices give NaN, as torch
        return (g_k / count * mask,)


AminBackward0 = backward_formula("AminBackward0", saves=((0, None),), saved_as=(0, RESULT),
                                 self="grad split evenly between the elements equal to the min "
                                      "along dim, 0 elsewhere")(AmaxBackward0.apply)


def _nonempty(name, d, dim):
    """PyTorch's errors for reducing an empty tensor, or along an empty dim (named as given),
    to its max/min."""
    if dim == () and d.size == 0:
        raise RuntimeError(f"{name}(): Expected reduction dim to be specified for input.numel() "
                           "== 0. Specify the reduction dim with the 'dim' argument.")
    for i in (dim,) if isinstance(dim, int) else dim:
        if d.ndim and d.shape[wrap_dim(i, d.ndim)] == 0:
            raise IndexError(f"{name}(): Expected reduction dim {i} to have non-zero size.")


def _amax_amin(name, reduce, node, input, dim, keepdim):
    """amax/amin: the reduction ``reduce`` over ``dim`` (all dims when empty)."""
    d = input._data
    dims = _dims(dim if dim != () else None, d.ndim)
    _nonempty(name, d, dim)
    out = reduce(d, axis=dims, keepdims=keepdim)
    return make(out, node, (input,), (d, out), (d.shape, dims, keepdim))


def amax(input, dim=(), keepdim=False):
    return _amax_amin("amax", np.max, AmaxBackward0, input, dim, keepdim)


def amin(input, dim=(), keepdim=False):
    return _amax_amin("amin", np.min, AminBackward0, input, dim, keepdim)


def _arg_reduce(input, dim, keepdim, pick):
    d = input._data
    name = pick.__name__
    if dim is None:
        if d.size == 0:
            raise IndexError(f"{name}(): Expected reduction dim to be specified for "
                             "input.numel() == 0.")
        return wrap(np.asarray(_arg(d.reshape(-1), 0, pick), np.int64))
    dim = wrap_dim(dim, d.ndim)
    if d.ndim and d.shape[dim] == 0:
        raise IndexError(f"{name}(): Expected reduction dim {dim} to have non-zero size.")
    idx = _arg(d, dim, pick).astype(np.int64)
    return wrap(np.expand_dims(idx, dim) if keepdim else idx)


def argmax(input, dim=None, keepdim=False):
    return _arg_reduce(input, dim, keepdim, np.argmax)


def argmin(input, dim=None, keepdim=False):
    return _arg_reduce(input, dim, keepdim, np.argmin)


# --- var / std / prod / logsumexp ------------------------------------------------------------
def _kept(a, dims, keepdim):
    """A reduced array with its reduced dims back as size 1 (so it broadcasts against the input)."""
    return a if keepdim else array_namespace(a).expand_dims(a, dims)


def _spread_args(input, dim, unbiased, correction, name):
    d = input._data
    _need_float(d, name)
    if correction is None:
        correction = 1 if unbiased is None or unbiased else 0
    return d, _dims(dim, d.ndim), correction, dim is None or d.ndim == 0


def _spread(fn, d, dims, correction, keepdim, name):
    """np.var/np.std with PyTorch's warning (not numpy's) when no degrees of freedom are left."""
    n = 1
    for i in dims:
        n *= d.shape[i]
    if n - correction > 0:
        return fn(d, axis=dims, ddof=correction, keepdims=keepdim).astype(d.dtype, copy=False)
    import warnings

    warnings.warn(f"{name}(): degrees of freedom is <= 0. Correction should be strictly less than "
                  "the reduction factor (input numel divided by output numel).", UserWarning,
                  stacklevel=4)
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore", RuntimeWarning)
        return fn(d, axis=dims, ddof=correction, keepdims=keepdim).astype(d.dtype, copy=False)


def _var_backward(g, x, ctx):
    """PyTorch's var_backward: ``2 / (N - correction) * grad * (self - self.mean(dim))``, the
    mean over all elements (and grad as it is) when no dim was given."""
    dims, keepdim, correction, full = ctx
    xv = values_of(x)
    n = int(np.prod([xv.shape[i] for i in dims]))
    if full:
        centred = x - x.mean()
    else:
        if not keepdim and xv.ndim > 1:
            g = array_namespace(g).expand_dims(g, dims)
        centred = x - x.mean(axis=dims, keepdims=True)
    with np.errstate(divide="ignore", invalid="ignore"):  # n == correction: inf * 0, as torch
        scale = float(np.divide(2.0, n - correction))
        return g * scale * centred


@backward_formula("VarBackward0", saves=((0, None),),
                  self="grad * 2 / (N - correction) * (self - mean(self))")
def VarBackward0(self, g):
    return (_var_backward(g, self._saved[0], self._ctx),)


def var(input, dim=None, unbiased=None, keepdim=False, *, correction=None):
    d, dims, correction, full = _spread_args(input, dim, unbiased, correction, "var")
    out = _spread(np.var, d, dims, correction, keepdim, "var")
    return make(out, VarBackward0, (input,), (d,), (dims, keepdim, correction, full))


@backward_formula("StdBackward0", saves=((0, None),), saved_as=(0, RESULT),
                  self="var's gradient of grad / (2 * result) (0 where result = 0)")
def StdBackward0(self, g):
    x, out = self._saved
    with np.errstate(divide="ignore", invalid="ignore"):
        g_var = array_namespace(g).masked_fill(g / (out * 2), values_of(out) == 0, 0)
    return (_var_backward(g_var, x, self._ctx),)


def std(input, dim=None, unbiased=None, keepdim=False, *, correction=None):
    d, dims, correction, full = _spread_args(input, dim, unbiased, correction, "std")
    out = _spread(np.std, d, dims, correction, keepdim, "std")
    return make(out, StdBackward0, (input,), (d, out), (dims, keepdim, correction, full))


@backward_formula("ProdBackward0", saves=((0, None),), saved_as=(0, RESULT),
                  self="grad * result / self, or grad * (the product of all the other elements) "
                       "where self has zeros")
def ProdBackward0(self, g):
    x, y = self._saved
    if values_of(x).ndim == 0:
        return (g,)
    return (prod_gradient(g, x, y, None),)


@backward_formula("ProdBackward1", saves=((0, None),), saved_as=(0, RESULT),
                  self="grad * result / self along dim, or grad * (the product of the other "
                       "elements along dim) where a slice has zeros")
def ProdBackward1(self, g):
    x, y = self._saved
    dim, keepdim = self._ctx
    if values_of(x).ndim == 0:
        return (g,)
    return (prod_gradient(_kept(g, (dim,), keepdim), x, _kept(y, (dim,), keepdim), dim),)


def prod(input, dim=None, keepdim=False, *, dtype=None):
    """Product of all elements (ProdBackward0), or along ``dim`` (ProdBackward1)."""
    d = input._data
    dt = _sum_dtype(d, dtype)
    if dim is None:
        out = np.asarray(np.prod(d, dtype=dt))
        return make(out, ProdBackward0, (input,), (d, out))
    dim = wrap_dim(dim, d.ndim)
    out = np.asarray(np.prod(d, axis=dim if d.ndim else None, keepdims=keepdim and d.ndim > 0,
                             dtype=dt))
    return make(out, ProdBackward1, (input,), (d, out), (dim, keepdim))


@backward_formula("LogsumexpBackward0", saves=((0, None),), saved_as=(0, RESULT),
                  self="grad * exp(self - result) (= grad * softmax(self))")
def LogsumexpBackward0(self, g):
    x, out = self._saved
    dims, keepdim = self._ctx
    return (_kept(g, dims, keepdim) * array_namespace(g).exp(x - _kept(out, dims, keepdim)),)


def logsumexp(input, dim, keepdim=False):
    d = input._data
    dims = _dims(dim, d.ndim)
    m = np.max(d, axis=dims, keepdims=True)
    m = np.where(np.isfinite(m), m, 0)
    out = np.log(np.sum(np.exp(d - m), axis=dims, keepdims=True)) + m
    if not keepdim:
        out = np.squeeze(out, dims)
    return make(out, LogsumexpBackward0, (input,), (d, out), (dims, keepdim))


# --- softmax ---------------------------------------------------------------------------------
def softmax_dim(ndim, dim, name="softmax"):
    """PyTorch's legacy implicit-dim choice (with its warning) when ``dim`` is None."""
    if dim is None:
        import warnings

        warnings.warn(f"Implicit dimension choice for {name} has been deprecated. Change the call "
                      "to include dim=X as an argument.", UserWarning, stacklevel=3)
        dim = 0 if ndim in (0, 1, 3) else 1
    return wrap_dim(dim, ndim)


@backward_formula("SoftmaxBackward0", saved_as=(RESULT,),
                  self="result * (grad - Σ_dim grad * result): ds_i/da_j = s_i·(δ_ij - s_j), s = "
                       "result")
def SoftmaxBackward0(self, g):
    return (softmax_backward_data(g, self._saved[0], self._ctx),)


@backward_formula("LogSoftmaxBackward0", saved_as=(RESULT,),
                  self="grad - exp(result) * Σ_dim grad (exp(result) = softmax(self))")
def LogSoftmaxBackward0(self, g):
    return (log_softmax_backward_data(g, self._saved[0], self._ctx),)


def _shifted(d, dim):
    if d.dtype.kind != "f":
        raise RuntimeError(f"\"softmax_lastdim_kernel_impl\" not implemented for "
                           f"'{dtypes.from_numpy(d.dtype).name.capitalize()}'")
    if d.ndim == 0 or d.size == 0:
        return d - d
    m = d.max(axis=dim, keepdims=True)
    return d - np.where(np.isfinite(m), m, 0)


def softmax(input, dim=None, dtype=None):
    d = input._data if dtype is None else input._data.astype(dtypes.to_numpy(dtype))
    dim = softmax_dim(d.ndim, dim)
    e = rounded(np.exp, _shifted(d, dim))
    out = e / e.sum(axis=dim, keepdims=True) if d.ndim else e / e
    return make(out, SoftmaxBackward0, (input,), (out,), dim)


def log_softmax(input, dim=None, dtype=None):
    d = input._data if dtype is None else input._data.astype(dtypes.to_numpy(dtype))
    dim = softmax_dim(d.ndim, dim, "log_softmax")
    z = _shifted(d, dim)
    if d.ndim and d.size:
        out = z - rounded(np.log, rounded(np.exp, z).sum(axis=dim, keepdims=True))
    else:
        out = z
    return make(out, LogSoftmaxBackward0, (input,), (out,), dim)


for _name in ("sum", "mean", "max", "min", "amax", "amin", "argmax", "argmin", "var", "std",
              "logsumexp", "prod", "softmax", "log_softmax"):
    globals()[_name] = torch_aliases(globals()[_name])
del _name
