#!/usr/bin/env python3
"""Independent NumPy reference for the stepgrad engine.

Computes forward, loss, backward and update from the textbook definitions,
one sample at a time as on paper (column vectors, explicit activation
Jacobians, torch.optim update rules), and writes the expected values of every
quantity as JSON fixtures for Tests/StepgradEngineTests. The Swift tests read
the fixtures; they never run Python. Regenerate with

    python3 Tests/Reference/reference.py

The extreme cases (logits ±40, ±800, ±1000) are computed in mpmath at 1,200 digits instead and
written to Fixtures/Extremes as decimal strings.

Before writing anything the script checks itself: its gradients against
central differences of its own loss, the fused softmax/sigmoid output
gradients against their closed forms, and Mazur's example against his
published numbers.
"""

import json
import pathlib

import numpy as np

FIXTURES = pathlib.Path(__file__).resolve().parent.parent / "StepgradEngineTests" / "Fixtures"
EXTREMES = FIXTURES / "Extremes"


# --- Activations: f(z) and the Jacobian ∂a/∂z of one sample -----------------

def activate(layer, z):
    kind = layer["activation"]
    if kind == "identity":
        return z.copy()
    if kind == "relu":
        return np.where(z > 0, z, 0.0)
    if kind == "leaky-relu":
        return np.where(z > 0, z, layer["negative_slope"] * z)
    if kind == "sigmoid":
        return 1.0 / (1.0 + np.exp(-z))
    if kind == "tanh":
        return np.tanh(z)
    if kind == "softmax":
        e = np.exp(z - z.max())
        return e / e.sum()
    raise ValueError(kind)


def jacobian(layer, z, a):
    """∂a_i/∂z_j; the derivative of relu at 0 is taken as 0, as by hand."""
    kind = layer["activation"]
    if kind == "softmax":
        return np.diag(a) - np.outer(a, a)
    if kind == "identity":
        d = np.ones_like(z)
    elif kind == "relu":
        d = (z > 0).astype(float)
    elif kind == "leaky-relu":
        d = np.where(z > 0, 1.0, layer["negative_slope"])
    elif kind == "sigmoid":
        d = a * (1 - a)
    elif kind == "tanh":
        d = 1 - a ** 2
    else:
        raise ValueError(kind)
    return np.diag(d)


# --- Losses of one sample: ℓ(ŷ, y) and ∂ℓ/∂ŷ ---------------------------------
# `n` divides a sample's sum over outputs: the number of outputs for MSE and BCE under
# reduction "mean" (torch's mean over every element), 1 under "sum" (torch's sum over every element).

def output_divisor(kind, p, reduction):
    return len(p) if kind in ("mse", "binary-cross-entropy") and reduction == "mean" else 1


def sample_loss(kind, p, y, reduction="mean"):
    n = output_divisor(kind, p, reduction)
    if kind == "cross-entropy":
        return -sum(yi * np.log(pi) for yi, pi in zip(y, p) if yi != 0)
    if kind == "binary-cross-entropy":
        return -np.sum(y * np.log(p) + (1 - y) * np.log(1 - p)) / n
    if kind == "mse":
        return np.sum((p - y) ** 2) / n
    if kind == "sse":
        return np.sum((p - y) ** 2)
    if kind == "half-sse":
        return 0.5 * np.sum((p - y) ** 2)
    raise ValueError(kind)


def sample_loss_gradient(kind, p, y, reduction="mean"):
    n = output_divisor(kind, p, reduction)
    if kind == "cross-entropy":
        return np.where(y != 0, -y / p, 0.0)
    if kind == "binary-cross-entropy":
        return (-(y / p) + (1 - y) / (1 - p)) / n
    if kind == "mse":
        return 2 * (p - y) / n
    if kind == "sse":
        return 2 * (p - y)
    if kind == "half-sse":
        return p - y
    raise ValueError(kind)


def batch_factor(spec, batch):
    return 1.0 / batch if spec["reduction"] == "mean" else 1.0


# --- One iteration -----------------------------------------------------------

def affine(spec, W, a, b):
    z = W @ a if spec["convention"] == "Wx" else W.T @ a
    return z + b if b is not None else z


def forward_sample(spec, params, x):
    """z[l], a[l] for l = 1…L of one sample; a[0] = x."""
    zs, acts = [None], [x]
    for l, layer in enumerate(spec["layers"], start=1):
        z = affine(spec, params[f"W{l}"], acts[-1], params.get(f"b{l}"))
        zs.append(z)
        acts.append(activate(layer, z))
    return zs, acts


def total_loss(spec, params, X, Y):
    c = batch_factor(spec, len(X))
    return c * sum(sample_loss(spec["loss"], forward_sample(spec, params, x)[1][-1], y, spec["reduction"]) for x, y in zip(X, Y))


def iterate(spec, params, X, Y):
    """Every quantity of one iteration, per-sample ones as batch × units."""
    layers, L = spec["layers"], len(spec["layers"])
    B, c = len(X), batch_factor(spec, len(X))
    out = {"x": X.copy(), "y": Y.copy()}
    for name, value in params.items():
        out[name] = value.copy()
    per_sample = {}
    grads = {name: np.zeros_like(value) for name, value in params.items() if trained(spec, name)}
    losses = []
    for s in range(B):
        zs, acts = forward_sample(spec, params, X[s])
        losses.append(sample_loss(spec["loss"], acts[L], Y[s], spec["reduction"]))
        record = {f"z{l}": zs[l] for l in range(1, L + 1)}
        record.update({f"a{l}": acts[l] for l in range(1, L + 1)})
        # Chain rule, layer by layer; every ∂ carries the batch factor c.
        da = c * sample_loss_gradient(spec["loss"], acts[L], Y[s], spec["reduction"])
        for l in range(L, 0, -1):
            record[f"da{l}"] = da
            dz = jacobian(layers[l - 1], zs[l], acts[l]).T @ da
            record[f"dz{l}"] = dz
            W = params[f"W{l}"]
            if f"W{l}" in grads:
                grads[f"W{l}"] += np.outer(dz, acts[l - 1]) if spec["convention"] == "Wx" else np.outer(acts[l - 1], dz)
            if f"b{l}" in grads:
                grads[f"b{l}"] += dz
            da = W.T @ dz if spec["convention"] == "Wx" else W @ dz
        for name, value in record.items():
            per_sample.setdefault(name, []).append(value)
    for name, rows in per_sample.items():
        out[name] = np.array(rows)
    out["loss"] = np.array([[c * sum(losses)]])
    for name, g in grads.items():
        out["d" + name] = g
    check_fused_output_gradient(spec, out, c)
    return out, grads


def check_fused_output_gradient(spec, out, c):
    """The closed forms a student uses must agree with the chain rule above."""
    L = len(spec["layers"])
    p, y, dz = out[f"a{L}"], out["y"], out[f"dz{L}"]
    output = spec["layers"][-1]["activation"]
    if spec["loss"] == "cross-entropy" and output == "softmax":
        closed = c * (p * y.sum(axis=1, keepdims=True) - y)
    elif spec["loss"] == "binary-cross-entropy" and output == "sigmoid":
        closed = c * (p - y) / (p.shape[1] if spec["reduction"] == "mean" else 1)
    else:
        return
    assert np.allclose(dz, closed, rtol=1e-12, atol=1e-15), (spec["loss"], dz, closed)


# --- Optimizers, as torch.optim.SGD and torch.optim.Adam ----------------------

def update(optimizer, params, grads, state):
    """Returns the new parameters and the optimizer state of this step by its canonical names
    (bufW1, mW1, vW1, mhatW1, vhatW1, and the carried-in bufW1_prev, mW1_prev, vW1_prev);
    `state` (buffers and step) is updated in place."""
    state["step"] += 1
    t = state["step"]
    new, shown = {}, {}
    for name, p in params.items():
        if name not in grads:
            new[name] = p
            continue
        g = grads[name]
        if optimizer["weight_decay"] != 0:
            g = g + optimizer["weight_decay"] * p
        lr = optimizer["learning_rate"]
        if optimizer["kind"] == "sgd":
            mu = optimizer["momentum"]
            if mu != 0:
                key = "buf" + name
                if key in state:
                    shown[key + "_prev"] = state[key]
                    state[key] = mu * state[key] + g
                else:
                    state[key] = g.copy()
                g = state[key]
                shown[key] = g
            new[name] = p - lr * g
        else:
            b1, b2, eps = optimizer["beta1"], optimizer["beta2"], optimizer["epsilon"]
            m_prev = state.get("m" + name, np.zeros_like(p))
            v_prev = state.get("v" + name, np.zeros_like(p))
            m = b1 * m_prev + (1 - b1) * g
            v = b2 * v_prev + (1 - b2) * g * g
            state["m" + name], state["v" + name] = m, v
            shown.update({"m" + name + "_prev": m_prev, "v" + name + "_prev": v_prev, "m" + name: m, "v" + name: v,
                          "mhat" + name: m / (1 - b1 ** t), "vhat" + name: v / (1 - b2 ** t)})
            # torch.optim.Adam's own order of operations, not the one stepgrad writes out.
            new[name] = p - lr / (1 - b1 ** t) * m / (np.sqrt(v) / np.sqrt(1 - b2 ** t) + eps)
    return new, shown


def gradient_check(spec, params, X, Y, grads):
    """Central differences of the reference's own loss."""
    h = 1e-6
    for name, p in params.items():
        if name not in grads:
            continue
        for index in np.ndindex(p.shape):
            plus = {k: v.copy() for k, v in params.items()}
            minus = {k: v.copy() for k, v in params.items()}
            plus[name][index] += h
            minus[name][index] -= h
            numeric = (total_loss(spec, plus, X, Y) - total_loss(spec, minus, X, Y)) / (2 * h)
            analytic = grads[name][index]
            assert abs(numeric - analytic) <= 1e-6 * max(1, abs(analytic)), (spec, name, index, numeric, analytic)


def run(case, check=True):
    spec = case["spec"]
    # Biases are computed with as plain vectors and written back as 1 × units rows.
    params = {k: np.array(v, dtype=float).reshape(-1) if k.startswith("b") else np.array(v, dtype=float)
              for k, v in case["parameters"].items()}
    X, Y = np.array(case["input"], dtype=float), np.array(case["target"], dtype=float)
    state = {"step": 0}
    iterations = []
    for _ in range(spec["iterations"]):
        values, grads = iterate(spec, params, X, Y)
        if check:
            gradient_check(spec, params, X, Y, grads)
        new, shown = update(spec["optimizer"], params, grads, state)
        for name, value in new.items():
            if name in grads:
                values[name + "_new"] = value
        for name, value in shown.items():
            values[name] = value.copy()
        iterations.append({name: as_rows(value) for name, value in sorted(values.items())})
        params = new
    return iterations


def as_rows(value):
    """Bias vectors are written as 1 × units rows, like every parameter."""
    value = np.asarray(value, dtype=float)
    return (value.reshape(1, -1) if value.ndim == 1 else value).tolist()


# --- Cases -------------------------------------------------------------------

def sgd(lr, momentum=0.0, weight_decay=0.0):
    return {"kind": "sgd", "learning_rate": lr, "momentum": momentum, "weight_decay": weight_decay}


def adam(lr, beta1=0.9, beta2=0.999, epsilon=1e-8, weight_decay=0.0):
    return {"kind": "adam", "learning_rate": lr, "beta1": beta1, "beta2": beta2,
            "epsilon": epsilon, "weight_decay": weight_decay}


def layer(units, activation, bias=True, slope=None, frozen=()):
    entry = {"units": units, "activation": activation, "bias": bias}
    if slope is not None:
        entry["negative_slope"] = slope
    if frozen:
        entry["frozen"] = list(frozen)
    return entry


def trained(spec, name):
    """Whether parameter `name` (W1, b2, …) is trained: `frozen: [weights]`/`[bias]` keep it fixed."""
    part = "weights" if name.startswith("W") else "bias"
    return part not in spec["layers"][int(name[1:]) - 1].get("frozen", [])


def spec(inputs, layers, convention, loss, optimizer, reduction="mean", iterations=1):
    return {"inputs": inputs, "layers": layers, "convention": convention, "loss": loss,
            "reduction": reduction, "optimizer": optimizer, "iterations": iterations}


HANDWRITTEN = [
    {
        "name": "homework1",
        "description": "3-4-3 relu/softmax without biases, cross-entropy with a target summing to 2, SGD 0.1, W out×in",
        "spec": spec(3, [layer(4, "relu", bias=False), layer(3, "softmax", bias=False)], "Wx", "cross-entropy", sgd(0.1)),
        "parameters": {
            "W1": [[0.2, -0.3, 0.4], [0.1, 0.2, -0.5], [-0.3, 0.1, 0.2], [0.4, -0.1, 0.3]],
            "W2": [[0.1, 0.2, -0.1, 0.1], [-0.2, 0.3, 0.1, -0.3], [0.2, -0.1, 0.3, 0.2]],
        },
        "input": [[0.5, -1, 2]],
        "target": [[1, 1, 0]],
    },
    {
        "name": "homework2",
        "description": "softmax regression, z = Wᵀx + b with W in×out, cross-entropy, SGD 0.1",
        "spec": spec(3, [layer(3, "softmax")], "WTx", "cross-entropy", sgd(0.1)),
        "parameters": {
            "W1": [[0.3, 0.1, -2], [-0.6, -0.5, 2], [-1, -0.5, 0.1]],
            "b1": [[0.1, 0.1, 0.1]],
        },
        "input": [[1, 3, 0]],
        "target": [[0, 1, 0]],
    },
    {
        "name": "mazur",
        "description": "Matt Mazur's step-by-step backpropagation example: 2-2-2 sigmoid, half-sse, SGD 0.5, biases fixed",
        "spec": spec(2, [layer(2, "sigmoid", frozen=["bias"]), layer(2, "sigmoid", frozen=["bias"])], "Wx", "half-sse", sgd(0.5),
                     iterations=2),
        "parameters": {
            "W1": [[0.15, 0.20], [0.25, 0.30]], "b1": [[0.35, 0.35]],
            "W2": [[0.40, 0.45], [0.50, 0.55]], "b2": [[0.60, 0.60]],
        },
        "input": [[0.05, 0.10]],
        "target": [[0.01, 0.99]],
    },
]


def random_case(rng, name, description, inputs, layers, convention, loss, optimizer, reduction, batch, target=None):
    s = spec(inputs, layers, convention, loss, optimizer, reduction, iterations=3)
    params, fan_in = {}, inputs
    for l, entry in enumerate(layers, start=1):
        shape = (entry["units"], fan_in) if convention == "Wx" else (fan_in, entry["units"])
        params[f"W{l}"] = rng.uniform(-1, 1, shape).round(6).tolist()
        if entry["bias"]:
            params[f"b{l}"] = rng.uniform(-0.5, 0.5, (1, entry["units"])).round(6).tolist()
        fan_in = entry["units"]
    x = rng.uniform(-2, 2, (batch, inputs)).round(6)
    outputs = layers[-1]["units"]
    if target is None:
        if loss == "cross-entropy":
            target = np.eye(outputs)[rng.integers(0, outputs, batch)]
        elif loss == "binary-cross-entropy":
            target = rng.integers(0, 2, (batch, outputs)).astype(float)
        else:
            target = rng.uniform(-1, 1, (batch, outputs)).round(6)
    return {"name": name, "description": description, "spec": s, "parameters": params,
            "input": x.tolist(), "target": np.asarray(target, dtype=float).tolist()}


def random_cases():
    rng = np.random.default_rng(20240917)
    return [
        random_case(rng, "random-relu-softmax-ce", "relu hidden, softmax + cross-entropy, one sample, plain SGD",
                    3, [layer(5, "relu"), layer(4, "softmax")], "Wx", "cross-entropy", sgd(0.1), "mean", 1),
        random_case(rng, "random-tanh-sigmoid-bce", "tanh hidden, sigmoid + BCE on 3 outputs, WTx, batch 4, momentum",
                    4, [layer(3, "tanh"), layer(3, "sigmoid")], "WTx", "binary-cross-entropy",
                    sgd(0.2, momentum=0.9), "mean", 4),
        random_case(rng, "random-leaky-sigmoid-mse", "leaky-relu and sigmoid hidden, identity output, mse summed, Adam",
                    2, [layer(4, "leaky-relu", slope=0.2), layer(3, "sigmoid", bias=False), layer(2, "identity")],
                    "Wx", "mse", adam(0.01), "sum", 3),
        random_case(rng, "random-sigmoid-sse-adamw", "sigmoid hidden, identity output, sse, WTx, batch 5, Adam with weight decay",
                    3, [layer(4, "sigmoid"), layer(2, "identity")], "WTx", "sse",
                    adam(0.05, beta1=0.8, beta2=0.99, epsilon=1e-6, weight_decay=0.01), "mean", 5),
        random_case(rng, "random-identity-tanh-halfsse", "identity hidden without bias, tanh output, half-sse summed, "
                    "SGD momentum and weight decay", 3, [layer(3, "identity", bias=False), layer(3, "tanh")],
                    "Wx", "half-sse", sgd(0.05, momentum=0.5, weight_decay=0.1), "sum", 1),
        random_case(rng, "random-softmax-mse", "softmax output under mse: the full Jacobian, WTx, batch 2, weight decay",
                    3, [layer(4, "tanh", bias=False), layer(3, "softmax")], "WTx", "mse",
                    sgd(0.3, weight_decay=0.05), "mean", 2),
        random_case(rng, "random-ce-soft-targets", "softmax + cross-entropy with soft targets, one not summing to 1, "
                    "summed over a batch of 3, Adam", 4, [layer(3, "leaky-relu", slope=0.05), layer(3, "softmax")],
                    "Wx", "cross-entropy", adam(0.02), "sum", 3,
                    target=[[0.2, 0.5, 0.3], [1, 1, 0], [0, 0, 1]]),
        random_case(rng, "random-bce-no-bias", "sigmoid + BCE on 2 outputs without biases, summed over 2, "
                    "momentum and weight decay", 3, [layer(3, "relu", bias=False), layer(2, "sigmoid", bias=False)],
                    "Wx", "binary-cross-entropy", sgd(0.1, momentum=0.8, weight_decay=0.01), "sum", 2),
        random_case(rng, "random-deep-relu-adam", "four layers, WTx, half-sse, one sample, Adam",
                    3, [layer(4, "relu"), layer(4, "tanh"), layer(3, "leaky-relu", slope=0.1), layer(2, "identity")],
                    "WTx", "half-sse", adam(0.01), "mean", 1),
        random_case(rng, "random-sigmoid-ce", "cross-entropy on a sigmoid output (no fused shortcut), batch 2",
                    2, [layer(3, "tanh"), layer(3, "sigmoid")], "WTx", "cross-entropy", sgd(0.1), "mean", 2,
                    target=[[1, 0, 0], [0, 0.5, 0.5]]),
        random_case(rng, "random-single-sigmoid-bce", "logistic regression: one sigmoid output with BCE, batch 6, "
                    "mean, Adam with weight decay", 4, [layer(1, "sigmoid")], "Wx", "binary-cross-entropy",
                    adam(0.1, weight_decay=0.1), "mean", 6),
        random_case(rng, "random-sse-sum-batch", "relu and sigmoid hidden, identity output, sse summed over 4, plain SGD",
                    2, [layer(3, "relu"), layer(3, "sigmoid"), layer(2, "identity", bias=False)], "WTx", "sse",
                    sgd(0.05), "sum", 4),
        random_case(rng, "random-ce-mean-batch", "softmax + cross-entropy averaged over a batch of 4, WTx, momentum",
                    3, [layer(4, "sigmoid"), layer(3, "softmax")], "WTx", "cross-entropy",
                    sgd(0.5, momentum=0.9), "mean", 4),
    ]


def check_mazur(iterations):
    """Mazur's published numbers (mattmazur.com, 'A Step by Step Backpropagation Example')."""
    first = iterations[0]
    assert abs(first["loss"][0][0] - 0.298371109) < 5e-10, first["loss"]
    assert abs(first["W2_new"][0][0] - 0.35891648) < 5e-9, first["W2_new"]
    # and the hidden weight w1 after the step, also published
    assert abs(first["W1_new"][0][0] - 0.149780716) < 5e-10, first["W1_new"]
    # With his biases fixed, the loss after the first update: 0.29102777 (his page prints 0.291027924,
    # computed from intermediates he rounded; exact arithmetic from the same numbers gives 0.2910277737)
    assert abs(iterations[1]["loss"][0][0] - 0.2910277737) < 5e-11, iterations[1]["loss"]


def check_mazur_long_run(case):
    """Mazur: "after repeating this process 10,000 times … the error plummets to 0.0000351085"."""
    spec = dict(case["spec"], iterations=10000)
    losses = [it["loss"][0][0] for it in run(dict(case, spec=spec), check=False)]
    assert abs(losses[-1] - 0.0000351085) < 5e-11, losses[-1]
    return losses[-1]


def check_homework2(iterations):
    """z₀ = 0.3·1 + (−0.6)·3 + (−1)·0 + 0.1 = −1.4, worked by hand."""
    assert abs(iterations[0]["z1"][0][0] - (-1.4)) < 1e-15


def dump(value, indent=""):
    """JSON with one matrix row per line, so that a fixture reads like the worked solution."""
    inner = indent + "  "
    if isinstance(value, dict):
        items = [f"{inner}{json.dumps(k)}: {dump(v, inner)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + indent + "}"
    if isinstance(value, list) and value and all(isinstance(v, list) for v in value):
        return "[\n" + ",\n".join(inner + dump(v, inner) for v in value) + "\n" + indent + "]"
    if isinstance(value, list) and any(isinstance(v, dict) for v in value):
        return "[\n" + ",\n".join(inner + dump(v, inner) for v in value) + "\n" + indent + "]"
    return json.dumps(value, ensure_ascii=False)


def check_homework1(iterations):
    """The forward pass worked by hand: z1 = W1·x, a1 = relu(z1), z2 = W2·a1."""
    first = iterations[0]
    assert np.allclose(first["z1"], [[1.2, -1.15, 0.15, 0.9]], rtol=0, atol=1e-15)
    assert first["a1"] == [[first["z1"][0][0], 0.0, first["z1"][0][2], first["z1"][0][3]]]
    assert np.allclose(first["z2"], [[0.195, -0.495, 0.465]], rtol=0, atol=1e-15)


# --- Extremes, exactly: mpmath ------------------------------------------------
# One-layer networks whose logits are ±40, ±800 or ±1000, where ŷ rounds to 0 or 1 in binary.
# Every quantity is computed from the textbook definitions (−ln ŷ, −y/ŷ, ŷ − y, …) in mpmath at
# 1,200 digits (50 would not do: 1 + e^−2000 needs 870 to differ from 1) and written as a decimal
# string of 20 significant digits: a value beyond the double range reads as ±inf or 0 in Swift,
# and stepgrad must then give that infinity, or a value as tiny.

def exact_iteration(case):
    from mpmath import mp, mpf, exp, log
    mp.dps = 1200
    spec = case["spec"]
    (only,) = spec["layers"]
    B, kind = len(case["input"]), spec["loss"]
    X = [[mpf(v) for v in row] for row in case["input"]]
    Y = [[mpf(v) for v in row] for row in case["target"]]
    W = [[mpf(v) for v in row] for row in case["parameters"]["W1"]]
    n = len(W)
    c = mpf(1) / B if spec["reduction"] == "mean" else mpf(1)
    divisor = n if kind == "binary-cross-entropy" and spec["reduction"] == "mean" else 1
    Z = [[sum(W[j][k] * x[k] for k in range(len(x))) for j in range(n)] for x in X]
    A, loss, dA, dZ = [], mpf(0), [], []
    for z, y in zip(Z, Y):
        if kind == "cross-entropy":
            total = sum(exp(v) for v in z)
            a = [exp(v) / total for v in z]
            loss += c * sum(-yj * log(aj) for yj, aj in zip(y, a) if yj != 0)
            dA.append([c * (-yj / aj) if yj != 0 else mpf(0) for yj, aj in zip(y, a)])
            dZ.append([c * (aj * sum(y) - yj) for yj, aj in zip(y, a)])
        else:
            a = [1 / (1 + exp(-v)) for v in z]
            loss += c * sum(-(yj * log(aj) + (1 - yj) * log(1 - aj)) for yj, aj in zip(y, a)) / divisor
            dA.append([c * (aj - yj) / (aj * (1 - aj)) / divisor for yj, aj in zip(y, a)])
            dZ.append([c * (aj - yj) / divisor for yj, aj in zip(y, a)])
        A.append(a)
    dW = [[sum(dZ[s][j] * X[s][k] for s in range(B)) for k in range(len(X[0]))] for j in range(n)]
    lr = mpf(spec["optimizer"]["learning_rate"])
    W_new = [[W[j][k] - lr * dW[j][k] for k in range(len(W[0]))] for j in range(n)]
    text = lambda rows: [[mp.nstr(v, 20, strip_zeros=False) if v != 0 else "0" for v in row] for row in rows]
    return {"x": text(X), "y": text(Y), "W1": text(W), "z1": text(Z), "a1": text(A), "loss": text([[loss]]),
            "da1": text(dA), "dz1": text(dZ), "dW1": text(dW), "W1_new": text(W_new)}


def extreme_cases():
    rng = np.random.default_rng(20261201)
    one_hot = lambda *rows: [list(r) for r in rows]
    sig_z = [40.0, -40.0, 800.0, -800.0]
    sig_y = [0.0, 0.5, 1.0]
    columns = [(z, y) for z in sig_z for y in sig_y]
    batch_x = rng.uniform(-1, 1, (64, 2)).round(3)
    batch_y = rng.choice([0.0, 0.5, 1.0], (64, 3))
    return [
        {"name": "extreme-softmax-winning", "description": "logits ±1000, the target on the winning class",
         "spec": spec(2, [layer(2, "softmax", bias=False)], "Wx", "cross-entropy", sgd(0.1)),
         "parameters": {"W1": [[1000.0, 0.0], [0.0, 1000.0]]}, "input": [[1.0, -1.0]], "target": one_hot([1.0, 0.0])},
        {"name": "extreme-softmax-losing", "description": "logits ±1000, the target on the losing class",
         "spec": spec(2, [layer(2, "softmax", bias=False)], "Wx", "cross-entropy", sgd(0.1)),
         "parameters": {"W1": [[1000.0, 0.0], [0.0, 1000.0]]}, "input": [[1.0, -1.0]], "target": one_hot([0.0, 1.0])},
        {"name": "extreme-sigmoid-mean", "description": "sigmoid outputs at z = ±40 and ±800 with targets 0, 0.5 and 1, BCE mean",
         "spec": spec(1, [layer(len(columns), "sigmoid", bias=False)], "Wx", "binary-cross-entropy", sgd(0.1)),
         "parameters": {"W1": [[z] for z, _ in columns]}, "input": [[1.0]], "target": [[y for _, y in columns]]},
        {"name": "extreme-sigmoid-sum", "description": "the same outputs, BCE summed",
         "spec": spec(1, [layer(len(columns), "sigmoid", bias=False)], "Wx", "binary-cross-entropy", sgd(0.1), "sum"),
         "parameters": {"W1": [[z] for z, _ in columns]}, "input": [[1.0]], "target": [[y for _, y in columns]]},
        {"name": "extreme-bce-batch-64-sum", "description": "a batch of 64 through sigmoid outputs with logits up to ±900, BCE summed",
         "spec": spec(2, [layer(3, "sigmoid", bias=False)], "Wx", "binary-cross-entropy", sgd(0.01), "sum"),
         "parameters": {"W1": [[450.0, -450.0], [30.0, 12.5], [-600.0, 300.0]]},
         "input": batch_x.tolist(), "target": batch_y.tolist()},
    ]


def main():
    FIXTURES.mkdir(parents=True, exist_ok=True)
    EXTREMES.mkdir(parents=True, exist_ok=True)
    for case in extreme_cases():
        fixture = dict(case, iterations=[exact_iteration(case)])
        path = EXTREMES / f"{case['name']}.json"
        path.write_text(dump(fixture) + "\n")
        print(f"{path.name}: loss {fixture['iterations'][0]['loss'][0][0]}")
    for case in HANDWRITTEN + random_cases():
        iterations = run(case)
        if case["name"] == "mazur":
            check_mazur(iterations)
            print(f"mazur: loss of iteration 10000 {check_mazur_long_run(case):.12g}")
        if case["name"] == "homework1":
            check_homework1(iterations)
        if case["name"] == "homework2":
            check_homework2(iterations)
        fixture = dict(case, iterations=iterations)
        path = FIXTURES / f"{case['name']}.json"
        path.write_text(dump(fixture) + "\n")
        print(f"{path.name}: loss {iterations[0]['loss'][0][0]:.12g}")


if __name__ == "__main__":
    main()
