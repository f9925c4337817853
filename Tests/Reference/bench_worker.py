#!/usr/bin/env python3
"""The reference side of `stepgrad-bench goals`: a long-lived process that times one workload
per request, so that stepgrad and NumPy (or PyTorch) can alternate round by round without
paying Python's start-up each round.

    python3 bench_worker.py numpy|torch

Prints one JSON line describing itself ({"library", "version", "blas"} or {"error"}), then for
each line `WORKLOAD SECONDS` read from standard input prints one number: iterations per second
(`small`, `middle`, `large`: bench_numpy.py's networks), GFLOP/s (`matmul`: 64×784 · 784×128),
or epochs per second (`spiral32`, `spiral-full`, `iris32`: bench_training.py's training).
Each figure is measured after a warm-up, over about SECONDS.
"""
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import numpy as np  # noqa: E402

import bench_numpy  # noqa: E402
import bench_training  # noqa: E402

NETWORKS = {spec[0]: spec for spec in bench_numpy.NETWORKS}


def rate(body, seconds, work=1.0):
    """`work` units per second of `body`, called in doubling chunks for about `seconds`."""
    for _ in range(3):
        body()
    count, chunk, start = 0, 1, time.perf_counter()
    while True:
        for _ in range(chunk):
            body()
        count += chunk
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return count * work / elapsed
        chunk = min(chunk * 2, 4096)


def numpy_workload(name):
    if name in NETWORKS:
        _, sizes, hidden, output, batch = NETWORKS[name]
        Ws, bs, X, Y = bench_numpy.make(sizes, batch, np.random.default_rng(1))
        return lambda: bench_numpy.step(Ws, bs, X, Y, hidden, output), 1.0
    if name == "matmul":
        rng = np.random.default_rng(1)
        a, b = rng.uniform(-1, 1, (64, 784)), rng.uniform(-1, 1, (784, 128))
        c = np.empty((64, 128))
        return lambda: np.matmul(a, b, out=c), 2 * 64 * 784 * 128 / 1e9
    return bench_training.trainer(name), 1.0


def torch_workload(name, torch):
    t = torch.float64
    if name == "matmul":
        g = torch.Generator().manual_seed(1)
        a, b = torch.rand(64, 784, dtype=t, generator=g) * 2 - 1, torch.rand(784, 128, dtype=t, generator=g) * 2 - 1
        c = torch.empty(64, 128, dtype=t)
        return lambda: torch.matmul(a, b, out=c), 2 * 64 * 784 * 128 / 1e9
    if name not in NETWORKS:
        return None, 0
    _, sizes, hidden, output, batch = NETWORKS[name]
    Ws, bs, X, Y = bench_numpy.make(sizes, batch, np.random.default_rng(1))
    Ws = [torch.tensor(w) for w in Ws]
    bs = [torch.tensor(b) for b in bs]
    X, Y = torch.tensor(X), torch.tensor(Y)

    def step(lr=0.01):
        # bench_numpy.step, written with torch's tensors.
        B = X.shape[0]
        acts, zs = [X], []
        for l, (W, b) in enumerate(zip(Ws, bs)):
            z = acts[-1] @ W.T + b
            zs.append(z)
            if l < len(Ws) - 1:
                acts.append(torch.tanh(z) if hidden == "tanh" else torch.clamp(z, min=0))
            elif output == "softmax-ce":
                e = torch.exp(z - z.max(dim=1, keepdim=True).values)
                acts.append(e / e.sum(dim=1, keepdim=True))
            else:
                acts.append(z)
        p = acts[-1]
        if output == "softmax-ce":
            dz = (p * Y.sum(dim=1, keepdim=True) - Y) / B
        else:
            dz = 2 * (p - Y) / (p.shape[1] * B)
        for l in range(len(Ws) - 1, -1, -1):
            dW = dz.T @ acts[l]
            db = dz.sum(dim=0)
            if l > 0:
                da = dz @ Ws[l]
                dz = da * (1 - acts[l] ** 2) if hidden == "tanh" else da * (zs[l - 1] > 0)
            Ws[l] -= lr * dW
            bs[l] -= lr * db
    return step, 1.0


def main():
    library = sys.argv[1] if len(sys.argv) > 1 else "numpy"
    torch = None
    if library == "torch":
        try:
            import torch
            torch.set_num_threads(int(os.environ.get("OMP_NUM_THREADS", torch.get_num_threads())))
        except ImportError:
            print(json.dumps({"error": "PyTorch is not installed"}), flush=True)
            return
        print(json.dumps({"library": "PyTorch", "version": torch.__version__, "threads": torch.get_num_threads()}), flush=True)
    else:
        print(json.dumps({"library": "NumPy", "version": np.__version__, "blas": bench_numpy.blas()}), flush=True)
    workloads = {}
    for line in sys.stdin:
        name, seconds = line.split()
        if name not in workloads:
            workloads[name] = torch_workload(name, torch) if torch else numpy_workload(name)
        body, work = workloads[name]
        print(repr(rate(body, float(seconds), work)) if body else "nan", flush=True)


if __name__ == "__main__":
    main()
