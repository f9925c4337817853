"""Independent reference for StepgradData's generators: SplitMix64 and TensorFlow Playground's
formulas written again in plain Python. Prints the points GeneratedDataTests expects.

    python3 Tests/Reference/datasets.py
"""
import math

MASK = (1 << 64) - 1


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def unit(self):
        return (self.next() >> 11) * 2.0 ** -53

    def uniform(self, a, b):
        return a + self.unit() * (b - a)


def spiral(samples, noise, seed):
    g, points = SplitMix64(seed), []
    first = samples - samples // 2
    for count, turn, label in [(first, 0.0, 1), (samples // 2, math.pi, 0)]:
        for i in range(count):
            r = i / count * 5
            t = 1.75 * i / count * 2 * math.pi + turn
            x = r * math.sin(t) + g.uniform(-1, 1) * noise
            y = r * math.cos(t) + g.uniform(-1, 1) * noise
            points.append((x, y, label))
    return points


def xor(samples, noise, seed):
    g, points = SplitMix64(seed), []
    pad = lambda v: v + 0.3 if v > 0 else v - 0.3
    for _ in range(samples):
        x, y = pad(g.uniform(-5, 5)), pad(g.uniform(-5, 5))
        nx, ny = g.uniform(-5, 5) * noise, g.uniform(-5, 5) * noise
        points.append((x, y, 1 if (x + nx) * (y + ny) >= 0 else 0))
    return points


def plane(samples, noise, seed):
    g, points = SplitMix64(seed), []
    for _ in range(samples):
        x, y = g.uniform(-6, 6), g.uniform(-6, 6)
        nx, ny = g.uniform(-6, 6) * noise, g.uniform(-6, 6) * noise
        points.append((x, y, (x + nx + y + ny) / 10))
    return points


if __name__ == "__main__":
    print("spiral(6, 0.1, seed 1)", [tuple(repr(v) for v in p) for p in spiral(6, 0.1, 1)])
    print("xor(4, 0.2, seed 7)", [tuple(repr(v) for v in p) for p in xor(4, 0.2, 7)])
    print("plane(3, 0.1, seed 3)", [tuple(repr(v) for v in p) for p in plane(3, 0.1, 3)])
