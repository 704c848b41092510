"""The ``Tensor`` class (a numpy array plus autograd bookkeeping) and tensor creation.

A Tensor keeps its numpy array in ``_data`` (``.numpy()`` shares it, ``.data`` is a detached Tensor
as in PyTorch). Ops build results through ``make``: when grad mode is on and an input requires
grad, the result gets a ``grad_fn`` node linked to its inputs' nodes (a leaf is reached through its
``AccumulateGrad``). The arithmetic and math methods are attached in ``methods.py``.
"""

import weakref

import numpy as np

from . import dtypes
from .grad_mode import STATE
from .node import SEQUENCE, AccumulateGrad, MultiOutputFn
from .printing import tensor_repr
from .versions import (
    SAVES_RESULT,
    counter,
    drop_saved_self,
    modified,
    move_retain,
    rebased,
    version,
)

__all__ = ["Tensor", "Size", "wrap", "make", "accumulator", "to_array", "wrap_dim", "view_of"]

ndarray = np.ndarray
_new = object.__new__
NO_EDGE = (None, 0)

NON_LEAF_GRAD_WARNING = (
    "The .grad attribute of a Tensor that is not a leaf Tensor is being accessed. Its .grad "
    "attribute won't be populated during autograd.backward(). If you indeed want the .grad field "
    "to be populated for a non-leaf Tensor, use .retain_grad() on the non-leaf Tensor. If you "
    "access the non-leaf Tensor by mistake, make sure you access the leaf Tensor instead. See "
    "github.com/pytorch/pytorch/pull/30531 for more information.")
ONLY_FLOAT_GRAD = "Only Tensors of floating point and complex dtype can require gradients"
NON_LEAF_FLAG = ("you can only change requires_grad flags of leaf variables. If you want to use a "
                 "computed variable in a subgraph that doesn't require differentiation use "
                 "var_no_grad = var.detach().")
LEAF_INPLACE = "a leaf Variable that requires grad is being used in an in-place operation."
VIEW_LEAF_INPLACE = ("a view of a leaf Variable that requires grad is being used in an in-place "
                     "operation.")
DETACH_VIEW = ("Can't detach views in-place. Use detach() instead. If you are using "
               "DistributedDataParallel (DDP) for training, and gradient_as_bucket_view is set as "
               "True, gradients are views of DDP buckets, and hence detach_() cannot be called on "
               "these gradients. To fix this error, please refer to the Optimizer.zero_grad() "
               "function in torch/optim/optimizer.py as the solution.")


class Size(tuple):
    """``torch.Size``: a tuple of ints that prints as ``torch.Size([2, 3])``."""

    __slots__ = ()

    def __repr__(self):
        return f"torch.Size({list(self)})"

    __str__ = __repr__

    def numel(self):
        n = 1
        for s in self:
            n *= s
        return n


class Tensor:
    """An n-dimensional array that can record the operations applied to it for backward."""

    __slots__ = ("_data", "grad_fn", "_requires_grad", "_grad", "_retains_grad", "_acc", "_vc",
                 "_base", "_hooks", "_output_nr", "__weakref__")
    # numpy defers to our reflected operators (np.float32(2) * t calls t.__rmul__).
    __array_ufunc__ = None

    def __new__(cls, *args):
        # Legacy ``torch.Tensor(data)`` / ``torch.Tensor(2, 3)``: always the default float dtype.
        if len(args) == 1 and not isinstance(args[0], int):
            return wrap(to_array(args[0], dtypes.default_np()))
        return wrap(np.empty(args, dtypes.default_np()))

    # --- basic properties ----------------------------------------------------------------
    @property
    def shape(self):
        return Size(self._data.shape)

    def size(self, dim=None):
        if dim is None:
            return Size(self._data.shape)
        return self._data.shape[wrap_dim(dim, self._data.ndim)]

    @property
    def dtype(self):
        return dtypes.from_numpy(self._data.dtype)

    @property
    def ndim(self):
        return self._data.ndim

    def dim(self):
        return self._data.ndim

    def numel(self):
        return self._data.size

    nelement = numel

    @property
    def device(self):
        return "cpu"

    @property
    def is_cuda(self):
        return False

    def is_floating_point(self):
        return self._data.dtype.kind == "f"

    def is_contiguous(self):
        return self._data.flags.c_contiguous

    def element_size(self):
        return self._data.itemsize

    # --- autograd attributes -------------------------------------------------------------
    @property
    def requires_grad(self):
        return self._requires_grad

    @requires_grad.setter
    def requires_grad(self, flag):
        flag = bool(flag)
        if self.grad_fn is not None:
            raise RuntimeError(NON_LEAF_FLAG if not flag else
                               "you can only change requires_grad flags of leaf variables.")
        if flag and self._data.dtype.kind != "f":
            raise RuntimeError("only Tensors of floating point and complex dtype can require "
                               "gradients")
        self._requires_grad = flag

    def requires_grad_(self, requires_grad=True):
        if requires_grad and self.grad_fn is not None:
            return self  # already requires grad: a no-op on a non-leaf, as in PyTorch
        if requires_grad and self._data.dtype.kind != "f":
            # PyTorch words this one differently from the setter's message.
            raise RuntimeError("only Tensors of floating point dtype can require gradients")
        self.requires_grad = requires_grad
        return self

    @property
    def is_leaf(self):
        return self.grad_fn is None

    @property
    def grad(self):
        if self.grad_fn is not None and not self._retains_grad:
            import warnings

            warnings.warn(NON_LEAF_GRAD_WARNING, UserWarning, stacklevel=2)
        return self._grad

    @grad.setter
    def grad(self, value):
        if value is not None:
            if not isinstance(value, Tensor):
                raise TypeError(f"assigned grad expected to be a Tensor or None but got grad of "
                                f"type {type(value).__name__}")
            if value._data.shape != self._data.shape:
                raise RuntimeError("assigned grad has data of a different size")
            if value._data.dtype != self._data.dtype:
                raise RuntimeError("assigned grad has data of a different type")
        self._grad = value

    @grad.deleter
    def grad(self):
        self._grad = None

    @property
    def output_nr(self):
        """Which output of its ``grad_fn`` this tensor is (0 but for unbind/split/chunk parts)."""
        return self._output_nr

    @property
    def retains_grad(self):
        return self._retains_grad

    def retain_grad(self):
        """Keep this non-leaf tensor's gradient in ``.grad`` during backward (accumulated)."""
        if not self._requires_grad:
            raise RuntimeError("can't retain_grad on Tensor that has requires_grad=False")
        if self.grad_fn is None or self._retains_grad:
            return
        self.grad_fn.tensor_hooks(self._output_nr).append(weakref.ref(self))
        self._retains_grad = True

    @property
    def data(self):
        return wrap(self._data)

    @data.deleter
    def data(self):
        raise RuntimeError("Deleting tensor data is not allowed. Delete tensor instead!")

    @data.setter
    def data(self, value):
        self._data = value._data if isinstance(value, Tensor) else to_array(value, None)

    def detach(self):
        """A new leaf sharing this tensor's memory and version counter, cut from the graph."""
        t = wrap(self._data)
        t._vc = counter(self)
        return t

    @property
    def _version(self):
        return version(self)

    def detach_(self):
        if self._base is not None:
            raise RuntimeError(DETACH_VIEW)
        self.grad_fn = None
        self._requires_grad = False
        return self

    # --- conversions ---------------------------------------------------------------------
    def numpy(self, *, force=False):
        if self._requires_grad and not force and STATE.enabled:
            raise RuntimeError("Can't call numpy() on Tensor that requires grad. Use "
                               "tensor.detach().numpy() instead.")
        return self._data

    def __array__(self, dtype=None, copy=None):
        arr = self.numpy()
        return arr if dtype is None else arr.astype(dtype, copy=False)

    def item(self):
        if self._data.size != 1:
            raise RuntimeError(f"a Tensor with {self._data.size} elements cannot be converted "
                               "to Scalar")
        return self._data.reshape(()).item()

    def tolist(self):
        return self._data.tolist()

    def __float__(self):
        return float(self.item())

    def __int__(self):
        return int(self.item())

    def __index__(self):
        if self._data.dtype.kind not in "iub" or self._data.size != 1:
            raise TypeError("only integer tensors of a single element can be converted to an index")
        return int(self.item())

    def __bool__(self):
        if self._data.size != 1:
            raise RuntimeError("Boolean value of Tensor with more than one value is ambiguous")
        return bool(self._data.reshape(()))

    def __len__(self):
        if self._data.ndim == 0:
            raise TypeError("len() of a 0-d tensor")
        return self._data.shape[0]

    def __iter__(self):
        if self._data.ndim == 0:
            raise TypeError("iteration over a 0-d tensor")
        return iter(self.unbind(0))  # as torch: the rows share one UnbindBackward0

    __hash__ = object.__hash__

    def __repr__(self):
        return tensor_repr(self)

    def __format__(self, spec):
        if self._data.ndim == 0:
            return self.item().__format__(spec)
        if spec:
            raise TypeError("unsupported format string passed to Tensor.__format__")
        return repr(self)

    def __reduce__(self):
        if self.grad_fn is not None:
            raise RuntimeError("Can't pickle a Tensor that has a grad_fn; detach() it first.")
        return (_rebuild, (self._data.copy(), self._requires_grad))

    def __deepcopy__(self, memo):
        if self.grad_fn is not None:
            raise RuntimeError("Only Tensors created explicitly by the user (graph leaves) support "
                               "the deepcopy protocol at the moment.  If you were attempting to "
                               "deepcopy a module, this may be because of a torch.nn.utils.weight_"
                               "norm usage, see https://github.com/pytorch/pytorch/pull/103001")
        t = wrap(self._data.copy())
        t._requires_grad = self._requires_grad
        if self._grad is not None:
            t._grad = wrap(self._grad._data.copy())
        memo[id(self)] = t
        return t

    # --- in-place, outside autograd ------------------------------------------------------
    def check_inplace(self):
        """Raise PyTorch's error for an in-place op on a leaf that requires grad, or on a view of
        one (in grad mode)."""
        if self._requires_grad and STATE.enabled:
            if self.grad_fn is None:
                raise RuntimeError(LEAF_INPLACE)
            if isinstance(self.grad_fn, MultiOutputFn):
                raise RuntimeError(multi_view_inplace(self))
            base = self._base
            if base is not None and base.grad_fn is None and base._requires_grad:
                raise RuntimeError(VIEW_LEAF_INPLACE)

    def rebase_history(self, result):
        """After an in-place op that autograd recorded (computed out of place as ``result``): this
        tensor takes the result's values and ``grad_fn``. Its version goes up; a ``retain_grad``
        follows it to the new ``grad_fn`` (hooks registered before stay with the old one, as in
        PyTorch)."""
        old = self.grad_fn
        modified(self)
        self._data = result._data
        new = self.grad_fn = result.grad_fn
        self._requires_grad = True
        drop_saved_self(new, self)
        if old is not None and old._hooks is not None and self._retains_grad:
            move_retain(old, new, self)
        rebased(self)
        return self

    def zero_(self):
        self.check_inplace()
        self._data[...] = 0
        modified(self)
        return self

    def fill_(self, value):
        self.check_inplace()
        self._data[...] = value.item() if isinstance(value, Tensor) else value
        modified(self)
        return self

    def copy_(self, src):
        self.check_inplace()
        self._data[...] = src._data if isinstance(src, Tensor) else src
        modified(self)
        return self

    def cpu(self):
        return self

    def contiguous(self):
        return self


def _rebuild(arr, requires_grad):
    t = wrap(arr)
    t._requires_grad = requires_grad
    return t


def wrap(arr, fn=None):
    """A Tensor around ``arr`` (a numpy array; numpy scalars become 0-d arrays) with no copy."""
    if arr.__class__ is not ndarray:
        arr = np.asarray(arr)
    t = _new(Tensor)
    t._data = arr
    t.grad_fn = fn
    t._requires_grad = fn is not None
    t._grad = None
    t._retains_grad = False
    t._acc = None
    t._vc = None
    t._base = None
    t._hooks = None
    t._output_nr = 0
    return t


def view_of(out, input):
    """Mark ``out`` (just made by a view op) as a view of ``input``'s base: ``out._base`` is set
    and the two share a version counter, so an in-place change through either is seen by
    backward."""
    if out is input:
        return out
    base = input._base
    if base is None:
        base = input
    out._base = base
    out._vc = counter(base)
    return out


def multi_view_inplace(t):
    """PyTorch's error for an in-place op on a part of unbind/split/chunk (in grad mode)."""
    op = t.grad_fn.name().removesuffix("Backward0")
    return (f"Output {t._output_nr} of {op} is a view and is being modified inplace. This view is "
            "the output of a function that returns multiple views. Such functions do not allow "
            "the output views to be modified inplace. You should replace the inplace operation "
            "by an out-of-place one.")


def accumulator(t):
    """The leaf's AccumulateGrad node: the same object for as long as any graph holds it."""
    ref = t._acc
    if ref is not None:
        acc = ref()
        if acc is not None:
            return acc
    acc = AccumulateGrad(t)
    t._acc = weakref.ref(acc)
    return acc


def make(data, cls, inputs, saved=None, ctx=None):
    """The result Tensor of an op: ``data`` plus, when recording, a ``cls`` node over ``inputs``.

    ``inputs`` lists the op's differentiable arguments in PyTorch's order (None for a Python scalar
    or other non-tensor argument); ``saved`` is what the backward formula needs and is freed after
    backward; ``ctx`` is shape-like context that is never freed. This is the hot path of every op.
    """
    if data.__class__ is not ndarray:
        scalar = data
        data = np.asarray(data)
        if saved is not None and cls.__name__ in SAVES_RESULT:  # keep "saved the result" seen
            saved = tuple(data if s is scalar else s for s in saved)
    if not STATE.enabled:
        return wrap(data)
    wanted = False
    for t in inputs:
        if t is not None and t._requires_grad:
            wanted = True
            break
    if not wanted:
        return wrap(data)
    edges = []
    meta = []
    for t in inputs:
        if t is None or not t._requires_grad:
            edges.append(NO_EDGE)
            meta.append(None)
        else:
            fn = t.grad_fn
            edges.append((fn, t._output_nr) if fn is not None else (accumulator(t), 0))
            d = t._data
            meta.append((d.shape, d.dtype))
    node = _new(cls)
    node.next_functions = tuple(edges)
    node._meta = meta
    node._seq = next(SEQUENCE)
    node._saved = saved
    node._ctx = ctx
    node._hooks = None
    node._versions = None
    saves = cls.saves
    if saves:
        kept = None
        for i, by in saves:
            t = inputs[i]
            if t is None or (by is not None and edges[by] is NO_EDGE):
                continue
            vc = t._vc
            entry = (t, 0 if vc is None else vc.version)
            if kept is None:
                kept = [entry]
            else:
                kept.append(entry)
        node._versions = kept
    return wrap(data, node)


def to_array(data, np_dtype):
    """A fresh numpy array from Python data, numpy arrays or Tensors with PyTorch's dtype
    inference (``np_dtype`` None: inferred, see :func:`dtypes.array_from_data`)."""
    if isinstance(data, Tensor):
        return np.array(data._data, dtype=np_dtype, copy=True)
    return dtypes.array_from_data(data, np_dtype)


def wrap_dim(dim, ndim):
    """``dim`` as an index in ``range(ndim)`` (negative dims count from the end), raising
    PyTorch's IndexError when it is out of range; a 0-d tensor accepts dims 0 and -1."""
    n = max(ndim, 1)
    if not -n <= dim < n:
        raise IndexError(f"Dimension out of range (expected to be in range of [{-n}, {n - 1}], "
                         f"but got {dim})")
    return dim + n if dim < 0 else dim
