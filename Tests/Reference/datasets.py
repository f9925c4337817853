"""Independent reference for StepgradData's generators: TensorFlow Playground's
formulas written again in plain Python, drawing from splitmix64.py's SplitMix64. Prints the points GeneratedDataTests expects.

    python3 Tests/Reference/datasets.py
"""
import math

from splitmix64 import SplitMix64


def uniform(g, a, b):
    return a + g.unit() * (b - a)


def spiral(samples, noise, seed):
    g, points = SplitMix64(seed), []
    first = samples - samples // 2
    for count, turn, label in [(first, 0.0, 1), (samples // 2, math.pi, 0)]:
        for i in range(count):
            r = i / count * 5
            t = 1.75 * i / count * 2 * math.pi + turn
            x = r * math.sin(t) + uniform(g, -1, 1) * noise
            y = r * math.cos(t) + uniform(g, -1, 1) * noise
            points.append((x, y, label))
    return points


def xor(samples, noise, seed):
    g, points = SplitMix64(seed), []
    pad = lambda v: v + 0.3 if v > 0 else v - 0.3
    for _ in range(samples):
        x, y = pad(uniform(g, -5, 5)), pad(uniform(g, -5, 5))
        nx, ny = uniform(g, -5, 5) * noise, uniform(g, -5, 5) * noise
        points.append((x, y, 1 if (x + nx) * (y + ny) >= 0 else 0))
    return points


def plane(samples, noise, seed):
    g, points = SplitMix64(seed), []
    for _ in range(samples):
        x, y = uniform(g, -6, 6), uniform(g, -6, 6)
        nx, ny = uniform(g, -6, 6) * noise, uniform(g, -6, 6) * noise
        points.append((x, y, (x + nx + y + ny) / 10))
    return points


if __name__ == "__main__":
    print("spiral(6, 0.1, seed 1)", [tuple(repr(v) for v in p) for p in spiral(6, 0.1, 1)])
    print("xor(4, 0.2, seed 7)", [tuple(repr(v) for v in p) for p in xor(4, 0.2, 7)])
    print("plane(3, 0.1, seed 3)", [tuple(repr(v) for v in p) for p in plane(3, 0.1, 3)])
