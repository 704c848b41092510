"""Malformed files found by hand-mutating the examples: each is refused with a GraphFileError that
says where and what; huge shapes are refused before anything is allocated; saves stay atomic."""

import json
import os
import tracemalloc

import pytest

from graphstudio.files.gsgraph import GraphFileError, graph_from_json, load_graph, save_graph
from graphstudio.paths import example_path

BASE = json.loads(open(example_path("tutorial_single_layer"), encoding="utf-8").read())


def _with_tensor(**tensor):
    doc = json.loads(json.dumps(BASE))
    doc["nodes"][0]["tensor"] = tensor
    return json.dumps(doc)


@pytest.mark.parametrize("text, message", [
    (json.dumps(BASE)[:-1] + ', "nodes": []}', "not valid JSON: duplicate key 'nodes'"),
    (_with_tensor(dtype="float32", shape=[2], data=[10**400, 1]),
     'node "n1" (input).tensor.data: values must be finite numbers that fit float32'),
    (_with_tensor(dtype="float32", init="full", shape=[2], value=1e300),
     'node "n1" (input).tensor.value: 1e+300 does not fit float32'),
    (_with_tensor(dtype="int64", init="full", shape=[2], value=2**70),
     'node "n1" (input).tensor.value: 1180591620717411303424 does not fit int64'),
])
def test_more_bad_documents_say_where_and_what(text, message):
    with pytest.raises(GraphFileError) as info:
        graph_from_json(text)
    assert str(info.value) == f"<string>: {message}"


@pytest.mark.parametrize("tensor", [
    {"dtype": "float32", "init": "randn", "seed": 0, "shape": [10**12]},
    {"dtype": "float32", "init": "zeros", "shape": [10**6, 10**6]},
    {"dtype": "float32", "shape": [10**6, 10**6], "data": []},
    {"dtype": "float64", "init": "eye", "shape": [10**6, 10**6]},
])
def test_a_trillion_elements_is_refused_without_allocating(tensor, tmp_path):
    path = tmp_path / "huge.gsgraph"
    path.write_text(_with_tensor(**tensor))
    tracemalloc.start()
    try:
        with pytest.raises(GraphFileError, match="1,000,000,000,000 elements is more than the limit"):
            load_graph(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 20 * 2**20


@pytest.mark.parametrize("step", ["write", "fsync", "chmod"])
def test_a_failure_mid_write_keeps_the_original_and_leaves_no_temp(tmp_path, monkeypatch, step):
    target = tmp_path / "g.gsgraph"
    target.write_text("original")
    graph = load_graph(example_path("tutorial_single_layer"))

    def boom(*args, **kwargs):
        raise OSError(28, "No space left on device")

    if step == "write":  # half the text reaches the temp file, then the disk fills up
        real_fdopen = os.fdopen

        class HalfWriter:
            def __init__(self, *args, **kwargs):
                self.f = real_fdopen(*args, **kwargs)

            def __enter__(self):
                return self

            def __exit__(self, *exc):
                self.f.close()

            def write(self, text):
                self.f.write(text[:len(text) // 2])
                self.f.flush()
                boom()

        monkeypatch.setattr(os, "fdopen", HalfWriter)
    else:
        monkeypatch.setattr(os, step, boom)
    with pytest.raises(OSError) as info:
        save_graph(graph, target)
    monkeypatch.undo()
    assert info.value.filename == os.fspath(target)  # names the file, not the temp file
    assert target.read_text() == "original"
    assert os.listdir(tmp_path) == ["g.gsgraph"]


def test_an_interrupt_mid_write_keeps_the_original(tmp_path, monkeypatch):
    target = tmp_path / "g.gsgraph"
    target.write_text("original")

    def interrupt(fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupt)
    with pytest.raises(KeyboardInterrupt):
        save_graph(load_graph(example_path("tutorial_single_layer")), target)
    assert target.read_text() == "original" and os.listdir(tmp_path) == ["g.gsgraph"]


def test_saving_into_a_missing_folder_names_the_target(tmp_path):
    target = tmp_path / "nowhere" / "g.gsgraph"
    with pytest.raises(OSError) as info:
        save_graph(load_graph(example_path("tutorial_single_layer")), target)
    assert info.value.filename == os.fspath(target)
    assert info.value.strerror.startswith("cannot write: ")


def test_writing_never_touches_the_process_umask(tmp_path, monkeypatch):
    """The autosave thread writes while the main thread saves: briefly setting the process-wide
    umask to 0 to read it let the other thread create world-writable files."""
    from graphstudio.files import gsgraph as files

    old = os.umask(0o027)
    try:
        def no_umask(*args):
            raise AssertionError("write_text_atomic changed the process-wide umask")

        monkeypatch.setattr(os, "umask", no_umask)
        new, kept = tmp_path / "new.gsgraph", tmp_path / "kept.gsgraph"
        kept.write_text("old")
        os.chmod(kept, 0o604)
        files.write_text_atomic(new, "fresh\n")
        files.write_text_atomic(kept, "newer\n")
    finally:
        monkeypatch.undo()
        os.umask(old)
    assert new.read_text() == "fresh\n" and kept.read_text() == "newer\n"
    assert os.stat(new).st_mode & 0o777 == 0o640  # 0o666 less the umask, as open() gives
    assert os.stat(kept).st_mode & 0o777 == 0o604  # an existing file keeps its permissions
    assert sorted(os.listdir(tmp_path)) == ["kept.gsgraph", "new.gsgraph"]


def test_concurrent_writers_in_one_folder_all_get_the_umask_permissions(tmp_path):
    import threading

    from graphstudio.files.gsgraph import write_text_atomic

    old = os.umask(0o022)
    try:
        start = threading.Barrier(4)

        def writer(k):
            start.wait()
            for i in range(25):
                write_text_atomic(tmp_path / f"w{k}_{i}.txt", f"{k} {i}\n")

        threads = [threading.Thread(target=writer, args=(k,)) for k in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        os.umask(old)
    names = sorted(os.listdir(tmp_path))
    assert len(names) == 100 and all(n.endswith(".txt") for n in names)  # no temp left over
    assert {os.stat(tmp_path / n).st_mode & 0o777 for n in names} == {0o644}
