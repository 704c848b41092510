"""Writing ``.gsgraph`` documents: deterministic JSON text, saved atomically."""

from __future__ import annotations

import os

import numpy as np

from graphstudio.files.atomic_write import write_bytes_atomic
from graphstudio.files.format import (
    FORMAT,
    VERSION,
    GraphFileError,
)
from graphstudio.files.json_text import (
    LINE_WIDTH,
    NotFinite,
    dump,
    list_item,
    one_line,
    tensor_rows,
    verbatim,
)
from graphstudio.files.session_format import session_to_json
from graphstudio.graph.collector import collector_paused
from graphstudio.graph.limits import (
    MAX_FILE_BYTES,
)
from graphstudio.graph.model import Graph, TensorSpec


def tensor_to_dict(spec: TensorSpec, where: str = "tensor") -> dict:
    """The file form of a TensorSpec (GraphFileError for NaN/Inf values)."""
    if spec.init == "values":
        arr = spec.values
        if arr.dtype.kind == "f" and not np.isfinite(arr).all():
            raise GraphFileError("NaN or infinite values cannot be saved", "the graph", where)
        return {"dtype": spec.dtype, "shape": list(spec.shape),
                "data": tensor_rows(arr, spec.dtype)}
    out = {"init": spec.init, "shape": list(spec.shape), "dtype": spec.dtype}
    if spec.init in ("rand", "randn"):
        out["seed"] = spec.seed
        if spec.fill is not None:
            out["scale"] = spec.fill
    elif spec.init == "full":
        out["value"] = spec.fill
    elif spec.init == "arange":
        out["start"] = spec.fill
        out["step"] = spec.step
    return out


def _json_value(v):
    """Plain JSON for a run/meta/attr value: tuples become lists, dict keys sorted, a whole
    float an int (as the file spells it: 2.0 is written 2)."""
    if type(v) is float:
        return _number(v)
    if isinstance(v, TensorSpec):
        return tensor_to_dict(v, "run")
    if isinstance(v, list | tuple):
        return [_json_value(x) for x in v]
    if isinstance(v, dict):
        return {k: _json_value(v[k]) for k in sorted(v)}
    return v


def _run_document(graph: Graph) -> dict:
    """graph.run for the file, without references to nodes that are gone (always loadable)."""
    out = {}
    for k in sorted(graph.run):
        v = graph.run[k]
        if (k == "loss" and v not in graph.nodes) or k == "session":
            continue
        if k == "retain_grad":
            v = [x for x in v if x in graph.nodes]
        if k == "hooks":
            v = {x: h for x, h in v.items() if x in graph.nodes}
            if not v:
                continue
        out[k] = _json_value(v)
    return out


def _number(v: float):
    """A float as the file writes it: a whole one (below 1e15) as an int."""
    return int(v) if v.is_integer() and abs(v) < 1e15 else v


def _number_text(v: float) -> str:
    """A float as the file spells it (see :func:`_number`): what one_line writes of it."""
    return str(int(v)) if v.is_integer() and abs(v) < 1e15 else repr(v)


def _node_document(n) -> dict:
    d = {"id": n.id, "type": n.type, "name": n.name, "pos": [_number(n.pos[0]), _number(n.pos[1])],
         "attrs": {k: _json_value(n.attrs[k]) for k in sorted(n.attrs)}}
    if n.tensor is not None:
        t = tensor_to_dict(n.tensor, f"node {n.name!r} ({n.type})")  # named as the person sees it
        d["tensor"] = t if n.tensor.init == "values" else {k: _json_value(v) for k, v in t.items()}
    return d


def _edge_document(e) -> dict:
    return {"from": [e.src, e.src_port], "to": [e.dst, e.dst_port]}


def edge_item(e) -> str:
    """An edge as its item in the file's list of edges: the text :func:`list_item` gives its
    document, written at once when its ids and ports are identifiers (nothing to escape) and
    it fits on its line (a graph file has more edges than anything else)."""
    src, src_port, dst, dst_port = e.src, e.src_port, e.dst, e.dst_port
    if src.isidentifier() and src_port.isidentifier() and dst.isidentifier() \
            and dst_port.isidentifier():
        text = f'{{"from": ["{src}", "{src_port}"], "to": ["{dst}", "{dst_port}"]}}'
        if len(text) <= LINE_WIDTH - 4:  # an item of the edges list, indented by 4
            return verbatim(text)
    return list_item(_edge_document(e), 4)


def node_item(n) -> str:
    """A node as its item in the file's list of nodes: the text :func:`list_item` gives its
    document (:func:`_node_document`), put together from its parts when its id, type and name
    are identifiers and its tensor (if any) is not literal data (what nearly every node of a
    big graph is); else found by :func:`list_item` itself."""
    texts = _node_texts(n)
    if texts is None:
        doc = _node_document(n)
        return list_item(doc, 4, plain=n.tensor is None or n.tensor.init != "values")
    line = "{" + ", ".join(texts) + "}"
    if len(line) <= LINE_WIDTH - 4:  # an item of the nodes list, indented by 4
        return verbatim(line)
    for text in texts[3:]:  # a container that does not fit from its column goes to list_item
        key_len = text.index(":") + 2
        if len(text) - key_len > LINE_WIDTH - 6 - key_len and text[key_len:] not in ("{}",
                                                                                    "[]"):
            return list_item(_node_document(n), 4)
    return verbatim("{\n      " + ",\n      ".join(texts) + "\n    }")


def _node_texts(n) -> list[str] | None:
    """Each ``"key": value`` of a node's document on one line, as :func:`list_item` writes it,
    or None when this quick way cannot tell (a name to escape, literal tensor data, a value
    :func:`~graphstudio.files.json_text.one_line` cannot write)."""
    nid, type_id, name = n.id, n.type, n.name
    if not (nid.isidentifier() and type_id.isidentifier() and name.isidentifier()):
        return None
    x, y = n.pos
    pos = f"[{_number_text(x)}, {_number_text(y)}]"
    attrs = n.attrs
    attrs = "{}" if not attrs else one_line({k: _json_value(attrs[k]) for k in sorted(attrs)})
    if attrs is None or "n" in pos:  # an infinite or NaN place (never in a graph): as dump does
        return None
    texts = [f'"id": "{nid}"', f'"type": "{type_id}"', f'"name": "{name}"', f'"pos": {pos}',
             f'"attrs": {attrs}']
    if n.tensor is not None:
        if n.tensor.init == "values":
            return None
        t = one_line({k: _json_value(v) for k, v in tensor_to_dict(n.tensor).items()})
        if t is None:
            return None
        texts.append(f'"tensor": {t}')
    return texts


def graph_to_document(graph: Graph, items_as_text: bool = False) -> dict:
    """The file's document. ``items_as_text``: each node and edge already laid out as its text
    in the file (:func:`~graphstudio.files.json_text.list_item`), for :func:`graph_to_json`."""
    if items_as_text:
        nodes = [node_item(n) for n in graph.nodes.values()]
        edges = [edge_item(e) for e in graph.edges]
    else:
        nodes = [_node_document(n) for n in graph.nodes.values()]
        edges = [_edge_document(e) for e in graph.edges]
    doc = {"format": FORMAT, "version": VERSION,
           "meta": _json_value(graph.meta),
           "run": _run_document(graph),
           "nodes": nodes, "edges": edges}
    if graph.run.get("session"):
        doc["session"] = session_to_json(graph.run["session"], graph.nodes, tensor_to_dict)
    return doc


def compact_json(obj) -> str:
    """Any JSON-able object written like graph files are: stable, with short lists on one line
    (NaN and infinite numbers as NaN, Infinity and -Infinity, which Python's json reads)."""
    return dump(obj, finite_only=False)


def graph_to_json(graph: Graph) -> str:
    """The document as deterministic JSON text (ends with a newline)."""
    try:
        return dump(graph_to_document(graph, items_as_text=True)) + "\n"
    except NotFinite as ex:  # the model refuses these; never write a file that cannot load
        raise GraphFileError(str(ex), "the graph") from None


def save_graph(graph: Graph, path) -> bytes:
    """Write atomically (see :func:`write_bytes_atomic`); returns the bytes written. Refuses
    (with GraphFileError), before touching the disk, what :func:`load_graph` would refuse to
    read back: NaN or infinite numbers, a file larger than the limit. The cycle collector
    sleeps while the text is made (the document's many small objects would otherwise be walked
    again and again)."""
    try:
        with collector_paused():
            text = graph_to_json(graph)
    except GraphFileError as ex:  # said of the file being written, not of a placeholder
        raise GraphFileError(ex.what, os.fspath(path), ex.where) from None
    data = text.encode("utf-8")
    if len(data) > MAX_FILE_BYTES:
        raise GraphFileError(f"the file would be larger than {MAX_FILE_BYTES // 2**20} MiB, "
                             "more than GraphStudio can read back", os.fspath(path))
    write_bytes_atomic(path, data)
    return data
