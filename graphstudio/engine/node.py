"""Graph nodes: the ``grad_fn`` objects of the autograd graph.

A ``Node`` is created by an op when grad mode is on and one of its inputs requires grad. It keeps
``next_functions`` (one ``(node_or_None, 0)`` pair per differentiable input, in the op's argument
order, exactly as PyTorch lists them), a creation sequence number that orders the backward pass,
the values the derivative needs (``_saved``, freed after backward unless ``retain_graph``),
shape-only context (``_ctx``, never freed) and each input's ``(shape, dtype)`` (``_meta``) so that
the engine reduces broadcast gradients and restores dtypes in one central place.

Subclasses are named after PyTorch's (``MulBackward0``, ...) and implement ``apply(grad) -> tuple``
with one numpy array (or None) per entry of ``next_functions``. ``apply`` never mutates its
argument.
"""

import itertools

__all__ = ["Node", "AccumulateGrad", "FREED", "node_type", "backward_formula"]

SEQUENCE = itertools.count()
# AccumulateGrad nodes have the highest priority in the ready queue (PyTorch: UINT64_MAX).
ACCUMULATE_SEQ = 2**64 - 1
FREED = object()  # marks saved values released after a backward without retain_graph


class Node:
    __slots__ = ("next_functions", "_seq", "_saved", "_ctx", "_meta", "_retained")

    def name(self):
        return type(self).__name__

    def __repr__(self):
        return f"<{type(self).__name__} object at {id(self):#x}>"

    def needs(self, i):
        """Whether input ``i`` wants a gradient (it requires grad)."""
        return self.next_functions[i][0] is not None

    def apply(self, grad):  # pragma: no cover - every subclass defines it
        raise TypeError(f"{type(self).__name__} has no backward formula")


class AccumulateGrad(Node):
    """The sink for a leaf tensor that requires grad: adds the incoming gradient to ``.grad``."""

    __slots__ = ("variable", "__weakref__")

    def __init__(self, variable):
        self.variable = variable
        self.next_functions = ()
        self._seq = ACCUMULATE_SEQ
        self._saved = None
        self._ctx = None
        self._meta = ()
        self._retained = None

    def name(self):
        return "torch::autograd::AccumulateGrad"

    def apply(self, grad):
        return ()


def node_type(name, apply, doc=None):
    """Create the Node subclass ``name`` whose backward is ``apply(self, grad) -> tuple``."""
    return type(name, (Node,), {"__slots__": (), "apply": apply, "__doc__": doc,
                                "__module__": __name__})


def backward_formula(name):
    """Decorator: turn ``def f(self, grad) -> tuple`` into the Node subclass called ``name``."""

    def make(apply):
        return node_type(name, apply, apply.__doc__)

    return make
