"""Independent NumPy reference for the homework checker's tests.

Computes the two seed homework exercises exactly (one sample, no batch), the values a student
gets from common mistakes, and the follow-through values from the students' own numbers.
Run: python3 Tests/Reference/homework_reference.py > Tests/Reference/homework_reference.txt
"""
import numpy as np

np.set_printoptions(precision=6, suppress=True, floatmode="fixed")


def softmax(z):
    e = np.exp(z - z.max())
    return e / e.sum()


def show(name, value):
    print(f"{name} = {np.array2string(np.asarray(value), separator=', ')}")


print("# Homework 1: 3-4-3, ReLU then softmax, cross-entropy, no bias, z = W x, SGD eta = 0.1")
x = np.array([0.5, -1, 2])
y = np.array([1, 1, 0])
W1 = np.array([[0.2, -0.3, 0.4], [0.1, 0.2, -0.5], [-0.3, 0.1, 0.2], [0.4, -0.1, 0.3]])
W2 = np.array([[0.1, 0.2, -0.1, 0.1], [-0.2, 0.3, 0.1, -0.3], [0.2, -0.1, 0.3, 0.2]])
z1 = W1 @ x; a1 = np.maximum(z1, 0); z2 = W2 @ a1; a2 = softmax(z2)
loss = -(y * np.log(a2)).sum()
dz2 = a2 * y.sum() - y          # exact: the target sums to 2
dW2 = np.outer(dz2, a1); da1 = W2.T @ dz2; dz1 = da1 * (z1 > 0); dW1 = np.outer(dz1, x)
W1n = W1 - 0.1 * dW1; W2n = W2 - 0.1 * dW2
for n, v in [("z1", z1), ("a1", a1), ("z2", z2), ("a2", a2), ("loss", loss), ("dz2", dz2), ("dW2", dW2),
             ("da1", da1), ("dz1", dz1), ("dW1", dW1), ("W1_new", W1n), ("W2_new", W2n)]:
    show(n, v)
print("## mistakes")
show("loss with target (1,0,0)", -np.log(a2[0]))
show("loss with target (1,0,0) from the student's a2 = 0.356", -np.log(0.356))
show("dz2 by the shortcut a2 - y", a2 - y)
show("dW2 from the shortcut dz2 (dz2 not written)", np.outer(a2 - y, a1))
show("dz2 with the sign flipped (y - a2*sum(y))", -dz2)
show("da1 through the updated W2_new", W2n.T @ dz2)
show("dz1 without relu'", da1)
show("dW2 transposed", dW2.T)
show("dW1 from dz1 without relu' (= da1 x^T)", np.outer(da1, x))
show("loss from a2 rounded to (0.36, 0.18, 0.47)", -np.log(0.36) - np.log(0.18))
show("z2[1] with W2[1,0] read as +0.2", np.array([0.2, 0.3, 0.1, -0.3]) @ a1)
print("## follow-through from the student's values")
s_a2 = np.array([0.356, 0.179, 0.466]); s_dz2 = s_a2 - y
show("student dz2 = a2 - y", s_dz2)
show("dW2 from the student's dz2", np.outer(s_dz2, a1))
s_da1 = W2.T @ s_dz2
show("da1 from the student's dz2", s_da1)
show("dW1 from the student's dz1 (0.193, 0, 0.122, 0.275)", np.outer([0.193, 0, 0.122, 0.275], x))

print()
print("# Homework 2: softmax regression, 3 inputs, 3 outputs, bias, z = W^T x + b, SGD eta = 0.1")
x = np.array([1, 3, 0]); y = np.array([0, 1, 0]); b = np.array([0.1, 0.1, 0.1])
W = np.array([[0.3, 0.1, -2], [-0.6, -0.5, 2], [-1, -0.5, 0.1]])
z = W.T @ x + b; a = softmax(z); loss = -(y * np.log(a)).sum(); dz = a - y
dW = np.outer(x, dz); db = dz; Wn = W - 0.1 * dW; bn = b - 0.1 * db
for n, v in [("z1", z), ("a1", a), ("loss", loss), ("dz1", dz), ("dW1", dW), ("db1", db), ("W1_new", Wn), ("b1_new", bn)]:
    show(n, v)
print("## mistakes")
show("z1 without the bias", W.T @ x)
show("z1 as W x + b (W not transposed)", W @ x + b)
show("dW1 as dz x^T (out x in), transposed", np.outer(dz, x))
print("## follow-through from the student's values")
s_a = np.array([0.003, 0.004, 0.991]); s_dz = s_a - y
show("student dz1 = a1 - y", s_dz)
s_dWt = np.outer(s_dz, x)
show("student dW1 as written (dz x^T)", s_dWt)
show("W1_new from the student's dW1 as written", W - 0.1 * s_dWt)
show("b1_new from the student's db1", b - 0.1 * s_dz)

print()
print("# A batch of two: 3 inputs, 3 tanh units, 2 sigmoid outputs, MSE (mean over the batch), bias, z = W x + b")
X = np.array([[0.5, -1, 2], [1, 0.5, -0.5]]); Y = np.array([[0.2, 0.9], [0.7, 0.1]])
W1 = np.array([[0.2, -0.3, 0.4], [0.1, 0.2, -0.5], [-0.2, 0.1, 0.3]]); b1 = np.array([0.1, -0.1, 0.2])
W2 = np.array([[0.3, -0.2, 0.1], [0.5, 0.1, -0.4]]); b2 = np.array([0.05, 0])
Z1 = X @ W1.T + b1; A1 = np.tanh(Z1); Z2 = A1 @ W2.T + b2; A2 = 1 / (1 + np.exp(-Z2))
loss = ((A2 - Y) ** 2).mean(axis=1).mean()
dA2 = 2 * (A2 - Y) / 2 / 2      # d/dA2 of the mean over 2 outputs and 2 samples
dZ2 = dA2 * A2 * (1 - A2); dW2 = dZ2.T @ A1; db2 = dZ2.sum(axis=0)
dA1 = dZ2 @ W2; dZ1 = dA1 * (1 - A1 ** 2); dW1 = dZ1.T @ X
for n, v in [("Z1 (samples as rows)", Z1), ("A1", A1), ("Z2", Z2), ("A2", A2), ("loss", loss), ("dZ2", dZ2),
             ("dW2", dW2), ("db2", db2), ("dZ1", dZ1), ("dW1", dW1)]:
    show(n, v)
