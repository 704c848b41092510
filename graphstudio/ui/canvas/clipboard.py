"""The clipboard payload for copied nodes: JSON carried as ``application/x-graphstudio-nodes``.

A payload is ``{"format": "graphstudio-nodes", "version": 1, "nodes": [...], "edges": [...]}``
where each node is ``{"id", "type", "name", "pos", "attrs", "tensor"}`` and each edge
``{"from": [id, port], "to": [id, port]}``; only edges with both ends among the copied nodes are
kept. The ids are the copied nodes' ids; pasting gives new ones (see ``PasteCommand``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping

import numpy as np
from PySide6.QtCore import QCoreApplication

from graphstudio.graph.model import Edge, Graph, TensorSpec

__all__ = ["MIME_NODES", "MIME_NODETYPE", "make_payload", "payload_from_mime", "payload_nodes",
           "payload_to_mime", "tensor_from_json", "tensor_to_json"]

MIME_NODES = "application/x-graphstudio-nodes"
#: What the palette drags: the node type id as UTF-8 bytes.
MIME_NODETYPE = "application/x-graphstudio-nodetype"
FORMAT = "graphstudio-nodes"


def tensor_to_json(spec: TensorSpec | None):
    if spec is None:
        return None
    out = {"init": spec.init, "shape": list(spec.shape), "dtype": spec.dtype}
    if spec.values is not None:
        out["data"] = spec.values.tolist()
    for key in ("seed", "fill", "step"):
        if getattr(spec, key) is not None:
            out[key] = getattr(spec, key)
    return out


def tensor_from_json(d) -> TensorSpec | None:
    if d is None:
        return None
    if not isinstance(d, Mapping):
        raise ValueError(QCoreApplication.translate("Clipboard", "a tensor must be an object"))
    dtype = str(d.get("dtype", "float32"))
    if d.get("init", "values") == "values":
        return TensorSpec(init="values", dtype=dtype, values=np.array(d["data"], dtype=dtype))
    return TensorSpec(init=str(d["init"]), shape=tuple(int(s) for s in d.get("shape", ())),
                      dtype=dtype, seed=d.get("seed"), fill=d.get("fill"), step=d.get("step"))


def _jsonable(v):
    if isinstance(v, tuple | list):
        return [_jsonable(x) for x in v]
    if isinstance(v, np.generic):
        return v.item()
    return v


def make_payload(graph: Graph, node_ids: Iterable[str]) -> dict:
    """The payload for ``node_ids`` (in model order) and the edges among them."""
    wanted = set(node_ids)
    ids = [nid for nid in graph.nodes if nid in wanted]
    nodes = []
    for nid in ids:
        n = graph.node(nid)
        nodes.append({"id": n.id, "type": n.type, "name": n.name, "pos": list(n.pos),
                      "attrs": {k: _jsonable(v) for k, v in n.attrs.items()},
                      "tensor": tensor_to_json(n.tensor)})
    edges = [{"from": [e.src, e.src_port], "to": [e.dst, e.dst_port]}
             for e in graph.edges if e.src in wanted and e.dst in wanted]
    return {"format": FORMAT, "version": 1, "nodes": nodes, "edges": edges}


def payload_nodes(payload: Mapping) -> tuple[list[dict], list[Edge]]:
    """Validated node dicts (attrs normalised, tensors as TensorSpec) and edges of a payload.

    Raises ValueError (or KeyError/TypeError on a malformed payload).
    """
    from graphstudio.graph.node_table import NODE_TYPES

    if not isinstance(payload, Mapping) or payload.get("format") != FORMAT:
        raise ValueError(QCoreApplication.translate("Clipboard",
                                                    "not a GraphStudio node payload"))
    items = []
    for d in payload["nodes"]:
        nt = NODE_TYPES.get(d["type"])
        attrs = dict(d.get("attrs") or {})
        if nt is not None:
            attrs = {k: nt.check_attr(k, v) for k, v in attrs.items()}
        pos = d.get("pos") or (0.0, 0.0)
        items.append({"id": str(d["id"]), "type": str(d["type"]), "name": str(d["name"]),
                      "pos": (float(pos[0]), float(pos[1])), "attrs": attrs,
                      "tensor": tensor_from_json(d.get("tensor"))})
    edges = [Edge(str(e["from"][0]), str(e["from"][1]), str(e["to"][0]), str(e["to"][1]))
             for e in payload.get("edges", ())]
    return items, edges


#: the JSON goes on the clipboard as plain text too up to this many characters (a 1000x1000
#: parameter made 20 MB of text for any text editor it was pasted into)
MAX_PLAIN_TEXT = 1_000_000


def payload_to_mime(payload: Mapping):
    """A QMimeData carrying ``payload`` (plus the JSON as plain text when it is short)."""
    from PySide6.QtCore import QByteArray, QMimeData

    text = json.dumps(payload, sort_keys=True)
    mime = QMimeData()
    mime.setData(MIME_NODES, QByteArray(text.encode("utf-8")))
    if len(text) <= MAX_PLAIN_TEXT:
        mime.setText(text)
    return mime


def payload_from_mime(mime) -> dict | None:
    """The payload a QMimeData carries, or None if it holds no GraphStudio nodes."""
    if mime is None or not mime.hasFormat(MIME_NODES):
        return None
    try:
        payload = json.loads(bytes(mime.data(MIME_NODES)).decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return None
    return payload if isinstance(payload, dict) and payload.get("format") == FORMAT else None
