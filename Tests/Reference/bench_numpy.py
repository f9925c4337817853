#!/usr/bin/env python3
"""NumPy's speed at the computation EngineBenchmark times: full training iterations
(forward, loss, backward, SGD update) of three dense networks, vectorised over the batch.

Prints one JSON object: iterations per second by network, and what NumPy runs on.
stepgrad-bench runs this; by hand: python3 Tests/Reference/bench_numpy.py [seconds per round] [rounds]
"""

import json
import sys
import time

import numpy as np

# name, sizes, hidden activation, output (loss), batch — as in EngineBenchmark.swift
NETWORKS = [
    ("small", [2, 8, 8, 1], "tanh", "mse", 1),
    ("middle", [64, 32, 10], "relu", "softmax-ce", 32),
    ("large", [784, 128, 10], "relu", "softmax-ce", 64),
]


def make(sizes, batch, rng):
    Ws = [rng.uniform(-1, 1, (n_out, n_in)) * np.sqrt(6 / (n_in + n_out)) for n_in, n_out in zip(sizes, sizes[1:])]
    bs = [np.zeros(n_out) for n_out in sizes[1:]]
    X = rng.uniform(-1, 1, (batch, sizes[0]))
    if sizes[-1] == 1:
        Y = rng.uniform(-1, 1, (batch, 1))
    else:
        Y = np.eye(sizes[-1])[rng.integers(0, sizes[-1], batch)]
    return Ws, bs, X, Y


def step(Ws, bs, X, Y, hidden, output, lr=0.01):
    """One iteration with W out×in, mean over the batch; returns the loss."""
    B = X.shape[0]
    acts, zs = [X], []
    for l, (W, b) in enumerate(zip(Ws, bs)):
        z = acts[-1] @ W.T + b
        zs.append(z)
        last = l == len(Ws) - 1
        if not last:
            acts.append(np.tanh(z) if hidden == "tanh" else np.maximum(z, 0))
        elif output == "softmax-ce":
            e = np.exp(z - z.max(axis=1, keepdims=True))
            acts.append(e / e.sum(axis=1, keepdims=True))
        else:
            acts.append(z)
    p = acts[-1]
    if output == "softmax-ce":
        loss = -np.sum(Y * np.log(p)) / B
        dz = (p * Y.sum(axis=1, keepdims=True) - Y) / B
    else:
        loss = np.sum((p - Y) ** 2) / (p.shape[1] * B)
        dz = 2 * (p - Y) / (p.shape[1] * B)
    for l in range(len(Ws) - 1, -1, -1):
        dW = dz.T @ acts[l]
        db = dz.sum(axis=0)
        if l > 0:
            da = dz @ Ws[l]
            dz = da * (1 - acts[l] ** 2) if hidden == "tanh" else da * (zs[l - 1] > 0)
        Ws[l] -= lr * dW
        bs[l] -= lr * db
    return loss


def measure(spec, seconds, rounds):
    """The best of `rounds` runs of `seconds` each: the machine is shared."""
    name, sizes, hidden, output, batch = spec
    Ws, bs, X, Y = make(sizes, batch, np.random.default_rng(1))
    for _ in range(20):
        step(Ws, bs, X, Y, hidden, output)
    best = 0.0
    for _ in range(rounds):
        count, chunk, start, elapsed = 0, 1, time.perf_counter(), 0.0
        while elapsed < seconds:
            for _ in range(chunk):
                step(Ws, bs, X, Y, hidden, output)
            count += chunk
            chunk = min(chunk * 2, 4096)
            elapsed = time.perf_counter() - start
        best = max(best, count / elapsed)
    return best


def blas():
    """The BLAS library and, when threadpoolctl is installed, the kernel it picked."""
    try:
        import threadpoolctl
        for pool in threadpoolctl.threadpool_info():
            if pool.get("user_api") == "blas":
                return {"library": f"{pool.get('internal_api')} {pool.get('version')}",
                        "kernel": pool.get("architecture"), "threads": pool.get("num_threads")}
    except ImportError:
        pass
    try:
        config = np.show_config(mode="dicts")["Build Dependencies"]["blas"]
        return {"library": f"{config.get('name')} {config.get('version')}"}
    except Exception:
        return {}


def main():
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 0.5
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    result = {"numpy": np.__version__, "blas": blas()}
    result["iterations_per_second"] = {spec[0]: measure(spec, seconds, rounds) for spec in NETWORKS}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
