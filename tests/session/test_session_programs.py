"""The tutorial's programs, as written, import to a graph plus its session, and
``graphstudio run`` and the exported script print what PyTorch 2.13 prints (object addresses
aside). The expected text in ``expected/`` was produced once by real torch; where torch is
installed the programs and the exported scripts are run with it too."""

from __future__ import annotations

import contextlib
import io
import re
import subprocess
import sys
from pathlib import Path

import pytest

from graphstudio import cli
from graphstudio.files.gsgraph import save_graph
from graphstudio.graph.session_actions import Backward, Forward, Print, ZeroGrad
from graphstudio.pytorch.code_import import CodeImportError, graph_from_code
from graphstudio.pytorch.export import export_script
from graphstudio.run.session import replay

HERE = Path(__file__).parent
PROGRAMS = ["jacobian_cells", "single_layer_cells"]
ADDRESS = re.compile(r" object at 0x[0-9a-f]+>")


def program(name: str) -> str:
    # program text (kept as .txt: it imports torch, which the suite must not need)
    return (HERE / "programs" / f"{name}.txt").read_text(encoding="utf-8")


def expected(name: str) -> str:
    return (HERE / "expected" / f"{name}.txt").read_text(encoding="utf-8")


def plain(text: str) -> str:
    return ADDRESS.sub(" object at 0x…>", text)


def cli_run(path) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = cli.main(["run", str(path)])
    return code, out.getvalue()


def torch_prints(script: Path) -> str:
    pytest.importorskip("torch")
    proc = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return plain(proc.stdout)


@pytest.mark.parametrize("name", PROGRAMS)
def test_import_then_run_prints_what_torch_prints(name, tmp_path):
    graph = graph_from_code(program(name))
    assert graph.run.get("session"), "the program needs a session"
    path = tmp_path / "g.gsgraph"
    save_graph(graph, path)
    code, out = cli_run(path)
    assert code == 0 and plain(out) == expected(name)


@pytest.mark.parametrize("name", PROGRAMS)
def test_export_prints_the_same_and_reads_back_the_same(name, tmp_path):
    script = export_script(graph_from_code(program(name)))
    again = graph_from_code(script)
    assert plain(replay(again).printed) == expected(name)
    assert export_script(again) == script
    path = tmp_path / f"{name}_export.py"
    path.write_text(script, encoding="utf-8")
    assert torch_prints(path) == expected(name)


@pytest.mark.parametrize("name", PROGRAMS)
def test_the_expected_text_is_what_torch_prints_for_the_program(name, tmp_path):
    path = tmp_path / f"{name}.py"
    path.write_text(program(name), encoding="utf-8")
    assert torch_prints(path) == expected(name)


def test_jacobian_session_is_the_cells_in_order():
    g = graph_from_code(program("jacobian_cells"))
    kinds = [type(a).__name__ for a in g.run["session"]]
    assert kinds == ["Forward", "Backward", "Print", "Backward", "Print", "ZeroGrad",
                     "Backward", "Print"]
    out = g.node_by_name("out").id
    assert all(a.node == out and a.retain_graph for a in g.run["session"]
               if isinstance(a, Backward))
    # the document's own run options still describe the first backward (Backward button)
    assert g.run["loss"] == out and g.run["retain_graph"] is True
    tl = replay(g).timeline
    assert [s.title for s in tl.sections] == ["forward", "backward #1", "backward #2",
                                              "zero_()", "backward #3"]
    inp = g.node_by_name("inp").id
    ends = [tl.node_state(inp, s.first + s.count - 1).grad for s in tl.sections[1:]]
    assert [float(e[0, 0]) for e in ends] == [4.0, 8.0, 0.0, 4.0]
    assert [float(e[0, 1]) for e in ends] == [2.0, 4.0, 0.0, 2.0]


def test_recomputation_reuses_the_nodes_and_no_grad_is_an_action():
    g = graph_from_code(program("single_layer_cells"))
    assert sorted(n.name for n in g) == ["b", "loss", "w", "x", "xw", "y", "z", "z_det"]
    forwards = [a for a in g.run["session"] if isinstance(a, Forward)]
    z, xw = g.node_by_name("z").id, g.node_by_name("xw").id
    assert [(set(a.nodes or ()) >= {z, xw}, a.no_grad) for a in forwards] == [
        (True, False), (True, False), (True, True), (True, False)]
    assert "no_grad" not in g.run  # only the recomputation ran without grad


def test_plain_programs_get_no_session():
    """One backward with its prints at the end (as an exported script) stays a plain document."""
    g = graph_from_code("import torch\nx = torch.ones(3, requires_grad=True)\n"
                        "loss = (x * x).sum()\nloss.backward()\nprint(x.grad)\n")
    assert "session" not in g.run
    g = graph_from_code("import torch\nx = torch.ones(3, requires_grad=True)\n"
                        "loss = (x * x).sum()\nprint(loss)\nloss.backward()\nprint(x.grad)\n")
    assert [type(a) for a in g.run["session"]] == [Forward, Print, Backward, Print]


@pytest.mark.parametrize("code, message", [
    ("import torch\nx = torch.ones(3, requires_grad=True)\ny = x * 2\n"
     "print(f'{y:.2f}')\ny.sum().backward()\n", "line 4: a format spec"),
    ("import torch\nx = torch.ones(3, requires_grad=True)\nprint(x.shape)\n",
     "line 3: print shows a name or its .grad"),
    ("import torch\nx = torch.ones(3, requires_grad=True)\nwith torch.no_grad():\n"
     "    y = x * 2\nz = x * 3\n", "line 3: torch.no_grad\\(\\) around only part"),
])
def test_what_cannot_be_mapped_is_still_refused_with_the_line(code, message):
    with pytest.raises(CodeImportError, match=message):
        graph_from_code(code)


def test_a_second_backward_without_retain_graph_fails_as_in_torch(tmp_path):
    g = graph_from_code("import torch\nx = torch.ones(3, requires_grad=True)\n"
                        "loss = (x * x).sum()\nloss.backward()\nloss.backward()\n")
    result = replay(g)
    assert result.error.startswith("action 3 (loss.backward()): loss.backward(): Trying to "
                                   "backward through the graph a second time")
    path = tmp_path / "g.gsgraph"
    save_graph(g, path)
    code, _ = cli_run(path)
    assert code == 1


def test_zero_of_a_grad_that_is_none_fails_as_in_torch():
    g = graph_from_code("import torch\nx = torch.ones(3, requires_grad=True)\n"
                        "y = x * 2\nx.grad.zero_()\n")
    assert isinstance(g.run["session"][-1], ZeroGrad)
    assert replay(g).error.endswith("'NoneType' object has no attribute 'zero_'")
