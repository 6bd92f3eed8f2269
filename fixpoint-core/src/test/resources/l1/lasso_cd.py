"""Reference lasso solutions for OwlqnTest, frozen in lasso-cd.tsv (python3 lasso_cd.py > lasso-cd.tsv).

F(x) = (1/(2n)) ||A x - b||^2 + sum_j lam_j |x_j| on data drawn here from a seeded NumPy generator (the data
are written to the file too, so the test never needs NumPy). The last column of A is ones (an intercept,
lam = 0). Solved by cyclic coordinate descent with exact coordinate minimisation (soft thresholding), the
algorithm of glmnet (Friedman, Hastie and Tibshirani 2010), an implementation independent of OWL-QN, run
until no coordinate moves by more than 1e-16; the KKT residual printed in the comment is checked here.
"""
import numpy as np

rng = np.random.default_rng(20070620)
n, d = 50, 10
A = np.hstack([rng.standard_normal((n, d)) + 0.3 * rng.standard_normal((n, 1)), np.ones((n, 1))])
truth = np.zeros(d + 1)
truth[[0, 3, 7]] = [1.5, -2.0, 0.7]
truth[d] = 0.4
b = A @ truth + 0.5 * rng.standard_normal(n)
scale = np.array([0.5, 1, 2, 1, 1, 0.5, 2, 1, 1, 1])


def solve(lam):
    x = np.zeros(d + 1)
    col = (A * A).sum(axis=0) / n
    r = b - A @ x
    for sweep in range(100000):
        biggest = 0.0
        for j in range(d + 1):
            rho = A[:, j] @ r / n + col[j] * x[j]
            new = np.sign(rho) * max(abs(rho) - lam[j], 0.0) / col[j]
            if new != x[j]:
                r -= A[:, j] * (new - x[j])
                biggest = max(biggest, abs(new - x[j]))
                x[j] = new
        if biggest <= 1e-16:
            break
    g = A.T @ (A @ x - b) / n
    kkt = max(abs(g[j] + lam[j] * np.sign(x[j])) if x[j] != 0 else max(abs(g[j]) - lam[j], 0.0) for j in range(d + 1))
    assert kkt < 1e-13, kkt
    return x, kkt


def row(values):
    return "\t".join(repr(float(v)) for v in values)


print("# n d, then A row by row (the last column is the intercept's ones), then b; then cases: name, lam_0..lam_d, x*_0..x*_d")
print(n, d)
for i in range(n):
    print(row(A[i]))
print(row(b))
for name, base, weights in [("lasso-0.05", 0.05, np.ones(d)), ("lasso-0.2", 0.2, np.ones(d)), ("weighted-0.1", 0.1, scale)]:
    lam = np.append(base * weights, 0.0)
    x, kkt = solve(lam)
    print("# %s: %d of %d penalised coefficients zero, KKT residual %.2e" % (name, int((x[:d] == 0).sum()), d, kkt))
    print(name + "\t" + row(lam) + "\t" + row(x))
