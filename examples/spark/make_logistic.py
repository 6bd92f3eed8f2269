"""Writes logistic.svm: 2000 rows, 10 features on scales 0.1 to 10, labels drawn from a logistic
model with known coefficients (seed 2026). Run from this folder: python3 make_logistic.py"""
import numpy as np

rng = np.random.default_rng(2026)
n, d = 2000, 10
scales = np.logspace(-1, 1, d)
X = rng.standard_normal((n, d)) * scales
beta = rng.standard_normal(d) / scales
p = 1 / (1 + np.exp(-(X @ beta + 0.3)))
y = (rng.random(n) < p).astype(int)
with open("logistic.svm", "w") as f:
    for yi, row in zip(y, X):
        f.write(str(yi) + "".join(f" {j + 1}:{v:.6g}" for j, v in enumerate(row)) + "\n")
