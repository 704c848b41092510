"""Figures for the Training and Code docks: training steps, gradient check, export and import.

Run: ``python benchmarks/bench_training.py [N] [--quick]`` (prints figures; not a test). N is the
size of the generated graph (default 1000 nodes). What matters for the window: one training step
well under a timer slice (~30 ms) on the examples, and export fast enough to refresh the Code
dock after every edit. ``--quick``: every part with 20 MLP steps, a 200-node graph and two
repetitions (CI runs it so that the script keeps working).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

from graphstudio.files.gsgraph import load_graph  # noqa: E402
from graphstudio.paths import example_path  # noqa: E402
from graphstudio.pytorch.code_import import graph_from_code  # noqa: E402
from graphstudio.pytorch.export import export_with_line_map  # noqa: E402
from graphstudio.run.gradient_check import check_graph_gradients  # noqa: E402
from graphstudio.run.training import TrainConfig, Trainer  # noqa: E402
from tests.support.graph_generator import make_large_graph  # noqa: E402


def timed(fn, repeat: int = 5) -> float:
    """Median seconds of ``fn()`` over ``repeat`` runs."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main(n: int = 1000, steps: int = 200, repeat: int = 5) -> None:
    mlp = load_graph(example_path("mlp_classifier"))
    trainer = Trainer(mlp, TrainConfig(steps=steps))
    t0 = time.perf_counter()
    trainer.run()
    total = time.perf_counter() - t0
    print(f"MLP, {steps} Adam steps: {total:.2f} s ({1e3 * total / steps:.2f} ms/step), "
          f"loss {trainer.losses[0]:.4f} -> {trainer.losses[-1]:.4f}")
    few = min(3, repeat)
    print(f"MLP gradient check: {timed(lambda: check_graph_gradients(mlp), few):.3f} s")

    big = make_large_graph(n)
    step = Trainer(big, TrainConfig(optimizer="sgd", lr=0.01, steps=10))
    print(f"{n}-node graph, one training step: "
          f"{1e3 * timed(lambda: step.step(1), repeat):.1f} ms")
    script, _ = export_with_line_map(big)
    print(f"{n}-node graph: export {1e3 * timed(lambda: export_with_line_map(big), repeat):.1f} "
          f"ms ({len(script.splitlines())} lines), import "
          f"{1e3 * timed(lambda: graph_from_code(script), few):.1f} ms")
    print(f"MLP export (90x2 values): "
          f"{1e3 * timed(lambda: export_with_line_map(mlp), repeat):.2f} ms")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=1000, help="nodes (default 1000)")
    parser.add_argument("--quick", action="store_true",
                        help="20 MLP steps, 200 nodes, 2 repetitions: seconds")
    args = parser.parse_args()
    if args.quick:
        main(min(args.n, 200), steps=20, repeat=2)
    else:
        main(args.n)
