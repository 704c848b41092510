"""The backward engine: a stepper that runs the autograd graph one node at a time, and the entry
points ``backward`` and ``grad`` (``autograd.py`` re-exports them as ``torch.autograd``'s).

``backward_steps(t)`` returns an iterator; each ``next()`` executes one node in PyTorch's order and
yields a ``BackwardStep`` record. ``Tensor.backward()`` consumes the same iterator, so what the
window animates is exactly what the engine does.

Order (as PyTorch's engine): dependency counts are computed over the graph reachable from the root;
a node becomes ready once all its incoming gradients have arrived; the ready queue is a binary
max-heap on the node's creation sequence number, with AccumulateGrad nodes at the highest priority.
The heap (``autograd_engine/ready_queue.py``) replicates libstdc++'s ``push_heap``/``pop_heap``
(what PyTorch's ``std::priority_queue`` runs on) so that even ties between several ready
AccumulateGrad nodes pop in PyTorch's order.

Broadcast gradients are reduced to each input's shape by one ``sum_to_shape`` here, and cast back
to the input's dtype, exactly where PyTorch's engine validates a node's outputs.

Records: ``BackwardStep.name`` is the node's class name (``"MulBackward0"``, ``"AccumulateGrad"``,
``"CopySlices"``); ``node.name()`` is what PyTorch's ``name()`` returns, which for its two C++
nodes is ``"torch::autograd::AccumulateGrad"`` / ``"torch::autograd::CopySlices"``. Gradient
arrays in records are never written to afterwards: a leaf's ``.grad`` starts as a copy, and no
backward formula writes into its argument.

In-place changes are counted (``versions.py``): a node whose saved result was modified in place
raises PyTorch's "one of the variables needed for gradient computation has been modified by an
inplace operation" message when backward reaches it.

Saved inputs are version-checked too (``node._versions``). Several roots (``backward([a, b])``,
``grad([a, b], ...)``) run in one pass from a GraphRoot, as in PyTorch; tensor hooks
(``hooks.py``) run when a node's gradient is complete, before it executes (for a leaf, before
accumulation), then ``retain_grad`` stores the result.

Known differences from PyTorch: an in-place op recorded by autograd rebinds the tensor to new
memory (its gradients stay right, but views of it do not see the change), while in-place ops
outside autograd (``with no_grad(): w -= lr * w.grad``) write into the memory as PyTorch does.
Higher-order gradients (``create_graph=True``) run the same formulas on Tensors
(``differentiable.py``); the recorded ops are PyTorch's where a formula calls the same ops or a
fused kernel of the same name (``backward_kernels/``), else the formula's own with the same
values (``cumprod``'s gradient). unbind/split/chunk make one node with several outputs, as
PyTorch does (``autograd_engine/output_buffers.py`` keeps their gradients per output).
``backward(inputs=...)`` runs, as PyTorch does, only the nodes on a path from the root to an
input (the others keep their saved values) and makes each
non-leaf input retain its gradient.
"""

import warnings
from contextlib import nullcontext
from dataclasses import dataclass

import numpy as np

from .autograd_engine.output_buffers import OutputGrads, collect, root_buffer
from .autograd_engine.ready_queue import heap_pop, heap_push
from .differentiable import accumulate_graph, apply_recorded, graph_gradient, to_input
from .grad_mode import enable_grad
from .hooks import run_tensor_hooks
from .node import FREED, AccumulateGrad, GraphRoot, MultiOutputFn
from .tensor import Size, Tensor, accumulator, to_array, wrap
from .versions import Stale, check_saved_inputs

__all__ = ["BackwardStep", "backward_steps", "backward", "grad", "grad_steps", "sum_to_shape"]

ndarray = np.ndarray

SECOND_BACKWARD = (
    "Trying to backward through the graph a second time (or directly access saved tensors after "
    "they have already been freed). Saved intermediate values of the graph are freed when you call "
    ".backward() or autograd.grad(). Specify retain_graph=True if you need to backward through the "
    "graph a second time or if you need to access saved tensors after calling backward.")

CREATE_GRAPH_CYCLE = (
    "Using backward() with create_graph=True will create a reference cycle between the parameter "
    "and its gradient which can cause a memory leak. We recommend using autograd.grad when "
    "creating the graph to avoid this. If you have to use this function, make sure to reset the "
    ".grad fields of your parameters to None after use to break the cycle and avoid the leak.")

CYCLE_WARNED = []


@dataclass(frozen=True, slots=True)
class BackwardStep:
    """One executed node of a backward pass (immutable; its tensors are never mutated later).

    ``grad_outputs``: the gradient each node output received (the sum of ``contributions``).
    ``contributions``: per node output, the separate incoming gradients in arrival order.
    ``grad_inputs``: what the node sent along each entry of ``node.next_functions`` (or None).
    ``leaf``/``new_grad``: for AccumulateGrad, the leaf tensor and a copy of its ``.grad`` after
    accumulation; None otherwise.
    """

    index: int
    name: str
    node: object
    grad_outputs: tuple
    contributions: tuple
    grad_inputs: tuple
    leaf: object = None
    new_grad: object = None


def sum_to_shape(grad, shape):
    """Sum a broadcast gradient down to ``shape`` (the one place broadcasting is undone)."""
    if grad.shape == shape:
        return grad
    lead = grad.ndim - len(shape)
    axes = tuple(range(lead)) + tuple(
        i + lead for i, s in enumerate(shape) if s == 1 and grad.shape[i + lead] != 1)
    if axes:
        grad = grad.sum(axis=axes, keepdims=True)
    return grad.reshape(shape)


def _expandable(shape, to):
    if len(shape) > len(to):
        return False
    return all(s == 1 or s == t for s, t in zip(reversed(shape), reversed(to), strict=False))


def _dependencies(root, buffers):
    """How many edges point at each node reachable from ``root`` (iterative); a node with several
    outputs gets its :class:`OutputGrads` buffer in ``buffers``."""
    deps = {}
    get = deps.get
    stack = [root]
    push = stack.append
    seen = {root}
    add = seen.add
    while stack:
        for nxt, _ in stack.pop().next_functions:
            if nxt is not None:
                deps[nxt] = get(nxt, 0) + 1
                if nxt not in seen:
                    add(nxt)
                    push(nxt)
                    if nxt.__class__.__base__ is MultiOutputFn:
                        buffers[nxt] = OutputGrads(nxt.n_outputs())
    return deps


def _root_gradient(t, gradient, i=0):
    if gradient is None:
        if t._data.size != 1:
            raise RuntimeError("grad can be implicitly created only for scalar outputs")
        if t._data.ndim == 0:
            return _scalar_one(t._data.dtype)
        return np.ones(t._data.shape, t._data.dtype)
    g = gradient._data if isinstance(gradient, Tensor) else to_array(gradient, t._data.dtype)
    if g.shape != t._data.shape:
        raise RuntimeError(f"Mismatch in shape: grad_output[{i}] has a shape of {Size(g.shape)} "
                           f"and output[{i}] has a shape of {Size(t._data.shape)}.")
    if g.dtype != t._data.dtype:
        g = g.astype(t._data.dtype)
    return g


_ONES = {}


def _scalar_one(dt):
    """A shared read-only 0-d one per dtype: the implicit gradient of a scalar output."""
    one = _ONES.get(dt)
    if one is None:
        one = _ONES[dt] = np.ones((), dt)
        one.flags.writeable = False
    return one


def _root_node(t, i=0):
    if not t._requires_grad:
        raise RuntimeError(f"element {i} of tensors does not require grad and does not have a "
                           "grad_fn")
    return t.grad_fn if t.grad_fn is not None else accumulator(t)


def _graph_root(tensors, gradients, create_graph=False):
    """(root node, its gradient) for a backward from ``tensors``: the tensor's own node when there
    is one, else PyTorch's GraphRoot over all of them (so they run in one pass). Recorded
    (``create_graph``) gradients are Tensors."""
    nodes = [_root_node(t, i) for i, t in enumerate(tensors)]
    grads = [_root_gradient(t, g, i) for i, (t, g) in enumerate(zip(tensors, gradients,
                                                                       strict=True))]
    if create_graph:
        grads = [graph_gradient(a, g) for a, g in zip(grads, gradients, strict=True)]
    if len(nodes) == 1:
        return nodes[0], _root_buffer(nodes[0], tensors[0], grads[0])
    root = GraphRoot([(n, t._output_nr) for n, t in zip(nodes, tensors, strict=True)], grads)
    root._meta = tuple((t._data.shape, t._data.dtype) for t in tensors)
    one = _scalar_one(np.dtype(np.float32))
    return root, (wrap(one) if create_graph else one)


def backward_steps(tensor, gradient=None, retain_graph=False, *, record=True, capture=None,
                   inputs=None):
    """Iterator that runs ``tensor``'s backward pass one node at a time, yielding BackwardSteps.

    Arguments are checked at once (errors raise here, not at the first ``next()``). With
    ``record=False`` it yields None instead of records (the fast path ``Tensor.backward`` uses; the
    order and results are the same). ``capture`` (used by ``grad``) maps AccumulateGrad nodes to
    lists that receive the gradient instead of the leaf's ``.grad``. ``inputs``: as in
    ``Tensor.backward``, the only tensors whose ``.grad`` is filled (see :func:`_needed`).
    """
    root = _root_node(tensor)
    g = _root_buffer(root, tensor, _root_gradient(tensor, gradient))
    needed = None if inputs is None else _needed(root, _input_nodes(inputs))
    return _run(root, g, bool(retain_graph), record, capture, needed)


def _root_buffer(node, t, g):
    """The root's input buffer: its gradient, at ``t``'s output for a node with several."""
    return root_buffer(node, t._output_nr, g) if isinstance(node, MultiOutputFn) else g


def _input_nodes(inputs):
    """The nodes whose gradient is each input's gradient; like PyTorch, a non-leaf input is made to
    retain its gradient (so ``.grad`` gets it), and one without grad is refused."""
    inputs = [inputs] if isinstance(inputs, Tensor) else list(inputs)
    if not inputs:
        raise RuntimeError("`inputs` argument to `backward()` cannot be empty.")
    for t in inputs:
        t.retain_grad()
    return {_sink(t) for t in inputs}


def _needed(root, targets):
    """The nodes PyTorch runs for ``backward(inputs=...)``: those on a path from ``root`` to one
    of ``targets`` (the targets included). Every predecessor of such a node is one too, so the
    dependency counts of the needed nodes stay right when the others are left out."""
    parents = {}
    stack, seen = [root], {root}
    while stack:
        fn = stack.pop()
        for nxt, _ in fn.next_functions:
            if nxt is not None:
                parents.setdefault(nxt, []).append(fn)
                if nxt not in seen:
                    seen.add(nxt)
                    stack.append(nxt)
    needed = {t for t in targets if t in seen}
    stack = list(needed)
    while stack:
        for p in parents.get(stack.pop(), ()):
            if p not in needed:
                needed.add(p)
                stack.append(p)
    return needed


def _run(root, root_grad, retain_graph, record, capture, needed=None, graph=False):
    """The backward pass (``graph``: create_graph, formulas on Tensors, ``differentiable.py``)."""
    # long: the per-node loop of every backward; split into calls it costs bench_engine's margin
    if needed is not None and root not in needed:
        return
    # A node's input buffer: its one gradient, or a list once a second one arrives (fan-out);
    # an OutputGrads for a node with several outputs.
    buffers = {root: root_grad}
    deps = _dependencies(root, buffers)
    pop_buffer = buffers.pop
    get_buffer = buffers.get
    heap = [root]
    index = 0
    while heap:
        fn = heap.pop() if len(heap) == 1 else heap_pop(heap)
        g = pop_buffer(fn, None)
        kind = g.__class__
        if kind is ndarray:
            contribs = (g,)
        elif g is None:
            contribs = ()
        elif kind is list:
            contribs = g
            g = contribs[0]
            for c in contribs[1:]:
                g = g + c
        elif kind is OutputGrads:
            g, contribs = collect(fn, g, capture)
        else:
            contribs = (g,)
        if fn.__class__ is AccumulateGrad:
            step = _accumulate(fn, g, contribs, index, record, capture, graph)
            index += 1
            yield step
            continue
        saved = fn._saved
        if saved is FREED:
            raise RuntimeError(SECOND_BACKWARD)
        if saved.__class__ is Stale:
            raise saved.error(fn)
        if fn._versions is not None:
            check_saved_inputs(fn)
        if fn._hooks is not None and g is not None:
            g = run_tensor_hooks(fn._hooks, g)
        if capture is not None and g is not None and fn in capture:
            capture[fn].append(g)
        nexts = fn.next_functions
        if g is None:
            grads = (None,) * len(nexts)
        elif graph:
            grads = apply_recorded(fn, g)
        else:
            grads = fn.apply(g)
        if not retain_graph and saved is not None:
            fn._saved = FREED
            fn._versions = None
        sent = [] if record else None
        for edge, gi, meta in zip(nexts, grads, fn._meta, strict=True):
            nxt = edge[0]
            if nxt is None or (needed is not None and nxt not in needed):
                if record:
                    sent.append(None)
                continue
            if gi is not None:
                if graph:
                    gi = to_input(fn, meta, gi)
                else:
                    if gi.__class__ is not ndarray:
                        gi = np.asarray(gi)
                    if gi.shape != meta[0]:
                        gi = _reduce_to(fn, meta, gi)
                    if gi.dtype != meta[1]:
                        gi = gi.astype(meta[1])
                buf = get_buffer(nxt)
                if buf is None:
                    buffers[nxt] = gi
                elif buf.__class__ is list:
                    buf.append(gi)
                elif buf.__class__ is OutputGrads:
                    buf.add(edge[1], gi)
                else:
                    buffers[nxt] = [buf, gi]
            if record:
                sent.append(gi)
            left = deps[nxt] - 1
            deps[nxt] = left
            if not left:
                if heap:
                    heap_push(heap, nxt)
                else:
                    heap.append(nxt)
        step = _record(fn, index, g, contribs, sent) if record else None
        index += 1
        yield step


def _reduce_to(fn, meta, grad):
    """Sum a broadcast gradient back to the input's shape (PyTorch's validate_outputs)."""
    shape = meta[0]
    if not _expandable(shape, grad.shape):
        i = [m is meta for m in fn._meta].index(True)
        raise RuntimeError(f"Function {fn.name()} returned an invalid gradient at index {i} - got "
                           f"{list(grad.shape)} but expected shape compatible with {list(shape)}")
    return sum_to_shape(grad, shape)


def _accumulate(fn, g, contribs, index, record, capture, graph):
    var = fn.variable
    if g is not None and var._hooks:
        g = run_tensor_hooks(var._hooks, g)
    if g is not None:
        if capture is not None:
            slot = capture.get(fn)
            if slot is not None:
                slot.append(g)
        elif graph:
            accumulate_graph(var, g)
        elif var._grad is None:
            var._grad = wrap(g.copy() if g.dtype == var._data.dtype else g.astype(var._data.dtype))
        else:
            target = var._grad._data
            if target.shape == g.shape or _expandable(g.shape, target.shape):
                target += g
            else:
                var._grad = wrap(target + g)
    if not record:
        return None
    new = None if var._grad is None or capture is not None else wrap(var._grad._data.copy())
    received = _tensors(contribs)
    total = received[0] if len(received) == 1 else (None if g is None else as_tensor(g))
    return BackwardStep(index, "AccumulateGrad", fn, (total,), (received,), (), var, new)


def _tensors(arrays):
    return tuple(as_tensor(a) for a in arrays)


def as_tensor(a):
    """A gradient of a record as a Tensor (those of ``create_graph=True`` already are)."""
    return a if a.__class__ is Tensor else wrap(a)


def _record(fn, index, g, contribs, grads):
    sent = tuple(None if gi is None else as_tensor(gi) for gi in grads)
    if isinstance(fn, MultiOutputFn):  # per output: its gradient and what arrived for it
        totals = (None,) * fn.n_outputs() if g is None else _tensors_or_none(g)
        received = tuple(_tensors(c) for c in contribs)
        return BackwardStep(index, type(fn).__name__, fn, totals, received, sent)
    received = _tensors(contribs)
    total = received[0] if len(received) == 1 else (None if g is None else as_tensor(g))
    return BackwardStep(index, type(fn).__name__, fn, (total,), (received,), sent)


def _tensors_or_none(arrays):
    return tuple(None if a is None else as_tensor(a) for a in arrays)


# --- the public entry points -----------------------------------------------------------------
def _as_list(x):
    return [x] if isinstance(x, Tensor) else list(x)


def backward(tensors, grad_tensors=None, retain_graph=None, create_graph=False, inputs=None):
    """``torch.autograd.backward``: accumulate gradients of ``tensors`` into the leaves (only into
    ``inputs``, a tensor or a sequence of them, when given). Several tensors run in one pass from
    a GraphRoot, as in PyTorch: roots may share nodes or be listed twice."""
    tensors = _as_list(tensors)
    if grad_tensors is None or isinstance(grad_tensors, Tensor):
        grad_tensors = [grad_tensors] * len(tensors) if grad_tensors is None else [grad_tensors]
    root, g = _graph_root(tensors, list(grad_tensors), create_graph)
    needed = None if inputs is None else _needed(root, _input_nodes(inputs))
    if retain_graph is None:
        retain_graph = create_graph
    if create_graph and not CYCLE_WARNED and inputs is None:
        CYCLE_WARNED.append(True)  # once per process, as PyTorch's engine warns
        warnings.warn(CREATE_GRAPH_CYCLE, UserWarning, stacklevel=3)
    with enable_grad() if create_graph else nullcontext():
        for _ in _run(root, g, bool(retain_graph), False, None, needed, bool(create_graph)):
            pass


def grad(outputs, inputs, grad_outputs=None, retain_graph=None, create_graph=False,
         allow_unused=None, materialize_grads=False):
    """``torch.autograd.grad``: gradients of ``outputs`` w.r.t. ``inputs`` (``.grad`` untouched).

    ``inputs`` may be leaves or intermediate tensors (their gradient is what arrives at their
    ``grad_fn``); results are new tensors, None for an unused input when ``allow_unused=True``
    (zeros with ``materialize_grads=True``). Only the nodes on a path to an input run, in one pass
    for all outputs, so other parts of the graph keep their saved values.
    """
    return grad_steps(outputs, inputs, grad_outputs, retain_graph, create_graph, allow_unused,
                      materialize_grads, record=False)[0]


def grad_steps(outputs, inputs, grad_outputs=None, retain_graph=None, create_graph=False,
               allow_unused=None, materialize_grads=False, record=True):
    """(:func:`grad`'s result, the BackwardSteps it ran): what the window's Grad node shows."""
    inputs, outputs = _as_list(inputs), _as_list(outputs)
    if grad_outputs is None or isinstance(grad_outputs, Tensor):
        grad_outputs = [grad_outputs] * len(outputs)
    retain_graph = create_graph if retain_graph is None else retain_graph
    root, g = _graph_root(outputs, list(grad_outputs), create_graph)
    capture = {}
    for t in inputs:
        if not t._requires_grad:
            raise RuntimeError("One of the differentiated Tensors does not require grad")
        capture[_capture_key(t)] = []
    with enable_grad() if create_graph else nullcontext():
        needed = _needed(root, {_node_of(k) for k in capture})
        steps = [s for s in _run(root, g, bool(retain_graph), record, capture, needed,
                                 bool(create_graph)) if record]
    return _captured(inputs, capture, allow_unused, materialize_grads, create_graph), steps


def _captured(inputs, capture, allow_unused, materialize_grads, create_graph):
    """``grad``'s results from the gradients captured at each input's node."""
    result = []
    for i, t in enumerate(inputs):
        parts = capture[_capture_key(t)]
        if not parts:
            if not (allow_unused or materialize_grads):
                raise RuntimeError(f"The differentiated Tensor at index {i} appears to not have "
                                   "been used in the graph. Set allow_unused=True if this is the "
                                   "desired behavior.")
            result.append(wrap(np.zeros_like(t._data)) if materialize_grads else None)
            continue
        total = parts[0]
        for p in parts[1:]:
            total = total + p
        if create_graph:
            result.append(to_input(None, (t._data.shape, t._data.dtype), total))
            continue
        result.append(wrap(np.array(total, dtype=t._data.dtype, copy=True)))
    return tuple(result)


def _capture_key(t):
    """Where ``grad`` collects ``t``'s gradient: its node, or (node, output) for a part of a node
    with several outputs."""
    fn = _sink(t)
    return (fn, t._output_nr) if isinstance(fn, MultiOutputFn) else fn


def _node_of(key):
    return key[0] if key.__class__ is tuple else key


def _sink(t):
    """The node whose incoming gradient is ``t``'s gradient."""
    return t.grad_fn if t.grad_fn is not None else accumulator(t)
