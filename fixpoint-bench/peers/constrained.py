"""Constrained problems for scipy_runner.py (mode "constrained"): SLSQP and trust-constr on problems
given as expressions in Fixpoint's expression language, so both sides solve the same text.

  request  {"protocol": 1, "mode": "constrained", "methods": ["SLSQP", "trust-constr"], "maxiter": 1000,
            "repeats": 3, "tolerance": 1e-8,
            "problems": [{"name": "hs71", "variables": ["x1", ...], "objective": "...",
                          "constraints": [{"lhs": "...", "relation": "<=" | ">=" | "=", "rhs": "..."}],
                          "lower": [...], "upper": [...], "x0": [...]}]}      (bounds: null for none)
  replies  {"type": "check", "problem": ..., "f0": ..., "c0": [...]}  then one
           {"type": "result", "problem": ..., "method": ..., "x": [...], "nfev": ..., "njev": ..., "ncev": ...,
            "ncjev": ..., "nit": ..., "seconds": ..., "status": ..., "success": ..., "message": ...} per method

The expression language maps onto Python's: '^' becomes '**' (both right-associative and binding
tighter than unary minus), names are bound to the components of x (a declared variable shadows pi
and e, as in Fixpoint). Gradients and Jacobians are exact to rounding by the complex step
(Squire and Trapp 1998): every function of the language except abs is analytic, and abs does not
occur in the test problems. c(x) is lhs - rhs for '<=' and '=', rhs - lhs for '>=', so c <= 0 and
c = 0 as on the Java side; SciPy's SLSQP wants inequalities as -c >= 0.

Tolerances: SLSQP ftol = tolerance**1.25 (its test is on the change of f), trust-constr gtol = xtol =
barrier_tol = tolerance; both get maxiter and a BFGS Hessian approximation, as Fixpoint's SQP has.
"""

import math
import re
import statistics
import time
import warnings

import numpy as np
from scipy.optimize import BFGS, Bounds, NonlinearConstraint, minimize
from scipy.special import erf

METHODS = {"SLSQP", "trust-constr"}
_FUNCTIONS = {"exp": np.exp, "log": np.log, "sqrt": np.sqrt, "sin": np.sin, "cos": np.cos, "tan": np.tan,
              "atan": np.arctan, "sinh": np.sinh, "cosh": np.cosh, "tanh": np.tanh, "abs": np.abs, "erf": erf,
              "pow": lambda a, b: a ** b}
_STEP = 1e-20


class Expression:
    def __init__(self, text, variables):
        self.variables = list(variables)
        self.code = compile(text.strip().replace("^", "**"), text, "eval")

    def __call__(self, x):
        scope = dict(_FUNCTIONS)
        scope.update({"pi": math.pi, "e": math.e})
        scope.update(zip(self.variables, x))
        return eval(self.code, {"__builtins__": {}}, scope)


class Problem:
    """f and c = (equalities, inequalities <= 0) with complex-step derivatives; counts every call."""

    def __init__(self, spec):
        v = spec["variables"]
        self.n = len(v)
        self.f = Expression(spec["objective"], v)
        sides = []
        for c in spec["constraints"]:
            lhs, rhs = Expression(c["lhs"], v), Expression(c["rhs"], v)
            sign = -1.0 if c["relation"] == ">=" else 1.0
            sides.append((c["relation"] == "=", lhs, rhs, sign))
        self.eq = [s for s in sides if s[0]]
        self.ineq = [s for s in sides if not s[0]]
        self.lower = np.array([-np.inf if b is None else b for b in spec["lower"]], float)
        self.upper = np.array([np.inf if b is None else b for b in spec["upper"]], float)
        self.x0 = np.asarray(spec["x0"], float)
        self.nfev = self.njev = self.ncev = self.ncjev = 0

    @staticmethod
    def _values(group, x):
        return np.array([s * (lhs(x) - rhs(x)) for _, lhs, rhs, s in group], dtype=x.dtype)

    def _gradient(self, fun, x):
        g = np.zeros((len(np.atleast_1d(fun(x.astype(complex)))), self.n))
        for j in range(self.n):
            z = x.astype(complex)
            z[j] += 1j * _STEP
            g[:, j] = np.imag(np.atleast_1d(fun(z))) / _STEP
        return g

    def value(self, x):
        self.nfev += 1
        return float(np.real(self.f(x)))

    def gradient(self, x):
        self.njev += 1
        return self._gradient(self.f, x)[0]

    def constraints(self, group, x):
        self.ncev += 1
        return np.real(self._values(group, x))

    def jacobian(self, group, x):
        self.ncjev += 1
        return self._gradient(lambda z: self._values(group, z), x)

    def all_constraints(self, x):
        return np.concatenate([np.real(self._values(self.eq, x)), np.real(self._values(self.ineq, x))])


def _solve(p, method, tolerance, maxiter):
    bounds = Bounds(p.lower, p.upper) if np.any(np.isfinite(p.lower)) or np.any(np.isfinite(p.upper)) else None
    if method == "SLSQP":
        cons = []
        if p.eq:
            cons.append({"type": "eq", "fun": lambda x: p.constraints(p.eq, x), "jac": lambda x: p.jacobian(p.eq, x)})
        if p.ineq:
            cons.append({"type": "ineq", "fun": lambda x: -p.constraints(p.ineq, x), "jac": lambda x: -p.jacobian(p.ineq, x)})
        return minimize(p.value, p.x0, jac=p.gradient, method="SLSQP", bounds=bounds, constraints=cons,
                        options={"ftol": tolerance ** 1.25, "maxiter": maxiter})
    cons = []
    if p.eq:
        cons.append(NonlinearConstraint(lambda x: p.constraints(p.eq, x), 0, 0, jac=lambda x: p.jacobian(p.eq, x), hess=BFGS()))
    if p.ineq:
        cons.append(NonlinearConstraint(lambda x: p.constraints(p.ineq, x), -np.inf, 0, jac=lambda x: p.jacobian(p.ineq, x), hess=BFGS()))
    return minimize(p.value, p.x0, jac=p.gradient, hess=BFGS(), method="trust-constr", bounds=bounds, constraints=cons,
                    options={"gtol": tolerance, "xtol": tolerance, "barrier_tol": tolerance, "maxiter": maxiter})


def _finite(v):
    return float(v) if math.isfinite(v) else str(v)


def run(request, emit):
    methods = request.get("methods", sorted(METHODS))
    unknown = [m for m in methods if m not in METHODS]
    if unknown:
        emit({"type": "error", "message": f"unknown constrained SciPy methods {unknown}; known: {sorted(METHODS)}"})
        return 2
    tolerance = float(request.get("tolerance", 1e-8))
    maxiter = int(request.get("maxiter", 1000))
    repeats = max(1, int(request.get("repeats", 1)))
    warnings.filterwarnings("ignore")
    with np.errstate(all="ignore"):
        for spec in request["problems"]:
            try:
                p = Problem(spec)
                emit({"type": "check", "problem": spec["name"], "f0": _finite(p.value(p.x0)),
                      "c0": [_finite(v) for v in p.all_constraints(p.x0)]})
            except Exception as e:  # a definition Python cannot read is reported, not fatal
                emit({"type": "check", "problem": spec["name"], "error": f"{type(e).__name__}: {e}"})
                continue
            for method in methods:
                out = {"type": "result", "problem": spec["name"], "method": method}
                try:
                    times = []
                    for _ in range(repeats):
                        p = Problem(spec)
                        t0 = time.perf_counter()
                        res = _solve(p, method, tolerance, maxiter)
                        times.append(time.perf_counter() - t0)
                    out.update({"x": [_finite(v) for v in res.x], "nfev": p.nfev, "njev": p.njev, "ncev": p.ncev,
                                "ncjev": p.ncjev, "nit": int(getattr(res, "nit", 0)), "seconds": statistics.median(times),
                                "status": int(res.status), "success": bool(res.success), "message": str(res.message)})
                except Exception as e:  # an optimiser failing on a problem is a result, not a crash
                    out.update({"status": "error", "success": False, "message": f"{type(e).__name__}: {e}"})
                emit(out)
    return 0
