"""The session part of a .gsgraph file (format version 2): saved and read back
exactly, version-1 files migrated, bad entries refused naming where, deleted nodes left out."""

from __future__ import annotations

import json

import pytest

from graphstudio.files.gsgraph import GraphFileError, graph_from_json, graph_to_json
from graphstudio.paths import example_path
from graphstudio.pytorch.code_import import graph_from_code
from graphstudio.run.session import replay

JACOBIAN = ("import torch\ninp = torch.eye(4, 5, requires_grad=True)\nout = (inp+1).pow(2).t()\n"
            "out.backward(torch.ones_like(out), retain_graph=True)\nprint(f'a\\n{inp.grad!r}', "
            "sep='-', end='')\ninp.grad.zero_()\nout.backward(torch.ones_like(out), "
            "retain_graph=True)\nprint(inp.grad)\n")


def test_a_session_round_trips_to_identical_text():
    g = graph_from_code(JACOBIAN)
    text = graph_to_json(g)
    again = graph_from_json(text)
    assert again.run["session"] == g.run["session"]
    assert graph_to_json(again) == text
    assert replay(again).printed == replay(g).printed


def test_a_version_1_file_is_migrated():
    doc = json.loads(example_path("jacobian_product").read_text())
    doc["version"] = 1
    del doc["session"]
    doc["run"]["session"] = {"another tool": True}  # version 1 kept unknown run keys as they were
    g = graph_from_json(json.dumps(doc))
    assert "session" not in g.run and g.run["retain_graph"] is True
    assert json.loads(graph_to_json(g))["version"] == 2


@pytest.mark.parametrize("session, where", [
    ([{"action": "jump"}], "session[0]: unknown action 'jump'"),
    ([{"action": "backward"}], "session[0]: missing field 'node'"),
    ([{"action": "zero_grad", "node": "n99"}], 'session[0].node: unknown node "n99"'),
    ([{"action": "forward", "no_grad": "yes"}], "session[0].no_grad: expected true or false"),
    ([{"action": "print", "args": [[{"node": "n1", "attr": "shape"}]]}],
     "session[0].args: unknown attr 'shape'"),
    ([{"action": "backward", "node": "n6", "gradient": {"init": "ones", "shape": [5],
                                                         "dtype": "complex"}}],
     "session[0].gradient.dtype: unsupported dtype"),
    ({"action": "forward"}, "session: expected a list"),
])
def test_bad_sessions_are_refused_naming_where(session, where):
    doc = json.loads(example_path("jacobian_product").read_text())
    doc["session"] = session
    with pytest.raises(GraphFileError) as info:
        graph_from_json(json.dumps(doc), "j.gsgraph")
    assert where in str(info.value)


def test_saving_leaves_out_actions_on_deleted_nodes():
    g = graph_from_code(JACOBIAN)
    g.remove_node(g.node_by_name("inp").id)
    doc = json.loads(graph_to_json(g))
    assert [a["action"] for a in doc["session"]] == ["forward", "backward", "backward"]
    graph_from_json(json.dumps(doc))  # loads


def test_an_empty_session_is_not_written():
    g = graph_from_code(JACOBIAN)
    g.set_run_option("session", None)
    assert "session" not in json.loads(graph_to_json(g))
