"""Stepping figures on a 1,000-node graph in the real window (run UI installed).

Run: ``QT_QPA_PLATFORM=offscreen python benchmarks/bench_stepping.py [N] [--quick]`` (or under
``xvfb-run``; prints figures, not a test). Targets: one step shown (display update and Qt's
repaint of what changed) in <= 16 ms at 1,000 nodes and at 10,000 (``N=10000``: a step costs
what it changes, not the size of the graph); playing never freezes the window (the longest gap
between 5 ms timer ticks while playing, animations on, stays small), with View > Follow Step
on (each step pans the view to its node) at the readable zoom. On a shared machine the wall
time includes waiting for a processor: the processor time of the step on this thread is
printed too. ``--quick``: every part on a 200-node graph, a tenth of the steps, half a second
of playing (seconds; CI runs it so that the script keeps working).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests.support: the graphs

from PySide6.QtCore import QElapsedTimer, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


def figures(label: str, ms: list[float]) -> str:
    ms = sorted(ms)
    p95 = ms[min(len(ms) - 1, int(0.95 * len(ms)))]
    return (f"{label}: median {statistics.median(ms):.1f} ms, p95 {p95:.1f} ms, "
            f"max {ms[-1]:.1f} ms")


def timed_steps(window, moves) -> tuple[list[float], list[float], list[float]]:
    """For each move (a callable): the display update (the step, the docks' deferred updates
    and Qt's own repaint of what changed), the processor time of that update on this thread
    (what the step itself costs when other processes share the machine), and then a full
    repaint of the canvas viewport."""
    app = QApplication.instance()
    update, cpu, full = [], [], []
    for move in moves:
        t0, c0 = time.perf_counter(), time.thread_time()
        move()
        app.processEvents()
        t1, c1 = time.perf_counter(), time.thread_time()
        window.view.viewport().repaint()
        t2 = time.perf_counter()
        update.append((t1 - t0) * 1000)
        cpu.append((c1 - c0) * 1000)
        full.append((t2 - t0) * 1000)
    return update, cpu, full


def report(label: str, result) -> None:
    update, cpu, full = result
    print(f"{label} ({len(update)} steps)")
    print("  " + figures("step shown (update + Qt's repaint of what changed)", update))
    print("  " + figures("  of which processor time on this thread", cpu))
    print("  " + figures("step + a full repaint of the canvas (window 1600x1000)", full))


def main(n: int = 1000, steps: int = 200, play_seconds: float = 3.0) -> None:
    app = QApplication.instance() or QApplication([])
    from graphstudio.files.gsgraph import save_graph
    from graphstudio.ui.main_window import MainWindow
    from graphstudio.ui.run import install_run_ui
    from graphstudio.ui.settings import AppSettings
    from tests.support.graph_generator import make_large_graph

    tmp = tempfile.mkdtemp()
    path = os.path.join(tmp, "large.gsgraph")
    save_graph(make_large_graph(n), path)
    win = MainWindow(settings=AppSettings.at(os.path.join(tmp, "s.ini")), data_dir=tmp)
    c = install_run_ui(win)
    win.files.open_file(path, ask=False)
    win.resize(1600, 1000)
    win.show()
    app.processEvents()
    win.frame()
    from graphstudio.ui.canvas.readable import readable_zoom

    win.view.set_zoom(readable_zoom())  # the zoom the window frames at: text >= 11 px
    app.processEvents()
    g = win.graph
    print(f"graph: {len(g)} nodes, {len(g.edges)} edges")
    c.animate = False
    follow = c.ui.view_options.follow
    follow.set_enabled(True)  # View > Follow Step (on by default): each step pans to its node
    print(f"Follow Step on; zoom {win.view.zoom():.2f}")

    t0 = time.perf_counter()
    c.step()  # the run itself happens here (the engine, once per run)
    app.processEvents()
    win.view.viewport().repaint()
    tl = c.timeline
    c.display.flush()  # the cards off screen, otherwise updated in slices between steps
    print(f"first Step (runs forward + backward, {len(tl)} steps, shows step 1): "
          f"{(time.perf_counter() - t0) * 1000:.0f} ms")
    planner = c.display.room_planner  # a big document: room for the values, in slices
    if planner is not None and planner.busy:
        t0, c0 = time.perf_counter(), time.thread_time()
        while planner.busy:
            app.processEvents()
        print(f"room made for the run's values (a big document: every card measured, a slice "
              f"at a time between events): {(time.perf_counter() - t0) * 1000:.0f} ms, "
              f"processor {(time.thread_time() - c0) * 1000:.0f} ms")
    fc = tl.forward_count
    pans = follow.pans
    report("Step (F10) in the forward, Follow Step on", timed_steps(win, [c.step] * steps))
    print(f"  the view panned to the step's node {follow.pans - pans} times")
    c.jump(fc - 2)
    t0 = time.perf_counter()
    c.step()
    c.step()  # the first backward step: every card gains .grad lines, greyed paths appear
    app.processEvents()
    win.view.viewport().repaint()
    print(f"crossing into the backward (every card changes; those on screen at once), 2 "
          f"steps: {(time.perf_counter() - t0) * 1000:.0f} ms")
    t0 = time.perf_counter()
    c.display.flush()
    print(f"  the cards off screen are updated in ~6 ms slices meanwhile: "
          f"{(time.perf_counter() - t0) * 1000:.0f} ms in all")
    pans = follow.pans
    report("Step (F10) in the backward, Follow Step on",
           timed_steps(win, [c.step] * (steps * 3 // 2)))
    print(f"  the view panned to the step's node {follow.pans - pans} times")
    report("Step Back (Shift+F10)", timed_steps(win, [c.step_back] * steps))
    ks = list(range(fc + 5, len(tl) - 1, max(1, (len(tl) - fc) // 40)))
    report("jump ~35 steps ahead in the backward (click in the list)",
           timed_steps(win, [lambda k=k: c.jump(k) for k in ks]))

    # playing: a 5 ms heartbeat measures how long the event loop is ever kept busy
    c.animate = True
    c.jump(fc)
    c.display.flush()
    app.processEvents()
    win.view.viewport().repaint()
    c.set_speed(20.0)
    gaps: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.nsecsElapsed()]

    def beat():
        now = clock.nsecsElapsed()
        gaps.append((now - last[0]) / 1e6)
        last[0] = now

    heart = QTimer()
    heart.setInterval(5)
    heart.timeout.connect(beat)
    heart.start()
    k0 = c.k
    c.play()
    end = time.perf_counter() + play_seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.001)
    c.pause()
    heart.stop()
    print(f"play {play_seconds:g} s at 20 steps/s with wire animations: {c.k - k0} steps; "
          f"event loop latency (gap between 5 ms ticks): median {statistics.median(gaps):.1f} ms, "
          f"p99 {sorted(gaps)[int(0.99 * len(gaps))]:.1f} ms, max {max(gaps):.1f} ms "
          f"(a Python gen-2 garbage collection, ~30 ms here, can land in it)")
    win.undo_stack.setClean()
    win.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=1000, help="nodes (default 1000)")
    parser.add_argument("--quick", action="store_true",
                        help="200 nodes, 20 steps a part, 0.5 s of playing: seconds")
    args = parser.parse_args()
    if args.quick:
        main(min(args.n, 200), steps=20, play_seconds=0.5)
    else:
        main(args.n)
