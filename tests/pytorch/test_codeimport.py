"""Graphs from PyTorch-style code: the tutorial, round trips, the supported subset, refusals."""

import contextlib
import io

import numpy as np
import pytest

from graphstudio import cli
from graphstudio.files.gsgraph import load_graph, save_graph
from graphstudio.graph.literals import tensor_literal
from graphstudio.paths import example_path, examples_dir
from graphstudio.pytorch.code_import import CodeImportError, graph_from_code
from graphstudio.pytorch.export import export_script
from graphstudio.run.runner import Runner

EXAMPLES = sorted(examples_dir().glob("*.gsgraph"))


def run_output(graph, tmp_path) -> str:
    path = tmp_path / "g.gsgraph"
    save_graph(graph, path)
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf), contextlib.redirect_stderr(io.StringIO()):
        cli.main(["run", str(path)])
    return buf.getvalue()


def tutorial_text() -> str:
    ex = load_graph(example_path("tutorial_single_layer"))
    w, b = (tensor_literal(ex.node_by_name(n).tensor.values) for n in ("w", "b"))
    return f"""import torch

x = torch.ones(5)  # input tensor
y = torch.zeros(3)  # expected output
w = torch.tensor({w}, requires_grad=True)
b = torch.tensor({b}, requires_grad=True)
z = torch.matmul(x, w)+b
loss = torch.nn.functional.binary_cross_entropy_with_logits(z, y)
loss.backward()
print(w.grad)
print(b.grad)
"""


def test_tutorial_text_runs_like_the_tutorial_example(tmp_path):
    g = graph_from_code(tutorial_text())
    assert [(n.name, n.type) for n in g] == [
        ("x", "input"), ("w", "parameter"), ("xw", "matmul"), ("b", "parameter"),
        ("z", "add"), ("y", "input"), ("loss", "bce_with_logits")]
    assert g.run == {"loss": g.node_by_name("loss").id}
    want = run_output(load_graph(example_path("tutorial_single_layer")), tmp_path)
    assert run_output(g, tmp_path) == want
    for e in g.edges:  # laid out left to right
        assert g.nodes[e.src].pos[0] < g.nodes[e.dst].pos[0]
    assert len({n.pos for n in g}) == len(g)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_export_import_export_is_stable(path, tmp_path):
    graph = load_graph(path)
    script = export_script(graph)
    again = graph_from_code(script)
    assert export_script(again) == script
    assert [(n.name, n.type, n.attrs) for n in again] == [(n.name, n.type, n.attrs)
                                                           for n in graph]
    assert again.meta == graph.meta
    assert run_output(again, tmp_path) == run_output(graph, tmp_path)


def test_the_supported_subset():
    code = '''
import torch
from torch.nn import functional as fn
torch.manual_seed(4)
a = torch.randn(2, 3) * 0.5
p = torch.arange(0.0, 6.0).reshape(2, 3).requires_grad_()
q = torch.full((3,), 2.0, dtype=torch.float64, requires_grad=True)
e = torch.eye(3)
k = torch.tensor([[1, 2, 3]])
two = 2
h = fn.relu(a * p + 1).pow(2)
v, i = h.max(dim=1)
m = h.max(1)[0] + h.max(1).values
t = h.T @ torch.ones(2) + h.t().sum(1)
s = torch.clamp(t, min=0) - q.double()
loss = (s.sum() + v.mean() * two + m.sum() - torch.cat([s, s])[0:1].sum() * 0)
'''
    with pytest.raises(CodeImportError, match=r"line 15: unsupported method \.double\(\)"):
        graph_from_code(code)
    code = code.replace(" - q.double()", "")
    with pytest.raises(CodeImportError, match="line 16: indexing tensors is not supported"):
        graph_from_code(code)
    code = code.replace("torch.cat([s, s])[0:1].sum() * 0", "torch.cat([s, s]).sum() * 0") + (
        "out = loss\nloss.backward()\nt.retain_grad()\nprint(loss)\n")
    g = graph_from_code(code)
    by = {n.name: n for n in g}
    assert by["a"].type == "input" and by["a"].tensor.init == "randn"
    assert (by["a"].tensor.seed, by["a"].tensor.fill) == (4, 0.5)
    assert by["p"].type == "parameter" and by["p"].tensor.shape == (2, 3)
    assert by["q"].tensor.dtype == "float64" and by["q"].tensor.init == "full"
    assert by["e"].tensor.init == "eye" and by["k"].tensor.dtype == "int64"
    assert by["two"].type == "constant" and by["v"].type == "max_dim"
    assert by["s"].type == "clamp" and by["s"].attrs == {"min": 0.0, "max": None}
    assert by["out"].type == "output" and g.run["loss"] == by["loss"].id
    assert g.run["retain_grad"] == (by["t"].id,)
    names = {n.name for n in g}
    assert {"ap", "ap_plus_1", "ap_plus_1_relu", "h_max", "h_max1", "ones", "h_t"} <= names
    assert by["h"].type == "pow" and by["ones"].tensor.shape == (2,)
    assert [n.name for n in g][:5] == ["q", "e", "k", "a", "p"]  # unused ones stay in place
    timeline = Runner(g).run()
    assert timeline.error is None and not timeline.node_errors and timeline.has_backward


def test_no_grad_seed_and_docstring():
    g = graph_from_code('''"""My graph

Two lines of
notes.
"""
import torch
import torch.nn.functional as F
with torch.no_grad():
    x = torch.ones(2, 3, requires_grad=True)
    y = F.softmax(x, dim=1)
''')
    assert g.run == {"no_grad": True}
    assert g.meta == {"title": "My graph", "notes": "Two lines of notes."}
    g = graph_from_code("import torch\nx = torch.ones(2, 3, requires_grad=True)\n"
                        "out = (x * x).t()\nout.backward(torch.ones_like(out), "
                        "retain_graph=True)\n")
    assert g.run["gradient"].shape == (3, 2) and g.run["retain_graph"] is True
    assert [n.name for n in g] == ["x", "xx", "out"]


def test_names_avoid_the_codes_own_variables():
    g = graph_from_code("import torch\nx = torch.ones(3)\nw = torch.ones(3)\n"
                        "z = x * w + 1\nxw = z.sum()\nz = z * 2\n")
    assert [n.name for n in g] == ["x", "w", "xw1", "one", "z", "xw", "two", "z1"]


@pytest.mark.parametrize("code, message", [
    ("import torch\nx = torch.foo(3)\n", "line 2: unsupported call torch.foo"),
    ("import torch\nx = torch.ones(3)\nfor i in range(3):\n    x = x + 1\n",
     "line 3: unsupported statement: a for loop"),
    ("import torch\ny = x + 1\n", "line 2: unknown name 'x'"),
    ("import torch\nx = torch.ones(3\n", "line 2: syntax error"),
    ("import numpy\n", "line 1: unsupported import numpy"),
    ("import torch\nx = torch.ones(3)\nwith torch.no_grad():\n    y = x * 2\nz = x + y\n",
     "line 3: torch.no_grad.. around only part of the forward"),
    ("import torch\nx = torch.ones(3)\nw = torch.ones(4, 2)\nz = torch.matmul(x, w)\n",
     "line 4: z: matmul: "),
    ("import torch\nx = torch.ones(3)\nx[0] = 1\n", "line 3: only assignments to a name"),
    ("import torch\nx = torch.ones(3, requires_grad=True)\nx.sum().backward()\n"
     "x.sum().backward()\n", "line 4: a second backward"),
    ("import torch\nx = torch.tensor([[1.0], [2.0, 3.0]])\n", "line 2: .*rectangular"),
    ("import torch\nx = torch.tensor([1, 2], requires_grad=True)\n", "floating point"),
    ("import torch\nx = torch.ones(3)\nx.requires_grad_()\n", "line 3: call .requires_grad_"),
    ("import torch\nx = torch.ones(3)\nx = x.add(1, alpha=2)\n", "line 3: .add.*alpha="),
    ("import torch\nopt = torch.optim.SGD([], lr=0.1)\n", "unsupported call torch.optim.SGD"),
    ("import torch\nx = torch.ones(3)\nm = x.max(dim=0)\ny = m + 1\n",
     r"line 4: m is a \(values, indices\) pair"),
])
def test_refusals_name_the_line(code, message):
    with pytest.raises(CodeImportError, match=message):
        graph_from_code(code)


def test_never_runs_the_text(tmp_path):
    marker = tmp_path / "ran"
    code = f"import torch\nx = __import__('os').system('touch {marker}')\n"
    with pytest.raises(CodeImportError, match="line 2: unsupported"):
        graph_from_code(code)
    with pytest.raises(CodeImportError, match="unsupported statement"):
        graph_from_code(f"def f():\n    open({str(marker)!r}, 'w')\nf()\n")
    assert not marker.exists()
    values = graph_from_code("import torch\nx = torch.tensor([1e300, float('inf')], "
                             "dtype=torch.float64)\n").node_by_name("x").tensor.values
    np.testing.assert_array_equal(values, [1e300, np.inf])


def test_a_snippet_without_import_lines_reads_torch_F_and_nn_as_usual():
    """``x = torch.ones(5)`` alone said "line 1: unsupported method .ones()"."""
    g = graph_from_code("x = torch.ones(5, requires_grad=True)\ny = F.relu(x)\n"
                        "z = torch.nn.functional.sigmoid(y)\nw = nn.functional.tanh(z)\n"
                        "loss = w.sum()\nloss.backward()\n")
    assert [(n.name, n.type) for n in g] == [("x", "parameter"), ("y", "relu"),
                                             ("z", "sigmoid"), ("w", "tanh"), ("loss", "sum")]
    assert g.run["loss"] == g.node_by_name("loss").id
    assert graph_from_code("x = torch.ones(5)").node_by_name("x").tensor.shape == (5,)


def test_an_aliased_torch_import_is_followed_and_variables_shadow_the_usual_names():
    g = graph_from_code("import torch as t\nimport torch.nn.functional as fn\n"
                        "x = t.randn(3)\ny = fn.relu(x)\nz = t.sigmoid(y)\n")
    assert [n.type for n in g] == ["input", "relu", "sigmoid"]
    g = graph_from_code("F = torch.ones(3)\ny = F.relu()\n")  # F is a tensor here
    assert [(n.name, n.type) for n in g] == [("F_", "input"), ("y", "relu")]
    with pytest.raises(CodeImportError, match="line 1: unsupported"):
        graph_from_code("x = np.ones(3)\n")
