"""Whether one node of a graph depends on another, at the cost of the smaller side; everything
upstream or downstream of a node.

The cycle check of every new wire asks this. Walking everything downstream of the wire's
destination costs the whole graph when the wire enters its first layer (undoing the delete of
an early node in a 10,000-node document re-checks each of its wires); searching from both ends
at once stops as soon as the smaller side is exhausted.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

__all__ = ["reaches", "upstream_of", "downstream_of"]


def reaches(outgoing: Mapping[str, Sequence], incoming: Mapping[str, Mapping], start: str,
            target: str) -> bool:
    """Whether ``target`` is downstream of ``start`` (or is ``start``).

    ``outgoing[n]`` are the edges out of node ``n`` and ``incoming[n]`` maps its input ports to
    the edges into it (a :class:`~graphstudio.graph.model.Graph`'s own tables). The search
    goes forward from ``start`` and backward from ``target``, each step widening the side that
    has seen fewer nodes, and ends when they meet or either side has nowhere left to go.
    """
    if start == target:
        return True
    ahead, behind = {start}, {target}
    forward, backward = [start], [target]
    while forward and backward:
        if len(ahead) <= len(behind):
            forward = [e.dst for nid in forward for e in outgoing[nid] if e.dst not in ahead]
            if not behind.isdisjoint(forward):
                return True
            ahead.update(forward)
            forward = list(dict.fromkeys(forward))
        else:
            backward = [e.src for nid in backward for e in incoming[nid].values()
                        if e.src not in behind]
            if not ahead.isdisjoint(backward):
                return True
            behind.update(backward)
            backward = list(dict.fromkeys(backward))
    return False


def upstream_of(incoming: Mapping[str, Mapping], node_id: str) -> set[str]:
    """Ids of every node ``node_id`` depends on (not itself), from a graph's incoming table."""
    seen: set[str] = set()
    stack = [node_id]
    while stack:
        for e in incoming[stack.pop()].values():
            if e.src not in seen:
                seen.add(e.src)
                stack.append(e.src)
    return seen


def downstream_of(outgoing: Mapping[str, Sequence], node_id: str) -> set[str]:
    """Ids of every node that depends on ``node_id`` (not itself), from a graph's outgoing
    table."""
    seen: set[str] = set()
    stack = [node_id]
    while stack:
        for e in outgoing[stack.pop()]:
            if e.dst not in seen:
                seen.add(e.dst)
                stack.append(e.dst)
    return seen
