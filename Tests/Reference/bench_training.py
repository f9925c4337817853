#!/usr/bin/env python3
"""The training stepgrad-bench times, in NumPy: mini-batch SGD on a tanh network with a softmax
output and mean cross-entropy, a fresh shuffle every epoch, as stepgrad's Trainer does it.

    python3 bench_training.py spiral32|spiral-full|iris32 SECONDS

Prints one line, `epochs-per-second N`, measured after one warm-up epoch over about SECONDS.
"""
import csv
import os
import sys
import time

import numpy as np


def spiral(n):
    """TensorFlow Playground's spiral, noise 0: two arms of 1.75 turns."""
    half = n // 2
    points, labels = [], []
    for turn, label, count in [(0.0, 1, n - half), (np.pi, 0, half)]:
        i = np.arange(count) / count
        r, t = i * 5, 1.75 * i * 2 * np.pi + turn
        points.append(np.stack([r * np.sin(t), r * np.cos(t)], axis=1))
        labels.append(np.full(count, label))
    return np.concatenate(points), np.concatenate(labels), 2


def iris():
    path = os.path.join(os.path.dirname(__file__), "..", "..", "Assets", "data", "iris.csv")
    with open(path) as f:
        rows = list(csv.DictReader(f))
    names = sorted({r["species"] for r in rows})
    x = np.array([[float(r[k]) for k in ("sepal_length", "sepal_width", "petal_length", "petal_width")] for r in rows])
    y = np.array([names.index(r["species"]) for r in rows])
    return (x - x.mean(axis=0)) / x.std(axis=0), y, 3


def trainer(workload):
    """One epoch of `workload`'s training per call, from seeded weights, as stepgrad's Trainer trains."""
    x, labels, classes = iris() if workload.startswith("iris") else spiral(1000)
    hidden = [16] if workload.startswith("iris") else [16, 16]
    batch = len(x) if workload.endswith("full") else 32
    y = np.eye(classes)[labels]
    rng = np.random.default_rng(1)
    sizes = [x.shape[1]] + hidden + [classes]
    weights = [rng.uniform(-1, 1, (o, i)) * np.sqrt(6 / (i + o)) for i, o in zip(sizes, sizes[1:])]
    biases = [np.zeros(o) for o in sizes[1:]]
    rate = 0.1

    def epoch():
        order = rng.permutation(len(x))
        for start in range(0, len(x), batch):
            rows = order[start:start + batch]
            activations = [x[rows]]
            for layer, (w, b) in enumerate(zip(weights, biases)):
                z = activations[-1] @ w.T + b
                if layer < len(weights) - 1:
                    activations.append(np.tanh(z))
                else:
                    e = np.exp(z - z.max(axis=1, keepdims=True))
                    activations.append(e / e.sum(axis=1, keepdims=True))
            dz = (activations[-1] - y[rows]) / len(rows)
            for layer in range(len(weights) - 1, -1, -1):
                dw, db = dz.T @ activations[layer], dz.sum(axis=0)
                if layer > 0:
                    dz = (dz @ weights[layer]) * (1 - activations[layer] ** 2)
                weights[layer] -= rate * dw
                biases[layer] -= rate * db
    return epoch


def main():
    workload, seconds = sys.argv[1], float(sys.argv[2])
    epoch = trainer(workload)
    epoch()
    done, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        epoch()
        done += 1
    print(f"epochs-per-second {done / (time.perf_counter() - start)!r}")


if __name__ == "__main__":
    main()
