"""``graphstudio run`` on a document with a session: replay the program's actions
and print exactly what the program prints (``--steps``: each section's steps first; ``--json``:
the output, the sections and where it stopped)."""

from __future__ import annotations

import numpy as np

from graphstudio.cli.common import fail, short_array
from graphstudio.run.session import replay

__all__ = ["run_session"]


def run_session(graph, args) -> int:
    result = replay(graph)
    if args.json:
        from graphstudio.files.gsgraph import compact_json

        tl = result.timeline
        print(compact_json({"printed": result.printed, "error": result.error,
                            "sections": [{"title": s.title, "steps": s.count}
                                         for s in tl.sections],
                            "nodes": _end_states(graph, tl)}))
    else:
        if args.steps:
            print_session_steps(graph, result.timeline)
            print()
        print(result.printed, end="")
    if result.error:
        return fail(result.error, 1)
    return 0


def _json_array(a):
    if a is None:
        return None
    a = np.asarray(a)
    return a.item() if a.ndim == 0 else a.tolist()


def _end_states(graph, timeline) -> dict:
    """Every computed node at the session's end: value, grad, grad_fn, requires_grad."""
    out = {}
    for nid, st in timeline.state_at(len(timeline) - 1).items():
        if st.computed and nid in graph.nodes:
            out[graph.nodes[nid].name] = {
                "value": _json_array(st.value), "grad": _json_array(st.grad),
                "grad_fn": st.grad_fn, "requires_grad": st.requires_grad}
    return out


def print_session_steps(graph, timeline) -> None:
    """Each section's title, then its steps numbered from 1 as the Steps dock numbers them."""
    names = {nid: n.name for nid, n in graph.nodes.items()}
    width = len(str(len(timeline)))
    for section in timeline.sections:
        print(f"== {section.title} ==")
        for s in timeline.steps[section.first:section.first + section.count]:
            head = f"{s.index + 1:>{width}} {s.kind:<8} "
            if s.kind == "forward":
                print(f"{head}{s.label}: {short_array(s.value)}")
            elif s.kind == "backward":
                grad = f"; {names[s.leaf_id]}.grad = {short_array(s.new_grad)}" if s.leaf_id else ""
                print(f"{head}{s.label}: got {short_array(s.grad_output)}{grad}")
            else:
                print(f"{head}{s.label}")
