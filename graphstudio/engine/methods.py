"""Tensor's method table: operators and methods bound onto ``Tensor`` from the op modules.

Kept in one place so ``tensor.py`` does not import the ops (which import it). In-place variants
(``add_``, ``+=``, ...) follow PyTorch: outside autograd they write into the tensor's memory (so
views see the change); when recording, the tensor's history is rebased onto the new node.
"""

import numpy as np

from . import dtypes, indexing, linalg, ops, reductions, shape_ops, unary
from .backward import backward as _run_backward
from .grad_mode import STATE
from .hooks import register_hook
from .tensor import Tensor, wrap
from .versions import modified

__all__ = []


def _backward(self, gradient=None, retain_graph=None, create_graph=False, inputs=None):
    """Accumulate the gradient of this tensor into the leaves (consumes ``backward_steps``)."""
    _run_backward([self], [gradient], retain_graph, create_graph, inputs)


def _reflected(op):
    def method(self, other):
        return op(self, other)

    return method


def _inplace(out_of_place, ufunc):
    """An in-place method: a numpy ``out=`` ufunc outside autograd, a history rebase inside."""

    def method(self, other, **kwargs):
        self.check_inplace()
        other_grad = isinstance(other, Tensor) and other._requires_grad
        if STATE.enabled and (self._requires_grad or other_grad):
            r = out_of_place(self, other, **kwargs)
            if r._data.dtype != self._data.dtype:
                _cast_error(r._data.dtype, self._data.dtype)
            return self.rebase_history(r)
        od = other._data if isinstance(other, Tensor) else other
        if kwargs.get("alpha", 1) != 1:
            od = od * kwargs["alpha"]
        rdt = dtypes.result_dtype(self._data, od)
        if ufunc is np.true_divide and rdt.kind != "f":
            rdt = dtypes.default_np()
        if not np.can_cast(rdt, self._data.dtype, "same_kind"):
            _cast_error(rdt, self._data.dtype)
        try:
            ufunc(self._data, od, out=self._data, casting="unsafe")
        except ValueError:
            raise ops.broadcast_error(self._data.shape, np.shape(od)) from None
        modified(self)
        return self

    return method


def _cast_error(src, dst):
    raise RuntimeError(f"result type {dtypes.scalar_name(src)} can't be cast to the desired output "
                       f"type {dtypes.scalar_name(dst)}")


def _unary_inplace(op):
    def method(self, *args, **kwargs):
        self.check_inplace()
        r = op(self, *args, **kwargs)
        if r.grad_fn is not None:
            self.rebase_history(r)
        else:
            self._data[...] = r._data
            modified(self)
        return self

    return method


def _as_dtype(d):
    return lambda self: shape_ops.to(self, d)


def _type(self, dtype=None):
    if dtype is None:
        return {"float32": "torch.FloatTensor", "float64": "torch.DoubleTensor",
                "int64": "torch.LongTensor", "int32": "torch.IntTensor",
                "bool": "torch.BoolTensor"}.get(self.dtype.name, f"torch.{self.dtype.name}")
    return shape_ops.to(self, dtype)


def _size_method(name):
    op = getattr(shape_ops, name)

    def method(self, *shape):
        return op(self, *shape)

    method.__name__ = name
    return method


_METHODS = {
    "backward": _backward, "register_hook": register_hook,
    # operators
    "__add__": ops.add, "__radd__": _reflected(ops.add),
    "__sub__": ops.sub, "__rsub__": ops.rsub,
    "__mul__": ops.mul, "__rmul__": _reflected(ops.mul),
    "__truediv__": ops.div, "__rtruediv__": ops.rdiv,
    "__pow__": ops.pow, "__rpow__": ops.rpow,
    "__matmul__": linalg.matmul, "__rmatmul__": lambda self, other: linalg.matmul(
        ops.as_operand(other), self),
    "__neg__": ops.neg, "__pos__": lambda self: self, "__abs__": unary.abs,
    "__eq__": ops.eq, "__ne__": ops.ne, "__lt__": ops.lt, "__le__": ops.le, "__gt__": ops.gt,
    "__ge__": ops.ge,
    "__invert__": ops.logical_not,
    "__and__": lambda self, other: wrap(np.logical_and(self._data, _arr(other))
                                                if self._data.dtype.kind == "b" else
                                                np.bitwise_and(self._data, _arr(other))),
    "__or__": lambda self, other: wrap(np.logical_or(self._data, _arr(other))
                                               if self._data.dtype.kind == "b" else
                                               np.bitwise_or(self._data, _arr(other))),
    "__xor__": lambda self, other: wrap(np.logical_xor(self._data, _arr(other))),
    "__getitem__": indexing.getitem, "__setitem__": indexing.setitem,
    # in-place
    "__iadd__": _inplace(ops.add, np.add), "add_": _inplace(ops.add, np.add),
    "__isub__": _inplace(ops.sub, np.subtract), "sub_": _inplace(ops.sub, np.subtract),
    "__imul__": _inplace(ops.mul, np.multiply), "mul_": _inplace(ops.mul, np.multiply),
    "__itruediv__": _inplace(ops.div, np.true_divide), "div_": _inplace(ops.div, np.true_divide),
    "clamp_": _unary_inplace(ops.clamp), "relu_": _unary_inplace(unary.relu),
    "exp_": _unary_inplace(unary.exp), "neg_": _unary_inplace(ops.neg),
    "sigmoid_": _unary_inplace(unary.sigmoid), "tanh_": _unary_inplace(unary.tanh),
    # arithmetic methods
    "add": ops.add, "sub": ops.sub, "mul": ops.mul, "div": ops.div, "true_divide": ops.div,
    "pow": ops.pow, "neg": ops.neg, "reciprocal": ops.reciprocal, "square": ops.square,
    "matmul": linalg.matmul, "mm": linalg.mm, "mv": linalg.mv, "dot": linalg.dot,
    "bmm": linalg.bmm, "outer": linalg.outer,
    "exp": unary.exp, "log": unary.log, "exp2": unary.exp2, "log2": unary.log2,
    "log1p": unary.log1p, "expm1": unary.expm1,
    "sqrt": unary.sqrt, "abs": unary.abs, "sign": unary.sign, "sgn": unary.sgn, "relu": unary.relu,
    "sigmoid": unary.sigmoid, "tanh": unary.tanh, "sin": unary.sin, "cos": unary.cos,
    "floor": unary.floor, "ceil": unary.ceil, "round": unary.round,
    "clamp": ops.clamp, "clip": ops.clamp,
    "maximum": ops.maximum, "minimum": ops.minimum,
    "eq": ops.eq, "ne": ops.ne, "lt": ops.lt, "le": ops.le, "gt": ops.gt, "ge": ops.ge,
    "logical_not": ops.logical_not, "isnan": ops.isnan, "isfinite": ops.isfinite,
    "isinf": ops.isinf,
    # reductions
    "sum": reductions.sum, "mean": reductions.mean, "max": reductions.max,
    "min": reductions.min, "amax": reductions.amax, "amin": reductions.amin,
    "argmax": reductions.argmax, "argmin": reductions.argmin, "var": reductions.var,
    "std": reductions.std, "prod": reductions.prod, "logsumexp": reductions.logsumexp,
    "softmax": reductions.softmax, "log_softmax": reductions.log_softmax,
    # shape
    "view": _size_method("view"), "reshape": _size_method("reshape"),
    "permute": _size_method("permute"), "expand": _size_method("expand"),
    "view_as": shape_ops.view_as, "reshape_as": shape_ops.reshape_as,
    "expand_as": shape_ops.expand_as, "flatten": shape_ops.flatten, "t": shape_ops.t,
    "transpose": shape_ops.transpose, "squeeze": shape_ops.squeeze,
    "unsqueeze": shape_ops.unsqueeze, "clone": shape_ops.clone,
    "contiguous": shape_ops.contiguous, "narrow": indexing.narrow,
    "masked_fill": indexing.masked_fill, "select": indexing.select,
    "to": shape_ops.to, "type": _type,
    "unbind": indexing.unbind, "split": indexing.split, "chunk": indexing.chunk,
    "repeat": _size_method("repeat"), "repeat_interleave": shape_ops.repeat_interleave,
    "index_select": shape_ops.index_select,
    "float": _as_dtype(dtypes.float32), "double": _as_dtype(dtypes.float64),
    "half": _as_dtype(dtypes.float16), "long": _as_dtype(dtypes.int64),
    "int": _as_dtype(dtypes.int32), "bool": _as_dtype(dtypes.bool_),
}


def _arr(x):
    return x._data if isinstance(x, Tensor) else x


for _name, _fn in _METHODS.items():
    setattr(Tensor, _name, _fn)
del _name, _fn

Tensor.T = property(shape_ops.T)
Tensor.mT = property(lambda self: shape_ops.transpose(self, -2, -1))
