#!/usr/bin/env python3
"""The heatmap ramps worked out independently of the Swift code, for the expectations of
Tests/StepgradEndToEndTests/TerminalColourTests.swift: OKLab (Ottosson 2020) blends from the
theme's neutral to its hue, and their quantisation to the 256-colour palette that keeps the
order of lightness, skips greys and weighs hue and chroma three times as much as lightness.

    python3 Tests/Reference/ramp.py
"""


def linear(c):
    v = c / 255
    return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4


def encode(v):
    v = min(max(v, 0), 1)
    e = 12.92 * v if v <= 0.0031308 else 1.055 * v ** (1 / 2.4) - 0.055
    return round(e * 255)


def oklab(rgb):
    r, g, b = map(linear, rgb)
    l = (0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b) ** (1 / 3)
    m = (0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b) ** (1 / 3)
    s = (0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b) ** (1 / 3)
    return (0.2104542553 * l + 0.7936177850 * m - 0.0040720468 * s,
            1.9779984951 * l - 2.4285922050 * m + 0.4505937099 * s,
            0.0259040371 * l + 0.7827717662 * m - 0.8086757660 * s)


def rgb(lab):
    L, a, b = lab
    l = (L + 0.3963377774 * a + 0.2158037573 * b) ** 3
    m = (L - 0.1055613458 * a - 0.0638541728 * b) ** 3
    s = (L - 0.0894841775 * a - 1.2914855480 * b) ** 3
    return (encode(4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s),
            encode(-1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s),
            encode(-0.0041960863 * l - 0.7034186147 * m + 1.7076147010 * s))


def blend(a, b, t):
    p, q = oklab(a), oklab(b)
    return rgb(tuple(p[k] + (q[k] - p[k]) * t for k in range(3)))


LEVELS = [0, 95, 135, 175, 215, 255]
PALETTE = {16 + i: (LEVELS[i // 36], LEVELS[i // 6 % 6], LEVELS[i % 6]) for i in range(216)}
PALETTE.update({232 + i: (8 + 10 * i,) * 3 for i in range(24)})
MINIMUM_TINT, STEPS = 0.4, 10


def quantised(neutral, hue):
    start = oklab(neutral)[0]
    lighter = oklab(hue)[0] > start
    hued = {i: c for i, c in PALETTE.items() if oklab(c)[1] ** 2 + oklab(c)[2] ** 2 > 0.03 ** 2}
    previous, chosen = start, []
    for step in range(1, STEPS + 1):
        target = oklab(blend(neutral, hue, MINIMUM_TINT + (1 - MINIMUM_TINT) * step / STEPS))
        allowed = {i: c for i, c in hued.items()
                   if (oklab(c)[0] >= previous if lighter else oklab(c)[0] <= previous)} or hued

        def distance(i):
            o = oklab(allowed[i])
            return (o[0] - target[0]) ** 2 + 3 * ((o[1] - target[1]) ** 2 + (o[2] - target[2]) ** 2)
        best = min(sorted(allowed), key=distance)
        chosen.append(best)
        previous = oklab(PALETTE[best])[0]
    return chosen


if __name__ == "__main__":
    dark = dict(neutral=(44, 44, 44), positive=(49, 130, 229), negative=(236, 112, 20))
    print("dark +0.5 in 24-bit colour:", blend(dark["neutral"], dark["positive"], MINIMUM_TINT + (1 - MINIMUM_TINT) * 0.5))
    for sign in ("positive", "negative"):
        print("dark", sign, "256-colour ramp:", quantised(dark["neutral"], dark[sign]))
