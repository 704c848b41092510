"""Stepping figures on a 1,000-node graph in the real window (run UI installed).

Run: ``QT_QPA_PLATFORM=offscreen python benchmarks/bench_stepping.py [N]`` (or under
``xvfb-run``; prints figures, not a test). Targets from issue 5: one step (display update and
a full repaint of the canvas) in <= 16 ms; playing never freezes the window (the longest gap
between 5 ms timer ticks while playing, animations on, stays small). Issue 10: the same with
View > Follow Step on (each step pans the view to its node) at the readable zoom.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QElapsedTimer, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


def figures(label: str, ms: list[float]) -> str:
    ms = sorted(ms)
    p95 = ms[min(len(ms) - 1, int(0.95 * len(ms)))]
    return (f"{label}: median {statistics.median(ms):.1f} ms, p95 {p95:.1f} ms, "
            f"max {ms[-1]:.1f} ms")


def timed_steps(window, moves) -> tuple[list[float], list[float]]:
    """For each move (a callable): the display update (the step, the docks' deferred updates
    and Qt's own repaint of what changed) and then a full repaint of the canvas viewport."""
    app = QApplication.instance()
    update, full = [], []
    for move in moves:
        t0 = time.perf_counter()
        move()
        app.processEvents()
        t1 = time.perf_counter()
        window.view.viewport().repaint()
        t2 = time.perf_counter()
        update.append((t1 - t0) * 1000)
        full.append((t2 - t0) * 1000)
    return update, full


def report(label: str, result) -> None:
    update, full = result
    print(f"{label} ({len(update)} steps)")
    print("  " + figures("step shown (update + Qt's repaint of what changed)", update))
    print("  " + figures("step + a full repaint of the canvas (window 1600x1000)", full))


def main(n: int = 1000) -> None:
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
    fc = tl.forward_count
    pans = follow.pans
    report("Step (F10) in the forward, Follow Step on", timed_steps(win, [c.step] * 200))
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
    report("Step (F10) in the backward, Follow Step on", timed_steps(win, [c.step] * 300))
    print(f"  the view panned to the step's node {follow.pans - pans} times")
    report("Step Back (Shift+F10)", timed_steps(win, [c.step_back] * 200))
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
    end = time.perf_counter() + 3.0
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.001)
    c.pause()
    heart.stop()
    print(f"play 3 s at 20 steps/s with wire animations: {c.k - k0} steps; event loop "
          f"latency (gap between 5 ms ticks): median {statistics.median(gaps):.1f} ms, "
          f"p99 {sorted(gaps)[int(0.99 * len(gaps))]:.1f} ms, max {max(gaps):.1f} ms "
          f"(a Python gen-2 garbage collection, ~30 ms here, can land in it)")
    win.undo_stack.setClean()
    win.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
