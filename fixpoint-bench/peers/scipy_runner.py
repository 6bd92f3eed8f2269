"""Runs scipy.optimize on the Fixpoint test problems, driven by the Java bench (io.fixpoint.bench.peer.ScipyPeer).

Protocol: one JSON request on stdin, JSON Lines on stdout. Mode "constrained" (SLSQP and
trust-constr on problems written as expressions) is described in constrained.py.

  request  {"protocol": 1, "mode": "check" | "solve",
            "problems": [{"name": "rosenbrock", "n": 2, "m": 2, "x0": [...], "gtol": 1e-8}],
            "methods": ["BFGS", "L-BFGS-B", ...], "maxiter": 10000, "repeats": 5,
            "seconds_per_method": 1.0, "perturb": ["rosenbrock"]}
  replies  {"type": "hello", "python": ..., "numpy": ..., "scipy": ...}
           {"type": "check", "problem": ..., "f0": ..., "g0": [...]}            (mode check)
           {"type": "check", "problem": ..., "error": "..."}
           {"type": "result", "problem": ..., "method": ..., ...}               (mode solve)
           {"type": "done"}

"check" reports f(x0) and grad f(x0) so the Java side can compare them with its own definitions
before anything is timed. "perturb" scales f and grad f of the named problems by (1 + 1e-9): a
self-test proving that the Java side notices a wrong definition.

Tolerance mapping (the Java side sends one absolute gradient-norm tolerance gtol per problem):
  BFGS, CG          gtol, norm=2 (SciPy's default is the max-norm)
  L-BFGS-B          gtol on the max-norm of the projected gradient (no 2-norm option), ftol=valueChange
  Newton-CG         xtol=gtol (SciPy has no gradient test here: it stops when mean |dx| <= xtol)
  trust-ncg/-krylov gtol (2-norm)
Every method gets maxiter; f and grad f are evaluated together (jac=True) as a user with a shared
residual would; Hessian-vector products come from the complex step of the analytic gradient.
"""

import json
import math
import platform
import statistics
import sys
import time

import numpy as np
import scipy
from scipy.optimize import minimize

import mgh

PERTURBATION = 1e-9
HESSIAN_METHODS = {"Newton-CG", "trust-ncg", "trust-krylov"}
METHODS = {"BFGS", "L-BFGS-B", "CG"} | HESSIAN_METHODS


def emit(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


class Counted:
    """Counts exactly what the optimiser asks for."""

    def __init__(self, problem, scale=1.0):
        self.p, self.scale = problem, scale
        self.nfev = self.ngev = self.nhev = 0

    def fg(self, x):
        self.nfev += 1
        self.ngev += 1
        f, g = self.p.value_and_gradient(x)
        return f * self.scale, g * self.scale

    def hessp(self, x, v):
        self.nhev += 1
        return self.p.hessp(x, v) * self.scale


def options(method, gtol, maxiter, value_change):
    if method in ("BFGS", "CG"):
        return {"gtol": gtol, "norm": 2, "maxiter": maxiter}
    if method == "L-BFGS-B":
        return {"gtol": gtol, "ftol": value_change, "maxiter": maxiter, "maxfun": 100 * maxiter}
    if method == "Newton-CG":
        return {"xtol": gtol, "maxiter": maxiter}
    return {"gtol": gtol, "maxiter": maxiter}


def solve_once(problem, scale, method, x0, opts, callback=None):
    c = Counted(problem, scale)
    kwargs = {"hessp": c.hessp} if method in HESSIAN_METHODS else {}
    t0 = time.perf_counter()
    res = minimize(c.fg, x0, jac=True, method=method, options=opts, callback=callback, **kwargs)
    return res, c, time.perf_counter() - t0


def finite(v):
    return float(v) if math.isfinite(v) else str(v)


def run(problem, scale, spec, method, request):
    x0 = np.asarray(spec["x0"], dtype=float)
    opts = options(method, float(spec["gtol"]), int(request.get("maxiter", 10000)),
                   float(request.get("value_change", 0.0)))
    out = {"type": "result", "problem": spec["name"], "method": method}
    iterates = [x0.copy()]

    def record(intermediate_result):  # SciPy passes the new-style result only to a parameter of this name
        iterates.append(np.array(intermediate_result.x))

    try:
        # the first solve records the iterates (the callback costs time, so it is not timed)
        res, c, first = solve_once(problem, scale, method, x0, opts, record)
        budget = float(request.get("seconds_per_method", 1.0))
        if first >= budget:  # a slow solve is timed once, by the recording run itself
            times = [first]
        else:
            repeats = max(1, min(int(request.get("repeats", 5)), int(budget / max(first, 1e-9))))
            times = [solve_once(problem, scale, method, x0, opts)[2] for _ in range(repeats)]
    except Exception as e:  # an optimiser failing on a problem is a result, not a crash
        out.update({"status": "error", "success": False, "message": f"{type(e).__name__}: {e}"})
        return out
    history = [float(np.linalg.norm(problem.gradient(x))) * scale for x in iterates]
    g = problem.gradient(res.x) * scale
    out.update({
        "status": int(res.status) if hasattr(res, "status") else -1,
        "success": bool(res.success),
        "message": str(res.message),
        "x": [finite(v) for v in res.x],
        "f": finite(float(res.fun)),
        "gnorm": finite(float(np.linalg.norm(g))),
        "nfev": c.nfev, "njev": c.ngev, "nhev": c.nhev,
        "nit": int(getattr(res, "nit", len(iterates) - 1)),
        "seconds": statistics.median(times),
        "times": times,
        "history": [finite(h) for h in history],
    })
    return out


def main():
    request = json.load(sys.stdin)
    emit({"type": "hello", "python": platform.python_version(), "numpy": np.__version__, "scipy": scipy.__version__})
    if request["mode"] == "constrained":  # problems with general constraints, given as expressions: see constrained.py
        import constrained
        code = constrained.run(request, emit)
        emit({"type": "done"})
        return code
    perturbed = set(request.get("perturb", []))
    unknown = [m for m in request.get("methods", []) if m not in METHODS]
    if unknown:
        emit({"type": "error", "message": f"unknown SciPy methods {unknown}; known: {sorted(METHODS)}"})
        return 2
    with np.errstate(all="ignore"):
        for spec in request["problems"]:
            scale = 1.0 + PERTURBATION if spec["name"] in perturbed else 1.0
            try:
                problem = mgh.get(spec["name"], spec["n"], spec.get("m"))
            except KeyError as e:
                emit({"type": "check", "problem": spec["name"], "error": str(e.args[0])})
                continue
            if request["mode"] == "check":
                x0 = np.asarray(spec["x0"], dtype=float)
                f, g = problem.value_and_gradient(x0)
                emit({"type": "check", "problem": spec["name"], "m": problem.m,
                      "f0": finite(f * scale), "g0": [finite(v) for v in g * scale]})
            else:
                for method in request["methods"]:
                    emit(run(problem, scale, spec, method, request))
    emit({"type": "done"})
    return 0


if __name__ == "__main__":
    sys.exit(main())
