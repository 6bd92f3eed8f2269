"""Runs scipy.optimize on the Fixpoint test problems, driven by the Java bench (io.fixpoint.bench.peer.ScipyPeer).

Protocol: one JSON request on stdin, JSON Lines on stdout. Mode "constrained" (SLSQP and
trust-constr on problems written as expressions) is described in constrained.py.

  request  {"protocol": 1, "mode": "check" | "solve",
            "problems": [{"name": "rosenbrock", "n": 2, "m": 2, "x0": [...], "gtol": 1e-8}],
            "methods": ["BFGS", "L-BFGS-B", ...], "maxiter": 10000, "repeats": 5,
            "seconds_per_method": 1.0, "perturb": ["rosenbrock"]}
           optional: a problem's "suite": "large" takes it from large.py (default: mgh.py) and without
           "x0" it starts from the problem's standard start; "binary_dir": a directory where vectors
           travel as raw little-endian float64 files instead of JSON lists (g0 in check mode, the final
           x in solve mode, no gradient history); "gradient_norm": 2 makes L-BFGS-B stop on the 2-norm
           of the gradient like the other methods (see below); "seconds_per_solve" stops a solve (by
           StopIteration from its callback) once that much wall time has passed. A problem's
           "lower" and "upper" (lists, "-Infinity"/"Infinity" for no bound) are passed to L-BFGS-B as
           bounds, and "function" names its definition in mgh.py when "name" only labels it. With
           "binary_dir", a first solve under "warm_below" seconds is not timed (the others are timed
           warm, as the Java side times its own), and one over "once_above" seconds is the only one timed.
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
  L-BFGS-B          gtol on the max-norm of the projected gradient (no 2-norm option), ftol=valueChange; with
                    "gradient_norm": 2, pgtol=0 and a callback that raises StopIteration once the 2-norm
                    of the last evaluated gradient (the accepted point's) is at most gtol
  Newton-CG         xtol=gtol (SciPy has no gradient test here: it stops when mean |dx| <= xtol)
  trust-ncg/-krylov gtol (2-norm)
Every method gets maxiter; f and grad f are evaluated together (jac=True) as a user with a shared
residual would; Hessian-vector products come from the complex step of the analytic gradient.
"""

import json
import math
import os
import platform
import statistics
import sys
import time

import numpy as np
import scipy
from scipy.optimize import Bounds, minimize

import large
import mgh

PERTURBATION = 1e-9
HESSIAN_METHODS = {"Newton-CG", "trust-ncg", "trust-krylov"}
METHODS = {"BFGS", "L-BFGS-B", "CG"} | HESSIAN_METHODS


def emit(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


class Counted:
    """Counts exactly what the optimiser asks for; with track_norm also keeps the 2-norm of the last
    gradient, projected onto the box when there is one: ||P(x - g) - x||."""

    def __init__(self, problem, scale=1.0, track_norm=False, box=None):
        self.p, self.scale, self.track_norm, self.box = problem, scale, track_norm, box
        self.nfev = self.ngev = self.nhev = 0
        self.last_gnorm = math.inf

    def fg(self, x):
        self.nfev += 1
        self.ngev += 1
        f, g = self.p.value_and_gradient(x)
        if self.scale != 1.0:  # only the self-test's perturbed problems pay for a scaled copy
            f, g = f * self.scale, g * self.scale
        if self.track_norm:
            step = g if self.box is None else x - np.clip(x - g, self.box[0], self.box[1])
            self.last_gnorm = float(np.linalg.norm(step))
        return f, g

    def hessp(self, x, v):
        self.nhev += 1
        return self.p.hessp(x, v) * self.scale


def options(method, gtol, maxiter, value_change, norm2=False):
    if method in ("BFGS", "CG"):
        return {"gtol": gtol, "norm": 2, "maxiter": maxiter}
    if method == "L-BFGS-B":
        return {"gtol": 0.0 if norm2 else gtol, "ftol": value_change, "maxiter": maxiter, "maxfun": 100 * maxiter}
    if method == "Newton-CG":
        return {"xtol": gtol, "maxiter": maxiter}
    return {"gtol": gtol, "maxiter": maxiter}


def solve_once(problem, scale, method, x0, opts, callback=None, stop_below=None, seconds=None, box=None):
    """One solve; stop_below makes L-BFGS-B stop once the accepted point's (projected) gradient 2-norm is
    at most it, seconds stops any method (by StopIteration from its callback) once that much wall time
    has passed, box = (lower, upper) bounds L-BFGS-B."""
    c = Counted(problem, scale, track_norm=stop_below is not None, box=box)
    kwargs = {"hessp": c.hessp} if method in HESSIAN_METHODS else {}
    if box is not None:
        kwargs["bounds"] = Bounds(box[0], box[1])
    t0, c0 = time.perf_counter(), time.process_time()
    if stop_below is not None or seconds is not None:
        record = callback

        def stop(intermediate_result):
            if record is not None:
                record(intermediate_result)
            if stop_below is not None and c.last_gnorm <= stop_below:
                raise StopIteration
            if seconds is not None and time.perf_counter() - t0 > seconds:
                raise StopIteration
        callback = stop
    res = minimize(c.fg, x0, jac=True, method=method, options=opts, callback=callback, **kwargs)
    return res, c, time.perf_counter() - t0, time.process_time() - c0


def finite(v):
    return float(v) if math.isfinite(v) else str(v)


def start_point(problem, spec):
    return np.asarray(spec["x0"], dtype=float) if "x0" in spec else problem.start()


def vector_file(request, spec, what):
    return os.path.join(request["binary_dir"], f"{spec['name']}-{spec['n']}-{what}.f64")


def box_of(spec):
    if "lower" not in spec:
        return None
    return (np.array([float(v) for v in spec["lower"]]), np.array([float(v) for v in spec["upper"]]))


def run(problem, scale, spec, method, request):
    x0 = start_point(problem, spec)
    box = box_of(spec)
    gtol = float(spec["gtol"])
    norm2 = method == "L-BFGS-B" and int(request.get("gradient_norm", 0)) == 2
    stop_below = gtol if norm2 else None
    opts = options(method, gtol, int(request.get("maxiter", 10000)), float(request.get("value_change", 0.0)), norm2)
    binary = "binary_dir" in request
    seconds = request.get("seconds_per_solve")
    out = {"type": "result", "problem": spec["name"], "method": method}
    iterates = [x0.copy()]

    def record(intermediate_result):  # SciPy passes the new-style result only to a parameter of this name
        iterates.append(np.array(intermediate_result.x))

    try:
        # the first solve records the iterates (the callback costs time, so it is not timed) unless
        # vectors travel in files: then nothing is recorded and a first solve of warm_below seconds or more is timed too
        res, c, first, first_cpu = solve_once(problem, scale, method, x0, opts, None if binary else record, stop_below, seconds, box)
        budget = float(request.get("seconds_per_method", 1.0))
        if first >= budget or first > float(request.get("once_above", math.inf)):  # a slow solve is timed once, by its first run
            runs = [(first, first_cpu)]
        else:
            repeats = max(1, min(int(request.get("repeats", 5)), int(budget / max(first, 1e-9))))
            timed_first = binary and first >= float(request.get("warm_below", 0.0))
            runs = [solve_once(problem, scale, method, x0, opts, None, stop_below, seconds, box)[2:] for _ in range(repeats - timed_first)]
            if timed_first:
                runs = [(first, first_cpu)] + runs
        times = [t for t, _ in runs]
        cpu_times = [t for _, t in runs]
    except Exception as e:  # an optimiser failing on a problem is a result, not a crash
        out.update({"status": "error", "success": False, "message": f"{type(e).__name__}: {e}"})
        return out
    g = problem.gradient(res.x) * scale
    out.update({
        "status": int(res.status) if hasattr(res, "status") else -1,
        "success": bool(res.success),
        "message": str(res.message),
        "f": finite(float(res.fun)),
        "gnorm": finite(float(np.linalg.norm(g))),
        "nfev": c.nfev, "njev": c.ngev, "nhev": c.nhev,
        "nit": int(getattr(res, "nit", len(iterates) - 1)),
        "seconds": statistics.median(times),
        "times": times,
        "cpu_seconds": statistics.median(cpu_times),
        "cpu_times": cpu_times,
    })
    if binary:
        path = vector_file(request, spec, method)
        np.asarray(res.x, dtype="<f8").tofile(path)
        out["x_file"] = path
    else:
        history = [float(np.linalg.norm(problem.gradient(x))) * scale for x in iterates]
        out["x"] = [finite(v) for v in res.x]
        out["history"] = [finite(h) for h in history]
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
                if spec.get("suite") == "large":
                    problem = large.get(spec["name"], spec["n"])
                else:
                    problem = mgh.get(spec.get("function", spec["name"]), spec["n"], spec.get("m"))
            except (KeyError, ValueError) as e:
                emit({"type": "check", "problem": spec["name"], "error": str(e.args[0])})
                continue
            if request["mode"] == "check":
                f, g = problem.value_and_gradient(start_point(problem, spec))
                reply = {"type": "check", "problem": spec["name"], "f0": finite(f * scale)}
                if hasattr(problem, "m"):
                    reply["m"] = problem.m
                if "binary_dir" in request:
                    path = vector_file(request, spec, "g0")
                    np.asarray(g * scale, dtype="<f8").tofile(path)
                    reply["g0_file"] = path
                else:
                    reply["g0"] = [finite(v) for v in g * scale]
                emit(reply)
            else:
                for method in request["methods"]:
                    emit(run(problem, scale, spec, method, request))
    emit({"type": "done"})
    return 0


if __name__ == "__main__":
    sys.exit(main())
