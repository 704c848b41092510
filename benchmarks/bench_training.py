"""Figures for the Training and Code docks: training steps, gradient check, export and import.

Run: ``python benchmarks/bench_training.py [N]`` (prints figures; not a test). N is the size of
the generated graph (default 1000 nodes). What matters for the window: one training step well
under a timer slice (~30 ms) on the examples, and export fast enough to refresh the Code dock
after every edit.
"""

from __future__ import annotations

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


def main(n: int = 1000) -> None:
    mlp = load_graph(example_path("mlp_classifier"))
    trainer = Trainer(mlp, TrainConfig(steps=200))
    t0 = time.perf_counter()
    trainer.run()
    total = time.perf_counter() - t0
    print(f"MLP, 200 Adam steps: {total:.2f} s ({1e3 * total / 200:.2f} ms/step), "
          f"loss {trainer.losses[0]:.4f} -> {trainer.losses[-1]:.4f}")
    print(f"MLP gradient check: {timed(lambda: check_graph_gradients(mlp), 3):.3f} s")

    big = make_large_graph(n)
    step = Trainer(big, TrainConfig(optimizer="sgd", lr=0.01, steps=10))
    print(f"{n}-node graph, one training step: {1e3 * timed(lambda: step.step(1), 5):.1f} ms")
    script, _ = export_with_line_map(big)
    print(f"{n}-node graph: export {1e3 * timed(lambda: export_with_line_map(big)):.1f} ms "
          f"({len(script.splitlines())} lines), import "
          f"{1e3 * timed(lambda: graph_from_code(script), 3):.1f} ms")
    print(f"MLP export (90x2 values): "
          f"{1e3 * timed(lambda: export_with_line_map(mlp)):.2f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
