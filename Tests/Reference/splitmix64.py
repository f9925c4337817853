#!/usr/bin/env python3
"""SplitMix64 and the seeded initializer, written from the published algorithm
(Steele, Lea, Flood 2014), to check the numbers hard-coded in InitializerTests.

Seed 0 must give 0xe220a8397b1dcdaf, 0x6e789e6aa1b965f4 (the published test vector).
Run: python3 Tests/Reference/splitmix64.py
"""

import math

MASK = (1 << 64) - 1


class SplitMix64:
    def __init__(self, seed):
        self.state = seed

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def unit(self):
        """A double in [0, 1) from the top 53 bits."""
        return (self.next() >> 11) * 2.0 ** -53


def round_half_away(v, decimals):
    if decimals is None:
        return v
    scaled = abs(v) * 10.0 ** decimals
    whole = math.floor(scaled)
    if scaled - whole >= 0.5:
        whole += 1
    r = math.copysign(whole, v) / 10.0 ** decimals
    return 0.0 if r == 0 else r


def weights(seed, inputs, units, convention, scheme, decimals=None):
    """Each layer's weights, row-major in the convention's layout (Wx: out×in, WTx: in×out)."""
    g, fan_in, layers = SplitMix64(seed), inputs, []
    for out in units:
        bound = {"xavier": math.sqrt(6 / (fan_in + out)), "he": math.sqrt(6 / fan_in), "uniform": 1.0}[scheme]
        rows, columns = (out, fan_in) if convention == "Wx" else (fan_in, out)
        values = [round_half_away((g.unit() * 2 - 1) * bound, decimals) for _ in range(rows * columns)]
        layers.append([values[r * columns:(r + 1) * columns] for r in range(rows)])
        fan_in = out
    return layers


if __name__ == "__main__":
    g = SplitMix64(0)
    assert (g.next(), g.next()) == (0xE220A8397B1DCDAF, 0x6E789E6AA1B965F4)
    g = SplitMix64(1234567)
    print("seed 1234567:", [g.next() for _ in range(3)])
    print("xavier 2-3-1 seed 42, 2 decimals:", weights(42, 2, [3, 1], "Wx", "xavier", 2))
    print("he 2-3-1 WTx seed 42:", weights(42, 2, [3, 1], "WTx", "he"))
    print("uniform 3-2 seed 7, 3 decimals:", weights(7, 3, [2], "Wx", "uniform", 3))
