"""What can be saved can be loaded: the model refuses what a graph file cannot hold (non-finite
or unrepresentable initializer numbers, tensors beyond the file's size limits), in the reader's
words, and the writer refuses rather than write a file that would not load."""

import json
import math

import numpy as np
import pytest

from graphstudio.files import reader, writer
from graphstudio.files.gsgraph import GraphFileError, graph_from_json, load_graph, save_graph
from graphstudio.graph import limits
from graphstudio.graph.model import Graph, GraphError, TensorSpec

NAN, INF = float("nan"), float("inf")


# ---------------------------------------------------------------- item: non-finite numbers
@pytest.mark.parametrize("kw, message", [
    ({"init": "full", "fill": NAN}, "full value: expected a finite number, got nan"),
    ({"init": "full", "fill": INF}, "full value: expected a finite number, got inf"),
    ({"init": "full", "fill": -INF}, "full value: expected a finite number, got -inf"),
    ({"init": "arange", "fill": NAN}, "arange start: expected a finite number, got nan"),
    ({"init": "arange", "step": INF}, "arange step: expected a finite number, got inf"),
    ({"init": "randn", "fill": NAN}, "randn scale: expected a finite number, got nan"),
    ({"init": "rand", "fill": -INF}, "rand scale: expected a finite number, got -inf"),
    ({"init": "full", "fill": 1e39}, "full value: 1e+39 does not fit float32"),
    # 2**63 - 1 becomes the float 2**63, which int64 cannot hold (the reader refuses it)
    ({"init": "full", "fill": 2**63 - 1, "dtype": "int64"},
     "full value: 9.223372036854776e+18 does not fit int64"),
    ({"init": "randn", "seed": -1}, "the seed must be in 0 .. 2**63-1"),
    ({"init": "randn", "seed": 2**63}, "the seed must be in 0 .. 2**63-1"),
])
def test_tensor_spec_refuses_numbers_a_file_cannot_hold(kw, message):
    with pytest.raises(GraphError) as info:
        TensorSpec(shape=(3,), **kw)
    assert str(info.value) == message


def test_the_reported_nan_fill_never_reaches_a_file(tmp_path):
    g = Graph()
    x = g.add_node("parameter", "x", tensor=TensorSpec("ones", (3,)))
    with pytest.raises(GraphError, match="finite"):
        g.set_tensor(x.id, TensorSpec(init="full", shape=(3,), fill=float("nan")))
    save_graph(g, tmp_path / "g.gsgraph")
    assert load_graph(tmp_path / "g.gsgraph").nodes[x.id].tensor == TensorSpec("ones", (3,))


@pytest.mark.parametrize("kw", [
    {"init": "full", "fill": 3.4e38}, {"init": "full", "fill": -7, "dtype": "int64"},
    {"init": "arange", "fill": -1.5, "step": 0.25}, {"init": "randn", "fill": 0.1, "seed": 2**62},
])
def test_numbers_the_model_accepts_round_trip(kw, tmp_path):
    g = Graph()
    g.add_node("input", "x", tensor=TensorSpec(shape=(2,), **kw))
    save_graph(g, tmp_path / "g.gsgraph")
    assert load_graph(tmp_path / "g.gsgraph").node_by_name("x").tensor == g.node_by_name(
        "x").tensor


def _slipped_through(graph: Graph, field: str, value) -> None:
    """A spec altered behind the model's back (the writer is the last line of defence)."""
    object.__setattr__(graph.node_by_name("x").tensor, field, value)


@pytest.mark.parametrize("field, value", [("fill", NAN), ("fill", INF), ("step", -INF)])
def test_the_writer_refuses_non_finite_numbers_instead_of_writing_bad_json(field, value,
                                                                           tmp_path):
    g = Graph()
    g.add_node("input", "x", tensor=TensorSpec("arange", (3,)))
    _slipped_through(g, field, value)
    path = tmp_path / "g.gsgraph"
    with pytest.raises(GraphFileError, match="a graph file holds finite numbers only"):
        save_graph(g, path)
    assert not path.exists()


def test_the_writer_refuses_non_finite_meta_and_attrs(tmp_path):
    g = Graph()
    g.meta["score"] = NAN  # bypassing set_meta, which refuses it
    with pytest.raises(GraphFileError, match="nan cannot be saved"):
        save_graph(g, tmp_path / "g.gsgraph")
    assert not (tmp_path / "g.gsgraph").exists()


# ---------------------------------------------------------------- item: size limits
def _load_message(**tensor) -> str:
    doc = {"format": "graphstudio-graph", "version": 1, "edges": [],
           "nodes": [{"id": "n1", "type": "input", "name": "x", "tensor": tensor}]}
    with pytest.raises(GraphFileError) as info:
        graph_from_json(json.dumps(doc))
    return info.value.what


def test_a_tensor_too_big_for_a_file_is_refused_in_the_readers_words():
    big = TensorSpec(init="ones", shape=(100000, 100000))  # the spec itself allocates nothing
    g = Graph()
    with pytest.raises(GraphError) as info:
        g.add_node("input", "x", tensor=big)
    assert str(info.value) == "10,000,000,000 elements is more than the limit of 10,000,000"
    assert str(info.value) == _load_message(init="ones", shape=[100000, 100000],
                                            dtype="float32")
    assert len(g) == 0
    x = g.add_node("input", "x", tensor=TensorSpec("ones", (3,)))
    with pytest.raises(GraphError, match="^10,000,000,000 elements is more than the limit"):
        g.set_tensor(x.id, big)
    with pytest.raises(GraphError, match="^10,000,000,000 elements is more than the limit"):
        g.set_run_option("gradient", big)
    deep = TensorSpec("zeros", (1,) * 17)
    with pytest.raises(GraphError) as info:
        g.set_tensor(x.id, deep)
    assert str(info.value) == _load_message(init="zeros", shape=[1] * 17, dtype="float32")
    assert g.node(x.id).tensor == TensorSpec("ones", (3,)) and "gradient" not in g.run


def test_the_documents_total_is_kept_within_the_files_limit():
    g = Graph()
    nine = TensorSpec("ones", (3000, 3000))
    ids = [g.add_node("parameter", tensor=nine).id for _ in range(5)]  # 45M elements
    with pytest.raises(GraphError) as info:
        g.add_node("parameter", tensor=nine)
    assert str(info.value) == "the tensors hold more than 50,000,000 elements together"
    with pytest.raises(GraphError, match="together"):
        g.set_run_option("gradient", nine)
    g.set_tensor(ids[0], TensorSpec("ones", (10**7,)))  # 46M: fits
    g.set_tensor(ids[1], TensorSpec("ones", (10**7,)))  # 47M: fits
    with pytest.raises(GraphError, match="together"):
        g.add_node("parameter", tensor=TensorSpec("ones", (3_000_001,)))  # 50,000,001
    last = g.add_node("parameter", tensor=TensorSpec("ones", (3_000_000,))).id  # 50M exactly
    with pytest.raises(GraphError, match="together"):
        g.set_tensor(last, TensorSpec("ones", (3_000_001,)))
    assert g.node(last).tensor == TensorSpec("ones", (3_000_000,))
    g.remove_node(last)
    g.remove_node(ids[1])
    g.add_node("parameter", tensor=nine)  # 9M freed by the removal
    copy = g.copy()
    with pytest.raises(GraphError, match="together"):
        copy.add_node("parameter", tensor=nine)
    g.set_tensor(ids[0], TensorSpec("ones", (1,)))  # shrinking is always allowed


def test_the_reader_counts_the_total_like_the_model():
    nine = {"init": "ones", "shape": [3000, 3000], "dtype": "float32"}
    doc = {"format": "graphstudio-graph", "version": 1, "edges": [],
           "nodes": [{"id": f"n{i}", "type": "input", "name": f"x{i}", "tensor": nine}
                     for i in range(6)]}
    with pytest.raises(GraphFileError) as info:
        graph_from_json(json.dumps(doc))
    g = Graph()
    for i in range(5):
        g.add_node("input", f"x{i}", tensor=TensorSpec("ones", (3000, 3000)))
    with pytest.raises(GraphError) as model:
        g.add_node("input", "x5", tensor=TensorSpec("ones", (3000, 3000)))
    assert info.value.what == str(model.value)


def test_node_count_and_positions_are_kept_within_the_files_limits(monkeypatch):
    monkeypatch.setattr(limits, "MAX_NODES", 2)
    g = Graph()
    a = g.add_node("input", pos=(1e9, -1e9))
    g.add_node("input")
    with pytest.raises(GraphError, match="^3 nodes is more than the limit of 2$"):
        g.add_node("input")
    for bad in [(2e9, 0), (0, NAN), (INF, 0)]:
        with pytest.raises(GraphError, match="position out of range"):
            g.move_node(a.id, bad)
    assert g.node(a.id).pos == (1e9, -1e9)


def test_the_writer_refuses_a_file_larger_than_the_reader_reads(monkeypatch, tmp_path):
    g = Graph()
    g.add_node("parameter", "w", tensor=TensorSpec.from_array(np.linspace(0, 1, 100_000)))
    path = tmp_path / "g.gsgraph"
    monkeypatch.setattr(writer, "MAX_FILE_BYTES", 2**20)  # the file takes about 2 MiB
    with pytest.raises(GraphFileError, match="larger than 1 MiB"):
        save_graph(g, path)
    assert not path.exists()
    monkeypatch.setattr(writer, "MAX_FILE_BYTES", 8 * 2**20)
    save_graph(g, path)
    assert math.isclose(float(load_graph(path).node_by_name("w").tensor.values[-1]), 1.0)


def test_files_reads_its_limits_from_the_one_shared_place():
    for name in ("MAX_ELEMENTS", "MAX_TOTAL_ELEMENTS", "MAX_NDIM", "MAX_NODES",
                 "MAX_FILE_BYTES"):
        # the files code has no limits of its own: those it names are the shared ones
        users = [m for m in (reader, writer) if hasattr(m, name)]
        assert all(getattr(m, name) is getattr(limits, name) for m in users)
    assert reader.MAX_FILE_BYTES is limits.MAX_FILE_BYTES and reader.MAX_NDIM is limits.MAX_NDIM


def test_saving_pauses_the_cycle_collector_and_restores_it(tmp_path, monkeypatch):
    import gc

    g = Graph()
    g.add_node("input", name="x", tensor=TensorSpec(init="zeros", shape=(2,)))
    seen = []
    encode = writer.graph_to_document
    monkeypatch.setattr(writer, "graph_to_document",
                        lambda *a, **k: seen.append(gc.isenabled()) or encode(*a, **k))
    assert gc.isenabled()
    save_graph(g, tmp_path / "a.gsgraph")
    assert seen == [False] and gc.isenabled()
    g.set_run_option("gradient", TensorSpec(init="full", fill=1.0, shape=(2,)))
    monkeypatch.setattr(writer, "tensor_to_dict", lambda *a: (_ for _ in ()).throw(
        GraphFileError("refused", "<save>")))
    with pytest.raises(GraphFileError, match="refused"):
        save_graph(g, tmp_path / "b.gsgraph")
    assert gc.isenabled()  # on again after a refusal too
