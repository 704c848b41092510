"""``graphstudio import`` run as its own process ends as soon as its output is flushed
(:func:`graphstudio.cli.common.exit_now`): nothing it writes may be lost, exit codes stay, and
the same command run inside another program returns normally."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from graphstudio.cli.dispatch import main
from graphstudio.files.gsgraph import graph_to_json
from graphstudio.pytorch.code_import import graph_from_code, graph_from_tree
from graphstudio.pytorch.import_source import parse_code

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PROGRAM = ("import torch\nx = torch.ones(3)\nw = torch.randn(3, requires_grad=True)\n"
           + "".join(f"h{i} = torch.tanh(x * w + {i})\n" for i in range(400))
           + "loss = (h399 * w).sum()\nloss.backward()\n")
SMALL = "import torch\nx = torch.ones(3)\ny = (x * 2).sum()\n"


def _cli(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=ROOT)
    env.pop("PYTHONUNBUFFERED", None)  # stdout to a pipe buffered, as usual
    return subprocess.run([sys.executable, "-m", "graphstudio", *args], capture_output=True,
                          env=env, timeout=120)


@pytest.mark.parametrize("program", [SMALL, PROGRAM], ids=["buffered", "beyond-buffers"])
def test_the_whole_json_reaches_a_pipe_before_the_process_ends(tmp_path, program):
    code = tmp_path / "prog.py"
    code.write_text(program, encoding="utf-8")
    done = _cli("import", str(code))
    expected = graph_to_json(graph_from_code(program))
    # a small graph's text waits in stdout's buffer until flushed; a big one passes through
    assert len(expected) < 8192 if program is SMALL else len(expected) > 100_000
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode("utf-8") == expected
    assert done.stderr == b""


def test_the_file_is_whole_and_refusals_keep_their_exit_code(tmp_path):
    code, out = tmp_path / "prog.py", tmp_path / "out.gsgraph"
    code.write_text(PROGRAM, encoding="utf-8")
    done = _cli("import", str(code), "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert out.read_text(encoding="utf-8") == graph_to_json(graph_from_code(PROGRAM))
    bad = tmp_path / "bad.py"
    bad.write_text("import torch\ny = q + 1\n", encoding="utf-8")
    done = _cli("import", str(bad), "-o", str(tmp_path / "never.gsgraph"))
    assert done.returncode == 2
    assert done.stderr.decode().strip().endswith("line 2: unknown name 'q'")
    assert not (tmp_path / "never.gsgraph").exists()


def test_inside_another_program_the_command_returns(tmp_path, capsys):
    code, out = tmp_path / "prog.py", tmp_path / "out.gsgraph"
    code.write_text(PROGRAM, encoding="utf-8")
    assert main(["import", str(code), "-o", str(out)]) == 0  # this test process goes on
    assert main(["import", str(code)]) == 0
    assert capsys.readouterr().out == out.read_text(encoding="utf-8")


def test_a_tree_read_first_gives_the_graph_the_text_gives():
    tree = parse_code(PROGRAM)
    assert graph_to_json(graph_from_tree(tree)) == graph_to_json(graph_from_code(PROGRAM))
    assert graph_to_json(graph_from_tree(tree)) == graph_to_json(graph_from_code(PROGRAM))
