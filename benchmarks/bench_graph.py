"""Graph documents at scale: file load/save, shape inference, run, stepping, memory.

    python benchmarks/bench_graph.py [--sizes 1000 10000] [--repeat 5] [--quick]

Prints figures; it is not a test. Targets (issue 3): load a 1,000-node file in <= 200 ms,
compile + forward + backward in <= 100 ms, memory roughly linear in size. Also: saving and
exporting one 1000 x 1000 float32 Parameter (numbers written in bulk; before that change,
about 3.5 s to save and 6.5 s to export). ``--quick``: 1,000 and 2,000 nodes, one repetition,
a 300 x 300 Parameter (seconds; CI runs it so that the script keeps working).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graphstudio.files.gsgraph import load_graph, save_graph  # noqa: E402
from graphstudio.graph.model import Graph, TensorSpec  # noqa: E402
from graphstudio.graph.shape_inference import infer_shapes  # noqa: E402
from graphstudio.pytorch.export import export_script  # noqa: E402
from graphstudio.run.runner import Runner, RunOptions  # noqa: E402
from tests.support.graph_generator import make_large_graph  # noqa: E402


def timed(fn, repeat: int) -> tuple[float, object]:
    """Median wall time in ms over ``repeat`` calls, and the last result."""
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), result


def peak_mib(fn) -> float:
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def bench(n: int, repeat: int) -> dict:
    graph = make_large_graph(n)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "g.gsgraph")
        save_ms, _ = timed(lambda: save_graph(graph, path), repeat)
        size_kib = os.path.getsize(path) / 1024
        load_ms, loaded = timed(lambda: load_graph(path), repeat)
        load_mib = peak_mib(lambda: load_graph(path))
    shapes_ms, _ = timed(lambda: infer_shapes(loaded), repeat)
    fwd_ms, _ = timed(lambda: Runner(loaded).run(RunOptions.from_graph(loaded,
                                                                       forward_only=True)),
                      repeat)
    run_ms, timeline = timed(lambda: Runner(loaded).run(), repeat)
    run_mib = peak_mib(lambda: Runner(loaded).run())
    ks = range(-1, len(timeline), max(1, len(timeline) // 50))
    state_ms = statistics.median(timed(lambda k=k: timeline.state_at(k), 1)[0] for k in ks)
    changed_ms = statistics.median(timed(lambda k=k: timeline.changed_at(k), 1)[0] for k in ks)
    edges_ms = statistics.median(timed(lambda k=k: timeline.edge_grads_at(k), 1)[0] for k in ks)
    return {"nodes": n, "edges": len(graph.edges), "file KiB": size_kib, "save ms": save_ms,
            "load ms": load_ms, "load peak MiB": load_mib, "infer_shapes ms": shapes_ms,
            "forward ms": fwd_ms, "fwd+bwd ms": run_ms, "run peak MiB": run_mib,
            "steps": len(timeline), "state_at ms": state_ms, "changed_at ms": changed_ms,
            "edge_grads_at ms": edges_ms}


def bench_big_tensor(repeat: int, side: int = 1000) -> dict:
    """Save and export of one ``side`` x ``side`` float32 Parameter of random values."""
    import numpy as np

    graph = Graph()
    values = np.random.default_rng(0).standard_normal((side, side)).astype(np.float32)
    graph.add_node("parameter", "w", tensor=TensorSpec.from_array(values))
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "w.gsgraph")
        save_ms, _ = timed(lambda: save_graph(graph, path), repeat)
        size_mib = os.path.getsize(path) / 2**20
    export_ms, _ = timed(lambda: export_script(graph), repeat)
    return {"save ms": save_ms, "file MiB": size_mib, "export ms": export_ms}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--quick", action="store_true",
                        help="--sizes 1000 2000 --repeat 1 and a 300 x 300 Parameter")
    args = parser.parse_args(argv)
    side = 1000
    if args.quick:
        args.sizes, args.repeat, side = [1000, 2000], 1, 300
    rows = [bench(n, args.repeat if n <= 2000 else max(1, args.repeat // 2)) for n in args.sizes]
    keys = list(rows[0])
    width = max(map(len, keys))
    print(f"{'':{width}}" + "".join(f"{r['nodes']:>12}" for r in rows))
    for k in keys[1:]:
        cells = "".join(f"{r[k]:>12.1f}" if isinstance(r[k], float) else f"{r[k]:>12}"
                        for r in rows)
        print(f"{k:{width}}{cells}")
    if len(rows) > 1:
        a, b = rows[0], rows[-1]
        scale = b["nodes"] / a["nodes"]
        print(f"\nsize x{scale:.0f}: load x{b['load ms'] / a['load ms']:.1f}, "
              f"run x{b['fwd+bwd ms'] / a['fwd+bwd ms']:.1f}, load memory "
              f"x{b['load peak MiB'] / a['load peak MiB']:.1f}, run memory "
              f"x{b['run peak MiB'] / a['run peak MiB']:.1f}")
    small = rows[0]
    if small["nodes"] == 1000:
        print(f"targets at 1,000 nodes: load {small['load ms']:.0f} ms (<= 200), "
              f"compile+forward+backward {small['fwd+bwd ms']:.0f} ms (<= 100)")
    big = bench_big_tensor(max(1, min(args.repeat, 3)), side)
    print(f"one {side} x {side} float32 Parameter: save {big['save ms']:.0f} ms "
          f"({big['file MiB']:.1f} MiB), export as a script {big['export ms']:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
