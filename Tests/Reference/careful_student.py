"""Answer files written the way a careful student works an iteration by hand, for the checker's
fair-marking tests (Tests/StepgradHomeworkTests/CarefulStudentTests.swift).

The student rounds every value they write to 3 decimals and carries on from the rounded values,
never from more precise ones. Inside a step they round what a calculator shows them on the way:
e^z (and e^−z) inside sigmoid, tanh and softmax, and ln of each probability in a cross-entropy, also
to 3 decimals. Adam's moments are of the order of g/10 and g²/1000, so 3 decimals would write them
as 0: the student keeps m, v, m̂ and v̂ to 3 significant figures instead.

Each exercise is worked under SGD, SGD with momentum (and weight decay) and Adam: without a
mistake, and with a mistake planted in one quantity of the backward pass or (`early-mistake`) of
the forward pass, after which the student carries on honestly from their own (wrong, rounded)
values. Under momentum and Adam the same again with the optimizer's state written (`state`,
`state-mistake`), and with a mistake in that state (`own-state-mistake`). This script knows
nothing of stepgrad: the network, its derivatives and torch.optim's first step are written out
here in NumPy.

For each answer file it also writes what a fair marker must conclude:
  wrong            the planted mistake;
  carried-forward  a later value that is more than 0.01 from the exact one, and from the same
                   student's value without the mistake, in some element (it can only be right
                   as follow-through from the mistake);
  mark             correct or carried forward, either is fair (the student's rounding only).

Run: python3 Tests/Reference/careful_student.py
It rewrites Tests/StepgradHomeworkTests/Fixtures/careful/ (committed as fixtures).
"""
import json
import os

import numpy as np

OUT = os.path.join(os.path.dirname(__file__), "..", "StepgradHomeworkTests", "Fixtures", "careful")


def r3(v):
    """Rounded half away from zero to 3 decimals, as on paper."""
    v = np.asarray(v, dtype=float)
    return np.sign(v) * np.floor(np.abs(v) * 1000 + 0.5 + 1e-9) / 1000


def sig3(v):
    """Rounded to 3 significant figures."""
    v = np.asarray(v, dtype=float)
    out = np.zeros_like(v)
    for i, x in np.ndenumerate(v):
        if x != 0:
            e = int(np.floor(np.log10(abs(x))))
            out[i] = float(f"{x:.{max(0, 2 - e)}f}") if e < 2 else float(f"{x:.3g}")
    return out


# ---------------------------------------------------------------- the exercises

EXERCISES = {
    # Mazur's 2-2-2 sigmoid network with half the summed squared error.
    "sigmoid": dict(
        title="Sigmoid 2-2-2, half-SSE",
        x=[0.05, 0.10], y=[0.01, 0.99],
        layers=[dict(act="sigmoid", W=[[0.15, 0.20], [0.25, 0.30]], b=[0.35, 0.35]),
                dict(act="sigmoid", W=[[0.40, 0.45], [0.50, 0.55]], b=[0.60, 0.60])],
        loss="half-sse",
        # The activation derivative σ′ forgotten in the output layer: dz2 = da2.
        mistake=("dz2", "missing-activation-derivative"),
        # A slipped digit in the forward pass: 0.393 written as 0.443.
        early_mistake=("z1", "slip")),
    # Sigmoid units at z = 1.16 and 2.14, where 1/(1 + e^−z) from e^−z rounded to 3 decimals lands
    # more than half a unit from σ(z): 1/(1 + 0.313) = 0.7616 → 0.762 against σ(1.16) = 0.761333.
    "sigmoid-e": dict(
        title="Sigmoid 2-2-1 at z = 1.16 and 2.14",
        x=[1.0, 0.5], y=[1.0],
        layers=[dict(act="sigmoid", W=[[0.9, 0.52], [1.9, 0.48]], b=[0.0, 0.0]),
                dict(act="sigmoid", W=[[0.5, -0.3]], b=[0.1])],
        loss="half-sse",
        mistake=("dz2", "missing-activation-derivative"),
        early_mistake=("z1", "slip")),
    # A tanh hidden layer and a softmax output with cross-entropy.
    "tanh-softmax": dict(
        title="Tanh 3-3-2 with a softmax output",
        x=[1.0, -0.5, 0.8], y=[0.0, 1.0],
        layers=[dict(act="tanh", W=[[0.4, -0.2, 0.3], [-0.5, 0.6, 0.1], [0.2, 0.3, -0.4]], b=[0.1, -0.2, 0.05]),
                dict(act="softmax", W=[[0.7, -0.3, 0.5], [-0.4, 0.8, 0.2]], b=[0.0, 0.1])],
        loss="cross-entropy",
        # One element of da1 slipped (a sign dropped in one product).
        mistake=("da1", "slip"),
        early_mistake=("z2", "slip")),
    # Three sigmoid outputs with half the summed squared error: after a slip in ŷ, the loss from the
    # student's own ŷ rounds three squares on the way, 0.00114 in all, more than the extra half unit
    # for partial results alone allows (found by a random search over careful students).
    "tanh-sigmoid": dict(
        title="Tanh 3-2-3 with sigmoid outputs, half-SSE",
        x=[0.8, 0.3, -1.7], y=[0.0, 1.0, 0.0],
        layers=[dict(act="tanh", W=[[-0.3, -0.3, -1.0], [0.1, -0.6, 0.4]], b=[0.0, -0.5]),
                dict(act="sigmoid", W=[[0.5, 1.0], [0.6, 0.1], [-0.3, -0.6]], b=[-0.3, 0.1, 0.4])],
        loss="half-sse",
        mistake=("dz2", "missing-activation-derivative"),
        # ŷ₁ = 0.632 written as −0.432.
        early_mistake=("a2", "slip")),
    # The bundled homework: relu then softmax, a target (1, 1, 0) that does not sum to 1, no bias.
    "relu-softmax": dict(
        title="ReLU 3-4-3 with a softmax output, y = (1, 1, 0)",
        x=[0.5, -1.0, 2.0], y=[1.0, 1.0, 0.0],
        layers=[dict(act="relu", W=[[0.2, -0.3, 0.4], [0.1, 0.2, -0.5], [-0.3, 0.1, 0.2], [0.4, -0.1, 0.3]], b=None),
                dict(act="softmax", W=[[0.1, 0.2, -0.1, 0.1], [-0.2, 0.3, 0.1, -0.3], [0.2, -0.1, 0.3, 0.2]], b=None)],
        loss="cross-entropy",
        # The shortcut dz2 = ŷ − y, which needs a target summing to 1.
        mistake=("dz2", "shortcut-target-not-summing-to-1"),
        # The slip of the handwritten homework: z2[1] = −0.495 written as −0.445.
        early_mistake=("z2", "slip")),
}

OPTIMIZERS = {
    "sgd": dict(name="sgd", lr=0.5),
    "momentum": dict(name="sgd", lr=0.5, momentum=0.9, weight_decay=0.01),
    "adam": dict(name="adam", lr=0.1, beta1=0.9, beta2=0.999, eps=1e-8),
}


# ---------------------------------------------------------------- one iteration, by hand

def activation(act, z, rnd):
    """f(z) the way it is worked out: with `rnd` the student's rounding of e^z on the way."""
    if act == "sigmoid":
        return 1 / (1 + rnd(np.exp(-z)))
    if act == "tanh":
        ep, en = rnd(np.exp(z)), rnd(np.exp(-z))
        return (ep - en) / (ep + en)
    if act == "softmax":
        e = rnd(np.exp(z))
        return e / e.sum()
    if act == "relu":
        return np.maximum(z, 0)
    raise ValueError(act)


def derivative(act, a, z):
    if act == "sigmoid":
        return a * (1 - a)
    if act == "tanh":
        return 1 - a * a
    if act == "relu":
        return (z > 0).astype(float)
    raise ValueError(act)


def iterate(ex, opt, rnd, small, mistake=None):
    """One iteration; `rnd` rounds each written value (identity for the exact pass), `small` rounds
    Adam's moments. Returns the values in the order they are written, and the names of the
    optimizer's state among them, and the names of Adam's moments (written to 3 significant figures)."""
    x, y = np.array(ex["x"]), np.array(ex["y"])
    layers = ex["layers"]
    L = len(layers)
    out, state, moments = {}, set(), set()

    def write(name, value, rounding=rnd):
        if mistake and mistake[0] == name:
            value = plant(name, value, mistake[1], ex, out, opt)
        value = rounding(value)
        out[name] = value
        return value

    a = x
    for l, layer in enumerate(layers, 1):
        W = np.array(layer["W"])
        z = W @ a + (np.array(layer["b"]) if layer["b"] is not None else 0)
        z = write(f"z{l}", z)
        a = write(f"a{l}", activation(layer["act"], z, rnd))
    if ex["loss"] == "half-sse":
        write("loss", 0.5 * (rnd((a - y) ** 2)).sum())
    else:
        write("loss", -(y * rnd(np.log(a))).sum())

    out_act = layers[-1]["act"]
    if out_act == "softmax":
        dz = write(f"dz{L}", a * y.sum() - y)
    else:
        da = write(f"da{L}", a - y)
        dz = write(f"dz{L}", da * derivative(out_act, a, out[f"z{L}"]))
    grads = {}
    for l in range(L, 0, -1):
        prev = out[f"a{l - 1}"] if l > 1 else x
        grads[f"W{l}"] = write(f"dW{l}", np.outer(dz, prev))
        if layers[l - 1]["b"] is not None:
            grads[f"b{l}"] = write(f"db{l}", dz)
        if l > 1:
            da = write(f"da{l - 1}", np.array(layers[l - 1]["W"]).T @ dz)
            act = layers[l - 2]["act"]
            dz = write(f"dz{l - 1}", da * derivative(act, out[f"a{l - 1}"], out[f"z{l - 1}"]))

    # torch.optim's first step, from the student's own gradients and state (the state before the
    # first step is empty: torch starts the momentum buffer at the gradient, Adam's moments at 0).
    for l, layer in enumerate(layers, 1):
        for p, name in [("W", f"W{l}"), ("b", f"b{l}")]:
            if name not in grads:
                continue
            value = np.array(layer[p], dtype=float)
            g = grads[name]
            if opt.get("weight_decay"):
                g = g + opt["weight_decay"] * value
            if opt["name"] == "sgd" and not opt.get("momentum"):
                new = value - opt["lr"] * g
            elif opt["name"] == "sgd":
                buf = write(f"buf{name}", g)
                state.add(f"buf{name}")
                new = value - opt["lr"] * buf
            else:
                m = write(f"m{name}", (1 - opt["beta1"]) * g, small)
                v = write(f"v{name}", (1 - opt["beta2"]) * g * g, small)
                mhat = write(f"mhat{name}", m / (1 - opt["beta1"]), small)
                vhat = write(f"vhat{name}", v / (1 - opt["beta2"]), small)
                moments |= {f"m{name}", f"v{name}", f"mhat{name}", f"vhat{name}"}
                state |= moments
                new = value - opt["lr"] * mhat / (np.sqrt(vhat) + opt["eps"])
            write(f"{name}_new", new)
    return out, state, moments


def plant(name, value, kind, ex, out, opt):
    """The planted mistake: what the student works out instead of `value`, before rounding it."""
    L = len(ex["layers"])
    y = np.array(ex["y"])
    if kind == "missing-activation-derivative":
        return out[f"da{L}"].copy()
    if kind == "shortcut-target-not-summing-to-1":
        return out[f"a{L}"] - y
    if kind == "slip":
        slipped = np.array(value, dtype=float)
        # One element badly off: a digit slipped in the forward pass, a sign dropped in the backward.
        slipped[1] = slipped[1] + 0.05 if name.startswith("z") else -slipped[1] + 0.2
        return slipped
    if kind == "momentum-on-the-first-step":
        # buf = μ·g + g, as if the buffer had started at g rather than being set to g.
        return value * (1 + opt["momentum"])
    if kind == "no-bias-correction":
        # m̂ = m: the division by 1 − β₁ᵗ forgotten.
        return value * (1 - opt["beta1"])
    raise ValueError(kind)


# ---------------------------------------------------------------- files

def number(v, decimals=None, significant=None):
    """As given in an exercise (shortest form), or as a student writes it: `decimals` places, or
    `significant` figures in plain decimal notation (0.0000439, not 4.39e-5)."""
    if significant is not None:
        decimals = 0 if v == 0 else max(0, significant - 1 - int(np.floor(np.log10(abs(v)))))
    if decimals is not None:
        text = f"{v:.{decimals}f}"
        return text[1:] if text.startswith("-") and float(text) == 0 else text
    text = f"{v:.6f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def yaml_value(v, decimals=None, significant=None):
    v = np.asarray(v, dtype=float)
    n = lambda e: number(e, decimals, significant)
    if v.ndim == 0:
        return n(float(v))
    if v.ndim == 1:
        return "[" + ", ".join(n(e) for e in v) + "]"
    return "\n" + "\n".join("  - [" + ", ".join(n(e) for e in row) + "]" for row in v)


def exercise_yaml(ex, opt):
    lines = [f'title: "{ex["title"]}"', "convention: Wx",
             f"input: {yaml_value(ex['x'])}", f"target: {yaml_value(ex['y'])}", "layers:"]
    for layer in ex["layers"]:
        lines.append(f"  - units: {len(layer['W'])}")
        lines.append(f"    activation: {layer['act']}")
        lines.append("    weights:")
        lines += ["      - [" + ", ".join(number(e) for e in row) + "]" for row in layer["W"]]
        lines.append("    bias: " + ("false" if layer["b"] is None else yaml_value(layer["b"])))
    lines.append(f"loss: {ex['loss']}")
    settings = {"sgd": [("learning-rate", "lr"), ("momentum", "momentum"), ("weight-decay", "weight_decay")],
                "adam": [("learning-rate", "lr"), ("beta1", "beta1"), ("beta2", "beta2"), ("epsilon", "eps")]}
    body = ", ".join(f"{key}: {opt[k]}" for key, k in settings[opt["name"]] if k in opt)
    lines.append(f"optimizer: {{name: {opt['name']}, {body}}}")
    return "\n".join(lines) + "\n"


def variants(ex, opt_name):
    """(name, planted mistake, whether the optimizer's state is written) for one exercise and optimizer."""
    found = [("careful", None, False), ("mistake", ex["mistake"], False), ("early-mistake", ex["early_mistake"], False)]
    if opt_name != "sgd":
        # The same, with the student's momentum buffers or Adam's moments written too.
        found += [("state", None, True), ("state-mistake", ex["mistake"], True)]
        # A mistake in the student's own state, which the update then follows.
        own = ("bufW2", "momentum-on-the-first-step") if opt_name == "momentum" else ("mhatW2", "no-bias-correction")
        found.append(("own-state-mistake", own, True))
    return found


def main():
    os.makedirs(OUT, exist_ok=True)
    expectations = {}
    identity = lambda v: np.asarray(v, dtype=float)
    for ex_name, ex in EXERCISES.items():
        for opt_name, opt in OPTIMIZERS.items():
            stem = f"{ex_name}.{opt_name}"
            with open(os.path.join(OUT, stem + ".yaml"), "w") as f:
                f.write(f"# Written by Tests/Reference/careful_student.py; do not edit.\n")
                f.write(exercise_yaml(ex, opt))
            exact, _, _ = iterate(ex, opt, identity, identity)
            careful, _, _ = iterate(ex, opt, r3, sig3)
            for variant, mistake, with_state in variants(ex, opt_name):
                answers, state, moments = iterate(ex, opt, r3, sig3, mistake)
                if not with_state:
                    answers = {k: v for k, v in answers.items() if k not in state}
                marks = {}
                for name, value in answers.items():
                    if mistake and name == mistake[0]:
                        marks[name] = "wrong"
                    elif (np.max(np.abs(value - exact[name])) > 0.01
                          and np.max(np.abs(value - careful[name])) > 0.01):
                        marks[name] = "carried-forward"
                    else:
                        marks[name] = "mark"
                file = f"{stem}.{variant}.answers.yaml"
                with open(os.path.join(OUT, file), "w") as f:
                    f.write("# A careful student's answers: 3 decimals at each step (Adam's moments to 3 significant\n")
                    f.write("# figures), continuing from the rounded values")
                    f.write("" if not mistake else f";\n# with one mistake in {mistake[0]} ({mistake[1]})")
                    f.write(". Written by Tests/Reference/careful_student.py.\n")
                    for name, value in answers.items():
                        text = yaml_value(value, significant=3) if name in moments else yaml_value(value, 3)
                        f.write(f"{name}: {text}\n")
                expectations[file] = dict(exercise=stem + ".yaml", mistake=mistake and mistake[1], verdicts=marks)
    with open(os.path.join(OUT, "expectations.json"), "w") as f:
        json.dump(expectations, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
