"""The ``graphstudio`` command line.

    graphstudio [FILE ...]                     open the window (on FILE)
    graphstudio run FILE [--json] [--steps]    forward + backward, printed PyTorch-style
    graphstudio check FILE                     validate a file and its shapes
    graphstudio render FILE -o OUT [--after forward|backward]   draw the canvas offscreen

Exit codes: 0 fine; 1 the graph has problems (a node cannot be computed, no backward); 2 usage
errors and unreadable or invalid files, with one line on stderr and never a traceback.

Each subcommand is one ``cmd_<name>(args) -> int`` function registered in :data:`COMMANDS`
with an ``add_<name>(subparsers)`` that declares its arguments.
"""

from __future__ import annotations

import argparse
import os
import sys

import numpy as np

__all__ = ["COMMANDS", "main"]

PROG = "graphstudio"


class UsageError(Exception):
    """Bad command line: reported as one line, exit code 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        raise UsageError(message)


def _fail(message: str, code: int = 2) -> int:
    print(f"{PROG}: {message}".replace("\n", " "), file=sys.stderr)
    return code


def compact_json(obj) -> str:
    from graphstudio.engine.files import compact_json as dump

    return dump(obj)


def _load(path: str):
    from graphstudio.engine.files import load_graph

    return load_graph(path)


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


def cmd_run(args) -> int:
    from graphstudio.engine.runner import Runner, RunOptions

    graph = _load(args.file)
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
        print_results(graph, runner, timeline)
    problems = [f"node {graph.nodes[n].name!r}: {e}" for n, e in timeline.node_errors.items()]
    if timeline.error:
        problems.insert(0, timeline.error)
    if timeline.backward_unavailable_reason and not args.no_grad:
        problems.append(f"no backward: {timeline.backward_unavailable_reason}")
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        return _fail(problems[0] + more, 1)
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


def _short(a) -> str:
    if a is None:
        return "None"
    return np.array2string(np.asarray(a), precision=4, threshold=12, edgeitems=2,
                           max_line_width=10**6, separator=", ").replace("\n", "")


def print_steps(graph, timeline) -> None:
    names = {nid: n.name for nid, n in graph.nodes.items()}
    width = len(str(len(timeline)))
    for s in timeline.steps:
        # numbered from 1, as the window's Steps dock numbers them
        head = f"{s.index + 1:>{width}} {s.kind:<8} "
        if s.kind == "forward":
            fn = f"  grad_fn={s.grad_fn}" if s.grad_fn else ""
            print(f"{head}{s.label}: {_short(s.value)}{fn}")
            continue
        line = f"{head}{s.label}: got {_short(s.grad_output)}"
        if len(s.contributions) > 1:
            line += " = " + " + ".join(_short(c) for c in s.contributions)
        if s.leaf_id is not None:
            line += f"; {names[s.leaf_id]}.grad = {_short(s.new_grad)}"
        for e, g in s.edge_grads.items():
            line += f"; to {names[e.src]} ({e.dst_port}): {_short(g)}"
        print(line)
    if timeline.backward_unavailable_reason:
        print(f"no backward: {timeline.backward_unavailable_reason}")


# ====================================================================== check
def add_check(sub):
    p = sub.add_parser("check", help="validate a file and infer its shapes",
                       description="Read the file and infer every node's shape. Exit code 0: "
                                   "fine; 1: some node has a problem; 2: unreadable file.")
    p.add_argument("file", help="a .gsgraph file")


def cmd_check(args) -> int:
    from graphstudio.engine.shapes import infer_shapes

    graph = _load(args.file)
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

    render_file(args.file, args.output, after=args.after)
    return 0


def open_window(paths: list[str]) -> int:
    from graphstudio.ui.app import run_app

    return run_app(paths)


COMMANDS = {"run": (add_run, cmd_run), "check": (add_check, cmd_check),
            "render": (add_render, cmd_render)}


def all_commands() -> dict:
    """These commands plus train, gradcheck, export and import from :mod:`graphstudio.cli_tools`
    and examples from :mod:`graphstudio.cli_install` (imported here, not at the top, because
    those modules build on this one)."""
    from graphstudio.cli_install import COMMANDS as install
    from graphstudio.cli_tools import COMMANDS as tools

    return {**COMMANDS, **tools, **install}


def build_parser() -> argparse.ArgumentParser:
    from graphstudio import __version__

    parser = _Parser(prog=PROG, description="Build computational graphs and watch PyTorch-style "
                                            "autograd run step by step. Without a command, "
                                            "opens the window (on FILE if given).")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    from graphstudio.cli_install import add_options

    add_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for add, _ in all_commands().values():
        add(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        commands = all_commands()
        if not argv or (argv[0] not in commands and not argv[0].startswith("-")):
            return open_window(argv)
        args = build_parser().parse_args(argv)
        from graphstudio.cli_install import run_options

        code = run_options(args)
        if code is not None:
            return code
        if args.command is None:
            raise UsageError("give a command or a file; see --help")
        return commands[args.command][1](args)
    except UsageError as ex:
        return _fail(f"error: {ex}")
    except ValueError as ex:  # GraphFileError, RenderError and other bad input
        return _fail(str(ex))
    except BrokenPipeError:  # e.g. `graphstudio run FILE | head`: stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except OSError as ex:
        return _fail(f"{ex.filename or ''}{': ' if ex.filename else ''}{ex.strerror or ex}")
    except KeyboardInterrupt:
        return _fail("interrupted", 130)
