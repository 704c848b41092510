"""Backward functions: the ``grad_fn`` objects of the autograd graph, and the table of derivative
rules.

A :class:`GradFn` is created by an op when grad mode is on and one of its inputs requires grad. It
keeps ``next_functions`` (one ``(grad_fn_or_None, 0)`` pair per differentiable input, in the op's
argument order, exactly as PyTorch lists them), a creation sequence number that orders the backward
pass, the values the derivative needs (``_saved``, freed after backward unless ``retain_graph``),
the versions those saved tensors had (``_versions``, see ``versions.py``), shape-only context
(``_ctx``, never freed) and each input's ``(shape, dtype)`` (``_meta``) so that the engine reduces
broadcast gradients and restores dtypes in one central place. ``_hooks`` holds the hooks of the
tensor this node produced (``register_hook``, ``retain_grad``), None when there are none.

Subclasses are named after PyTorch's (``MulBackward0``, ...) and implement ``apply(grad) -> tuple``
with one gradient (or None) per entry of ``next_functions``. ``apply`` never mutates its
argument.

One formula serves both kinds of backward. A formula works on whatever array type it is given: it
uses operators (``g * b``, ``g @ b.T``) and the functions of ``array_namespace(g)`` (``xp.where``,
``xp.exp``...). In the ordinary backward ``g`` and the saved values are numpy arrays and ``xp`` is
numpy (the fast path). With ``create_graph=True`` the engine hands the formula engine Tensors
instead (``g``, and the saved inputs/result lifted back into the graph as declared by
``saved_as``), so the formula's own operations are recorded and can be differentiated again.

One source for each derivative rule: registering a formula (:func:`backward_formula`) also gives
its readable rule text, per differentiable argument like PyTorch's ``derivatives.yaml``;
:func:`derivative_rule` returns it for a ``grad_fn`` name.
"""

import itertools
import operator
import types

import numpy as np

__all__ = ["GradFn", "MultiOutputFn", "AccumulateGrad", "GraphRoot", "FREED", "RESULT", "node_type",
           "backward_formula", "derivative_rule", "derivative_rules", "SEQUENCE",
           "array_namespace", "NAMESPACES", "NUMPY_NAMESPACE", "values_of", "FORMULA"]

#: Creation order of backward functions (and of in-place changes, see ``versions.py``).
SEQUENCE = itertools.count()
# AccumulateGrad nodes have the highest priority in the ready queue (PyTorch: UINT64_MAX).
ACCUMULATE_SEQ = 2**64 - 1
FREED = object()  # marks saved values released after a backward without retain_graph

_RULES = {}  # grad_fn name -> {argument: rule text}
#: ``FORMULA.recording`` is True while a backward formula runs on Tensors (``create_graph=True``):
#: an op with a Python number operand then records PyTorch's Scalar overload (``MulBackward1``,
#: ``AddBackward1``...), as the C++ formulas PyTorch records do, where a user's ``x * 2`` is
#: ``MulBackward0`` (Python wraps the number in a tensor).
FORMULA = types.SimpleNamespace(recording=False)
#: In :attr:`GradFn.saved_as`: this saved value is the op's own result.
RESULT = "result"


def _add_at(shape, key, g):
    """Zeros of ``shape`` with ``g`` added at ``key`` (repeated indices accumulate)."""
    out = np.zeros(shape, g.dtype)
    np.add.at(out, key, g)
    return out


def _masked_fill(x, mask, value):
    """``x`` with ``value`` where ``mask`` is True (``Tensor.masked_fill``)."""
    return np.where(mask, value, x)


def _sigmoid(x):
    return 1 / (1 + np.exp(-x))


def values_of(x):
    """The numpy values of a saved value (a Tensor's ``_data`` under ``create_graph=True``), for
    masks and shapes that are constants of a formula."""
    return getattr(x, "_data", x)


#: The functions formulas call (numpy's names and arguments) for numpy arrays: the fast path.
NUMPY_NAMESPACE = types.SimpleNamespace(
    **{name: getattr(np, name) for name in (
        "where", "sum", "broadcast_to", "expand_dims", "squeeze", "swapaxes", "transpose",
        "moveaxis", "zeros_like", "reshape", "count_nonzero", "exp", "log", "log1p", "sin", "cos",
        "sqrt", "tanh", "sign", "isnan", "outer", "matmul", "maximum", "minimum", "split")},
    add_at=_add_at, t=operator.attrgetter("T"), masked_fill=_masked_fill, sigmoid=_sigmoid)
#: Array type -> the namespace a formula calls its functions from (``differentiable.py`` adds
#: the engine Tensor's).
NAMESPACES = {np.ndarray: NUMPY_NAMESPACE}


def array_namespace(x):
    """The functions (``where``, ``exp``, ``sum``...) matching ``x``'s type: numpy for an array,
    the engine's differentiable ones for a Tensor (``create_graph=True``)."""
    ns = NAMESPACES.get(x.__class__)
    return NUMPY_NAMESPACE if ns is None else ns  # numpy scalars, Python numbers


class GradFn:
    """Base class of every backward function (PyTorch's ``torch.autograd.graph.Node``)."""

    __slots__ = ("next_functions", "_seq", "_saved", "_ctx", "_meta", "_hooks", "_versions")
    #: The inputs whose values the formula saves, as ``(input index, needed_by)`` pairs:
    #: ``needed_by`` is the input whose gradient needs them (saved only when that one requires
    #: grad, as PyTorch decides it), or None for always. Their versions are checked in backward.
    saves = ()
    #: What each entry of ``_saved`` is, for ``create_graph=True``: an input index (that input's
    #: values), :data:`RESULT` (the op's output) or None (a constant such as a mask or indices).
    #: Entries past its end are constants.
    saved_as = ()

    def name(self):
        return type(self).__name__

    def __repr__(self):
        return f"<{type(self).__name__} object at {id(self):#x}>"

    def needs(self, i):
        """Whether input ``i`` wants a gradient (it requires grad)."""
        return self.next_functions[i][0] is not None

    def tensor_hooks(self, output_nr):
        """The hook list of the tensor that is this node's output ``output_nr`` (created empty):
        where ``register_hook`` and ``retain_grad`` put their entries."""
        if self._hooks is None:
            self._hooks = []
        return self._hooks

    def apply(self, grad):  # pragma: no cover - every subclass defines it
        raise TypeError(f"{type(self).__name__} has no backward formula")


class MultiOutputFn(GradFn):
    """A node with several outputs (``unbind``, ``split``, ``chunk``), as PyTorch makes them: every
    part's ``grad_fn`` is this one node and its ``output_nr`` says which output it is.

    ``apply`` receives a tuple with one gradient per output (None for an output no gradient
    reached); the engine gathers them in the node's input buffer before it runs. The hooks of
    output ``i`` live in ``_output_hooks[i]`` (``_hooks`` stays None). ``_ctx`` is
    ``(input shape, dim, keys)``: ``keys[i]`` indexes output ``i`` in the input."""

    __slots__ = ("_output_hooks",)

    def n_outputs(self):
        return len(self._ctx[2])

    def tensor_hooks(self, output_nr):
        if self._output_hooks is None:
            self._output_hooks = {}
        return self._output_hooks.setdefault(output_nr, [])


class AccumulateGrad(GradFn):
    """The sink for a leaf tensor that requires grad: adds the incoming gradient to ``.grad``."""

    __slots__ = ("variable", "__weakref__")

    def __init__(self, variable):
        self.variable = variable
        self.next_functions = ()
        self._seq = ACCUMULATE_SEQ
        self._saved = None
        self._ctx = None
        self._meta = ()
        self._hooks = None
        self._versions = None

    def name(self):
        return "torch::autograd::AccumulateGrad"

    def apply(self, grad):
        return ()


class GraphRoot(GradFn):
    """PyTorch's dummy root of a backward from several tensors: it sends each root its gradient.

    Created last, it has the highest sequence number of the graph, so it runs first."""

    __slots__ = ()

    def __init__(self, edges, grads):
        self.next_functions = tuple(edges)
        self._seq = next(SEQUENCE)
        self._saved = None
        self._ctx = tuple(grads)
        self._meta = tuple((None, None) for _ in edges)
        self._hooks = None
        self._versions = None

    def apply(self, grad):
        return self._ctx


def node_type(name, apply, doc=None, rules=None, saves=(), saved_as=None, base=GradFn):
    """Create the GradFn subclass ``name`` whose backward is ``apply(self, grad) -> tuple``;
    ``rules`` maps each differentiable argument to its readable derivative rule; ``saves`` is the
    class's :attr:`GradFn.saves`; ``saved_as`` its :attr:`GradFn.saved_as` (default: the
    ``saves`` inputs, in order, at the front of ``_saved``); ``base`` the class it derives from
    (:class:`MultiOutputFn` for a node with several outputs)."""
    if rules:
        _RULES[name] = dict(rules)
    if saved_as is None:
        saved_as = tuple(i for i, _ in saves)
    return type(name, (base,), {"__slots__": (), "apply": apply, "__doc__": doc,
                                  "__module__": __name__, "saves": tuple(saves),
                                  "saved_as": tuple(saved_as)})


def backward_formula(name, saves=(), saved_as=None, node_base=GradFn, **rules):
    """Decorator: turn ``def f(self, grad) -> tuple`` into the GradFn subclass ``name``.

    Keyword arguments give the rule per differentiable argument, in PyTorch's argument names and
    ``derivatives.yaml`` style, written for a student: ``self="grad * other"``. ``grad`` is the
    gradient arriving from the output, ``result`` the op's output. ``saves``: which inputs the
    formula keeps (see :attr:`GradFn.saves`); ``saved_as``: what each saved value is (see
    :attr:`GradFn.saved_as`); ``node_base``: the base class (:class:`MultiOutputFn` for several
    outputs).
    """

    def make(apply):
        return node_type(name, apply, apply.__doc__, rules, saves, saved_as, node_base)

    return make


def derivative_rules(grad_fn_name):
    """The derivative rules of ``grad_fn_name`` as ``{argument: rule}`` (empty if unknown)."""
    return dict(_RULES.get(grad_fn_name, {}))


def derivative_rule(grad_fn_name):
    """The readable derivative rule of a backward function, one ``argument: rule`` line per
    differentiable argument, e.g. ``derivative_rule("MulBackward0")`` is
    ``"self: grad * other\\nother: grad * self"``.

    ``grad_fn_name`` is what ``tensor.grad_fn.name()`` returns (``"MulBackward0"``; the C++ names
    ``"torch::autograd::AccumulateGrad"``/``"torch::autograd::CopySlices"`` and the short ones are
    accepted). Raises KeyError for a name without a registered formula.
    """
    name = grad_fn_name.rsplit("::", 1)[-1]
    rules = _RULES.get(name)
    if rules is None:
        raise KeyError(f"no derivative rule registered for {grad_fn_name!r}")
    return "\n".join(f"{arg}: {text}" for arg, text in rules.items())


_RULES["AccumulateGrad"] = {"variable": "variable.grad += grad (the gradient is added to .grad, "
                                        "or becomes .grad when it was None)"}
