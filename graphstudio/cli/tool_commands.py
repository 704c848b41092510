"""Command-line tools beyond run/check: train, gradcheck, export and import.

    graphstudio train FILE --steps N [--lr LR] [--optimizer adam|sgd] [--momentum M]
                      [--weight-decay W] [--seed S] [--loss NAME] [--no-zero-grad]
                      [--keep-going] [-o OUT]
    graphstudio gradcheck FILE [--loss NAME] [--eps E] [--atol A] [--rtol R]
    graphstudio export FILE [-o script.py] [--max-literal N]
    graphstudio import CODE.py [-o graph.gsgraph]

:func:`add_subcommands` registers them on the main parser's subparsers; each parser's default
``func`` is its ``cmd_<name>(args) -> int``, and :data:`COMMANDS` has the same pairs in the shape
``cli.dispatch.COMMANDS`` uses. Exit codes as in :mod:`graphstudio.cli.common` (1 here also for a
failed gradient check or a loss that stopped being finite).
"""

from __future__ import annotations

import sys
import time

from graphstudio.cli.common import UsageError, check_output, exit_now, fail, load_graph_file
from graphstudio.files.gsgraph import write_text_atomic

__all__ = ["COMMANDS", "add_subcommands", "cmd_export", "cmd_gradcheck", "cmd_import",
           "cmd_train", "write_text_atomic"]

MAX_CODE_BYTES = 20 * 1024 * 1024


def _node(graph, name: str | None) -> str | None:
    """The id of the node called ``name`` (or with that id); UsageError when there is none."""
    from graphstudio.graph.lookup import NodeLookupError, resolve_node

    try:
        return None if name is None else resolve_node(graph, name)
    except NodeLookupError as ex:
        raise UsageError(str(ex)) from None


# ====================================================================== train
def add_train(sub):
    p = sub.add_parser("train", help="train the Parameters and write the trained graph",
                       description="Train the graph's Parameters with Adam or SGD, showing a "
                                   "progress bar on stderr, then print the first and last loss "
                                   "and write the trained graph (-o).")
    p.add_argument("file", help="a .gsgraph file")
    p.add_argument("--steps", type=int, default=200, help="optimizer steps (default 200)")
    p.add_argument("--lr", type=float, help="learning rate (default 0.05 Adam, 0.1 SGD)")
    p.add_argument("--optimizer", choices=("adam", "sgd"), default="adam")
    p.add_argument("--momentum", type=float, default=0.0, help="SGD momentum (default 0)")
    p.add_argument("--weight-decay", type=float, default=0.0)
    p.add_argument("--seed", type=int, help="draw rand/randn Parameters afresh with this seed")
    p.add_argument("--loss", metavar="NAME", help="the loss node (default: the file's)")
    p.add_argument("--no-zero-grad", action="store_true",
                   help="let gradients accumulate across steps")
    p.add_argument("--keep-going", action="store_true",
                   help="keep training when the loss becomes inf or nan (default: stop)")
    p.add_argument("-o", "--output", metavar="OUT", help="write the trained graph here")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_train)


class ProgressBar:
    """``[#####.....] 120/200  loss 0.01234`` rewritten in place on ``stream``."""

    def __init__(self, total: int, stream=None, width: int = 30, interval: float = 0.05):
        self.total, self.width, self.interval = max(total, 1), width, interval
        self.stream = sys.stderr if stream is None else stream
        self.last = -1.0
        self.shown = False

    def update(self, done: int, loss: float) -> None:
        now = time.monotonic()
        if done < self.total and now - self.last < self.interval:
            return
        self.last = now
        fill = round(self.width * done / self.total)
        bar = "#" * fill + "." * (self.width - fill)
        self.stream.write(f"\r[{bar}] {done}/{self.total}  loss {loss:.6g}")
        self.stream.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            self.stream.write("\n")
            self.stream.flush()


def cmd_train(args) -> int:
    from graphstudio.files.gsgraph import save_graph
    from graphstudio.run.training import TrainConfig, Trainer, TrainingError

    graph = load_graph_file(args.file)
    check_output(args.output)
    try:
        config = TrainConfig(loss_node=_node(graph, args.loss), optimizer=args.optimizer,
                             lr=args.lr, momentum=args.momentum, weight_decay=args.weight_decay,
                             steps=args.steps, zero_grad=not args.no_zero_grad, seed=args.seed,
                             stop_if_diverged=not getattr(args, "keep_going", False))
        trainer = Trainer(graph, config)
    except TrainingError as ex:
        return fail(str(ex))
    bar = None if args.quiet else ProgressBar(config.steps)
    try:
        trainer.run(None if bar is None else (lambda r: bar.update(r.step, r.loss)))
    except TrainingError as ex:
        return fail(str(ex), 1)
    finally:
        if bar is not None:
            bar.close()
    names = ", ".join(trainer.names.values())
    losses = trainer.losses
    what = f"{config.optimizer}, lr {config.learning_rate:g}"
    if losses:
        print(f"trained {names} for {len(losses)} steps ({what}): loss {losses[0]:.6g} -> "
              f"{losses[-1]:.6g}")
    else:
        print(f"trained {names} for 0 steps ({what})")
    if trainer.diverged_at is not None:
        loss = losses[trainer.diverged_at - 1]
        fail(f"training diverged: the loss became {loss} at step {trainer.diverged_at}"
             + ("" if not config.stop_if_diverged else "; stopped there") + f" ({what})", 1)
    unsaved = trainer.non_finite_parameters() if args.output else []
    if unsaved:
        return fail(f"{args.output} was not written: the trained {', '.join(unsaved)} hold inf "
                    f"or nan, which a file cannot keep", 1)
    if args.output:
        save_graph(trainer.trained_graph(), args.output)
        print(f"wrote {args.output}")
    if trainer.diverged_at is not None:
        return 1
    if trainer.stop_reason is not None:
        return fail(f"training stopped: {trainer.stop_reason}", 1)
    return 0


# ====================================================================== gradcheck
def add_gradcheck(sub):
    p = sub.add_parser("gradcheck", help="check every Parameter's gradient numerically",
                       description="Compare each Parameter's autograd gradient with central "
                                   "differences in float64. Exit code 1 when one fails.")
    p.add_argument("file", help="a .gsgraph file")
    p.add_argument("--loss", metavar="NAME", help="the loss node (default: the file's)")
    p.add_argument("--eps", type=float, default=1e-6, help="step (default 1e-6)")
    p.add_argument("--atol", type=float, default=1e-5, help="absolute tolerance (default 1e-5)")
    p.add_argument("--rtol", type=float, default=1e-3, help="relative tolerance (default 1e-3)")
    p.set_defaults(func=cmd_gradcheck)


def cmd_gradcheck(args) -> int:
    from graphstudio.run.gradient_check import check_graph_gradients, format_report
    from graphstudio.run.training import TrainingError

    graph = load_graph_file(args.file)
    if not (args.eps > 0 and args.atol >= 0 and args.rtol >= 0):
        raise UsageError("--eps must be > 0, --atol and --rtol >= 0")
    try:
        reports = check_graph_gradients(graph, _node(graph, args.loss), eps=args.eps,
                                        atol=args.atol, rtol=args.rtol)
    except TrainingError as ex:
        return fail(f"cannot check gradients: {ex}", 1)
    print(format_report(reports))
    checked = [r for r in reports if not r.skipped]
    failed = [r.name for r in checked if not r.passed]
    if failed:
        print(f"{len(failed)} of {len(checked)} checked parameters FAIL: {', '.join(failed)}")
        return 1
    print(f"{len(checked)} parameter{'s' if len(checked) != 1 else ''} checked: all pass"
          + (f" ({len(reports) - len(checked)} skipped)" if len(checked) < len(reports) else ""))
    return 0


# ====================================================================== export / import
def add_export(sub):
    p = sub.add_parser("export", help="write the graph as a PyTorch script",
                       description="Write a PyTorch program that builds the same tensors and "
                                   "ops, runs forward and backward and prints what `run` "
                                   "prints. Without -o, print it.")
    p.add_argument("file", help="a .gsgraph file")
    p.add_argument("-o", "--output", metavar="SCRIPT", help="the .py file to write")
    p.add_argument("--max-literal", type=int, metavar="N",
                   help="leave out the values of tensors with more than N elements")
    p.set_defaults(func=cmd_export)


def cmd_export(args) -> int:
    from graphstudio.pytorch.export import export_script

    graph = load_graph_file(args.file)
    check_output(args.output)
    script = export_script(graph, args.max_literal)
    if args.output:
        write_text_atomic(args.output, script)
    else:
        sys.stdout.write(script)
    return 0


def add_import(sub):
    p = sub.add_parser("import", help="build a graph from PyTorch-style code",
                       description="Read PyTorch-style code (never running it) and write the "
                                   "graph it describes. Without -o, print the graph's JSON.")
    p.add_argument("code", help="a .py file")
    p.add_argument("-o", "--output", metavar="GRAPH", help="the .gsgraph file to write")
    p.set_defaults(func=cmd_import)


def cmd_import(args) -> int:
    from graphstudio.files.gsgraph import graph_to_json, save_graph
    from graphstudio.files.regular_file import open_regular
    from graphstudio.graph.collector import collector_paused
    from graphstudio.pytorch.code_import import CodeImportError, graph_from_tree
    from graphstudio.pytorch.import_source import parse_code

    try:
        with open_regular(args.code) as f:
            raw = f.read(MAX_CODE_BYTES + 1)
    except OSError as ex:
        return fail(f"{args.code}: cannot read the file: {ex.strerror or ex}")
    if len(raw) > MAX_CODE_BYTES:
        return fail(f"{args.code}: the file is larger than {MAX_CODE_BYTES} bytes")
    check_output(args.output)
    with collector_paused():  # the graph and its file text are all kept: nothing to collect
        try:  # the tree is kept until the end: see exit_now below
            tree = parse_code(raw.decode("utf-8-sig"))
            graph = graph_from_tree(tree)
        except UnicodeDecodeError:
            return fail(f"{args.code}: not UTF-8 text")
        except CodeImportError as ex:
            return fail(f"{args.code}: {ex}")
        if args.output:
            save_graph(graph, args.output)
        else:
            sys.stdout.write(graph_to_json(graph))
        if getattr(args, "whole_process", False):
            exit_now(0)  # the graph and the interpreter are not taken apart object by object
        # freed while the collector still sleeps: woken with the graph alive, its first
        # collection would walk every one of the graph's objects (a third of a second at 30k)
        del graph, tree
    return 0


# ====================================================================== wiring
COMMANDS = {"train": (add_train, cmd_train), "gradcheck": (add_gradcheck, cmd_gradcheck),
            "export": (add_export, cmd_export), "import": (add_import, cmd_import)}


def add_subcommands(subparsers) -> None:
    """Register train, gradcheck, export and import (each sets ``func`` as its default)."""
    for add, _ in COMMANDS.values():
        add(subparsers)
