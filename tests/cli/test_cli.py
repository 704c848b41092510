"""The command line: run/check on every example, JSON, steps, exit codes, one-line errors."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from graphstudio import cli
from graphstudio.cli import dispatch
from graphstudio.paths import example_path, examples_dir

EXAMPLES = sorted(examples_dir().glob("*.gsgraph"))
ROOT = Path(__file__).resolve().parents[2]


def call(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_run_and_check_every_example(path, capsys):
    code, out, err = call(capsys, "check", path)
    assert code == 0 and out.strip().endswith(": ok") and not err
    code, out, err = call(capsys, "run", path)
    assert code == 0, err
    assert not err
    code, out, err = call(capsys, "run", path, "--json")
    assert code == 0
    assert json.loads(out)["nodes"]
    code, out, err = call(capsys, "run", path, "--steps")
    assert code == 0 and " backward " in out and "AccumulateGrad" in out


def test_run_prints_like_pytorch(capsys):
    code, out, _ = call(capsys, "run", example_path("tutorial_single_layer"))
    lines = out.splitlines()
    assert "z: tensor([-0.5214,  1.5953, -0.5861], grad_fn=<AddBackward0>)" in lines
    assert "loss: tensor(0.8962, grad_fn=<BinaryCrossEntropyWithLogitsBackward0>)" in lines
    assert "b.grad: tensor([0.1242, 0.2771, 0.1192])" in lines
    assert "w.grad: tensor([[0.1242, 0.2771, 0.1192]," in lines
    assert lines.index("b.grad: tensor([0.1242, 0.2771, 0.1192])") > lines.index(
        "loss: tensor(0.8962, grad_fn=<BinaryCrossEntropyWithLogitsBackward0>)")
    code, out, _ = call(capsys, "run", example_path("frozen_parameter"))
    assert "w.grad: None" in out.splitlines()


def test_json_shape(capsys):
    code, out, _ = call(capsys, "run", example_path("tutorial_single_layer"), "--json")
    nodes = json.loads(out)["nodes"]
    assert set(nodes) == {"x", "y", "w", "b", "xw", "z", "loss"}
    assert nodes["z"]["grad"] is None and nodes["z"]["grad_fn"] == "AddBackward0"
    assert nodes["x"]["grad"] is None and nodes["x"]["requires_grad"] is False
    assert nodes["b"]["grad"] == pytest.approx([0.1242, 0.2771, 0.1192], abs=1e-4)
    assert nodes["loss"]["value"] == pytest.approx(0.8962, abs=1e-4)
    assert set(nodes["w"]) == {"value", "grad", "grad_fn", "requires_grad"}


def test_json_with_nan_values_reads_back(capsys, tmp_path):
    """The graph writer refuses NaN; run --json must still print a NaN result (as NaN, which
    Python's json reads back), not fail."""
    from graphstudio.files.gsgraph import save_graph
    from graphstudio.graph.model import Graph, TensorSpec

    g = Graph()
    p = g.add_node("parameter", "p", tensor=TensorSpec.from_array([-1.0, 1.0]))
    log = g.add_node("log", "l")
    g.connect(p.id, "out", log.id, "input")
    total = g.add_node("sum", "s")
    g.connect(log.id, "out", total.id, "input")
    save_graph(g, tmp_path / "nan.gsgraph")
    code, out, _ = call(capsys, "run", tmp_path / "nan.gsgraph", "--json")
    nodes = json.loads(out)["nodes"]
    assert code == 0 and nodes["l"]["value"][1] == 0 and nodes["s"]["value"] != nodes["s"]["value"]


def test_run_options(capsys):
    path = example_path("tutorial_single_layer")
    code, out, err = call(capsys, "run", path, "--retain-grad", "z")
    assert code == 0 and "z.grad: tensor([0.1242, 0.2771, 0.1192])" in out
    code, out, err = call(capsys, "run", path, "--no-grad")
    assert code == 0 and "grad_fn" not in out and "w.grad: None" in out
    code, out, err = call(capsys, "run", path, "--loss", "z")
    assert code == 1 and "grad can be implicitly created only for scalar outputs" in err
    code, out, err = call(capsys, "run", path, "--loss", "nobody")
    assert code == 2 and err == "graphstudio: error: no node named 'nobody'\n"


def test_errors_are_one_line_exit_2(capsys, tmp_path):
    bad = tmp_path / "bad.gsgraph"
    bad.write_text('{"format": "graphstudio-graph", "version": 9}')
    cases = [
        (["run", tmp_path / "missing.gsgraph"], "cannot read the file"),
        (["check", bad], "made by a newer GraphStudio"),
        (["run"], "the following arguments are required: file"),
        (["run", bad, "--frobnicate"], "unrecognized arguments: --frobnicate"),
        (["--frobnicate"], "unrecognized arguments"),
        (["render", bad], "required: -o/--output"),
    ]
    for argv, message in cases:
        code, out, err = call(capsys, *argv)
        assert code == 2, argv
        assert err.count("\n") == 1 and message in err and "Traceback" not in err, err


def test_check_reports_node_problems(capsys, tmp_path):
    from graphstudio.files.gsgraph import save_graph
    from graphstudio.graph.model import Graph, TensorSpec

    g = Graph()
    x = g.add_node("input", tensor=TensorSpec("zeros", (5,)))
    w = g.add_node("parameter", tensor=TensorSpec("zeros", (4, 3)))
    mm = g.add_node("matmul")
    g.connect(x.id, "out", mm.id, "input")
    g.connect(w.id, "out", mm.id, "other")
    save_graph(g, tmp_path / "g.gsgraph")
    code, out, _ = call(capsys, "check", tmp_path / "g.gsgraph")
    assert code == 1
    assert "node 'matmul' (matmul): matmul: (5,) @ (4, 3): inner dimensions 5 and 4 differ" in out
    code, out, err = call(capsys, "run", tmp_path / "g.gsgraph")
    assert code == 1 and "matmul: error: matmul: (5,) @ (4, 3)" in out
    assert err.count("\n") == 1


def test_bare_file_opens_the_window(monkeypatch):
    seen = []
    monkeypatch.setattr(dispatch, "open_window", lambda paths: seen.append(paths) or 0)
    assert cli.main(["my.gsgraph"]) == 0
    assert cli.main([]) == 0
    assert seen == [["my.gsgraph"], []]


def test_render_dispatch(monkeypatch, capsys, tmp_path):
    render = pytest.importorskip("graphstudio.ui.render")
    calls = []
    monkeypatch.setattr(render, "render_file", lambda *a, **k: calls.append((a, k)))
    path = example_path("tutorial_single_layer")
    assert cli.main(["render", str(path), "-o", str(tmp_path / "o.png"), "--after",
                     "backward"]) == 0
    assert calls == [((str(path), str(tmp_path / "o.png")), {"after": "backward"})]


def test_entry_point_subprocess():
    proc = subprocess.run([sys.executable, "-m", "graphstudio", "run",
                           str(example_path("fan_out_accumulation"))],
                          capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "x.grad: tensor([5., 7., 9.])" in proc.stdout


def test_main_dispatches_the_tool_commands(capsys, tmp_path):
    path = example_path("tutorial_single_layer")
    code, out, err = call(capsys, "gradcheck", path)
    assert code == 0 and "2 parameters checked: all pass" in out, err
    script = tmp_path / "tutorial.py"
    code, out, err = call(capsys, "export", path, "-o", script)
    assert code == 0 and "loss.backward()" in script.read_text(), err
    code, out, err = call(capsys, "train", path, "--steps", "3", "-o", tmp_path / "t.gsgraph")
    assert code == 0 and (tmp_path / "t.gsgraph").exists(), err
    assert "train" in cli.build_parser().format_help()


def test_output_closed_early_stops_quietly():
    """`graphstudio run FILE | head -1`: no 'Broken pipe' message, no traceback."""
    proc = subprocess.Popen([sys.executable, "-m", "graphstudio", "run", "--steps",
                             str(example_path("mlp_classifier"))],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.wait(timeout=60)
    assert err == "" and proc.returncode in (0, 1)


def test_steps_are_numbered_from_one_like_the_steps_dock(capsys):
    code, out, _ = call(capsys, "run", example_path("fan_out_accumulation"), "--steps")
    lines = out.splitlines()
    assert code == 0 and lines[0].split()[:2] == ["1", "forward"]
    numbers = [int(w[0]) for w in map(str.split, lines) if w and w[0].isdigit()]
    assert numbers == list(range(1, len(numbers) + 1))
