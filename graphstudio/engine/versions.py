"""Version counters: PyTorch's "modified by an inplace operation" error for saved tensors.

Every in-place change of a tensor (``add_``, ``+=``, ``zero_``, ``t[i] = v``, an optimizer step...)
calls :func:`modified`, which bumps the tensor's version (shared with its ``detach()``-ed aliases,
not with ``.data``, as in PyTorch). If the tensor's current ``grad_fn`` saved the tensor's own
values for backward (``exp``, ``sigmoid``, ``tanh``, ``relu``, ``softmax``... save their result),
that node's saved values are wrapped in :class:`Stale`, and backward reaching it raises PyTorch's
message. Nothing is added to the forward hot path for outputs; backward pays one class check per
node.

Inputs a node saves (``x`` in ``w * x`` when ``w`` requires grad, as PyTorch decides it per
formula: the ``saves`` of ``backward_formula``) are recorded with their version when the node is
made (``node._versions``); :func:`check_saved_inputs` compares them when backward reaches the node.
A view shares its base's counter (``tensor.view_of``), ``detach()`` shares it too, ``.data`` not.
"""

import re
import weakref

from .node import FREED

__all__ = ["SAVES_RESULT", "Stale", "modified", "rebased", "version", "counter",
           "check_saved_inputs", "drop_saved_self", "move_retain"]

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
                "LogsumexpBackward0", "ProdBackward0", "ProdBackward1",
                "Exp2Backward0"}


class _Counter:
    __slots__ = ("version", "produced", "base")

    def __init__(self, base):
        self.version = 0
        self.produced = 0  # the version at which the tensor's grad_fn produced its values
        self.base = weakref.ref(base)


def counter(t):
    """``t``'s version counter (created on first use; ``detach()`` and views share it)."""
    vc = t._vc
    if vc is None:
        vc = t._vc = _Counter(t)
    return vc


def version(t):
    vc = t._vc
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
        return _modified_error(self.dtype, self.shape, node, self.counter.version, self.expected)


def _modified_error(dtype, shape, grad_fn, now, expected):
    kind = _TYPE_NAMES.get(dtype.name, dtype.name.capitalize())
    which = ""
    if grad_fn is not None:
        name = re.sub(r"Backward(0$)?", "", grad_fn.name())  # ExpBackward0: Exp, MaxBackward1: Max1
        which = f", which is output 0 of {name},"
    return RuntimeError(
        "one of the variables needed for gradient computation has been modified by an inplace "
        f"operation: [torch.{kind}Tensor {list(shape)}]{which} is at version {now}; expected "
        f"version {expected} instead. {HINT}")


def check_saved_inputs(node):
    """Raise PyTorch's error if an input ``node`` saved was modified in place since."""
    for t, expected in node._versions:
        vc = t._vc
        now = 0 if vc is None else vc.version
        if now != expected:
            d = t._data
            raise _modified_error(d.dtype, d.shape, t.grad_fn, now, expected)


def drop_saved_self(node, t):
    """An in-place op computed out of place keeps ``t``'s old values to itself: the node it made
    does not watch ``t``'s version (PyTorch saves a copy of the original there)."""
    kept = node._versions if node is not None else None
    if kept:
        kept = [e for e in kept if e[0] is not t]
        node._versions = kept or None


def move_retain(old, new, t):
    """``t.retain_grad()`` follows ``t`` from its old ``grad_fn`` to the new one (in-place op)."""
    hooks = old._hooks
    keep = [h for h in hooks if not (h.__class__ is weakref.ref and h() is t)]
    old._hooks = keep or None
    if new._hooks is None:
        new._hooks = []
    new._hooks.append(weakref.ref(t))


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
