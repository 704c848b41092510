"""Whether one node of a graph depends on another, at the cost of the smaller side.

The cycle check of every new wire asks this. Walking everything downstream of the wire's
destination costs the whole graph when the wire enters its first layer (undoing the delete of
an early node in a 10,000-node document re-checks each of its wires); searching from both ends
at once stops as soon as the smaller side is exhausted.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

__all__ = ["reaches"]


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
