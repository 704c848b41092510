"""Engine speed against hand-written numpy (the floor) and torch (1 thread, when importable).

Run: ``python benchmarks/bench_engine.py [--quick]``. Prints best-of-N timings and ratios
measured in this one run (machines are noisy; compare ratios, not absolute times):

(a) the autograd tutorial's forward + backward (x ones(5), w 5x3, b 3, BCE with logits);
(b) one training step of an MLP 784-256-256-10 (ReLU, cross-entropy, batch 128, float32, plain SGD);
(c) Python overhead per node: a chain of 10,000 scalar adds, forward and backward separately.

``--quick``: every part with few repetitions and a 1,000-add chain (seconds; CI runs it so that
the script keeps working, its figures are rough).
"""

import argparse
import os
import sys
import time

# One BLAS thread for numpy (and so for the engine), as for torch below: like against like.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np  # noqa: E402

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

import graphstudio.engine as E  # noqa: E402
import graphstudio.engine.functional as EF  # noqa: E402

try:
    import torch
    import torch.nn.functional as TF

    torch.set_num_threads(1)
except ImportError:  # torch is optional: only the numpy floor is compared then
    torch = TF = None

W = np.array([[-1.1373, 1.5912, -0.0512], [-0.5054, -0.9429, 0.0996], [1.0302, 0.4610, -0.7176],
              [-1.4975, 0.0401, 1.0779], [0.9736, -0.4620, -0.0244]], np.float32)
B = np.array([0.6149, 0.9079, -0.9704], np.float32)


def best_of(fn, repeat=7, number=None, budget=0.25):
    """Best per-call time (seconds) over ``repeat`` runs of ``number`` calls."""
    fn()
    if number is None:
        t0 = time.perf_counter()
        fn()
        one = max(time.perf_counter() - t0, 1e-7)
        number = max(1, int(budget / one / repeat))
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for _ in range(number):
            fn()
        best = min(best, (time.perf_counter() - t0) / number)
    return best


def best_of_interleaved(fns, repeat=15, budget=0.2):
    """Best per-call time of each function, timing them in turns (A, B, C, A, B, C, ...) so that
    load from other processes falls on all of them alike; the ratios are what to read."""
    numbers = []
    for fn in fns:
        fn()
        t0 = time.perf_counter()
        fn()
        numbers.append(max(1, int(budget / max(time.perf_counter() - t0, 1e-7) / repeat)))
    best = [float("inf")] * len(fns)
    for _ in range(repeat):
        for i, (fn, number) in enumerate(zip(fns, numbers, strict=True)):
            t0 = time.perf_counter()
            for _ in range(number):
                fn()
            best[i] = min(best[i], (time.perf_counter() - t0) / number)
    return best


# --- (a) the tutorial ------------------------------------------------------------------
def tutorial_numpy():
    x = np.ones(5, np.float32)
    y = np.zeros(3, np.float32)
    w, b = W.copy(), B.copy()

    def step():
        z = x @ w + b
        loss = np.mean(np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z))))
        e = np.exp(-np.abs(z))
        sig = np.where(z >= 0, 1 / (1 + e), e / (1 + e))
        dz = (sig - y) / z.size
        return loss, np.outer(x, dz), dz

    return step


def tutorial_lib(T, F):
    x = T.ones(5)
    y = T.zeros(3)
    w = T.tensor(W, requires_grad=True)
    b = T.tensor(B, requires_grad=True)

    def step():
        z = T.matmul(x, w) + b
        loss = F.binary_cross_entropy_with_logits(z, y)
        loss.backward()
        w.grad = None
        b.grad = None
        return loss

    return step


# --- (b) the MLP training step --------------------------------------------------------------
def mlp_params(seed=0):
    rng = np.random.default_rng(seed)
    sizes = [784, 256, 256, 10]
    params = []
    for fan_in, fan_out in zip(sizes[:-1], sizes[1:], strict=True):
        bound = 1 / np.sqrt(fan_in)
        params.append(rng.uniform(-bound, bound, (fan_out, fan_in)).astype(np.float32))
        params.append(rng.uniform(-bound, bound, fan_out).astype(np.float32))
    x = rng.standard_normal((128, 784)).astype(np.float32)
    t = rng.integers(0, 10, 128)
    return params, x, t


def mlp_numpy(lr=0.01):
    params, x, t = mlp_params()
    w1, b1, w2, b2, w3, b3 = params
    n = x.shape[0]
    rows = np.arange(n)

    def step():
        h1 = x @ w1.T + b1
        a1 = np.maximum(h1, 0)
        h2 = a1 @ w2.T + b2
        a2 = np.maximum(h2, 0)
        logits = a2 @ w3.T + b3
        shifted = logits - logits.max(axis=1, keepdims=True)
        logp = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        loss = -logp[rows, t].mean()
        d = np.exp(logp)
        d[rows, t] -= 1
        d /= n
        gw3, gb3 = d.T @ a2, d.sum(0)
        d = (d @ w3) * (h2 > 0)
        gw2, gb2 = d.T @ a1, d.sum(0)
        d = (d @ w2) * (h1 > 0)
        gw1, gb1 = d.T @ x, d.sum(0)
        for p, g in zip(params, (gw1, gb1, gw2, gb2, gw3, gb3), strict=True):
            p -= lr * g
        return loss

    return step


def mlp_lib(T, F, lr=0.01):
    arrays, x, t = mlp_params()
    params = [T.tensor(p, requires_grad=True) for p in arrays]
    w1, b1, w2, b2, w3, b3 = params
    x = T.tensor(x)
    t = T.tensor(t)

    def step():
        h = F.relu(F.linear(x, w1, b1))
        h = F.relu(F.linear(h, w2, b2))
        loss = F.cross_entropy(F.linear(h, w3, b3), t)
        loss.backward()
        with T.no_grad():
            for p in params:
                p -= lr * p.grad
                p.grad = None
        return loss

    return step


# --- (c) per-node overhead ------------------------------------------------------------------
def chain_costs(T, n=10_000, repeat=5):
    x = T.tensor(1.0, requires_grad=True)

    def forward():
        y = x
        for _ in range(n):
            y = y + 1.0
        return y

    fwd = best_of(forward, repeat=repeat, number=1)
    outs = [forward() for _ in range(repeat)]

    def backward():
        outs.pop().backward()
        x.grad = None

    bwd = best_of(backward, repeat=repeat - 1, number=1)
    return fwd / n, bwd / n


def main(quick=False):
    timing = {"repeat": 3, "budget": 0.02} if quick else {}
    chain = {"n": 1000, "repeat": 2} if quick else {}
    print(f"numpy {np.__version__}" + (f", torch {torch.__version__} (1 thread)" if torch else
                                       ", torch not installed"))
    rows = []
    for label, np_step, lib_step in (("(a) tutorial fwd+bwd", tutorial_numpy, tutorial_lib),
                                     ("(b) MLP train step", mlp_numpy, mlp_lib)):
        fns = [np_step(), lib_step(E, EF)] + ([lib_step(torch, TF)] if torch else [])
        floor, eng, *tor = best_of_interleaved(fns, **timing)
        rows.append((label, floor, eng, tor[0] if tor else None))
    print(f"{'':22}{'numpy':>11}{'engine':>11}{'torch':>11}{'engine/np':>11}{'torch/np':>10}")
    for label, floor, eng, tor in rows:
        tor_s = f"{tor * 1e6:9.1f}us" if tor else f"{'-':>11}"
        ratio_t = f"{tor / floor:9.2f}x" if tor else f"{'-':>10}"
        print(f"{label:22}{floor * 1e6:9.1f}us{eng * 1e6:9.1f}us{tor_s}{eng / floor:10.2f}x"
              f"{ratio_t}")
    fwd, bwd = chain_costs(E, **chain)
    print(f"(c) per-node overhead, {chain.get('n', 10_000):,} scalar adds: forward "
          f"{fwd * 1e6:.2f}us, "
          f"backward {bwd * 1e6:.2f}us per node")
    if torch:
        tf, tb = chain_costs(torch, **chain)
        print(f"    torch for comparison: forward {tf * 1e6:.2f}us, backward {tb * 1e6:.2f}us")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="few repetitions: seconds")
    main(parser.parse_args().quick)
