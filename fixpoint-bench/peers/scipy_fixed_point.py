#!/usr/bin/env python3
"""SciPy side of `fixpoint bench-fixed-point`: the same systems and maps, solved by scipy.optimize.

Reads one JSON object on stdin: {"systems": [{"name", "n"}], "maps": [{"name", "n"}], "repeats": r} and
optionally "methods": a list restricting the root methods (hybr, broyden1, anderson, krylov).
Writes one JSON object per line: for each problem first {"kind", "name", "start", "f0"} (the value at the
start point, which the Java side compares with its own definition), then one {"kind", "name", "method",
"x", "fnorm", "nfev", "njev", "nit", "success", "seconds"} per method. Seconds are medians over repeats.
"""
import json
import math
import statistics
import sys
import time

import numpy as np
from scipy import optimize


# ---- MGH systems of equations (Moré, Garbow, Hillstrom 1981), as in io.fixpoint.bench.suite.mgh ----

def rosenbrock_like(n):
    def f(x):
        r = np.empty(n)
        r[0::2] = 10 * (x[1::2] - x[0::2] ** 2)
        r[1::2] = 1 - x[0::2]
        return r
    x0 = np.empty(n)
    x0[0::2] = -1.2
    x0[1::2] = 1
    return f, x0


def extended_powell(n):
    def f(x):
        r = np.empty(n)
        r[0::4] = x[0::4] + 10 * x[1::4]
        r[1::4] = math.sqrt(5) * (x[2::4] - x[3::4])
        r[2::4] = (x[1::4] - 2 * x[2::4]) ** 2
        r[3::4] = math.sqrt(10) * (x[0::4] - x[3::4]) ** 2
        return r
    x0 = np.tile([3.0, -1.0, 0.0, 1.0], n // 4)
    return f, x0


def powell_badly_scaled(n):
    return (lambda x: np.array([1e4 * x[0] * x[1] - 1, math.exp(-x[0]) + math.exp(-x[1]) - 1.0001]),
            np.array([0.0, 1.0]))


def freudenstein_roth(n):
    def f(x):
        y = x[1]
        return np.array([-13 + x[0] + ((5 - y) * y - 2) * y, -29 + x[0] + ((y + 1) * y - 14) * y])
    return f, np.array([0.5, -2.0])


def helical_valley(n):
    def theta(a, b):
        if a > 0:
            return math.atan(b / a) / (2 * math.pi)
        if a < 0:
            return math.atan(b / a) / (2 * math.pi) + 0.5
        return 0.25 * math.copysign(1.0, b) if b != 0 else 0.0
    def f(x):
        return np.array([10 * (x[2] - 10 * theta(x[0], x[1])), 10 * (math.hypot(x[0], x[1]) - 1), x[2]])
    return f, np.array([-1.0, 0.0, 0.0])


def trigonometric(n):
    i = np.arange(1, n + 1)
    def f(x):
        return n - np.sum(np.cos(x)) + i * (1 - np.cos(x)) - np.sin(x)
    return f, np.full(n, 1.0 / n)


def brown_almost_linear(n):
    def f(x):
        r = x + np.sum(x) - (n + 1)
        r[-1] = np.prod(x) - 1
        return r
    return f, np.full(n, 0.5)


def discrete_boundary_value(n):
    h = 1.0 / (n + 1)
    t = np.arange(1, n + 1) * h
    def f(x):
        u = x + t + 1
        left = np.concatenate(([0.0], x[:-1]))
        right = np.concatenate((x[1:], [0.0]))
        return 2 * x - left - right + h * h * u ** 3 / 2
    return f, t * (t - 1)


def discrete_integral_equation(n):
    h = 1.0 / (n + 1)
    t = np.arange(1, n + 1) * h
    ti = t[:, None]
    tj = t[None, :]
    kernel = np.where(np.arange(n)[None, :] <= np.arange(n)[:, None], (1 - ti) * tj, ti * (1 - tj))
    def f(x):
        u = x + t + 1
        return x + h * (kernel @ u ** 3) / 2
    return f, t * (t - 1)


def broyden_tridiagonal(n):
    def f(x):
        left = np.concatenate(([0.0], x[:-1]))
        right = np.concatenate((x[1:], [0.0]))
        return (3 - 2 * x) * x - left - 2 * right + 1
    return f, np.full(n, -1.0)


def broyden_banded(n):
    def f(x):
        r = np.empty(n)
        g = x * (1 + x)
        for i in range(n):
            lo, hi = max(0, i - 5), min(n - 1, i + 1)
            r[i] = x[i] * (2 + 5 * x[i] ** 2) + 1 - (np.sum(g[lo:hi + 1]) - g[i])
        return r
    return f, np.full(n, -1.0)


def chebyquad(n):
    i = np.arange(1, n + 1)
    integral = np.array([0.0 if k % 2 == 1 else -1.0 / (k * k - 1.0) for k in i])
    def f(x):
        y = 2 * x - 1
        t0, t1 = np.ones(n), y
        r = np.empty(n)
        for k in range(n):
            r[k] = np.sum(t1) / n - integral[k]
            t0, t1 = t1, 2 * y * t1 - t0
        return r
    return f, i / (n + 1.0)


def linear_full_rank(n):
    return (lambda x: x - (2 * np.sum(x) / n + 1)), np.ones(n)


SYSTEMS = {
    "rosenbrock": rosenbrock_like, "extended-rosenbrock": rosenbrock_like,
    "powell-singular": extended_powell, "extended-powell": extended_powell,
    "powell-badly-scaled": powell_badly_scaled, "freudenstein-roth": freudenstein_roth,
    "helical-valley": helical_valley, "trigonometric": trigonometric,
    "brown-almost-linear": brown_almost_linear, "discrete-boundary-value": discrete_boundary_value,
    "discrete-integral-equation": discrete_integral_equation, "broyden-tridiagonal": broyden_tridiagonal,
    "broyden-banded": broyden_banded, "chebyquad": chebyquad, "linear-full-rank": linear_full_rank,
}


# ---- fixed-point maps, as in io.fixpoint.bench.fixedpoint.FixedPointSuite ----

def contractive_linear(n):
    a = 0.9 * np.arange(1, n + 1) / n
    return (lambda x: a * x + 1), np.zeros(n)


def averaged_rotation(n):
    c, s = math.cos(2 * math.pi / 3), math.sin(2 * math.pi / 3)
    return (lambda x: 0.5 * (x + np.array([c * x[0] - s * x[1], s * x[0] + c * x[1]]))), np.array([1.0, 1.0])


def cos_map(n):
    return (lambda x: np.cos(x)), np.array([1.0])


def elliptic_pde(n):
    m = int(round(math.sqrt(n)))
    h = 1.0 / (m + 1)
    def t(u):
        g = u.reshape(m, m)
        p = np.pad(g, 1)
        s = p[:-2, 1:-1] + p[2:, 1:-1] + p[1:-1, :-2] + p[1:-1, 2:]
        return ((s + h * h * 10) / (4 + h * h * g * g)).ravel()
    return t, np.zeros(n)


def sinkhorn(n, eps=0.1):
    s = np.arange(n) / (n - 1.0)
    a = np.full(n, 1.0 / n)
    b = np.exp(-20 * (s - 0.7) ** 2) + 0.05
    b /= b.sum()
    k = np.exp(-((s[:, None] - s[None, :]) ** 2) / eps)
    def t(f):
        v = b / (k.T @ np.exp(f / eps))
        return eps * np.log(a / (k @ v))
    return t, np.zeros(n)


MAPS = {"contractive-linear": contractive_linear, "averaged-rotation": averaged_rotation, "cos": cos_map,
        "elliptic-pde": elliptic_pde, "sinkhorn": sinkhorn}


class Counted:
    def __init__(self, f):
        self.f, self.n = f, 0

    def __call__(self, x):
        self.n += 1
        return self.f(np.asarray(x, dtype=float))


def timed(run, repeats):
    times, result = [], None
    for _ in range(repeats):
        t0 = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - t0)
    return result, statistics.median(times)


def emit(obj):
    print(json.dumps(obj), flush=True)


def finite_list(v):
    return [float(x) if math.isfinite(x) else str(x) for x in np.ravel(v)]


ROOT_METHODS = ("hybr", "broyden1", "anderson", "krylov")


def solve_system(name, n, repeats, methods=ROOT_METHODS):
    f, x0 = SYSTEMS[name](n)
    emit({"kind": "system", "name": name, "start": finite_list(x0), "f0": finite_list(f(x0.copy()))})
    for method in methods:
        def run():
            cf = Counted(f)
            try:
                with np.errstate(all="ignore"):
                    r = optimize.root(cf, x0.copy(), method=method)
                x = np.asarray(r.x, dtype=float)
            except Exception:  # some methods raise on singular or non-finite steps
                x, r = x0.copy(), None
            return cf, r, x
        (cf, r, x), seconds = timed(run, repeats)
        with np.errstate(all="ignore"):
            fx = f(x)
        fnorm = float(np.linalg.norm(fx))
        emit({"kind": "system", "name": name, "method": method, "x": finite_list(x),
              "fnorm": fnorm if math.isfinite(fnorm) else "NaN", "nfev": cf.n,
              "njev": int(getattr(r, "njev", 0) or 0) if r is not None else 0,
              "nit": int(getattr(r, "nit", 0) or 0) if r is not None else 0,
              "success": bool(r.success) if r is not None else False, "seconds": seconds})


def solve_map(name, n, repeats):
    t, x0 = MAPS[name](n)
    emit({"kind": "map", "name": name, "start": finite_list(x0), "f0": finite_list(t(x0.copy()))})
    runs = {
        "fixed_point": lambda ct: optimize.fixed_point(ct, x0.copy(), xtol=1e-12, maxiter=10000),
        "root-anderson": lambda ct: optimize.root(lambda x: x - ct(x), x0.copy(), method="anderson",
                                                  options={"fatol": 1e-12, "maxiter": 10000}).x,
    }
    for method, solve in runs.items():
        def run():
            ct = Counted(t)
            try:
                with np.errstate(all="ignore"):
                    x = np.asarray(solve(ct), dtype=float)
            except Exception:
                x = x0.copy()
            return ct, x
        (ct, x), seconds = timed(run, repeats)
        res = float(np.linalg.norm(x - t(x)))
        emit({"kind": "map", "name": name, "method": method, "x": finite_list(x),
              "fnorm": res if math.isfinite(res) else "NaN", "nfev": ct.n, "njev": 0, "nit": 0,
              "success": bool(math.isfinite(res) and res <= 1e-8), "seconds": seconds})


def main():
    request = json.load(sys.stdin)
    repeats = int(request.get("repeats", 1))
    methods = tuple(request.get("methods", ROOT_METHODS))
    for s in request.get("systems", []):
        solve_system(s["name"], int(s["n"]), repeats, methods)
    for m in request.get("maps", []):
        solve_map(m["name"], int(m["n"]), repeats)


if __name__ == "__main__":
    main()
