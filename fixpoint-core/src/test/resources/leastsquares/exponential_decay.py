"""Writes exponential-decay.csv and exponential-decay.reference (run: python3 exponential_decay.py).

40 points of y = 5·exp(-0.7x) + 0.5 + N(0, 0.05²) noise, x = 0 … 7.8, seed 20261124, and SciPy's
least_squares answers for the model a*exp(-k*x)+c: the optimum (with the usual standard errors) and
what its methods do from the far start a=1, k=300, c=0, where exp(-k*x) vanishes for every x > 0.
"""
import numpy as np
import scipy
from scipy.optimize import least_squares

rng = np.random.default_rng(20261124)
x = np.linspace(0, 7.8, 40)
y = 5 * np.exp(-0.7 * x) + 0.5 + rng.normal(0, 0.05, x.size)
np.savetxt("exponential-decay.csv", np.column_stack([x, y]), delimiter=",", header="x,y", comments="", fmt="%.17g")
x, y = np.loadtxt("exponential-decay.csv", delimiter=",", skiprows=1, unpack=True)


def residuals(p):
    a, k, c = p
    with np.errstate(over="ignore"):
        return a * np.exp(-k * x) + c - y


def jacobian(p):
    a, k, c = p
    e = np.exp(-k * x)
    return np.column_stack([e, -a * x * e, np.ones_like(x)])


tight = dict(ftol=1e-15, xtol=1e-15, gtol=1e-15)
best = least_squares(residuals, [5, 0.7, 0.5], jac=jacobian, method="lm", **tight)
j = jacobian(best.x)
rss = float(best.fun @ best.fun)
cov = rss / (x.size - 3) * np.linalg.inv(j.T @ j)
lines = [f"# SciPy {scipy.__version__}, NumPy {np.__version__}",
         "optimum " + " ".join(repr(float(v)) for v in best.x),
         "standardErrors " + " ".join(repr(float(v)) for v in np.sqrt(np.diag(cov))),
         f"rss {rss!r}"]
for method in ["lm", "trf", "dogbox"]:
    r = least_squares(residuals, [1, 300, 0], jac=jacobian, method=method)
    lines.append(f"farStart {method} status={r.status} rss={float(r.fun @ r.fun)!r} x=" + ",".join(repr(float(v)) for v in r.x)
                 + f" gradientInf={float(np.abs(r.grad).max())!r}")
open("exponential-decay.reference", "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
