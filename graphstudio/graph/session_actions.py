"""A document's session: the ordered actions a program performs on its graph.

A graph alone runs one forward and one backward. A program such as PyTorch's autograd tutorial
does more with the same nodes: it calls ``backward`` twice, zeroes a ``.grad`` in between,
recomputes a value under ``torch.no_grad()`` and prints what it sees along the way. Those
statements are kept, in order, as immutable actions in ``graph.run["session"]`` (a tuple), so
undo, copies and the file format treat them like any other run option:

* :class:`Forward` computes nodes (all of them, or the listed ones, as a recomputation such
  as ``z = torch.matmul(x, w) + b`` does), optionally under ``torch.no_grad()``;
* :class:`Backward` is ``node.backward(gradient, retain_graph=...)``;
* :class:`ZeroGrad` is ``node.grad.zero_()``;
* :class:`Print` is a ``print(...)`` call: its arguments are pieces of the program's own text
  and :class:`Field` references (a node's value, ``.grad``, ``.requires_grad``, ``.grad_fn``).

``detach()`` needs no action of its own: ``z_det = z.detach()`` is a Detach node, computed by
the forward that follows it. Actions name nodes by id, so renaming a node keeps its session.
This module is pure data; :mod:`graphstudio.run.session` replays it.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ACTION_TYPES", "FIELD_ATTRS", "Backward", "Field", "Forward", "Print", "ZeroGrad",
           "action_nodes", "is_session", "renumbered"]

#: what a print can show of a node: "value" is the node itself (``print(z)``)
FIELD_ATTRS = ("value", "grad", "requires_grad", "grad_fn")


@dataclass(frozen=True)
class Forward:
    """Compute ``nodes`` (in the graph's order; None: every node) with or without grad."""

    nodes: tuple[str, ...] | None = None
    no_grad: bool = False


@dataclass(frozen=True)
class Backward:
    """``node.backward(gradient, retain_graph=retain_graph)``; ``gradient`` is the seed's
    :class:`~graphstudio.graph.model.TensorSpec`, None for a scalar root."""

    node: str
    gradient: object = None
    retain_graph: bool = False


@dataclass(frozen=True)
class ZeroGrad:
    """``node.grad.zero_()``: the ``.grad`` tensor is set to zeros in place (it stays a tensor)."""

    node: str


@dataclass(frozen=True)
class Field:
    """``{node.attr}`` inside a print; ``conversion`` is ``""`` or ``"r"`` (``{x!r}``)."""

    node: str
    attr: str = "value"
    conversion: str = ""


@dataclass(frozen=True)
class Print:
    """``print(*args, sep=sep, end=end)``; each argument is a tuple of text and Fields joined
    together (an f-string, a plain string, or one Field for ``print(z.grad)``)."""

    args: tuple[tuple[str | Field, ...], ...]
    sep: str = " "
    end: str = "\n"


ACTION_TYPES = (Forward, Backward, ZeroGrad, Print)


def is_session(value) -> bool:
    """Whether ``value`` is a session: a tuple of actions (the model checks run options)."""
    return isinstance(value, tuple) and all(isinstance(a, ACTION_TYPES) for a in value)


def action_nodes(action) -> tuple[str, ...]:
    """The node ids ``action`` refers to."""
    if isinstance(action, Forward):
        return action.nodes or ()
    if isinstance(action, Backward | ZeroGrad):
        return (action.node,)
    return tuple(p.node for arg in action.args for p in arg if isinstance(p, Field))


def renumbered(session: tuple, new_id) -> tuple:
    """``session`` with every node id ``i`` replaced by ``new_id[i]`` (a graph copied with
    fresh ids)."""
    out = []
    for a in session:
        if isinstance(a, Forward):
            a = Forward(None if a.nodes is None else tuple(new_id[n] for n in a.nodes),
                        a.no_grad)
        elif isinstance(a, Backward):
            a = Backward(new_id[a.node], a.gradient, a.retain_graph)
        elif isinstance(a, ZeroGrad):
            a = ZeroGrad(new_id[a.node])
        else:
            a = Print(tuple(tuple(Field(new_id[p.node], p.attr, p.conversion)
                                  if isinstance(p, Field) else p for p in arg)
                            for arg in a.args), a.sep, a.end)
        out.append(a)
    return tuple(out)
