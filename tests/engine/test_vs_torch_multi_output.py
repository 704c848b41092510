"""unbind, split and chunk against torch 2.13: one grad_fn with several outputs (every part's
``grad_fn`` is the same node, ``output_nr`` numbers the parts), ``next_functions`` and the names
of the forward graph, values and gradients, the order tensor hooks run in during backward (one
node: its outputs' hooks together, in output order, when all their gradients are in), parts
without a gradient filled with zeros, ``retain_grad`` / hooks / ``autograd.grad`` on a part, a
part as the root of backward, the in-place error on a part, retain_graph errors and
``create_graph=True`` through the node (recorded as torch's StackBackward0 / CatBackward0)."""

import numpy as np
import pytest

torch = pytest.importorskip("torch")
import graphstudio.engine as E  # noqa: E402
from graphstudio.engine.backward import backward_steps  # noqa: E402

torch.set_num_threads(1)

X = [[1.0, -2.0, 0.5], [3.0, 0.25, -1.0], [2.0, 1.5, -0.5], [0.75, -3.0, 4.0]]


def graph(fn, seen=None):
    """(name, ((child, output_nr), ...)) of a grad_fn, recursively (shared nodes by identity
    index so that the two libraries' sharing is compared too)."""
    seen = {} if seen is None else seen
    if fn is None:
        return None
    if fn in seen:
        return ("seen", seen[fn])
    seen[fn] = len(seen)
    return fn.name(), tuple((graph(f, seen), nr) for f, nr in fn.next_functions)


def parts_of(T, x, how):
    return {"unbind": lambda: x.unbind(),
            "unbind1": lambda: T.unbind(x, 1),
            "split": lambda: x.split(3),
            "split_sizes": lambda: T.split(x, [1, 3]),
            "split_dim1": lambda: x.split(2, dim=1),
            "chunk": lambda: x.chunk(2),
            "chunk_dim1": lambda: T.chunk(x, 3, -1)}[how]()


HOWS = ["unbind", "unbind1", "split", "split_sizes", "split_dim1", "chunk", "chunk_dim1"]


def run(T, how, use):
    """Parts of ``x * 1`` combined by ``use``; returns (parts, loss, hook order, x.grad)."""
    x = T.tensor(X, requires_grad=True)
    y = x * 1
    parts = parts_of(T, y, how)
    order = []
    for i, p in enumerate(parts):
        p.register_hook(lambda g, i=i: order.append((f"part{i}", g if g is None else
                                                     g.sum().item())))
    y.register_hook(lambda g: order.append(("y", g.sum().item())))
    loss = use(T, parts)
    loss.backward()
    return parts, loss, order, x.grad


USES = {
    "all": lambda T, p: sum((q * (k + 1)).sum() for k, q in enumerate(p)),
    "first_only": lambda T, p: (p[0] ** 2).sum(),
    "last_only": lambda T, p: (p[-1] * 3).sum(),
    "fan_out": lambda T, p: (p[0] * p[0] + p[-1]).sum() + p[0].sum(),
    "reversed": lambda T, p: sum((q.exp() * k).sum() for k, q in reversed(list(enumerate(p)))),
    "stacked": lambda T, p: (T.stack([p[-1], p[-1] * p[0].sum()]) ** 2).sum(),
}


@pytest.mark.parametrize("how", HOWS)
@pytest.mark.parametrize("use", sorted(USES))
def test_one_node_with_several_outputs_as_torch(how, use):
    tp, tl, torder, tgrad = run(torch, how, USES[use])
    ep, el, eorder, egrad = run(E, how, USES[use])
    assert len(ep) == len(tp)
    assert all(p.grad_fn is ep[0].grad_fn for p in ep)
    assert [p.output_nr for p in ep] == [p.output_nr for p in tp] == list(range(len(tp)))
    assert ep[0].grad_fn.name() == tp[0].grad_fn.name()
    assert graph(el.grad_fn) == graph(tl.grad_fn)
    for a, b in zip(ep, tp, strict=True):
        assert a.shape == b.shape
        np.testing.assert_allclose(a.detach().numpy(), b.detach().numpy())
    np.testing.assert_allclose(el.item(), tl.item(), rtol=1e-6)
    np.testing.assert_allclose(egrad.numpy(), tgrad.numpy(), rtol=1e-6)
    assert [n for n, _ in eorder] == [n for n, _ in torder]
    assert [v is None for _, v in eorder] == [v is None for _, v in torder]
    np.testing.assert_allclose([v for _, v in eorder if v is not None],
                               [v for _, v in torder if v is not None], rtol=1e-5)


def reachable(fn):
    seen, stack = set(), [fn]
    while stack:
        f = stack.pop()
        if f is not None and f not in seen:
            seen.add(f)
            stack.extend(n for n, _ in f.next_functions)
    return seen


@pytest.mark.parametrize("how", HOWS)
def test_backward_runs_the_node_once(how):
    x = E.tensor(X, requires_grad=True)
    parts = parts_of(E, x * 1, how)
    loss = sum(p.sum() * (k + 1) for k, p in enumerate(parts))
    steps = list(backward_steps(loss))
    names = [s.name for s in steps]
    multi = parts[0].grad_fn
    assert [s.node for s in steps].count(multi) == 1
    assert len(steps) == len(reachable(loss.grad_fn))
    step = next(s for s in steps if s.node is multi)
    assert len(step.grad_outputs) == len(parts)
    for k, (g, part) in enumerate(zip(step.grad_outputs, parts, strict=True)):
        np.testing.assert_allclose(g.numpy(), np.full(part.shape, k + 1.0))
    assert names[-1] == "AccumulateGrad"


def parts_retain(T):
    x = T.tensor(X, requires_grad=True)
    a, b, c, d = (x * 2).unbind()
    b.retain_grad()
    c.register_hook(lambda g: None if g is None else g * 10)  # None: c got no gradient
    (a * b).sum().backward(retain_graph=True)
    ((c + d) ** 2).sum().backward()
    return x.grad, b.grad, a.grad_fn


def test_hooks_and_retain_grad_on_parts():
    tg, tb, _ = parts_retain(torch)
    eg, eb, _ = parts_retain(E)
    np.testing.assert_allclose(eg.numpy(), tg.numpy(), rtol=1e-6)
    np.testing.assert_allclose(eb.numpy(), tb.numpy(), rtol=1e-6)


def grads_of_parts(T):
    x = T.tensor(X, requires_grad=True)
    a, b = (x * x).split([1, 3])
    loss = (a.sum() * b).sum()
    ga, gb, gx = T.autograd.grad(loss, [a, b, x], retain_graph=True)
    x.grad = None
    loss.backward(inputs=[b])
    return ga, gb, gx, b.grad, x.grad


def test_autograd_grad_and_backward_inputs_on_parts():
    got, want = grads_of_parts(E), grads_of_parts(torch)
    for e, t in zip(got, want, strict=True):
        if t is None:
            assert e is None
        else:
            np.testing.assert_allclose(e.numpy(), t.numpy(), rtol=1e-6)


def part_as_root(T):
    x = T.tensor(X, requires_grad=True)
    parts = (x * 3).chunk(2, 1)
    parts[1].backward(T.ones_like(parts[1]) * 2, retain_graph=True)
    T.autograd.backward([parts[0].sum(), parts[1]], [None, T.ones_like(parts[1])])
    return x.grad


def test_a_part_as_the_root_of_backward():
    np.testing.assert_allclose(part_as_root(E).numpy(), part_as_root(torch).numpy())


def second_backward(T):
    x = T.tensor(X, requires_grad=True)
    a, b, c, d = x.unbind()
    (a + b).sum().backward()
    (a * 2).sum().backward()  # the node saves nothing: a second pass is allowed
    loss = (c * d).sum()
    loss.backward()
    try:
        loss.backward()
    except RuntimeError as e:
        return x.grad, str(e)
    return x.grad, None


def test_retain_graph_as_torch():
    eg, emsg = second_backward(E)
    tg, tmsg = second_backward(torch)
    np.testing.assert_allclose(eg.numpy(), tg.numpy())
    assert emsg is not None and emsg == tmsg


@pytest.mark.parametrize("how", HOWS)
def test_inplace_on_a_part_is_refused_as_torch(how):
    messages = []
    for T in (torch, E):
        parts = parts_of(T, T.tensor(X, requires_grad=True) * 1, how)
        with pytest.raises(RuntimeError) as err:
            parts[-1].mul_(2)
        messages.append(str(err.value))
        with T.no_grad():
            parts[0].add_(1)  # allowed outside grad mode
    assert messages[0] == messages[1]


def create_graph_through(T, how, use):
    x = T.tensor(X, requires_grad=True)
    loss = use(T, parts_of(T, x * x, how))
    (g,) = T.autograd.grad(loss, x, create_graph=True)
    (gg,) = T.autograd.grad((g * g).sum(), x)
    return graph(g.grad_fn), g.detach().numpy(), gg.numpy()


@pytest.mark.parametrize("how", HOWS)
@pytest.mark.parametrize("use", ["all", "first_only", "fan_out", "stacked"])
def test_create_graph_through_the_node(how, use):
    egraph, eg, egg = create_graph_through(E, how, USES[use])
    tgraph, tg, tgg = create_graph_through(torch, how, USES[use])
    assert egraph == tgraph
    np.testing.assert_allclose(eg, tg, rtol=1e-5)
    np.testing.assert_allclose(egg, tgg, rtol=1e-5)


def test_without_grad_the_parts_have_no_node():
    for T in (torch, E):
        parts = T.tensor(X).unbind()
        assert all(p.grad_fn is None and p.output_nr == 0 for p in parts)
        with T.no_grad():
            parts = T.tensor(X, requires_grad=True).split(2)
        assert all(p.grad_fn is None and p.output_nr == 0 for p in parts)


def test_iterating_a_tensor_unbinds_it_as_torch():
    seen = []
    for T in (torch, E):
        x = T.tensor(X, requires_grad=True)
        rows = list(x * 2)
        a, b, c, d = x * 2
        assert rows[0].grad_fn is rows[3].grad_fn and a.grad_fn is d.grad_fn
        loss = sum((r * (k + 1)).sum() for k, r in enumerate(rows)) + (b * c).sum()
        loss.backward()
        seen.append((rows[1].grad_fn.name(), graph(loss.grad_fn), x.grad.numpy().tolist()))
    assert seen[0] == seen[1]


def hook_gives_a_missing_gradient(T):
    x = T.tensor(X, requires_grad=True)
    a, b = (x * 2).split(2)
    seen = []
    b.register_hook(lambda g: seen.append(g))
    b.register_hook(lambda g: T.ones_like(b))
    with pytest.raises(RuntimeError) as err:
        (a * a).sum().backward()
    return seen, str(err.value)


def test_a_hook_on_a_part_without_gradient_cannot_give_one():
    assert hook_gives_a_missing_gradient(E) == hook_gives_a_missing_gradient(torch)
    assert hook_gives_a_missing_gradient(E)[0] == [None]
