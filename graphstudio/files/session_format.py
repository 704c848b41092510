"""The ``session`` part of a ``.gsgraph`` document (format version 2; see
:mod:`graphstudio.graph.session_actions`): a list of plain JSON objects, never code.

    {"action": "forward", "nodes": ["n5", "n6"], "no_grad": true}   (both keys optional)
    {"action": "backward", "node": "n7", "gradient": {tensor}, "retain_graph": true}
    {"action": "zero_grad", "node": "n1"}                              (node.grad.zero_())
    {"action": "print", "args": [["Gradient function for z = ",
                                  {"node": "n6", "attr": "grad_fn"}]], "sep": " ", "end": "\\n"}

A print argument is a list of text and fields (``attr``: value, grad, requires_grad or grad_fn;
``conversion``: "r" for ``{x!r}``). Saving leaves out what refers to deleted nodes, as the run
options do, so a saved file always loads.
"""

from __future__ import annotations

from graphstudio.graph.session_actions import (
    FIELD_ATTRS,
    Backward,
    Field,
    Forward,
    Print,
    ZeroGrad,
    action_nodes,
)

__all__ = ["MAX_ACTIONS", "read_session", "session_to_json"]

#: more actions than this is not a program a person wrote
MAX_ACTIONS = 10_000
ACTION_KEYS = {"forward": ({"action"}, {"nodes", "no_grad"}),
               "backward": ({"action", "node"}, {"gradient", "retain_graph"}),
               "zero_grad": ({"action", "node"}, set()),
               "print": ({"action", "args"}, {"sep", "end"})}


# ====================================================================== writing
def session_to_json(session, nodes, tensor_form) -> list:
    """The file form of ``session``, without actions on nodes not in ``nodes``;
    ``tensor_form(spec, where)`` writes a gradient seed (the writer's tensor form)."""
    out = []
    for action in session:
        if isinstance(action, Forward):
            d = {"action": "forward"}
            if action.nodes is not None:
                d["nodes"] = [n for n in action.nodes if n in nodes]
                if not d["nodes"]:
                    continue
            if action.no_grad:
                d["no_grad"] = True
        elif not all(n in nodes for n in action_nodes(action)):
            continue
        elif isinstance(action, Backward):
            d = {"action": "backward", "node": action.node}
            if action.gradient is not None:
                d["gradient"] = tensor_form(action.gradient, "session")
            if action.retain_graph:
                d["retain_graph"] = True
        elif isinstance(action, ZeroGrad):
            d = {"action": "zero_grad", "node": action.node}
        else:
            d = {"action": "print", "args": [[_piece(p) for p in arg] for arg in action.args]}
            if action.sep != " ":
                d["sep"] = action.sep
            if action.end != "\n":
                d["end"] = action.end
        out.append(d)
    return out


def _piece(p):
    if isinstance(p, str):
        return p
    d = {"node": p.node, "attr": p.attr}
    if p.conversion:
        d["conversion"] = p.conversion
    return d


# ====================================================================== reading
def read_session(reader, graph, data) -> tuple:
    """The session in ``data`` (the document's "session" value) as a tuple of actions.
    ``reader`` is the document reader: its ``fail``, ``obj``, ``lst``, ``keys``, ``text`` and
    ``tensor`` report problems as GraphFileError naming where."""
    items = reader.lst(data, "session")
    if len(items) > MAX_ACTIONS:
        reader.fail("session", f"{len(items)} actions: at most {MAX_ACTIONS:,}")
    return tuple(_action(reader, graph, item, f"session[{i}]") for i, item in enumerate(items))


def _action(reader, graph, item, where):
    item = reader.obj(item, where)
    kind = item.get("action")
    if kind not in ACTION_KEYS:
        reader.fail(where, f"unknown action {kind!r} (use one of {', '.join(ACTION_KEYS)})"[:200])
    reader.keys(item, where, *ACTION_KEYS[kind])
    if kind == "forward":
        nodes = None
        if "nodes" in item:
            nodes = tuple(_node(reader, graph, n, f"{where}.nodes")
                          for n in reader.lst(item["nodes"], f"{where}.nodes"))
        return Forward(nodes, _flag(reader, item, "no_grad", where))
    if kind == "print":
        args = tuple(tuple(_print_piece(reader, graph, p, f"{where}.args")
                           for p in reader.lst(arg, f"{where}.args"))
                     for arg in reader.lst(item["args"], f"{where}.args"))
        return Print(args, _string(reader, item, "sep", " ", where),
                     _string(reader, item, "end", "\n", where))
    node = _node(reader, graph, item["node"], f"{where}.node")
    if kind == "zero_grad":
        return ZeroGrad(node)
    gradient = None
    if item.get("gradient") is not None:
        gradient = reader.tensor(item["gradient"], f"{where}.gradient")
    return Backward(node, gradient, _flag(reader, item, "retain_graph", where))


def _node(reader, graph, v, where) -> str:
    if reader.text(v, where) not in graph.nodes:
        reader.fail(where, f'unknown node "{v}"'[:200])
    return v


def _flag(reader, item, key, where) -> bool:
    v = item.get(key, False)
    if not isinstance(v, bool):
        reader.fail(f"{where}.{key}", f"expected true or false, got {type(v).__name__}")
    return v


def _string(reader, item, key, default, where) -> str:
    v = item.get(key, default)
    if not isinstance(v, str):
        reader.fail(f"{where}.{key}", f"expected a string, got {type(v).__name__}")
    return v


def _print_piece(reader, graph, p, where):
    if isinstance(p, str):
        return p
    p = reader.obj(p, where)
    reader.keys(p, where, {"node"}, {"attr", "conversion"})
    attr = p.get("attr", "value")
    if attr not in FIELD_ATTRS:
        reader.fail(where, f"unknown attr {attr!r} (use one of {', '.join(FIELD_ATTRS)})"[:200])
    conversion = p.get("conversion", "")
    if conversion not in ("", "r"):
        reader.fail(where, f'conversion must be "" or "r", got {conversion!r}'[:200])
    return Field(_node(reader, graph, p["node"], f"{where}.node"), attr, conversion)
