"""The input buffer of a node with several outputs (``unbind``, ``split``, ``chunk``).

PyTorch's engine gives each node one input buffer with a slot per output; a single-output node's
slot is the plain gradient (or a list of them on fan-out, ``backward.py``). A
:class:`~graphstudio.engine.node.MultiOutputFn` gets an :class:`OutputGrads` instead, made when the
pass first finds the node, so that gradients reaching different outputs stay apart. When the node
is ready, :func:`collect` sums each output's gradients, runs that output's tensor hooks (and
``retain_grad``), hands ``autograd.grad`` what it asked for, and gives the formula one gradient
per output (None for an output no gradient reached: its hooks are called with None, and the
formula puts zeros there, as PyTorch fills missing gradients).
"""

from ..hooks import TensorHook, run_tensor_hooks

__all__ = ["OutputGrads", "collect", "root_buffer"]


class OutputGrads:
    """Per output of one node: None, its gradient, or the list of its gradients (fan-out)."""

    __slots__ = ("slots",)

    def __init__(self, n_outputs):
        self.slots = [None] * n_outputs

    def add(self, output_nr, grad):
        slots = self.slots
        old = slots[output_nr]
        if old is None:
            slots[output_nr] = grad
        elif old.__class__ is list:
            old.append(grad)
        else:
            slots[output_nr] = [old, grad]


def root_buffer(node, output_nr, grad):
    """The buffer of a root that is one output of ``node``: its gradient at ``output_nr``."""
    buf = OutputGrads(node.n_outputs())
    buf.add(output_nr, grad)
    return buf


def collect(fn, buf, capture):
    """``(gradients, contributions)`` of the ready node ``fn``: one gradient per output after its
    hooks (or None when no output got one), and per output the gradients that arrived."""
    grads = []
    contributions = []
    hooks = fn._output_hooks
    for nr, slot in enumerate(buf.slots):
        if slot is None:
            parts = ()
            g = None
        else:
            parts = slot if slot.__class__ is list else [slot]
            g = parts[0]
            for p in parts[1:]:
                g = g + p
        if hooks is not None and hooks.get(nr):
            g = run_tensor_hooks(hooks[nr], g) if g is not None else hooks_on_none(hooks[nr])
        if capture is not None and (fn, nr) in capture:
            capture[fn, nr].append(g)
        grads.append(g)
        contributions.append(tuple(parts))
    if all(g is None for g in grads):
        return None, tuple(contributions)
    return tuple(grads), tuple(contributions)


def hooks_on_none(hooks):
    """An output that got no gradient: PyTorch still calls its hooks, with None, and refuses a
    hook that returns a gradient there."""
    for h in list(hooks):
        if h.__class__ is TensorHook and h.fn(None) is not None:
            raise RuntimeError("can't replace a None gradient with a non-None value")
