"""Big documents in the window: open time and memory, the longest freeze after opening, one frame
zoomed far out, one edit (delete a node, undo, redo, move), one run step, and ``render`` of a
chain, at 1k, 10k and 30k nodes (100k with ``--huge``) (issue 15).

Run: ``QT_QPA_PLATFORM=offscreen python benchmarks/bench_big_documents.py [--quick] [--huge]``.
``--quick`` runs 1k and 3k nodes in seconds (what CI runs); ``--huge`` adds 100k nodes (minutes).
Each size runs in a fresh process, so memory figures are that size's alone. Targets at 10,000
nodes: open <= 2 s and <= 300 MB, each edit <= 50 ms, one run step <= 16 ms; 100,000 nodes open
<= 20 s and no freeze over 100 ms after it; ``render`` of a 20,000-node chain <= 5 s. Only the
cards near what the view shows are built ("cards" column); the rest are sketched as blocks.
Prints a table (a row a size: open time and memory, the longest freeze in the two seconds after
opening, zooming out to the whole document, each edit's own time, the longest event-loop turn
after each edit until its deferred work is done, and one run step) and how each figure grows
from the smallest size to the largest; not a test. ``--child window N`` runs one size.

Measured with ``--huge`` on the shared 2-core machine (December 2026)::

      nodes | open s |    MB | freeze after open ms | cards | zoom out: first, frame ms | delete  undo  redo  move ms | longest turn after delete/undo/redo/move ms | all done ms | step ms
      1,000 |   0.58 |    22 |                 18.2 | 1,000 |                 86,    54 |    3.4   4.5   3.4   1.3    |                                   11/11/11/1 |          94 |    27.7
     10,000 |   1.65 |    30 |                 27.5 |   200 |                 59,    49 |   17.6  27.8  19.8   8.6    |                                   25/17/12/4 |         173 |    35.7
     30,000 |   3.46 |    91 |                 23.5 |   200 |                 76,    74 |   11.2  21.9   9.9   3.4    |                                     9/11/9/3 |         212 |    49.0
    100,000 |   9.62 |   304 |                 27.7 |   200 |                 62,    51 |   13.3  42.5   8.8   3.4    |                                   18/34/12/3 |         684 |   279.7
    render of a 20,000-node chain: 2.64 s (exit 0)
    growth 1,000 -> 100,000 nodes (x100): open x16.5, memory x14.0, longest freeze x1.5, zooming out x0.7, zoomed-out frame x0.9, delete x4.0, undo x9.4, redo x2.6, move x2.6, longest turn after an edit x3.1, step x10.1
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 2**20


def _best(fn, repeat: int = 3) -> float:
    """The fastest of ``repeat`` calls of ``fn`` (ms): the machine is shared."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return min(times)


def measure_window(n: int) -> dict:
    """Open an n-node file in a real window and time the edits (one process per size)."""
    from PySide6.QtWidgets import QApplication

    from graphstudio.files.gsgraph import save_graph
    from graphstudio.ui.commands import MoveNodesCommand, RemoveNodesCommand, try_push
    from graphstudio.ui.main_window import MainWindow
    from graphstudio.ui.settings import AppSettings
    from tests.support.graph_generator import make_large_graph

    tmp = Path(tempfile.mkdtemp(prefix="gs-bench-"))
    path = tmp / f"big{n}.gsgraph"
    save_graph(make_large_graph(n), path)
    app = QApplication.instance() or QApplication([])
    win = MainWindow(settings=AppSettings.at(tmp / "s.ini"), data_dir=tmp / "data")
    win.resize(1280, 800)
    win.show()
    app.processEvents()
    base = _rss_mb()
    t = time.perf_counter()
    assert win.files.open_file(path, ask=False)
    app.processEvents()
    out = {"n": n, "open_s": time.perf_counter() - t, "open_mb": _rss_mb() - base}
    out["gap_ms"] = _longest_gap(app, 2.0)  # cards in view built a slice at a time meanwhile
    _drain(win, app)
    out["built_s"] = time.perf_counter() - t
    out["cards"] = win.scene.cards_built
    out["far_first_ms"], out["far_frame_ms"] = _far_frame_ms(win, app)
    g, stack = win.graph, win.undo_stack
    victim = next(nid for nid, node in g.nodes.items() if node.type == "tanh")

    def timed(fn) -> float:
        """ms for ``fn`` and the event-loop turn that shows it (work deferred to later turns
        is in settle/longest turn)."""
        t = time.perf_counter()
        fn()
        app.processEvents()
        return (time.perf_counter() - t) * 1000

    dels, undos, redos, moves = [], [], [], []
    for _ in range(3):
        dels.append(timed(lambda: try_push(stack, RemoveNodesCommand(g, [victim]))))
        _drain(win, app)
        undos.append(timed(stack.undo))
        _drain(win, app)
        redos.append(timed(stack.redo))
        _drain(win, app)
        stack.undo()
        _drain(win, app)
        pos = g.nodes[victim].pos
        moves.append(timed(lambda p=pos: try_push(stack, MoveNodesCommand(
            g, {victim: (p, (p[0] + 5, p[1] + 7))}))))
    out.update(delete_ms=min(dels), undo_ms=min(undos), redo_ms=min(redos), move_ms=min(moves))
    pos = g.nodes[victim].pos
    for kind, fn in (("delete", lambda: try_push(stack, RemoveNodesCommand(g, [victim]))),
                     ("undo", stack.undo), ("redo", stack.redo), ("reundo", stack.undo),
                     ("move", lambda: try_push(stack, MoveNodesCommand(
                         g, {victim: (pos, (pos[0] - 5, pos[1] - 7))})))):
        out[f"{kind}_settle_ms"], out[f"{kind}_turn_ms"] = _settle(win, app, fn)
    out["settle_ms"] = max(out[f"{k}_settle_ms"] for k in ("delete", "undo", "redo", "move"))
    out["stall_ms"] = max(out[f"{k}_turn_ms"] for k in ("delete", "undo", "redo", "move"))
    out["step_ms"] = _step_ms(win, app)
    win.undo_stack.setClean()
    win.close()
    return out


def _longest_gap(app, seconds: float) -> float:
    """The longest wait between two ticks of a 1 ms timer over ``seconds`` (ms): how long the
    event loop was frozen at worst."""
    from PySide6.QtCore import QTimer

    ticks = [time.perf_counter()]
    timer = QTimer()
    timer.setInterval(1)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    end = ticks[0] + seconds
    while time.perf_counter() < end:
        app.processEvents()
    timer.stop()
    return max(b - a for a, b in zip(ticks, ticks[1:], strict=False)) * 1000 if len(ticks) > 1 \
        else seconds * 1000


def _far_frame_ms(win, app) -> tuple[float, float]:
    """Zooming out to the whole document (blocks): the turn that shows it first (the blocks
    worked out and painted) and one frame after that (ms); then back where it was."""
    view = win.view
    transform, centre = view.transform(), view.mapToScene(view.viewport().rect().center())
    rect = win.scene.items_bounding_rect()
    view.set_zoom(min(view.viewport().width() / rect.width(),
                      view.viewport().height() / rect.height()))
    view.centerOn(rect.center())
    t = time.perf_counter()
    view.viewport().repaint()
    app.processEvents()
    first = (time.perf_counter() - t) * 1000
    t = time.perf_counter()
    view.viewport().grab()
    ms = (time.perf_counter() - t) * 1000
    view.setTransform(transform)
    view.centerOn(centre)
    _drain(win, app)
    return first, ms


def _drain(win, app) -> None:
    """Let the window finish what it deferred."""
    app.processEvents()
    while getattr(win.scene, "deferred_work", 0):
        app.processEvents()


def _settle(win, app, edit) -> tuple[float, float]:
    """Make ``edit`` and let the window finish the work it deferred (a big edit's downstream
    found, cards laid out and results settled in slices): (ms until nothing is left, the
    longest single event-loop turn in ms, the edit's own turn included)."""
    scene = win.scene
    t0 = time.perf_counter()
    edit()
    longest = 0.0
    while True:
        t = time.perf_counter()
        app.processEvents()
        longest = max(longest, time.perf_counter() - t, t - t0 if longest == 0.0 else 0.0)
        if not getattr(scene, "deferred_work", 0) or time.perf_counter() - t0 > 60:
            break
    return (time.perf_counter() - t0) * 1000, longest * 1000


def _step_ms(win, app) -> float:
    """One Step (forward or backward) in the window, after the run is prepared (its timeline,
    and on a big document the room its values need)."""
    action = win.actions.get("step") or win.actions.get("run_step")
    if action is None:
        return float("nan")
    action.trigger()  # the first step builds the timeline
    app.processEvents()
    display = getattr(getattr(win, "run_controller", None), "display", None)
    planner = getattr(display, "room_planner", None)  # a big document: room for the values,
    while planner is not None and planner.busy:  # measured between events once per run
        app.processEvents()
    if display is not None:
        display.flush()  # (the cards off screen, otherwise brought up to date between steps)
    return _best(lambda: (action.trigger(), app.processEvents()), 5)


def measure_render(n: int) -> dict:
    """``graphstudio render`` of an n-node chain, as a whole process."""
    from graphstudio.files.gsgraph import save_graph
    from graphstudio.graph.model import Graph

    g = Graph()
    prev = g.add_node("input", "x", pos=(0, 0)).id
    for i in range(1, n):
        prev_node = g.add_node("relu", f"r{i}", pos=(260.0 * (i % 100), 190.0 * (i // 100)))
        g.connect(prev, "out", prev_node.id, "input")
        prev = prev_node.id
    tmp = Path(tempfile.mkdtemp(prefix="gs-bench-"))
    save_graph(g, tmp / "chain.gsgraph")
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "graphstudio", "render", str(tmp / "chain.gsgraph"),
                           "-o", str(tmp / "chain.png")], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    return {"render_n": n, "render_s": time.perf_counter() - t, "render_rc": proc.returncode,
            "render_err": proc.stderr.strip()[-200:]}


def main(argv: list[str]) -> int:
    if argv[:1] == ["--child"]:
        kind, n = argv[1], int(argv[2])
        print(json.dumps(measure_window(n) if kind == "window" else measure_render(n)))
        return 0
    quick, huge = "--quick" in argv, "--huge" in argv
    sizes = [1_000, 3_000] if quick else [1_000, 10_000, 30_000] + ([100_000] if huge else [])
    rows = []
    print(HEADER)
    for n in sizes:
        rows.append(_child("window", n))
        print(_row(rows[-1]), flush=True)
    chain = 2_000 if quick else 20_000
    r = _child("render", chain)
    print(f"render of a {chain:,}-node chain: {r['render_s']:.2f} s (exit {r['render_rc']}"
          f"{': ' + r['render_err'] if r['render_rc'] else ''})")
    if len(rows) > 1:
        a, b = rows[0], rows[-1]
        k = b["n"] / a["n"]
        grew = ", ".join(f"{label} x{b[key] / max(a[key], 1e-3):.1f}" for label, key in (
            ("open", "open_s"), ("memory", "open_mb"), ("longest freeze", "gap_ms"),
            ("zooming out", "far_first_ms"), ("zoomed-out frame", "far_frame_ms"),
            ("delete", "delete_ms"), ("undo", "undo_ms"), ("redo", "redo_ms"),
            ("move", "move_ms"), ("longest turn after an edit", "stall_ms"), ("step", "step_ms")))
        print(f"growth {a['n']:,} -> {b['n']:,} nodes (x{k:g}): {grew}")
    return 0


HEADER = ("  nodes | open s |    MB | freeze after open ms | cards | zoom out: first, frame ms "
          "| delete  undo  redo  move ms | longest turn after delete/undo/redo/move ms "
          "| all done ms | step ms")


def _row(r: dict) -> str:
    """One line of the table for one size."""
    turns = "/".join(f"{r[k + '_turn_ms']:.0f}" for k in ("delete", "undo", "redo", "move"))
    return (f"{r['n']:>7,} | {r['open_s']:6.2f} | {r['open_mb']:5.0f} | {r['gap_ms']:20.1f} | "
            f"{r['cards']:5,} | {r['far_first_ms']:18.0f}, {r['far_frame_ms']:5.0f} | "
            f"{r['delete_ms']:6.1f}{r['undo_ms']:6.1f}{r['redo_ms']:6.1f}{r['move_ms']:6.1f}    | "
            f"{turns:>44} | {r['settle_ms']:11.0f} | {r['step_ms']:7.1f}")


def _child(kind: str, n: int) -> dict:
    proc = subprocess.run([sys.executable, __file__, "--child", kind, str(n)], cwd=ROOT,
                          capture_output=True, text=True)
    if proc.returncode:
        raise SystemExit(f"{kind} {n}: {proc.stderr.strip()[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
