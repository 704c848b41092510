"""The node-type registry: metadata, shape rules against real PyTorch, torch lines, search."""

import numpy as np
import pytest

from graphstudio.graph.literals import format_number
from graphstudio.graph.model import Graph, GraphError, TensorSpec
from graphstudio.graph.node_table import NODE_TYPES
from graphstudio.graph.node_types import ATTR_KINDS, CATEGORIES
from graphstudio.graph.shape_inference import infer_shapes
from graphstudio.graph.type_search import categories, compatible_types, search

# Input shapes/dtypes/initializers per type for the "every op" checks; default (2, 3) float32.
SPECIAL = {
    "matmul": {"other": ((3, 4), "float32")},
    "where": {"condition": ((2, 3), "bool")},
    "linear": {"weight": ((4, 3), "float32"), "bias": ((4,), "float32")},
    "nll_loss": {"target": ((2,), "int64"), "weight": ((3,), "float32")},
    "cross_entropy": {"target": ((2,), "int64"), "weight": ((3,), "float32")},
    "pow": {"exponent": ((3,), "float32")},
    "bce_with_logits": {"pos_weight": ((3,), "float32")},
    "grad": {"outputs": ((), "float32")},
}
POSITIVE = {"log", "sqrt", "pow", "bce"}


def _spec(shape, dtype, positive, seed):
    rng = np.random.default_rng(seed)
    if dtype == "bool":
        return TensorSpec.from_array(rng.random(shape) > 0.5)
    if dtype == "int64":
        return TensorSpec.from_array(rng.integers(0, 3, shape))
    vals = rng.random(shape) * 0.8 + 0.1 if positive else rng.standard_normal(shape)
    return TensorSpec.from_array(vals.astype("float32"))


def one_op_graph(type_id):
    """A graph feeding every input of one ``type_id`` node from its own Input node (a Grad
    node: ``outputs = (x * x).sum()`` of a Parameter ``x`` fed to ``inputs``, so that there is
    a path to differentiate along)."""
    g = Graph()
    nt = NODE_TYPES[type_id]
    op = g.add_node(type_id, pos=(300, 0))
    if type_id == "grad":
        x = g.add_node("parameter", name="x", attrs={"requires_grad": True},
                       tensor=_spec((2, 3), "float32", False, 0))
        sq, total = g.add_node("mul", name="sq"), g.add_node("sum", name="outputs")
        g.connect(x.id, "out", sq.id, "input")
        g.connect(x.id, "out", sq.id, "other")
        g.connect(sq.id, "out", total.id, "input")
        g.connect(total.id, "out", op.id, "outputs")
        g.connect(x.id, "out", op.id, "inputs")
        return g, op
    for i, port in enumerate(nt.inputs):
        shape, dtype = SPECIAL.get(type_id, {}).get(port.name, ((2, 3), "float32"))
        spec = _spec(shape, dtype, type_id in POSITIVE and port.name != "weight", i)
        src = g.add_node("input", name=port.name if port.name != "input" else "x", tensor=spec)
        g.connect(src.id, "out", op.id, port.name)
    return g, op


def test_registry_metadata():
    assert set(categories()) == set(CATEGORIES)
    assert list(categories()) == list(CATEGORIES)
    for tid, nt in NODE_TYPES.items():
        assert nt.type_id == tid and nt.category in CATEGORIES
        assert nt.label and nt.doc and "\n" not in nt.doc and nt.default_name.isidentifier()
        assert len(set(nt.input_names)) == len(nt.input_names)
        for a in nt.attrs:
            assert a.kind in ATTR_KINDS
            assert a.check(a.default) == a.default
            if a.kind == "choice":
                assert a.default in a.choices
        if nt.category not in ("Inputs", "Autograd"):
            assert nt.derivative, tid
        if nt.category == "Losses":
            assert nt.formula and nt.default_name == "loss"
            assert nt.attr("reduction").choices == ("mean", "sum", "none")
        assert nt.has_tensor == (nt.default_tensor() is not None)
    assert NODE_TYPES["max_dim"].output_names == ("values", "indices")
    assert NODE_TYPES["output"].output_names == ()
    assert NODE_TYPES["matmul"].input_names == ("input", "other")
    assert NODE_TYPES["bce_with_logits"].label == "BCE with logits"
    assert NODE_TYPES["cross_entropy"].attr("ignore_index").default == -100
    required = {"add", "sub", "mul", "div", "pow", "matmul", "neg", "exp", "log", "sqrt", "abs",
                "relu", "leaky_relu", "sigmoid", "tanh", "softplus", "gelu", "softmax",
                "log_softmax", "clamp", "sum", "mean", "max", "min", "reshape", "transpose", "t",
                "permute", "squeeze", "unsqueeze", "cat", "stack", "where", "maximum", "minimum",
                "linear", "mse_loss", "l1_loss", "bce", "bce_with_logits", "nll_loss",
                "cross_entropy", "detach", "output", "input", "parameter", "constant"}
    assert required <= set(NODE_TYPES)


@pytest.mark.parametrize("type_id", sorted(t for t, nt in NODE_TYPES.items()
                                           if nt.inputs and t != "output"))
def test_every_op_matches_torch(type_id, torch_or_skip):
    """Inferred shape/dtype, compute() and torch_line() all agree with real PyTorch."""
    torch, F = torch_or_skip
    g, op = one_op_graph(type_id)
    res = infer_shapes(g)[op.id]
    assert res.ok, res.error
    nt = NODE_TYPES[type_id]
    inputs, values = torch_inputs(g, op, torch, F)
    env = {"torch": torch, "F": F, **{g.nodes[nid].name: v for nid, v in values.items()}}
    got = nt.compute(op, inputs, lib=(torch, F))
    outs = got if isinstance(got, tuple) else (got,)
    for port, t in zip(nt.output_names, outs, strict=True):
        shape, dtype = res.outputs[port]
        assert tuple(t.shape) == shape and str(t.dtype) == f"torch.{dtype}", port
    line = nt.torch_line(op, {p: g.nodes[e.src].name for p, e in g.incoming(op.id).items()})
    again = eval(line, env)  # the test's own text, with real torch
    again = again if isinstance(again, tuple) else (again,)
    for a, b in zip(outs, again, strict=True):
        assert torch.equal(a, b), line


def torch_inputs(g, op, torch, F):
    """``op``'s inputs by port, and every upstream node's value, computed with real torch."""
    values = {}
    for nid in g.topological_order(g.upstream(op.id)):
        node = g.nodes[nid]
        ins = {p: values[e.src] for p, e in g.incoming(nid).items()}
        values[nid] = NODE_TYPES[node.type].compute(node, ins, lib=(torch, F))
    return {p: values[e.src] for p, e in g.incoming(op.id).items()}, values


@pytest.fixture
def torch_or_skip():
    torch = pytest.importorskip("torch")
    import torch.nn.functional as F

    return torch, F


SHAPE_ERRORS = [
    ("matmul", {"input": (5,), "other": (4, 3)},
     "matmul: (5,) @ (4, 3): inner dimensions 5 and 4 differ"),
    ("add", {"input": (2, 3), "other": (4,)}, "cannot be broadcast"),
    ("sum", {"input": (2, 3)}, "dim 2 is out of range"),
    ("reshape", {"input": (2, 3)}, "invalid for an input of 6 elements"),
    ("t", {"input": (2, 3, 4)}, "at most 2 dimensions"),
    ("cat", {"a": (2, 3), "b": (3, 4)}, "must match except in dimension 0"),
    ("bce", {"input": (3,), "target": (2,)}, "must be the same as input size"),
]


@pytest.mark.parametrize("type_id,shapes,message", SHAPE_ERRORS)
def test_shape_errors(type_id, shapes, message):
    g = Graph()
    attrs = {"sum": {"dim": 2}, "reshape": {"shape": (4, 2)}}.get(type_id, {})
    op = g.add_node(type_id, attrs=attrs)
    for port, shape in shapes.items():
        src = g.add_node("input", tensor=TensorSpec("zeros", shape))
        g.connect(src.id, "out", op.id, port)
    res = infer_shapes(g)[op.id]
    assert res.shape is None and message in res.error
    assert res.error.startswith(f"{type_id}: ")


def test_missing_and_upstream_errors():
    g = Graph()
    x = g.add_node("input", tensor=TensorSpec("zeros", (5,)))
    w = g.add_node("parameter", tensor=TensorSpec("randn", (4, 3), seed=1))
    mm = g.add_node("matmul")
    r = g.add_node("relu")
    lin = g.add_node("linear")
    g.connect(x.id, "out", mm.id, "input")
    g.connect(mm.id, "out", r.id, "input")
    res = infer_shapes(g)
    assert res[mm.id].error == "missing input 'other'"
    assert res[r.id].error == "input 'input' has an error (from node 'matmul')"
    g.connect(w.id, "out", mm.id, "other")
    res = infer_shapes(g)
    assert res[r.id].error.startswith("input 'input' has an error")
    assert res[mm.id].error == "matmul: (5,) @ (4, 3): inner dimensions 5 and 4 differ"
    # optional inputs may stay empty
    g.connect(x.id, "out", lin.id, "input")
    g.connect(g.add_node("parameter", tensor=TensorSpec("zeros", (2, 5))).id, "out", lin.id,
              "weight")
    assert infer_shapes(g)[lin.id].shape == (2,)
    frozen_int = g.add_node("parameter", tensor=TensorSpec("zeros", (2,), dtype="int64"))
    assert "only floating point" in infer_shapes(g)[frozen_int.id].error


def test_constants_and_dtypes():
    g = Graph()
    c = g.add_node("constant", attrs={"value": 2})
    assert c.attrs["value"] == 2.0 and isinstance(c.attrs["value"], float)
    x = g.add_node("input", tensor=TensorSpec("arange", (3,), dtype="int64"))
    add = g.add_node("add")
    g.connect(x.id, "out", add.id, "input")
    g.connect(c.id, "out", add.id, "other")
    assert infer_shapes(g)[add.id].dtype == "int64"
    ex = g.add_node("exp")
    g.connect(c.id, "out", ex.id, "input")
    assert "must be a tensor" in infer_shapes(g)[ex.id].error
    assert NODE_TYPES["constant"].torch_line(c, {}) == "2.0"
    assert NODE_TYPES["add"].torch_line(add, {"input": "x", "other": "c"}) == "x + c"


def test_attr_validation():
    g = Graph()
    s = g.add_node("sum", attrs={"dim": [0, 1]})
    assert s.attrs["dim"] == (0, 1)
    g.set_attr(s.id, "dim", 1)
    assert s.attrs["dim"] == (1,)
    assert NODE_TYPES["sum"].torch_line(s, {"input": "x"}) == "x.sum(dim=1)"
    for key, bad in [("dim", "x"), ("keepdim", 1), ("dim", [1.5])]:
        with pytest.raises(GraphError, match=key):
            g.set_attr(s.id, key, bad)
    loss = g.add_node("cross_entropy")
    with pytest.raises(GraphError, match="one of 'mean', 'sum', 'none'"):
        g.set_attr(loss.id, "reduction", "avg")
    g.set_attr(loss.id, "reduction", "sum")
    assert NODE_TYPES["cross_entropy"].torch_line(loss, {"input": "z", "target": "t"}) == \
        "F.cross_entropy(z, t, reduction='sum')"
    with pytest.raises(GraphError, match="finite"):
        g.add_node("constant", attrs={"value": float("nan")})
    with pytest.raises(GraphError, match="no attribute"):
        g.add_node("relu", attrs={"alpha": 1})


def test_tensor_lines():
    nt = NODE_TYPES["parameter"]
    g = Graph()
    w = g.add_node("parameter", tensor=TensorSpec.from_array(np.array([[1.5, -0.1]],
                                                                     dtype="float32")))
    assert nt.torch_line(w, {}) == "torch.tensor([[1.5, -0.1]], requires_grad=True)"
    g.set_attr(w.id, "requires_grad", False)
    assert nt.torch_line(w, {}) == "torch.tensor([[1.5, -0.1]])"
    g.set_tensor(w.id, TensorSpec("eye", (4, 5)))
    assert nt.torch_line(w, {}) == "torch.eye(4, 5)"
    g.set_tensor(w.id, TensorSpec("randn", (2,), seed=3, fill=0.5))
    assert nt.torch_line(w, {}, explicit=False) == (
        "(torch.randn(2) * 0.5)  # GraphStudio's generator, seed 3: not torch's numbers")
    assert nt.torch_line(w, {}).startswith("torch.tensor([")
    g.set_tensor(w.id, TensorSpec("arange", (2, 3), dtype="int64"))
    assert nt.torch_line(w, {}) == "torch.arange(0, 6, 1, dtype=torch.int64).reshape(2, 3)"
    assert format_number(np.float32(-1.1373)) == "-1.1373"
    assert format_number(1e-10) == "1.0e-10"
    assert float(np.float32(float(format_number(np.float32(0.1))))) == float(np.float32(0.1))


def test_search_and_compatible():
    assert search("")[0].type_id == "input"
    assert search("matmul")[0].type_id == "matmul"
    assert search("mm")[0].type_id == "matmul"
    assert search("bce")[0].type_id == "bce"
    assert search("BCE with")[0].type_id == "bce_with_logits"
    assert search("crossent")[0].type_id == "cross_entropy"
    assert search("lgsftmx")[0].type_id == "log_softmax"
    assert search("freeze")[0].type_id == "parameter"
    assert search("qqqq") == []
    outs = compatible_types("output")
    assert all(nt.inputs for nt in outs) and "input" not in {nt.type_id for nt in outs}
    ins = compatible_types("input", "rel")
    assert ins[0].type_id == "relu" and all(nt.outputs for nt in ins)
    assert "output" not in {nt.type_id for nt in compatible_types("input")}
    with pytest.raises(ValueError):
        compatible_types("sideways")


@pytest.mark.parametrize("type_id", sorted(t for t, nt in NODE_TYPES.items()
                                           if nt.inputs and t != "output"))
def test_every_op_runs_on_the_engine(type_id):
    """The engine computes every node type with the inferred shape (and torch's values)."""
    from graphstudio.run.runner import Runner, RunOptions

    g, op = one_op_graph(type_id)
    tl = Runner(g).run(RunOptions(forward_only=True))
    assert not tl.node_errors, tl.node_errors
    state = tl.state_at(len(tl) - 1)[op.id]
    res = infer_shapes(g)[op.id]
    for port, arr in state.outputs.items():
        assert arr.shape == res.outputs[port][0] and str(arr.dtype) == res.outputs[port][1]
    try:
        import torch
        import torch.nn.functional as F
    except ImportError:
        return
    ins, _ = torch_inputs(g, op, torch, F)
    ref = NODE_TYPES[type_id].compute(op, ins, lib=(torch, F))
    ref = ref if isinstance(ref, tuple) else (ref,)
    for arr, t in zip(state.outputs.values(), ref, strict=True):
        np.testing.assert_allclose(arr, t.detach().numpy(), rtol=1e-5, atol=1e-6)


def test_derivative_text_is_the_engines_rule_of_the_recorded_grad_fns():
    """One source: the inspector's derivative text is the engine formula's own rule text."""
    import graphstudio.engine as torch

    for nt in NODE_TYPES.values():
        for name in nt.grad_fns:
            assert torch.derivative_rule(name) in nt.derivative.replace("\n    ", "\n"), nt.type_id
        if not nt.grad_fns:
            assert nt.derivative == nt.gradient_note
    assert NODE_TYPES["mul"].derivative == torch.derivative_rule("MulBackward0")
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    assert (x * x).grad_fn.name() in NODE_TYPES["mul"].grad_fns  # the names are the recorded ones
    assert (x @ x).grad_fn.name() == "DotBackward0"  # matmul by rank: the run's grad_fn is shown
