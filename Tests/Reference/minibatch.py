#!/usr/bin/env python3
"""Mini-batch training written again from the rules in the README, independently of stepgrad:
the spiral of datasets.py (40 points, noise 0.1, seed 3), split a quarter to test class by class
with a seeded Fisher–Yates shuffle, each epoch's order drawn from seed ^ (epoch · 0xD1B54A32D192ED03),
batches of 8 (the last one 6), a 2-4-2 tanh/softmax network with Xavier weights from seed 1 and zero
biases, mean cross-entropy, SGD at 0.1, three epochs. Prints what TrainerTests expects.

    cd Tests/Reference && python3 minibatch.py
"""
import numpy as np

from datasets import spiral
from splitmix64 import MASK, SplitMix64, weights


def permutation(g, n):
    order = list(range(n))
    for i in range(n - 1, 0, -1):
        j = g.next() % (i + 1)
        order[i], order[j] = order[j], order[i]
    return order


def split(points, fraction, seed):
    g, train, test = SplitMix64(seed), [], []
    for label in (0, 1):  # class order: negative (0), positive (1)
        group = [i for i, p in enumerate(points) if p[2] == label]
        shuffled = [group[k] for k in permutation(g, len(group))]
        n_test = int(len(group) * fraction)
        test += shuffled[:n_test]
        train += shuffled[n_test:]
    return sorted(train), sorted(test)


def arrays(points, rows):
    x = np.array([[points[i][0], points[i][1]] for i in rows])
    y = np.zeros((len(rows), 2))
    for r, i in enumerate(rows):
        y[r, points[i][2]] = 1
    return x, y


def forward(params, x):
    w1, b1, w2, b2 = params
    a1 = np.tanh(x @ w1.T + b1)
    z2 = a1 @ w2.T + b2
    e = np.exp(z2 - z2.max(axis=1, keepdims=True))
    return a1, e / e.sum(axis=1, keepdims=True)


def loss(p, y):
    return float(-(y * np.log(p)).sum(axis=1).mean())


def main():
    seed, points = 3, spiral(40, 0.1, 3)
    train, test = split(points, 0.25, seed)
    x, y = arrays(points, train)
    xt, yt = arrays(points, test)
    w1, w2 = (np.array(w) for w in weights(1, 2, [4, 2], "Wx", "xavier"))
    params = [w1, np.zeros(4), w2, np.zeros(2)]
    for epoch in range(1, 4):
        order = permutation(SplitMix64(seed ^ ((epoch * 0xD1B54A32D192ED03) & MASK)), len(train))
        for start in range(0, len(order), 8):
            rows = order[start:start + 8]
            xb, yb = x[rows], y[rows]
            a1, p = forward(params, xb)
            dz2 = (p - yb) / len(rows)
            dw2, db2 = dz2.T @ a1, dz2.sum(axis=0)
            dz1 = (dz2 @ params[2]) * (1 - a1 * a1)
            dw1, db1 = dz1.T @ xb, dz1.sum(axis=0)
            params = [params[0] - 0.1 * dw1, params[1] - 0.1 * db1, params[2] - 0.1 * dw2, params[3] - 0.1 * db2]
        _, p = forward(params, x)
        _, pt = forward(params, xt)
        accuracy = float((pt.argmax(axis=1) == yt.argmax(axis=1)).mean())
        print(f"epoch {epoch}: train loss {loss(p, y)!r}, test loss {loss(pt, yt)!r}, test accuracy {accuracy!r}")
    print("W1 =", [[repr(float(v)) for v in row] for row in params[0]])
    print("b2 =", [repr(float(v)) for v in params[3]])


if __name__ == "__main__":
    main()
