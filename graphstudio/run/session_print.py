"""Session actions as text: what a print prints, and each action as the program's line.

:func:`print_text` is ``print(...)``'s output for a :class:`~graphstudio.graph.session_actions.
Print` (fields read through a callback, so the replay gives live engine values);
:func:`action_code` writes any action as the PyTorch statement it stands for, the one text the
exporter, the Steps dock, the session editor and error messages share.
"""

from __future__ import annotations

from graphstudio.graph.session_actions import Backward, Field, Forward, Print, ZeroGrad

__all__ = ["action_code", "field_code", "print_text", "seed_code", "string_literal"]


def print_text(graph, action: Print, field) -> str:
    """What ``print`` writes; ``field(node_id, attr)`` gives a field's live value."""
    parts = []
    for arg in action.args:
        text = []
        for p in arg:
            if isinstance(p, str):
                text.append(p)
            else:
                value = field(p.node, p.attr)
                text.append(repr(value) if p.conversion == "r" else str(value))
        parts.append("".join(text))
    return action.sep.join(parts) + action.end


def field_code(graph, f: Field) -> str:
    """``z``, ``w.grad``, ``z.requires_grad`` or ``z.grad_fn``."""
    node = graph.nodes.get(f.node)
    name = node.name if node is not None else "‹deleted›"
    return name if f.attr == "value" else f"{name}.{f.attr}"


_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r"}


def string_literal(pieces, graph=None) -> str:
    """A Python string literal for text and Fields: ``"..."`` or ``f"...{x.grad}..."``."""
    fields = any(not isinstance(p, str) for p in pieces)
    out = []
    for p in pieces:
        if isinstance(p, str):
            for ch in p:
                esc = _ESCAPES.get(ch)
                if esc is None and (ord(ch) < 32 or ord(ch) == 127):
                    esc = f"\\x{ord(ch):02x}"
                if esc is None and fields and ch in "{}":
                    esc = ch * 2
                out.append(esc or ch)
        else:
            out.append("{" + field_code(graph, p) + ("!r" if p.conversion else "") + "}")
    return ("f" if fields else "") + '"' + "".join(out) + '"'


def _print_code(graph, action: Print) -> str:
    args = []
    for arg in action.args:
        if len(arg) == 1 and isinstance(arg[0], Field) and not arg[0].conversion:
            args.append(field_code(graph, arg[0]))
        else:
            args.append(string_literal(arg, graph))
    if action.sep != " ":
        args.append(f"sep={string_literal((action.sep,))}")
    if action.end != "\n":
        args.append(f"end={string_literal((action.end,))}")
    return f"print({', '.join(args)})"


def seed_code(graph, action: Backward, root_shape=None) -> str:
    """The gradient argument: ``torch.ones_like(out)`` when the seed is ones of the root's
    shape (``root_shape`` None: trusted), else the tensor's own creating call."""
    from graphstudio.graph.model import Node
    from graphstudio.graph.node_table import NODE_TYPES

    spec = action.gradient
    name = _name(graph, action.node)
    ones = spec.init == "ones" or (spec.init == "full" and spec.fill == 1)
    if ones and spec.dtype == "float32" and (
            root_shape is None or tuple(root_shape) == tuple(spec.shape)):
        return f"torch.ones_like({name})"
    holder = Node("seed", "input", "seed", tensor=spec)
    return NODE_TYPES["input"].torch_line(holder, {}, explicit=True)


def action_code(graph, action, root_shape=None) -> str:
    """The statement ``action`` stands for (a forward: the nodes it computes)."""
    if isinstance(action, Forward):
        names = "every node" if action.nodes is None else ", ".join(
            _name(graph, n) for n in graph.topological_order(action.nodes)) or "nothing"
        head = "with torch.no_grad(): compute " if action.no_grad else "compute "
        return head + names
    if isinstance(action, Backward):
        args = [] if action.gradient is None else [seed_code(graph, action, root_shape)]
        if action.retain_graph:
            args.append("retain_graph=True")
        return f"{_name(graph, action.node)}.backward({', '.join(args)})"
    if isinstance(action, ZeroGrad):
        return f"{_name(graph, action.node)}.grad.zero_()"
    return _print_code(graph, action)


def _name(graph, nid: str) -> str:
    node = graph.nodes.get(nid)
    return node.name if node is not None else "‹deleted›"
