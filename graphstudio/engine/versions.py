"""Version counters: PyTorch's "modified by an inplace operation" error for saved outputs.

Every in-place change of a tensor (``add_``, ``+=``, ``zero_``, ``t[i] = v``, an optimizer step...)
calls :func:`modified`, which bumps the tensor's version (shared with its ``detach()``-ed aliases,
not with ``.data``, as in PyTorch). If the tensor's current ``grad_fn`` saved the tensor's own
values for backward (``exp``, ``sigmoid``, ``tanh``, ``relu``, ``softmax``... save their result),
that node's saved values are wrapped in :class:`Stale`, and backward reaching it raises PyTorch's
message. Nothing is added to the forward hot path; backward pays one class check per node.

Known gap: inputs a node saved (``x`` in ``w * x``) are not tracked; PyTorch also raises when one
of those is modified before backward, the engine then computes with the modified values.
"""

import re
import weakref

from .node import FREED

__all__ = ["SAVES_RESULT", "Stale", "modified", "rebased", "version"]

HINT = ("Hint: enable anomaly detection to find the operation that failed to compute its gradient, "
        "with torch.autograd.set_detect_anomaly(True, check_nan=False).")
_TYPE_NAMES = {"float32": "Float", "float64": "Double", "float16": "Half", "int64": "Long",
               "int32": "Int", "int16": "Short", "int8": "Char", "uint8": "Byte", "bool": "Bool"}
# The nodes whose PyTorch formula saves the result (others may keep it here, but PyTorch would not
# notice a change to it).
SAVES_RESULT = {"ExpBackward0", "Expm1Backward0", "SigmoidBackward0", "TanhBackward0",
                "ReluBackward0", "SoftmaxBackward0", "LogSoftmaxBackward0", "SqrtBackward0",
                "ReciprocalBackward0", "PowBackward1", "PowBackward2", "MaxBackward1",
                "MinBackward1", "AmaxBackward0", "AminBackward0", "StdBackward0",
                "LogsumexpBackward0", "ProdBackward0"}


class _Counter:
    __slots__ = ("version", "produced", "base")

    def __init__(self, base):
        self.version = 0
        self.produced = 0  # the version at which the tensor's grad_fn produced its values
        self.base = weakref.ref(base)


def counter(t):
    """``t``'s version counter (created on first use; ``detach()`` shares it)."""
    vc = getattr(t, "_vc", None)
    if vc is None:
        vc = t._vc = _Counter(t)
    return vc


def version(t):
    vc = getattr(t, "_vc", None)
    return 0 if vc is None else vc.version


class Stale:
    """A node's saved values after a tensor it saved as its output was modified in place."""

    __slots__ = ("saved", "counter", "expected", "dtype", "shape")

    def __init__(self, saved, vc, dtype, shape):
        self.saved = saved
        self.counter = vc
        self.expected = vc.produced
        self.dtype = dtype
        self.shape = shape

    def error(self, node):
        name = re.sub(r"Backward(0$)?", "", node.name())  # ExpBackward0: Exp, MaxBackward1: Max1
        kind = _TYPE_NAMES.get(self.dtype.name, self.dtype.name.capitalize())
        return RuntimeError(
            "one of the variables needed for gradient computation has been modified by an inplace "
            f"operation: [torch.{kind}Tensor {list(self.shape)}], which is output 0 of {name}, is "
            f"at version {self.counter.version}; expected version {self.expected} instead. {HINT}")


def modified(t):
    """Record one in-place change of ``t`` (call it before an autograd in-place op rebinds
    ``t``'s history, after a write into ``t``'s memory otherwise)."""
    vc = counter(t)
    vc.version += 1
    base = vc.base()
    for owner in (t,) if base is None or base is t else (t, base):
        fn = owner.grad_fn
        if fn is None:
            continue
        saved = fn._saved
        if saved is None or saved is FREED or saved.__class__ is Stale \
                or type(fn).__name__ not in SAVES_RESULT:
            continue
        data = owner._data
        items = saved if isinstance(saved, tuple) else (saved,)
        if any(s is data for s in items):
            fn._saved = Stale(saved, vc, data.dtype, data.shape)


def rebased(t):
    """After an in-place op gave ``t`` a new ``grad_fn``: its values are at the current version."""
    vc = counter(t)
    vc.produced = vc.version
