"""Tensor hooks: ``Tensor.register_hook`` and how the engine runs them with ``retain_grad``.

A non-leaf tensor's hooks live on its ``grad_fn`` (``_hooks``, next to the ``retain_grad`` entry,
a weak reference to the tensor; per output in ``_output_hooks`` for a node with several outputs);
a leaf's on the tensor itself. The engine calls
:func:`run_tensor_hooks` when the gradient for the tensor is complete: for a non-leaf before its
node runs, for a leaf before the gradient is added to ``.grad`` (or captured by
``autograd.grad``), as PyTorch 2.13 does.
"""

import weakref

from .ops import add
from .shape_ops import clone, to
from .tensor import Tensor, wrap

__all__ = ["run_tensor_hooks", "register_hook", "RemovableHandle", "TensorHook"]


def run_tensor_hooks(hooks, g):
    """A tensor's hooks on the gradient ``g`` arriving for it (PyTorch's order): the hooks given
    to ``register_hook`` in registration order, each seeing the previous one's result (a hook
    returning a tensor replaces the gradient), then ``retain_grad`` stores the result in ``.grad``
    (accumulated)."""
    recorded = g.__class__ is Tensor  # create_graph=True: gradients are graph Tensors
    for h in list(hooks):
        if h.__class__ is TensorHook:
            new = h.fn(g if recorded else wrap(g))
            if new is not None:
                g = _hook_result(new, g)
    for h in hooks:
        if h.__class__ is weakref.ref:
            t = h()
            if t is not None and t._retains_grad:
                if recorded:
                    t._grad = clone(g) if t._grad is None else add(t._grad, g)
                else:
                    t._grad = wrap(g.copy()) if t._grad is None else wrap(t._grad._data + g)
    return g


def _hook_result(new, g):
    if not isinstance(new, Tensor):
        raise TypeError(f"expected Variable, but hook returned '{type(new).__name__}'")
    data = new._data
    if data.shape != g.shape:
        raise RuntimeError("hook 'hook' has changed the size of value")
    if g.__class__ is Tensor:
        return new if data.dtype == g._data.dtype else to(new, dtype=g.dtype)
    return data if data.dtype == g.dtype else data.astype(g.dtype)


class TensorHook:
    """One ``register_hook`` function, in its tensor's (or its grad_fn's) hook list."""

    __slots__ = ("fn",)

    def __init__(self, fn):
        self.fn = fn


class RemovableHandle:
    """What ``register_hook`` returns: ``remove()`` takes the hook off again."""

    def __init__(self, hooks, entry):
        self._hooks = hooks
        self._entry = entry

    def remove(self):
        hooks = self._hooks
        if hooks is not None and self._entry in hooks:
            hooks.remove(self._entry)
        self._hooks = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.remove()


def register_hook(tensor, hook):
    """``Tensor.register_hook``: ``hook(grad)`` runs when the gradient for ``tensor`` is computed
    (before it reaches ``.grad`` for a leaf); returning a tensor replaces the gradient. Hooks on a
    non-leaf belong to its current ``grad_fn`` (an in-place op later does not move them)."""
    if not tensor._requires_grad:
        raise RuntimeError("cannot register a hook on a tensor that doesn't require gradient")
    if tensor.grad_fn is not None:
        hooks = tensor.grad_fn.tensor_hooks(tensor._output_nr)
    else:
        if tensor._hooks is None:
            tensor._hooks = []
        hooks = tensor._hooks
    entry = TensorHook(hook)
    hooks.append(entry)
    return RemovableHandle(hooks, entry)
