"""Start-up and big-file figures for the main window (a benchmark, not a test).

    python benchmarks/bench_startup.py [--runs N] [--nodes N] [--quick]

1. Start-up: a fresh Python process is launched and the time from just before the launch to the
   window's first show event (MainWindow.firstShown) is measured from outside, so interpreter
   start, imports, QApplication, theme and window construction all count. Targets: <= 1.5 s.
2. Open a 1,000-node graph (``make_large_graph``) through File > Open's code path and show it:
   from the call until the canvas has been painted once. Target: <= 1 s.

Uses the offscreen platform unless a display is available, and throwaway settings and data
folders, so it never touches the user's own. ``--quick``: 2 runs, a 200-node graph (seconds; CI
runs it so that the script keeps working).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import time
t0 = time.time()
import os, sys, tempfile
sys.path.insert(0, {root!r})
from PySide6.QtCore import QTimer
from graphstudio.ui.app import create_application
app = create_application()
t_app = time.time()
from graphstudio.ui.errors import ExceptionHandler
from graphstudio.ui.main_window import MainWindow
from graphstudio.ui.settings import AppSettings
from graphstudio.ui.theme import apply_app_theme
t_import = time.time()
tmp = tempfile.mkdtemp()
settings = AppSettings.at(os.path.join(tmp, "s.ini"))
apply_app_theme(app, settings.theme)
ExceptionHandler(os.path.join(tmp, "log")).install()
win = MainWindow(settings=settings, data_dir=tmp)
t_built = time.time()
def shown():
    t = time.time()
    print(f"SHOWN {{t:.6f}} {{t0:.6f}} {{t_app:.6f}} {{t_import:.6f}} {{t_built:.6f}}", flush=True)
    QTimer.singleShot(0, app.quit)  # the show event comes before the event loop runs
win.firstShown.connect(shown)
win.show()
app.exec()
"""


def startup_once() -> dict[str, float]:
    env = dict(os.environ)
    if not env.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    script = CHILD.format(root=str(ROOT))
    start = time.time()
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         env=env, timeout=60)
    line = next((ln for ln in out.stdout.splitlines() if ln.startswith("SHOWN")), None)
    if line is None:
        raise RuntimeError(f"the window never showed:\n{out.stdout}\n{out.stderr}")
    shown, t0, t_app, t_import, t_built = (float(v) for v in line.split()[1:])
    return {"total": shown - start, "interpreter": t0 - start, "qapplication": t_app - t0,
            "imports": t_import - t_app, "window": t_built - t_import, "show": shown - t_built}


def open_large(n_nodes: int, runs: int) -> list[float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen" if not os.environ.get("DISPLAY")
                          else os.environ.get("QT_QPA_PLATFORM", "xcb"))
    sys.path.insert(0, str(ROOT))
    from graphstudio.files.gsgraph import save_graph
    from graphstudio.ui.app import create_application
    from graphstudio.ui.main_window import MainWindow
    from graphstudio.ui.settings import AppSettings
    from tests.support.graph_generator import make_large_graph

    app = create_application()
    tmp = Path(tempfile.mkdtemp())
    path = tmp / "large.gsgraph"
    save_graph(make_large_graph(n_nodes), path)
    win = MainWindow(settings=AppSettings.at(tmp / "s.ini"), data_dir=tmp / "data")
    win.resize(1400, 900)
    win.show()
    app.processEvents()
    times = []
    for _ in range(runs):
        win.files.new()
        app.processEvents()
        t = time.perf_counter()
        assert win.files.open_file(path, ask=False)
        app.processEvents()  # the deferred frame and shape refresh
        win.view.viewport().repaint()  # one full paint of the canvas
        times.append(time.perf_counter() - t)
        assert len(win.graph) == n_nodes
    win.undo_stack.setClean()
    win.close()
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--nodes", type=int, default=1000)
    parser.add_argument("--quick", action="store_true", help="--runs 2 --nodes 200")
    args = parser.parse_args()
    if args.quick:
        args.runs, args.nodes = 2, 200

    print(f"start-up to a shown window ({args.runs} fresh processes):")
    results = [startup_once() for _ in range(args.runs)]
    for key in ("total", "interpreter", "qapplication", "imports", "window", "show"):
        values = [r[key] for r in results]
        print(f"  {key:<13} median {statistics.median(values) * 1000:7.0f} ms"
              f"   (min {min(values) * 1000:.0f}, max {max(values) * 1000:.0f})")
    total = statistics.median(r["total"] for r in results)
    print(f"  target <= 1500 ms: {'ok' if total <= 1.5 else 'MISSED'}")

    times = open_large(args.nodes, args.runs)
    med = statistics.median(times)
    print(f"open a {args.nodes}-node graph and show it ({args.runs} runs): median "
          f"{med * 1000:.0f} ms (min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f})")
    print(f"  target <= 1000 ms: {'ok' if med <= 1.0 else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
