"""train, gradcheck, export, import from the shell: output, files, exit codes, one-line errors."""

import argparse
import os
from dataclasses import replace

import numpy as np
import pytest

from graphstudio.cli import dispatch
from graphstudio.cli import tool_commands as cli_tools
from graphstudio.files.gsgraph import load_graph
from graphstudio.graph.node_table import NODE_TYPES
from graphstudio.paths import example_path
from graphstudio.pytorch.code_import import graph_from_code
from graphstudio.pytorch.export import export_script
from graphstudio.run.training import TrainConfig, Trainer

MLP = example_path("mlp_classifier")
TUTORIAL = example_path("tutorial_single_layer")


def call(capsys, *argv):
    code = dispatch.run_command([str(a) for a in argv], cli_tools.COMMANDS)
    out, err = capsys.readouterr()
    return code, out, err


def one_line_error(err):
    assert err.startswith("graphstudio: ") and err.count("\n") == 1 and "Traceback" not in err


def test_train_writes_the_same_parameters_as_the_window(tmp_path, capsys):
    out = tmp_path / "trained.gsgraph"
    code, stdout, err = call(capsys, "train", MLP, "--steps", 60, "--lr", 0.05, "-o", out)
    assert code == 0, err
    assert err.startswith("\r[") and "] 60/60  loss " in err and err.endswith("\n")
    summary = stdout.splitlines()[0]
    assert summary.startswith("trained W1, b1, W2, b2 for 60 steps (adam, lr 0.05): loss 1.19441 ")
    first, last = (float(v) for v in summary.split("loss ")[1].split(" -> "))
    assert last < first
    trained = load_graph(out)
    window = Trainer(load_graph(MLP), TrainConfig(steps=60, lr=0.05))
    window.run()
    for nid, arr in window.current_params().items():
        assert trained.nodes[nid].tensor.init == "values"
        np.testing.assert_array_equal(trained.nodes[nid].tensor.values, arr)
    assert trained.node_by_name("X").tensor == load_graph(MLP).node_by_name("X").tensor


def test_train_options_and_refusals(tmp_path, capsys):
    code, stdout, err = call(capsys, "train", example_path("fan_out_accumulation"), "--steps",
                             3, "--optimizer", "sgd", "--momentum", 0.9, "--quiet",
                             "--no-zero-grad", "--loss", "loss")
    assert code == 0 and err == "" and "(sgd, lr 0.1)" in stdout
    for argv in (["train", tmp_path / "missing.gsgraph"],
                 ["train", MLP, "--optimizer", "lbfgs"],
                 ["train", MLP, "--lr", "-1"],
                 ["train", MLP, "--steps", "many"],
                 ["train", MLP, "--loss", "nope"],
                 ["train", example_path("jacobian_product")],
                 ["frobnicate"], []):
        code, _, err = call(capsys, *argv)
        assert code == 2, argv
        one_line_error(err)


def test_gradcheck_table_and_exit_codes(capsys, monkeypatch):
    code, out, err = call(capsys, "gradcheck", example_path("frozen_parameter"))
    assert code == 0 and not err
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["parameter", "shape", "max"]
    assert "skipped: frozen" in lines[1] and lines[2].startswith("b ") and "pass" in lines[2]
    assert lines[-1] == "1 parameter checked: all pass (1 skipped)"
    nt = NODE_TYPES["tanh"]
    monkeypatch.setitem(NODE_TYPES, "tanh", replace(
        nt, fn=lambda T, F, a, i: T.tanh(i["input"].detach()) + 0 * i["input"]))
    code, out, _ = call(capsys, "gradcheck", MLP)
    assert code == 1 and out.splitlines()[-1] == "2 of 4 checked parameters FAIL: W1, b1"
    code, _, err = call(capsys, "gradcheck", example_path("jacobian_product"), "--loss",
                        "squared")
    assert code == 1 and "set a gradient seed" in err
    one_line_error(err)
    code, _, err = call(capsys, "gradcheck", MLP, "--eps", "0")
    assert code == 2


def test_export_and_import(tmp_path, capsys):
    script = tmp_path / "tutorial.py"
    code, out, err = call(capsys, "export", TUTORIAL, "-o", script)
    assert code == 0 and out == "" and not err
    text = script.read_text(encoding="utf-8")
    assert text == export_script(load_graph(TUTORIAL))
    assert not list(tmp_path.glob(".~*"))  # the temp file is gone
    code, out, _ = call(capsys, "export", TUTORIAL, "--max-literal", 4)
    assert code == 0 and "values not shown" in out
    graph_file = tmp_path / "back.gsgraph"
    code, out, err = call(capsys, "import", script, "-o", graph_file)
    assert code == 0 and not err
    assert export_script(load_graph(graph_file)) == text
    code, out, _ = call(capsys, "import", script)
    assert code == 0 and '"format": "graphstudio-graph"' in out
    bad = tmp_path / "bad.py"
    bad.write_text("import torch\nx = torch.ones(3)\ny = torch.foo(x)\n", encoding="utf-8")
    code, _, err = call(capsys, "import", bad, "-o", graph_file)
    assert code == 2 and err.strip().endswith("bad.py: line 3: unsupported call torch.foo")
    one_line_error(err)
    assert export_script(load_graph(graph_file)) == text  # the old file is untouched
    (tmp_path / "latin.py").write_bytes(b"x = '\xe9'\n")
    for argv in (["import", tmp_path / "latin.py"], ["import", tmp_path / "none.py"],
                 ["export", tmp_path / "none.gsgraph"], ["export", bad]):
        code, _, err = call(capsys, *argv)
        assert code == 2, argv
        one_line_error(err)


def test_registers_on_the_main_parser_like_cli():
    """The lead wires add_subcommands into cli.py: check it works on a plain argparse parser."""
    parser = argparse.ArgumentParser(prog="graphstudio")
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("run")
    cli_tools.add_subcommands(sub)
    args = parser.parse_args(["export", str(TUTORIAL), "--max-literal", "3"])
    assert args.func is cli_tools.cmd_export and args.max_literal == 3
    args = parser.parse_args(["train", str(MLP), "--steps", "5", "--seed", "2"])
    assert (args.steps, args.seed, args.optimizer, args.output) == (5, 2, "adam", None)
    assert set(cli_tools.COMMANDS) == {"train", "gradcheck", "export", "import"}
    assert all(cmd is cli_tools.COMMANDS[name][1] for name, cmd in [
        ("train", cli_tools.cmd_train), ("import", cli_tools.cmd_import)])


def test_commands_called_directly(tmp_path, capsys):
    ns = argparse.Namespace(code=str(tmp_path / "c.py"), output=str(tmp_path / "c.gsgraph"))
    (tmp_path / "c.py").write_text("import torch\na = torch.ones(2, requires_grad=True)\n"
                                   "b = (a * a).sum()\nb.backward()\n", encoding="utf-8")
    assert cli_tools.cmd_import(ns) == 0
    assert load_graph(ns.output).run == graph_from_code((tmp_path / "c.py").read_text()).run
    ns = argparse.Namespace(file=ns.output, loss=None, eps=1e-6, atol=1e-5, rtol=1e-3)
    assert cli_tools.cmd_gradcheck(ns) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "1 parameter checked: all pass"
    ns = argparse.Namespace(file=ns.file, loss=None, optimizer="sgd", lr=0.1, momentum=0.0,
                            weight_decay=0.0, steps=3, no_zero_grad=False, seed=None,
                            output=None, quiet=True)
    assert cli_tools.cmd_train(ns) == 0
    assert "loss 2 -> " in capsys.readouterr().out  # sum(a*a) of ones


@pytest.mark.parametrize("steps", [0])
def test_zero_steps(capsys, steps):
    code, out, err = call(capsys, "train", TUTORIAL, "--steps", steps)
    assert code == 0 and out.startswith("trained w, b for 0 steps") and err == ""


@pytest.mark.parametrize("command", [["train", MLP, "--steps", 3], ["export", TUTORIAL]])
@pytest.mark.parametrize("where, reason", [("nowhere/out.x", "cannot write: no such folder"),
                                           (".", "a folder, not a regular file")])
def test_an_unwritable_output_is_refused_before_the_work(tmp_path, capsys, command, where,
                                                         reason):
    target = tmp_path / where
    code, out, err = call(capsys, *command, "-o", target)
    assert code == 2 and out == ""
    one_line_error(err)
    assert err == f"graphstudio: {target}: {reason}\n"


def test_export_keeps_the_umask_permissions(tmp_path, capsys):
    target = tmp_path / "script.py"
    umask = os.umask(0o022)
    try:
        assert call(capsys, "export", TUTORIAL, "-o", target)[0] == 0
    finally:
        os.umask(umask)
    assert os.stat(target).st_mode & 0o777 == 0o644


def test_import_in_a_fresh_process_leaves_the_engine_unloaded(tmp_path):
    """`graphstudio import` builds and saves a graph without ever loading the autograd engine
    (start-up time counts in the end-to-end figure of issue 15)."""
    import subprocess
    import sys

    code = tmp_path / "prog.py"
    code.write_text("import torch\nx = torch.ones(3)\nw = torch.randn(3, requires_grad=True)\n"
                    "loss = (x * w).sum()\nloss.backward()\n", encoding="utf-8")
    out = tmp_path / "out.gsgraph"
    probe = ("import sys\nfrom graphstudio.cli.dispatch import main\n"
             f"code = main(['import', {str(code)!r}, '-o', {str(out)!r}])\n"
             "print(code, sorted(m for m in sys.modules if m.startswith('graphstudio.engine')))\n")
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    env = dict(os.environ, PYTHONPATH=root)
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          env=env, check=True)
    assert done.stdout.strip() == "0 []"
    assert load_graph(out).edge_count > 0
