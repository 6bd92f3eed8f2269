#!/usr/bin/env python3
"""SciPy's least_squares on NIST StRD .dat files, for side-by-side comparison with Fixpoint.

Protocol: one JSON request on stdin, {"datasets": [{"name": ..., "text": <the .dat file>}], "methods": [...]},
JSON Lines on stdout: one object per (dataset, start, method): the estimate x, cost (= RSS/2), status,
message, nfev, njev, and the median wall time of 5 fits (excluding interpreter start-up). Fixpoint computes the LREs itself. Tolerances ftol = xtol = gtol = 1e-15,
x_scale='jac' (MINPACK's own scaling), and an exact Jacobian by complex step (for every method,
since method='lm' would otherwise difference forward).
"""
import json
import re
import statistics
import sys
import time

import numpy as np
from scipy.optimize import least_squares

REPEATS = 5  # the reported time is the median over this many fits
NUM = r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"


def read(text):
    lines = text.splitlines()
    model, params, data, in_model, in_data = None, [], [], False, False
    for line in lines:
        if in_data:
            if line.strip():
                data.append([float(v) for v in line.split()])
            continue
        if model is None and re.match(r"^\s*y\s*=", line):
            model, in_model = line.split("=", 1)[1], True
        elif in_model:
            model += " " + line.strip()
        if in_model and re.search(r"\+\s*e\s*$", model):
            model, in_model = re.sub(r"\+\s*e\s*$", "", model), False
            continue
        m = re.match(rf"^\s*(b\d+)\s*=\s*({NUM})\s+({NUM})\s+({NUM})\s+({NUM})\s*$", line)
        if m:
            params.append([float(m.group(i)) for i in range(2, 6)])
        if re.match(r"^\s*Data:\s+y\s+x\s*$", line):
            in_data = True
    expr = model.replace("[", "(").replace("]", ")").replace("arctan", "np.arctan")
    expr = re.sub(r"\b(exp|cos|sin)\(", r"np.\1(", expr).replace("pi", "np.pi")
    expr = re.sub(r"\bb(\d+)", lambda m: f"b[{int(m.group(1)) - 1}]", expr)
    params = np.array(params)
    data = np.array(data)
    return expr.strip(), params[:, 0], params[:, 1], data[:, 1], data[:, 0]


def fit(expr, x, y, b0, method):
    f = eval("lambda b, x: " + expr, {"np": np})

    def residuals(b):
        return f(b, x) - y

    def jacobian(b):
        h = 1e-30
        jac = np.empty((len(x), len(b)))
        for j in range(len(b)):
            bc = np.array(b, dtype=complex)
            bc[j] += 1j * h
            jac[:, j] = np.imag(f(bc, x)) / h
        return jac

    return least_squares(residuals, b0, jac=jacobian, method=method, ftol=1e-15, xtol=1e-15, gtol=1e-15,
                         x_scale="jac", max_nfev=20000)


def main():
    request = json.load(sys.stdin)
    methods = request["methods"]
    for dataset in request["datasets"]:
        name = dataset["name"]
        expr, s1, s2, x, y = read(dataset["text"])
        for start, b0 in ((1, s1), (2, s2)):
            for method in methods:
                out = {"dataset": name, "start": start, "method": method}
                try:
                    times = []
                    for _ in range(REPEATS):
                        t0 = time.perf_counter()
                        with np.errstate(all="ignore"):
                            r = fit(expr, x, y, b0, method)
                        times.append(time.perf_counter() - t0)
                    out["seconds"] = statistics.median(times)
                    out.update(x=[float(v) for v in r.x], cost=float(r.cost), status=int(r.status), message=str(r.message),
                               nfev=int(r.nfev), njev=int(r.njev or 0), success=bool(r.success))
                except Exception as e:  # a failed fit is a result, not a crash
                    out.update(x=None, cost=None, status=-99, message=str(e), nfev=0, njev=0, success=False)
                print(json.dumps(out), flush=True)


if __name__ == "__main__":
    main()
