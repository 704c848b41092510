"""``graphstudio import`` at scale: building a graph from long generated programs.

    python benchmarks/bench_import.py [--sizes 1000 3000 10000 30000] [--repeat 1] [--quick]
                                      [--profile N]

Each program is a realistic mix written the way a person writes PyTorch: tensors
(``torch.tensor``, ``randn``, ``zeros``, ``ones``, ``full``), parameters (``requires_grad=True``),
``@``/``torch.matmul``, ``+``, ``-``, ``*`` by a number, activations (``torch.tanh``, ``F.relu``,
``torch.sigmoid``), losses (``F.mse_loss``), reassignments such as ``h = torch.tanh(h)``,
``a = b`` (an Output), ``h.retain_grad()`` and one ``total.backward()`` at the end.

For each size it prints the time :func:`~graphstudio.pytorch.code_import.graph_from_code` takes
(the wall clock, and the process's CPU time: on a busy machine the wall clock counts the other
processes too), statements per second, the time per statement (flat when the import is linear)
and the time to write the ``.gsgraph`` (what ``graphstudio import -o`` does after it). Then the
figure issue 15 names: ``graphstudio import prog.py -o out.gsgraph`` end to end, run as its own
process (start-up, reading, building, laying out, saving), its wall clock and its CPU time
(``resource.getrusage`` of the child). A first line times a plain Python loop, to compare
machines. Target (issue 15): 30,000 statements in <= 5 s end to end. ``--quick``: 1,000 and
3,000 statements (seconds; CI runs it so that the script keeps working). ``--profile N``:
cProfile of one import of N statements instead.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TARGET_STATEMENTS, TARGET_SECONDS = 30_000, 5.0

from graphstudio.files.gsgraph import save_graph  # noqa: E402
from graphstudio.pytorch.code_import import graph_from_code  # noqa: E402

HEADER = ["import torch", "import torch.nn.functional as F", "torch.manual_seed(0)",
          "x = torch.randn(4, 8)", "target = torch.full((4, 8), 0.5)",
          "scale = torch.tensor([1.0, 0.5, 2.0, 1.0, 0.25, 1.0, 0.5, 1.5])", "h = x",
          "total = torch.zeros(())"]
#: one block of statements ({i}: the block's number); h, total carried from block to block
BLOCK = ["w{i} = torch.randn(8, 8, requires_grad=True)",
         "b{i} = torch.zeros(8, requires_grad=True)",
         "z{i} = h @ w{i} + b{i}",
         "h = torch.tanh(z{i})",
         "h = F.relu(h) * 0.5 + torch.ones(8)",
         "g{i} = torch.sigmoid(torch.matmul(h, w{i}.t()))",
         "h = g{i} * scale - h",
         "seen{i} = h",
         "loss{i} = F.mse_loss(h, target)",
         "total = total + loss{i}"]
FOOTER = ["h.retain_grad()", "total.backward()"]


def program(statements: int) -> str:
    """A program of exactly ``statements`` statements (at least 12)."""
    body_len = statements - len(HEADER) - len(FOOTER)
    lines = list(HEADER)
    i = 0
    while len(lines) - len(HEADER) < body_len:
        i += 1
        lines += [s.format(i=i) for s in BLOCK]
    del lines[len(HEADER) + body_len:]
    if not any(line.startswith("total = total") for line in lines[-len(BLOCK):]):
        lines[-1] = "total = total + h.sum()"  # the last block cut short: still one loss
    return "\n".join(lines + FOOTER) + "\n"


def bench(statements: int, repeat: int) -> dict:
    text = program(statements)
    times, cpu_times, graph = [], [], None
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        graph = graph_from_code(text)
        times.append(time.perf_counter() - t0)
        cpu_times.append(time.process_time() - c0)
    seconds = statistics.median(times)
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        save_graph(graph, os.path.join(tmp, "imported.gsgraph"))
        save_s = time.perf_counter() - t0
        cli_s, cli_cpu = cli_seconds(text, tmp)
    return {"statements": statements, "nodes": len(graph), "import s": seconds,
            "CPU s": statistics.median(cpu_times),
            "statements/s": statements / seconds, "us/statement": seconds / statements * 1e6,
            "save s": save_s, "CLI s": cli_s, "CLI CPU s": cli_cpu}


def cli_seconds(text: str, tmp: str) -> tuple[float, float]:
    """Wall clock and CPU seconds (user + system, from ``getrusage`` of the child) of
    ``graphstudio import prog.py -o out.gsgraph`` in a process of its own, end to end."""
    code, out = os.path.join(tmp, "prog.py"), os.path.join(tmp, "cli.gsgraph")
    with open(code, "w", encoding="utf-8") as f:
        f.write(text)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        [str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "graphstudio", "import", code, "-o", out],
                   check=True, env=env)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def loop_seconds() -> float:
    """CPU seconds for a plain Python loop: how fast this machine runs Python at all."""
    c0, total = time.process_time(), 0
    for i in range(10_000_000):
        total += i
    return time.process_time() - c0


def profile(statements: int) -> None:
    text = program(statements)
    prof = cProfile.Profile()
    prof.runcall(graph_from_code, text)
    pstats.Stats(prof).sort_stats("cumulative").print_stats(30)
    pstats.Stats(prof).sort_stats("tottime").print_stats(20)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 3000, 10000, 30000])
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--quick", action="store_true", help="1,000 and 3,000 statements only")
    ap.add_argument("--profile", type=int, metavar="N", help="cProfile one import of N statements")
    args = ap.parse_args(argv)
    if args.profile:
        profile(args.profile)
        return 0
    sizes = [1000, 3000] if args.quick else args.sizes
    print(f"this machine: a 10,000,000-step Python loop takes {loop_seconds():.2f} s of CPU "
          "(the figures below scale with it)")
    cols = ("statements", "nodes", "import s", "CPU s", "statements/s", "us/statement",
            "save s", "CLI s", "CLI CPU s")
    print("  ".join(f"{c:>12}" for c in cols))
    for n in sizes:
        row = bench(n, args.repeat)
        print("  ".join(f"{row[c]:>12,.0f}" if isinstance(row[c], int) or row[c] > 100
                        else f"{row[c]:>12.3f}" for c in cols), flush=True)
        if n == TARGET_STATEMENTS:
            verdict = "met" if row["CLI s"] <= TARGET_SECONDS else "NOT met"
            print(f"target (issue 15): `graphstudio import` of {n:,} statements, saved, in "
                  f"<= {TARGET_SECONDS:g} s end to end: {row['CLI s']:.2f} s wall, "
                  f"{row['CLI CPU s']:.2f} s CPU: {verdict}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
