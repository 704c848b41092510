"""The commands that share a run: ``animate`` and ``handout``.

    graphstudio animate FILE -o OUT.gif|OUT.png|OUT.webp [--size 1280x720] [--step-ms 900]
                        [--from K] [--to K] [--loss NAME] [--theme light|dark] [--lang en|zh_CN]
    graphstudio handout FILE -o OUT.pdf [--loss NAME] [--theme light|dark] [--lang en|zh_CN]

Steps are numbered as the Steps dock and ``run --steps`` number them, 0 being the state before
the run. Bad options, and a graph that does not run, exit 2 with one line saying why (checked
before any work is done); see :mod:`graphstudio.ui.share` for what is drawn.
"""

from __future__ import annotations

import contextlib
import time
from pathlib import Path

from graphstudio.cli.common import UsageError, check_output, load_graph_file

__all__ = ["COMMANDS", "cmd_animate", "cmd_handout"]

THEMES = ("light", "dark")


def _add_common(p) -> None:
    p.add_argument("file", help="a .gsgraph file")
    p.add_argument("--loss", metavar="NAME", help="backward from this node (default: the file's)")
    p.add_argument("--theme", choices=THEMES, default="light", help="colours (default light)")
    p.add_argument("--lang", default="en", metavar="en|zh_CN",
                   help="language of the captions and headings (default en)")


def add_animate(sub):
    p = sub.add_parser("animate", help="the run as an animated GIF, PNG or WebP, a frame a step",
                       description="Write one frame for the graph before the run and one per "
                                   "step (forward, then backward in the engine's order), as the "
                                   "window shows them, with a caption naming each step.")
    _add_common(p)
    p.add_argument("-o", "--output", required=True, metavar="OUT",
                   help="a .gif, .png (animated PNG) or .webp path")
    p.add_argument("--size", default="1280x720", metavar="WxH", help="frame size (1280x720)")
    p.add_argument("--step-ms", type=int, default=900, metavar="MS",
                   help="how long each step shows, in ms (900)")
    p.add_argument("--from", dest="first", type=int, default=0, metavar="K",
                   help="first step shown (0: before the run)")
    p.add_argument("--to", dest="last", type=int, metavar="K", help="last step shown")


def add_handout(sub):
    p = sub.add_parser("handout", help="the run as a PDF: a title page and a page per step",
                       description="Write a PDF with a title page (the graph and its notes) "
                                   "and one page per step: its picture and caption, what it "
                                   "did and the values of the node it ran.")
    _add_common(p)
    p.add_argument("-o", "--output", required=True, metavar="OUT.pdf", help="a .pdf path")


def _prepare(args, options):
    """Check everything, then load and run the graph: (graph, timeline)."""
    from graphstudio.ui.share.export_job import run_for_share
    from graphstudio.ui.share.language import check_language

    check_language(args.lang)
    options.check()
    check_output(args.output)
    graph = load_graph_file(args.file)
    loss = _node(graph, args.loss) if args.loss else None
    return graph, run_for_share(graph, loss)


def _node(graph, name: str) -> str:
    from graphstudio.graph.lookup import NodeLookupError, resolve_node

    try:
        return resolve_node(graph, name)
    except NodeLookupError as ex:
        raise UsageError(str(ex)) from None


@contextlib.contextmanager
def _in_language(lang: str):
    """Qt running, speaking ``lang`` for the job; the language before comes back after."""
    from graphstudio.ui.language import ui_language
    from graphstudio.ui.render import ensure_app
    from graphstudio.ui.share.language import install_language

    app = ensure_app()
    before = ui_language()
    install_language(app, lang)
    try:
        yield
    finally:
        install_language(app, before)


def cmd_animate(args) -> int:
    from graphstudio.ui.share.animation import AnimationJob, check_animation_name
    from graphstudio.ui.share.export_job import ShareOptions, parse_size, step_range

    check_animation_name(args.output)
    options = ShareOptions(size=parse_size(args.size), step_ms=args.step_ms, first=args.first,
                           last=args.last, theme=args.theme)
    graph, timeline = _prepare(args, options)
    step_range(timeline, options)
    with _in_language(args.lang):
        start = time.perf_counter()
        job = AnimationJob(graph, timeline, args.output, options)
        job.run()
        took = time.perf_counter() - start
    w, h = options.size
    print(f"wrote {args.output}: {job.total} frames, {w}x{h}, {took:.1f} s "
          f"({1000 * took / job.total:.0f} ms a frame)")
    return 0


def cmd_handout(args) -> int:
    from graphstudio.ui.share.export_job import ShareError, ShareOptions
    from graphstudio.ui.share.handout import HandoutJob

    if Path(args.output).suffix.lower() != ".pdf":
        raise ShareError(f"cannot write {Path(args.output).name!r}: choose a .pdf file name")
    options = ShareOptions(theme=args.theme)
    graph, timeline = _prepare(args, options)
    with _in_language(args.lang):
        job = HandoutJob(graph, timeline, args.output, options, Path(args.file).name)
        job.run()
    print(f"wrote {args.output}: {job.total} pages (a title page and {job.total - 1} steps)")
    return 0


COMMANDS = {"animate": (add_animate, cmd_animate), "handout": (add_handout, cmd_handout)}
