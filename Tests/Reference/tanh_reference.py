#!/usr/bin/env python3
"""tanh correctly rounded to a double, in mpmath at 80 digits, for TanhPathTests.

Writes Tests/StepgradEngineTests/Fixtures/tanh.txt: one line per input, "x tanh(x)" as hex floats.
The inputs are the edges of the engine's tanh (2^-27, 1, 20 and their neighbours), ±0, tiny,
huge, and a seeded spread over the magnitudes 2^-30 ... 2^6.
Run: python3 Tests/Reference/tanh_reference.py
"""

import math
import os
import random

import mpmath

mpmath.mp.dps = 80

edges = [2.0 ** -27, 2.0 ** -28, 0.25, 0.34657359027997264, 0.5, 1.0, 1.5, 2.0, 5.0, 10.0, 18.0, 19.0, 19.06, 19.1, 20.0,
         21.0, 0.1, 0.2, 0.3, 0.7, 5e-324, 2.2250738585072014e-308, 1e-300, 1e300]
inputs = []
for e in edges:
    for v in (e, math.nextafter(e, 0), math.nextafter(e, math.inf)):
        inputs += [v, -v]
rng = random.Random(15)
while len(inputs) < 4000:
    inputs.append(rng.choice((-1, 1)) * math.ldexp(1 + rng.random(), rng.randint(-30, 5)))

path = os.path.join(os.path.dirname(__file__), "..", "StepgradEngineTests", "Fixtures", "tanh.txt")
with open(path, "w") as out:
    for x in inputs:
        out.write("%s %s\n" % (float(x).hex(), float(mpmath.tanh(mpmath.mpf(x))).hex()))
print("wrote", len(inputs), "inputs to", os.path.normpath(path))
