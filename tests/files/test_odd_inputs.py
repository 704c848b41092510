"""Odd inputs answered at once: pipes and devices, over-limit files and programs, names Python
reads as one, control characters in titles, huge numbers in messages, diverging training."""

import ast
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from graphstudio import cli
from graphstudio.files.gsgraph import GraphFileError, graph_from_json, load_graph, save_graph
from graphstudio.files.regular_file import NotRegularFileError, open_regular
from graphstudio.graph.limits import MAX_NODES, brief, shown
from graphstudio.graph.model import Graph, GraphError
from graphstudio.paths import example_path
from graphstudio.pytorch.code_import import CodeImportError, graph_from_code
from graphstudio.pytorch.export import export_script

ROOT = Path(__file__).resolve().parents[2]
fifo_only = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")


def call(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


# ---------------------------------------------------------------- only regular files
@fifo_only
def test_a_fifo_is_refused_at_once_with_one_line(tmp_path, capsys):
    fifo = tmp_path / "f.gsgraph"
    os.mkfifo(fifo)
    started = time.monotonic()
    for argv in (("run", fifo), ("check", fifo), ("export", fifo)):
        code, out, err = call(capsys, *argv)
        assert code == 2 and not out
        assert err.count("\n") == 1 and "named pipe (FIFO), not a regular file" in err
    code, _, err = call(capsys, "import", fifo)
    assert code == 2 and "named pipe" in err and err.count("\n") == 1
    assert time.monotonic() - started < 10  # nothing waited for a writer
    with pytest.raises(GraphFileError, match="named pipe"):
        load_graph(fifo)


def test_devices_folders_and_sockets_are_not_regular_files(tmp_path):
    with pytest.raises(NotRegularFileError, match="character device"):
        open_regular(os.devnull)
    with pytest.raises(NotRegularFileError, match="a folder"):
        open_regular(tmp_path)
    if hasattr(socket, "AF_UNIX"):
        path = tmp_path / "s.gsgraph"
        with socket.socket(socket.AF_UNIX) as s:
            s.bind(str(path))
            with pytest.raises(GraphFileError, match="a socket, not a regular file"):
                load_graph(path)
    good = tmp_path / "g.gsgraph"
    good.write_bytes(b"abc")
    with open_regular(good) as f:
        assert f.read() == b"abc"


# ---------------------------------------------------------------- limits checked early
def test_an_over_limit_node_count_is_refused_while_parsing():
    nodes = ",".join(f'{{"id":"n{i}","type":"constant","name":"c{i}"}}'
                     for i in range(1, MAX_NODES + 3))
    text = f'{{"format":"graphstudio-graph","version":1,"nodes":[{nodes}],"edges":[]}}'
    with pytest.raises(GraphFileError, match=f"nodes: more nodes than the limit of {MAX_NODES:,}"):
        graph_from_json(text)


def test_import_refuses_programs_past_the_node_limit_before_building():
    src = "import torch\nx = torch.ones(2)\n" + "y = x * 2\n" * (MAX_NODES + 1)
    started = time.monotonic()
    with pytest.raises(CodeImportError, match="at least 100,002 nodes, more than the limit"):
        graph_from_code(src)
    assert time.monotonic() - started < 30  # parsing only: no 100,000 nodes were built


def test_import_names_many_nodes_in_linear_time():
    """Every ``h = torch.tanh(h)`` needs a fresh name h1, h2, ...: found without re-trying."""
    n = 3000
    src = "import torch\nx = torch.ones(3)\nh = x\n" + "h = torch.tanh(h)\n" * n
    g = graph_from_code(src)
    names = {node.name for node in g}
    assert {f"h{i}" for i in range(1, n)} <= names and len(g) == n + 2


# ---------------------------------------------------------------- names Python reads as one
def test_names_equal_under_nfkc_are_refused_when_typed():
    g = Graph()
    x = g.add_node("parameter", "x")
    other = g.add_node("parameter", "y")
    problem = g.name_problem("\uff58", other.id)  # fullwidth x
    assert problem == "'\uff58' (U+FF58) is the same Python name as 'x', another node's name"
    with pytest.raises(GraphError, match="same Python name"):
        g.rename_node(other.id, "\uff58")
    with pytest.raises(GraphError, match="same Python name"):
        g.add_node("parameter", "\uff58")
    assert g.name_problem("\uff58", x.id) is None  # its own name, written differently
    assert "reserved" in g.name_problem("\uff54\uff4f\uff52\uff43\uff48")  # fullwidth torch
    assert "reserved" in g.name_problem("\uff49\uff46")  # fullwidth if: Python reads `if`
    assert g.unique_name("\uff58") == "x1"
    assert g.node_by_name("\uff58") is None and g.node_by_name("x") is x


def test_look_alike_names_are_told_apart_by_their_code_points():
    g = Graph()
    g.add_node("parameter", "caf\u00e9")  # composed é
    problem = g.name_problem("cafe\u0301")  # e and a combining acute: the same on screen
    assert problem == ("'cafe\u0301' (U+0063 U+0061 U+0066 U+0065 U+0301) is the same Python "
                       "name as 'caf\u00e9' (U+0063 U+0061 U+0066 U+00E9), another node's name")


def test_names_equal_under_nfkc_are_refused_when_loaded():
    doc = {"format": "graphstudio-graph", "version": 1, "edges": [],
           "nodes": [{"id": "n1", "type": "constant", "name": "x"},
                     {"id": "n2", "type": "constant", "name": "\uff58"}]}
    with pytest.raises(GraphFileError, match="same Python name as 'x'"):
        graph_from_json(json.dumps(doc))


def test_pasted_and_imported_names_stay_distinct_for_python():
    from PySide6.QtGui import QUndoStack

    from graphstudio.ui.canvas.clipboard import make_payload
    from graphstudio.ui.commands import PasteCommand, try_push

    g = Graph()
    g.add_node("constant", "x")
    source = Graph()
    n = source.add_node("constant", "\uff58")
    assert try_push(QUndoStack(), PasteCommand(g, make_payload(source, [n.id]))) is None
    assert sorted(node.name for node in g) == ["x", "x1"]
    # Python reads both spellings as one variable, and so does the importer
    g = graph_from_code("import torch\n\uff58 = torch.ones(2)\ny = x * 2\n")
    script = export_script(g)
    assert {node.name for node in g} >= {"x", "y"}
    ast.parse(script)


# ---------------------------------------------------------------- control characters
def test_control_characters_in_title_and_notes_export_and_round_trip(tmp_path):
    g = Graph()
    g.add_node("parameter", "w")
    title = "nul\x00 bell\x07 esc\x1b[31m cr\r tab\t del\x7f lone\ud800"
    g.set_meta("title", title)
    g.set_meta("notes", "first\x00 para\n\nsecond \x1b para")
    path = tmp_path / "c.gsgraph"
    save_graph(g, path)
    assert load_graph(path).meta == g.meta
    script = export_script(g)
    script.encode("utf-8")  # no lone surrogate reaches the script
    tree = ast.parse(script)
    assert ast.get_docstring(tree, clean=False).startswith(title)
    back = graph_from_code(script)
    assert back.meta["title"] == " ".join(title.split())


# ---------------------------------------------------------------- one-line messages
def test_huge_numbers_in_messages_are_shortened():
    big = "9" * 4000
    version = f'{{"format":"graphstudio-graph","version":{big},"nodes":[],"edges":[]}}'
    with pytest.raises(GraphFileError) as info:
        graph_from_json(version)
    assert "format version a 4,000-digit number;" in str(info.value)
    shape = ('{"format":"graphstudio-graph","version":1,"edges":[],"nodes":[{"id":"n1",'
             '"type":"input","name":"x","tensor":{"dtype":"float32","shape":[-%s],"data":[]}}]}')
    with pytest.raises(GraphFileError) as info:
        graph_from_json(shape % ("9" * 4200))
    assert str(info.value).endswith("negative size in shape [a 4,200-digit negative number]")
    with pytest.raises(GraphFileError) as info:  # beyond what Python turns into a number
        graph_from_json(shape % ("9" * 5000))
    assert "value has 5000 digits" in str(info.value) and len(str(info.value)) < 300
    assert shown(-10 ** 50) == "a 51-digit negative number" and shown(2 ** 63) == repr(2 ** 63)
    assert brief("x" * 1000).endswith("\u2026") and len(brief("x" * 1000)) == 300
    assert brief("a\x00b\nc") == "a\\x00b\\nc"


def test_long_quoted_values_keep_the_cli_line_short(tmp_path, capsys):
    path = tmp_path / "g.gsgraph"
    path.write_text(json.dumps({"format": "x" * 100_000, "version": 1}), encoding="utf-8")
    code, out, err = call(capsys, "run", path)
    assert code == 2 and err.count("\n") == 1 and len(err) < 600


def test_diverging_training_says_so_in_one_line_without_numpy_warnings(tmp_path):
    base = [sys.executable, "-m", "graphstudio", "train",
            str(example_path("tutorial_single_layer")), "--lr", "1e308", "--steps", "5",
            "--quiet"]
    proc = subprocess.run(base, capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 1
    assert proc.stderr.splitlines() == [
        "graphstudio: training diverged: the loss became nan at step 2; stopped there "
        "(adam, lr 1e+308)"]
    proc = subprocess.run(base + ["--keep-going"], capture_output=True, text=True, cwd=ROOT,
                          timeout=120)
    assert proc.returncode == 1 and "RuntimeWarning" not in proc.stderr
    assert "for 5 steps" in proc.stdout
    assert proc.stderr.splitlines() == [
        "graphstudio: training diverged: the loss became nan at step 2 (adam, lr 1e+308)"]


def test_a_long_program_past_the_node_limit_is_refused_without_parsing_it_whole(monkeypatch):
    from graphstudio.pytorch import import_source

    parsed = []
    real_parse = import_source.ast.parse
    monkeypatch.setattr(import_source.ast, "parse",
                        lambda text, *a, **k: parsed.append(len(text)) or real_parse(text))
    src = "import torch\nx = torch.ones(2)\n" + "y = x * 2\n" * (3 * MAX_NODES)
    with pytest.raises(CodeImportError, match="the code would make at least 1[0-9,]+ nodes, "
                                              "more than the limit of 100,000 in a graph"):
        graph_from_code(src)
    assert parsed and max(parsed) < len(src) // 2  # slices, never the whole text


@pytest.mark.parametrize("wrapper", ['s = """\n{body}"""\n', "t = torch.tensor([\n{body}])\n"])
def test_a_long_program_that_fits_is_never_refused(wrapper):
    """Statement-like lines inside a string, and a literal longer than the node limit in lines,
    spanning slice edges: the slices do not parse alone, the whole text does and fits."""
    body = ("x = 1\n" if "s =" in wrapper else "1.0,\n") * (MAX_NODES + 5)
    src = "import torch\nx = torch.ones(2)\n" + wrapper.format(body=body) + "y = x * 2\n"
    if "s =" in wrapper:
        src = src.replace('s = """', 'y0 = x * 3\n"""')  # a bare string statement: no node
    g = graph_from_code(src)
    assert 0 < len(g) < 10  # built: x, the products and their constants
