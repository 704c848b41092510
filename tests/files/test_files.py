""".gsgraph files: round trips, every kind of bad file, atomic saves, migrations, fuzzing."""

import copy
import json
import os
import random
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graphstudio.files import gsgraph as files
from graphstudio.files.gsgraph import (
    GraphFileError,
    graph_from_json,
    graph_to_json,
    load_graph,
    save_graph,
)
from graphstudio.graph import limits
from graphstudio.graph.model import Graph, GraphError, TensorSpec
from graphstudio.graph.node_table import NODE_TYPES
from graphstudio.paths import examples_dir

EXAMPLES = sorted(examples_dir().glob("*.gsgraph"))


def model(g: Graph):
    return ([(n.id, n.type, n.name, n.pos, n.attrs, n.tensor) for n in g],
            [str(e) for e in g.edges], g.meta, g.run)


# ------------------------------------------------------------------ round trips
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_examples_round_trip_to_identical_bytes(path, tmp_path):
    g = load_graph(path)
    out = tmp_path / path.name
    save_graph(g, out)
    assert out.read_bytes() == path.read_bytes()
    assert model(load_graph(out)) == model(g)


_FLOAT32 = st.floats(-1e6, 1e6, allow_nan=False, width=32)
_SIMPLE = ["relu", "add", "mul", "sum", "matmul", "sigmoid", "detach", "output", "constant",
           "mse_loss", "reshape", "clamp", "max_dim", "cross_entropy"]


@st.composite
def tensor_specs(draw):
    shape = tuple(draw(st.lists(st.integers(0, 3), max_size=3)))
    kind = draw(st.sampled_from(["values", "values", "zeros", "full", "eye", "arange", "randn",
                                 "rand"]))
    if kind == "values":
        dtype = draw(st.sampled_from(["float32", "float32", "float64", "int64", "bool"]))
        n = int(np.prod(shape))
        elems = {"float32": _FLOAT32, "float64": st.floats(allow_nan=False, allow_infinity=False),
                 "int64": st.integers(-2**63, 2**63 - 1), "bool": st.booleans()}[dtype]
        vals = draw(st.lists(elems, min_size=n, max_size=n))
        return TensorSpec.from_array(np.array(vals, dtype=dtype).reshape(shape), dtype)
    if kind == "eye":
        shape = (draw(st.integers(0, 4)), draw(st.integers(0, 4)))
    fill = draw(st.none() | st.floats(-10, 10, allow_nan=False)) if kind != "zeros" else None
    step = draw(st.floats(0.1, 3)) if kind == "arange" else None
    seed = draw(st.integers(0, 2**32)) if kind in ("rand", "randn") else None
    if kind == "full" and fill is None:
        fill = 0.0
    if kind == "arange" and fill is None:
        fill = 0.0
    return TensorSpec(kind, shape, draw(st.sampled_from(["float32", "float64"])), seed=seed,
                      fill=fill, step=step)


@st.composite
def graphs(draw):
    g = Graph()
    for _ in range(draw(st.integers(0, 10))):
        t = draw(st.sampled_from(["input", "parameter", *_SIMPLE]))
        pos = (draw(st.floats(-5000, 5000)), draw(st.integers(-5000, 5000)))
        tensor = draw(tensor_specs()) if NODE_TYPES[t].has_tensor else None
        attrs = {}
        if t == "constant":
            attrs["value"] = draw(st.floats(-1e9, 1e9))
        if t == "parameter":
            attrs["requires_grad"] = draw(st.booleans())
        if t == "sum":
            attrs["dim"] = draw(st.none() | st.lists(st.integers(-3, 3), max_size=2))
        name = draw(st.none() | st.from_regex(r"[a-zA-Zé_][a-zA-Z0-9_]{0,6}", fullmatch=True))
        try:
            g.add_node(t, name, pos, attrs, tensor)
        except GraphError:
            g.add_node(t, None, pos, attrs, tensor)
    ids = list(g.nodes)
    for _ in range(draw(st.integers(0, 12)) if ids else 0):
        a, b = draw(st.sampled_from(ids)), draw(st.sampled_from(ids))
        outs = NODE_TYPES[g.nodes[a].type].output_names
        ins = NODE_TYPES[g.nodes[b].type].input_names
        if outs and ins:
            port = draw(st.sampled_from(ins))
            if g.connection_problem(a, outs[0], b, port) is None:
                g.connect(a, outs[0], b, port)
    g.set_meta("title", draw(st.text(max_size=20)))
    if ids:
        g.set_run_option("loss", draw(st.sampled_from(ids)))
        g.set_run_option("zero_grad", draw(st.booleans()))
        g.set_run_option("retain_grad", tuple(draw(st.lists(st.sampled_from(ids), max_size=2))))
    if draw(st.booleans()):
        g.set_run_option("gradient", draw(tensor_specs()))
    return g


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(graphs())
def test_random_graphs_round_trip(g):
    text = graph_to_json(g)
    back = graph_from_json(text)
    assert model(back) == model(g)
    assert graph_to_json(back) == text
    json.loads(text)  # plain JSON


def test_float32_values_round_trip_exactly():
    rng = np.random.default_rng(0)
    vals = np.concatenate([rng.standard_normal(200) * 10.0 ** rng.integers(-40, 38, 200),
                           [np.finfo(np.float32).max, np.finfo(np.float32).tiny, 1e-45, -0.0]])
    vals = vals.astype(np.float32)
    g = Graph()
    g.add_node("parameter", tensor=TensorSpec.from_array(vals))
    back = graph_from_json(graph_to_json(g))
    np.testing.assert_array_equal(next(iter(back)).tensor.values.view(np.uint32),
                                  vals.view(np.uint32))


# ------------------------------------------------------------------ bad files
def _tutorial():
    return json.loads((examples_dir() / "tutorial_single_layer.gsgraph").read_text())


def _edit(fn):
    doc = _tutorial()
    fn(doc)
    return json.dumps(doc)


def _node(doc, name):
    return next(n for n in doc["nodes"] if n["name"] == name)


BAD = [
    ("{", "not valid JSON: line 1 column 2"),
    ("[]", "the document: expected an object, got a list"),
    ('{"format": "png"}', "not a GraphStudio graph"),
    (_edit(lambda d: d.update(version=7)), "made by a newer GraphStudio"),
    (_edit(lambda d: d.update(version="1")), "version must be an integer"),
    (_edit(lambda d: d.pop("nodes")), "missing field 'nodes'"),
    (_edit(lambda d: d.update(extra=1)), "unknown field 'extra'"),
    (_edit(lambda d: d["nodes"][2].update(type="conv9d")), "unknown node type 'conv9d'"),
    (_edit(lambda d: d["nodes"][1].update(id="n1")), 'node "n1" (parameter): duplicate node id'),
    (_edit(lambda d: d["nodes"][1].update(name="x")), "already used"),
    (_edit(lambda d: d["nodes"][1].update(name="9lives")), "not a valid name"),
    (_edit(lambda d: d["nodes"][1].update(pos=[1])), "expected [x, y]"),
    (_edit(lambda d: d["edges"][1]["from"].__setitem__(0, "n9")),
     'node "n3" (matmul): input "other" connects to unknown node "n9"'),
    (_edit(lambda d: d["edges"][1]["to"].__setitem__(1, "bias")), 'has no input "bias"'),
    (_edit(lambda d: d["edges"][1]["from"].__setitem__(1, "values")), 'no output "values"'),
    (_edit(lambda d: d["edges"].append(d["edges"][0])), 'input "input" is connected twice'),
    (_edit(lambda d: _node(d, "w")["tensor"].update(shape=[5, 4])), "does not match shape"),
    (_edit(lambda d: _node(d, "w")["tensor"].update(shape=[100000, 100000])),
     "more than the limit of 10,000,000"),
    (_edit(lambda d: _node(d, "x")["tensor"].update(shape=[10**6] * 3)), "more than the limit"),
    (_edit(lambda d: _node(d, "x")["tensor"].update(shape=[1] * 40)), "dimensions is more"),
    (_edit(lambda d: _node(d, "x")["tensor"].update(shape=[-1])), "negative size"),
    (_edit(lambda d: _node(d, "x")["tensor"].update(init="gauss")), "unknown initializer"),
    (_edit(lambda d: _node(d, "x")["tensor"].update(dtype="complex64")), "unsupported dtype"),
    (_edit(lambda d: _node(d, "w")["tensor"]["data"][0].__setitem__(0, "1")),
     "cannot hold a string"),
    (_edit(lambda d: _node(d, "w")["tensor"]["data"][0].__setitem__(0, 1e300)),
     "finite numbers that fit float32"),
    (_edit(lambda d: _node(d, "w").pop("tensor")), "missing field 'tensor'"),
    (_edit(lambda d: d["nodes"][2].update(tensor={})), "hold no tensor"),
    (_edit(lambda d: _node(d, "w").update(attrs={"requires_grad": "yes"})),
     "requires_grad must be true or false"),
    (_edit(lambda d: _node(d, "w").update(attrs={"lr": 1})), "has no attribute 'lr'"),
    (_edit(lambda d: d["run"].update(loss="n99")), 'run.loss: unknown node "n99"'),
    (_edit(lambda d: d["run"].update(zero_grad=1)), "expected true or false"),
    ('{"format": "graphstudio-graph", "version": 1, "nodes": [], "edges": [], "x": NaN}',
     "NaN is not allowed"),
    ("[" * 100000 + "]" * 100000, "too deeply nested"),
]


@pytest.mark.parametrize("text,message", BAD, ids=range(len(BAD)))
def test_bad_documents_say_where_and_what(text, message):
    with pytest.raises(GraphFileError) as info:
        graph_from_json(text, "bad.gsgraph")
    assert message in str(info.value)
    assert str(info.value).startswith("bad.gsgraph: ")


def test_cycles_are_refused():
    g = Graph()
    a, b = g.add_node("relu"), g.add_node("relu", id="n5")
    g.connect(a.id, "out", b.id, "input")
    doc = json.loads(graph_to_json(g))
    doc["edges"].append({"from": ["n5", "out"], "to": ["n1", "input"]})
    with pytest.raises(GraphFileError, match='edges: the edges form a cycle through nodes "n1"'):
        graph_from_json(json.dumps(doc))


def test_unreadable_files(tmp_path):
    with pytest.raises(GraphFileError, match="cannot read the file"):
        load_graph(tmp_path / "missing.gsgraph")
    with pytest.raises(GraphFileError, match="cannot read the file"):
        load_graph(tmp_path)
    (tmp_path / "latin.gsgraph").write_bytes(b'{"title": "caf\xe9"}')
    with pytest.raises(GraphFileError, match="not UTF-8"):
        load_graph(tmp_path / "latin.gsgraph")
    big = tmp_path / "big.gsgraph"
    with open(big, "wb") as f:
        f.truncate(limits.MAX_FILE_BYTES + 10)
    with pytest.raises(GraphFileError, match="larger than 64 MiB"):
        load_graph(big)
    with pytest.raises(GraphFileError, match="not a file path"):
        load_graph(3.5)


def test_migration_hook(monkeypatch):
    """A synthetic version 0 (edges as "a.port -> b.port" strings) migrates to version 1."""
    def v0_to_v1(doc):
        doc["edges"] = [{"from": e.split(" -> ")[0].split("."), "to": e.split(" -> ")[1]
                         .split(".")} for e in doc["edges"]]
        return doc

    doc = _tutorial()
    old = dict(doc, version=0,
               edges=[f"{e['from'][0]}.{e['from'][1]} -> {e['to'][0]}.{e['to'][1]}"
                      for e in doc["edges"]])
    with pytest.raises(GraphFileError, match="version 0 is too old"):
        graph_from_json(json.dumps(old))
    monkeypatch.setitem(files.MIGRATIONS, 0, v0_to_v1)
    g = graph_from_json(json.dumps(old))
    assert graph_to_json(g) == (examples_dir() / "tutorial_single_layer.gsgraph").read_text()
    monkeypatch.setitem(files.MIGRATIONS, 0, lambda d: d["nope"])
    with pytest.raises(GraphFileError, match="cannot migrate from version 0"):
        graph_from_json(json.dumps(old))


# ------------------------------------------------------------------ saving
def test_atomic_save_keeps_the_original_on_failure(tmp_path, monkeypatch):
    target = tmp_path / "g.gsgraph"
    target.write_text("original")
    os.chmod(target, 0o640)
    g = load_graph(examples_dir() / "fan_out_accumulation.gsgraph")

    def boom(*a):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError, match="disk full"):
        save_graph(g, target)
    assert target.read_text() == "original"
    assert os.listdir(tmp_path) == ["g.gsgraph"]
    monkeypatch.undo()
    save_graph(g, target)
    assert load_graph(target) is not None and os.stat(target).st_mode & 0o777 == 0o640
    assert os.listdir(tmp_path) == ["g.gsgraph"]


def test_run_options_are_saved_loadable():
    g = load_graph(examples_dir() / "tutorial_single_layer.gsgraph")
    z = g.node_by_name("z").id
    g.set_run_option("retain_grad", [z, "n99"])
    g.set_run_option("optimizer", {"name": "adam", "lr": 0.05})
    g.remove_node(g.run["loss"])
    doc = json.loads(graph_to_json(g))
    assert doc["run"] == {"optimizer": {"lr": 0.05, "name": "adam"}, "retain_grad": [z],
                          "zero_grad": True}
    back = graph_from_json(graph_to_json(g))
    assert back.run["optimizer"] == {"name": "adam", "lr": 0.05}
    with pytest.raises(GraphError, match="run option 'zero_grad' must be true or false"):
        g.set_run_option("zero_grad", "yes")
    with pytest.raises(GraphError, match="must be plain JSON"):
        g.set_run_option("speed", object())
    with pytest.raises(GraphError, match="finite"):
        g.set_meta("score", float("nan"))


def test_nan_values_are_refused_on_save(tmp_path):
    g = Graph()
    g.add_node("parameter", tensor=TensorSpec.from_array([1.0, np.nan]))
    with pytest.raises(GraphFileError, match="NaN or infinite values cannot be saved"):
        save_graph(g, tmp_path / "nan.gsgraph")
    assert not list(tmp_path.iterdir())


def test_a_refused_save_names_the_file_and_the_node_by_its_name(tmp_path):
    g = Graph()
    g.add_node("parameter", name="W1", tensor=TensorSpec.from_array([1.0, np.inf]))
    target = tmp_path / "w.gsgraph"
    with pytest.raises(GraphFileError) as info:
        save_graph(g, target)
    assert str(info.value) == (f"{target}: node 'W1' (parameter): "
                               "NaN or infinite values cannot be saved")
    assert "<save>" not in str(info.value) and not list(tmp_path.iterdir())


# ------------------------------------------------------------------ fuzzing
def _mutate_text(rng: random.Random, text: str) -> str:
    i = rng.randrange(len(text))
    op = rng.randrange(5)
    if op == 0:
        return text[:i] + text[i + rng.randint(1, 20):]
    if op == 1:
        return text[:i] + rng.choice('{}[]",:0123456789-.eE truefalsnul\\\x00é') + text[i:]
    if op == 2:
        j = rng.randrange(len(text))
        return text[:i] + text[j:j + rng.randint(1, 40)] + text[i:]
    if op == 3:
        return text[:i] + rng.choice(["1e400", "-0", "9" * 30, "null", "[]", "{}", "\"\""]) + \
            text[i + rng.randint(0, 5):]
    return text[:i] + text[i:][::-1][:rng.randint(0, 30)][::-1] + text[i + 30:]


_JUNK = [None, True, 0, -1, 2**70, 1.5, -1e308, "", "n1", "out", "float32", [], {}, [1, 2],
         {"init": "zeros"}, [[1]], "input", "randn", [3, 3], [-1, 2]]


def _mutate_doc(rng: random.Random, doc):
    """Replace, delete or duplicate one random value somewhere in the JSON tree."""
    doc = copy.deepcopy(doc)
    parent, key, node = None, None, doc
    for _ in range(rng.randint(1, 6)):
        if isinstance(node, dict) and node:
            parent, key = node, rng.choice(list(node))
        elif isinstance(node, list) and node:
            parent, key = node, rng.randrange(len(node))
        else:
            break
        node = parent[key]
    if parent is None:
        return rng.choice(_JUNK)
    op = rng.randrange(3)
    if op == 0:
        parent[key] = copy.deepcopy(rng.choice(_JUNK))
    elif op == 1:
        del parent[key]
    elif isinstance(parent, list):
        parent.append(copy.deepcopy(parent[key]))
    else:
        parent[key + "_"] = parent[key]
    return doc


def test_fuzzed_files_only_raise_graph_file_error(tmp_path):
    rng = random.Random(1234)
    texts = [p.read_text() for p in EXAMPLES if p.stat().st_size < 5000]
    docs = [json.loads(t) for t in texts]
    outcomes = {"ok": 0, "error": 0}
    for i in range(1500):
        if i % 2:
            text = json.dumps(_mutate_doc(rng, rng.choice(docs)))
        else:
            text = rng.choice(texts)
            for _ in range(rng.randint(1, 3)):
                text = _mutate_text(rng, text)
        path = tmp_path / "f.gsgraph"
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        try:
            load_graph(path)
            outcomes["ok"] += 1
        except GraphFileError as ex:
            assert str(ex).startswith(str(path))
            outcomes["error"] += 1
    assert outcomes["ok"] > 50 and outcomes["error"] > 500


def test_examples_dir_exists():
    assert EXAMPLES and all(isinstance(p, Path) for p in EXAMPLES)
    assert {p.stem for p in EXAMPLES} >= {"tutorial_single_layer", "jacobian_product",
                                          "fan_out_accumulation", "frozen_parameter",
                                          "detach_and_no_grad", "mlp_classifier"}
