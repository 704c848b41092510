"""The commands that run a graph file: ``run``, ``check`` and ``render``.

    graphstudio run FILE [--json] [--steps]    forward + backward, printed PyTorch-style
    graphstudio check FILE                     validate a file and its shapes
    graphstudio render FILE -o OUT [--after forward|backward]   draw the canvas offscreen

Each subcommand is one ``cmd_<name>(args) -> int`` function registered in :data:`COMMANDS`
with an ``add_<name>(subparsers)`` that declares its arguments (exit codes: :mod:`.common`).
"""

from __future__ import annotations

import numpy as np

from graphstudio.cli.common import UsageError, check_output, fail, load_graph_file, short_array

__all__ = ["COMMANDS", "cmd_check", "cmd_render", "cmd_run", "print_results", "print_steps"]


def compact_json(obj) -> str:
    from graphstudio.files.gsgraph import compact_json as dump

    return dump(obj)


# ====================================================================== run
def add_run(sub):
    p = sub.add_parser("run", help="run forward and backward and print every node",
                       description="Run the graph's forward and backward pass and print each "
                                   "node, then each parameter's .grad, as PyTorch prints them.")
    p.add_argument("file", help="a .gsgraph file")
    p.add_argument("--json", action="store_true", help="print the results as JSON")
    p.add_argument("--steps", action="store_true", help="print the step-by-step timeline")
    p.add_argument("--loss", metavar="NAME", help="backward from this node (default: the file's)")
    p.add_argument("--no-grad", action="store_true", help="run the forward under no_grad")
    p.add_argument("--retain-grad", metavar="NAME", action="append", default=[],
                   help="keep .grad of this non-leaf node (repeatable)")
    p.add_argument("--single", action="store_true",
                   help="a file with a session: ignore it, run one forward and backward")


def cmd_run(args) -> int:
    from graphstudio.run.runner import Runner, RunOptions

    graph = load_graph_file(args.file)
    if graph.run.get("session") and not args.single:
        if args.loss or args.no_grad or args.retain_grad:
            raise UsageError("this file has a session (the program's own actions): --loss, "
                             "--no-grad and --retain-grad need --single")
        from graphstudio.cli.session_run import run_session

        return run_session(graph, args)
    overrides = {"no_grad": True} if args.no_grad else {}
    if args.loss:
        overrides["loss"] = _node_id(graph, args.loss)
    if args.retain_grad:
        overrides["retain_grad"] = tuple(_node_id(graph, n) for n in args.retain_grad)
    runner = Runner(graph)
    timeline = runner.run(RunOptions.from_graph(graph, **overrides))
    if args.json:
        print(compact_json(_json_result(graph, runner, timeline)))
    else:
        if args.steps:
            print_steps(graph, timeline)
            print()
        print_hook_output(timeline)
        print_results(graph, runner, timeline)
    problems = [f"node {graph.nodes[n].name!r}: {e}" for n, e in timeline.node_errors.items()]
    if timeline.error:
        problems.insert(0, timeline.error)
    if timeline.backward_unavailable_reason and not args.no_grad:
        problems.append(f"no backward: {timeline.backward_unavailable_reason}")
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        return fail(problems[0] + more, 1)
    return 0


def _node_id(graph, name: str) -> str:
    node = graph.node_by_name(name)
    if node is None:
        raise UsageError(f"no node named {name!r}")
    return node.id


def _text(value) -> str:
    """A value as PyTorch's print shows it (engine repr for tensors)."""
    return repr(value) if hasattr(value, "grad_fn") else repr(float(value))


def print_results(graph, runner, timeline) -> None:
    live = runner.tensors
    for nid in graph.topological_order():
        node = graph.nodes[nid]
        if nid in timeline.node_errors:
            print(f"{node.name}: error: {timeline.node_errors[nid]}")
        elif nid in live:
            value = live[nid]
            if isinstance(value, tuple):
                print(f"{node.name}: ({', '.join(_text(v) for v in value)})")
            else:
                print(f"{node.name}: {_text(value)}")
    for nid in graph.topological_order():
        value = live.get(nid)
        node = graph.nodes[nid]
        if not hasattr(value, "grad_fn"):
            continue
        if node.type == "parameter" or value.retains_grad:
            print(f"{node.name}.grad: {value.grad!r}")


def _json_array(a):
    if a is None:
        return None
    a = np.asarray(a)
    return a.item() if a.ndim == 0 else a.tolist()


def _json_result(graph, runner, timeline) -> dict:
    end = timeline.state_at(len(timeline) - 1)
    nodes = {}
    for nid in graph.topological_order():
        st = end[nid]
        if not st.computed:
            continue
        nodes[graph.nodes[nid].name] = {
            "value": _json_array(st.value), "grad": _json_array(st.grad),
            "grad_fn": st.grad_fn, "requires_grad": st.requires_grad}
    loss = graph.nodes[timeline.loss_id].name if timeline.loss_id in graph.nodes else None
    return {"nodes": nodes, "loss": loss,
            "errors": {graph.nodes[n].name: e for n, e in timeline.node_errors.items()},
            "backward_unavailable_reason": timeline.backward_unavailable_reason,
            "warnings": list(timeline.warnings)}


def print_steps(graph, timeline) -> None:
    """The timeline, one line a step; a Grad node's inner backward indented under it."""
    names = {nid: n.name for nid, n in graph.nodes.items()}
    width = len(str(len(timeline)))
    for s in timeline.steps:
        # numbered from 1, as the window's Steps dock numbers them
        head = f"{s.index + 1:>{width}} {s.kind:<8} "
        if s.kind == "forward":
            fn = f"  grad_fn={s.grad_fn}" if s.grad_fn else ""
            print(f"{head}{s.label}: {short_array(s.value)}{fn}")
            continue
        if s.kind == "inner":
            head = f"{s.index + 1:>{width}}   {s.kind:<8} "
        if s.hook is not None:
            print(f"{head}{s.label}: got {short_array(s.hook[0])} -> {short_array(s.hook[1])}")
            continue
        line = f"{head}{s.label}: got {short_array(s.grad_output)}"
        if len(s.contributions) > 1:
            line += " = " + " + ".join(short_array(c) for c in s.contributions)
        into_grad = {e: g for e, g in s.edge_grads.items() if e.dst == s.within}
        if s.kind == "inner" and any(e.dst_port == "inputs" for e in into_grad):
            line += (f"; {names[s.within]} = {short_array(s.grad_output)} (captured: "
                     f"{names.get(s.leaf_id or s.node_id, '?')}.grad untouched)")
        elif s.leaf_id is not None:
            line += f"; {names[s.leaf_id]}.grad = {short_array(s.new_grad)}"
        for e, g in s.edge_grads.items():
            if e not in into_grad:
                line += f"; to {names[e.src]} ({e.dst_port}): {short_array(g)}"
        print(line)
    if timeline.backward_unavailable_reason:
        print(f"no backward: {timeline.backward_unavailable_reason}")


def print_hook_output(timeline) -> None:
    """What the print hooks printed during the run, in order (as the exported script does)."""
    for s in timeline.steps:
        if getattr(s, "hook", None) is not None and s.hook[2] is not None:
            print(s.hook[2])


# ====================================================================== check
def add_check(sub):
    p = sub.add_parser("check", help="validate a file and infer its shapes",
                       description="Read the file and infer every node's shape. Exit code 0: "
                                   "fine; 1: some node has a problem; 2: unreadable file.")
    p.add_argument("file", help="a .gsgraph file")


def cmd_check(args) -> int:
    from graphstudio.graph.shape_inference import infer_shapes

    graph = load_graph_file(args.file)
    results = infer_shapes(graph)
    bad = [(graph.nodes[nid], r.error) for nid, r in results.items() if r.error]
    loss = graph.run.get("loss")
    loss_text = f", loss node {graph.nodes[loss].name!r}" if loss in graph.nodes else ""
    for node, err in bad:
        print(f"node {node.name!r} ({node.type}): {err}")
    print(f"{args.file}: {len(graph)} nodes, {len(graph.edges)} edges{loss_text}: "
          + ("ok" if not bad else f"{len(bad)} node{'s' if len(bad) > 1 else ''} with problems"))
    return 1 if bad else 0


# ====================================================================== render / window
def add_render(sub):
    p = sub.add_parser("render", help="draw the canvas of a file to PNG or SVG offscreen")
    p.add_argument("file", help="a .gsgraph file")
    p.add_argument("-o", "--output", required=True, metavar="OUT", help="a .png or .svg path")
    p.add_argument("--after", choices=("forward", "backward"),
                   help="show values (forward) or values and gradients (backward)")


def cmd_render(args) -> int:
    from graphstudio.ui.render import render_file

    check_output(args.output)
    render_file(args.file, args.output, after=args.after)
    return 0


COMMANDS = {"run": (add_run, cmd_run), "check": (add_check, cmd_check),
            "render": (add_render, cmd_render)}
