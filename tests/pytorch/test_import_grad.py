"""Code import of ``torch.autograd.grad(..., create_graph=True)`` as a Grad node: the spellings
it reads, the numbers the imported graph gives, and the calls it refuses with their reason."""

import pytest

from graphstudio.pytorch.code_import import CodeImportError, graph_from_code
from graphstudio.pytorch.export import export_script
from graphstudio.run.runner import Runner

CUBE = "import torch\nx = torch.tensor(2.0, requires_grad=True)\ny = x ** 3\n"


def _values(graph):
    tl = Runner(graph).run()
    last = tl.state_at(len(tl) - 1)
    return {graph.nodes[nid].name: st for nid, st in last.items()}


@pytest.mark.parametrize("line", [
    "g = torch.autograd.grad(y, x, create_graph=True)[0]",
    "g, = torch.autograd.grad(y, x, create_graph=True)",
    "(g,) = torch.autograd.grad(outputs=[y], inputs=(x,), create_graph=True)",
    "g = torch.autograd.grad(y, [x], None, True, True)[0]",
])
def test_spellings_become_one_grad_node(line):
    g = graph_from_code(CUBE + line + "\ng2 = torch.autograd.grad(g, x, create_graph=True)[0]\n"
                        "g2.backward()\n")
    by = {n.name: n for n in g}
    assert by["g"].type == "grad" and by["g2"].type == "grad"
    ins = {p: g.nodes[e.src].name for p, e in g.incoming(by["g"].id).items()}
    assert ins == {"outputs": "y", "inputs": "x"}
    vals = _values(g)
    assert float(vals["g"].value) == 12.0 and float(vals["g2"].value) == 12.0
    assert float(vals["x"].grad) == 6.0


def test_from_import_and_nested_name():
    g = graph_from_code("from torch import autograd\nimport torch\n"
                        "x = torch.tensor([1.0, 2.0], requires_grad=True)\n"
                        "p = (autograd.grad((x * x).sum(), x, create_graph=True)[0] ** 2).sum()\n")
    assert [n.name for n in g if n.type == "grad"] == ["dxx_sum_dx"]
    assert "torch.autograd.grad(xx_sum, x, create_graph=True)[0]" in export_script(g)


@pytest.mark.parametrize("code, message", [
    ("g = torch.autograd.grad(y, x)[0]\n", "line 4: torch.autograd.grad needs create_graph=True"),
    ("g = torch.autograd.grad(y, x, create_graph=True)\n",
     r"line 4: torch.autograd.grad\(...\) returns a tuple: take its \[0\]"),
    ("g = torch.autograd.grad(y, [x, x], create_graph=True)[0]\n",
     "one tensor as inputs .got 2."),
    ("g = torch.autograd.grad(y, x, create_graph=True, allow_unused=True)[0]\n",
     "runs with allow_unused=False"),
    ("g = torch.autograd.grad(y, x, torch.ones(()), create_graph=True)[0]\n",
     "runs with grad_outputs=None"),
    ("g = torch.autograd.grad(y, create_graph=True)[0]\n", "missing inputs"),
    ("g = torch.autograd.grad(y, x, create_graph=True)[1]\n", r"returns a tuple: take its \[0\]"),
])
def test_refusals(code, message):
    with pytest.raises(CodeImportError, match=message):
        graph_from_code(CUBE + code)
